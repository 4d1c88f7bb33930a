"""Storage failures told apart on the real file system and real SQLite (docs/data-safety.md).

Each test makes the fault for real (a full tmpfs, RLIMIT_FSIZE, chattr +i, a read-only bind mount,
bytes overwritten, a zero-byte, truncated or newer file) and asserts two things: the error names the
real cause, and every acknowledged note survives somewhere the product offers to recover.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from desktop_assistant.domain.notes import validated_change
from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.backup import backup_database
from desktop_assistant.storage.database import storage_error
from desktop_assistant.storage.errors import (
    CorruptDatabaseError,
    DiskFullError,
    MissingDatabaseError,
    NewerSchemaError,
    NotOurDatabaseError,
    ReadOnlyError,
    StorageError,
)
from desktop_assistant.storage.store import Store, open_store
from tests.conftest import record_future_migration
from tests.faults import fill, overwrite_random

NOW = dt.datetime(2026, 11, 11, 9, 30)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes and mounts")


def add_note(store: Store, n: int) -> str:
    order = f"T{n:06d}"
    store.notes.append(validated_change(order, 1, f"第 {n} 条备注 " + "内容" * 20, "", "007"), NOW)
    return order


def assert_read_only_with_every_note(store: Store, acknowledged: set[str], db_path: Path) -> None:
    """Opened read-only: every note written before is there, and a new one is refused as read-only."""
    assert isinstance(store.read_only, ReadOnlyError), store.read_only
    assert {o for o in acknowledged if store.notes.current(o)} == acknowledged
    with pytest.raises(sqlite3.Error) as raised:
        add_note(store, 99)
    assert isinstance(storage_error(raised.value, db_path), ReadOnlyError)


def notes_in(path: Path) -> set[str]:
    """Order ids with a note in the database file at `path` (read-only)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT order_id FROM order_notes")}
    finally:
        conn.close()


def recoverable(paths: Paths) -> set[str]:
    """Every note the product offers to get back: the file, its backups and what was moved aside."""
    found = set()
    candidates = [paths.db_path, *maintenance.list_backups(paths.backup_dir)]
    if paths.quarantine_dir.is_dir():
        candidates += [p for p in paths.quarantine_dir.iterdir() if p.suffix == ".sqlite3"]
    for candidate in candidates:
        try:
            found |= notes_in(candidate)
        except sqlite3.Error:
            continue
    return found


# --- a full disk ---------------------------------------------------------------------------------


@posix_only
def test_full_disk_says_full_moves_nothing_and_keeps_every_acknowledged_note(small_fs: Path) -> None:
    paths = Paths(small_fs / "data")
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(20)}
    filler = fill(small_fs)
    failure = None
    for n in range(20, 2000):
        try:
            acknowledged.add(add_note(store, n))
        except sqlite3.Error as exc:
            failure = storage_error(exc, paths.db_path)
            break
    store.close()
    assert isinstance(failure, DiskFullError), failure
    assert "磁盘已满" in str(failure)
    # Opening again on the full disk is refused as full (or opens), never as damage, and moves nothing.
    try:
        open_store(paths, NOW).close()
    except StorageError as exc:
        assert exc.kind == "disk_full", exc
    assert not paths.quarantine_dir.exists()
    filler.unlink()
    store = open_store(paths, NOW)  # space freed: everything is there and the file is sound
    try:
        assert acknowledged <= {row[0] for row in store.db.execute("SELECT order_id FROM order_notes")}
    finally:
        store.close()
    assert maintenance.check_file(paths.db_path).ok


@posix_only
def test_backup_on_a_full_disk_is_disk_full_and_leaves_no_partial(small_fs: Path, paths: Paths) -> None:
    store = open_store(paths, NOW)  # the database on the big disk, the backup onto the full one
    for n in range(400):
        add_note(store, n)
    fill(small_fs)
    with pytest.raises(DiskFullError):
        backup_database(store.db, small_fs / "copy.sqlite3")
    store.close()
    assert not list(small_fs.glob("copy.sqlite3*"))


