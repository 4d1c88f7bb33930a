"""An elevated chat window (issue 13, defect 6). UIPI drops our injected Ctrl+V while SendInput reports
success, and OpenProcess/OpenProcessToken is refused across admin accounts, so elevation is often unknown.
Known elevation is refused up front; unknown elevation is tried, and a paste the target never fetched
from the clipboard is a failure, never a success. The agent is told once per window what to do."""

from __future__ import annotations

import pytest

from desktop_assistant.os_integration.fakes import FakeKeyboardState, FakeTarget
from desktop_assistant.os_integration.fakes_windows import FakeClipboard, FakeProcess, FakeUser32, FakeWindow
from desktop_assistant.os_integration.foreground import WindowsForeground
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions, Timing
from desktop_assistant.os_integration.keys import WindowsKeySender

OURS, QIANNIU = 100, 4000
CHAT = 0x1001
AGENTS = "订单号 5012345678"
FAST = Timing(poll_ms=2, keys_up_timeout_ms=300, focus_timeout_ms=150, focus_settle_ms=2, settle_ms=2, send_gap_ms=5)


class Desk:
    def __init__(self, *, high: bool, readable: bool, we_are_admin: bool = False, fetch: bool = True) -> None:
        self.user32 = FakeUser32(own_pid=OURS, own_thread=11, self_high_integrity=we_are_admin)
        self.user32.processes = {
            QIANNIU: FakeProcess(r"C:\Program Files\AliWorkbench\AliWorkbench.exe", high, readable)
        }
        self.board = FakeClipboard()
        self.board.copy_by_agent(AGENTS)
        self.chat = FakeTarget(clipboard=self.board, fetch=fetch)
        self.user32.windows = {CHAT: FakeWindow(22, QIANNIU, "tb_云朵朵 - 接待中心", self.chat)}
        self.user32.foreground = CHAT
        self.pipeline = InsertionPipeline(
            FakeKeyboardState(),
            WindowsKeySender(self.user32),
            WindowsForeground(self.user32),
            self.board,
            PasteOptions(delay_ms=60, restore_delay_ms=5),
            timing=FAST,  # type: ignore[arg-type]
            platform="win32",
            own_pid=OURS,
            clipboard_probe=self.board,
        )
        self.inserted: list[object] = []
        self.failed: list[str] = []
        self.pipeline.inserted.connect(self.inserted.append)
        self.pipeline.failed.connect(lambda _tag, reason: self.failed.append(reason))

    def paste(self, qtbot, text: str, tag: int = 1) -> None:
        with qtbot.waitSignal(self.pipeline.idle, timeout=5000):
            self.pipeline.insert(InsertRequest((text,), tag=tag))


def test_a_known_elevated_window_is_refused_before_any_key_is_sent(qtbot, qapp) -> None:
    desk = Desk(high=True, readable=True)
    desk.paste(qtbot, "亲, 在的~")
    assert desk.inserted == [] and len(desk.failed) == 1
    assert "管理员身份运行助手" in desk.failed[0]
    assert desk.user32.dropped == [] and desk.board.current_text() == AGENTS


def test_unknown_elevation_and_a_blocked_paste_is_a_failure_not_a_success(qtbot, qapp) -> None:
    desk = Desk(high=True, readable=False)  # the token cannot be read: elevation unknown
    assert WindowsForeground(desk.user32).active().elevated is None
    desk.paste(qtbot, "亲, 在的~")
    assert desk.user32.dropped  # SendInput "succeeded", UIPI dropped the chord
    assert desk.chat.box == "" and desk.inserted == []  # the old code reported this as inserted
    assert len(desk.failed) == 1 and "管理员身份运行助手" in desk.failed[0]
    assert desk.failed[0].startswith("AliWorkbench.exe")
    assert desk.board.current_text() == AGENTS  # the agent's clipboard came back


def test_the_agent_is_told_what_to_do_once_per_window(qtbot, qapp) -> None:
    desk = Desk(high=True, readable=False)
    desk.paste(qtbot, "第一条", tag=1)
    desk.paste(qtbot, "第二条", tag=2)
    assert len(desk.failed) == 2  # each paste that went nowhere is reported
    assert "管理员身份运行助手" in desk.failed[0] and "管理员身份运行助手" not in desk.failed[1]
    known = Desk(high=True, readable=True)
    known.paste(qtbot, "一", tag=1)
    known.paste(qtbot, "二", tag=2)
    assert "管理员身份运行助手" in known.failed[0] and "管理员身份运行助手" not in known.failed[1]
    assert "管理员" in known.failed[1]


def test_unknown_elevation_of_an_ordinary_window_pastes(qtbot, qapp) -> None:
    desk = Desk(high=False, readable=False)
    desk.paste(qtbot, "亲, 在的~")
    assert desk.chat.box == "亲, 在的~" and desk.inserted == [1] and desk.failed == []


@pytest.mark.parametrize("high, readable", [(True, True), (True, False)])
def test_an_elevated_panel_pastes_into_an_elevated_window(qtbot, qapp, high: bool, readable: bool) -> None:
    desk = Desk(high=high, readable=readable, we_are_admin=True)
    desk.paste(qtbot, "亲, 在的~")
    assert desk.chat.box == "亲, 在的~" and desk.inserted == [1]


def test_on_windows_a_target_that_never_fetched_did_not_get_the_text(qtbot, qapp) -> None:
    desk = Desk(high=False, readable=True, fetch=False)  # e.g. the focus was not in an input box
    desk.paste(qtbot, "亲, 在的~")
    assert desk.inserted == [] and len(desk.failed) == 1 and "没有取走" in desk.failed[0]
    assert desk.board.current_text() == AGENTS
