"""The rest of the start check, after the panel is up (issue 15, docs/data-safety.md promise 3).

The start checks within a time budget (database.verify); a big file, or one opened read-only (FTS5's
integrity-check is a write statement), is checked only in part there. This finishes the check on a
thread of its own with its own read-only connection (SQLite connections are per thread; the GUI
thread's connection is never touched), so it holds no lock a write of the panel would wait for:
- the whole `PRAGMA quick_check` again (it cannot resume where the start stopped);
- the text index read end to end through a temporary fts5vocab table ('instance': every term of every
  row), which fails on a damaged index segment just like the integrity-check would, without writing.
Damage found is handed to `on_damage` (in the panel: a signal to the GUI thread); a failure that is not
damage (busy, I/O) is only logged, and a check stopped on quit reports nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from desktop_assistant.storage.database import connect_read_only, fts_scan_problems, reported_damage
from desktop_assistant.storage.errors import CorruptDatabaseError, StorageError, classify

log = logging.getLogger(__name__)


def remaining_problems(path: Path, stopped: Callable[[], bool] = lambda: False) -> list[str]:
    """quick_check and a full read of the text index on a new read-only connection; [] when sound (or
    when `stopped` turned true meanwhile). Raises StorageError when the file cannot be read at all."""
    db = connect_read_only(path)
    db.conn.set_progress_handler(lambda: 1 if stopped() else 0, 10_000)
    try:
        problems = reported_damage(db, "PRAGMA quick_check", stopped)
        if not problems and not stopped():
            problems = fts_scan_problems(db, stopped)
        return [] if stopped() else problems
    finally:
        db.conn.set_progress_handler(None, 0)
        db.close()


class BackgroundCheck:
    """Runs `remaining_problems` once on a daemon thread; `on_damage` is called on that thread."""

    def __init__(self, path: Path, on_damage: Callable[[CorruptDatabaseError], None]) -> None:
        self.path = path
        self._on_damage = on_damage
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="database-check", daemon=True)
        self.problems: list[str] | None = None  # set when the check ran to its end

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait_s: float = 2.0) -> None:
        """Interrupt the check (quit): SQLite stops at its next progress callback."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(wait_s)

    def join(self, wait_s: float | None = None) -> bool:
        self._thread.join(wait_s)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            problems = remaining_problems(self.path, self._stop.is_set)
        except (StorageError, sqlite3.Error) as exc:
            failure = exc if isinstance(exc, StorageError) else classify(exc, self.path) or exc
            log.warning("background database check could not finish: %s", failure)
            return
        if self._stop.is_set():
            return
        self.problems = problems
        if problems:
            log.error("background database check found damage in %s: %s", self.path, problems[:5])
            self._on_damage(CorruptDatabaseError(self.path, problems[0]))
        else:
            log.info("background database check: %s is sound", self.path)
