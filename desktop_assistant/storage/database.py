"""Opening the one SQLite file: WAL, foreign keys, owner-only permissions, failures told apart."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from desktop_assistant.domain.retention import is_masking
from desktop_assistant.storage.errors import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    CorruptDatabaseError,
    NotOurDatabaseError,
    ReadOnlyError,
    StorageError,
    classify,
)
from desktop_assistant.storage.sqlite_lib import sqlite_utils

__all__ = [
    "CorruptDatabaseError",
    "connect",
    "connect_read_only",
    "integrity_problems",
    "restrict_permissions",
    "verify",
]

# The start checks the file within this budget (quick_check, then the FTS index): measured on this
# machine, a 300,000-note file (144 MB) needs 0.4 s + 1.7 s, so a file that large is checked in part at
# the start (what was read counts); the panel finishes the check in the background (background_check).
START_CHECK_SECONDS = 0.3
FTS_TABLES = ("order_note_terms",)
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of applied migrations


def restrict_permissions(path: Path) -> None:
    """0600 on POSIX: order notes and buyer data are nobody else's business."""
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def create_private(path: Path) -> None:
    """An empty file, owner-only from its first moment (not chmod'ed after the data is in)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600))


def is_damage(exc: sqlite3.Error) -> bool:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in str(exc) or "not a database" in str(exc)


def storage_error(exc: BaseException, path: Path) -> BaseException:
    """What to raise for `exc`: its StorageError kind; damage only if SQLite itself reports damage."""
    known = classify(exc, path)
    if known is not None:
        return known
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return CorruptDatabaseError(path, str(exc))
    return exc


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables in a file without our schema record: another program's database, never to be written."""
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    if MIGRATIONS_TABLE in names:
        return []
    return [name for name in names if not name.startswith("sqlite_")]


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite_utils.Database:
    """Open `path` with our pragmas. Raises a StorageError naming the real cause.

    `immutable`: read a file in a folder nobody can write (no -shm can be made there), as SQLite
    allows only when nothing else writes it either.
    """
    try:
        if read_only:
            flags = "mode=ro&immutable=1" if immutable else "mode=ro"
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
        else:
            if not path.exists():
                create_private(path)
            elif not os.access(path, os.W_OK):
                # SQLite would open it read-only without a word (and a file already in WAL mode needs no
                # write to set up), so the first write would fail later: say so now, the caller reads.
                raise ReadOnlyError(path, os.strerror(errno.EACCES))
            conn = sqlite3.connect(str(path))
    except (sqlite3.Error, OSError) as exc:
        raise storage_error(exc, path) from None
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        # Reading the schema touches the header and sqlite_master: a damaged header fails here.
        foreign = foreign_tables(conn)
        if foreign and not read_only:  # before WAL mode rewrites its header: another program's file
            conn.close()
            raise NotOurDatabaseError(path, ", ".join(foreign[:3]))
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL syncs the WAL on every commit: a note survives a power cut, not just a crash.
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # The append-only history accepts one kind of update: masking personal data (migration m008).
        conn.create_function("da_is_masking", 2, is_masking, deterministic=True)
    except sqlite3.Error as exc:
        conn.close()
        raise storage_error(exc, path) from None
    # No sqlite-utils plugins: scanning entry points costs start-up time and we load none.
    return sqlite_utils.Database(conn, execute_plugins=False)


def connect_read_only(path: Path) -> sqlite_utils.Database:
    """Read a file we may not write; in a folder we may not write either, SQLite needs `immutable`
    because it cannot make the WAL's -shm file there."""
    try:
        return connect(path, read_only=True)
    except StorageError as exc:
        if exc.kind != "read_only" and exc.kind != "storage":
            raise
        return connect(path, read_only=True, immutable=True)


class _Deadline:
    """A progress handler that interrupts a statement once `seconds` have passed (None: never)."""

    def __init__(self, db: sqlite_utils.Database, seconds: float | None) -> None:
        self.db = db
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self.stopped = False

    def _over(self) -> int:
        self.stopped = self.deadline is not None and time.monotonic() > self.deadline
        return 1 if self.stopped else 0

    def __enter__(self) -> _Deadline:
        if self.deadline is not None:
            self.db.conn.set_progress_handler(self._over, 10_000)
        return self

    def __exit__(self, *_: object) -> None:
        if self.deadline is not None:
            self.db.conn.set_progress_handler(None, 0)

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())


