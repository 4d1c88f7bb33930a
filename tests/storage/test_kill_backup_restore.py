"""SIGKILL during `db backup` and `db restore` (issue 15): whatever moment the kill lands, every note
that was acknowledged before is somewhere the product offers to recover, no half-written copy is
ever taken for a backup, and the next run goes on."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.errors import StorageError
from desktop_assistant.storage.store import open_store
from tests.conftest import REPO
from tests.storage.test_storage_failures import NOW, recoverable

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(signal, "SIGKILL"),
    reason="needs SIGKILL (kill -9), which Windows does not have",
)

SEED = 20261206
KILLS = 6


def bulk_notes(paths: Paths, prefix: str, count: int) -> set[str]:
    """`count` acknowledged notes (committed), enough megabytes that a copy takes a while."""
    store = open_store(paths, NOW)
    rows = [
        (f"{prefix}{n:06d}", 1, f"{prefix} 第{n}条 " + "承诺赠品" * 60, "", "007", "", "2026-11-11T09:30:00")
        for n in range(count)
    ]
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT INTO order_notes (order_id, flag, text, reason, agent_id, buyer, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.close()
    return {row[0] for row in rows}


def start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_after(process: subprocess.Popen, seconds: float) -> bool:
    """True when the kill landed (the process was still running)."""
    time.sleep(seconds)
    landed = process.poll() is None
    if landed:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return landed


def duration(*args: str) -> float:
    """How long one uninterrupted run takes here: kills are spread over it."""
    began = time.monotonic()
    process = start(*args)
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return time.monotonic() - began


def test_sigkill_during_backup_never_leaves_a_half_copy_taken_for_a_backup(paths: Paths, tmp_path: Path) -> None:
    acknowledged = bulk_notes(paths, "K", 30000)
    rng = random.Random(SEED)
    full = duration("--basedir", str(paths.data_dir), "db", "backup", str(tmp_path / "timing.sqlite3"))
    landed = 0
    for attempt in range(KILLS):
        dest = paths.backup_dir / f"manual-{attempt}.sqlite3"
        process = start("--basedir", str(paths.data_dir), "db", "backup", str(dest))
        landed += kill_after(process, rng.uniform(0.05, 0.95) * full)
        if dest.exists():  # renamed into place only when complete
            assert maintenance.check_file(dest).ok
        for listed in maintenance.list_backups(paths.backup_dir):
            assert not listed.name.endswith(".partial")
        assert maintenance.check_file(paths.db_path).ok
    assert landed, "no kill landed while the backup ran"
    assert acknowledged <= recoverable(paths)
    # The next backup over a killed one's leftovers goes through.
    dest = paths.backup_dir / "manual-0.sqlite3"
    dest.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(paths.data_dir), "db", "backup", str(dest)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert maintenance.check_file(dest).ok
    # Half copies of killed runs (other names) go with the daily rotation once surely abandoned.
    for partial in paths.backup_dir.glob("*.partial*"):
        os.utime(partial, (time.time() - 2 * 3600, time.time() - 2 * 3600))
    store = open_store(paths, NOW)
    store.daily_backup(NOW.date())
    store.close()
    assert not list(paths.backup_dir.glob("*.partial*"))


def test_sigkill_during_restore_loses_neither_the_old_nor_the_restored_notes(paths: Paths, tmp_path: Path) -> None:
    source_paths = Paths(tmp_path / "source")
    restored = bulk_notes(source_paths, "S", 30000)
    source = tmp_path / "source.sqlite3"
    store = open_store(source_paths, NOW)
    from desktop_assistant.storage.backup import backup_database

    backup_database(store.db, source)
    store.close()
    current = bulk_notes(paths, "C", 3000)
    rng = random.Random(SEED + 1)
    timing = Paths(tmp_path / "timing")
    bulk_notes(timing, "T", 10)
    full = duration("--basedir", str(timing.data_dir), "db", "restore", str(source))
    landed = 0
    for _attempt in range(KILLS):
        process = start("--basedir", str(paths.data_dir), "db", "restore", str(source))
        landed += kill_after(process, rng.uniform(0.05, 0.95) * full)
        # The product either opens the file or names why and offers what it keeps.
        try:
            open_store(paths, NOW).close()
        except StorageError as exc:
            assert exc.kind in ("damaged", "missing"), exc
        found = recoverable(paths)
        assert current <= found, "a note written before the restore is gone"
    assert landed, "no kill landed while the restore ran"
    final = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(paths.data_dir), "db", "restore", str(source)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=300,
    )
    assert final.returncode == 0, final.stderr
    with sqlite3.connect(paths.db_path) as conn:
        assert restored <= {row[0] for row in conn.execute("SELECT order_id FROM order_notes")}
    assert current <= recoverable(paths)
