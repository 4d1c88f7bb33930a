"""The X11 grab backend against a fake Display: grabs with lock variants, BadAccess reported per combo,
events matched with lock modifiers ignored, auto-repeat ignored, everything released on stop. The same
backend runs against a real X server in tests/e2e."""

from __future__ import annotations

import os
import threading
import time
from types import SimpleNamespace

import pytest

pytest.importorskip("Xlib")
from Xlib import XK, X, error  # noqa: E402

from desktop_assistant.domain.hotkeys import parse_hotkey  # noqa: E402
from desktop_assistant.os_integration.hotkeys.base import HotkeyService, HotkeyUnavailable  # noqa: E402
from desktop_assistant.os_integration.hotkeys.x11_backend import X11GrabBackend, keysym_name, lock_variants  # noqa: E402

NUMLOCK, SCROLL = X.Mod2Mask, X.Mod3Mask
KEYCODES = {XK.XK_1: 10, XK.XK_2: 11, XK.XK_h: 43, XK.XK_F5: 71, XK.XK_Prior: 112}
MODMAP = {  # modifier index -> keycodes; keycode -> keysym
    3: [64],
    4: [77],
    5: [78],
    6: [133],  # Mod1 Alt_L, Mod2 Num_Lock, Mod3 Scroll_Lock, Mod4 Super_L
}
KEYSYMS = {64: XK.XK_Alt_L, 77: XK.XK_Num_Lock, 78: XK.XK_Scroll_Lock, 133: XK.XK_Super_L}


def bad_access() -> error.BadAccess:
    return error.BadAccess.__new__(error.BadAccess)


class FakeRoot:
    def __init__(self, display: FakeDisplay) -> None:
        self.display = display

    def grab_key(self, keycode, modifiers, owner_events, pointer_mode, keyboard_mode, onerror=None):
        if (keycode, modifiers) in self.display.taken_by_others:
            self.display.pending_errors.append((onerror, bad_access()))
        else:
            self.display.grabs.add((keycode, modifiers))

    def ungrab_key(self, keycode, modifiers):
        self.display.grabs.discard((keycode, modifiers))


class FakeDisplay:
    def __init__(self, taken_by_others=()) -> None:
        self.taken_by_others = set(taken_by_others)
        self.grabs: set[tuple[int, int]] = set()
        self.pending_errors: list = []
        self.events: list = []
        self.closed = False
        self._read, self._write = os.pipe()
        self._lock = threading.Lock()

    def screen(self):
        return SimpleNamespace(root=FakeRoot(self))

    def get_modifier_mapping(self):
        return [MODMAP.get(index, []) for index in range(8)]

    def keycode_to_keysym(self, keycode, index):
        return KEYSYMS.get(keycode, 0) if index == 0 else 0

    def keysym_to_keycode(self, keysym):
        return KEYCODES.get(keysym, 0)

    def sync(self):
        for catcher, err in self.pending_errors:
            if catcher is not None:
                catcher(err, None)
        self.pending_errors.clear()

    def fileno(self):
        return self._read

    def pending_events(self):
        with self._lock:
            while True:  # drain the wake-up bytes
                try:
                    os.set_blocking(self._read, False)
                    if not os.read(self._read, 64):
                        break
                except BlockingIOError:
                    break
            return len(self.events)

    def next_event(self):
        with self._lock:
            return self.events.pop(0)

    def send(self, kind, keycode, state, when):
        with self._lock:
            self.events.append(SimpleNamespace(type=kind, detail=keycode, state=state, time=when))
        os.write(self._write, b"e")

    def close(self):
        self.closed = True
        os.close(self._read)
        os.close(self._write)


@pytest.fixture
def display():
    return FakeDisplay()


def start(backend: X11GrabBackend, *combos: str) -> list[str]:
    pressed: list[str] = []
    backend.start({parse_hotkey(c): c for c in combos}, pressed.append)
    return pressed


