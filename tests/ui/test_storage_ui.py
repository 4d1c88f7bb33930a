"""The panel with a database it cannot write, a newer one, or an emptied one (issue 15)."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from desktop_assistant import app as app_module
from desktop_assistant.domain.notes import validated_change
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.store import open_store
from desktop_assistant.ui.dialogs import Recovery


def test_read_only_profile_opens_with_a_banner_and_a_refused_write_is_a_notice(
    qtbot, make_app, paths, clock, immutable, tmp_path
) -> None:
    store = open_store(paths, clock.now())
    store.notes.append(validated_change("R1", 1, "已确认的备注", "", "007"), clock.now())
    store.close()
    immutable(paths.db_path)
    immutable(paths.data_dir)
    app = make_app()
    assert app.open_database()
    app.build_ui()
    app.show()
    assert app.store.read_only is not None
    assert app.panel.read_only_banner.isVisibleTo(app.panel)
    assert "只读模式" in app.panel.read_only_banner.text()
    assert app.store.notes.current("R1").text == "已确认的备注"
    with pytest.raises(sqlite3.Error) as raised:
        app.store.notes.append(validated_change("R2", 1, "新的", "", "007"), clock.now())
    previous = sys.excepthook
    shown = []
    original_show_error = app_module.dialogs.show_error
    app_module.dialogs.show_error = lambda *args: shown.append(args)  # a crash box would be the defect
    try:
        app_module.install_exception_hooks(tmp_path / "log.txt", show_dialog=True, app=app)
        sys.excepthook(type(raised.value), raised.value, raised.value.__traceback__)
    finally:
        sys.excepthook = previous
        app_module.dialogs.show_error = original_show_error
    assert shown == []
    assert "只读" in app.panel.status_strip.conversation_label.text()
    app.quit()
    app.shutdown()  # remembering the geometry on a read-only file is skipped, not an error


def test_newer_database_quits_with_its_code_and_no_box_when_nobody_is_there(qtbot, make_app, paths, clock) -> None:
    open_store(paths, clock.now()).close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    boxes = []
    app_module.dialogs.show_fatal, original = (lambda message: boxes.append(message)), app_module.dialogs.show_fatal
    try:
        app = make_app(interactive=False)
        assert app.open_database() is False
        assert app.exit_code == 7 and boxes == []
        app = make_app(interactive=True)  # the GUI run shows its box, once
        assert app.open_database() is False
        assert len(boxes) == 1 and "更新的版本" in boxes[0]
    finally:
        app_module.dialogs.show_fatal = original
    assert QApplication.activeModalWidget() is None


def test_emptied_database_offers_the_backup_and_restores_every_note(qtbot, make_app, paths, clock) -> None:
    store = open_store(paths, clock.now())
    store.notes.append(validated_change("E1", 2, "承诺送赠品", "", "007"), clock.now())
    store.daily_backup(clock.now().date())
    store.close()
    for leftover in paths.data_dir.glob("*.sqlite3-*"):
        leftover.unlink()
    paths.db_path.write_bytes(b"")
    asked = []

    def agent(reason, backup_name, when, missing=False):
        asked.append((reason, backup_name, missing))
        return Recovery.RESTORE

    app = make_app(ask_recovery=agent)
    assert app.open_database()
    assert asked and asked[0][2] is True and "0 字节" in asked[0][0] and asked[0][1]
    assert app.store.notes.current("E1").text == "承诺送赠品"
    assert maintenance.check_file(paths.db_path).ok


def test_emptied_database_quit_leaves_it_and_sets_the_code(qtbot, make_app, paths, clock) -> None:
    store = open_store(paths, clock.now())
    store.daily_backup(clock.now().date())
    store.close()
    for leftover in paths.data_dir.glob("*.sqlite3-*"):
        leftover.unlink()
    paths.db_path.write_bytes(b"")
    app = make_app(ask_recovery=lambda *_args, **_kw: Recovery.QUIT)
    assert app.open_database() is False
    assert app.exit_code == 9 and paths.db_path.stat().st_size == 0


def test_daily_backup_on_a_full_disk_tells_the_agent_why(qtbot, make_app, small_fs, clock) -> None:
    from desktop_assistant.paths import Paths
    from tests.faults import fill

    app = make_app()
    app.paths = Paths(small_fs / "data")  # the whole profile on the small disk
    assert app.open_database()
    app.build_ui()
    app.show()
    fill(small_fs)
    app.run_daily_backup()
    assert "磁盘已满" in app.panel.status_strip.conversation_label.text()
    assert not list((small_fs / "data" / "backups").glob("*"))  # no partial left
    app.quit()
    app.shutdown()


def test_damage_found_after_the_start_takes_the_damaged_path_in_the_running_panel(
    qtbot, make_app, paths, clock
) -> None:
    """A file too big for the start's budget (here: a budget of 0 s) opens; the background check finds
    the damaged text index and the panel says so (notice and tray, with `db restore`), and stops the
    daily copies so the damaged file never pushes a good backup out of the rotation."""
    store = open_store(paths, clock.now())
    for n in range(300):
        store.notes.append(validated_change(f"T{n:04d}", 1, f"第 {n} 条备注 " + "内容" * 20, "", "007"), clock.now())
    store.close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("UPDATE order_note_terms_data SET block = x'deadbeefdeadbeef' WHERE id > 10")
    conn.commit()
    conn.close()
    app = make_app()
    app.start_check_seconds = 0
    assert app.open_database()
    assert app.store.check_pending
    app.build_ui()
    notified = []
    app.tray.notify = lambda title, message: notified.append((title, message))
    app.show()
    assert app.background_check is not None
    assert app.store.notes.current("T0001") is not None  # usable meanwhile
    qtbot.waitUntil(lambda: bool(notified), timeout=60_000)
    assert notified[0][0] == "数据库可能已损坏" and "db restore" in notified[0][1]
    assert "已损坏" in app.panel.status_strip.conversation_label.text()
    assert not app.backup_timer.isActive() and not app.first_backup_timer.isActive()
    app.quit()


def test_a_sound_big_file_finishes_its_check_quietly(qtbot, make_app, paths, clock) -> None:
    store = open_store(paths, clock.now())
    for n in range(300):
        store.notes.append(validated_change(f"T{n:04d}", 1, f"第 {n} 条备注", "", "007"), clock.now())
    store.close()
    app = make_app()
    app.start_check_seconds = 0
    assert app.open_database()
    app.build_ui()
    app.show()
    check = app.background_check
    assert check is not None and check.join(60) and check.problems == []
    qtbot.wait(50)  # nothing queued for the GUI thread
    assert app.backup_timer.isActive()
    app.quit()
