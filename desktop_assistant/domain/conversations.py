"""Live conversations by the platform's round rule (docs/conversations.md): who is waiting, since when, how urgent.

Pure: events in, state out, the time always from the caller. The same events, stored append-only, are
turned into chat-log messages for the KPI engine (`messages_of`), so the panel's numbers follow exactly
the rule `kpi` applies to an exported log.

A conversation that comes into being (from the chat window in front, the clipboard or the panel) starts
a round: an agent opens a chat because a buyer wrote. Further buyer messages do not restart a round;
a reply ends it. Closing a conversation with a round open leaves that round unanswered, as the platform
would count it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, NamedTuple

from desktop_assistant.domain.kpi import AGENT, BUYER, Message
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.reading import MANUAL, PHRASE, SIGHT, UI_TREE

OPENED, BUYER_WROTE, REPLIED, CLOSED = "opened", "buyer_wrote", "replied", "closed"
KINDS = (OPENED, BUYER_WROTE, REPLIED, CLOSED)
MSG_NO_CONVERSATION = QT_TRANSLATE_NOOP("Messages", "先选一个会话")


class ConversationError(UserError):
    """An action the agent has to correct. Nicks are checked by domain/nicks.py, as in 买家."""


class Level(IntEnum):
    """How urgent a conversation is; the order is the order of urgency."""

    ANSWERED = 0
    WAITING = 1
    WARN = 2
    OVERDUE = 3
    CRITICAL = 4


@dataclass(frozen=True)
class Thresholds:
    warn_s: int = 30
    overdue_s: int = 60
    critical_s: int = 180

    def level(self, waited_s: float) -> Level:
        if waited_s >= self.critical_s:
            return Level.CRITICAL
        if waited_s >= self.overdue_s:
            return Level.OVERDUE
        if waited_s >= self.warn_s:
            return Level.WARN
        return Level.WAITING


@dataclass(frozen=True)
class TimerRules:
    later: Thresholds = Thresholds()
    first: Thresholds = Thresholds(10, 30, 60)  # a new buyer's first round: greeted within 30 s
    idle_close_s: int = 30 * 60  # an answered conversation quiet this long leaves the list

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> TimerRules:
        def thresholds(prefix: str) -> Thresholds:
            warn, overdue, critical = (
                int(values[f"timer.{prefix}{name}_s"]) for name in ("warn", "overdue", "critical")
            )
            # The dialog can save them out of order; the levels must still rise with the wait.
            overdue, critical = max(overdue, warn), max(critical, overdue, warn)
            return Thresholds(warn, overdue, critical)

        return cls(thresholds(""), thresholds("first_"), int(values["conversation.idle_close_minutes"]) * 60)


@dataclass(frozen=True)
class Event:
    at: dt.datetime
    buyer: str
    kind: str  # one of KINDS
    platform: str = ""
    agent_id: str = ""
    source: str = ""  # as stored: ui_tree | sight | phrase, or the manual path (hotkey, button, …): see event_source


SOURCES = (UI_TREE, SIGHT, MANUAL, PHRASE)
_AS_STORED = {UI_TREE: UI_TREE, SIGHT: SIGHT, PHRASE: PHRASE, "paste": PHRASE}  # anything else is manual


def event_source(stored: str) -> str:
    """The source of a stored event (docs/reading.md): ui_tree, sight, phrase, or manual for every path the agent
    drives by hand (hotkey, button, clipboard, panel, window title, idle close; what older releases stored).
    The stored value keeps that detail; this is what 统计 filters on and what exports write."""
    return _AS_STORED.get(stored, MANUAL)


@dataclass
class Conversation:
    buyer: str
    platform: str
    opened_at: dt.datetime
    last_at: dt.datetime
    waiting_since: dt.datetime | None = None
    last_reply_at: dt.datetime | None = None
    answered_rounds: int = 0
    last_response_s: float | None = None
    announced: Level = Level.ANSWERED  # the highest level already alerted in the open round

    @property
    def first_round(self) -> bool:
        return self.answered_rounds == 0

    def waited_s(self, now: dt.datetime) -> float:
        return max(0.0, (now - self.waiting_since).total_seconds()) if self.waiting_since is not None else 0.0


class Entry(NamedTuple):
    """A conversation as it stands at one moment: computed once per tick, used by the list, alerts and badge."""

    conversation: Conversation
    level: Level
    waited_s: float


@dataclass
class Board:
    """The open conversations of this workstation, rebuilt from events at start and kept by them after."""

    rules: TimerRules = field(default_factory=TimerRules)
    conversations: dict[str, Conversation] = field(default_factory=dict)

    def apply(self, event: Event) -> Conversation | None:
        """Take one event; the conversation it touched (None once closed or when there is none)."""
        conversation = self.conversations.get(event.buyer)
        if event.kind == CLOSED:
            self.conversations.pop(event.buyer, None)
            return None
        if conversation is None:
            if event.kind == REPLIED:
                return None  # a reply to nobody we track: a message, but no conversation
            conversation = Conversation(event.buyer, event.platform, event.at, event.at)
            self.conversations[event.buyer] = conversation
        conversation.last_at = max(conversation.last_at, event.at)
        if event.platform and not conversation.platform:
            conversation.platform = event.platform
        if event.kind in (OPENED, BUYER_WROTE) and conversation.waiting_since is None:
            conversation.waiting_since = event.at
            conversation.announced = Level.ANSWERED
        elif event.kind == BUYER_WROTE and event.at < conversation.waiting_since:  # type: ignore[operator]
            # A bubble's printed time, earlier than what started the round (a badge seen later): the
            # round starts at the first unanswered message, as `kpi` counts it from the same events.
            conversation.waiting_since = event.at
        elif event.kind == REPLIED and conversation.waiting_since is not None:
            conversation.last_response_s = conversation.waited_s(event.at)
            conversation.waiting_since = None
            conversation.answered_rounds += 1
        if event.kind == REPLIED:
            conversation.last_reply_at = max(conversation.last_reply_at or event.at, event.at)
        return conversation

    def open(self, buyer: str, platform: str, at: dt.datetime) -> Conversation:
        """A conversation the agent switched to, with no round: switching to a chat is not a message. It
        is not an event (nothing to count); the buyer's first message starts its round."""
        conversation = self.conversations.get(buyer)
        if conversation is None:
            conversation = self.conversations[buyer] = Conversation(buyer, platform, at, at)
        return conversation

    def thresholds(self, conversation: Conversation) -> Thresholds:
        return self.rules.first if conversation.first_round else self.rules.later

    def entry(self, conversation: Conversation, now: dt.datetime) -> Entry:
        if conversation.waiting_since is None:
            return Entry(conversation, Level.ANSWERED, 0.0)
        waited = conversation.waited_s(now)
        return Entry(conversation, self.thresholds(conversation).level(waited), waited)

    def level(self, conversation: Conversation, now: dt.datetime) -> Level:
        return self.entry(conversation, now).level

    def snapshot(self, now: dt.datetime) -> list[Entry]:
        """Most urgent first: level, then the longest wait, then the most recent activity."""
        entries = [self.entry(conversation, now) for conversation in self.conversations.values()]
        entries.sort(key=lambda e: (-e.level, -e.waited_s, -e.conversation.last_at.timestamp(), e.conversation.buyer))
        return entries

    def longest_waiting(self, now: dt.datetime) -> Conversation | None:
        waiting = [c for c in self.conversations.values() if c.waiting_since is not None]
        return max(waiting, key=lambda c: c.waited_s(now), default=None)

    def escalations(self, now: dt.datetime, snapshot: list[Entry] | None = None) -> list[tuple[Conversation, Level]]:
        """Conversations that reached overdue or critical since the last call: each level alerted once per round."""
        raised = []
        for conversation, level, _waited in snapshot if snapshot is not None else self.snapshot(now):
            if level >= Level.OVERDUE and level > conversation.announced:
                conversation.announced = level
                raised.append((conversation, level))
        return raised

    def idle(self, now: dt.datetime) -> list[str]:
        """Answered conversations quiet for `idle_close_s`: they may leave the list."""
        limit = dt.timedelta(seconds=self.rules.idle_close_s)
        return [
            c.buyer
            for c in self.conversations.values()
            if c.waiting_since is None and self.rules.idle_close_s and now - c.last_at >= limit
        ]


