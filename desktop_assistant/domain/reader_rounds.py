"""What an event a reader saw means for the conversations (docs/conversations.md + docs/reading.md), as pure rules: the
conversations controller asks `ReaderRounds.decide` and records what it says.

- ACTIVE_BUYER (the hub already confirmed it: read twice) makes that conversation active; a new one opens
  without a round, because switching to a chat is not a message.
- BUYER_MESSAGE and UNREAD_BADGE record "buyer wrote" at the event's time (the time printed beside the
  bubble when there is one, which may be earlier than now), so the round starts when the buyer wrote.
  A badge while that buyer's round is open adds nothing. A message dated before the conversation's last
  reply starts its round at that reply, never earlier: a round never starts before the one it follows ended.
- A badge stands for a message: when its chat is opened, the first buyer bubble of that round is the
  message the badge counted, not a second one (else every chat that was not open would halve the
  answer/question ratio). Only when that bubble's printed time is more than SAME_MESSAGE before the badge
  was seen (a badge already there when the panel started) is it recorded, to move the round's start back.
- AGENT_MESSAGE records "replied": it ends the open round. The bubble of a phrase just pasted is that
  phrase, already recorded as the reply; it is not counted twice.
- What was already recorded is not recorded again (the same bubble read after a restart has the same
  printed time), and a message older than a day is history, not a live round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from desktop_assistant.domain.conversations import BUYER_WROTE, REPLIED, Board, Event
from desktop_assistant.domain.reading import ACTIVE_BUYER, AGENT_MESSAGE, BUYER_MESSAGE, UNREAD_BADGE, ReaderEvent

ACTIVATE = "activate"
HISTORY = dt.timedelta(days=1)  # older messages on screen are history: the conversations replay one day
# A badge seen live is at most a poll after its message; a time printed to the minute is up to 60 s early.
SAME_MESSAGE = dt.timedelta(seconds=61)


class Decision(NamedTuple):
    kind: str  # ACTIVATE | BUYER_WROTE | REPLIED
    at: dt.datetime


class ReaderRounds:
    def __init__(self, recorded: Iterable[Event] = ()) -> None:
        self._seen: set[tuple[str, str, dt.datetime]] = set()
        self._phrase_unseen: set[str] = set()  # buyers whose last reply was a paste no reader has seen yet
        self._badge_unseen: dict[str, dt.datetime] = {}  # buyer -> when a badge started its round (bubble not seen yet)
        for event in recorded:
            self.recorded(event)

    def recorded(self, event: Event) -> None:
        """Every event the controller stores, whatever its source."""
        if event.kind in (BUYER_WROTE, REPLIED):
            self._seen.add((event.buyer, event.kind, event.at))
        if event.kind == BUYER_WROTE:
            self._phrase_unseen.discard(event.buyer)
        else:
            self._badge_unseen.pop(event.buyer, None)  # answered: the next bubble is a new message

    def pasted(self, buyer: str) -> None:
        """The agent's reply was pasted into the chat: the next agent bubble of this buyer is that paste."""
        self._phrase_unseen.add(buyer)

    def decide(self, board: Board, event: ReaderEvent, now: dt.datetime) -> Decision | None:
        buyer = event.buyer
        if event.kind == ACTIVE_BUYER:
            return Decision(ACTIVATE, min(event.at, now))
        at = min(event.at, now)
        if at < now - HISTORY:
            return None
        kind = BUYER_WROTE if event.kind in (BUYER_MESSAGE, UNREAD_BADGE) else REPLIED
        if (buyer, kind, at) in self._seen:
            return None  # recorded already: read again, or before a restart
        conversation = board.conversations.get(buyer)
        if event.kind in (BUYER_MESSAGE, UNREAD_BADGE):
            badge_at = self._badge_unseen.pop(buyer, None) if event.kind == BUYER_MESSAGE else None
            if badge_at is not None and at >= badge_at - SAME_MESSAGE:
                return None  # the message that badge counted
            if conversation is not None:
                if event.kind == UNREAD_BADGE and conversation.waiting_since is not None:
                    return None
                if conversation.last_reply_at is not None and at < conversation.last_reply_at:
                    at = conversation.last_reply_at
            decision = Decision(BUYER_WROTE, at)
            if event.kind == UNREAD_BADGE:
                self._badge_unseen[buyer] = at
        elif event.kind == AGENT_MESSAGE:
            if conversation is None:
                return None  # a reply to nobody we track
            if conversation.waiting_since is None and buyer in self._phrase_unseen:
                self._phrase_unseen.discard(buyer)
                return None
            if conversation.waiting_since is not None:
                at = max(at, conversation.waiting_since)
            decision = Decision(REPLIED, at)
        else:
            return None
        self._phrase_unseen.discard(buyer)
        if (buyer, decision.kind, decision.at) in self._seen:
            return None  # moved to a time already counted: the same message
        return decision
