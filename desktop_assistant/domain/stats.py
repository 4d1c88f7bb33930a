"""The 统计 tab's figures: the KPI engine of domain/kpi.py over the panel's own recorded events, plus
the series its charts draw (response-time histogram, rounds per hour, 3-minute rate per day)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_assistant.domain.conversations import Event, event_source, message_events, messages_of
from desktop_assistant.domain.kpi import DEFAULT_HOURS, Round, kpis_and_rounds
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP

# Histogram bins (seconds, upper bound inclusive) named as the platform's standards read.
BINS: tuple[tuple[str, float], ...] = (("≤10s", 10), ("≤30s", 30), ("≤60s", 60), ("≤3min", 180), ("≤10min", 600))
UNANSWERED = QT_TRANSLATE_NOOP("StatsTab", "未回复")  # a bar of the histogram, translated by the tab
CHAT_LOG_HEADER = ("time", "buyer", "sender", "agent", "source")  # docs/cli.md's chat log, plus where each came from


@dataclass(frozen=True)
class Period:
    start: dt.datetime
    end: dt.datetime  # exclusive
    days: int

    @classmethod
    def ending_today(cls, now: dt.datetime, days: int) -> Period:
        end = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        return cls(end - dt.timedelta(days=days), end, days)


@dataclass(frozen=True)
class Stats:
    figures: dict[str, Any]  # the keys of docs/conversations.md plus `agents`
    histogram: list[tuple[str, int]]
    rounds_per_hour: list[int]  # 24 counts, by the hour the round started
    within_3min_by_day: list[tuple[dt.date, float, int]]  # day, rate, counted rounds


def histogram(rounds: Sequence[Round]) -> list[tuple[str, int]]:
    counts = {label: 0 for label, _limit in BINS}
    unanswered = 0
    for r in rounds:
        if r.reply is None:
            unanswered += 1
            continue
        label = next(label for label, limit in BINS if r.response_s <= limit)  # capped at 600: always found
        counts[label] += 1
    return [*counts.items(), (UNANSWERED, unanswered)]


def per_hour(rounds: Sequence[Round]) -> list[int]:
    counts = [0] * 24
    for r in rounds:
        counts[r.start.hour] += 1
    return counts


def within_3min_by_day(rounds: Sequence[Round], period: Period) -> list[tuple[dt.date, float, int]]:
    days = [(period.start + dt.timedelta(days=n)).date() for n in range(period.days)]
    totals = {day: [0, 0] for day in days}
    for r in rounds:
        entry = totals.get(r.start.date())
        if entry is not None:
            entry[0] += 1
            entry[1] += r.reply is not None and r.response_s <= 180
    return [(day, round(fast / count, 4) if count else 0.0, count) for day, (count, fast) in totals.items()]


def stats_for(
    events: Sequence[Event],
    period: Period,
    agent: str | None = None,
    hours: tuple[dt.time, dt.time] | None = DEFAULT_HOURS,
) -> Stats:
    """Figures and chart series for the events of `period`; `agent` narrows everything to one agent."""
    messages = messages_of(e for e in events if period.start <= e.at < period.end)
    figures, rounds = kpis_and_rounds(messages, hours)
    if agent is not None:
        rounds = [r for r in rounds if r.agent == agent]
    return Stats(figures, histogram(rounds), per_hour(rounds), within_3min_by_day(rounds, period))


def chat_log_rows(events: Sequence[Event]) -> list[tuple[str, str, str, str, str]]:
    """The events as chat-log rows (docs/cli.md, times to the millisecond) with the source of each message:
    `kpi` on them counts exactly what the 统计 tab counts from the same events."""
    return [
        (m.at.isoformat(sep=" ", timespec="milliseconds"), m.buyer, m.sender, m.agent, event_source(e.source))
        for m, e in message_events(events)
    ]
