"""待答问题: a buyer's question the agent must check first (stock, size, a delivery date), bound to the
conversation, with a countdown (5 minutes by default) so the buyer is not forgotten meanwhile."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from desktop_assistant.domain.conversations import Event
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

TEXT_MAX = 500
MSG_NO_TEXT = QT_TRANSLATE_NOOP("Messages", "请写下买家的问题")
MSG_NO_ANSWER = QT_TRANSLATE_NOOP("Messages", "请写下回答")
MSG_TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "最多 {limit} 个字")


class QuestionError(UserError):
    """A question or answer the agent has to correct."""


def valid_text(raw: str, empty_message: str = MSG_NO_TEXT) -> str:
    text = " ".join((raw or "").split())  # one line: it is shown in a list and pasted as one message
    if not text:
        raise QuestionError(empty_message)
    if len(text) > TEXT_MAX:
        raise QuestionError(MSG_TEXT_TOO_LONG, limit=TEXT_MAX)
    return text


@dataclass(frozen=True)
class Question:
    id: int
    buyer: str
    text: str
    asked_at: dt.datetime
    due: dt.datetime
    agent_id: str = ""
    answered_at: dt.datetime | None = None
    answer: str = ""

    @property
    def open(self) -> bool:
        return self.answered_at is None

    def remaining_s(self, now: dt.datetime) -> float:
        """Seconds left before the buyer should have the answer; negative once overdue."""
        return (self.due - now).total_seconds()

    def overdue(self, now: dt.datetime) -> bool:
        return self.open and now >= self.due


class ConversationRepository(Protocol):
    """What the UI may do with conversation events and questions (storage.conversation_store)."""

    def record(self, event: Event) -> None: ...

    def events_between(self, start: dt.datetime, end: dt.datetime) -> list[Event]: ...

    def add_question(self, buyer: str, text: str, due: dt.datetime, agent_id: str, now: dt.datetime) -> Question: ...

    def answer_question(self, question_id: int, answer: str, now: dt.datetime) -> Question: ...

    def listed_questions(self, now: dt.datetime) -> list[Question]: ...
