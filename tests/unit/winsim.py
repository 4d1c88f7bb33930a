"""A small model of Windows keyboard input, for the hotkey backends and the insertion pipeline.

What it keeps, in the order Windows handles a key event (LowLevelKeyboardProc docs; ReactOS
win32k ProcessKeyEvent):
  1. low-level hooks see the event first; a hook that returns non-zero drops it: no key state
     changes, no hotkey, nothing reaches any window;
  2. the asynchronous (logical) key state is updated: what GetAsyncKeyState reports;
  3. registered hotkeys are matched against the logical modifiers; a match eats the key-down and
     posts WM_HOTKEY to the registering thread (with MOD_NOREPEAT, not for an auto-repeat);
  4. everything else reaches the focused window (`target`).
Physical state (`physical`) is kept apart from the logical one: a key a hook dropped is held but up.
Input is one serial queue: SendInput, and keys a hook injects while it runs, are handled after the
event being handled now, as the raw input thread does.

keyboard 0.13.5's Windows hook (_winkeyboard.low_level_keyboard_handler, which needs user32 and is
not importable here) is reproduced as `KeyboardHookAdapter`: it skips injected events sent while Alt
is down (LLKHF_INJECTED | LLKHF_ALTDOWN) and hands every other event to the REAL
`keyboard._listener.direct_callback`; `FakeOsKeyboard` stands in for the package's `_os_keyboard`.
"""

from __future__ import annotations

import ctypes
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer

from desktop_assistant.os_integration.hotkeys.win_user32 import (
    ERROR_HOTKEY_ALREADY_REGISTERED,
    MSG,
    WM_HOTKEY,
)
from desktop_assistant.os_integration.hotkeys.win_vk import MOD_ALT, MOD_CONTROL, MOD_NOREPEAT, MOD_SHIFT, MOD_WIN
from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP, KEYEVENTF_UNICODE


@dataclass(frozen=True)
class Key:
    name: str  # keyboard 0.13.5's name for the key on a US layout
    vk: int  # the side-specific virtual key a low-level hook reports
    scan: int


KEYS = {
    k.name: k
    for k in [
        Key("ctrl", 0xA2, 0x1D),
        Key("alt", 0xA4, 0x38),
        Key("shift", 0xA0, 0x2A),
        Key("left windows", 0x5B, 0x5B),
        Key("1", 0x31, 0x02),
        Key("2", 0x32, 0x03),
        Key("v", 0x56, 0x2F),
        Key("h", 0x48, 0x23),
        Key("p", 0x50, 0x19),
        Key(",", 0xBC, 0x33),
        Key("=", 0xBB, 0x0D),
        Key("enter", 0x0D, 0x1C),
        Key("f24", 0x87, 0x76),
        Key("vk_e8", 0xE8, 0x00),
    ]
}
SIDED_SCANS = {
    "left ctrl": 0x1D,
    "right ctrl": 0x1D,
    "left alt": 0x38,
    "right alt": 0x38,
    "left shift": 0x2A,
    "right shift": 0x36,
    "right windows": 0x5C,
}
BY_VK = {k.vk: k for k in KEYS.values()}
BY_SCAN = {k.scan: k for k in KEYS.values() if k.scan}
GENERIC = {0x11: 0xA2, 0x12: 0xA4, 0x10: 0xA0}  # SendInput's VK_CONTROL/VK_MENU/VK_SHIFT: the left keys
MODIFIER_VKS = {
    0xA2: MOD_CONTROL,
    0xA3: MOD_CONTROL,
    0xA4: MOD_ALT,
    0xA5: MOD_ALT,
    0xA0: MOD_SHIFT,
    0xA1: MOD_SHIFT,
    0x5B: MOD_WIN,
    0x5C: MOD_WIN,
}
SIDELESS = {0xA2: 0x11, 0xA3: 0x11, 0xA4: 0x12, 0xA5: 0x12, 0xA0: 0x10, 0xA1: 0x10}


