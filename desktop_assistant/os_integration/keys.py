"""The real keyboard: which keys are held now, releasing them, and sending chords or text.

`KeyboardState` answers "are the agent's hotkey keys up yet?" (X11 XQueryKeymap, Windows
GetAsyncKeyState) and can release held keys with synthetic key-ups. `KeySender` sends the paste chord,
Enter, Left and typed text (X11/macOS: pynput's Controller, XTEST on X11; Windows: SendInput).
All of it runs on the GUI thread; each call is a few non-blocking requests.
"""

from __future__ import annotations

import sys
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.os_integration.win32 import (
    EXTENDED_VKS,
    KEY_VKS,
    KEYEVENTF_EXTENDEDKEY,
    KEYEVENTF_KEYUP,
    KEYEVENTF_UNICODE,
    MODIFIER_VKS,
    KeyInput,
    utf16_units,
)
from desktop_assistant.os_integration.x11 import X11Connection

# Names the pipeline uses; each sender maps them to its platform's keys.
KEY_NAMES = ("ctrl", "shift", "alt", "win", "cmd", "v", "insert", "enter", "left")


class KeyboardState(ABC):
    """Physical key state; codes are platform key codes (X11 keycodes, Windows virtual keys)."""

    @abstractmethod
    def held(self) -> frozenset[int]: ...

    @abstractmethod
    def is_modifier(self, code: int) -> bool: ...

    @abstractmethod
    def release(self, codes: Iterable[int]) -> None:
        """Synthetic key-ups, for keys still held when the pipeline can wait no longer."""


class KeySender(ABC):
    def prepare(self) -> None:
        """Load what sending needs now, so the first paste chord is not late (pynput imports slowly)."""

    @abstractmethod
    def chord(self, *names: str) -> None:
        """Press the keys in order, release them in reverse (e.g. chord("ctrl", "v"))."""

    @abstractmethod
    def tap(self, name: str, times: int = 1) -> None: ...

    @abstractmethod
    def type_text(self, text: str) -> None:
        """Type characters (no newlines: the pipeline pastes multi-line text)."""


# --- nothing known (macOS key state, or no display) --------------------------------------------
class NoKeyboardState(KeyboardState):
    """Where the key state cannot be read: the pipeline then waits only a short fixed grace period."""

    def held(self) -> frozenset[int]:
        return frozenset()

    def is_modifier(self, code: int) -> bool:
        return False

    def release(self, codes: Iterable[int]) -> None:
        pass


# --- X11 ---------------------------------------------------------------------------------------
class X11KeyboardState(KeyboardState):
    def __init__(self, connection: X11Connection) -> None:
        self._x = connection
        self._modifier_codes: frozenset[int] | None = None

    def held(self) -> frozenset[int]:
        keymap = self._x.display.query_keymap()  # 32 bytes, one bit per keycode
        return frozenset(
            byte_index * 8 + bit for byte_index, byte in enumerate(keymap) for bit in range(8) if byte & (1 << bit)
        )

    def is_modifier(self, code: int) -> bool:
        if self._modifier_codes is None:
            mapping = self._x.display.get_modifier_mapping()
            self._modifier_codes = frozenset(code for row in mapping for code in row if code)
        return code in self._modifier_codes

    def release(self, codes: Iterable[int]) -> None:
        from Xlib import X
        from Xlib.ext import xtest

        display = self._x.display
        for code in codes:
            xtest.fake_input(display, X.KeyRelease, code)
        display.sync()


def char_keysym(char: str) -> int:
    """X keysym of a character: Latin-1 keysyms are the code point, the rest 0x01000000 + code point."""
    code = ord(char)
    if char == "\t":
        return 0xFF09
    return code if 0x20 <= code <= 0x7E or 0xA0 <= code <= 0xFF else 0x01000000 + code


class X11Typist:
    """Types any text through XTEST, as xdotool does: a character the layout lacks is mapped onto a
    spare keycode first, and the X server gets `remap_delay` to tell every client about the new mapping
    before the key goes out (without it a client may read the key with the previous character).
    Spare keycodes are used in turn and cleared afterwards."""

    def __init__(self, connection: X11Connection, remap_delay: float = 0.015) -> None:
        self._x = connection
        self._remap_delay = remap_delay
        self._spare: list[int] | None = None

    def _spare_keycodes(self) -> list[int]:
        if self._spare is None:
            display = self._x.display
            first, last = display.display.info.min_keycode, display.display.info.max_keycode
            mapping = display.get_keyboard_mapping(first, last - first + 1)
            self._spare = [first + index for index, syms in enumerate(mapping) if not any(syms)][-8:]
        return self._spare

    def type_text(self, text: str) -> None:
        import time

        from Xlib import XK, X
        from Xlib.ext import xtest

        display = self._x.display
        shift = display.keysym_to_keycode(XK.XK_Shift_L)
        used: list[int] = []
        spare = self._spare_keycodes()
        try:
            for char in text:
                keysym = char_keysym(char)
                found = [(code, index) for code, index in display.keysym_to_keycodes(keysym) if index in (0, 1)]
                if found:
                    code, index = min(found, key=lambda item: item[1])
                elif spare:
                    code, index = spare[len(used) % len(spare)], 0
                    display.change_keyboard_mapping(code, [(keysym, keysym)])
                    display.sync()
                    used.append(code)
                    time.sleep(self._remap_delay)
                else:
                    raise PlatformUnavailable("no spare keycode to type with")
                if index == 1:
                    xtest.fake_input(display, X.KeyPress, shift)
                xtest.fake_input(display, X.KeyPress, code)
                xtest.fake_input(display, X.KeyRelease, code)
                if index == 1:
                    xtest.fake_input(display, X.KeyRelease, shift)
                display.sync()
        finally:
            if used:
                time.sleep(self._remap_delay)  # the last character is read before its keycode is cleared
                for code in set(used):
                    display.change_keyboard_mapping(code, [(0, 0)])
                display.sync()


