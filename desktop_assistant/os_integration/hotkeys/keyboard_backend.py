"""`keyboard` (the Windows alternative to `native`): a low-level hook that matches combos itself.

Only the combo's final key is suppressed; the modifiers always reach the system. keyboard 0.13.5's
own `add_hotkey(suppress=True)` also holds the modifiers back, so GetAsyncKeyState says Ctrl/Alt are
up while the agent holds them, the pipeline pastes at once, and the package then replays the held
Ctrl/Alt around our injected keys: the target gets Ctrl+Alt+V and Alt stays logically down. Here the
hook tracks the held modifiers from the package's own events, so:
- the pipeline sees the agent's real Ctrl/Alt and waits for them to go up (docs/insertion.md);
- the suppressed final key never reached the system (a hook runs before the asynchronous key state
  is updated), so nothing waits for it; its auto-repeats and its key-up are suppressed too, and it
  fires once per press however long it is held;
- with Alt or Win held, a press the system never saw would leave a bare Alt/Win tap (menu bar, Start
  menu): an unassigned key (vkE8) is sent to mask it, as AutoHotkey does;
- a combo whose key the package cannot map goes into `failures`; the others still work.

Liveness: Windows silently removes a low-level hook whose callback stalls past LowLevelHooksTimeout
(at most 1 s) and may drop it across a lock. After each unlock (`recover()`), and every `liveness_ms`
in which the hook saw no key while the agent was at the PC (GetLastInputInfo: mouse or keys), a
harmless probe (an F24 key-up) is sent; if the hook did not see it within `probe_wait_ms`, the OS
hook is installed again on a fresh thread. An idle PC gets no probe: injected input would reset the
idle timer and keep the screen from locking.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType, ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

from desktop_assistant.domain.hotkeys import Hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP  # typed str -> str; lupdate reads it the same
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyUnavailable
from desktop_assistant.os_integration.hotkeys.win_user32 import input_idle_ms

log = logging.getLogger(__name__)

MSG_UNMAPPED = QT_TRANSLATE_NOOP("Hotkeys", "keyboard 无法识别 {0} 的按键：{1}")
MSG_NO_HOOK = QT_TRANSLATE_NOOP("Hotkeys", "keyboard 无法安装键盘钩子：{0}")

# `,` and `+` separate steps and keys in keyboard's hotkey strings, so they go by name there.
_KEY_NAMES = {"page_up": "page up", "page_down": "page down", "win": "windows", ",": "comma", "+": "plus"}
_MODIFIER_OF = {
    "ctrl": "ctrl",
    "left ctrl": "ctrl",
    "right ctrl": "ctrl",
    "alt": "alt",
    "left alt": "alt",
    "right alt": "alt",
    "alt gr": "alt",
    "shift": "shift",
    "left shift": "shift",
    "right shift": "shift",
    "windows": "win",
    "left windows": "win",
    "right windows": "win",
}
VK_MENU_MASK = 0xE8  # "unassigned" in Microsoft's virtual-key table; AutoHotkey's recommended mask key


def to_keyboard(hotkey: Hotkey) -> str:
    parts = [_KEY_NAMES.get(m, m) for m in ("ctrl", "alt", "shift", "win") if m in hotkey.modifiers]
    return "+".join([*parts, _KEY_NAMES.get(hotkey.key, hotkey.key)])


def _tr(template: str) -> str:
    return QCoreApplication.translate("Hotkeys", template)


_api: Any = None


def _win32() -> Any:
    global _api
    if _api is None:
        from desktop_assistant.os_integration.win32 import Win32Api

        _api = Win32Api()
    return _api


def send_f24_key_up() -> None:
    """The liveness probe: a key-up of F24, a key no keyboard has, so no program reacts to it."""
    from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP, VK_F24, KeyInput

    api = _win32()
    api.send_input([KeyInput(VK_F24, api.scan_code(VK_F24), KEYEVENTF_KEYUP)])


def send_menu_mask_key() -> None:
    """A press and release of an unassigned key: the system then sees Alt/Win used with a key."""
    from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP, KeyInput

    _win32().send_input([KeyInput(VK_MENU_MASK, 0, 0), KeyInput(VK_MENU_MASK, 0, KEYEVENTF_KEYUP)])


class HookMatcher:
    """Decides each key event on the hook thread: True lets it through, False suppresses it.

    `table` maps (modifiers, scan code) to an action. Must not block: on_press only queues a signal."""

    def __init__(
        self, table: Mapping[tuple[frozenset[str], int], str], on_press: Callable[[str], None], mask: Callable[[], None]
    ) -> None:
        self._table = dict(table)
        self._on_press = on_press
        self._mask = mask
        self._held: dict[int, str] = {}  # scan code -> modifier, from the events the hook saw
        self._consumed: set[int] = set()  # final keys we suppressed, until their key-up

    def reset(self) -> None:
        """Forget held keys (after a lock the hook never saw their key-ups)."""
        self._held.clear()
        self._consumed.clear()

    @property
    def held_modifiers(self) -> frozenset[str]:
        return frozenset(self._held.values())

    def __call__(self, event: Any) -> bool:
        down = event.event_type == "down"
        modifier = _MODIFIER_OF.get(event.name or "")
        code = event.scan_code
        if modifier is not None:
            if down:
                self._held[code] = modifier
            else:
                self._held.pop(code, None)
            return True  # modifiers are never held back: the system's key state stays true
        if code in self._consumed:
            if not down:
                self._consumed.discard(code)
            return False  # an auto-repeat or the key-up of a press we took: neither reaches the target
        if not down:
            return True
        modifiers = self.held_modifiers
        action = self._table.get((modifiers, code))
        if action is None:
            return True
        self._consumed.add(code)
        if "alt" in modifiers or "win" in modifiers:
            try:
                self._mask()
            except Exception as exc:  # the hook must return in time whatever happens
                log.info("menu mask key not sent: %s", exc)
        self._on_press(action)
        return False


class KeyboardBackend(HotkeyBackend):
    name = "keyboard"

    def __init__(
        self,
        module: ModuleType | Any | None = None,
        *,
        probe: Callable[[], None] = send_f24_key_up,
        mask: Callable[[], None] = send_menu_mask_key,
        probe_wait_ms: int = 500,
        liveness_ms: int = 60_000,
        idle_ms: Callable[[], int | None] = input_idle_ms,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._module = module  # injected in tests; the real package is imported on start
        self._hook: Any = None
        self._matcher: HookMatcher | None = None
        self._probe = probe
        self._mask = mask
        self._probe_wait_ms = probe_wait_ms
        self._liveness_ms = liveness_ms
        self._idle_ms = idle_ms
        self._clock = clock
        self._last_heard = 0.0
        self._probe_sent: float | None = None
        self._liveness: QTimer | None = None
        self.failures: Mapping[Hotkey, str] = MappingProxyType({})
        self.rehooks = 0

    def start(self, bindings: Mapping[Hotkey, str], on_press: Callable[[str], None]) -> None:
        try:
            module = self._module
            if module is None:
                import keyboard

                module = keyboard
            self._module = module
            table, failures = self._table(module, bindings)
            self._matcher = HookMatcher(table, on_press, self._mask)
            self._last_heard = self._clock()
            self._hook = module.hook(self._on_event, suppress=True)
        except Exception as exc:  # ImportError, or OSError when the hook cannot be set
            self.stop()
            raise HotkeyUnavailable(_tr(MSG_NO_HOOK).format(exc)) from None
        self.failures = MappingProxyType(failures)
        self._liveness = QTimer()
        self._liveness.setInterval(self._liveness_ms)
        self._liveness.timeout.connect(self.check_liveness)
        self._liveness.start()

    @staticmethod
    def _table(
        module: Any, bindings: Mapping[Hotkey, str]
    ) -> tuple[dict[tuple[frozenset[str], int], str], dict[Hotkey, str]]:
        table: dict[tuple[frozenset[str], int], str] = {}
        failures: dict[Hotkey, str] = {}
        for hotkey, action in bindings.items():
            try:
                codes = module.key_to_scan_codes(_KEY_NAMES.get(hotkey.key, hotkey.key))
            except (ValueError, KeyError) as exc:  # one unknown key must not cost the other combos
                failures[hotkey] = _tr(MSG_UNMAPPED).format(hotkey, exc)
                continue
            for code in codes:
                table[(frozenset(hotkey.modifiers), code)] = action
        return table, failures

    def _on_event(self, event: Any) -> bool:
        self._last_heard = self._clock()
        matcher = self._matcher
        return True if matcher is None else matcher(event)

    def stop(self) -> None:
        if self._liveness is not None:
            self._liveness.stop()
            self._liveness = None
        if self._hook is not None and self._module is not None:  # a hook is only set through the module
            try:
                self._module.unhook(self._hook)
            except (KeyError, ValueError):
                pass
            self._hook = None
        self._matcher = None
        self._probe_sent = None
        self.failures = MappingProxyType({})

    # --- liveness ------------------------------------------------------------------------------
    def recover(self) -> bool:
        """After a session unlock: forget the stale held keys, then probe the hook."""
        if self._module is None or self._matcher is None:
            return False
        forget_stale_keys(self._module)
        self._matcher.reset()
        self._send_probe()
        return True

    def check_liveness(self) -> None:
        """Every `liveness_ms`: a hook that saw a key lately is alive; one that saw nothing while the
        agent was active is asked with the probe."""
        if self._matcher is None or self._probe_sent is not None:
            return
        if (self._clock() - self._last_heard) * 1000.0 < self._liveness_ms:
            return
        try:
            idle = self._idle_ms()
        except Exception:  # cannot tell: probe, as after an unlock
            idle = None
        if idle is not None and idle >= self._liveness_ms:
            return  # nobody at the PC: nothing missed, and no injected key to keep it awake
        self._send_probe()

    def _send_probe(self) -> None:
        self._probe_sent = self._clock()
        try:
            self._probe()
        except Exception as exc:  # no probe, no verdict
            log.info("hook probe not sent: %s", exc)
            self._probe_sent = None
            return
        QTimer.singleShot(self._probe_wait_ms, self.check_probe)

    def check_probe(self) -> bool:
        """True when the hook saw the probe; otherwise re-install the OS hook. Returns the verdict."""
        sent, self._probe_sent = self._probe_sent, None
        if sent is None or self._module is None or self._matcher is None:
            return True
        if self._last_heard >= sent:
            return True
        log.warning("the keyboard hook saw nothing since the probe; installing it again")
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
    thread = threading.Thread(
        target=module._os_keyboard.listen, args=(listener.direct_callback,), name="keyboard-hook", daemon=True
    )
    listener.listening_thread = thread
    thread.start()
