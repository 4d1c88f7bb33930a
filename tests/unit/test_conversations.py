"""Live conversations: rounds, timer levels, alerts, idle conversations, and events as KPI input."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.conversations import (
    BUYER_WROTE,
    CLOSED,
    OPENED,
    REPLIED,
    Board,
    Event,
    Level,
    Thresholds,
    TimerRules,
    format_wait,
    messages_of,
    replay,
)
from desktop_assistant.domain.kpi import kpis
from desktop_assistant.domain.settings import DEFAULTS

T0 = dt.datetime(2026, 11, 11, 10, 0, 0)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def ev(seconds: float, buyer: str, kind: str, agent: str = "a1") -> Event:
    return Event(at(seconds), buyer, kind, "千牛", agent)


def test_a_round_starts_at_the_first_unanswered_message_and_ends_at_the_reply():
    board = Board()
    board.apply(ev(0, "小熊", BUYER_WROTE))
    board.apply(ev(20, "小熊", BUYER_WROTE))  # a second message does not restart the round
    conversation = board.conversations["小熊"]
    assert conversation.waiting_since == at(0)
    assert conversation.waited_s(at(45)) == 45
    board.apply(ev(50, "小熊", REPLIED))
    assert conversation.waiting_since is None and conversation.last_response_s == 50
    assert conversation.answered_rounds == 1
    board.apply(ev(70, "小熊", REPLIED))  # a second reply changes nothing
    assert conversation.answered_rounds == 1 and conversation.last_response_s == 50


@pytest.mark.parametrize(
    "waited, level",
    [
        (0, Level.WAITING),
        (29.9, Level.WAITING),
        (30, Level.WARN),
        (59, Level.WARN),
        (60, Level.OVERDUE),
        (179, Level.OVERDUE),
        (180, Level.CRITICAL),
        (5000, Level.CRITICAL),
    ],
)
def test_levels_at_the_default_thresholds(waited, level):
    assert Thresholds().level(waited) == level


def test_the_first_round_has_its_own_thresholds():
    rules = TimerRules(later=Thresholds(30, 60, 180), first=Thresholds(6, 20, 60))
    board = Board(rules)
    board.apply(ev(0, "新客", OPENED))
    assert board.level(board.conversations["新客"], at(7)) == Level.WARN
    board.apply(ev(10, "新客", REPLIED))
    board.apply(ev(100, "新客", BUYER_WROTE))
    assert board.level(board.conversations["新客"], at(107)) == Level.WAITING  # later rounds: 30 s
    assert board.level(board.conversations["新客"], at(130)) == Level.WARN


@pytest.mark.parametrize(
    "waited, level",
    [
        (0, Level.WAITING),
        (9.9, Level.WAITING),
        (10, Level.WARN),
        (29.9, Level.WARN),
        (30, Level.OVERDUE),
        (59, Level.OVERDUE),
        (60, Level.CRITICAL),
    ],
)
def test_a_new_buyers_first_greeting_is_overdue_at_30_s_by_default(waited, level):
    """The service standard: greet a new buyer within 30 s (issue 16); later rounds keep 30 / 60 / 180 s."""
    rules = TimerRules.from_settings(DEFAULTS)
    assert rules.first == TimerRules().first == Thresholds(10, 30, 60)
    assert rules.later == TimerRules().later == Thresholds(30, 60, 180)
    board = Board(rules)
    board.apply(ev(0, "新客", OPENED))
    assert board.level(board.conversations["新客"], at(waited)) == level


def test_rules_from_settings_keep_levels_rising_even_if_typed_out_of_order():
    values = dict(DEFAULTS) | {
        "timer.warn_s": 90,
        "timer.overdue_s": 60,
        "timer.critical_s": 30,
        "timer.first_warn_s": 6,
    }
    rules = TimerRules.from_settings(values)
    assert rules.later == Thresholds(90, 90, 90)
    assert rules.first == Thresholds(6, 30, 60)
    assert rules.idle_close_s == 30 * 60


def test_ordered_by_urgency_then_wait():
    board = Board()
    board.apply(ev(0, "answered", BUYER_WROTE))
    board.apply(ev(5, "answered", REPLIED))
    board.apply(ev(10, "long", BUYER_WROTE))
    board.apply(ev(100, "short", BUYER_WROTE))
    board.apply(ev(150, "mid", BUYER_WROTE))
    order = [entry.conversation.buyer for entry in board.snapshot(at(200))]
    assert order == ["long", "short", "mid", "answered"]
    assert board.longest_waiting(at(200)).buyer == "long"


SAME = TimerRules(first=Thresholds())  # first rounds timed like the others: the alert mechanics alone


def test_each_level_is_alerted_once_per_round():
    board = Board(SAME)
    board.apply(ev(0, "小熊", BUYER_WROTE))
    assert board.escalations(at(59)) == []
    raised = board.escalations(at(60))
    assert [(c.buyer, level) for c, level in raised] == [("小熊", Level.OVERDUE)]
    assert board.escalations(at(61)) == []
    assert [level for _c, level in board.escalations(at(181))] == [Level.CRITICAL]
    assert board.escalations(at(300)) == []
    board.apply(ev(310, "小熊", REPLIED))
    board.apply(ev(400, "小熊", BUYER_WROTE))  # a new round may alert again
    assert [level for _c, level in board.escalations(at(470))] == [Level.OVERDUE]


def test_skipping_straight_to_critical_alerts_once():
    board = Board()
    board.apply(ev(0, "小熊", BUYER_WROTE))
    assert [level for _c, level in board.escalations(at(500))] == [Level.CRITICAL]
    assert board.escalations(at(501)) == []


def test_replay_does_not_repeat_alerts_for_rounds_already_late():
    events = [ev(0, "小熊", BUYER_WROTE), ev(1, "小明", BUYER_WROTE), ev(2, "小明", REPLIED)]
    board = replay(events, SAME, now=at(100))
    assert board.escalations(at(100)) == []
    assert [level for _c, level in board.escalations(at(200))] == [Level.CRITICAL]


def test_closing_removes_the_conversation_and_a_reply_to_nobody_is_ignored():
    board = Board()
    board.apply(ev(0, "小熊", BUYER_WROTE))
    assert board.apply(ev(5, "小熊", CLOSED)) is None
    assert "小熊" not in board.conversations
    assert board.apply(ev(6, "陌生人", REPLIED)) is None
    assert board.conversations == {}


def test_answered_conversations_go_idle_after_the_setting():
    board = Board(TimerRules(idle_close_s=600))
    board.apply(ev(0, "quiet", BUYER_WROTE))
    board.apply(ev(10, "quiet", REPLIED))
    board.apply(ev(0, "waiting", BUYER_WROTE))
    assert board.idle(at(609)) == []
    assert board.idle(at(610)) == ["quiet"]  # a waiting buyer never goes idle
    assert Board(TimerRules(idle_close_s=0)).idle(at(10**6)) == []


def test_events_become_the_messages_the_kpi_engine_counts():
    events = [
        ev(0, "小熊", OPENED),  # opened from the window: the buyer's first message
        ev(5, "小熊", BUYER_WROTE),
        ev(40, "小熊", REPLIED),  # round 1: 40 s
        ev(100, "小熊", BUYER_WROTE),
        ev(300, "小熊", REPLIED),  # round 2: 200 s
        ev(400, "小明", OPENED, agent="a2"),
        ev(420, "小明", OPENED, agent="a2"),  # opened again while waiting: no extra message
        ev(1200, "小明", CLOSED, agent="a2"),  # never answered: 600 s
    ]
    messages = messages_of(events)
    assert [(m.buyer, m.sender) for m in messages] == [
        ("小熊", "buyer"),
        ("小熊", "buyer"),
        ("小熊", "agent"),
        ("小熊", "buyer"),
        ("小熊", "agent"),
        ("小明", "buyer"),
    ]
    result = kpis(messages)
    assert result["rounds"] == 3 and result["answered"] == 2
    assert result["avg_response_s"] == round((40 + 200 + 600) / 3, 1)
    assert result["within_60s_rate"] == round(1 / 3, 4)
    assert result["answer_question_ratio"] == round(2 / 4, 4)
    assert set(result["agents"]) == {"a1", "a2"}


@pytest.mark.parametrize("seconds, shown", [(0, "0:00"), (42.9, "0:42"), (185, "3:05"), (3730, "1:02:10")])
def test_format_wait(seconds, shown):
    assert format_wait(seconds) == shown


def test_an_earlier_printed_buyer_message_moves_the_round_start_as_kpi_counts_it():
    from desktop_assistant.domain.kpi import rounds_of

    events = [ev(30, "小熊", BUYER_WROTE), ev(10, "小熊", BUYER_WROTE), ev(50, "小熊", REPLIED)]
    board = Board()
    for event in events:  # in the order they were taken: a badge seen at 30, the bubble printed 10
        board.apply(event)
    conversation = board.conversations["小熊"]
    assert conversation.last_response_s == 40 and conversation.last_reply_at == at(50)
    (round_,) = rounds_of(messages_of(events))
    assert round_.response_s == 40


def test_a_switched_to_conversation_has_no_round_and_no_event():
    board = Board()
    conversation = board.open("小熊", "千牛", at(0))
    assert conversation.waiting_since is None and board.open("小熊", "", at(5)) is conversation


def test_sources_of_stored_events_and_the_rounds_a_source_started():
    from desktop_assistant.domain.conversations import event_source, message_events, of_source

    assert [
        event_source(s)
        for s in ("ui_tree", "sight", "phrase", "paste", "hotkey", "button", "clipboard", "panel", "window", "idle", "")
    ] == ["ui_tree", "sight", "phrase", "phrase", *["manual"] * 7]
    events = [
        Event(at(0), "a", BUYER_WROTE, "", "", "sight"),
        Event(at(5), "a", REPLIED, "", "", "phrase"),
        Event(at(9), "b", OPENED, "", "", "panel"),
        Event(at(20), "b", REPLIED, "", "", "button"),
    ]
    assert [(m.buyer, m.sender, e.source) for m, e in message_events(events)] == [
        ("a", "buyer", "sight"),
        ("a", "agent", "phrase"),
        ("b", "buyer", "panel"),
        ("b", "agent", "button"),
    ]
    assert kpis(messages_of(of_source(events, "sight")), None)["rounds"] == 1
    assert kpis(messages_of(of_source(events, "manual")), None)["avg_response_s"] == 11.0
    assert of_source(events, None) == events
