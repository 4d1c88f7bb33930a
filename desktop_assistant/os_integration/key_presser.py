"""Presses keys the way a person does, through the OS's own input API (for `selftest` only).

X11: the XTEST extension (python-xlib's Xlib.ext.xtest), the same path a real keyboard's events take
through the server, so XGrabKey grabs and focus apply. Windows: SendInput, one event per call with a
short gap, as a hand would, so a low-level hook or RegisterHotKey sees ordinary key-downs and key-ups.
The app itself never uses this: its paste chord goes through keys.py.
"""

from __future__ import annotations

import os
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

GAP_S = 0.03  # between two key events: a quick human press

_X_MODIFIERS = {"ctrl": "Control_L", "alt": "Alt_L", "shift": "Shift_L", "win": "Super_L"}
_X_NAMED = {
    "enter": "Return",
    "esc": "Escape",
    "space": "space",
    "tab": "Tab",
    "backspace": "BackSpace",
    **{f"f{n}": f"F{n}" for n in range(1, 13)},
}
_WIN_MODIFIERS = {"ctrl": 0xA2, "alt": 0xA4, "shift": 0xA0, "win": 0x5B}  # the left-hand keys
_WIN_NAMED = {
    "enter": 0x0D,
    "esc": 0x1B,
    "space": 0x20,
    "tab": 0x09,
    "backspace": 0x08,
    **{f"f{n}": 0x6F + n for n in range(1, 13)},
}


class KeyPresser(ABC):
    def __init__(self, sleep: Callable[[float], None] = time.sleep) -> None:
        self._sleep = sleep

    @abstractmethod
    def _key(self, name: str, down: bool) -> None:
        """One key event; `name` is a modifier (ctrl, alt, shift, win), a letter/digit or a named key."""

    def close(self) -> None:
        pass

    def press(self, hotkey: Hotkey) -> None:
        """Modifiers down, the key down and up, modifiers up (in reverse), each after a short gap."""
        modifiers = [m for m in ("ctrl", "alt", "shift", "win") if m in hotkey.modifiers]
        events = [(m, True) for m in modifiers] + [(hotkey.key, True), (hotkey.key, False)]
        events += [(m, False) for m in reversed(modifiers)]
        self._events(events)

    def tap(self, *keys: str) -> None:
        """Each key down and up in turn (letters are typed lower case: no shift)."""
        self._events([(key, down) for key in keys for down in (True, False)])

    def _events(self, events: list[tuple[str, bool]]) -> None:
        for name, down in events:
            self._key(name, down)
            self._sleep(GAP_S)


class X11KeyPresser(KeyPresser):
    def __init__(self, display_name: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        name = display_name or os.environ.get("DISPLAY", "")
        try:
            from Xlib import XK
            from Xlib import display as xdisplay
            from Xlib.ext import xtest

            self._display = xdisplay.Display(name)
        except Exception as exc:  # ImportError, no display
            raise PlatformUnavailable(f"cannot open X display {name!r}: {exc}") from None
        if not self._display.has_extension("XTEST"):
            self._display.close()
            raise PlatformUnavailable("the X server has no XTEST extension")
        self._xk, self._xtest = XK, xtest

    def _keycode(self, name: str) -> int:
        keysym = self._xk.string_to_keysym(_X_MODIFIERS.get(name) or _X_NAMED.get(name) or name)
        keycode = self._display.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            raise PlatformUnavailable(f"no key for {name!r} in this keyboard layout")
        return keycode

    def _key(self, name: str, down: bool) -> None:
        from Xlib import X

        self._xtest.fake_input(self._display, X.KeyPress if down else X.KeyRelease, self._keycode(name))
        self._display.sync()

    def close(self) -> None:
        self._display.close()


class WindowsKeyPresser(KeyPresser):
    def __init__(self, api: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._api = api

    @staticmethod
    def virtual_key(name: str) -> int:
        if name in _WIN_MODIFIERS:
            return _WIN_MODIFIERS[name]
        if name in _WIN_NAMED:
            return _WIN_NAMED[name]
        if len(name) == 1 and name.isascii() and name.isalnum():
            return ord(name.upper())  # VK_A..VK_Z and VK_0..VK_9 are the ASCII codes
        raise PlatformUnavailable(f"no virtual key for {name!r}")

    def _key(self, name: str, down: bool) -> None:
        from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP, KeyInput

        vk = self.virtual_key(name)
        event = KeyInput(vk, self._api.scan_code(vk), 0 if down else KEYEVENTF_KEYUP)
        if self._api.send_input([event]) != 1:  # UIPI or a secure desktop (UAC, lock screen)
            raise PlatformUnavailable("SendInput was blocked")


def pick_presser(platform: str = sys.platform) -> KeyPresser:
    if platform == "win32":
        from desktop_assistant.os_integration.win32 import Win32Api

        return WindowsKeyPresser(Win32Api())
    if platform.startswith("linux"):
        return X11KeyPresser()
    raise PlatformUnavailable(f"no key presser for {platform}")
