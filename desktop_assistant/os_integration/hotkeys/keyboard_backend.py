"""`keyboard` (Windows default): a low-level hook that can suppress the combo so it never types."""

from __future__ import annotations

from types import ModuleType
from typing import Any, Callable, Mapping

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable

_KEY_NAMES = {"page_up": "page up", "page_down": "page down", "win": "windows"}


def to_keyboard(hotkey: Hotkey) -> str:
    parts = [_KEY_NAMES.get(m, m) for m in ("ctrl", "alt", "shift", "win") if m in hotkey.modifiers]
    return "+".join([*parts, _KEY_NAMES.get(hotkey.key, hotkey.key)])


class KeyboardBackend(HotkeyBackend):
    name = "keyboard"

    def __init__(self, module: ModuleType | Any | None = None) -> None:
        self._module = module  # injected in tests; the real package is imported on start
        self._handles: list[Any] = []

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        try:
            module = self._module
            if module is None:
                import keyboard as module
            for hotkey, action in bindings.items():
                handle = module.add_hotkey(
                    to_keyboard(hotkey), on_press, args=(action,), suppress=True, trigger_on_release=False
                )
                self._handles.append(handle)
        except Exception as exc:  # ImportError, or OSError/ValueError when the hook cannot be set
            self.stop()
            raise HotkeyUnavailable(f"keyboard 无法注册全局快捷键: {exc}") from None
        self._module = module

    def stop(self) -> None:
        for handle in self._handles:
            try:
                self._module.remove_hotkey(handle)
            except (KeyError, ValueError):
                pass
        self._handles = []
