"""The few Win32 calls the insertion pipeline needs, behind one small facade (ctypes, loaded lazily).

Everything above this module talks to `Win32Api`'s plain-Python methods, so unit tests on any OS
replace it with a fake. The structures use fixed-width fields (not `wintypes.DWORD`, which is 8 bytes
on 64-bit Linux) so `INPUT` has its Windows layout wherever it is built and can be checked in tests.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

# SendInput
INPUT_KEYBOARD = 1
KEYEVENTF_EXTENDEDKEY = 0x0001
KEYEVENTF_KEYUP = 0x0002
KEYEVENTF_UNICODE = 0x0004
KEYEVENTF_SCANCODE = 0x0008
MAPVK_VK_TO_VSC = 0

# Processes and tokens
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
TOKEN_QUERY = 0x0008
TOKEN_ELEVATION_CLASS = 20  # TokenElevation
ERROR_ACCESS_DENIED = 5

# Windows
SW_RESTORE = 9
ASFW_ANY = 0xFFFFFFFF
DESKTOP_READOBJECTS = 0x0001
DESKTOP_SWITCHDESKTOP = 0x0100
UOI_NAME = 2

VK_BACK, VK_TAB, VK_RETURN = 0x08, 0x09, 0x0D
VK_SHIFT, VK_CONTROL, VK_MENU = 0x10, 0x11, 0x12
VK_INSERT, VK_DELETE, VK_LEFT = 0x2D, 0x2E, 0x25
VK_LWIN, VK_RWIN = 0x5B, 0x5C
VK_LSHIFT, VK_RSHIFT, VK_LCONTROL, VK_RCONTROL, VK_LMENU, VK_RMENU = 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5
VK_F24 = 0x87
MODIFIER_VKS = frozenset(
    {
        VK_SHIFT,
        VK_CONTROL,
        VK_MENU,
        VK_LWIN,
        VK_RWIN,
        VK_LSHIFT,
        VK_RSHIFT,
        VK_LCONTROL,
        VK_RCONTROL,
        VK_LMENU,
        VK_RMENU,
    }
)
# Keys whose scan code needs the E0 prefix (KEYEVENTF_EXTENDEDKEY).
EXTENDED_VKS = frozenset(
    {
        VK_RCONTROL,
        VK_RMENU,
        VK_LWIN,
        VK_RWIN,
        VK_INSERT,
        VK_DELETE,
        0x21,
        0x22,
        0x23,
        0x24,
        0x25,
        0x26,
        0x27,
        0x28,
        0x2C,
        0x6F,
        0x90,
    }
)
# GetAsyncKeyState codes that are not keys a person holds (mouse buttons, generic modifiers that
# duplicate the left/right ones, VK_PACKET used by Unicode injection).
_NOT_KEYS = frozenset({0x01, 0x02, 0x04, 0x05, 0x06, VK_SHIFT, VK_CONTROL, VK_MENU, 0xE7})
KEY_VKS = tuple(vk for vk in range(0x08, 0xFF) if vk not in _NOT_KEYS)


@dataclass(frozen=True)
class KeyInput:
    """One keyboard INPUT: a virtual key (with scan code) or, with KEYEVENTF_UNICODE, a UTF-16 unit."""

    vk: int = 0
    scan: int = 0
    flags: int = 0


class KEYBDINPUT(ctypes.Structure):
    _fields_ = [
        ("wVk", ctypes.c_uint16),
        ("wScan", ctypes.c_uint16),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class MOUSEINPUT(ctypes.Structure):
    _fields_ = [
        ("dx", ctypes.c_int32),
        ("dy", ctypes.c_int32),
        ("mouseData", ctypes.c_uint32),
        ("dwFlags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),
    ]


class HARDWAREINPUT(ctypes.Structure):
    _fields_ = [("uMsg", ctypes.c_uint32), ("wParamL", ctypes.c_uint16), ("wParamH", ctypes.c_uint16)]


class _INPUTUNION(ctypes.Union):
    _fields_ = [("mi", MOUSEINPUT), ("ki", KEYBDINPUT), ("hi", HARDWAREINPUT)]


class INPUT(ctypes.Structure):
    _anonymous_ = ("u",)
    _fields_ = [("type", ctypes.c_uint32), ("u", _INPUTUNION)]


class TOKEN_ELEVATION(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = [("TokenIsElevated", ctypes.c_uint32)]


def build_inputs(events: Sequence[KeyInput]) -> Any:
    """A ctypes INPUT array for SendInput, one keyboard input per event."""
    array = (INPUT * len(events))()
    for slot, event in zip(array, events, strict=True):
        slot.type = INPUT_KEYBOARD
        slot.ki.wVk = event.vk
        slot.ki.wScan = event.scan
        slot.ki.dwFlags = event.flags
        slot.ki.time = 0
        slot.ki.dwExtraInfo = 0
    return array


def utf16_units(text: str) -> list[int]:
    """UTF-16 code units: characters beyond the BMP (emoji) become surrogate pairs, as SendInput wants."""
    data = text.encode("utf-16-le")
    return [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)]


class Win32Api:
    """The real calls. Created only on Windows; every method is safe to call from the GUI thread."""

    def __init__(self) -> None:
        if os.name != "nt":
            raise PlatformUnavailable("Win32Api needs Windows")
        from ctypes import wintypes

        self._wt = wintypes
        self.user32 = ctypes.WinDLL("user32", use_last_error=True)
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        self.advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        self._declare()

    def _declare(self) -> None:
        wt, u, k, a = self._wt, self.user32, self.kernel32, self.advapi32
        HWND, HANDLE, BOOL, DWORD = wt.HWND, wt.HANDLE, wt.BOOL, ctypes.c_uint32
        signatures = [
            (u.GetForegroundWindow, [], HWND),
            (u.GetWindowThreadProcessId, [HWND, ctypes.POINTER(DWORD)], DWORD),
            (u.GetWindowTextLengthW, [HWND], ctypes.c_int),
            (u.GetWindowTextW, [HWND, wt.LPWSTR, ctypes.c_int], ctypes.c_int),
            (u.IsWindow, [HWND], BOOL),
            (u.IsIconic, [HWND], BOOL),
            (u.ShowWindow, [HWND, ctypes.c_int], BOOL),
            (u.SetForegroundWindow, [HWND], BOOL),
            (u.AllowSetForegroundWindow, [DWORD], BOOL),
            (u.BringWindowToTop, [HWND], BOOL),
            (u.AttachThreadInput, [DWORD, DWORD, BOOL], BOOL),
            (u.SendInput, [ctypes.c_uint, ctypes.c_void_p, ctypes.c_int], ctypes.c_uint),
            (u.GetAsyncKeyState, [ctypes.c_int], ctypes.c_short),
            (u.MapVirtualKeyW, [ctypes.c_uint, ctypes.c_uint], ctypes.c_uint),
            (u.OpenInputDesktop, [DWORD, BOOL, DWORD], HANDLE),
            (u.CountClipboardFormats, [], ctypes.c_int),
            (u.GetClipboardSequenceNumber, [], DWORD),
            (u.CloseDesktop, [HANDLE], BOOL),
            (u.GetUserObjectInformationW, [HANDLE, ctypes.c_int, ctypes.c_void_p, DWORD, ctypes.POINTER(DWORD)], BOOL),
            (k.GetCurrentThreadId, [], DWORD),
            (k.GetCurrentProcess, [], HANDLE),
            (k.OpenProcess, [DWORD, BOOL, DWORD], HANDLE),
            (k.CloseHandle, [HANDLE], BOOL),
            (k.QueryFullProcessImageNameW, [HANDLE, DWORD, wt.LPWSTR, ctypes.POINTER(DWORD)], BOOL),
            (a.OpenProcessToken, [HANDLE, DWORD, ctypes.POINTER(HANDLE)], BOOL),
            (a.GetTokenInformation, [HANDLE, ctypes.c_int, ctypes.c_void_p, DWORD, ctypes.POINTER(DWORD)], BOOL),
        ]
        for function, argtypes, restype in signatures:
            function.argtypes = argtypes
            function.restype = restype

    # --- windows ---------------------------------------------------------------------------
    def foreground_window(self) -> int:
        return self.user32.GetForegroundWindow() or 0

    def window_thread_process(self, hwnd: int) -> tuple[int, int]:
        pid = ctypes.c_uint32(0)
        thread = self.user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return int(thread), int(pid.value)

    def window_title(self, hwnd: int) -> str:
        length = self.user32.GetWindowTextLengthW(hwnd)
        buffer = ctypes.create_unicode_buffer(length + 2)
        self.user32.GetWindowTextW(hwnd, buffer, length + 2)
        return buffer.value

    def is_window(self, hwnd: int) -> bool:
        return bool(self.user32.IsWindow(hwnd))

    def is_iconic(self, hwnd: int) -> bool:
        return bool(self.user32.IsIconic(hwnd))

    def show_window(self, hwnd: int, command: int) -> None:
        self.user32.ShowWindow(hwnd, command)

    def set_foreground_window(self, hwnd: int) -> bool:
        return bool(self.user32.SetForegroundWindow(hwnd))

    def allow_set_foreground_window(self, pid: int) -> bool:
        return bool(self.user32.AllowSetForegroundWindow(pid))

    def bring_window_to_top(self, hwnd: int) -> None:
        self.user32.BringWindowToTop(hwnd)

    def attach_thread_input(self, thread: int, to_thread: int, attach: bool) -> bool:
        return bool(self.user32.AttachThreadInput(thread, to_thread, attach))

    def current_thread_id(self) -> int:
        return int(self.kernel32.GetCurrentThreadId())

    # --- processes -------------------------------------------------------------------------
    def process_image_name(self, pid: int) -> str:
        handle = self.kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ""
        try:
            size = ctypes.c_uint32(32768)
            buffer = ctypes.create_unicode_buffer(size.value)
            if not self.kernel32.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                return ""
            return buffer.value
        finally:
            self.kernel32.CloseHandle(handle)

    def _token_elevated(self, process_handle: Any) -> bool | None:
        token = self._wt.HANDLE()
        if not self.advapi32.OpenProcessToken(process_handle, TOKEN_QUERY, ctypes.byref(token)):
            return None
        try:
            elevation = TOKEN_ELEVATION()
            returned = ctypes.c_uint32(0)
            if not self.advapi32.GetTokenInformation(
                token, TOKEN_ELEVATION_CLASS, ctypes.byref(elevation), ctypes.sizeof(elevation), ctypes.byref(returned)
            ):
                return None
            return bool(elevation.TokenIsElevated)
        finally:
            self.kernel32.CloseHandle(token)

    def process_elevated(self, pid: int) -> bool | None:
        """True/False from the process token; None when Windows does not let us look."""
        handle = self.kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return None
        try:
            return self._token_elevated(handle)
        finally:
            self.kernel32.CloseHandle(handle)

    def current_process_elevated(self) -> bool:
        return bool(self._token_elevated(self.kernel32.GetCurrentProcess()))

    # --- keyboard --------------------------------------------------------------------------
    def send_input(self, events: Sequence[KeyInput]) -> int:
        if not events:
            return 0
        array = build_inputs(events)
        return int(self.user32.SendInput(len(events), ctypes.byref(array), ctypes.sizeof(INPUT)))

    def async_key_down(self, vk: int) -> bool:
        return bool(self.user32.GetAsyncKeyState(vk) & 0x8000)

    def scan_code(self, vk: int) -> int:
        return int(self.user32.MapVirtualKeyW(vk, MAPVK_VK_TO_VSC))

    # --- clipboard -------------------------------------------------------------------------
    def clipboard_format_count(self) -> int | None:
        """How many formats the clipboard holds, without opening it (so it works while another program
        holds it open); None when Windows reports an error (0 is also the failure value)."""
        ctypes.set_last_error(0)
        count = int(self.user32.CountClipboardFormats())
        if count == 0 and ctypes.get_last_error() != 0:
            return None
        return count

    def clipboard_sequence(self) -> int | None:
        """Changes whenever anyone changes the clipboard; 0 (None here) without window-station access."""
        return int(self.user32.GetClipboardSequenceNumber()) or None

    # --- session ---------------------------------------------------------------------------
    def input_desktop_name(self) -> str | None:
        """The desktop that receives input ("Default" normally, "Winlogon" when locked); None if hidden."""
        desktop = self.user32.OpenInputDesktop(0, False, DESKTOP_READOBJECTS)
        if not desktop:
            return None
        try:
            needed = ctypes.c_uint32(0)
            buffer = ctypes.create_unicode_buffer(256)
            if not self.user32.GetUserObjectInformationW(
                desktop, UOI_NAME, buffer, ctypes.sizeof(buffer), ctypes.byref(needed)
            ):
                return None
            return buffer.value
        finally:
            self.user32.CloseDesktop(desktop)

    # --- window class (the title rules tell a client's chat frame from its pop-ups by it) ------------
    def window_class(self, hwnd: int) -> str:
        get_class_name = self.user32.GetClassNameW
        get_class_name.argtypes = [self._wt.HWND, self._wt.LPWSTR, ctypes.c_int]
        get_class_name.restype = ctypes.c_int
        buffer = ctypes.create_unicode_buffer(257)  # a class name has at most 256 characters
        return buffer.value if get_class_name(hwnd, buffer, len(buffer)) else ""

    def top_level_windows(self) -> list[int]:
        """EnumWindows: the visible top-level windows, front to back (`reader probe`)."""
        callback_type = ctypes.WINFUNCTYPE(ctypes.c_int, self._wt.HWND, ctypes.c_void_p)
        self.user32.EnumWindows.argtypes = [callback_type, ctypes.c_void_p]
        self.user32.IsWindowVisible.argtypes = [self._wt.HWND]
        found: list[int] = []

        def collect(hwnd: Any, _param: Any) -> int:
            if hwnd and self.user32.IsWindowVisible(hwnd):
                found.append(int(hwnd))
            return 1  # go on

        self.user32.EnumWindows(callback_type(collect), None)
        return found
