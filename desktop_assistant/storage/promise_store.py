"""Promises and unpaid orders. Rows are never deleted: done promises and closed orders keep their
outcome and time, so the day can be reviewed; reminders given are remembered across restarts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_assistant.domain.nicks import normal_nick
from desktop_assistant.domain.promises import MSG_ALREADY_LISTED, NewPromise, Promise, PromiseError, UnpaidOrder
from desktop_assistant.storage.rows import inserted_id
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp

_PROMISE_COLUMNS = "id, text, due, order_id, buyer, agent_id, created_at, done_at, done_by"
_UNPAID_COLUMNS = "id, order_id, buyer, placed_at, agent_id, closed_at, outcome"
RECENT_DONE = dt.timedelta(days=1)  # done promises stay listed this long


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _promise(row: tuple[Any, ...]) -> Promise:
    pid, text, due, order_id, buyer, agent_id, created_at, done_at, done_by = row
    return Promise(
        pid,
        text,
        dt.datetime.fromisoformat(due),
        order_id,
        buyer,
        agent_id,
        dt.datetime.fromisoformat(created_at),
        _time(done_at),
        done_by,
    )


def _unpaid(row: tuple[Any, ...]) -> UnpaidOrder:
    uid, order_id, buyer, placed_at, agent_id, closed_at, outcome = row
    return UnpaidOrder(uid, order_id, buyer, dt.datetime.fromisoformat(placed_at), agent_id, _time(closed_at), outcome)


class PromiseStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- promises ----------------------------------------------------------------------------
    def add(self, promise: NewPromise, agent_id: str, now: dt.datetime) -> Promise:
        with self._db.atomic():
            cursor = self._db.execute(
                "INSERT INTO promises (text, due, order_id, buyer, agent_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [promise.text, stamp(promise.due), promise.order_id, promise.buyer, agent_id, stamp(now)],
            )
        return self.get(inserted_id(cursor))

    def get(self, promise_id: int) -> Promise:
        row = self._db.execute(f"SELECT {_PROMISE_COLUMNS} FROM promises WHERE id = ?", [promise_id]).fetchone()
        if row is None:
            raise KeyError(promise_id)
        return _promise(row)

    def open(self) -> list[Promise]:
        rows = self._db.execute(f"SELECT {_PROMISE_COLUMNS} FROM promises WHERE done_at IS NULL ORDER BY due, id")
        return [_promise(row) for row in rows]

    def listed(self, now: dt.datetime) -> list[Promise]:
        """Open promises and those done in the last day (so a mistaken tick can be seen)."""
        rows = self._db.execute(
            f"SELECT {_PROMISE_COLUMNS} FROM promises WHERE done_at IS NULL OR done_at >= ? ORDER BY due, id",
            [stamp(now - RECENT_DONE)],
        )
        return [_promise(row) for row in rows]

    def all(self) -> list[Promise]:
        return [_promise(row) for row in self._db.execute(f"SELECT {_PROMISE_COLUMNS} FROM promises ORDER BY due, id")]

    def mark_done(self, promise_id: int, agent_id: str, now: dt.datetime) -> Promise:
        with self._db.atomic():
            self._db.execute(
                "UPDATE promises SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL",
                [stamp(now), agent_id, promise_id],
            )
        return self.get(promise_id)

    # --- 催付 ----------------------------------------------------------------------------------
    def add_unpaid(self, order_id: str, buyer: str, placed_at: dt.datetime, agent_id: str) -> UnpaidOrder:
        with self._db.atomic():
            if self._db.execute(
                "SELECT 1 FROM unpaid_orders WHERE order_id = ? AND closed_at IS NULL", [order_id]
            ).fetchone():
                raise PromiseError(MSG_ALREADY_LISTED, order_id=order_id)
            cursor = self._db.execute(
                "INSERT INTO unpaid_orders (order_id, buyer, placed_at, agent_id) VALUES (?, ?, ?, ?)",
                [order_id, normal_nick(buyer), stamp(placed_at), agent_id],
            )
        return self.get_unpaid(inserted_id(cursor))

    def get_unpaid(self, unpaid_id: int) -> UnpaidOrder:
        row = self._db.execute(f"SELECT {_UNPAID_COLUMNS} FROM unpaid_orders WHERE id = ?", [unpaid_id]).fetchone()
        if row is None:
            raise KeyError(unpaid_id)
        return _unpaid(row)

    def open_unpaid(self) -> list[UnpaidOrder]:
        rows = self._db.execute(
            f"SELECT {_UNPAID_COLUMNS} FROM unpaid_orders WHERE closed_at IS NULL ORDER BY placed_at, id"
        )
        return [_unpaid(row) for row in rows]

    def close_unpaid(self, unpaid_id: int, outcome: str, now: dt.datetime) -> UnpaidOrder:
        if outcome not in ("paid", "cancelled"):
            raise ValueError(outcome)
        with self._db.atomic():
            self._db.execute(
                "UPDATE unpaid_orders SET closed_at = ?, outcome = ? WHERE id = ? AND closed_at IS NULL",
                [stamp(now), outcome, unpaid_id],
            )
        return self.get_unpaid(unpaid_id)

    # --- reminders given ---------------------------------------------------------------------------
    def reminders_given(self, subject: str) -> set[tuple[int, str]]:
        rows = self._db.execute("SELECT subject_id, kind FROM reminders_given WHERE subject = ?", [subject])
        return {(sid, kind) for sid, kind in rows}

    def remember_reminders(self, subject: str, given: list[tuple[int, str]], now: dt.datetime) -> None:
        with self._db.atomic():
            self._db.conn.executemany(
                "INSERT OR IGNORE INTO reminders_given (subject, subject_id, kind, at) VALUES (?, ?, ?, ?)",
                [(subject, sid, kind, stamp(now)) for sid, kind in given],
            )
