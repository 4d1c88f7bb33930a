"""The native backend's Windows-facing pieces: the MSG layout and WM_HOTKEY parsing with a real
ctypes MSG, the Qt native event filter on the real application, and the key-name -> VK table."""

from __future__ import annotations

import ctypes
import string

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication

from desktop_assistant.domain.hotkeys import _NAMED_KEYS, _PUNCTUATION, parse_hotkey
from desktop_assistant.os_integration.hotkeys.native_backend import HotkeyMessageFilter, NativeHotkeyBackend
from desktop_assistant.os_integration.hotkeys.win_user32 import MSG, WM_HOTKEY, hotkey_message
from desktop_assistant.os_integration.hotkeys.win_vk import (
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MOD_WIN,
    mod_flags,
    vk_for,
)


def wm_hotkey(hotkey_id: int, mods: int, vk: int, hwnd: int | None = None, message: int = WM_HOTKEY) -> MSG:
    return MSG(hwnd=hwnd, message=message, wParam=hotkey_id, lParam=mods | (vk << 16))


def test_msg_has_the_windows_layout() -> None:
    pointer = ctypes.sizeof(ctypes.c_void_p)
    offsets = [getattr(MSG, name).offset for name in ("hwnd", "message", "wParam", "lParam", "time", "pt")]
    if pointer == 8:  # x64: UINT message padded to 8, the struct to a multiple of 8
        assert offsets == [0, 8, 16, 24, 32, 36] and ctypes.sizeof(MSG) == 48
    else:
        assert offsets == [0, 4, 8, 12, 16, 20] and ctypes.sizeof(MSG) == 28


def test_wm_hotkey_is_read_from_the_msg_pointer() -> None:
    msg = wm_hotkey(0x101, MOD_CONTROL | MOD_ALT, 0xBC)
    assert hotkey_message(ctypes.addressof(msg)) == (0x101, MOD_CONTROL | MOD_ALT, 0xBC)
    assert hotkey_message(ctypes.addressof(wm_hotkey(1, 0, 0x31, message=0x0100))) is None  # WM_KEYDOWN
    assert hotkey_message(ctypes.addressof(wm_hotkey(1, 0, 0x31, hwnd=0x1234))) is None  # a window's, not ours
    assert hotkey_message(0) is None


def test_the_filter_reports_thread_hotkeys_and_lets_every_message_through(qapp) -> None:
    seen: list[int] = []
    native_filter = HotkeyMessageFilter(seen.append)
    msg = wm_hotkey(0x102, MOD_CONTROL, 0x50)
    address = ctypes.addressof(msg)
    assert native_filter.nativeEventFilter(QByteArray(b"windows_dispatcher_MSG"), address) == (False, 0)
    assert native_filter.nativeEventFilter(b"windows_generic_MSG", address) == (False, 0)
    assert native_filter.nativeEventFilter(b"xcb_generic_event_t", address) == (False, 0)  # not a MSG at all
    assert seen == [0x102, 0x102]


class FakeUser32:
    def __init__(self) -> None:
        self.registered: dict[int, tuple[int, int]] = {}

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        self.registered[hotkey_id] = (modifiers, vk)
        return 0

    def unregister_hotkey(self, hotkey_id: int) -> None:
        del self.registered[hotkey_id]


def test_the_backend_installs_its_filter_on_the_running_application(qapp) -> None:
    user32 = FakeUser32()
    backend = NativeHotkeyBackend(api=user32)
    pressed: list[str] = []
    backend.start({parse_hotkey("ctrl+alt+1"): "phrase.1", parse_hotkey("win+shift+f5"): "phrase.2"}, pressed.append)
    assert sorted(user32.registered.values()) == [
        (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, 0x31),
        (MOD_SHIFT | MOD_WIN | MOD_NOREPEAT, 0x74),
    ]
    [one] = [hotkey_id for hotkey_id, (_, vk) in user32.registered.items() if vk == 0x31]
    msg = wm_hotkey(one, MOD_CONTROL | MOD_ALT, 0x31)
    backend._filter.nativeEventFilter(b"windows_dispatcher_MSG", ctypes.addressof(msg))
    backend._filter.nativeEventFilter(b"windows_dispatcher_MSG", ctypes.addressof(wm_hotkey(0x7777, 0, 0x31)))
    assert pressed == ["phrase.1"]  # an id that is not ours is ignored
    assert backend._app is QCoreApplication.instance()
    backend.stop()
    assert user32.registered == {} and backend.failures == {}


def test_every_key_the_hotkey_syntax_accepts_has_a_virtual_key() -> None:
    keys = [*string.ascii_lowercase, *string.digits, *_PUNCTUATION, "+", *_NAMED_KEYS]
    assert all(isinstance(vk_for(key), int) for key in keys)
    assert [vk_for(k) for k in (",", "+", "=", "-", ".", "/", ";", "'", "`", "[", "]", "\\")] == [
        0xBC,
        0xBB,
        0xBB,
        0xBD,
        0xBE,
        0xBF,
        0xBA,
        0xDE,
        0xC0,
        0xDB,
        0xDD,
        0xDC,
    ]
    assert (vk_for("a"), vk_for("7"), vk_for("f1"), vk_for("f12"), vk_for("page_up"), vk_for("esc")) == (
        0x41,
        0x37,
        0x70,
        0x7B,
        0x21,
        0x1B,
    )
    with pytest.raises(KeyError):
        vk_for("menu")
    assert mod_flags({"ctrl", "alt", "shift", "win"}) == MOD_CONTROL | MOD_ALT | MOD_SHIFT | MOD_WIN


def test_idle_time_has_the_windows_structure_and_is_unknown_elsewhere() -> None:
    import os

    from desktop_assistant.os_integration.hotkeys.win_user32 import LASTINPUTINFO, input_idle_ms

    assert ctypes.sizeof(LASTINPUTINFO) == 8
    if os.name != "nt":
        assert input_idle_ms() is None
