"""Clipboard contention on Windows (issue 13, defect 7), with a fake clipboard that behaves as Qt's
Windows plugin does when another program holds the clipboard open: reads give no formats, sets fail
and delete the data, CountClipboardFormats still counts the owner's formats."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QMimeData

from desktop_assistant.os_integration.clipboard import WINDOWS_PRIVACY_FORMATS, ClipboardSnapshot, TextPayload
from desktop_assistant.os_integration.fakes import FakeForeground, FakeKeyboardState, FakeKeySender, FakeTarget
from desktop_assistant.os_integration.fakes_windows import FakeClipboard
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions, Timing

IM = WindowRef(0x100, 4242, "AliWorkbench.exe", "千牛接待台 - 买家 tb_小明")
FAST = Timing(
    poll_ms=2,
    keys_up_timeout_ms=300,
    focus_timeout_ms=150,
    focus_settle_ms=2,
    settle_ms=2,
    send_gap_ms=5,
    clipboard_retry_ms=(5, 10, 20),
)
AGENTS = "订单号 5012345678"
PHRASE = "亲, 已经为您备注好了~"


class Rig:
    def __init__(self) -> None:
        self.board = FakeClipboard()
        self.board.copy_by_agent(AGENTS)
        self.target = FakeTarget(clipboard=self.board)
        self.sender = FakeKeySender(self.target, FakeKeyboardState())
        self.pipeline = InsertionPipeline(
            FakeKeyboardState(),
            self.sender,
            FakeForeground(IM),
            self.board,  # type: ignore[arg-type]
            PasteOptions(delay_ms=150, restore_delay_ms=5),
            timing=FAST,
            platform="win32",
            clipboard_probe=self.board,
        )
        self.inserted: list[object] = []
        self.failed: list[str] = []
        self.pipeline.inserted.connect(self.inserted.append)
        self.pipeline.failed.connect(lambda _tag, reason: self.failed.append(reason))

    def run(self, qtbot, *texts: str) -> None:
        with qtbot.waitSignal(self.pipeline.idle, timeout=5000):
            for tag, text in enumerate(texts or (PHRASE,), 1):
                self.pipeline.insert(InsertRequest((text,), tag=tag))

    def chords(self) -> list[tuple[str, ...]]:
        return [event[1:] for event in self.sender.events if event[0] == "chord"]


def test_a_briefly_unreadable_clipboard_is_read_again_not_taken_for_empty(qtbot, qapp) -> None:
    rig = Rig()
    rig.board.busy = 1  # the first read finds the clipboard held open
    rig.run(qtbot)
    assert rig.target.box == PHRASE and rig.inserted == [1]
    assert rig.board.clears == 0
    assert rig.board.current_text() == AGENTS  # the agent's item came back, not an empty clipboard


def test_a_clipboard_that_stays_unreadable_is_left_alone_and_the_agent_told(qtbot, qapp) -> None:
    rig = Rig()
    rig.board.busy = 1000
    rig.run(qtbot)
    assert rig.chords() == [] and rig.target.box == ""
    assert rig.failed and "剪贴板" in rig.failed[0]
    rig.board.busy = 0
    assert rig.board.current_text() == AGENTS and rig.board.clears == 0


def test_a_failed_set_is_retried_and_our_text_is_pasted(qtbot, qapp) -> None:
    rig = Rig()
    rig.board.set_fails = 2
    rig.run(qtbot)
    assert rig.board.failed_sets == 2
    assert rig.target.box == PHRASE  # never the agent's own clipboard
    assert rig.board.current_text() == AGENTS


def test_a_set_that_keeps_failing_sends_no_paste_chord(qtbot, qapp) -> None:
    rig = Rig()
    rig.board.set_fails = 1000
    rig.run(qtbot)
    assert rig.chords() == []  # Ctrl+V now would paste the agent's order number into the chat
    assert rig.target.box == "" and rig.inserted == []
    assert rig.failed and "剪贴板" in rig.failed[0]
    rig.board.set_fails = 0
    assert rig.board.current_text() == AGENTS


def test_a_restore_the_busy_clipboard_refused_is_tried_again(qtbot, qapp) -> None:
    rig = Rig()
    rig.pipeline.inserted.connect(lambda _tag: setattr(rig.board, "set_fails", 2))
    rig.run(qtbot)
    assert rig.target.box == PHRASE and rig.board.failed_sets == 2
    assert rig.board.current_text() == AGENTS  # Qt deleted our payload on the failed sets: still restored


def test_a_burst_whose_second_paste_cannot_be_set_gives_the_agents_clipboard_back(qtbot, qapp) -> None:
    rig = Rig()
    attempts = 1 + len(FAST.clipboard_retry_ms)
    rig.pipeline.inserted.connect(lambda tag: setattr(rig.board, "set_fails", attempts) if tag == 1 else None)
    rig.run(qtbot, PHRASE, "第二条")
    assert rig.inserted == [1] and len(rig.failed) == 1 and rig.target.box == PHRASE
    assert rig.board.current_text() == AGENTS  # not a dead clipboard


def test_an_unknown_snapshot_never_clears_on_restore(qapp) -> None:
    board = FakeClipboard()
    board.copy_by_agent(AGENTS)
    board.busy = 1
    snapshot = ClipboardSnapshot.take(board, probe=board.format_count)  # type: ignore[arg-type]
    assert snapshot.unknown and snapshot.empty
    assert snapshot.restore(board) is None  # type: ignore[arg-type]
    assert board.clears == 0 and board.current_text() == AGENTS
    board.clear()
    truly_empty = ClipboardSnapshot.take(board, probe=board.format_count)  # type: ignore[arg-type]
    assert not truly_empty.unknown  # an empty clipboard is still restored as empty


def test_a_probe_that_cannot_count_makes_an_empty_read_unknown(qapp) -> None:
    board = FakeClipboard()
    assert ClipboardSnapshot.take(board, probe=lambda: None).unknown  # type: ignore[arg-type]


@pytest.mark.parametrize("platform, excluded", [("win32", True), ("linux", False)])
def test_the_restored_item_stays_out_of_clipboard_history_on_windows(qapp, platform: str, excluded: bool) -> None:
    source = QMimeData()
    source.setText(AGENTS)
    restored = ClipboardSnapshot([("text/plain", AGENTS.encode())], None).to_mime(platform)
    for name, value in WINDOWS_PRIVACY_FORMATS.items():
        assert restored.hasFormat(name) is excluded
        if excluded:
            assert restored.data(name) == QByteArray(value)
    payload = TextPayload(PHRASE, platform)
    assert all(payload.hasFormat(name) is excluded for name in WINDOWS_PRIVACY_FORMATS)


def test_the_probe_is_windows_only_and_loads_nothing_until_used() -> None:
    from desktop_assistant.os_integration.insertion import pick_clipboard_probe

    assert pick_clipboard_probe("linux") is None
    probe = pick_clipboard_probe("win32")  # Win32Api is created on the first call, on Windows
    assert probe is not None and probe._api is None
