"""Promises and 催付 timing (docs/notes.md), all on explicit times: no clock, no sleeping."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.promises import (
    Promise,
    PromiseError,
    Status,
    UnpaidOrder,
    UrgeRules,
    due_promise_reminders,
    due_urges,
    parse_cutoff,
    promise_status,
    urge_reminders,
    urgency_order,
    validated_promise,
    validated_unpaid,
)

NOW = dt.datetime(2026, 11, 11, 10, 0)
LEAD = dt.timedelta(minutes=5)
RULES = UrgeRules(dt.time(16, 0), dt.timedelta(minutes=15), dt.timedelta(minutes=30), "cf1", "cf3")


def promise(pid: int = 1, due_in: int = 10, done: bool = False) -> Promise:
    return Promise(
        pid,
        "明天发顺丰",
        NOW + dt.timedelta(minutes=due_in),
        "T1",
        "云朵朵",
        "A01",
        NOW,
        NOW if done else None,
        "A01" if done else "",
    )


def test_a_promise_goes_open_then_due_soon_then_overdue():
    p = promise(due_in=10)
    assert promise_status(p, NOW, LEAD) is Status.OPEN
    assert promise_status(p, NOW + dt.timedelta(minutes=4, seconds=59), LEAD) is Status.OPEN
    assert promise_status(p, NOW + dt.timedelta(minutes=5), LEAD) is Status.DUE_SOON
    assert promise_status(p, NOW + dt.timedelta(minutes=10), LEAD) is Status.OVERDUE
    assert promise_status(promise(done=True), NOW + dt.timedelta(days=3), LEAD) is Status.DONE


def test_reminders_come_once_per_state():
    p = promise(due_in=10)
    given: set[tuple[int, str]] = set()
    assert due_promise_reminders([p], NOW + dt.timedelta(minutes=4), LEAD, given) == []
    first = due_promise_reminders([p], NOW + dt.timedelta(minutes=5), LEAD, given)
    assert first == [(p, Status.DUE_SOON)]
    given.add((1, "due_soon"))
    assert due_promise_reminders([p], NOW + dt.timedelta(minutes=6), LEAD, given) == []
    assert due_promise_reminders([p], NOW + dt.timedelta(minutes=10), LEAD, given) == [(p, Status.OVERDUE)]
    assert due_promise_reminders([promise(done=True)], NOW + dt.timedelta(hours=1), LEAD, set()) == []


def test_overdue_promises_sort_first_and_done_ones_last():
    late, soon, later, done = promise(1, -30), promise(2, 3), promise(3, 120), promise(4, 1, done=True)
    assert [p.id for p in urgency_order([done, later, soon, late], NOW, LEAD)] == [1, 2, 3, 4]


def test_promise_validation():
    made = validated_promise("  明天 发顺丰 ", NOW + dt.timedelta(minutes=10, seconds=30), "", "云朵朵", NOW)
    assert made.text == "明天 发顺丰" and made.due == NOW + dt.timedelta(minutes=10) and made.order_id == ""
    with pytest.raises(PromiseError, match="不能为空"):
        validated_promise("  ", NOW + dt.timedelta(hours=1), "", "", NOW)
    with pytest.raises(PromiseError, match="已经过了"):
        validated_promise("x", NOW, "", "", NOW)
    with pytest.raises(PromiseError, match="最多"):
        validated_promise("字" * 201, NOW + dt.timedelta(hours=1), "", "", NOW)


@pytest.mark.parametrize(
    "raw, expected", [("16:00", dt.time(16)), ("9:30", dt.time(9, 30)), (" 23：59 ", dt.time(23, 59))]
)
def test_cutoff_times(raw, expected):
    assert parse_cutoff(raw) == expected


@pytest.mark.parametrize("raw", ["24:00", "16", "16:60", "", "四点"])
def test_bad_cutoff_times(raw):
    with pytest.raises(PromiseError):
        parse_cutoff(raw)


def unpaid(placed: dt.datetime, closed: bool = False) -> UnpaidOrder:
    return UnpaidOrder(7, "T7", "云朵朵", placed, "A01", placed if closed else None, "paid" if closed else "")


def test_a_morning_order_gets_a_first_reminder_and_a_last_call_before_the_cutoff():
    reminders = urge_reminders(unpaid(NOW), RULES)
    assert [(r.kind, r.at.time(), r.phrase_code) for r in reminders] == [
        ("first", dt.time(10, 15), "cf1"),
        ("cutoff", dt.time(15, 30), "cf1"),
    ]


def test_an_order_placed_near_the_cutoff_gets_one_reminder_with_the_after_cutoff_phrase():
    reminders = urge_reminders(unpaid(NOW.replace(hour=15, minute=50)), RULES)
    assert [(r.kind, r.at.time(), r.phrase_code) for r in reminders] == [("first", dt.time(16, 5), "cf3")]


def test_no_last_call_when_the_first_reminder_would_come_after_it():
    reminders = urge_reminders(unpaid(NOW.replace(hour=15, minute=20)), RULES)
    assert [r.kind for r in reminders] == ["first"]
    assert reminders[0].phrase_code == "cf1"  # 15:35 is still before the cut-off


def test_closed_orders_get_no_reminders():
    assert urge_reminders(unpaid(NOW, closed=True), RULES) == []


def test_due_urges_gives_the_latest_missed_reminder_once_and_covers_the_earlier_one():
    order = unpaid(NOW)
    assert due_urges([order], RULES, NOW + dt.timedelta(minutes=14), set()) == []
    after_break = due_urges([order], RULES, NOW.replace(hour=15, minute=45), set())
    assert [(r.kind, r.covers) for r in after_break] == [("cutoff", ("first", "cutoff"))]
    given = {(7, kind) for kind in after_break[0].covers}
    assert due_urges([order], RULES, NOW.replace(hour=17), given) == []


def test_unpaid_validation():
    assert validated_unpaid(" T9 ", " 云 ", NOW.replace(microsecond=5), NOW) == ("T9", "云", NOW)
    with pytest.raises(PromiseError, match="晚于现在"):
        validated_unpaid("T9", "", NOW + dt.timedelta(hours=1), NOW)
