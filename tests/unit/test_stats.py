"""The 统计 tab's figures and chart series from recorded events."""

from __future__ import annotations

import datetime as dt

from desktop_assistant.domain.conversations import BUYER_WROTE, REPLIED, Event
from desktop_assistant.domain.stats import Period, stats_for

NOW = dt.datetime(2026, 11, 11, 20, 0)


def e(day: int, hour: int, second: int, buyer: str, kind: str, agent: str = "a1") -> Event:
    return Event(dt.datetime(2026, 11, day, hour, 0) + dt.timedelta(seconds=second), buyer, kind, "", agent)


EVENTS = [
    e(11, 9, 0, "b1", BUYER_WROTE),
    e(11, 9, 8, "b1", REPLIED),  # 8 s
    e(11, 9, 100, "b2", BUYER_WROTE),
    e(11, 9, 145, "b2", REPLIED),  # 45 s
    e(11, 14, 0, "b3", BUYER_WROTE, "a2"),
    e(11, 14, 200, "b3", REPLIED, "a2"),  # 200 s
    e(11, 15, 0, "b4", BUYER_WROTE, "a2"),  # never answered
    e(10, 10, 0, "b1", BUYER_WROTE),
    e(10, 10, 20, "b1", REPLIED),  # yesterday: 20 s
    e(11, 7, 0, "early", BUYER_WROTE),
    e(11, 7, 5, "early", REPLIED),  # before service hours
    e(3, 10, 0, "old", BUYER_WROTE),
    e(3, 10, 5, "old", REPLIED),  # outside the 7 days
]


def test_today_counts_only_today_within_service_hours():
    stats = stats_for(EVENTS, Period.ending_today(NOW, 1))
    assert stats.figures["rounds"] == 4 and stats.figures["answered"] == 3
    assert dict(stats.histogram) == {"≤10s": 1, "≤30s": 0, "≤60s": 1, "≤3min": 0, "≤10min": 1, "未回复": 1}
    assert stats.rounds_per_hour[9] == 2 and stats.rounds_per_hour[14] == 1 and stats.rounds_per_hour[15] == 1
    assert sum(stats.rounds_per_hour) == 4
    assert stats.within_3min_by_day == [(dt.date(2026, 11, 11), 0.5, 4)]


def test_seven_days_give_one_rate_per_day():
    stats = stats_for(EVENTS, Period.ending_today(NOW, 7))
    assert stats.figures["rounds"] == 5
    days = stats.within_3min_by_day
    assert [d for d, _r, _n in days] == [dt.date(2026, 11, day) for day in range(5, 12)]
    assert days[-2] == (dt.date(2026, 11, 10), 1.0, 1)
    assert days[0] == (dt.date(2026, 11, 5), 0.0, 0)


def test_one_agent_narrows_the_charts_and_the_table_keeps_every_agent():
    stats = stats_for(EVENTS, Period.ending_today(NOW, 1), agent="a2")
    assert sum(count for _label, count in stats.histogram) == 2
    assert set(stats.figures["agents"]) == {"a1", "a2"}
    assert stats.figures["agents"]["a2"]["rounds"] == 2


def test_all_hours_counts_the_early_round():
    assert stats_for(EVENTS, Period.ending_today(NOW, 1), hours=None).figures["rounds"] == 5
