"""The Windows code paths with a fake Win32 facade: foreground window and elevation, the
AttachThreadInput focus dance, SendInput chords and Unicode typing, key state, the session lock
watchdog and the keyboard hook's recovery after unlock. None of it can run here for real."""

from __future__ import annotations

import ctypes
import threading

import pytest

from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.os_integration.foreground import WindowRef, WindowsForeground
from desktop_assistant.os_integration.hotkeys.base import HotkeyService
from desktop_assistant.os_integration.hotkeys.keyboard_backend import (
    KeyboardBackend,
    forget_stale_keys,
    reinstall_os_hook,
)
from desktop_assistant.os_integration.keys import WindowsKeyboardState, WindowsKeySender
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.os_integration.session import SessionWatcher, pick_session_watcher, windows_session_locked
from desktop_assistant.os_integration.win32 import (
    INPUT,
    INPUT_KEYBOARD,
    KEYEVENTF_EXTENDEDKEY,
    KEYEVENTF_KEYUP,
    KEYEVENTF_UNICODE,
    SW_RESTORE,
    VK_F24,
    KeyInput,
    build_inputs,
    utf16_units,
)

OUR_THREAD, IM_THREAD, OTHER_THREAD = 11, 22, 33


class FakeWin32:
    """The Win32Api methods, over a little table of windows and processes."""

    def __init__(self) -> None:
        self.windows = {
            0x1001: (IM_THREAD, 4000, "千牛工作台 - 接待中心"),
            0x2002: (OTHER_THREAD, 5000, "记事本"),
            0x3003: (44, 6000, "管理员: 千牛"),
        }
        self.images = {
            4000: r"C:\Program Files\AliWorkbench\AliWorkbench.exe",
            5000: r"C:\Windows\notepad.exe",
            6000: r"C:\Program Files\AliWorkbench\AliWorkbench.exe",
        }
        self.elevation = {4000: False, 5000: False, 6000: True}
        self.self_elevated = False
        self.foreground = 0x2002
        self.iconic: set[int] = set()
        self.calls: list[tuple] = []
        self.sent: list[list[KeyInput]] = []
        self.blocked = False
        self.down: set[int] = set()
        self.desktop: str | None = "Default"

    def foreground_window(self) -> int:
        return self.foreground

    def window_thread_process(self, hwnd: int) -> tuple[int, int]:
        thread, pid, _ = self.windows.get(hwnd, (0, 0, ""))
        return thread, pid

    def window_title(self, hwnd: int) -> str:
        return self.windows[hwnd][2]

    def top_level_windows(self) -> list[int]:
        return list(self.windows)

    def window_class(self, hwnd: int) -> str:
        return (
            "Qt5152QWindowIcon"
            if self.images.get(self.windows[hwnd][1], "").endswith("AliWorkbench.exe")
            else "Notepad"
        )

    def is_window(self, hwnd: int) -> bool:
        return hwnd in self.windows

    def is_iconic(self, hwnd: int) -> bool:
        return hwnd in self.iconic

    def show_window(self, hwnd: int, command: int) -> None:
        self.calls.append(("show", hwnd, command))
        self.iconic.discard(hwnd)

    def set_foreground_window(self, hwnd: int) -> bool:
        # Windows' rule: only with our input attached to the foreground thread.
        attached = ("attach", OUR_THREAD, self.windows[self.foreground][0], True) in self.calls
        self.calls.append(("set_foreground", hwnd, attached))
        if attached:
            self.foreground = hwnd
        return attached

    def bring_window_to_top(self, hwnd: int) -> None:
        self.calls.append(("top", hwnd))

    def attach_thread_input(self, thread: int, to_thread: int, attach: bool) -> bool:
        self.calls.append(("attach", thread, to_thread, attach))
        return True

    def current_thread_id(self) -> int:
        return OUR_THREAD

    def process_image_name(self, pid: int) -> str:
        return self.images.get(pid, "")

    def process_elevated(self, pid: int) -> bool | None:
        return self.elevation.get(pid)

    def current_process_elevated(self) -> bool:
        return self.self_elevated

    def send_input(self, events) -> int:
        if self.blocked:
            return 0
        self.sent.append(list(events))
        return len(events)

    def async_key_down(self, vk: int) -> bool:
        return vk in self.down

    def scan_code(self, vk: int) -> int:
        return {0x11: 0x1D, 0x56: 0x2F, 0x10: 0x2A, 0x2D: 0x52, 0x0D: 0x1C, 0x25: 0x4B, VK_F24: 0x76}.get(vk, 0)

    def input_desktop_name(self) -> str | None:
        return self.desktop


