"""domain/reader_rounds.py: what a reader event means for the board, without Qt or a database."""

from __future__ import annotations

import datetime as dt

from desktop_assistant.domain.conversations import BUYER_WROTE, REPLIED, Board, Event
from desktop_assistant.domain.reader_rounds import ACTIVATE, Decision, ReaderRounds
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    SIGHT,
    UNREAD_BADGE,
    ReaderEvent,
)

NOW = dt.datetime(2026, 12, 7, 10, 0, 0)


def seen(kind: str, buyer: str, seconds_ago: float) -> ReaderEvent:
    return ReaderEvent(kind, buyer, NOW - dt.timedelta(seconds=seconds_ago), SIGHT, "千牛")


def take(board: Board, rounds: ReaderRounds, event: ReaderEvent, now: dt.datetime = NOW) -> Decision | None:
    """What the controller does: decide, then record (board and rounds) what was decided."""
    decision = rounds.decide(board, event, now)
    if decision is not None and decision.kind != ACTIVATE:
        recorded = Event(decision.at, event.buyer, decision.kind, event.platform, "", event.source)
        board.apply(recorded)
        rounds.recorded(recorded)
    return decision


def test_rounds_start_at_the_printed_time_and_end_at_the_agent_bubble() -> None:
    board, rounds = Board(), ReaderRounds()
    assert take(board, rounds, seen(ACTIVE_BUYER, "小熊", 0)) == (ACTIVATE, NOW)
    assert take(board, rounds, seen(BUYER_MESSAGE, "小熊", 90)) == (BUYER_WROTE, NOW - dt.timedelta(seconds=90))
    assert take(board, rounds, seen(AGENT_MESSAGE, "小熊", 100)) == (
        REPLIED,
        NOW - dt.timedelta(seconds=90),
    )  # never before its start
    assert board.conversations["小熊"].last_response_s == 0
    assert take(board, rounds, seen(BUYER_MESSAGE, "小熊", 120)) is None  # older than the round it would follow


def test_a_time_printed_to_the_minute_after_a_reply_starts_the_round_at_that_reply() -> None:
    board, rounds = Board(), ReaderRounds()
    take(board, rounds, seen(BUYER_MESSAGE, "小熊", 90))
    take(board, rounds, seen(AGENT_MESSAGE, "小熊", 30))
    late = take(board, rounds, seen(BUYER_MESSAGE, "小熊", 60))  # written after the reply, printed "9:59"
    assert late == (BUYER_WROTE, NOW - dt.timedelta(seconds=30))
    assert board.conversations["小熊"].waiting_since == NOW - dt.timedelta(seconds=30)


def test_the_same_bubble_is_not_recorded_twice_even_after_a_restart() -> None:
    board, rounds = Board(), ReaderRounds()
    first = [take(board, rounds, seen(BUYER_MESSAGE, "小熊", 60)), take(board, rounds, seen(AGENT_MESSAGE, "小熊", 30))]
    assert [d.kind for d in first] == [BUYER_WROTE, REPLIED]
    stored = [Event(d.at, "小熊", d.kind, "千牛", "", SIGHT) for d in first]
    board_again = Board()
    for event in stored:
        board_again.apply(event)
    restarted = ReaderRounds(stored)  # the panel restarts; the reader reads the same bubbles again
    assert restarted.decide(board_again, seen(BUYER_MESSAGE, "小熊", 60), NOW) is None
    assert restarted.decide(board_again, seen(AGENT_MESSAGE, "小熊", 30), NOW) is None


def test_a_badge_gives_a_timer_once_and_old_messages_are_history() -> None:
    board, rounds = Board(), ReaderRounds()
    assert take(board, rounds, seen(UNREAD_BADGE, "老客户", 5)).kind == BUYER_WROTE
    assert take(board, rounds, seen(UNREAD_BADGE, "老客户", 0)) is None  # round open already
    # the bubble, printed long before the badge was seen: it moves the start back
    assert take(board, rounds, seen(BUYER_MESSAGE, "老客户", 90)).kind == BUYER_WROTE
    assert board.conversations["老客户"].waiting_since == NOW - dt.timedelta(seconds=90)
    assert take(board, rounds, seen(BUYER_MESSAGE, "昨天的", 2 * 86400)) is None
    assert take(board, rounds, seen(AGENT_MESSAGE, "没人", 0)) is None  # a reply to nobody we track
    future = ReaderEvent(BUYER_MESSAGE, "钟快", NOW + dt.timedelta(minutes=5), SIGHT)
    assert take(board, rounds, future).at == NOW  # a clock ahead of ours: now, not the future


def test_a_pasted_phrase_and_its_bubble_are_one_reply() -> None:
    board, rounds = Board(), ReaderRounds()
    take(board, rounds, seen(BUYER_MESSAGE, "小熊", 10))
    paste = Event(NOW - dt.timedelta(seconds=5), "小熊", REPLIED, "千牛", "", "phrase")
    board.apply(paste)
    rounds.recorded(paste)
    rounds.pasted("小熊")
    assert take(board, rounds, seen(AGENT_MESSAGE, "小熊", 4)) is None
    assert take(board, rounds, seen(AGENT_MESSAGE, "小熊", 2)).kind == REPLIED  # a second message of the agent


def test_the_bubble_a_badge_stood_for_is_not_a_second_message() -> None:
    """A buyer writes in another chat: the badge starts the round; opened, its bubble is that same message.
    Counting both would halve the answer/question ratio of every chat that was not open."""
    from desktop_assistant.domain.conversations import messages_of
    from desktop_assistant.domain.kpi import kpis

    board, rounds, stored = Board(), ReaderRounds(), []

    def keep(event: ReaderEvent) -> Decision | None:
        decision = take(board, rounds, event)
        if decision is not None and decision.kind != ACTIVATE:
            stored.append(Event(decision.at, event.buyer, decision.kind, "千牛", "A01", SIGHT))
        return decision

    assert keep(seen(UNREAD_BADGE, "老客户", 40)).kind == BUYER_WROTE  # seen 0.4 s after it was drawn
    assert keep(seen(ACTIVE_BUYER, "老客户", 30)) == (ACTIVATE, NOW - dt.timedelta(seconds=30))
    assert keep(seen(BUYER_MESSAGE, "老客户", 40.4)) is None  # the same message, printed to the second
    assert keep(seen(BUYER_MESSAGE, "老客户", 35)).kind == BUYER_WROTE  # a second one, written later
    assert keep(seen(AGENT_MESSAGE, "老客户", 20)).kind == REPLIED
    figures = kpis(messages_of(stored), None)
    assert (figures["rounds"], figures["answer_question_ratio"]) == (1, 0.5)
    # once answered, the next bubble is a message again
    assert keep(seen(BUYER_MESSAGE, "老客户", 10)).kind == BUYER_WROTE