class WindowsInput:
    """The OS: hooks, key state, hotkeys, the focused window. Also the Win32Api subset the pipeline's
    WindowsKeyboardState/WindowsKeySender use, and the user32/app subset NativeHotkeyBackend uses."""

    def __init__(self) -> None:
        self.physical: set[int] = set()  # scan codes of keys a finger holds
        self.logical: set[int] = set()  # virtual keys GetAsyncKeyState says are down
        self.target: list[tuple[str, str]] = []  # (key name, "down"/"up") the focused window got
        self.pasted: list[str] = []  # what the focused window read from the clipboard on Ctrl+V
        self.hooks: list[Callable[[Key, bool, bool], bool]] = []
        self.hotkeys: dict[int, tuple[int, int]] = {}  # id -> (MOD_* flags, vk), this thread's
        self.foreign: set[tuple[int, int]] = set()  # combos another program registered
        self.filters: list[object] = []  # Qt native event filters (the app stand-in)
        self.posted: list[tuple[int, int]] = []  # WM_HOTKEY (wParam, lParam) posted
        self._queue: deque[tuple[Key, bool, bool]] = deque()
        self._busy = False

    # --- the agent's fingers ---------------------------------------------------------------------
    def press(self, *names: str) -> None:
        for name in names:
            key = KEYS[name]
            self.physical.add(key.scan)
            self._feed(key, True, False)

    def repeat(self, name: str, times: int = 1) -> None:
        """Typematic repeat: more key-downs of a key still held."""
        key = KEYS[name]
        assert key.scan in self.physical
        for _ in range(times):
            self._feed(key, True, False)

    def release(self, *names: str) -> None:
        for name in names:
            key = KEYS[name]
            self.physical.discard(key.scan)
            self._feed(key, False, False)

    # --- the raw input thread --------------------------------------------------------------------
    def _feed(self, key: Key, down: bool, injected: bool) -> None:
        self._queue.append((key, down, injected))
        if self._busy:
            return  # handled after the event being handled now
        self._busy = True
        try:
            while self._queue:
                self._handle(*self._queue.popleft())
        finally:
            self._busy = False

    def _handle(self, key: Key, down: bool, injected: bool) -> None:
        for hook in self.hooks:
            if not hook(key, down, injected):
                return  # dropped before the key state is updated
        was_down = key.vk in self.logical
        sideless = SIDELESS.get(key.vk)
        if down:
            self.logical.add(key.vk)
            if sideless:
                self.logical.add(sideless)
        else:
            self.logical.discard(key.vk)
            if sideless and not any(SIDELESS.get(vk) == sideless for vk in self.logical):
                self.logical.discard(sideless)
        if down and key.vk not in MODIFIER_VKS and self._hotkey(key.vk, was_down):
            return
        self.target.append((key.name, "down" if down else "up"))
        if down and key.name == "v" and self.modifiers() == MOD_CONTROL:
            self._paste()

    def _paste(self) -> None:
        """An edit box on Ctrl+V (not Ctrl+Alt+V) reads the clipboard: the fetch the pipeline waits for."""
        from PySide6.QtGui import QGuiApplication

        mime = QGuiApplication.clipboard().mimeData()
        self.pasted.append(mime.text() if mime is not None else "")

    def modifiers(self) -> int:
        flags = 0
        for vk in self.logical:
            flags |= MODIFIER_VKS.get(vk, 0)
        return flags

    def _hotkey(self, vk: int, repeat: bool) -> bool:
        mods = self.modifiers()
        if (mods, vk) in self.foreign:
            return True  # another program's hotkey: eaten, not ours
        for hotkey_id, (flags, hotkey_vk) in self.hotkeys.items():
            if hotkey_vk == vk and flags & ~MOD_NOREPEAT == mods:
                if not (repeat and flags & MOD_NOREPEAT):
                    self._post(hotkey_id, mods | (vk << 16))
                return True  # the key-down never reaches the focused window
        return False

    def _post(self, wparam: int, lparam: int) -> None:
        self.posted.append((wparam, lparam))
        QTimer.singleShot(0, lambda: self._dispatch(wparam, lparam))

    def _dispatch(self, wparam: int, lparam: int) -> None:
        """Qt's event dispatcher handing a thread message to the native event filters."""
        msg = MSG(hwnd=None, message=WM_HOTKEY, wParam=wparam, lParam=lparam)
        for native_filter in list(self.filters):
            native_filter.nativeEventFilter(b"windows_dispatcher_MSG", ctypes.addressof(msg))

    # --- Win32Api, as WindowsKeyboardState / WindowsKeySender use it ---------------------------------
    def async_key_down(self, vk: int) -> bool:
        return vk in self.logical

    def scan_code(self, vk: int) -> int:
        key = BY_VK.get(GENERIC.get(vk, vk))
        return key.scan if key else 0

    def send_input(self, events) -> int:
        for event in events:
            assert not event.flags & KEYEVENTF_UNICODE
            key = BY_VK[GENERIC.get(event.vk, event.vk)]
            self._feed(key, not event.flags & KEYEVENTF_KEYUP, True)
        return len(events)

    def send_mask_key(self) -> None:
        """keyboard_backend.send_menu_mask_key through this model."""
        self._feed(KEYS["vk_e8"], True, True)
        self._feed(KEYS["vk_e8"], False, True)

    # --- user32 hotkeys and the Qt application, as NativeHotkeyBackend uses them ------------------
    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        combo = (modifiers & ~MOD_NOREPEAT, vk)
        if combo in self.foreign or any((f & ~MOD_NOREPEAT, v) == combo for f, v in self.hotkeys.values()):
            return ERROR_HOTKEY_ALREADY_REGISTERED
        self.hotkeys[hotkey_id] = (modifiers, vk)
        return 0

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self.hotkeys.pop(hotkey_id, None)

    def installNativeEventFilter(self, native_filter: object) -> None:  # noqa: N802 - Qt's name
        self.filters.append(native_filter)

    def removeNativeEventFilter(self, native_filter: object) -> None:  # noqa: N802
        self.filters.remove(native_filter)

    # --- results ---------------------------------------------------------------------------------
    def target_after(self, index: int) -> list[tuple[str, str]]:
        return self.target[index:]