@pytest.fixture
def api() -> FakeWin32:
    return FakeWin32()


# --- foreground ---------------------------------------------------------------------------------
def test_foreground_describes_the_window_process_and_elevation(api) -> None:
    api.foreground = 0x1001
    ref = WindowsForeground(api).active()
    assert ref == WindowRef(0x1001, 4000, "AliWorkbench.exe", "千牛工作台 - 接待中心", False, "Qt5152QWindowIcon")
    api.foreground = 0x3003
    assert WindowsForeground(api).active().elevated is True
    api.foreground = 0
    assert WindowsForeground(api).active() is None


def test_a_qianniu_chat_window_on_windows_names_its_seller_never_a_buyer(api) -> None:
    """The full path on Windows: user32 window and class -> process image name -> the default 千牛 rules."""
    from desktop_assistant.domain.conversation_titles import match_window

    api.windows[0x1001] = (IM_THREAD, 4000, "倪好数码:小柒-接待中心")
    api.foreground = 0x1001
    ref = WindowsForeground(api).active()
    assert match_window(ref.process, ref.title, window_class=ref.window_class)[:4] == (
        "千牛",
        True,
        "",
        "倪好数码:小柒",
    )
    api.windows[0x1001] = (IM_THREAD, 4000, "倪好数码:小柒-千牛工作台")  # the workbench home: no chat
    ref = WindowsForeground(api).active()
    assert match_window(ref.process, ref.title, window_class=ref.window_class).is_chat_window is False


def test_top_level_windows_for_reader_probe(api) -> None:
    assert [(w.process, w.window_class) for w in WindowsForeground(api).windows()] == [
        ("AliWorkbench.exe", "Qt5152QWindowIcon"),
        ("notepad.exe", "Notepad"),
        ("AliWorkbench.exe", "Qt5152QWindowIcon"),
    ]


def test_unknown_elevation_stays_unknown(api) -> None:
    api.elevation[4000] = None  # OpenProcessToken refused
    assert WindowsForeground(api).describe(0x1001).elevated is None


def test_focus_goes_back_with_the_attach_thread_input_dance(api) -> None:
    api.iconic.add(0x1001)
    foreground = WindowsForeground(api)
    im = foreground.describe(0x1001)
    assert foreground.activate(im) is True and api.foreground == 0x1001
    assert api.calls[0] == ("show", 0x1001, SW_RESTORE)  # a minimised IM window is restored first
    attaches = [c for c in api.calls if c[0] == "attach"]
    assert {(c[2], c[3]) for c in attaches} == {
        (OTHER_THREAD, True),
        (IM_THREAD, True),
        (OTHER_THREAD, False),
        (IM_THREAD, False),
    }
    assert api.calls.index(("set_foreground", 0x1001, True)) < api.calls.index(
        ("attach", OUR_THREAD, OTHER_THREAD, False)
    )
    assert foreground.exists(im) and not foreground.exists(WindowRef(0x9999))


def test_self_elevation_is_asked_once(api) -> None:
    foreground = WindowsForeground(api)
    api.self_elevated = True
    assert foreground.self_elevated() is True
    api.self_elevated = False
    assert foreground.self_elevated() is True  # cached: a process does not change its token


# --- keys -----------------------------------------------------------------------------------------
def test_ctrl_v_is_one_sendinput_with_scan_codes(api) -> None:
    WindowsKeySender(api).chord("ctrl", "v")
    [events] = api.sent
    assert events == [
        KeyInput(0x11, 0x1D, 0),
        KeyInput(0x56, 0x2F, 0),
        KeyInput(0x56, 0x2F, KEYEVENTF_KEYUP),
        KeyInput(0x11, 0x1D, KEYEVENTF_KEYUP),
    ]


def test_shift_insert_and_left_are_extended_keys(api) -> None:
    sender = WindowsKeySender(api)
    sender.chord("shift", "insert")
    sender.tap("left", 2)
    assert api.sent[0][1] == KeyInput(0x2D, 0x52, KEYEVENTF_EXTENDEDKEY)
    assert (
        api.sent[1]
        == [KeyInput(0x25, 0x4B, KEYEVENTF_EXTENDEDKEY), KeyInput(0x25, 0x4B, KEYEVENTF_EXTENDEDKEY | KEYEVENTF_KEYUP)]
        * 2
    )


def test_typing_sends_utf16_units_surrogate_pairs_included(api) -> None:
    WindowsKeySender(api).type_text("好😀")
    units = [e.scan for e in api.sent[0] if not e.flags & KEYEVENTF_KEYUP]
    assert units == [0x597D, 0xD83D, 0xDE00] == utf16_units("好😀")
    assert all(e.flags & KEYEVENTF_UNICODE and e.vk == 0 for e in api.sent[0])