def replay(events: Iterable[Event], rules: TimerRules, now: dt.datetime) -> Board:
    """The board as the events left it. A round already overdue is not alerted again after a restart:
    its colour says so, and a burst of stale alerts at start-up would only be noise."""
    board = Board(rules)
    for event in events:
        board.apply(event)
    for conversation in board.conversations.values():
        conversation.announced = board.level(conversation, now)
    return board


def messages_of(events: Iterable[Event]) -> list[Message]:
    """The recorded events as chat-log messages (time order kept): the KPI engine's input.

    Every "buyer wrote" is a buyer message and every reply an agent message; opening a conversation is
    the buyer's first message when no round was open. Closing is not a message."""
    return [message for message, _event in message_events(events)]


def message_events(events: Iterable[Event]) -> list[tuple[Message, Event]]:
    """`messages_of`, each message with the event it comes from (exports write its source)."""
    messages: list[tuple[Message, Event]] = []
    waiting: set[str] = set()
    for event in sorted(events, key=lambda e: e.at):
        if event.kind == BUYER_WROTE or (event.kind == OPENED and event.buyer not in waiting):
            messages.append((Message(event.at, event.buyer, BUYER, event.agent_id), event))
            waiting.add(event.buyer)
        elif event.kind == REPLIED:
            messages.append((Message(event.at, event.buyer, AGENT, event.agent_id), event))
            waiting.discard(event.buyer)
        elif event.kind == CLOSED:
            waiting.discard(event.buyer)
    return messages


def of_source(events: Iterable[Event], source: str | None) -> list[Event]:
    """The events of rounds started by `source` (None: all): buyer-side events of that source, with every
    reply and close, whatever answered it (a round seen by sight and answered by a phrase is sight's)."""
    if source is None:
        return list(events)
    return [e for e in events if e.kind in (REPLIED, CLOSED) or event_source(e.source) == source]


def format_wait(seconds: float) -> str:
    """0:42, 3:05, 1:02:10: what fits a narrow column."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