def wait_until(predicate, timeout=2.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_lock_variants_cover_caps_num_and_scroll_lock() -> None:
    assert lock_variants([X.LockMask, NUMLOCK, SCROLL]) == sorted(
        {
            0,
            X.LockMask,
            NUMLOCK,
            SCROLL,
            X.LockMask | NUMLOCK,
            X.LockMask | SCROLL,
            NUMLOCK | SCROLL,
            X.LockMask | NUMLOCK | SCROLL,
        }
    )
    assert lock_variants([X.LockMask, NUMLOCK, 0]) == [0, X.LockMask, NUMLOCK, X.LockMask | NUMLOCK]


def test_keysym_names() -> None:
    assert [keysym_name(k) for k in ("1", "page_up", "enter", "f5", ";", "a")] == [
        "1",
        "Prior",
        "Return",
        "F5",
        "semicolon",
        "a",
    ]


def test_grabs_every_lock_variant_and_releases_them(display) -> None:
    backend = X11GrabBackend(display_factory=lambda name: display)
    start(backend, "ctrl+alt+1", "ctrl+shift+f5")
    ctrl_alt = X.ControlMask | X.Mod1Mask
    assert {(10, ctrl_alt | lock) for lock in lock_variants([X.LockMask, NUMLOCK, SCROLL])} <= display.grabs
    assert len(display.grabs) == 16 and backend.failures == {}
    backend.stop()
    assert display.grabs == set() and display.closed


def test_a_press_with_numlock_on_still_fires_and_autorepeat_fires_once(display) -> None:
    backend = X11GrabBackend(display_factory=lambda name: display)
    pressed = start(backend, "ctrl+alt+1", "win+h")
    display.send(X.KeyPress, 10, X.ControlMask | X.Mod1Mask | NUMLOCK | X.LockMask, 1000)
    wait_until(lambda: pressed == ["ctrl+alt+1"])
    display.send(X.KeyRelease, 10, X.ControlMask | X.Mod1Mask, 1400)  # auto-repeat: release+press, same time
    display.send(X.KeyPress, 10, X.ControlMask | X.Mod1Mask, 1400)
    display.send(X.KeyPress, 10, X.ControlMask, 1500)  # Ctrl+1 alone: not ours
    display.send(X.KeyPress, 43, X.Mod4Mask, 1600)
    wait_until(lambda: pressed == ["ctrl+alt+1", "win+h"])
    backend.stop()
    assert pressed == ["ctrl+alt+1", "win+h"]


def test_a_combo_held_by_another_program_is_reported_and_the_others_work(display) -> None:
    ctrl_alt = X.ControlMask | X.Mod1Mask
    display.taken_by_others = {(11, ctrl_alt | NUMLOCK)}  # taken in one variant only: the combo is not ours
    backend = X11GrabBackend(display_factory=lambda name: display)
    pressed = start(backend, "ctrl+alt+1", "ctrl+alt+2")
    assert backend.failures == {parse_hotkey("ctrl+alt+2"): "已被其他程序占用"}
    assert not any(keycode == 11 for keycode, _ in display.grabs)  # its other variants were released
    display.send(X.KeyPress, 10, ctrl_alt, 1)
    wait_until(lambda: pressed == ["ctrl+alt+1"])
    backend.stop()


def test_a_key_the_layout_lacks_is_reported(display) -> None:
    backend = X11GrabBackend(display_factory=lambda name: display)
    start(backend, "ctrl+alt+q")  # no keycode for q in the fake layout
    assert backend.failures == {parse_hotkey("ctrl+alt+q"): "当前键盘布局没有这个键"}
    backend.stop()


def test_no_display_is_unavailable() -> None:
    def refuse(name):
        raise OSError("Can't connect to display ':99'")

    backend = X11GrabBackend(display_factory=refuse)
    with pytest.raises(HotkeyUnavailable, match="无法连接 X 服务器"):
        start(backend, "ctrl+alt+1")


def test_service_states_partial_and_unavailable_with_failures(qapp, display) -> None:
    ctrl_alt = X.ControlMask | X.Mod1Mask
    display.taken_by_others = {(11, ctrl_alt)}
    service = HotkeyService(X11GrabBackend(display_factory=lambda name: display))
    states: list[str] = []
    service.state_changed.connect(states.append)
    service.set_bindings({"phrase.1": "ctrl+alt+1", "phrase.2": "ctrl+alt+2"})
    assert service.state == "partial"
    assert service.failures == {"ctrl+alt+2": "已被其他程序占用"}
    assert service.problem == "ctrl+alt+2: 已被其他程序占用"
    service.set_bindings({"phrase.2": "ctrl+alt+2"})
    assert service.state == "unavailable" and service.failures == {"ctrl+alt+2": "已被其他程序占用"}
    service.set_bindings({"phrase.1": "ctrl+alt+1"})
    assert service.state == "active" and service.failures == {} and service.problem == ""
    service.shutdown()
    assert states == ["partial", "unavailable", "active", "off"]


def test_fake_backend_can_play_a_taken_combo(qapp) -> None:
    from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend

    backend = FakeHotkeyBackend(taken={"ctrl+alt+1": "已被其他程序占用"})
    service = HotkeyService(backend)
    service.set_bindings({"phrase.1": "ctrl+alt+1", "hotkey.picker": "ctrl+alt+p"})
    assert service.state == "partial" and service.failures == {"ctrl+alt+1": "已被其他程序占用"}
    assert backend.press("ctrl+alt+p", from_thread=False) and not backend.press("ctrl+alt+1", from_thread=False)
    service.shutdown()
