"""The user32 calls the native hotkey backend needs (RegisterHotKey, UnregisterHotKey) and the MSG
structure WM_HOTKEY arrives in. Kept apart from os_integration/win32.py (the insertion facade).

MSG is declared with pointer-sized fields (c_void_p, c_size_t, c_ssize_t) so it has the Windows
layout of the running Python (64-bit: 48 bytes) and a test can build one on any OS.
"""

from __future__ import annotations

import ctypes
import sys

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

WM_HOTKEY = 0x0312
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
ERROR_HOTKEY_NOT_REGISTERED = 1419


class POINT(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32)]


class MSG(ctypes.Structure):
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt", POINT),
    ]


def hotkey_message(address: int) -> tuple[int, int, int] | None:
    """(id, modifiers, vk) when the MSG at `address` is a thread WM_HOTKEY, else None.
    lParam: low word the MOD_* flags, high word the virtual key (RegisterHotKey docs)."""
    if not address:
        return None
    msg = MSG.from_address(address)
    if msg.message != WM_HOTKEY or msg.hwnd:  # ours are thread hotkeys (hWnd NULL)
        return None
    return int(msg.wParam), msg.lParam & 0xFFFF, (msg.lParam >> 16) & 0xFFFF


class User32Hotkeys:
    """The real calls; only on Windows, only from the thread that runs Qt's event loop (a thread
    hotkey's WM_HOTKEY goes to the thread that registered it)."""

    _user32: ctypes.CDLL

    def __init__(self) -> None:
        # sys.platform, not os.name: mypy then checks the Windows-only ctypes names as on Windows.
        if sys.platform != "win32":
            raise PlatformUnavailable("RegisterHotKey needs Windows")
        from ctypes import wintypes

        self._user32 = ctypes.WinDLL("user32", use_last_error=True)
        for name in ("RegisterHotKey", "UnregisterHotKey"):
            getattr(self._user32, name).restype = wintypes.BOOL
        self._user32.RegisterHotKey.argtypes = [wintypes.HWND, ctypes.c_int, ctypes.c_uint, ctypes.c_uint]
        self._user32.UnregisterHotKey.argtypes = [wintypes.HWND, ctypes.c_int]

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        """0 on success, else the Windows error code (1409: another program holds the combo)."""
        if self._user32.RegisterHotKey(None, hotkey_id, modifiers, vk):
            return 0
        if sys.platform == "win32":  # always, once constructed: the narrowing mypy needs for get_last_error
            return ctypes.get_last_error() or -1
        return -1

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self._user32.UnregisterHotKey(None, hotkey_id)


class LASTINPUTINFO(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint32), ("dwTime", ctypes.c_uint32)]


def input_idle_ms() -> int | None:
    """Milliseconds since the last input of any kind on this session (GetLastInputInfo), None where
    it cannot be asked. Any thread may call it."""
    if sys.platform != "win32":
        return None
    user32 = ctypes.WinDLL("user32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetTickCount.restype = ctypes.c_uint32
    info = LASTINPUTINFO(cbSize=ctypes.sizeof(LASTINPUTINFO))
    if not user32.GetLastInputInfo(ctypes.byref(info)):
        return None
    return int(kernel32.GetTickCount() - info.dwTime) & 0xFFFFFFFF  # both wrap after 49.7 days