def integrity_problems(db: sqlite_utils.Database, *, quick: bool = False, seconds: float | None = None) -> list[str]:
    """Empty when SQLite's check says ok. `quick` skips index cross-checks: cheap enough for routine use.

    `seconds` bounds the check: when it runs out the check stops and what was read counts as ok.
    """
    return _page_check(db, "quick_check" if quick else "integrity_check", seconds)[0]


def _page_check(db: sqlite_utils.Database, pragma: str, seconds: float | None) -> tuple[list[str], bool]:
    """(problems, whether the check ran to its end)."""
    with _Deadline(db, seconds) as bound:
        try:
            rows = db.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.DatabaseError as exc:
            if bound.stopped:
                return [], False
            if classify(exc, Path()) is not None:
                raise  # busy, full, read-only, I/O: not something the check found in the file
            return [str(exc)], True
    messages = [row[0] for row in rows]
    return ([] if messages == ["ok"] else messages), True


def fts_problems(db: sqlite_utils.Database, seconds: float | None = None) -> list[str]:
    """FTS5's own integrity-check (a write statement: only on a writable connection), bounded like
    integrity_problems: a check cut short counts as ok."""
    return _fts_check(db, seconds)[0]


def _fts_check(db: sqlite_utils.Database, seconds: float | None) -> tuple[list[str], bool]:
    """(problems, whether every FTS table was checked to its end)."""
    problems, complete = [], True
    with _Deadline(db, seconds) as bound:
        for table in FTS_TABLES:
            if not db[table].exists():
                continue
            try:
                db.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            except sqlite3.Error as exc:
                failure = classify(exc, Path())
                if bound.stopped or (failure is not None and failure.kind in ("disk_full", "read_only", "busy")):
                    complete = False
                    continue  # out of time, or not damage (the write that needs it will report that)
                problems.append(f"{table}: {exc}")
    return problems, complete


def reported_damage(db: sqlite_utils.Database, sql: str, stopped: Callable[[], bool] = lambda: False) -> list[str]:
    """What SQLite reports as damage while running `sql`: a check pragma's own lines, or the error raised.
    [] when `stopped` interrupted it (a progress handler the caller set)."""
    try:
        rows = db.execute(sql).fetchall()
    except sqlite3.DatabaseError as exc:
        if stopped():
            return []
        if classify(exc, Path()) is not None:
            raise  # busy, I/O: not something the check found in the file
        return [str(exc)]
    messages = [str(row[0]) for row in rows]
    return messages if sql.startswith("PRAGMA") and messages != ["ok"] else []


def fts_scan_problems(db: sqlite_utils.Database, stopped: Callable[[], bool] = lambda: False) -> list[str]:
    """Every FTS index read end to end through a temporary fts5vocab table ('instance': every term of every
    row), which fails where an index segment is malformed. Unlike FTS5's integrity-check it writes nothing:
    any connection may run it, a read-only one included, and no writer waits for it. (It does not recompute
    the integrity-check's checksums: a well-formed index that lists a wrong row is not found.)"""
    for table in FTS_TABLES:
        if stopped() or not db[table].exists():
            continue
        scan = f"da_scan_{table}"
        # In the temp schema, which lives and dies with this connection: nothing is written to the file.
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{scan} USING fts5vocab(main, {table}, 'instance')")
        found = reported_damage(db, f"SELECT count(*) FROM temp.{scan}", stopped)
        if found:
            return [f"{table}: {problem}" for problem in found]
    return []


def verify(db: sqlite_utils.Database, path: Path, *, writable: bool, seconds: float = START_CHECK_SECONDS) -> bool:
    """Before the file is declared healthy: quick_check, then the FTS index, both within `seconds` together.
    Raises CorruptDatabaseError. Returns whether everything was checked: False when the time ran out or
    the FTS check could not run here (a read-only connection); storage.background_check does the rest."""
    ends = time.monotonic() + seconds
    try:
        problems, complete = _page_check(db, "quick_check", seconds)
        if not problems and writable and complete:
            problems, complete = _fts_check(db, max(0.0, ends - time.monotonic()))
        elif not writable:
            complete = False
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from None
    if problems:
        raise CorruptDatabaseError(path, problems[0])
    return complete
