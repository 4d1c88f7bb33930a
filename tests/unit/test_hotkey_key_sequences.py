"""What the chat window really receives when the agent presses a phrase hotkey on Windows.

Both Windows backends run against `winsim.WindowsInput`, which keeps physical and logical key state
apart and handles hooks, key state, hotkeys and injected keys in Windows' order. The `keyboard`
backend drives keyboard 0.13.5's REAL state machine (`_listener.direct_callback`); the native backend
gets WM_HOTKEY as a real MSG through its Qt native event filter. The REAL InsertionPipeline, with
WindowsKeyboardState and WindowsKeySender over the same model, does the paste.
"""

from __future__ import annotations

import os

import keyboard
import pytest
from PySide6.QtGui import QGuiApplication
from winsim import FakeOsKeyboard, KeyboardHookAdapter, WindowsInput

from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.os_integration.fakes import FakeForeground
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.hotkeys.base import HotkeyService
from desktop_assistant.os_integration.hotkeys.keyboard_backend import KeyboardBackend
from desktop_assistant.os_integration.hotkeys.native_backend import NativeHotkeyBackend
from desktop_assistant.os_integration.hotkeys.win_vk import MOD_ALT, MOD_CONTROL
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions, Timing
from desktop_assistant.os_integration.keys import WindowsKeyboardState, WindowsKeySender

IM = WindowRef(0x100, 4242, "AliWorkbench.exe", "千牛接待台 - 买家 tb_小明")
FAST = Timing(poll_ms=2, keys_up_timeout_ms=3000, focus_timeout_ms=150, focus_settle_ms=2, settle_ms=2, send_gap_ms=5)
PASTE = [("ctrl", "down"), ("v", "down"), ("v", "up"), ("ctrl", "up")]


@pytest.fixture
def clipboard(qapp):
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def windows() -> WindowsInput:
    return WindowsInput()


@pytest.fixture
def real_keyboard(windows, monkeypatch):
    """The real package with its OS layer replaced: nothing touches /dev/input or user32."""
    fake_os = FakeOsKeyboard(windows)
    monkeypatch.setattr(keyboard, "_os_keyboard", fake_os)
    windows.hooks.append(KeyboardHookAdapter(windows, keyboard))
    yield keyboard
    keyboard.unhook_all()
    keyboard._pressed_events.clear()
    keyboard._logically_pressed_keys.clear()
    listener = keyboard._listener
    listener.modifier_states.clear()
    listener.active_modifiers.clear()
    listener.filtered_modifiers.clear()


class Desk:
    """The agent's desk: the hotkey service with one backend, and the pipeline pasting into 千牛."""

    def __init__(self, windows: WindowsInput, backend, clipboard, combos: dict[str, str]) -> None:
        self.windows = windows
        self.pipeline = InsertionPipeline(
            WindowsKeyboardState(windows),
            WindowsKeySender(windows),
            FakeForeground(IM, active=IM.id),
            clipboard,
            PasteOptions(delay_ms=20, restore_delay_ms=5),
            timing=FAST,
            platform="win32",
        )
        self.inserted: list[object] = []
        self.pipeline.inserted.connect(self.inserted.append)
        self.service = HotkeyService(backend)
        self.service.activated.connect(lambda action: self.pipeline.insert(InsertRequest(("亲, 在的~",), tag=action)))
        self.service.set_bindings(combos)

    def hold_and_let_go(self, qtbot, *keys: str, repeats: int = 2) -> None:
        """Press the combo, hold it through `repeats` auto-repeats while the pipeline is already
        waiting, then let go, last key first; wait until the paste is done."""
        with qtbot.waitSignal(self.pipeline.idle, timeout=5000):
            self.windows.press(*keys)
            self.windows.repeat(keys[-1], repeats)
            qtbot.wait(30)  # the pipeline polls the key state meanwhile
            self.windows.repeat(keys[-1], 1)
            self.windows.release(*reversed(keys))

    def close(self) -> None:
        self.service.shutdown()


