"""A backend for unit tests: `press(combo)` calls back like a hook thread would."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from desktop_assistant.domain.hotkeys import Hotkey, parse_hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable


class FakeHotkeyBackend(HotkeyBackend):
    name = "fake"

    def __init__(self, *, unavailable: str = "", taken: Mapping[str, str] | None = None) -> None:
        self.bindings: dict[Hotkey, str] = {}
        self.starts = 0
        self._on_press: Callable[[str], None] | None = None
        self._unavailable = unavailable
        # combo -> reason, as if another program held it (X11 BadAccess)
        self.taken = {parse_hotkey(combo): reason for combo, reason in (taken or {}).items()}
        self.failures: dict[Hotkey, str] = {}

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        if self._unavailable:
            raise HotkeyUnavailable(self._unavailable)
        self.failures = {hotkey: self.taken[hotkey] for hotkey in bindings if hotkey in self.taken}
        self.bindings = {hotkey: action for hotkey, action in bindings.items() if hotkey not in self.taken}
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
