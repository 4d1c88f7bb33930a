"""`keyboard` (Windows default): a low-level hook that can suppress the combo so it never types.

Lock/unlock (Win+L): while the secure desktop is up the hook sees no key-ups, so the package keeps
believing Win and L are held and no hotkey matches any more; and Windows may silently remove a
low-level hook (after a stalled callback, or across the desktop switch). `recover()` (called when
the session is unlocked, see os_integration/session.py) forgets the stale key state, registers the
hotkeys again, then sends a harmless probe (an F24 key-up) and re-installs the OS hook on a fresh
thread if the probe was not seen within `probe_wait_ms`.
"""

from __future__ import annotations

import logging
import threading
import time
from types import ModuleType
from typing import Any, Callable, Mapping

from PySide6.QtCore import QTimer

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable

log = logging.getLogger(__name__)

_KEY_NAMES = {"page_up": "page up", "page_down": "page down", "win": "windows"}


def to_keyboard(hotkey: Hotkey) -> str:
    parts = [_KEY_NAMES.get(m, m) for m in ("ctrl", "alt", "shift", "win") if m in hotkey.modifiers]
    return "+".join([*parts, _KEY_NAMES.get(hotkey.key, hotkey.key)])


def send_f24_key_up() -> None:
    """The liveness probe: a key-up of F24, a key no keyboard has, so no program reacts to it."""
    from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP, VK_F24, KeyInput, Win32Api

    api = Win32Api()
    api.send_input([KeyInput(VK_F24, api.scan_code(VK_F24), KEYEVENTF_KEYUP)])


class KeyboardBackend(HotkeyBackend):
    name = "keyboard"

    def __init__(self, module: ModuleType | Any | None = None, *, probe: Callable[[], None] = send_f24_key_up,
                 probe_wait_ms: int = 500, clock: Callable[[], float] = time.monotonic) -> None:
        self._module = module  # injected in tests; the real package is imported on start
        self._handles: list[Any] = []
        self._bindings: dict[Hotkey, str] = {}
        self._on_press: Callable[[str], None] | None = None
        self._liveness: Any = None
        self._probe = probe
        self._probe_wait_ms = probe_wait_ms
        self._clock = clock
        self._last_heard = 0.0
        self._probe_sent: float | None = None
        self.rehooks = 0

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        try:
            module = self._module
            if module is None:
                import keyboard as module
            self._module = module
            self._register(module, bindings, on_press)
            # Not suppressing, run on the package's processing thread: only notes the time.
            if hasattr(module, "hook"):
                self._liveness = module.hook(self._heard)
        except Exception as exc:  # ImportError, or OSError/ValueError when the hook cannot be set
            self.stop()
            raise HotkeyUnavailable(f"keyboard 无法注册全局快捷键: {exc}") from None
        self._bindings = dict(bindings)
        self._on_press = on_press

    def _register(self, module: Any, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        for hotkey, action in bindings.items():
            handle = module.add_hotkey(
                to_keyboard(hotkey), on_press, args=(action,), suppress=True, trigger_on_release=False
            )
            self._handles.append(handle)

    def _unregister(self) -> None:
        for handle in self._handles:
            try:
                self._module.remove_hotkey(handle)
            except (KeyError, ValueError):
                pass
        self._handles = []

    def stop(self) -> None:
        self._unregister()
        if self._liveness is not None:
            try:
                self._module.unhook(self._liveness)
            except (KeyError, ValueError):
                pass
            self._liveness = None
        self._bindings = {}
        self._on_press = None

    def _heard(self, _event: Any) -> None:
        self._last_heard = self._clock()

    # --- recovery after a session unlock ---------------------------------------------------
    def recover(self) -> bool:
        module = self._module
        if module is None or self._on_press is None:
            return False
        forget_stale_keys(module)
        self._unregister()
        self._register(module, self._bindings, self._on_press)
        self._probe_sent = self._clock()
        try:
            self._probe()
        except Exception as exc:  # no probe, no verdict: the re-registration alone has to do
            log.info("hook probe not sent: %s", exc)
            self._probe_sent = None
            return True
        QTimer.singleShot(self._probe_wait_ms, self.check_probe)
        return True

    def check_probe(self) -> bool:
        """True when the hook saw the probe; otherwise re-install the OS hook. Returns the verdict."""
        sent, self._probe_sent = self._probe_sent, None
        if sent is None or self._module is None:
            return True
        if self._last_heard >= sent:
            return True
        log.warning("the keyboard hook saw nothing since the unlock; installing it again")
        reinstall_os_hook(self._module)
        self.rehooks += 1
        return False


def forget_stale_keys(module: Any) -> None:
    """The package's idea of held keys and modifier states, from before the lock: wipe it."""
    lock = getattr(module, "_pressed_events_lock", None)
    if lock is not None:
        with lock:
            getattr(module, "_pressed_events", {}).clear()
    else:
        getattr(module, "_pressed_events", {}).clear()
    getattr(module, "_logically_pressed_keys", {}).clear()
    listener = getattr(module, "_listener", None)
    for name in ("active_modifiers", "modifier_states", "filtered_modifiers"):
        state = getattr(listener, name, None)
        if state is not None:
            state.clear()


def reinstall_os_hook(module: Any) -> None:
    """A new SetWindowsHookEx on a new thread with its own message loop, feeding the same listener.
    Only called when the old hook is dead (it saw the probe otherwise), so events are never doubled."""
    listener = module._listener
    thread = threading.Thread(target=module._os_keyboard.listen, args=(listener.direct_callback,),
                              name="keyboard-hook", daemon=True)
    listener.listening_thread = thread
    thread.start()
