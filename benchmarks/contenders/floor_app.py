"""The least a PySide6 program must do to paste one phrase on Ctrl+Alt+1 under X11: a lower bound, not a product.

    floor_app                      bare: PySide6 + python-xlib, one label shown, the phrase built in
    floor_app --essentials DIR     first what our panel cannot start without (logging, the single-instance
                                   socket, the SQLite store with its migrations check, the phrase library and
                                   its search index), reading the phrase bound to ctrl+alt+1 from DIR's database

Frozen by benchmarks/start_floor.py with PyInstaller. It grabs the combo itself (XGrabKey on the lock
variants), waits until every key is up (XQueryKeymap every 2 ms, like our pipeline), sets the Qt clipboard and
sends Ctrl+V through XTEST. No clipboard backup, no queue for pastes of other phrases, no panel, no tray: each
of those only adds time and memory, so what this program measures cannot be beaten by a PySide6 panel that
does more. It prints "ready" once the grab is in place.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel
from Xlib import XK, X
from Xlib import display as xdisplay
from Xlib.ext import xtest

PHRASE = "亲，您好！欢迎光临云朵家居旗舰店，我是客服小王。\n请问有什么可以帮您？"
LOCK_VARIANTS = (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask)


class GrabbedHotkey(QObject):
    pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._display = xdisplay.Display()
        root = self._display.screen().root
        keycode = self._display.keysym_to_keycode(XK.string_to_keysym("1"))
        for lock in LOCK_VARIANTS:
            root.grab_key(keycode, X.ControlMask | X.Mod1Mask | lock, True, X.GrabModeAsync, X.GrabModeAsync)
        self._display.sync()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:  # the hook thread only emits; the GUI thread pastes
        while True:
            if self._display.next_event().type == X.KeyPress:
                self.pressed.emit()


def load_essentials(basedir: str) -> str:
    """What our app does before it can paste, minus the panel; returns the phrase bound to ctrl+alt+1."""
    import datetime as dt
    from pathlib import Path

    from desktop_assistant.domain.clock import SystemClock
    from desktop_assistant.log import setup_logging
    from desktop_assistant.os_integration import insertion  # noqa: F401 - imported at start by the real app
    from desktop_assistant.os_integration.single_instance import SingleInstance
    from desktop_assistant.paths import Paths
    from desktop_assistant.storage.store import open_store
    from desktop_assistant.ui.phrase_library import PhraseLibrary

    paths = Paths(Path(basedir))
    setup_logging(paths)
    instance = SingleInstance(paths.instance_key, QApplication.instance())
    instance.claim()
    store = open_store(paths, dt.datetime.now())
    PhraseLibrary(store.phrases, SystemClock(), QApplication.instance())
    return next(p.text for p in store.phrases.all() if (p.hotkey or "").lower() == "ctrl+alt+1")


def main() -> int:
    app = QApplication(sys.argv[:1])
    phrase = load_essentials(sys.argv[2]) if sys.argv[1:2] == ["--essentials"] else PHRASE
    label = QLabel("短语面板：亲，您好")
    label.show()
    sender = xdisplay.Display()
    control = sender.keysym_to_keycode(XK.XK_Control_L)
    v_key = sender.keysym_to_keycode(XK.string_to_keysym("v"))
    waiting = 0  # presses not pasted yet
    keys_up = QTimer()
    keys_up.setInterval(2)

    def paste_when_keys_up() -> None:
        nonlocal waiting
        if any(sender.query_keymap()):
            return
        app.clipboard().setText(phrase)
        for keycode, event in (
            (control, X.KeyPress),
            (v_key, X.KeyPress),
            (v_key, X.KeyRelease),
            (control, X.KeyRelease),
        ):
            xtest.fake_input(sender, event, keycode)
        sender.flush()
        waiting -= 1
        if not waiting:
            keys_up.stop()

    def on_press() -> None:
        nonlocal waiting
        waiting += 1
        keys_up.start()

    keys_up.timeout.connect(paste_when_keys_up)
    hotkey = GrabbedHotkey()
    hotkey.pressed.connect(on_press)
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
