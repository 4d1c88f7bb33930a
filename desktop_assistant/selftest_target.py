"""The selftest's own target window: a text box in a second process, like the IM client's input box.

Started by `selftest` as `<same executable> _selftest-target` (frozen builds have no python to run a
script with). It talks over its stdin/stdout, one JSON object per line (ASCII, any console code page):

  out: ready {pid, window}   text {text}   key {key, text}   focus {active}   clip {text, image}
       clipset   cleared
  in:  setclip (a known text and image onto the clipboard, as the agent's own copy)
       getclip (report what the clipboard holds now)   clear   quit
It quits when stdin closes (the selftest died) and after LIFETIME_S in any case, so it never lingers.
Both sides of that protocol live here: `TargetProcess` (the selftest's end) and `run_target`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import subprocess
import sys
import tempfile
import threading
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

COMMAND = "_selftest-target"
LIFETIME_S = 90
CLIP_TEXT = "客服自己复制的内容: 订单 20261111-0001\n第二行"


def test_image() -> QImage:
    """A small opaque image with a pattern (stripes and one odd pixel), as the agent's copied screenshot."""
    image = QImage(24, 16, QImage.Format.Format_RGB32)
    image.fill(QColor(250, 245, 230))
    for x in range(0, 24, 4):
        for y in range(16):
            image.setPixelColor(x, y, QColor(200, 30, 40))
    image.setPixelColor(23, 15, QColor(10, 120, 220))
    return image


def image_digest(image: QImage | None) -> str:
    """Size and pixels as RGB32 (clipboard formats differ in alpha; the test image is opaque)."""
    if image is None or image.isNull():
        return ""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = b"".join(bytes(rgb.constScanLine(y))[: rgb.width() * 4] for y in range(rgb.height()))
    return f"{rgb.width()}x{rgb.height()}:{hashlib.sha256(pixels).hexdigest()[:16]}"


def say(event: str, **fields: Any) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


class _Stdin(QObject):
    line = Signal(str)

    def read(self) -> None:
        for text in sys.stdin:
            self.line.emit(text.strip())
        self.line.emit("quit")  # the selftest is gone: do not linger


class TargetWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("客服助手自检 - 目标窗口"))
        self.editor = QPlainTextEdit(self)
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(lambda: say("text", text=self.editor.toPlainText()))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("客服助手正在自检，请不要动键盘和鼠标（约 10 秒）"), self))
        layout.addWidget(self.editor)
        self.resize(520, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            say("key", key=int(event.key()), text=event.text())
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange:
            say("focus", active=self.isActiveWindow())
        super().changeEvent(event)

    def command(self, line: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if line == "setclip":
            mime = QMimeData()
            mime.setText(CLIP_TEXT)
            mime.setImageData(test_image())
            clipboard.setMimeData(mime)
            say("clipset")
        elif line == "getclip":
            mime = clipboard.mimeData()
            image = mime.imageData() if mime is not None and mime.hasImage() else None
            say("clip", text=clipboard.text(), image=image_digest(image if isinstance(image, QImage) else None))
        elif line == "clear":
            self.editor.clear()
            say("cleared")
        elif line == "quit":
            QApplication.quit()

    def announce(self) -> None:
        self.raise_()
        self.activateWindow()
        self.editor.setFocus()
        say("ready", pid=os.getpid(), window=int(self.winId()))


# --- the selftest's side -------------------------------------------------------------------------------
def target_command() -> list[str]:
    """The same program in target mode: the frozen exe itself, or this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, COMMAND]
    return [sys.executable, "-m", "desktop_assistant", COMMAND]


class TargetProcess:
    """The target window's process; its JSON lines are read on a thread into a queue."""

    def __init__(self, command: list[str] | None = None) -> None:
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command or target_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self.lines: queue.Queue[dict] = queue.Queue()
        self.text = ""
        self.keys: list[dict] = []
        self.focus: list[bool] = []
        self.events: list[dict] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                self.lines.put(json.loads(line))
            except ValueError:
                log.info("selftest target said: %s", line.rstrip())

    def drain(self) -> None:
        while True:
            try:
                record = self.lines.get_nowait()
            except queue.Empty:
                return
            self.events.append(record)
            if record["event"] == "text":
                self.text = record["text"]
            elif record["event"] == "key":
                self.keys.append(record)
            elif record["event"] == "focus":
                self.focus.append(record["active"])

    def last(self, event: str) -> dict | None:
        return next((r for r in reversed(self.events) if r["event"] == event), None)

    def send(self, command: str) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass  # it is gone; the waits report that

    def stderr_tail(self) -> str:
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=3)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except (OSError, ValueError, AttributeError):
                pass
        self._stderr.close()


# --- the target's side ----------------------------------------------------------------------------------
def run_target() -> int:
    app = QApplication(sys.argv[:1])
    window = TargetWindow()
    window.move(120, 120)
    window.show()
    stdin = _Stdin()
    stdin.line.connect(window.command)  # queued: emitted on the reader thread
    threading.Thread(target=stdin.read, daemon=True).start()
    QTimer.singleShot(150, window.announce)
    QTimer.singleShot(LIFETIME_S * 1000, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":  # a checkout without the CLI: python -m desktop_assistant.selftest_target
    sys.exit(run_target())
