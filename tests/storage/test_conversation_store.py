"""Conversation events are append-only in the database; questions keep their answer."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_assistant.domain.conversations import BUYER_WROTE, REPLIED, Event

T0 = dt.datetime(2026, 11, 11, 10, 0, 0, 250_000)


@pytest.fixture
def store_now() -> dt.datetime:
    return T0


def test_events_round_trip_with_milliseconds_in_time_order(store):
    later = Event(T0 + dt.timedelta(seconds=0.5), "小熊", REPLIED, "千牛", "a1", "phrase")
    first = Event(T0, "小熊", BUYER_WROTE, "千牛", "a1", "window")
    store.conversations.record(later)
    store.conversations.record(first)
    assert store.conversations.events_between(T0, T0 + dt.timedelta(seconds=1)) == [first, later]
    assert store.conversations.events_between(T0 + dt.timedelta(seconds=1), T0 + dt.timedelta(days=1)) == []


@pytest.mark.parametrize("statement", ["UPDATE conversation_events SET buyer = 'x'", "DELETE FROM conversation_events"])
def test_the_database_refuses_to_change_or_delete_an_event(store, statement):
    store.conversations.record(Event(T0, "小熊", BUYER_WROTE))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute(statement)
    assert store.conversations.count_events() == 1


def test_the_database_refuses_unknown_kinds_and_empty_nicks(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.conversations.record(Event(T0, "小熊", "typing"))
    with pytest.raises(sqlite3.IntegrityError):
        store.conversations.record(Event(T0, "", BUYER_WROTE))
    assert store.conversations.count_events() == 0


def test_questions_are_answered_once_and_listed_open_first(store):
    conv = store.conversations
    first = conv.add_question("小熊", "有没有 XL 码", T0 + dt.timedelta(minutes=5), "a1", T0)
    second = conv.add_question("小明", "几号发货", T0 + dt.timedelta(minutes=3), "a1", T0)
    answered = conv.answer_question(first.id, "有的, 今天就能发", T0 + dt.timedelta(minutes=2))
    assert answered.answer == "有的, 今天就能发" and answered.answered_at == T0 + dt.timedelta(minutes=2)
    again = conv.answer_question(first.id, "改口", T0 + dt.timedelta(minutes=4))
    assert again.answer == "有的, 今天就能发"  # the first answer stands
    assert [q.id for q in conv.listed_questions(T0 + dt.timedelta(minutes=5))] == [second.id, first.id]
    assert [q.id for q in conv.listed_questions(T0 + dt.timedelta(hours=3))] == [second.id]
