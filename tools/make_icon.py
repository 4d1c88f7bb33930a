"""Render resources/icons/app.svg to app.ico (Windows exe and taskbar) and app.png (Linux desktop files)."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - rendering needs an application object
    icon = QIcon(str(ICONS / "app.svg"))
    for name, size in (("app.ico", 256), ("app.png", 256)):
        if not icon.pixmap(size, size).save(str(ICONS / name)):
            print(f"cannot write {name}", file=sys.stderr)
            return 1
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