@posix_only
def test_rlimit_fsize_makes_a_full_disk_without_root(paths: Paths, tmp_path: Path) -> None:
    """Where no tmpfs can be mounted, the file size limit gives the same ENOSPC-like failure (EFBIG)."""
    import subprocess

    store = open_store(paths, NOW)
    for n in range(10):
        add_note(store, n)
    store.close()
    script = f"""
import resource, signal, sqlite3, sys, datetime as dt
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death by signal
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from desktop_assistant.storage.database import storage_error
from desktop_assistant.domain.notes import validated_change
from pathlib import Path
paths = Paths(Path({str(paths.data_dir)!r}))
store = open_store(paths, dt.datetime(2026, 11, 11))
size = paths.db_path.stat().st_size
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 8192, size + 8192))
acked = 0
try:
    for n in range(100, 5000):
        store.notes.append(validated_change(f"R{{n}}", 1, "长备注" * 100, "", "007"), dt.datetime(2026, 11, 11))
        acked = n
        print(f"R{{n}}", flush=True)
except sqlite3.Error as exc:
    print("KIND", storage_error(exc, paths.db_path).kind, flush=True)
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    lines = result.stdout.split()
    assert "KIND" in lines, result.stderr
    assert lines[lines.index("KIND") + 1] == "disk_full"
    acknowledged = {line for line in lines if line.startswith("R")}
    assert acknowledged and acknowledged <= recoverable(paths)
    assert maintenance.check_file(paths.db_path).ok


# --- read-only file or folder --------------------------------------------------------------------


@posix_only
def test_immutable_folder_opens_read_only_reads_work_writes_are_refused(paths: Paths, immutable) -> None:
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(5)}
    store.close()
    os.chmod(paths.data_dir, 0o750)  # a mode the user chose
    immutable(paths.db_path)
    immutable(paths.data_dir)
    assert paths.ensure() in (True, False)  # never a traceback
    store = open_store(paths, NOW)
    try:
        assert_read_only_with_every_note(store, acknowledged, paths.db_path)
        store.state.set("panel.geometry", "x")  # UI state is skipped, not an error
    finally:
        store.close()
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o750


@posix_only
def test_read_only_profile_on_a_full_disk_says_read_only(small_fs: Path, read_only_view) -> None:
    """Both faults at once: writes are refused because of the read-only view, whatever the free space,
    so that is the cause named; never "disk full" (the agent would free space in vain)."""
    paths = Paths(small_fs / "data")
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(5)}
    store.close()
    fill(small_fs)
    view = Paths(read_only_view(paths.data_dir))
    store = open_store(view, NOW)
    try:
        assert_read_only_with_every_note(store, acknowledged, view.db_path)
    finally:
        store.close()
    assert not paths.quarantine_dir.exists()


@posix_only
def test_unwritable_file_in_a_writable_folder_opens_read_only(paths: Paths, read_only_file) -> None:
    """SQLite opens such a file read-only without a word, and a file already in WAL mode needs no write to
    set it up: the first write (the settings' defaults) used to fail the whole open, reads included."""
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(5)}
    store.close()
    read_only_file(paths.db_path)
    store = open_store(paths, NOW)
    try:
        assert_read_only_with_every_note(store, acknowledged, paths.db_path)
    finally:
        store.close()


@posix_only
def test_read_only_mount_opens_read_only(paths: Paths, read_only_view) -> None:
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(5)}
    store.close()
    view = Paths(read_only_view(paths.data_dir))
    store = open_store(view, NOW)
    try:
        assert store.read_only is not None and "只读" in str(store.read_only)
        assert {o for o in acknowledged if store.notes.current(o)} == acknowledged
    finally:
        store.close()


def test_ensure_keeps_a_folder_mode_the_user_set(paths: Paths) -> None:
    paths.ensure()
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700  # made by us: owner only
    os.chmod(paths.backup_dir, 0o750)
    paths.ensure()
    assert stat.S_IMODE(paths.backup_dir.stat().st_mode) == 0o750


# --- empty, vanished, truncated, newer, foreign files ----------------------------------------------


def test_zero_byte_file_with_backups_is_never_silently_recreated(paths: Paths) -> None:
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(5)}
    store.daily_backup(NOW.date())
    store.close()
    paths.db_path.write_bytes(b"")
    with pytest.raises(MissingDatabaseError) as raised:
        open_store(paths, NOW)
    assert "0 字节" in str(raised.value)
    assert paths.db_path.stat().st_size == 0  # untouched, not turned into an empty database
    assert acknowledged <= recoverable(paths)
    backup = maintenance.newest_good_backup(paths.backup_dir)
    maintenance.restore(paths, backup, NOW)
    store = open_store(paths, NOW)
    assert {o for o in acknowledged if store.notes.current(o)} == acknowledged
    store.close()


def test_vanished_file_with_backups_is_refused_and_first_run_creates(paths: Paths, tmp_path: Path) -> None:
    store = open_store(paths, NOW)
    store.daily_backup(NOW.date())
    store.close()
    paths.db_path.unlink()
    with pytest.raises(MissingDatabaseError):
        open_store(paths, NOW)
    assert not paths.db_path.exists()
    fresh = Paths(tmp_path / "fresh")  # no file, no backup: the only case that creates one
    open_store(fresh, NOW).close()
    assert maintenance.check_file(fresh.db_path).ok


