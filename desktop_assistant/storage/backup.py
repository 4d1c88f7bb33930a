"""Copies of the database file through SQLite's online backup API (safe while the app writes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from desktop_assistant.storage.database import restrict_permissions


def backup_database(db: sqlite_utils.Database, dest: Path) -> Path:
    """Write a consistent copy of `db` to `dest` atomically (temp file, then rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(str(partial))
    try:
        db.conn.backup(target)
        # A backup is a single self-contained file: no WAL beside it.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    restrict_permissions(partial)
    os.replace(partial, dest)
    return dest


def move_aside(db_path: Path, aside: Path) -> Path:
    """Move a database file together with its -wal/-shm, so the WAL is never replayed onto another file."""
    aside.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(db_path) + suffix)
        if part.exists():
            os.replace(part, Path(str(aside) + suffix))
    return aside
