"""Backups, restore, daily rotation and damaged files (no Qt)."""

import datetime as dt
import os

import pytest

from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.backup import backup_database
from desktop_assistant.storage.database import CorruptDatabaseError, connect
from desktop_assistant.storage.store import open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)


def make_store(paths: Paths, agent: str = "小王"):
    store = open_store(paths, NOW)
    store.settings.set("agent_name", agent)
    return store


def corrupt(path) -> None:
    """Overwrite the header and the first pages, as a failing disk or a bad copy would."""
    with open(path, "r+b") as handle:
        handle.write(b"\x00garbage" * 600)


def test_backup_is_a_complete_self_contained_copy(paths: Paths, tmp_path) -> None:
    store = make_store(paths)
    dest = backup_database(store.db, tmp_path / "copy.sqlite3")
    store.close()
    assert not (tmp_path / "copy.sqlite3-wal").exists()
    report = maintenance.check_file(dest)
    assert report.ok and report.schema_version == report.current_version
    copy = open_store(Paths(tmp_path / "other"), NOW)
    copy.close()


def test_restore_replaces_data_and_keeps_the_previous_file(paths: Paths, tmp_path) -> None:
    store = make_store(paths, "小王")
    backup = backup_database(store.db, tmp_path / "monday.sqlite3")
    store.settings.set("agent_name", "小李")
    store.close()
    kept = maintenance.restore(paths, backup, NOW)
    assert kept is not None and kept.parent == paths.backup_dir
    store = open_store(paths, NOW)
    assert store.settings.get("agent_name") == "小王"
    store.close()
    previous = open_store(Paths(tmp_path / "peek"), NOW)  # the kept copy is a valid database too
    previous.close()
    assert connect(kept, read_only=True)["settings"].get("agent_name")["value"] == '"小李"'


def test_two_restores_in_the_same_second_keep_both_previous_files(paths: Paths, tmp_path) -> None:
    """The copy a restore keeps of the file it replaces is named by the second: a second restore within it
    (a script, or a retry after a kill) must not write over the first copy, the only one of that data."""
    store = make_store(paths, "小王")
    backup = backup_database(store.db, tmp_path / "monday.sqlite3")
    store.settings.set("agent_name", "小李")  # written only to the live file
    store.close()
    first = maintenance.restore(paths, backup, NOW)
    second = maintenance.restore(paths, backup, NOW)
    assert first is not None and second is not None and first != second
    assert connect(first, read_only=True)["settings"].get("agent_name")["value"] == '"小李"'
    assert connect(second, read_only=True)["settings"].get("agent_name")["value"] == '"小王"'


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 5000])
def test_restore_refuses_a_bad_source_and_changes_nothing(paths: Paths, tmp_path, content: bytes) -> None:
    make_store(paths).close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = paths.db_path.read_bytes()
    with pytest.raises(maintenance.BackupRejected):
        maintenance.restore(paths, bad, NOW)
    assert paths.db_path.read_bytes() == before
    assert list(paths.backup_dir.iterdir()) == []


def test_restore_refuses_a_foreign_sqlite_file(paths: Paths, tmp_path) -> None:
    make_store(paths).close()
    foreign = connect(tmp_path / "foreign.sqlite3")
    foreign["notes"].insert({"id": 1})
    foreign.close()
    with pytest.raises(maintenance.BackupRejected, match="不是客服助手"):
        maintenance.restore(paths, tmp_path / "foreign.sqlite3", NOW)


def test_damaged_file_is_detected_on_open_and_can_be_restored(paths: Paths) -> None:
    store = make_store(paths)
    good = store.daily_backup(NOW.date())
    store.close()
    corrupt(paths.db_path)
    with pytest.raises(CorruptDatabaseError):
        open_store(paths, NOW)
    assert not maintenance.check_file(paths.db_path).ok
    assert maintenance.newest_good_backup(paths.backup_dir) == good
    kept = maintenance.restore(paths, good, NOW)
    assert kept is not None and kept.parent == paths.quarantine_dir  # the damaged file is kept, not deleted
    store = open_store(paths, NOW)
    assert store.settings.get("agent_name") == "小王"
    store.close()


def test_newest_good_backup_skips_damaged_copies(paths: Paths) -> None:
    store = make_store(paths)
    older = store.daily_backup(dt.date(2026, 11, 9))
    newer = store.daily_backup(dt.date(2026, 11, 10))
    store.close()
    os.utime(older, (1_000, 1_000))
    corrupt(newer)
    assert maintenance.newest_good_backup(paths.backup_dir) == older


def test_daily_backup_once_a_day_newest_seven_kept(paths: Paths) -> None:
    store = make_store(paths)
    start = dt.date(2026, 11, 1)
    try:
        for offset in range(10):
            day = start + dt.timedelta(days=offset)
            assert store.daily_backup(day) is not None
            assert store.daily_backup(day) is None  # second call the same day: nothing new
        names = sorted(p.name for p in paths.backup_dir.iterdir())
        assert names == [f"daily-202611{d:02d}.sqlite3" for d in range(4, 11)]
        store.settings.set("backup.keep", 3)
        store.daily_backup(dt.date(2026, 11, 11))
        assert len(list(paths.backup_dir.iterdir())) == 3
    finally:
        store.close()


def test_daily_backup_refuses_to_copy_a_damaged_database(paths: Paths) -> None:
    store = make_store(paths)
    for n in range(300):  # enough pages that damage lands in table data, past the header
        store.state.set(f"k{n}", "x" * 500)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    with open(paths.db_path, "r+b") as handle:
        # The rows written last sit at the end of the file: damage there leaves the schema readable.
        handle.seek(paths.db_path.stat().st_size - 4096 * 20)
        handle.write(b"\xde\xad" * 2048)
    with pytest.raises(CorruptDatabaseError):  # the start's quick_check finds it (issue 15)
        open_store(paths, NOW)
    db = connect(paths.db_path)  # the header and schema still read fine: damage found later must not be copied
    try:
        with pytest.raises(CorruptDatabaseError):
            maintenance.daily_backup(db, paths.backup_dir, NOW.date(), 7)
        assert not list(paths.backup_dir.glob("daily-*"))
    finally:
        db.close()


def test_two_damaged_files_moved_aside_in_the_same_second_are_both_kept(paths: Paths) -> None:
    moved = []
    for agent in ("小王", "小李"):
        make_store(paths, agent).close()
        corrupt(paths.db_path)
        moved.append(maintenance.quarantine(paths, NOW))
    assert moved[0] != moved[1] and all(path.is_file() for path in moved)
