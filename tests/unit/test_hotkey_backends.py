"""Backend adapters with fakes: the real hooks run only on Windows (keyboard) or a display (pynput)."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyService, HotkeyUnavailable
from desktop_assistant.os_integration.hotkeys.keyboard_backend import KeyboardBackend, to_keyboard
from desktop_assistant.os_integration.hotkeys.pick import default_backend_name, describe_backends, pick
from desktop_assistant.os_integration.hotkeys.pynput_backend import to_pynput


class FakeKeyboardModule:
    """The subset of the `keyboard` package we use, recording what was hooked."""

    def __init__(self, fail_on: str = "") -> None:
        self.hooked: dict[int, tuple] = {}
        self._fail_on = fail_on
        self._next = 0

    def add_hotkey(self, combo, callback, args=(), suppress=False, trigger_on_release=False):
        if combo == self._fail_on:
            raise ValueError(f"cannot hook {combo}")
        self._next += 1
        self.hooked[self._next] = (combo, callback, args, suppress)
        return self._next

    def remove_hotkey(self, handle):
        del self.hooked[handle]

    def fire(self, combo: str) -> None:
        for hooked_combo, callback, args, _ in list(self.hooked.values()):
            if hooked_combo == combo:
                callback(*args)


@pytest.mark.parametrize(
    ("combo", "keyboard_name", "pynput_name"),
    [
        ("ctrl+alt+1", "ctrl+alt+1", "<ctrl>+<alt>+1"),
        ("ctrl+shift+f5", "ctrl+shift+f5", "<ctrl>+<shift>+<f5>"),
        ("alt+win+x", "alt+windows+x", "<alt>+<cmd>+x"),
        ("ctrl+alt+page_up", "ctrl+alt+page up", "<ctrl>+<alt>+<page_up>"),
    ],
)
def test_combo_spelling_per_backend(combo: str, keyboard_name: str, pynput_name: str) -> None:
    hotkey = parse_hotkey(combo)
    assert to_keyboard(hotkey) == keyboard_name
    assert to_pynput(hotkey) == pynput_name


def test_keyboard_backend_suppresses_and_unhooks() -> None:
    module = FakeKeyboardModule()
    backend = KeyboardBackend(module)
    pressed: list[str] = []
    backend.start({parse_hotkey("ctrl+alt+h"): "hotkey.toggle_panel"}, pressed.append)
    [(combo, _, _, suppress)] = module.hooked.values()
    assert combo == "ctrl+alt+h" and suppress is True  # the combo never types into the chat box
    module.fire("ctrl+alt+h")
    assert pressed == ["hotkey.toggle_panel"]
    backend.stop()
    assert module.hooked == {}


def test_keyboard_backend_failure_releases_what_it_hooked() -> None:
    module = FakeKeyboardModule(fail_on="ctrl+alt+b")
    backend = KeyboardBackend(module)
    bindings = {parse_hotkey("ctrl+alt+h"): "a", parse_hotkey("ctrl+alt+b"): "b"}
    with pytest.raises(HotkeyUnavailable, match="cannot hook"):
        backend.start(bindings, lambda action: None)
    assert module.hooked == {}


def test_service_reports_unavailable_and_recovers_on_rebind(qapp) -> None:
    module = FakeKeyboardModule(fail_on="ctrl+alt+b")
    service = HotkeyService(KeyboardBackend(module))
    states: list[str] = []
    service.state_changed.connect(states.append)
    service.set_bindings({"hotkey.replied": "ctrl+alt+b"})
    assert service.state == "unavailable" and "cannot hook" in service.problem
    service.set_bindings({"hotkey.replied": "ctrl+alt+r"})
    assert service.state == "active" and service.problem == ""
    service.shutdown()
    assert states == ["unavailable", "active", "off"] and module.hooked == {}


def test_pick_defaults_per_platform() -> None:
    no_display: dict[str, str] = {}
    assert default_backend_name("win32", no_display) == "keyboard"
    assert default_backend_name("linux", no_display) == "pynput"
    assert default_backend_name("linux", {"DISPLAY": ":0"}) == "x11"  # XGrabKey: the combo never types
    assert default_backend_name("darwin", {"DISPLAY": ":0"}) == "pynput"
    assert pick("auto", "win32").name == "keyboard"
    assert pick("auto", "linux", no_display).name == "pynput"
    assert pick("auto", "linux", {"DISPLAY": ":0"}).name == "x11"
    assert pick("pynput", "linux", {"DISPLAY": ":0"}).name == "pynput"
    assert pick("keyboard", "linux").name == "keyboard"
    assert describe_backends("win32").startswith("keyboard (default here)")
