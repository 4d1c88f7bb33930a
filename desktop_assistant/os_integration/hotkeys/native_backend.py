"""`native` (Windows default): RegisterHotKey(NULL, id, mods | MOD_NOREPEAT, vk) on the GUI thread,
WM_HOTKEY read by a Qt native event filter.

Why this and not a keyboard hook (docs/windows-hotkeys.md has the sources):
- the modifiers stay real: the agent's Ctrl/Alt reach the system, GetAsyncKeyState sees them held and
  the insertion pipeline waits until they are up before its Ctrl+V (docs/insertion.md); the final key is
  eaten by the system, but its asynchronous state is still updated, so the pipeline waits for it too;
- MOD_NOREPEAT: holding the combo gives one WM_HOTKEY, not one per auto-repeat;
- a combo another program registered first fails with ERROR_HOTKEY_ALREADY_REGISTERED and goes into
  `failures` by name, the others keep working;
- receiving WM_HOTKEY gives the process the foreground right, so the picker can take the keyboard.

Thread hotkeys arrive as thread messages (hwnd NULL), which Qt's event dispatcher passes to native
event filters as "windows_dispatcher_MSG"; a modal loop Qt does not run (a native menu, a window being
dragged) does not pass them on, so a press during such a loop is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP  # typed str -> str; lupdate reads it the same
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable
from desktop_assistant.os_integration.hotkeys.win_user32 import (
    ERROR_HOTKEY_ALREADY_REGISTERED,
    User32Hotkeys,
    hotkey_message,
)
from desktop_assistant.os_integration.hotkeys.win_vk import MOD_NOREPEAT, mod_flags, vk_for
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

MSG_TAKEN = QT_TRANSLATE_NOOP(
    "Hotkeys", "{0} 已被其他程序注册为全局快捷键：请换一个组合，或把快捷键方式改为 keyboard 抢占它"
)
MSG_SAME_KEY = QT_TRANSLATE_NOOP("Hotkeys", "{0} 与 {1} 在键盘上是同一个组合")
MSG_NO_VK = QT_TRANSLATE_NOOP("Hotkeys", "{0} 在 Windows 上没有对应的按键")
MSG_FAILED = QT_TRANSLATE_NOOP("Hotkeys", "{0} 注册失败（Windows 错误 {1}）")
MSG_NO_APP = QT_TRANSLATE_NOOP("Hotkeys", "RegisterHotKey 无法使用：{0}")

EVENT_TYPES = (b"windows_dispatcher_MSG", b"windows_generic_MSG")
FIRST_ID = 0x0100  # application hotkey ids are 0x0000-0xBFFF (RegisterHotKey docs)


def _tr(template: str) -> str:
    return QCoreApplication.translate("Hotkeys", template)


class HotkeyMessageFilter(QAbstractNativeEventFilter):
    """Calls `on_hotkey(id)` for each thread WM_HOTKEY; never swallows a message."""

    def __init__(self, on_hotkey: Callable[[int], None]) -> None:
        super().__init__()
        self._on_hotkey = on_hotkey

    def nativeEventFilter(self, eventType: Any, message: int) -> tuple[bool, int]:  # noqa: N802, N803 - Qt's names
        if bytes(eventType) in EVENT_TYPES:
            parsed = hotkey_message(int(message))
            if parsed is not None:
                self._on_hotkey(parsed[0])
        return False, 0


class NativeHotkeyBackend(HotkeyBackend):
    name = "native"

    def __init__(self, api: Any | None = None, app: QCoreApplication | None = None) -> None:
        self._api = api  # injected in tests; User32Hotkeys on start otherwise
        self._app = app
        self._actions: dict[int, str] = {}
        self._filter: HotkeyMessageFilter | None = None
        self._on_press: Callable[[str], None] | None = None
        self.failures: Mapping[Hotkey, str] = MappingProxyType({})

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        app = self._app or QCoreApplication.instance()
        try:
            if app is None:
                raise PlatformUnavailable("no QCoreApplication")
            if self._api is None:
                self._api = User32Hotkeys()
        except PlatformUnavailable as exc:
            raise HotkeyUnavailable(_tr(MSG_NO_APP).format(exc)) from None
        self._app = app
        self._on_press = on_press
        self._filter = HotkeyMessageFilter(self._dispatch)
        app.installNativeEventFilter(self._filter)
        failures: dict[Hotkey, str] = {}
        taken: dict[tuple[int, int], Hotkey] = {}
        for offset, (hotkey, action) in enumerate(bindings.items()):
            try:
                combo = (mod_flags(hotkey.modifiers), vk_for(hotkey.key))
            except KeyError:
                failures[hotkey] = _tr(MSG_NO_VK).format(hotkey)
                continue
            if combo in taken:  # `=` and `+` are one key: Windows would say "taken" about ourselves
                failures[hotkey] = _tr(MSG_SAME_KEY).format(hotkey, taken[combo])
                continue
            hotkey_id = FIRST_ID + offset
            error = self._api.register_hotkey(hotkey_id, combo[0] | MOD_NOREPEAT, combo[1])
            if error == 0:
                self._actions[hotkey_id] = action
                taken[combo] = hotkey
            elif error == ERROR_HOTKEY_ALREADY_REGISTERED:
                failures[hotkey] = _tr(MSG_TAKEN).format(hotkey)
            else:
                failures[hotkey] = _tr(MSG_FAILED).format(hotkey, error)
        self.failures = MappingProxyType(failures)

    def _dispatch(self, hotkey_id: int) -> None:
        action = self._actions.get(hotkey_id)
        if action is not None and self._on_press is not None:
            self._on_press(action)

    def stop(self) -> None:
        if self._api is not None:  # None only before a start, when there is nothing registered
            for hotkey_id in self._actions:
                self._api.unregister_hotkey(hotkey_id)
        self._actions = {}
        if self._filter is not None and self._app is not None:
            self._app.removeNativeEventFilter(self._filter)
        self._filter = None
        self._on_press = None
        self.failures = MappingProxyType({})