def held_at_each_v(events: list[tuple[str, str]]) -> list[set[str]]:
    """The keys the target believed held when each V went down."""
    held: set[str] = set()
    seen: list[set[str]] = []
    for name, kind in events:
        if name == "v" and kind == "down":
            seen.append(set(held))
        (held.add if kind == "down" else held.discard)(name)
    return seen


def keyboard_backend(windows, module) -> KeyboardBackend:
    return KeyboardBackend(module, probe=lambda: None, mask=windows.send_mask_key)


def native_backend(windows) -> NativeHotkeyBackend:
    return NativeHotkeyBackend(api=windows, app=windows)


# --- the keyboard backend, on keyboard's real state machine ------------------------------------------
def test_keyboard_backend_pastes_ctrl_v_once_after_the_agent_lets_go(qtbot, clipboard, windows, real_keyboard) -> None:
    desk = Desk(windows, keyboard_backend(windows, real_keyboard), clipboard, {"phrase.1": "ctrl+alt+1"})
    desk.hold_and_let_go(qtbot, "ctrl", "alt", "1")
    assert desk.inserted == ["phrase.1"]  # one press held through three repeats: one paste
    assert windows.pasted == ["亲, 在的~"]  # the box read our text once, on a plain Ctrl+V
    assert windows.target == [
        ("ctrl", "down"),
        ("alt", "down"),
        ("vk_e8", "down"),
        ("vk_e8", "up"),  # masks the Alt tap (the system never saw the "1")
        ("alt", "up"),
        ("ctrl", "up"),  # the "1", its repeats and its key-up were all suppressed
        *PASTE,
    ]
    assert windows.logical == set()  # nothing left logically down: the next Enter is a plain Enter
    desk.close()


def test_keyboard_backend_never_sends_ctrl_alt_v(qtbot, clipboard, windows, real_keyboard) -> None:
    desk = Desk(windows, keyboard_backend(windows, real_keyboard), clipboard, {"phrase.1": "ctrl+alt+1"})
    desk.hold_and_let_go(qtbot, "ctrl", "alt", "1")
    windows.press("enter")
    windows.release("enter")
    assert held_at_each_v(windows.target) == [{"ctrl"}]
    assert windows.target[-2:] == [("enter", "down"), ("enter", "up")] and windows.logical == set()
    desk.close()


def test_keyboard_backend_takes_a_comma_combo_and_one_bad_combo_costs_only_itself(
    qtbot, clipboard, windows, real_keyboard
) -> None:
    backend = keyboard_backend(windows, real_keyboard)
    desk = Desk(windows, backend, clipboard, {"phrase.1": "ctrl+alt+,", "phrase.2": "ctrl+alt+`"})
    assert desk.service.state == "partial"
    assert list(desk.service.failures) == ["ctrl+alt+`"] and "ctrl+alt+`" in desk.service.failures["ctrl+alt+`"]
    desk.hold_and_let_go(qtbot, "ctrl", "alt", ",")
    assert desk.inserted == ["phrase.1"] and windows.target[-4:] == PASTE
    desk.close()


def test_keyboard_backend_lets_other_keys_and_combos_through(qtbot, clipboard, windows, real_keyboard) -> None:
    desk = Desk(windows, keyboard_backend(windows, real_keyboard), clipboard, {"phrase.1": "ctrl+alt+1"})
    windows.press("1")
    windows.release("1")
    windows.press("ctrl", "1")  # Ctrl+1 is not ours
    windows.release("1", "ctrl")
    assert windows.target == [("1", "down"), ("1", "up"), ("ctrl", "down"), ("1", "down"), ("1", "up"), ("ctrl", "up")]
    assert desk.inserted == [] and not desk.pipeline.busy
    desk.close()