class KeyboardHookAdapter:
    """keyboard 0.13.5's low_level_keyboard_handler, over this model, feeding the real listener."""

    def __init__(self, windows: WindowsInput, keyboard_module) -> None:
        self._windows = windows
        self._keyboard = keyboard_module

    def __call__(self, key: Key, down: bool, injected: bool) -> bool:
        alt_down = 0x12 in self._windows.logical
        if injected and alt_down:
            return True  # the package skips injected events with LLKHF_ALTDOWN: passed on untouched
        event = self._keyboard.KeyboardEvent("down" if down else "up", key.scan or -key.vk, name=key.name)
        return bool(self._keyboard._listener.direct_callback(event))


class FakeOsKeyboard:
    """The package's `_os_keyboard` for this model: names to scan codes as on a US layout, and its
    press/release (keybd_event) injecting into the model's input queue."""

    def __init__(self, windows: WindowsInput) -> None:
        self._windows = windows
        self.listened: list[object] = []

    def init(self) -> None:
        pass

    def listen(self, callback) -> None:
        self.listened.append(callback)  # the hook is the adapter; nothing to pump here

    def map_name(self, name: str):
        if name == "+":
            yield KEYS["="].scan, ("shift",)
            return
        if name in SIDED_SCANS:  # from Windows' official virtual-key names (right keys: extended)
            yield SIDED_SCANS[name], ()
            return
        key = KEYS.get(name) or KEYS.get({"windows": "left windows"}.get(name, ""))
        if key is None:
            raise ValueError(f"Key name {name!r} is not mapped to any known key.")
        yield key.scan, ()

    def press(self, code: int) -> None:
        self._windows._feed(BY_SCAN[code], True, True)

    def release(self, code: int) -> None:
        self._windows._feed(BY_SCAN[code], False, True)
