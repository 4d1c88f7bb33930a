"""Promises (承诺) and unpaid orders (催付), docs/notes.md: what is due, what is overdue, and when to remind.

Pure functions of the records and the time: the UI ticks a timer and asks; tests move a FakeClock.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass
from typing import Protocol

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.nicks import valid_nick
from desktop_assistant.domain.notes import parse_order_id

PROMISE_MAX_CHARS = 200

MSG_NO_TEXT = QT_TRANSLATE_NOOP("Messages", "承诺内容不能为空")
MSG_TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "承诺内容最多 {limit} 个字")
MSG_DUE_IN_PAST = QT_TRANSLATE_NOOP("Messages", "到期时间已经过了：{due}")
MSG_BAD_CUTOFF = QT_TRANSLATE_NOOP("Messages", "截单时间格式应为 HH:MM，收到：{value}")
MSG_ALREADY_LISTED = QT_TRANSLATE_NOOP("Messages", "订单 {order_id} 已在催付列表中")
MSG_PLACED_IN_FUTURE = QT_TRANSLATE_NOOP("Messages", "下单时间不能晚于现在：{placed}")


class PromiseError(UserError):
    """A promise or unpaid order that cannot be recorded; nothing is written."""


class Status(str, enum.Enum):
    OPEN = "open"
    DUE_SOON = "due_soon"  # inside the reminder window
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True)
class Promise:
    id: int
    text: str
    due: dt.datetime
    order_id: str
    buyer: str
    agent_id: str
    created_at: dt.datetime
    done_at: dt.datetime | None = None
    done_by: str = ""


@dataclass(frozen=True)
class NewPromise:
    text: str
    due: dt.datetime
    order_id: str
    buyer: str


def validated_promise(text: str, due: dt.datetime, order_id: str, buyer: str, now: dt.datetime) -> NewPromise:
    body = " ".join(text.split())
    if not body:
        raise PromiseError(MSG_NO_TEXT)
    if len(body) > PROMISE_MAX_CHARS:
        raise PromiseError(MSG_TEXT_TOO_LONG, limit=PROMISE_MAX_CHARS)
    if due <= now:
        raise PromiseError(MSG_DUE_IN_PAST, due=f"{due:%Y-%m-%d %H:%M}")
    nick = valid_nick(buyer, optional=True, error=PromiseError)
    order = parse_order_id(order_id) if order_id.strip() else ""
    return NewPromise(body, due.replace(second=0, microsecond=0), order, nick)


def promise_status(promise: Promise, now: dt.datetime, lead: dt.timedelta) -> Status:
    if promise.done_at is not None:
        return Status.DONE
    if now >= promise.due:
        return Status.OVERDUE
    if now >= promise.due - lead:
        return Status.DUE_SOON
    return Status.OPEN


def urgency_order(promises: list[Promise], now: dt.datetime, lead: dt.timedelta) -> list[Promise]:
    """Overdue first (longest overdue on top), then by due time; done ones last, newest first."""
    rank = {Status.OVERDUE: 0, Status.DUE_SOON: 1, Status.OPEN: 2, Status.DONE: 3}

    def key(p: Promise) -> tuple[int, float, int]:
        status = promise_status(p, now, lead)
        done_key = -(p.done_at.timestamp()) if p.done_at else 0.0
        return (rank[status], done_key if status is Status.DONE else p.due.timestamp(), p.id)

    return sorted(promises, key=key)


def due_promise_reminders(
    promises: list[Promise], now: dt.datetime, lead: dt.timedelta, already: set[tuple[int, str]]
) -> list[tuple[Promise, Status]]:
    """(promise, DUE_SOON or OVERDUE) for each open promise that has entered a state not yet announced."""
    due: list[tuple[Promise, Status]] = []
    for promise in promises:
        status = promise_status(promise, now, lead)
        if status in (Status.DUE_SOON, Status.OVERDUE) and (promise.id, status.value) not in already:
            due.append((promise, status))
    return due


# --- 催付 ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnpaidOrder:
    id: int
    order_id: str
    buyer: str
    placed_at: dt.datetime
    agent_id: str
    closed_at: dt.datetime | None = None
    outcome: str = ""  # paid | cancelled, once closed


@dataclass(frozen=True)
class UrgeRules:
    cutoff: dt.time  # paid before this, shipped today
    first_after: dt.timedelta  # the first reminder, this long after the order was placed
    cutoff_lead: dt.timedelta  # the last-call reminder, this long before the cut-off
    phrase_before_cutoff: str  # phrase codes: "付款今天发" and the general one
    phrase_after_cutoff: str


def parse_cutoff(raw: str) -> dt.time:
    match = re.fullmatch(r"\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*", raw)
    if not match:
        raise PromiseError(MSG_BAD_CUTOFF, value=raw[:20])
    return dt.time(int(match.group(1)), int(match.group(2)))


def validated_unpaid(
    order_id: str, buyer: str, placed_at: dt.datetime, now: dt.datetime
) -> tuple[str, str, dt.datetime]:
    nick = valid_nick(buyer, optional=True, error=PromiseError)
    if placed_at > now + dt.timedelta(minutes=1):
        raise PromiseError(MSG_PLACED_IN_FUTURE, placed=f"{placed_at:%Y-%m-%d %H:%M}")
    return parse_order_id(order_id), nick, placed_at.replace(microsecond=0)


@dataclass(frozen=True)
class UrgeReminder:
    order: UnpaidOrder
    kind: str  # "first" or "cutoff"
    at: dt.datetime
    phrase_code: str
    covers: tuple[str, ...] = ()  # every kind this reminder stands for (earlier ones not yet given)


def urge_reminders(order: UnpaidOrder, rules: UrgeRules) -> list[UrgeReminder]:
    """Both reminders an open unpaid order gets, in time order.

    The first comes `first_after` the order was placed. If the order was placed before the day's
    cut-off, a last call comes `cutoff_lead` before it (dropped when it would come before the first).
    The phrase is the cut-off one while paying still means shipping today, the general one after.
    """
    if order.closed_at is not None:
        return []
    cutoff = dt.datetime.combine(order.placed_at.date(), rules.cutoff)

    def phrase_at(moment: dt.datetime) -> str:
        return rules.phrase_before_cutoff if moment < cutoff else rules.phrase_after_cutoff

    first_at = order.placed_at + rules.first_after
    reminders = [UrgeReminder(order, "first", first_at, phrase_at(first_at))]
    last_call = cutoff - rules.cutoff_lead
    if order.placed_at < last_call and first_at < last_call:
        reminders.append(UrgeReminder(order, "cutoff", last_call, rules.phrase_before_cutoff))
    return reminders


def due_urges(
    orders: list[UnpaidOrder], rules: UrgeRules, now: dt.datetime, already: set[tuple[int, str]]
) -> list[UrgeReminder]:
    """Reminders whose time has come and that were not given yet (`already` holds (id, kind))."""
    due = []
    for order in orders:
        passed = [r for r in urge_reminders(order, rules) if r.at <= now and (order.id, r.kind) not in already]
        if passed:  # after a long break one reminder per order, the latest, is enough
            latest = passed[-1]
            due.append(UrgeReminder(order, latest.kind, latest.at, latest.phrase_code, tuple(r.kind for r in passed)))
    return due


class PromiseRepository(Protocol):
    """What the UI may do with promises and unpaid orders (storage.promise_store implements it)."""

    def add(self, promise: NewPromise, agent_id: str, now: dt.datetime) -> Promise: ...

    def listed(self, now: dt.datetime) -> list[Promise]: ...

    def mark_done(self, promise_id: int, agent_id: str, now: dt.datetime) -> Promise: ...

    def add_unpaid(self, order_id: str, buyer: str, placed_at: dt.datetime, agent_id: str) -> UnpaidOrder: ...

    def open_unpaid(self) -> list[UnpaidOrder]: ...

    def close_unpaid(self, unpaid_id: int, outcome: str, now: dt.datetime) -> UnpaidOrder: ...

    def reminders_given(self, subject: str) -> set[tuple[int, str]]: ...

    def remember_reminders(self, subject: str, given: list[tuple[int, str]], now: dt.datetime) -> None: ...
