"""The SQLite file: pragmas, permissions, migrations and settings persistence (no Qt)."""

import datetime as dt
import json
import os
import sqlite3
import stat
import sys

import pytest
import sqlite_utils

from desktop_assistant.domain.settings import DEFAULTS, SettingError
from desktop_assistant.paths import Paths
from desktop_assistant.storage import migrations
from desktop_assistant.storage.database import connect
from desktop_assistant.storage.migrations import CURRENT_VERSION, NewerSchemaError, migrate
from desktop_assistant.storage.store import Store, open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)


def test_new_file_is_wal_with_foreign_keys_and_current_schema(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert migrations.schema_version(store.db) == CURRENT_VERSION
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert store.pre_migration_copy is None  # nothing to protect in a new file


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_database_file_and_directories_are_private(paths: Paths) -> None:
    open_store(paths, NOW).close()
    assert stat.S_IMODE(os.stat(paths.db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(paths.data_dir).st_mode) == 0o700


def test_migrating_an_older_file_keeps_a_copy_first(paths: Paths) -> None:
    paths.ensure()
    db = connect(paths.db_path)
    migrate(db, paths.db_path, paths.backup_dir)
    db["settings"].insert({"key": "agent_name", "value": json.dumps("老王")})

    @migrations.step
    def m999_test_only(db: sqlite_utils.Database) -> None:
        db["extra"].create({"id": int}, pk="id")

    try:
        copy = migrate(db, paths.db_path, paths.backup_dir, now=lambda: NOW)
        assert copy is not None and copy.name.startswith(f"pre-migrate-v{CURRENT_VERSION}-")
        old = connect(copy, read_only=True)
        assert "extra" not in old.table_names() and old["settings"].count == 1
        assert "extra" in db.table_names()
    finally:
        migrations.MIGRATION_NAMES.remove("m999_test_only")
        migrations.migrations._migrations.pop()
        db.close()


def test_a_file_from_a_newer_release_is_refused_untouched(paths: Paths) -> None:
    open_store(paths, NOW).close()
    db = connect(paths.db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": migrations.MIGRATION_SET, "name": "m500_from_the_future", "applied_at": "2027-01-01"}
    )
    db.close()
    before = paths.db_path.read_bytes()
    with pytest.raises(NewerSchemaError):
        open_store(paths, NOW)
    assert paths.db_path.read_bytes() == before


def test_upgrade_adds_new_defaults_and_keeps_user_values(paths: Paths) -> None:
    store = open_store(paths, NOW)
    store.settings.set("agent_name", "小王")
    store.settings.set("panel.width", 420)
    # Simulate a file written before `backup.keep` existed.
    with store.db.atomic():
        store.db.execute("DELETE FROM settings WHERE key = 'backup.keep'")
    store.close()
    store = open_store(paths, NOW)
    try:
        stored = dict(store.db.execute("SELECT key, value FROM settings").fetchall())
        assert json.loads(stored["backup.keep"]) == DEFAULTS["backup.keep"]
        assert store.settings.get("agent_name") == "小王"
        assert store.settings.get("panel.width") == 420
    finally:
        store.close()


def test_new_timer_defaults_reach_new_files_and_stored_values_stay(paths: Paths) -> None:
    """issue 16: first-round timers default to 10 / 30 / 60 s. A file that already holds a value (the old
    defaults were written at first start) keeps it: only the defaults change."""
    store = open_store(paths, NOW)
    try:
        assert [store.settings.get(f"timer.first_{name}_s") for name in ("warn", "overdue", "critical")] == [10, 30, 60]
        with store.db.atomic():  # what a file from an older release holds
            store.db.conn.executemany(
                "UPDATE settings SET value = ? WHERE key = ?",
                [("30", "timer.first_warn_s"), ("60", "timer.first_overdue_s"), ("180", "timer.first_critical_s")],
            )
    finally:
        store.close()
    store = open_store(paths, NOW)
    try:
        assert [store.settings.get(f"timer.first_{name}_s") for name in ("warn", "overdue", "critical")] == [
            30,
            60,
            180,
        ]
    finally:
        store.close()


def test_set_many_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(SettingError):
        store.settings.set_many({"agent_name": "小李", "panel.width": 5})
    assert store.settings.get("agent_name") == ""
    with pytest.raises(SettingError):  # two actions on one combo, both in the same change
        store.settings.set_many({"hotkey.picker": "ctrl+alt+9", "hotkey.replied": "ctrl+alt+9"})
    assert store.settings.get("hotkey.picker") == DEFAULTS["hotkey.picker"]


def test_a_hand_edited_bad_value_falls_back_to_the_default(store: Store) -> None:
    with store.db.atomic():
        store.db.execute("UPDATE settings SET value = ? WHERE key = 'panel.width'", [json.dumps("huge")])
    assert store.settings.get("panel.width") == DEFAULTS["panel.width"]


def test_app_state_round_trips(store: Store) -> None:
    assert store.state.get("panel.geometry") is None
    store.state.set("panel.geometry", "AdnQywADAAA=")
    assert store.state.get("panel.geometry") == "AdnQywADAAA="


def test_settings_survive_reopening(paths: Paths) -> None:
    store = open_store(paths, NOW)
    store.settings.set("shop_name", "云朵家居旗舰店")
    store.close()
    raw = sqlite3.connect(paths.db_path)
    assert json.loads(raw.execute("SELECT value FROM settings WHERE key='shop_name'").fetchone()[0]) == "云朵家居旗舰店"
    raw.close()


def test_order_checks_and_templates_persist(paths) -> None:
    import datetime as dt

    from desktop_assistant.domain.checklist import OrderCheck, parse_template

    now = dt.datetime(2026, 11, 26, 10, 0)
    store = open_store(paths, now)
    try:
        check = OrderCheck("T1", buyer="云", address={"name": "张三"}, ticks={"收货人": True}, values={"赠品": "袜子"})
        store.checks.save(check, False, now)
        store.checks.save(OrderCheck("T2"), True, now)
        store.checks.save_template(parse_template("售后", "联系买家\n回访", "亲，{回访}"))
    finally:
        store.close()
    store = open_store(paths, now)
    try:
        loaded = store.checks.get("T1")
        assert (loaded.buyer, loaded.address, loaded.ticks, loaded.values) == (
            "云",
            {"name": "张三"},
            {"收货人": True},
            {"赠品": "袜子"},
        )
        assert [c.order_id for c in store.checks.incomplete()] == ["T1"]
        assert [i.label for i in store.checks.templates()[1].items] == ["联系买家", "回访"]
    finally:
        store.close()
