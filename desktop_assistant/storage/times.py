"""How the notes, promises, buyers, checks and conversations stores write a moment: ISO text with a space,
wall-clock time, so that SQL compares and sorts the strings as times. Read back with
`datetime.fromisoformat`. (Phrases keep their older `T` form: changing it would mix two forms in a column.)"""

from __future__ import annotations

import datetime as dt


def stamp(moment: dt.datetime, timespec: str = "seconds") -> str:
    return moment.isoformat(sep=" ", timespec=timespec)
