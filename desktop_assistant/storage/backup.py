"""Copies of the database file through SQLite's online backup API (safe while the app writes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop_assistant.storage.database import create_private, restrict_permissions, storage_error
from desktop_assistant.storage.sqlite_lib import sqlite_utils


def private_dir(path: Path) -> Path:
    """Make `path` owner-only if we create it; a folder that exists keeps the mode its owner gave it."""
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path, 0o700)  # mkdir's mode passes through the umask
    return path


def unused_name(folder: Path, stem: str) -> Path:
    """`stem`.sqlite3 in `folder`, or stem-2, -3 … when taken: a kept copy never writes over an older one
    (names are by the second; a script or a retry can run twice within one)."""
    candidate, n = folder / f"{stem}.sqlite3", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}.sqlite3"
    return candidate


def backup_database(db: sqlite_utils.Database, dest: Path) -> Path:
    """Write a consistent copy of `db` to `dest` atomically (owner-only temp file, then rename).

    On any failure (disk full, read-only folder, a kill) no `.partial` is left behind by this call;
    one left by a killed process is never a backup (only `*.sqlite3` are listed) and is replaced here.
    Raises a StorageError for a full disk or a read-only folder.
    """
    partial = dest.with_name(dest.name + ".partial")
    try:
        private_dir(dest.parent)
        partial.unlink(missing_ok=True)
        create_private(partial)
        target = sqlite3.connect(str(partial))
        try:
            db.conn.backup(target)
            # A backup is a single self-contained file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        restrict_permissions(partial)
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, dest)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (partial, Path(str(partial) + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise storage_error(exc, dest) from None
    return dest


def move_aside(db_path: Path, aside: Path) -> Path:
    """Move a database file together with its -wal/-shm, so the WAL is never replayed onto another file."""
    private_dir(aside.parent)
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            os.replace(part, Path(str(aside) + suffix))
    return aside
