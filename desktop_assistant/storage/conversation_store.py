"""Conversation events (append-only; the database refuses UPDATE and DELETE) and 待答问题."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_assistant.domain.conversations import Event
from desktop_assistant.domain.questions import Question
from desktop_assistant.storage.rows import inserted_id
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp

_EVENT_COLUMNS = "at, buyer, kind, platform, agent_id, source"
_QUESTION_COLUMNS = "id, buyer, text, asked_at, due, agent_id, answered_at, answer"
RECENT_ANSWERED = dt.timedelta(hours=2)  # answered questions stay listed this long


def _stamp(moment: dt.datetime) -> str:
    # Milliseconds: a phrase pasted half a second after the buyer wrote is a 0.5 s response.
    return stamp(moment, "milliseconds")


def _event(row: tuple[Any, ...]) -> Event:
    at, buyer, kind, platform, agent_id, source = row
    return Event(dt.datetime.fromisoformat(at), buyer, kind, platform, agent_id, source)


def _question(row: tuple[Any, ...]) -> Question:
    qid, buyer, text, asked_at, due, agent_id, answered_at, answer = row
    return Question(
        qid,
        buyer,
        text,
        dt.datetime.fromisoformat(asked_at),
        dt.datetime.fromisoformat(due),
        agent_id,
        dt.datetime.fromisoformat(answered_at) if answered_at else None,
        answer,
    )


class ConversationStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- events ------------------------------------------------------------------------------
    def record(self, event: Event) -> None:
        with self._db.atomic():
            self._db.execute(
                f"INSERT INTO conversation_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                [_stamp(event.at), event.buyer, event.kind, event.platform, event.agent_id, event.source],
            )

    def record_many(self, events: list[Event]) -> None:
        with self._db.atomic():
            self._db.conn.executemany(
                f"INSERT INTO conversation_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                [(_stamp(e.at), e.buyer, e.kind, e.platform, e.agent_id, e.source) for e in events],
            )

    def events_between(self, start: dt.datetime, end: dt.datetime) -> list[Event]:
        """Events with start <= at < end, in the order they happened."""
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM conversation_events WHERE at >= ? AND at < ? ORDER BY at, id",
            [_stamp(start), _stamp(end)],
        )
        return [_event(row) for row in rows]

    def count_events(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM conversation_events").fetchone()[0])

    # --- 待答问题 ---------------------------------------------------------------------------------
    def add_question(self, buyer: str, text: str, due: dt.datetime, agent_id: str, now: dt.datetime) -> Question:
        with self._db.atomic():
            cursor = self._db.execute(
                "INSERT INTO pending_questions (buyer, text, asked_at, due, agent_id) VALUES (?, ?, ?, ?, ?)",
                [buyer, text, _stamp(now), _stamp(due), agent_id],
            )
        return self.question(inserted_id(cursor))

    def question(self, question_id: int) -> Question:
        row = self._db.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM pending_questions WHERE id = ?", [question_id]
        ).fetchone()
        if row is None:
            raise KeyError(question_id)
        return _question(row)

    def answer_question(self, question_id: int, answer: str, now: dt.datetime) -> Question:
        with self._db.atomic():
            self._db.execute(
                "UPDATE pending_questions SET answered_at = ?, answer = ? WHERE id = ? AND answered_at IS NULL",
                [_stamp(now), answer, question_id],
            )
        return self.question(question_id)

    def listed_questions(self, now: dt.datetime) -> list[Question]:
        """Open questions, soonest due first, then those answered in the last two hours."""
        rows = self._db.execute(
            f"SELECT {_QUESTION_COLUMNS} FROM pending_questions WHERE answered_at IS NULL OR answered_at >= ? "
            "ORDER BY answered_at IS NOT NULL, due, id",
            [_stamp(now - RECENT_ANSWERED)],
        )
        return [_question(row) for row in rows]
