"""What the stores read back from sqlite3 besides rows."""

from __future__ import annotations

import sqlite3


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row the cursor's INSERT wrote (sqlite3 types lastrowid as int | None)."""
    rowid = cursor.lastrowid
    if rowid is None:  # only before any INSERT on this cursor: a caller's mistake, not bad data
        raise AssertionError("the cursor inserted no row")
    return rowid
