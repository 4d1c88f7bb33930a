"""Time is injected so timers, backups and reminders can be tested without sleeping."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    """Local wall-clock time, which is what agents and shop rules talk in."""

    def now(self) -> dt.datetime:
        return dt.datetime.now()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)
