"""Promises and unpaid orders in the real file; reminders given survive a restart."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.promises import PromiseError, validated_promise

NOW = dt.datetime(2026, 11, 11, 10, 0)


@pytest.fixture
def store_now() -> dt.datetime:
    return NOW


def test_promises_are_added_listed_and_done_without_being_deleted(store):
    early = store.promises.add(
        validated_promise("周五前发货", NOW + dt.timedelta(hours=2), "T1", "云", NOW), "A01", NOW
    )
    late = store.promises.add(validated_promise("送袜子", NOW + dt.timedelta(hours=5), "", "熊", NOW), "A01", NOW)
    assert [p.id for p in store.promises.open()] == [early.id, late.id]
    done = store.promises.mark_done(early.id, "A02", NOW + dt.timedelta(hours=1))
    assert (done.done_at, done.done_by) == (NOW + dt.timedelta(hours=1), "A02")
    assert [p.id for p in store.promises.open()] == [late.id]
    assert [p.id for p in store.promises.listed(NOW + dt.timedelta(hours=2))] == [early.id, late.id]
    assert [p.id for p in store.promises.listed(NOW + dt.timedelta(days=2))] == [late.id]
    assert len(store.promises.all()) == 2
    again = store.promises.mark_done(early.id, "A03", NOW + dt.timedelta(hours=3))
    assert again.done_by == "A02"  # the first tick counts


def test_an_order_is_on_the_unpaid_list_once_while_open(store):
    first = store.promises.add_unpaid("T9", "云", NOW, "A01")
    with pytest.raises(PromiseError, match="已在催付列表"):
        store.promises.add_unpaid("T9", "云", NOW, "A01")
    closed = store.promises.close_unpaid(first.id, "paid", NOW + dt.timedelta(minutes=20))
    assert closed.outcome == "paid" and store.promises.open_unpaid() == []
    reopened = store.promises.add_unpaid("T9", "云", NOW + dt.timedelta(days=1), "A01")
    assert [u.id for u in store.promises.open_unpaid()] == [reopened.id]


def test_reminders_given_are_remembered_across_a_restart(store, open_store_at):
    store.promises.remember_reminders("promise", [(1, "due_soon"), (2, "overdue")], NOW)
    store.promises.remember_reminders("promise", [(1, "due_soon")], NOW)  # again: no error, no duplicate
    store.close()
    reopened = open_store_at(NOW)
    assert reopened.promises.reminders_given("promise") == {(1, "due_soon"), (2, "overdue")}
    assert reopened.promises.reminders_given("urge") == set()