def test_blocked_sendinput_raises(api) -> None:
    api.blocked = True  # UIPI: an elevated window has focus
    with pytest.raises(PlatformUnavailable):
        WindowsKeySender(api).chord("ctrl", "v")


def test_key_state_and_release(api) -> None:
    state = WindowsKeyboardState(api)
    # GetAsyncKeyState: only keys that reached the system. A key a low-level hook suppressed is held
    # but reads as up, so this fake must never list it; tests/unit/winsim.py keeps both states.
    api.down = {0xA2, 0x31, 0x11}  # left Ctrl and "1" (and the generic VK_CONTROL, which is skipped)
    assert state.held() == {0xA2, 0x31}
    assert state.is_modifier(0xA2) and not state.is_modifier(0x31)
    state.release([0xA3])
    assert api.sent == [[KeyInput(0xA3, 0, KEYEVENTF_KEYUP | KEYEVENTF_EXTENDEDKEY)]]  # right Ctrl is extended


def test_input_structure_has_the_windows_layout() -> None:
    assert ctypes.sizeof(INPUT) == (40 if ctypes.sizeof(ctypes.c_void_p) == 8 else 28)
    array = build_inputs([KeyInput(0x56, 0x2F, KEYEVENTF_KEYUP)])
    assert array[0].type == INPUT_KEYBOARD and array[0].ki.wVk == 0x56 and array[0].ki.wScan == 0x2F
    assert array[0].ki.dwFlags == KEYEVENTF_KEYUP and array[0].ki.dwExtraInfo == 0


# --- session lock and hook recovery -----------------------------------------------------------------
def test_locked_when_the_input_desktop_is_not_default(api) -> None:
    assert windows_session_locked(api) is False
    api.desktop = "Winlogon"
    assert windows_session_locked(api) is True
    api.desktop = None  # OpenInputDesktop refused: the secure desktop
    assert windows_session_locked(api) is True


def test_watcher_signals_lock_and_unlock_once_each(qapp, api) -> None:
    watcher = SessionWatcher(lambda: windows_session_locked(api))
    events: list[str] = []
    watcher.locked.connect(lambda: events.append("locked"))
    watcher.unlocked.connect(lambda: events.append("unlocked"))
    watcher.poll()
    api.desktop = "Winlogon"
    watcher.poll()
    watcher.poll()
    api.desktop = "Default"
    watcher.poll()
    assert events == ["locked", "unlocked"]
    assert pick_session_watcher("linux") is None


class FakeListener:
    def __init__(self) -> None:
        self.active_modifiers = {"windows"}
        self.modifier_states = {"windows": "pending"}
        self.filtered_modifiers = {"windows": 1}
        self.listening_thread = None
        self.fed: list[object] = []

    def direct_callback(self, event) -> None:
        self.fed.append(event)


class KeyEvent:
    def __init__(self, event_type: str, scan_code: int, name: str) -> None:
        self.event_type, self.scan_code, self.name = event_type, scan_code, name


class FakeKeyboardPackage:
    """The parts of `keyboard` the backend touches, including the stale state Win+L leaves behind."""

    SCANS = {"ctrl": 29, "alt": 56, "1": 2, "left windows": 91, "l": 38, "f24": 118}

    def __init__(self) -> None:
        self._pressed_events_lock = threading.Lock()
        self._pressed_events = {91: "win down", 38: "l down"}
        self._logically_pressed_keys = {91: "win"}
        self._listener = FakeListener()
        self.hooks: list = []
        self.listened = threading.Event()
        package = self

        class OsKeyboard:
            @staticmethod
            def listen(callback) -> None:
                package.listened.set()

        self._os_keyboard = OsKeyboard

    def key_to_scan_codes(self, name):
        return (self.SCANS[name],)

    def hook(self, callback, suppress=False):
        self.hooks.append(callback)
        return callback

    def unhook(self, callback):
        self.hooks.remove(callback)

    def key(self, name: str, event_type: str) -> bool:  # the OS hook saw a key
        return all([hook(KeyEvent(event_type, self.SCANS[name], name)) for hook in self.hooks])

    def key_event(self) -> None:  # the probe: an F24 key-up
        self.key("f24", "up")


def test_forget_stale_keys_after_win_l() -> None:
    package = FakeKeyboardPackage()
    forget_stale_keys(package)
    assert package._pressed_events == {} and package._logically_pressed_keys == {}
    assert package._listener.modifier_states == {} and package._listener.active_modifiers == set()


