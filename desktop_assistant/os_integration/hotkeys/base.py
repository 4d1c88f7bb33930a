"""The backend interface and the Qt bridge that carries presses from hook threads to the GUI thread."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from types import MappingProxyType

from PySide6.QtCore import QObject, Signal

from desktop_assistant.domain.hotkeys import Hotkey, parse_hotkey


class HotkeyUnavailable(RuntimeError):
    """The backend cannot hook on this machine; the panel keeps working without global hotkeys."""


class HotkeyBackend(ABC):
    """Registers combos with the OS. `on_press` is called on the hook thread and must not block.

    `start` raises HotkeyUnavailable when nothing can be hooked at all; a combo that alone cannot be
    registered (another program holds it) goes into `failures` with the reason, the rest still work.
    """

    name = "abstract"
    failures: Mapping[Hotkey, str] = MappingProxyType({})

    @abstractmethod
    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...

    def recover(self) -> bool:
        """Make the hook work again after the session was locked (Windows). True when handled here;
        False lets the service simply re-register everything."""
        return False


class HotkeyService(QObject):
    """Owns one backend; re-emits presses as `activated(action)` on the GUI thread.

    `failures` maps each combo that could not be registered ("ctrl+alt+1") to the reason; the state is
    "partial" when some combos work and others failed, "unavailable" when none works.
    """

    activated = Signal(str)
    state_changed = Signal(str)  # "active" | "partial" | "paused" | "unavailable" | "off"

    def __init__(self, backend: HotkeyBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bindings: dict[Hotkey, str] = {}
        self._paused = False
        self._running = False
        self.state = "off"
        self.problem = ""
        self.failures: dict[str, str] = {}
        self._announced = ("off", "")

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

    def probe(self, combo: str) -> str:
        """Whether another program holds `combo`: the reason, or "" when it is free (or cannot be told).

        Registers it next to the current bindings for a moment, which is the only question X11 answers
        (XGrabKey's BadAccess); the bindings are back in place before this returns."""
        hotkey = parse_hotkey(combo)
        if self._paused or hotkey in self._bindings or self.state not in ("active", "partial"):
            return ""
        bindings = self._bindings
        self._bindings = {**bindings, hotkey: "probe"}
        try:
            self._restart()
            return self.failures.get(str(hotkey), "")
        finally:
            self._bindings = bindings
            self._restart()

    def set_paused(self, paused: bool) -> None:
        # Unhooking while paused lets the combos reach other programs again.
        self._paused = paused
        self._restart()

    def shutdown(self) -> None:
        self._stop()
        self.failures = {}
        self.problem = ""
        self._set_state("off")

    def _emit_from_hook(self, action: str) -> None:
        # Runs on the hook thread: emitting across threads queues the call onto the GUI thread.
        self.activated.emit(action)

    def _stop(self) -> None:
        if self._running:
            self._backend.stop()
            self._running = False

    def recover(self) -> None:
        """After a session unlock: make the hotkeys work again (SessionWatcher.unlocked connects here)."""
        if not self._running:
            return
        if not self._backend.recover():
            self._restart()

    def _restart(self) -> None:
        self._stop()
        self.failures = {}
        if self._paused:
            self.problem = ""
            self._set_state("paused")
            return
        if not self._bindings:
            self.problem = ""
            self._set_state("off")
            return
        try:
            self._backend.start(dict(self._bindings), self._emit_from_hook)
        except HotkeyUnavailable as exc:
            self.problem = str(exc)
            self._set_state("unavailable")
            return
        self._running = True
        self.failures = {str(hotkey): reason for hotkey, reason in self._backend.failures.items()}
        self.problem = "; ".join(f"{combo}: {reason}" for combo, reason in self.failures.items())
        if not self.failures:
            self._set_state("active")
        elif len(self.failures) < len(self._bindings):
            self._set_state("partial")
        else:
            self._set_state("unavailable")

    def _set_state(self, state: str) -> None:
        # Also re-announced when only the problem changed (another combo taken), so the panel updates.
        self.state = state
        if (state, self.problem) != self._announced:
            self._announced = (state, self.problem)
            self.state_changed.emit(state)
