"""The rest of the start check, finished in the background (issue 15): real damaged files, a real thread
with its own read-only connection, the panel's connection writing meanwhile."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_assistant.domain.notes import validated_change
from desktop_assistant.paths import Paths
from desktop_assistant.storage.background_check import BackgroundCheck, remaining_problems
from desktop_assistant.storage.errors import CorruptDatabaseError
from desktop_assistant.storage.store import open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)


def big_file(paths: Paths) -> set[str]:
    """Enough pages that a start check cut short has not read the last ones; the notes acknowledged."""
    store = open_store(paths, NOW)
    orders = set()
    for n in range(300):
        order = f"T{n:05d}"
        store.notes.append(validated_change(order, 1, f"第 {n} 条备注 " + "内容" * 20, "", "007"), NOW)
        orders.add(order)
    with store.db.atomic():  # the pages written last are the ones damaged below
        store.db.conn.executemany(
            "INSERT INTO app_state (key, value) VALUES (?, ?)",
            [(f"k{n:06d}", '"' + "x" * 400 + '"') for n in range(20000)],
        )
    store.daily_backup(NOW.date())
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return orders


def damage_late_page(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(path.stat().st_size - 4096 * 3)
        handle.write(b"\xde\xad" * 2048)


def damage_text_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE order_note_terms_data SET block = x'deadbeefdeadbeef' WHERE id > 10")
    conn.commit()
    conn.close()


def run_check(path: Path) -> tuple[BackgroundCheck, list[CorruptDatabaseError]]:
    found: list[CorruptDatabaseError] = []
    check = BackgroundCheck(path, found.append)
    check.start()
    assert check.join(120)
    return check, found


@pytest.mark.parametrize("damage", [damage_late_page, damage_text_index])
def test_damage_the_start_had_no_time_for_is_found_in_the_background(paths: Paths, damage) -> None:
    acknowledged = big_file(paths)
    damage(paths.db_path)
    store = open_store(paths, NOW, check_seconds=0)  # a file too big for the start's budget
    try:
        assert store.check_pending
        check, found = run_check(paths.db_path)
        assert check.problems and len(found) == 1 and found[0].kind == "damaged"
        assert "用 `db restore` 从备份恢复" in str(found[0])
    finally:
        store.close()
    backup = Paths(paths.data_dir).backup_dir
    copies = list(backup.glob("*.sqlite3"))
    conn = sqlite3.connect(f"{copies[0].resolve().as_uri()}?mode=ro", uri=True)
    assert acknowledged <= {row[0] for row in conn.execute("SELECT order_id FROM order_notes")}
    conn.close()


def test_a_sound_file_is_reported_sound_and_a_full_start_check_leaves_nothing_pending(paths: Paths) -> None:
    big_file(paths)
    store = open_store(paths, NOW, check_seconds=0)
    try:
        assert store.check_pending
        check, found = run_check(paths.db_path)
        assert check.problems == [] and found == []
    finally:
        store.close()
    store = open_store(paths, NOW, check_seconds=600)
    assert not store.check_pending
    store.close()


def test_the_text_index_of_a_read_only_open_is_checked_in_the_background(paths: Paths) -> None:
    """FTS5's integrity-check writes, so a read-only start cannot run it; the background scan only reads."""
    big_file(paths)
    damage_text_index(paths.db_path)
    from desktop_assistant.storage.database import connect_read_only

    db = connect_read_only(paths.db_path)
    db.close()
    assert remaining_problems(paths.db_path)[0].startswith("order_note_terms")


def test_the_panel_writes_while_the_check_reads(paths: Paths) -> None:
    """The check holds a read snapshot on its own connection, no lock a write waits for: a note saved by
    the panel's connection in the middle of the check goes through at once (busy would take 5 s and raise)."""
    big_file(paths)
    store = open_store(paths, NOW, check_seconds=0)
    written: list[int] = []

    def meanwhile() -> bool:
        if not written:
            version = store.notes.append(validated_change("DURING", 1, "检查时写入", "", "007"), NOW)
            written.append(version.id)
        return False

    try:
        assert remaining_problems(paths.db_path, meanwhile) == []
        assert written and store.notes.current("DURING") is not None
    finally:
        store.close()


def test_stopping_on_quit_reports_nothing(paths: Paths) -> None:
    big_file(paths)
    damage_late_page(paths.db_path)
    found: list[CorruptDatabaseError] = []
    check = BackgroundCheck(paths.db_path, found.append)
    check.stop()  # quit came first: the check is interrupted at its first progress callback
    check.start()
    assert check.join(60)
    assert check.problems is None and found == []


def test_db_check_and_the_backup_choice_see_a_damaged_text_index(paths: Paths) -> None:
    """SQLite before 3.44 leaves FTS tables out of integrity_check: `db check` (and the choice of a good
    backup to restore) read the index too, so a copy with a broken index is not called good."""
    from desktop_assistant.storage import maintenance

    big_file(paths)
    assert maintenance.check_file(paths.db_path).ok
    damage_text_index(paths.db_path)
    report = maintenance.check_file(paths.db_path)
    assert not report.ok and report.problems[0].startswith("order_note_terms")