def test_recovery_forgets_stale_keys_and_keeps_a_live_hook(qtbot) -> None:
    package = FakeKeyboardPackage()
    backend = KeyboardBackend(package, probe=package.key_event, mask=lambda: None, probe_wait_ms=10)
    service = HotkeyService(backend)
    pressed: list[str] = []
    service.activated.connect(pressed.append)
    service.set_bindings({"phrase.1": "ctrl+alt+1"})
    package.key("left windows", "down")  # Win+L: the hook never sees the key-ups
    package.key("l", "down")
    package.key("ctrl", "down"), package.key("alt", "down")
    assert package.key("1", "down") is True and pressed == []  # Win still "held": no match
    package.key("1", "up"), package.key("alt", "up"), package.key("ctrl", "up")
    service.recover()
    assert package._pressed_events == {}  # the package's stale Win+L forgotten, and ours
    package.key("ctrl", "down"), package.key("alt", "down")
    assert package.key("1", "down") is False
    qtbot.waitUntil(lambda: pressed == ["phrase.1"], timeout=1000)
    qtbot.wait(40)
    assert backend.rehooks == 0 and not package.listened.is_set()  # the probe was heard: no second hook
    service.shutdown()
    assert package.hooks == []


def test_recovery_reinstalls_a_dead_hook(qtbot) -> None:
    package = FakeKeyboardPackage()
    backend = KeyboardBackend(package, probe=lambda: None, probe_wait_ms=10)  # Windows dropped the hook
    service = HotkeyService(backend)
    service.set_bindings({"phrase.1": "ctrl+alt+1"})
    service.recover()
    qtbot.waitUntil(lambda: backend.rehooks == 1, timeout=2000)
    assert package.listened.wait(2) and package._listener.listening_thread is not None
    service.shutdown()


def test_recovery_without_a_probe_keeps_the_hook(qapp) -> None:
    package = FakeKeyboardPackage()

    def no_probe() -> None:
        raise OSError("SendInput unavailable")

    backend = KeyboardBackend(package, probe=no_probe)
    pressed: list[str] = []
    backend.start({parse_hotkey("ctrl+alt+1"): "phrase.1"}, pressed.append)
    assert backend.recover() is True and len(package.hooks) == 1
    backend.stop()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_liveness_is_checked_periodically_not_only_after_an_unlock(qtbot) -> None:
    """Windows silently drops a hook that stalled (LowLevelHooksTimeout, at most 1 s): every
    `liveness_ms` without a key seen, the probe goes out; a hook that does not see it is reinstalled."""
    package = FakeKeyboardPackage()
    clock = Clock()
    probes: list[float] = []
    alive = [True]

    def probe() -> None:
        probes.append(clock.now)
        if alive[0]:
            package.key_event()

    idle = [0]  # ms since the agent last touched mouse or keyboard (GetLastInputInfo)
    backend = KeyboardBackend(
        package, probe=probe, probe_wait_ms=5, liveness_ms=60_000, clock=clock, idle_ms=lambda: idle[0]
    )
    backend.start({parse_hotkey("ctrl+alt+1"): "phrase.1"}, lambda action: None)
    assert backend._liveness.isActive() and backend._liveness.interval() == 60_000  # a timer, not a loop
    clock.now += 30
    backend.check_liveness()
    assert probes == []  # started 30 s ago: nothing to check yet
    clock.now += 20
    package.key("ctrl", "down")  # the agent typed: the hook is evidently alive
    clock.now += 20
    backend.check_liveness()
    assert probes == []
    clock.now += 61
    idle[0] = 61_000
    backend.check_liveness()  # nobody at the PC: no probe (an injected key would keep it from locking)
    assert probes == []
    idle[0] = 200  # the agent moves the mouse: a minute with no key seen is worth asking about
    backend.check_liveness()
    assert probes == [clock.now]
    qtbot.wait(30)
    assert backend.rehooks == 0
    alive[0] = False  # Windows dropped the hook
    clock.now += 61
    backend.check_liveness()
    qtbot.waitUntil(lambda: backend.rehooks == 1, timeout=1000)
    assert package.listened.wait(2)
    backend.stop()
    assert not package.hooks


def test_reinstall_feeds_the_same_listener() -> None:
    package = FakeKeyboardPackage()
    reinstall_os_hook(package)
    assert package.listened.wait(2)


def test_service_recover_restarts_backends_without_their_own_recovery(qapp) -> None:
    from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend

    backend = FakeHotkeyBackend()
    service = HotkeyService(backend)
    service.recover()  # nothing registered: nothing to do
    assert backend.starts == 0
    service.set_bindings({"hotkey.picker": "ctrl+alt+p"})
    service.recover()
    assert backend.starts == 2 and service.state == "active"
    service.shutdown()
