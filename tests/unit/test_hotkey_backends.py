"""Backend adapters with fakes: the real hooks run only on Windows (keyboard) or a display (pynput)."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.os_integration.hotkeys.base import HotkeyService, HotkeyUnavailable
from desktop_assistant.os_integration.hotkeys.keyboard_backend import KeyboardBackend, to_keyboard
from desktop_assistant.os_integration.hotkeys.pick import default_backend_name, describe_backends, pick
from desktop_assistant.os_integration.hotkeys.pynput_backend import to_pynput


class Event:
    def __init__(self, event_type: str, scan_code: int, name: str) -> None:
        self.event_type, self.scan_code, self.name = event_type, scan_code, name


class FakeKeyboardModule:
    """The subset of the `keyboard` package the backend uses: one suppressing hook, key names."""

    SCANS = {"ctrl": 29, "alt": 56, "h": 35, "r": 19, "1": 2}

    def __init__(self, fail_hook: bool = False) -> None:
        self.hooks: list = []
        self._fail_hook = fail_hook

    def key_to_scan_codes(self, name):
        if name not in self.SCANS:
            raise ValueError(f"Key {name!r} is not mapped to any known key.")
        return (self.SCANS[name],)

    def hook(self, callback, suppress=False):
        if self._fail_hook:
            raise OSError("SetWindowsHookEx failed")
        assert suppress is True
        self.hooks.append(callback)
        return callback

    def unhook(self, handle):
        self.hooks.remove(handle)

    def key(self, name: str, event_type: str) -> bool:
        """The OS hook saw a key: True when it goes on to the focused window."""
        return all([hook(Event(event_type, self.SCANS[name], name)) for hook in self.hooks])


@pytest.mark.parametrize(
    ("combo", "keyboard_name", "pynput_name"),
    [
        ("ctrl+alt+1", "ctrl+alt+1", "<ctrl>+<alt>+1"),
        ("ctrl+shift+f5", "ctrl+shift+f5", "<ctrl>+<shift>+<f5>"),
        ("alt+win+x", "alt+windows+x", "<alt>+<cmd>+x"),
        ("ctrl+alt+page_up", "ctrl+alt+page up", "<ctrl>+<alt>+<page_up>"),
        ("ctrl+alt+,", "ctrl+alt+comma", "<ctrl>+<alt>+,"),
        ("ctrl+alt++", "ctrl+alt+plus", "<ctrl>+<alt>++"),
    ],
)
def test_combo_spelling_per_backend(combo: str, keyboard_name: str, pynput_name: str) -> None:
    hotkey = parse_hotkey(combo)
    assert to_keyboard(hotkey) == keyboard_name
    assert to_pynput(hotkey) == pynput_name


def test_keyboard_backend_suppresses_only_the_final_key_and_unhooks(qapp) -> None:
    module = FakeKeyboardModule()
    backend = KeyboardBackend(module, mask=lambda: None)
    pressed: list[str] = []
    backend.start({parse_hotkey("ctrl+alt+h"): "hotkey.toggle_panel"}, pressed.append)
    assert module.key("ctrl", "down") and module.key("alt", "down")  # modifiers reach the system
    assert module.key("h", "down") is False  # the combo never types into the chat box
    assert module.key("h", "down") is False and module.key("h", "up") is False  # repeat and key-up too
    assert pressed == ["hotkey.toggle_panel"]
    assert module.key("alt", "up") and module.key("ctrl", "up") and module.key("h", "down")  # plain h types
    backend.stop()
    assert module.hooks == []


def test_keyboard_backend_failure_releases_what_it_hooked(qapp) -> None:
    module = FakeKeyboardModule(fail_hook=True)
    backend = KeyboardBackend(module)
    with pytest.raises(HotkeyUnavailable, match="SetWindowsHookEx"):
        backend.start({parse_hotkey("ctrl+alt+h"): "a"}, lambda action: None)
    assert module.hooks == []


def test_service_reports_unavailable_and_recovers_on_rebind(qapp) -> None:
    module = FakeKeyboardModule()
    service = HotkeyService(KeyboardBackend(module))
    states: list[str] = []
    service.state_changed.connect(states.append)
    service.set_bindings({"hotkey.replied": "ctrl+alt+b"})  # the package has no "b" here
    assert service.state == "unavailable" and "ctrl+alt+b" in service.problem
    service.set_bindings({"hotkey.replied": "ctrl+alt+r"})
    assert service.state == "active" and service.problem == ""
    service.shutdown()
    assert states == ["unavailable", "active", "off"] and module.hooks == []


def test_pick_defaults_per_platform() -> None:
    no_display: dict[str, str] = {}
    assert default_backend_name("win32", no_display) == "native"  # RegisterHotKey
    assert default_backend_name("linux", no_display) == "pynput"
    assert default_backend_name("linux", {"DISPLAY": ":0"}) == "x11"  # XGrabKey: the combo never types
    assert default_backend_name("darwin", {"DISPLAY": ":0"}) == "pynput"
    assert pick("auto", "win32").name == "native"
    assert pick("native", "win32").name == "native"
    assert pick("auto", "linux", no_display).name == "pynput"
    assert pick("auto", "linux", {"DISPLAY": ":0"}).name == "x11"
    assert pick("pynput", "linux", {"DISPLAY": ":0"}).name == "pynput"
    assert pick("keyboard", "linux").name == "keyboard"
    assert describe_backends("win32").startswith("native (default here; RegisterHotKey)")


def test_keyboard_backend_masks_the_alt_tap_once_per_press_and_only_with_alt_or_win(qapp) -> None:
    module = FakeKeyboardModule()
    masks: list[int] = []
    backend = KeyboardBackend(module, mask=lambda: masks.append(1))
    backend.start({parse_hotkey("ctrl+h"): "a", parse_hotkey("alt+r"): "b"}, lambda action: None)
    module.key("ctrl", "down"), module.key("h", "down"), module.key("h", "up"), module.key("ctrl", "up")
    assert masks == []  # Ctrl+H: no menu to keep shut
    module.key("alt", "down"), module.key("r", "down"), module.key("r", "down"), module.key("r", "up")
    module.key("alt", "up")
    assert masks == [1]  # the system never saw the R: one mask before the Alt key-up
    backend.stop()
