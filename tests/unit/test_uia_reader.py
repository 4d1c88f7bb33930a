"""The UI Automation reader over recorded element trees (tests/data/uia, made up, never from a live 千牛)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    UI_TREE,
    UNREAD_BADGE,
    ReaderEvent,
)
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers.base import ReaderUnavailable
from desktop_assistant.os_integration.readers.uia import UiaReader, UiaUnavailable, create
from desktop_assistant.os_integration.readers.uia_recorded import load_recorded_tree
from desktop_assistant.os_integration.readers.uia_rules import load_rules_file

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "uia"
# This checkout's rules (an editable install may map desktop_assistant.resources to another checkout;
# tests/test_packaging.py checks the packaged lookup from a wheel).
RULES_FILE = REPO / "resources" / "readers" / "uia_rules.json"
RULES = load_rules_file(RULES_FILE)
WINDOW = WindowRef(id=0x1A2B, pid=4321, process="AliWorkbench.exe", title="千牛接待台")
NOW = dt.datetime(2026, 12, 6, 10, 10, 0)
QN = "千牛"


def tree(name: str):
    return load_recorded_tree(DATA / f"{name}.json")


class Replay:
    """The window shows these trees, one per poll."""

    def __init__(self, *names: str) -> None:
        self.trees = [tree(name) for name in names]
        self.windows: list[WindowRef] = []

    def __call__(self, window: WindowRef):
        self.windows.append(window)
        return self.trees.pop(0)


def polls(reader: UiaReader, count: int, client: str = QN) -> list[list[ReaderEvent]]:
    return [reader.read(WINDOW, client, NOW + dt.timedelta(seconds=i)) for i in range(count)]


def at(hms: str) -> dt.datetime:
    return dt.datetime.combine(dt.date(2026, 12, 6), dt.time.fromisoformat(hms))


def ev(kind: str, buyer: str, when: dt.datetime, text: str = "", count: int = 0) -> ReaderEvent:
    return ReaderEvent(kind, buyer, when, UI_TREE, QN, text=text, count=count)


def reader_over(*names: str, **kwargs) -> UiaReader:
    return UiaReader(RULES, kwargs.pop("capture_text", False), tree_source=Replay(*names), **kwargs)


def test_the_buyer_is_confirmed_on_the_second_read_then_the_messages_on_screen_count_with_their_printed_times() -> None:
    first, second = polls(reader_over("qianniu9_chat", "qianniu9_chat"), 2)
    assert first == []
    assert second == [
        ev(ACTIVE_BUYER, "tb_小熊", NOW + dt.timedelta(seconds=1)),
        ev(BUYER_MESSAGE, "tb_小熊", at("10:02:11")),
        ev(AGENT_MESSAGE, "tb_小熊", at("10:02:40")),
        ev(BUYER_MESSAGE, "tb_小熊", at("10:05:03")),
    ]


def test_message_text_is_kept_only_with_question_capture() -> None:
    events = polls(reader_over("qianniu9_chat", "qianniu9_chat", capture_text=True), 2)[1]
    assert [e.text for e in events] == ["", "在吗", "在的, 亲", "这个有货吗"]


def test_a_new_buyer_message_then_the_agent_reply_are_each_reported_once() -> None:
    reader = reader_over(
        "qianniu9_chat", "qianniu9_chat", "qianniu9_new_buyer_message", "qianniu9_agent_reply", "qianniu9_agent_reply"
    )
    events = polls(reader, 5)
    assert events[2] == [ev(BUYER_MESSAGE, "tb_小熊", at("10:06:30"))]
    assert events[3] == [ev(AGENT_MESSAGE, "tb_小熊", at("10:07:00"))]
    assert events[4] == []


def test_switching_conversations_tolerates_the_empty_list_and_reports_the_new_buyer_after_two_reads() -> None:
    reader = reader_over(
        "qianniu9_chat",
        "qianniu9_chat",
        "qianniu9_switching",
        "qianniu9_switched",
        "qianniu9_switched",
        "qianniu9_chat",
        "qianniu9_chat",
    )
    events = polls(reader, 7)
    assert events[2] == []  # empty list mid-switch: nothing, and tb_小熊 is still the buyer
    assert events[3] == []  # jd_小王 read once: neither the switch nor jd_小王's messages yet
    assert events[4] == [
        ev(ACTIVE_BUYER, "jd_小王", NOW + dt.timedelta(seconds=4)),
        ev(BUYER_MESSAGE, "jd_小王", at("09:58:00")),
        ev(AGENT_MESSAGE, "jd_小王", at("09:59:10")),
    ]
    assert events[5] == []
    # Back to tb_小熊: the switch is reported, the messages seen before are not.
    assert events[6] == [ev(ACTIVE_BUYER, "tb_小熊", NOW + dt.timedelta(seconds=6))]


def test_unread_badges_on_other_conversations_are_reported_when_they_appear_or_grow() -> None:
    reader = reader_over(
        "qianniu9_chat", "qianniu9_chat", "qianniu9_badges", "qianniu9_badges", "qianniu9_chat", "qianniu9_badges"
    )
    events = polls(reader, 6)
    badges = [
        ev(UNREAD_BADGE, "jd_小王", NOW + dt.timedelta(seconds=2), count=2),
        ev(UNREAD_BADGE, "小熊爱吃鱼2023", NOW + dt.timedelta(seconds=2), count=1),
    ]
    assert events[2] == badges
    assert events[3] == []  # the same badges again
    assert events[4] == []  # read: the badges went away
    assert [(e.kind, e.buyer, e.count) for e in events[5]] == [(e.kind, e.buyer, e.count) for e in badges]


def test_an_opaque_build_makes_the_reader_step_aside_with_a_chinese_reason() -> None:
    reader = reader_over("qianniu9_opaque", "qianniu9_opaque_chat_view")
    with pytest.raises(ReaderUnavailable) as no_view:
        reader.read(WINDOW, QN, NOW)
    assert str(no_view.value) == "千牛：窗口没有公开聊天界面元素，改用其他读取方式"
    with pytest.raises(UiaUnavailable) as no_list:
        reader.read(WINDOW, QN, NOW)
    assert "消息列表" in str(no_list.value)
    assert no_list.value.translated(lambda ctx, text: f"<{ctx}>{text}").startswith("<Messages>千牛：")


def test_a_client_without_rules_is_unavailable() -> None:
    reader = reader_over("qianniu9_chat")
    with pytest.raises(UiaUnavailable, match="拼多多：没有界面元素规则"):
        reader.read(WINDOW, "拼多多", NOW)


def test_the_sellers_own_account_is_never_the_buyer() -> None:
    # Configured as the seller's: its messages count as the agent's and it is never the active buyer.
    events = polls(reader_over("qianniu9_chat", "qianniu9_chat", seller_accounts=["tb_小熊"]), 2)
    assert events == [[], []]


def test_badges_of_the_sellers_accounts_and_of_the_open_conversation_are_ignored() -> None:
    reader = reader_over("qianniu9_chat", "qianniu9_chat", "qianniu9_badges", seller_accounts=["jd_小王"])
    assert [(e.buyer, e.count) for e in polls(reader, 3)[2]] == [("小熊爱吃鱼2023", 1)]


def test_the_inline_header_layout_without_ids_or_geometry_is_read_by_the_time_position() -> None:
    # The other published layout: "nick time" for the buyer, "time nick" for the agent, in one text.
    second = polls(reader_over("qianniu9_inline_header", "qianniu9_inline_header"), 2)[1]
    assert second == [
        ev(ACTIVE_BUYER, "tb_小熊", NOW + dt.timedelta(seconds=1)),
        ev(BUYER_MESSAGE, "tb_小熊", at("10:02:11")),
        ev(AGENT_MESSAGE, "tb_小熊", at("10:02:40")),
    ]


def test_windows_are_tracked_apart() -> None:
    reader = reader_over("qianniu9_chat", "qianniu9_chat", "qianniu9_chat")
    other = WindowRef(id=0x9999, process="AliWorkbench.exe")
    assert not reader.confirming()
    reader.read(WINDOW, QN, NOW)
    assert reader.confirming()  # read once: the hub reads again soon
    assert reader.read(other, QN, NOW) == []  # first read of that window: nick not confirmed there
    assert reader.read(WINDOW, QN, NOW)[0].kind == ACTIVE_BUYER
    assert not reader.confirming()


def test_off_windows_the_default_tree_source_says_so(monkeypatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    with pytest.raises(UiaUnavailable, match="只在 Windows 上可用"):
        UiaReader(RULES).read(WINDOW, QN, NOW)


class FakeSettings(dict):
    def get(self, key, default=None):
        return super().get(key, default)


def test_create_takes_seller_accounts_capture_and_an_edited_rules_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("desktop_assistant.os_integration.readers.uia.packaged_rules_path", lambda: RULES_FILE)
    reader = create(FakeSettings({"seller_accounts": "tb_小熊\n\n", "reader.capture_questions": True}))
    reader._tree = Replay("qianniu9_chat", "qianniu9_chat")
    assert polls(reader, 2) == [[], []]

    rules = json.loads(RULES_FILE.read_text("utf-8"))
    (tmp_path / "readers").mkdir()
    (tmp_path / "readers" / "uia_rules.json").write_text(json.dumps({"旺旺": rules[QN]}), "utf-8")
    edited = create(FakeSettings({"reader.capture_questions": True}), data_dir=tmp_path)
    assert edited.clients() == ["旺旺"]
    edited._tree = Replay("qianniu9_chat", "qianniu9_chat")
    second = polls(edited, 2, client="旺旺")[1]
    assert [e.text for e in second] == ["", "在吗", "在的, 亲", "这个有货吗"]
    assert {e.platform for e in second} == {"旺旺"}


def _message_list(element):
    if element.automation_id == "J_msg_list":
        return element
    return next((found for child in element.children() if (found := _message_list(child)) is not None), None)


def test_a_conversation_showing_only_agent_messages_is_not_given_to_the_previous_buyer() -> None:
    replay = Replay("qianniu9_chat", "qianniu9_chat", "qianniu9_switched", "qianniu9_switched")
    for switched in replay.trees[2:]:
        del _message_list(switched).kids[0]  # jd_小王's own message is not on screen, only the agent's
    reader = UiaReader(RULES, tree_source=replay)
    events = polls(reader, 4)
    assert events[2:] == [[], []]  # no nick to confirm: the agent's message waits, unattributed


def test_a_snapshot_for_the_probe_shows_the_reading_and_remembers_nothing() -> None:
    reader = reader_over("qianniu9_badges", "qianniu9_chat", "qianniu9_chat")
    shown = reader.snapshot(WINDOW, QN, NOW)
    assert shown.nick == "tb_小熊" and [(r.nick, r.unread) for r in shown.rows][1:] == [
        ("jd_小王", 2),
        ("小熊爱吃鱼2023", 1),
    ]
    assert [(m.who, m.sender) for m in shown.messages][:2] == [("system", ""), ("buyer", "tb_小熊")]
    assert polls(reader, 2)[1][0].kind == ACTIVE_BUYER  # the snapshot did not count as a first read