class PynputKeySender(KeySender):
    """pynput's Controller. On X11 every key goes through XTEST (KeyCode.from_vk with the keysym):
    pynput would otherwise deliver letters with XSendEvent, which many clients ignore; text is typed
    by an X11Typist for the same reason."""

    def __init__(self, platform: str = sys.platform, typist: X11Typist | None = None) -> None:
        self._platform = platform
        self._controller: Any = None
        self._keys: dict[str, Any] = {}
        self._typist = typist  # X11: XTEST typing (pynput's own type() uses XSendEvent and races)

    def _ensure(self) -> Any:
        if self._controller is None:
            try:
                from pynput import keyboard
            except Exception as exc:  # no display: pynput raises at import
                raise PlatformUnavailable(f"pynput cannot send keys: {exc}") from None
            Key, KeyCode = keyboard.Key, keyboard.KeyCode
            self._keys = {
                "ctrl": Key.ctrl,
                "shift": Key.shift,
                "alt": Key.alt,
                "win": Key.cmd,
                "cmd": Key.cmd,
                "insert": getattr(Key, "insert", None),
                "enter": Key.enter,
                "left": Key.left,
            }
            if self._platform.startswith("linux"):
                from Xlib import XK

                self._keys["v"] = KeyCode.from_vk(XK.XK_v)
            else:
                self._keys["v"] = KeyCode.from_char("v")
            self._controller = keyboard.Controller()
        return self._controller

    def prepare(self) -> None:
        self._ensure()

    def _key(self, name: str) -> Any:
        key = self._keys.get(name)
        if key is None:
            raise PlatformUnavailable(f"no key {name!r} here")
        return key

    def chord(self, *names: str) -> None:
        controller = self._ensure()
        keys = [self._key(name) for name in names]
        pressed: list[Any] = []
        try:
            for key in keys:
                controller.press(key)
                pressed.append(key)
        finally:
            for key in reversed(pressed):
                controller.release(key)

    def tap(self, name: str, times: int = 1) -> None:
        controller = self._ensure()
        key = self._key(name)
        for _ in range(times):
            controller.press(key)
            controller.release(key)

    def type_text(self, text: str) -> None:
        if self._typist is not None:
            self._typist.type_text(text)
        else:
            self._ensure().type(text)


# --- Windows -----------------------------------------------------------------------------------
_WIN_VKS = {
    "ctrl": 0x11,
    "shift": 0x10,
    "alt": 0x12,
    "win": 0x5B,
    "cmd": 0x5B,
    "v": 0x56,
    "insert": 0x2D,
    "enter": 0x0D,
    "left": 0x25,
}


class WindowsKeyboardState(KeyboardState):
    def __init__(self, api: Any) -> None:
        self._api = api

    def held(self) -> frozenset[int]:
        return frozenset(vk for vk in KEY_VKS if self._api.async_key_down(vk))

    def is_modifier(self, code: int) -> bool:
        return code in MODIFIER_VKS

    def release(self, codes: Iterable[int]) -> None:
        events = [
            KeyInput(
                vk, self._api.scan_code(vk), KEYEVENTF_KEYUP | (KEYEVENTF_EXTENDEDKEY if vk in EXTENDED_VKS else 0)
            )
            for vk in codes
        ]
        if events:
            self._api.send_input(events)


class WindowsKeySender(KeySender):
    """SendInput: one call per chord, so nothing the agent types can land between its events."""

    def __init__(self, api: Any) -> None:
        self._api = api

    def _event(self, name: str, up: bool) -> KeyInput:
        vk = _WIN_VKS[name]
        flags = (KEYEVENTF_KEYUP if up else 0) | (KEYEVENTF_EXTENDEDKEY if vk in EXTENDED_VKS else 0)
        return KeyInput(vk, self._api.scan_code(vk), flags)

    def chord(self, *names: str) -> None:
        events = [self._event(name, False) for name in names]
        events += [self._event(name, True) for name in reversed(names)]
        self._send(events)

    def tap(self, name: str, times: int = 1) -> None:
        self._send([self._event(name, up) for _ in range(times) for up in (False, True)])

    def type_text(self, text: str) -> None:
        events = [
            KeyInput(0, unit, KEYEVENTF_UNICODE | up) for unit in utf16_units(text) for up in (0, KEYEVENTF_KEYUP)
        ]
        self._send(events)

    def _send(self, events: list[KeyInput]) -> None:
        if events and self._api.send_input(events) != len(events):
            # UIPI (an elevated target) or a secure desktop blocks injection; SendInput says so.
            raise PlatformUnavailable("SendInput was blocked")