def test_truncated_file_is_damaged_and_the_backup_holds_the_notes(paths: Paths) -> None:
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(300)}
    store.daily_backup(NOW.date())
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = paths.db_path.read_bytes()
    paths.db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDatabaseError):
        open_store(paths, NOW)
    assert acknowledged <= recoverable(paths)


def test_newer_schema_is_refused_without_writing(paths: Paths) -> None:
    open_store(paths, NOW).close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = paths.db_path.read_bytes()
    with pytest.raises(NewerSchemaError) as raised:
        open_store(paths, NOW)
    assert raised.value.exit_code == 7 and "更新的版本" in str(raised.value)
    assert paths.db_path.read_bytes() == before


def test_unknown_migration_is_a_newer_schema(paths: Paths) -> None:
    open_store(paths, NOW).close()
    record_future_migration(paths.db_path)
    with pytest.raises(NewerSchemaError):
        open_store(paths, NOW)


def test_another_programs_database_is_not_ours_and_is_left_alone(paths: Paths) -> None:
    paths.ensure()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    before = paths.db_path.read_bytes()
    with pytest.raises(NotOurDatabaseError):
        open_store(paths, NOW)
    assert paths.db_path.read_bytes() == before


# --- damage inside the file ------------------------------------------------------------------------


def test_damaged_text_index_is_found_at_the_start(paths: Paths) -> None:
    """Damage SQLite's page check cannot see (the FTS index's own structure) must take the damaged path
    at the start, not fail a later write with 'vtable constructor failed'."""
    store = open_store(paths, NOW)
    for n in range(50):
        add_note(store, n)
    store.close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("UPDATE order_note_terms_data SET block = x'deadbeefdeadbeef' WHERE id > 10")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptDatabaseError) as raised:
        open_store(paths, NOW)
    assert "order_note_terms" in str(raised.value)


@pytest.mark.parametrize("seed", range(12))
def test_bytes_overwritten_at_random_offsets(paths: Paths, seed: int) -> None:
    """Either the start finds the damage (the backup holds every note), or the file is sound and
    every note reads back; never an unexplained error."""
    store = open_store(paths, NOW)
    acknowledged = {add_note(store, n) for n in range(400)}
    store.daily_backup(NOW.date())
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    overwrite_random(paths.db_path, seed)
    try:
        store = open_store(paths, NOW)
    except CorruptDatabaseError:
        assert acknowledged <= recoverable(paths)
        return
    try:
        readable = set()
        for order in acknowledged:
            try:
                if store.notes.current(order) is not None:
                    readable.add(order)
            except sqlite3.Error as exc:
                # Bytes inside a row's text are invisible to quick_check (the page is well formed);
                # reading it fails on the text itself or is named as damage, and the backup has it.
                assert storage_error(exc, paths.db_path) is not exc or "decode to UTF-8" in str(exc), exc
        assert acknowledged <= readable | recoverable(paths)
    finally:
        store.close()


def test_nothing_is_moved_aside_for_a_failure_that_is_not_damage(paths: Paths) -> None:
    store = open_store(paths, NOW)
    store.close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA user_version = 50")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError):
        open_store(paths, NOW)
    assert not paths.quarantine_dir.exists()


def test_a_lock_held_by_another_program_is_busy_not_damage(paths: Paths) -> None:
    store = open_store(paths, NOW)
    other = sqlite3.connect(paths.db_path)
    other.execute("BEGIN EXCLUSIVE")  # another program writing
    try:
        store.db.execute("PRAGMA busy_timeout = 0")  # the real 5 s wait ends the same way, later
        with pytest.raises(sqlite3.Error) as raised:
            add_note(store, 1)
        failure = storage_error(raised.value, paths.db_path)
        assert failure.kind == "busy" and failure.exit_code == 6 and "占用" in str(failure)
    finally:
        other.rollback()
        other.close()
        store.close()
    assert not paths.quarantine_dir.exists()


def test_the_start_check_is_bounded(paths: Paths) -> None:
    """Out of time, the check stops and what it read counts as sound (a huge file on a slow disk must not
    hold the panel back); with time, it reports what it finds."""
    from desktop_assistant.storage.database import connect, integrity_problems

    store = open_store(paths, NOW)
    with store.db.atomic():  # many pages before the damaged ones, which are the last written
        store.db.conn.executemany(
            "INSERT INTO app_state (key, value) VALUES (?, ?)",
            [(f"k{n:06d}", '"' + "x" * 400 + '"') for n in range(20000)],
        )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    with open(paths.db_path, "r+b") as handle:
        handle.seek(paths.db_path.stat().st_size - 4096 * 3)
        handle.write(b"\xde\xad" * 2048)
    db = connect(paths.db_path, read_only=True)
    try:
        assert integrity_problems(db, quick=True, seconds=0) == []
        assert integrity_problems(db, quick=True, seconds=60) != []
    finally:
        db.close()