def test_keyboard_backend_unhooks_on_stop(qapp, windows, real_keyboard) -> None:
    backend = keyboard_backend(windows, real_keyboard)
    pressed: list[str] = []
    backend.start({parse_hotkey("ctrl+alt+1"): "phrase.1"}, pressed.append)
    backend.stop()
    windows.press("ctrl", "alt", "1")
    windows.release("1", "alt", "ctrl")
    assert pressed == [] and ("1", "down") in windows.target


# --- the native backend: RegisterHotKey + WM_HOTKEY ------------------------------------------------
def test_native_backend_pastes_ctrl_v_once_after_the_agent_lets_go(qtbot, clipboard, windows) -> None:
    desk = Desk(windows, native_backend(windows), clipboard, {"phrase.1": "ctrl+alt+1"})
    assert [(flags & 0xFF, vk) for flags, vk in windows.hotkeys.values()] == [(MOD_CONTROL | MOD_ALT, 0x31)]
    desk.hold_and_let_go(qtbot, "ctrl", "alt", "1")
    assert len(windows.posted) == 1 and desk.inserted == ["phrase.1"]  # MOD_NOREPEAT: one WM_HOTKEY
    assert held_at_each_v(windows.target) == [{"ctrl"}]
    assert windows.target == [
        ("ctrl", "down"),
        ("alt", "down"),
        ("1", "up"),  # the system ate the key-down (and the repeats); the key-up is a regular key-up
        ("alt", "up"),
        ("ctrl", "up"),
        *PASTE,
    ]
    assert windows.logical == set()
    desk.close()
    assert windows.hotkeys == {} and windows.filters == []


def test_native_backend_waits_for_the_eaten_key_too(qtbot, clipboard, windows) -> None:
    """The hotkey's own key is down in GetAsyncKeyState while held: no paste before it is up."""
    desk = Desk(windows, native_backend(windows), clipboard, {"phrase.1": "ctrl+alt+1"})
    windows.press("ctrl", "alt", "1")
    windows.release("alt", "ctrl")
    qtbot.wait(40)
    assert ("v", "down") not in windows.target and 0x31 in windows.logical
    with qtbot.waitSignal(desk.pipeline.idle, timeout=5000):
        windows.release("1")
    assert windows.target[-4:] == PASTE and desk.inserted == ["phrase.1"] and windows.pasted == ["亲, 在的~"]
    desk.close()


def test_native_backend_reports_a_combo_another_program_holds_and_keeps_the_rest(qtbot, clipboard, windows) -> None:
    windows.foreign.add((MOD_CONTROL | MOD_ALT, 0x48))  # another program registered Ctrl+Alt+H
    desk = Desk(
        windows, native_backend(windows), clipboard, {"hotkey.toggle_panel": "ctrl+alt+h", "phrase.1": "ctrl+alt+,"}
    )
    assert desk.service.state == "partial"
    assert list(desk.service.failures) == ["ctrl+alt+h"]
    assert "ctrl+alt+h" in desk.service.failures["ctrl+alt+h"] and "其他程序" in desk.service.failures["ctrl+alt+h"]
    desk.hold_and_let_go(qtbot, "ctrl", "alt", ",")
    assert desk.inserted == ["phrase.1"] and windows.target[-4:] == PASTE
    desk.close()


def test_native_backend_gives_equal_keys_one_registration(qapp, windows) -> None:
    backend = native_backend(windows)
    backend.start({parse_hotkey("ctrl+alt+="): "a", parse_hotkey("ctrl+alt++"): "b"}, lambda action: None)
    assert len(windows.hotkeys) == 1
    [(hotkey, reason)] = backend.failures.items()
    assert str(hotkey) == "ctrl+alt++" and "ctrl+alt+=" in reason
    backend.stop()


def test_native_backend_is_unavailable_off_windows(qapp) -> None:
    if os.name == "nt":
        pytest.skip("Windows has RegisterHotKey")
    service = HotkeyService(NativeHotkeyBackend())
    service.set_bindings({"phrase.1": "ctrl+alt+1"})
    assert service.state == "unavailable" and "RegisterHotKey" in service.problem
    service.shutdown()
