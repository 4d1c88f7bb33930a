"""A backend for unit tests: `press(combo)` calls back like a hook thread would."""

from __future__ import annotations

import threading
from typing import Callable, Mapping

from desktop_assistant.domain.hotkeys import Hotkey, parse_hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable


class FakeHotkeyBackend(HotkeyBackend):
    name = "fake"

    def __init__(self, *, unavailable: str = "") -> None:
        self.bindings: dict[Hotkey, str] = {}
        self.starts = 0
        self._on_press: Callable[[str], None] | None = None
        self._unavailable = unavailable

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        if self._unavailable:
            raise HotkeyUnavailable(self._unavailable)
        self.bindings = dict(bindings)
        self._on_press = on_press
        self.starts += 1

    def stop(self) -> None:
        self.bindings = {}
        self._on_press = None

    def press(self, combo: str, *, from_thread: bool = True) -> bool:
        """Simulate the OS delivering `combo`; returns whether anything was bound to it."""
        action = self.bindings.get(parse_hotkey(combo))
        if action is None or self._on_press is None:
            return False
        if from_thread:
            worker = threading.Thread(target=self._on_press, args=(action,))
            worker.start()
            worker.join()
        else:
            self._on_press(action)
        return True
