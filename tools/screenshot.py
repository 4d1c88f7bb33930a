"""Render the panel offscreen to docs/panel.png for the README (needs CJK fonts: fonts-noto-cjk).

    python tools/screenshot.py [OUT.png] [--language en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_assistant.app import Application  # noqa: E402
from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend  # noqa: E402
from desktop_assistant.paths import Paths  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/panel.png")
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    qt_app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        app = Application(qt_app, Paths(Path(tmp)), hotkey_backend_factory=lambda _: FakeHotkeyBackend())
        assert app.open_database() and app.store is not None
        app.store.settings.set_many({"agent_name": "小王", "agent_id": "1024", "shop_name": "云朵家居旗舰店",
                                     "language": args.language})
        app.build_ui()
        app.show()
        assert app.panel is not None
        app.panel.resize(380, 640)
        app.panel.status_strip.set_conversation("tb_云朵朵 · 淘宝")
        for _ in range(5):
            qt_app.processEvents()
        app.panel.grab().save(args.out)
        app.shutdown()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
