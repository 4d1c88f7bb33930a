"""Taking the keyboard for the picker and the panel on Windows, and giving it back (issue 13, defect 3).

FakeUser32 only moves the foreground where SetForegroundWindow's documented conditions allow it;
everything else flashes the taskbar button, which is what QWidget.activateWindow alone did."""

from __future__ import annotations

import pytest

from desktop_assistant.os_integration.fakes import FakeKeyboardState, FakeTarget
from desktop_assistant.os_integration.fakes_windows import FakeProcess, FakeUser32, FakeWindow
from desktop_assistant.os_integration.foreground import FocusHandover, ForegroundTracker, WindowsForeground
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions, Timing
from desktop_assistant.os_integration.keys import WindowsKeySender

OURS, QIANNIU = 100, 4000
PANEL, PICKER, CHAT = 0x10, 0x20, 0x1001
FAST = Timing(poll_ms=2, keys_up_timeout_ms=300, focus_timeout_ms=150, focus_settle_ms=2, settle_ms=2, send_gap_ms=5)


@pytest.fixture
def user32() -> FakeUser32:
    api = FakeUser32(own_pid=OURS, own_thread=11)
    api.processes = {
        OURS: FakeProcess(r"C:\助手\desktop-assistant.exe"),
        QIANNIU: FakeProcess(r"C:\Program Files\AliWorkbench\AliWorkbench.exe"),
    }
    api.windows = {
        PANEL: FakeWindow(11, OURS, "客服助手"),
        PICKER: FakeWindow(11, OURS, "短语选择器"),
        CHAT: FakeWindow(22, QIANNIU, "tb_云朵朵 - 接待中心"),
    }
    api.foreground = CHAT
    api.user_input_to_foreground()  # the agent is typing in 千牛
    return api


def test_a_hotkey_eaten_by_the_hook_gives_no_right_so_the_picker_attaches_and_checks(user32) -> None:
    user32.hotkey_through_low_level_hook()
    assert user32.set_foreground_window(PICKER) is False and user32.flashed == [PICKER]  # activateWindow's fate
    assert WindowsForeground(user32).take_focus(PICKER) is True
    assert user32.foreground_window() == PICKER
    assert not user32.attached  # detached again afterwards


def test_a_registered_hotkey_brings_the_right_and_no_thread_is_attached(user32) -> None:
    user32.registered_hotkey()
    assert WindowsForeground(user32).take_focus(PICKER) is True
    assert not [c for c in user32.calls if c[0] == "attach"]  # no key-state reset in 千牛's thread


def test_a_locked_foreground_is_reported_not_assumed(user32) -> None:
    user32.locked_by_foreground = True  # LockSetForegroundWindow by the foreground process
    assert WindowsForeground(user32).take_focus(PICKER) is False
    assert user32.foreground_window() == CHAT


def test_the_focus_handover_gives_the_keyboard_back_to_the_chat_window(user32) -> None:
    foreground = WindowsForeground(user32)
    tracker = ForegroundTracker(foreground, own_pid=OURS)
    tracker.refresh()  # 千牛 is in front
    user32.registered_hotkey()
    handover = FocusHandover(foreground, tracker)
    assert handover.take(PICKER) and user32.foreground == PICKER
    tracker.refresh()
    user32.user_input_to_foreground()  # Esc in the picker: input to us
    assert handover.give_back() is True and user32.foreground == CHAT


def test_after_a_pick_the_paste_goes_to_the_chat_window_with_focus_given_back(qtbot, qapp, user32) -> None:
    from desktop_assistant.os_integration.fakes_windows import FakeClipboard

    board = FakeClipboard()
    chat = FakeTarget(clipboard=board)
    user32.windows[CHAT].target = chat
    foreground = WindowsForeground(user32)
    tracker = ForegroundTracker(foreground, own_pid=OURS)
    tracker.refresh()
    user32.hotkey_through_low_level_hook()
    assert FocusHandover(foreground, tracker).take(PICKER)
    tracker.refresh()
    user32.user_input_to_foreground()  # Enter on a phrase in the picker
    user32.foreground = PANEL  # the picker hides; Windows activates our panel behind it
    pipeline = InsertionPipeline(
        FakeKeyboardState(),
        WindowsKeySender(user32),
        foreground,
        board,  # type: ignore[arg-type]
        PasteOptions(delay_ms=150, restore_delay_ms=5),
        tracker=tracker,
        timing=FAST,
        platform="win32",
        own_pid=OURS,
    )
    inserted: list[object] = []
    pipeline.inserted.connect(inserted.append)
    with qtbot.waitSignal(pipeline.idle, timeout=5000):
        pipeline.insert(InsertRequest(("亲, 在的~",), tag=1, target=tracker.last_external))
    assert user32.foreground == CHAT and chat.box == "亲, 在的~" and inserted == [1]


def test_a_second_launch_hands_the_foreground_right_to_the_running_panel(user32) -> None:
    from desktop_assistant.os_integration.single_instance import hand_over_foreground

    assert user32.set_foreground_window(PANEL) is False  # the running panel has no right of its own
    second = FakeUser32(
        own_pid=300,
        own_thread=33,
        windows=user32.windows,
        processes=user32.processes,
        foreground=CHAT,
        last_input_pid=300,
    )  # the agent just started it from the desktop
    assert hand_over_foreground("win32", second) is True
    user32.allow_any = second.allow_any  # one window station: the grant is the system's
    assert user32.set_foreground_window(PANEL) is True  # plain SetForegroundWindow, no attaching
    assert hand_over_foreground("linux", second) is False


def test_a_process_without_the_right_cannot_hand_it_on(user32) -> None:
    from desktop_assistant.os_integration.single_instance import hand_over_foreground

    stranger = FakeUser32(
        own_pid=300,
        own_thread=33,
        windows=user32.windows,
        processes=user32.processes,
        foreground=CHAT,
        last_input_pid=QIANNIU,
    )
    assert hand_over_foreground("win32", stranger) is False and not stranger.allow_any
