"""pynput: X11 (through the RECORD extension) and macOS. Imported lazily: it connects to the display."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable

_NAMES = {"ctrl": "<ctrl>", "alt": "<alt>", "shift": "<shift>", "win": "<cmd>"}


def to_pynput(hotkey: Hotkey) -> str:
    parts = [_NAMES[m] for m in ("ctrl", "alt", "shift", "win") if m in hotkey.modifiers]
    key = hotkey.key if len(hotkey.key) == 1 else f"<{hotkey.key}>"
    return "+".join([*parts, key])


class PynputBackend(HotkeyBackend):
    name = "pynput"

    def __init__(self) -> None:
        self._listener: Any = None

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        try:
            from pynput import keyboard
        except Exception as exc:  # pynput raises ImportError or Xlib errors without a display
            raise HotkeyUnavailable(f"pynput 无法连接键盘: {exc}") from None
        mapping = {to_pynput(hotkey): (lambda action=action: on_press(action)) for hotkey, action in bindings.items()}
        try:
            self._listener = keyboard.GlobalHotKeys(mapping)
            self._listener.start()
            self._listener.wait()
        except Exception as exc:
            self._listener = None
            raise HotkeyUnavailable(f"pynput 无法注册全局快捷键: {exc}") from None

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
