"""Opening the one SQLite file: WAL, foreign keys, owner-only permissions, corruption detected."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils


class CorruptDatabaseError(RuntimeError):
    """The file exists but SQLite cannot read it as a database (or its schema is damaged)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def restrict_permissions(path: Path) -> None:
    """0600 on POSIX: order notes and buyer data are nobody else's business."""
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def connect(path: Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open `path` with our pragmas; raise CorruptDatabaseError if it is not a readable database."""
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        existed = path.exists()
        conn = sqlite3.connect(str(path))
        if not existed:
            restrict_permissions(path)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        # Reading the schema touches the header and sqlite_master: a damaged file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL syncs the WAL on every commit: a note survives a power cut, not just a crash.
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorruptDatabaseError(path, str(exc)) from None
    # No sqlite-utils plugins: scanning entry points costs start-up time and we load none.
    return sqlite_utils.Database(conn, execute_plugins=False)


def integrity_problems(db: sqlite_utils.Database, *, quick: bool = False) -> list[str]:
    """Empty when SQLite's check says ok. `quick` skips index cross-checks: cheap enough for routine use."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = db.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    messages = [row[0] for row in rows]
    return [] if messages == ["ok"] else messages
