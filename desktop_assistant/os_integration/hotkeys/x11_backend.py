"""X11 (Linux default with a display): XGrabKey on the root window, so the combo never reaches the
focused window (no stray "1" in the chat box); pynput's RECORD listener only watches.

Each combo is grabbed with every combination of the lock modifiers (CapsLock, NumLock, ScrollLock),
or it would stop working whenever NumLock is on. A combo another client already grabbed fails with
BadAccess: it is reported in `failures`, the others keep working. Events are read on a thread of
this backend with its own Display connection; it only calls `on_press` (which emits a Qt signal).
"""

from __future__ import annotations

import itertools
import logging
import os
import select
import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP  # typed str -> str; lupdate reads it the same
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable

log = logging.getLogger(__name__)

MSG_NO_DISPLAY = QT_TRANSLATE_NOOP("Hotkeys", "无法连接 X 服务器，全局快捷键不可用：{0}")
MSG_TAKEN = QT_TRANSLATE_NOOP("Hotkeys", "已被其他程序占用")
MSG_NO_KEY = QT_TRANSLATE_NOOP("Hotkeys", "当前键盘布局没有这个键")
MSG_REFUSED = QT_TRANSLATE_NOOP("Hotkeys", "X 服务器拒绝了这个快捷键：{0}")

# Our key names -> X keysym names.
_KEYSYM_NAMES = {
    "space": "space",
    "enter": "Return",
    "tab": "Tab",
    "esc": "Escape",
    "backspace": "BackSpace",
    "delete": "Delete",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "page_up": "Prior",
    "page_down": "Next",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "`": "grave",
    "-": "minus",
    "=": "equal",
    "[": "bracketleft",
    "]": "bracketright",
    "\\": "backslash",
    ";": "semicolon",
    "'": "apostrophe",
    ",": "comma",
    ".": "period",
    "/": "slash",
    "+": "plus",
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Hotkeys", text)


def keysym_name(key: str) -> str:
    return _KEYSYM_NAMES.get(key, key)


def lock_variants(lock_masks: list[int]) -> list[int]:
    """Every combination of the lock modifiers (0 included): 8 variants with Caps, Num and Scroll."""
    masks = sorted({mask for mask in lock_masks if mask})
    return sorted({sum(combo) for n in range(len(masks) + 1) for combo in itertools.combinations(masks, n)})


class X11GrabBackend(HotkeyBackend):
    name = "x11"

    def __init__(self, display_name: str | None = None, display_factory: Callable[[str], Any] | None = None) -> None:
        self._display_name = display_name
        self._display_factory = display_factory  # injected in tests
        self._display: Any = None
        self._grabs: dict[tuple[int, int], str] = {}  # (keycode, modifier mask) -> action
        self._grabbed_variants: list[tuple[int, int]] = []
        self._relevant_mask = 0
        self._thread: threading.Thread | None = None
        self._wake_r = self._wake_w = -1
        self._stopping = threading.Event()
        self.failures: dict[Hotkey, str] = {}

    # --- registration (GUI thread) ---------------------------------------------------------
    def _open(self) -> Any:
        name = self._display_name or os.environ.get("DISPLAY", "")
        try:
            if self._display_factory is not None:
                return self._display_factory(name)
            if not name:
                raise RuntimeError("DISPLAY is not set")
            from Xlib import display as xdisplay

            return xdisplay.Display(name)
        except Exception as exc:
            raise HotkeyUnavailable(_tr(MSG_NO_DISPLAY).format(exc)) from None

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        from Xlib import XK, X, error

        from desktop_assistant.os_integration.x11 import modifier_masks

        self.stop()
        display = self._open()
        root = display.screen().root
        masks = modifier_masks(display)
        variants = lock_variants([masks["lock"], masks["numlock"], masks["scrolllock"]])
        self._relevant_mask = masks["shift"] | masks["ctrl"] | masks["alt"] | masks["win"]
        self.failures = {}
        self._grabs = {}
        self._grabbed_variants = []
        for hotkey, action in bindings.items():
            keysym = XK.string_to_keysym(keysym_name(hotkey.key))
            keycode = display.keysym_to_keycode(keysym) if keysym else 0
            if not keycode:
                self.failures[hotkey] = _tr(MSG_NO_KEY)
                continue
            modifiers = 0
            for name in hotkey.modifiers:
                modifiers |= masks[name]
            catcher = error.CatchError(error.BadAccess, error.BadValue)
            for lock in variants:
                root.grab_key(keycode, modifiers | lock, False, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher)
            display.sync()  # errors come back asynchronously; sync collects them
            failure = catcher.get_error()
            if failure is not None:
                # Release the variants that did succeed: XUngrabKey only ever touches our own grabs.
                for lock in variants:
                    root.ungrab_key(keycode, modifiers | lock)
                display.sync()
                reason = _tr(MSG_TAKEN) if isinstance(failure, error.BadAccess) else _tr(MSG_REFUSED).format(failure)
                self.failures[hotkey] = reason
                log.warning("hotkey %s not grabbed: %s", hotkey, reason)
                continue
            self._grabs[(keycode, modifiers)] = action
            self._grabbed_variants += [(keycode, modifiers | lock) for lock in variants]
        self._display = display
        self._stopping.clear()
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._run, args=(display, on_press), name="x11-hotkeys", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stopping.set()
            os.write(self._wake_w, b"x")
            thread.join(timeout=2)
            for fd in (self._wake_r, self._wake_w):
                os.close(fd)
            self._wake_r = self._wake_w = -1
        display, self._display = self._display, None
        if display is not None:
            try:
                root = display.screen().root
                for keycode, mask in self._grabbed_variants:
                    root.ungrab_key(keycode, mask)
                display.sync()
            except Exception as exc:  # the server went away: nothing left to release
                log.debug("ungrab failed: %s", exc)
            try:
                display.close()
            except Exception:
                pass
        self._grabs = {}
        self._grabbed_variants = []

    # --- the event thread ------------------------------------------------------------------
    def match(self, keycode: int, state: int) -> str | None:
        return self._grabs.get((keycode, state & self._relevant_mask))

    def _run(self, display: Any, on_press: Callable[[str], None]) -> None:
        from Xlib import X

        last_release: tuple[int, int] | None = None  # (keycode, time): auto-repeat sends release+press pairs
        fd = display.fileno()
        try:
            while not self._stopping.is_set():
                if not display.pending_events():
                    readable, _, _ = select.select([fd, self._wake_r], [], [], 1.0)
                    if self._wake_r in readable or not readable:
                        continue
                for _ in range(display.pending_events()):
                    event = display.next_event()
                    if event.type == X.KeyRelease:
                        last_release = (event.detail, event.time)
                    elif event.type == X.KeyPress:
                        if last_release == (event.detail, event.time):
                            continue  # held down: the server repeats it; one press, one insertion
                        action = self.match(event.detail, event.state)
                        if action is not None:
                            on_press(action)
        except Exception:  # the connection broke (X server gone): log, never take the app down
            if not self._stopping.is_set():
                log.exception("X11 hotkey thread stopped")
