"""The backend interface and the Qt bridge that carries presses from hook threads to the GUI thread."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from desktop_assistant.domain.hotkeys import Hotkey, parse_hotkey


class HotkeyUnavailable(RuntimeError):
    """The backend cannot hook on this machine; the panel keeps working without global hotkeys."""


class HotkeyBackend(ABC):
    """Registers combos with the OS. `on_press` is called on the hook thread and must not block."""

    name = "abstract"

    @abstractmethod
    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...


class HotkeyService(QObject):
    """Owns one backend; re-emits presses as `activated(action)` on the GUI thread."""

    activated = Signal(str)
    state_changed = Signal(str)  # "active" | "paused" | "unavailable" | "off"

    def __init__(self, backend: HotkeyBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bindings: dict[Hotkey, str] = {}
        self._paused = False
        self._running = False
        self.state = "off"
        self.problem = ""

    @property
    def backend_name(self) -> str:
        return self._backend.name

    @property
    def paused(self) -> bool:
        return self._paused

    def set_bindings(self, combos_by_action: Mapping[str, str]) -> None:
        """Replace what is registered; empty combos are skipped (the action stays in the panel)."""
        self._bindings = {parse_hotkey(combo): action for action, combo in combos_by_action.items() if combo}
        self._restart()

    def set_paused(self, paused: bool) -> None:
        # Unhooking while paused lets the combos reach other programs again.
        self._paused = paused
        self._restart()

    def shutdown(self) -> None:
        self._stop()
        self._set_state("off")

    def _emit_from_hook(self, action: str) -> None:
        # Runs on the hook thread: emitting across threads queues the call onto the GUI thread.
        self.activated.emit(action)

    def _stop(self) -> None:
        if self._running:
            self._backend.stop()
            self._running = False

    def _restart(self) -> None:
        self._stop()
        if self._paused:
            self._set_state("paused")
            return
        if not self._bindings:
            self._set_state("off")
            return
        try:
            self._backend.start(dict(self._bindings), self._emit_from_hook)
        except HotkeyUnavailable as exc:
            self.problem = str(exc)
            self._set_state("unavailable")
            return
        self._running = True
        self.problem = ""
        self._set_state("active")

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
