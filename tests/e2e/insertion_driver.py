"""Test-only driver: the real insertion pipeline, the real X11 grab hotkey backend and the real
clipboard (QClipboard on xcb) in a QApplication on $DISPLAY, as the app will wire them.

    python tests/e2e/insertion_driver.py CONFIG.json

CONFIG: {"phrases": {"tag": {"hotkey": "ctrl+alt+1", "text": "body with {店铺} and --- lines"}},
         "context": {"agent": "小王", "shop": "云朵家居", "now": "2026-11-11T09:30:00"},
         "settings": {"paste.delay_ms": 500, ...}, "backend": "auto"}

Writes one JSON line per event on stdout: ready (hotkey state and failures), hotkey, inserted,
failed, idle, panel. Reads commands on stdin: `insert TAG` (as a click in the panel: the target
is the last window that is not ours), `panel` (show a window of ours, like the panel), `quit`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QObject, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from desktop_assistant.domain.phrases import split_messages  # noqa: E402
from desktop_assistant.domain.rendering import RenderContext, render  # noqa: E402
from desktop_assistant.domain.settings import DEFAULTS  # noqa: E402
from desktop_assistant.os_integration.hotkeys.base import HotkeyService  # noqa: E402
from desktop_assistant.os_integration.hotkeys.pick import pick  # noqa: E402
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions  # noqa: E402


def pyside_drops_references() -> bool:
    """PySide6 6.12.0 on Python 3.11 loses a reference to True on every Signal.emit() and to None on
    every void call; the process aborts when one reaches zero (after a few hundred insertions here).
    Reported, not fixed, by this project; detected here so the driver can say so."""

    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(20):
        probe.fired.emit()
    return sys.getrefcount(True) < before - 10


def add_ballast(amount: int = 10_000_000) -> None:
    """Test driver only: raise the reference counts of True, False and None (CPython's ob_refcnt is
    the first field of every object) so the bug above cannot end a long run. The app itself needs a
    PySide6 without the bug."""
    import ctypes

    for singleton in (True, False, None):
        ctypes.c_ssize_t.from_address(id(singleton)).value += amount


def say(event: str, **fields) -> None:
    print(json.dumps({"event": event, "t": time.monotonic(), **fields}, ensure_ascii=False), flush=True)


class Commands(QObject):
    received = Signal(str)

    def listen(self) -> None:
        # Nothing is emitted after "quit": a signal from this thread while the app tears down can crash it.
        for line in sys.stdin:
            self.received.emit(line.strip())
            if line.strip() == "quit":
                return
        self.received.emit("quit")


class Driver(QObject):
    pyside_bug = False

    def __init__(self, app: QApplication, config: dict) -> None:
        super().__init__()
        self.app = app
        context = config.get("context", {})
        now = dt.datetime.fromisoformat(context["now"]) if "now" in context else dt.datetime.now()
        self.ctx = RenderContext(now=now, agent=context.get("agent", ""), shop=context.get("shop", ""))
        self.phrases = config["phrases"]
        self.pipeline = InsertionPipeline.for_platform(
            PasteOptions.from_settings({**DEFAULTS, **config.get("settings", {})}), parent=self
        )
        self.pipeline.tracker.start()
        self.pipeline.inserted.connect(lambda tag: say("inserted", tag=tag))
        self.pipeline.failed.connect(lambda tag, reason: say("failed", tag=tag, reason=reason))
        self.pipeline.idle.connect(lambda: say("idle"))
        self.hotkeys = HotkeyService(pick(config.get("backend", "auto")), self)
        self.hotkeys.activated.connect(self.on_hotkey)
        self.hotkeys.set_bindings(
            {tag: phrase["hotkey"] for tag, phrase in self.phrases.items() if phrase.get("hotkey")}
        )
        self.panel: QLabel | None = None
        say(
            "ready",
            state=self.hotkeys.state,
            backend=self.hotkeys.backend_name,
            failures=self.hotkeys.failures,
            problem=self.hotkeys.problem,
            pid=os.getpid(),
            pyside_refcount_bug=self.pyside_bug,
        )

    def request(self, tag: str) -> InsertRequest:
        rendered = [render(message, self.ctx) for message in split_messages(self.phrases[tag]["text"])]
        return InsertRequest(tuple(r.text for r in rendered), rendered[-1].caret_from_end, tag)

    def on_hotkey(self, tag: str) -> None:
        say("hotkey", tag=tag)
        self.pipeline.insert(self.request(tag))

    def on_command(self, line: str) -> None:
        if line.startswith("insert "):
            self.pipeline.insert(self.request(line.split(" ", 1)[1]))
        elif line == "panel":
            self.panel = QLabel("客服助手 (driver)")
            self.panel.setWindowTitle("客服助手")
            self.panel.resize(300, 200)
            self.panel.show()
            QTimer.singleShot(200, lambda: say("panel", window=int(self.panel.winId())))
        elif line == "quit":
            self.pipeline.shutdown()
            self.hotkeys.shutdown()
            self.app.quit()


def main() -> int:
    config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    app = QApplication(sys.argv[:1])
    Driver.pyside_bug = pyside_drops_references()
    if Driver.pyside_bug:
        add_ballast()
    app.setQuitOnLastWindowClosed(False)
    driver = Driver(app, config)
    commands = Commands()
    commands.received.connect(driver.on_command)  # queued: emitted on the reader thread
    threading.Thread(target=commands.listen, daemon=True).start()
    code = app.exec()
    say("bye")
    return code


if __name__ == "__main__":
    sys.exit(main())
