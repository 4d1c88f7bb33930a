"""The composed application with a fake hotkey backend and a fake clock."""

import datetime as dt
import os

from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.store import open_store
from desktop_assistant.ui.dialogs import Recovery


def started(make_app, **kwargs):
    app = make_app(**kwargs)
    assert app.open_database()
    app.build_ui()
    app.show()
    return app


def test_toggle_hotkey_from_the_hook_thread_hides_and_shows(qtbot, make_app, backend: FakeHotkeyBackend) -> None:
    app = started(make_app)
    assert app.hotkeys.state == "active"
    assert app.panel.status_strip.hotkey_label.text() == "快捷键：已启用"
    assert app.panel.isVisible()
    assert backend.press("ctrl+alt+h")  # delivered on another thread, as the OS hook does
    qtbot.waitUntil(lambda: not app.panel.isVisible())
    backend.press("Alt+Ctrl+H")
    qtbot.waitUntil(app.panel.isVisible)


def test_pause_from_the_tray_unhooks_until_resumed(qtbot, make_app, backend: FakeHotkeyBackend) -> None:
    app = started(make_app)
    app.tray.pause_action.trigger()
    assert app.hotkeys.state == "paused" and backend.bindings == {}
    assert not backend.press("ctrl+alt+h")
    assert app.panel.status_strip.hotkey_label.text() == "快捷键：已暂停"
    app.tray.pause_action.trigger()
    assert app.hotkeys.state == "active" and backend.press("ctrl+alt+h")


def test_changing_the_hotkey_in_settings_rebinds(qtbot, make_app, backend: FakeHotkeyBackend) -> None:
    app = started(make_app)
    app.store.settings.set("hotkey.toggle_panel", "ctrl+alt+k")
    app.apply_settings(app.store.settings.all())
    assert not backend.press("ctrl+alt+h")
    assert backend.press("ctrl+alt+k")


def test_unavailable_hotkeys_leave_a_working_panel(qtbot, make_app) -> None:
    broken = FakeHotkeyBackend(unavailable="no keyboard hook on this machine")
    app = started(make_app, hotkey_backend_factory=lambda _: broken)
    assert app.hotkeys.state == "unavailable"
    assert app.panel.status_strip.hotkey_label.text() == "快捷键：不可用"
    assert "no keyboard hook" in app.panel.status_strip.hotkey_label.toolTip()
    assert app.panel.isVisible()


def test_english_translation_really_loads(qtbot, make_app) -> None:
    app = started(make_app)
    app.store.settings.set("language", "en")
    app.apply_settings(app.store.settings.all())
    qtbot.waitUntil(lambda: app.panel.windowTitle() not in ("", "客服助手"))
    assert app.panel.windowTitle().isascii()
    assert app.panel.status_strip.hotkey_label.text().isascii()
    assert app.tray.quit_action.text().isascii()
    app.store.settings.set("language", "zh_CN")
    app.apply_settings(app.store.settings.all())
    qtbot.waitUntil(lambda: app.panel.windowTitle() == "客服助手")
    assert app.tray.quit_action.text() == "退出"


def test_starts_in_english_when_chosen(qtbot, make_app, paths, clock) -> None:
    store = open_store(paths, clock.now())
    store.settings.set("language", "en")
    store.close()
    app = started(make_app)
    assert app.panel.windowTitle().isascii()


def test_daily_backup_runs_after_start_and_once_per_day(qtbot, make_app, clock, paths) -> None:
    app = started(make_app)
    app.run_daily_backup()
    assert [p.name for p in paths.backup_dir.iterdir()] == ["daily-20261111.sqlite3"]
    app.run_daily_backup()
    clock.advance(days=1)
    app.run_daily_backup()
    assert len(list(paths.backup_dir.iterdir())) == 2
    assert "最近备份：20" in app.panel.start_page.data_label.text()


def damage(path) -> None:
    with open(path, "r+b") as handle:
        handle.write(b"\x00not sqlite" * 400)


def test_corrupt_database_offers_the_newest_good_backup(qtbot, make_app, paths, clock) -> None:
    store = open_store(paths, clock.now())
    store.settings.set("agent_name", "小王")
    good = store.daily_backup(clock.now().date())
    store.close()
    taken = dt.datetime(2026, 11, 11, 8, 45)  # the copy's time as the agent is shown it, set independently
    os.utime(good, (taken.timestamp(), taken.timestamp()))
    damage(paths.db_path)
    asked = []

    def agent_chooses_restore(reason, backup_name, when):
        asked.append((backup_name, when))
        return Recovery.RESTORE

    app = make_app(ask_recovery=agent_chooses_restore)
    assert app.open_database()
    assert asked == [(good.name, "2026-11-11 08:45")]
    assert app.store.settings.get("agent_name") == "小王"
    assert len(list(paths.quarantine_dir.iterdir())) == 1  # the damaged file is kept


def test_corrupt_database_quit_leaves_the_file_alone(qtbot, make_app, paths, clock) -> None:
    open_store(paths, clock.now()).close()
    damage(paths.db_path)
    before = paths.db_path.read_bytes()
    app = make_app(ask_recovery=lambda *_: Recovery.QUIT)
    assert app.open_database() is False
    assert paths.db_path.read_bytes() == before


def test_corrupt_database_without_backup_can_start_empty(qtbot, make_app, paths, clock) -> None:
    open_store(paths, clock.now()).close()
    damage(paths.db_path)
    offered = []
    app = make_app(ask_recovery=lambda reason, name, when: offered.append(name) or Recovery.START_EMPTY)
    assert app.open_database()
    assert offered == [None]
    assert maintenance.check_file(paths.db_path).ok
    assert app.store.settings.get("agent_name") == ""


def test_quit_saves_geometry_and_closes(qtbot, make_app, paths, clock) -> None:
    app = started(make_app)
    app.quit()
    app.shutdown()
    store = open_store(paths, clock.now() + dt.timedelta(minutes=1))
    assert store.state.get("panel.geometry")
    store.close()


def test_the_real_recovery_dialog_speaks_chinese_and_offers_the_backup(qtbot, make_app, paths, clock, qapp) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QPushButton

    store = open_store(paths, clock.now())
    good = store.daily_backup(clock.now().date())
    store.close()
    damage(paths.db_path)
    seen = {}

    def answer() -> None:
        box = qapp.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.findChildren(QPushButton)]
        next(b for b in box.buttons() if b.text() == "退出").click()

    QTimer.singleShot(0, answer)
    app = make_app()  # the real dialogs.ask_recovery
    assert app.open_database() is False
    assert seen["title"] == "数据库文件已损坏"
    assert good.name in seen["text"]
    assert {"从备份恢复", "新建空数据库", "退出"} <= set(seen["buttons"])
    assert not any(text.startswith("Show Details") for text in seen["buttons"])  # Qt's own strings too


def test_validation_errors_follow_the_ui_language(qtbot, make_app) -> None:
    from desktop_assistant.ui.settings_dialog import SettingsDialog

    app = started(make_app)
    app.store.settings.set("language", "en")
    app.apply_settings(app.store.settings.all())
    dialog = SettingsDialog(app.store.settings, app.panel)
    qtbot.addWidget(dialog)
    dialog.editors["hotkey.toggle_panel"].set_value("ctrl+alt+b")  # taken by hotkey.buyer_wrote
    dialog.save()
    assert dialog.error_label.text() == "hotkey.toggle_panel: ctrl+alt+b is already used by hotkey.buyer_wrote"


def test_greeting_hotkey_pastes_the_default_phrase_with_names(qtbot, make_app, backend, im_target, qapp) -> None:
    app = make_app()
    assert app.open_database()
    app.store.settings.set_many({"agent_name": "小王", "shop_name": "云朵家居旗舰店"})
    app.build_ui()
    app.show()
    qapp.clipboard().setText("agent's own clipboard")
    greeting = next(p for p in app.phrases.library.all() if p.hotkey == "ctrl+alt+1")
    assert backend.press("ctrl+alt+1")
    qtbot.waitUntil(lambda: app.phrases.library.get(greeting.id).use_count == 1, timeout=3000)
    assert "云朵家居旗舰店" in im_target.box and "小王" in im_target.box and "{" not in im_target.box
    qtbot.waitUntil(lambda: qapp.clipboard().text() == "agent's own clipboard", timeout=3000)


def test_picker_hotkey_then_code_and_enter_pastes(qtbot, make_app, backend, im_target) -> None:
    from PySide6.QtCore import Qt

    app = started(make_app)
    assert backend.press("ctrl+alt+p")
    qtbot.waitUntil(app.phrases.picker.isVisible)
    qtbot.keyClicks(app.phrases.picker.search, "cf1")
    qtbot.keyClick(app.phrases.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "付款" in im_target.box, timeout=3000)
    assert not app.phrases.picker.isVisible()


def test_a_failed_insertion_is_shown_to_the_agent(qtbot, make_app, im_target) -> None:
    app = started(make_app)
    app.store.settings.set("paste.allow_list", "WeChat.exe")  # the IM window (千牛) is not allowed
    app.apply_settings(app.store.settings.all())
    phrase = app.phrases.library.all()[0]
    app.phrases.insert(phrase.id)
    qtbot.waitUntil(lambda: app.panel.status_strip.conversation_label.property("notice") is True, timeout=3000)
    assert "AliWorkbench.exe" in app.panel.status_strip.conversation_label.text()
    assert app.phrases.library.get(phrase.id).use_count == 0 and im_target.box == ""


def test_a_combo_another_program_holds_is_refused_in_the_editor(qtbot, make_app, paths, clock) -> None:
    held = FakeHotkeyBackend(taken={"ctrl+alt+8": "已被其他程序占用"})
    app = started(make_app, hotkey_backend_factory=lambda _: held)
    assert "其他程序" in app.phrases.hotkey_problem("ctrl+alt+8", None)
    assert app.phrases.hotkey_problem("ctrl+alt+9", None) == ""
    assert app.hotkeys.state == "active" and held.press("ctrl+alt+h")  # the probe left the bindings as they were


def test_the_feature_tabs_follow_the_first_paint(qtbot, make_app) -> None:
    app = make_app(defer_features=True)
    assert app.open_database()
    app.build_ui()
    app.show()
    tabs = app.panel.tabs
    assert app.notes is None and tabs.count() == 2  # 短语 and 概览: the panel is up and usable
    qtbot.waitUntil(lambda: not app.starting)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["短语", "会话", "备注", "待办", "核对", "买家", "统计", "概览"]
    assert app.checks is None and app.stats is None  # named in the bar, built when first opened (test_lazy_tabs)
    assert app.notes.timer.isActive() and app.conversations.timer.isActive()


def test_a_hotkey_pressed_while_the_tabs_are_built_waits_for_one_tab_not_all(qtbot, make_app, backend) -> None:
    app = make_app(defer_features=True)
    assert app.open_database()
    app.build_ui()
    build_conversations = app.features.build_conversations

    def build_then_press() -> None:
        build_conversations()
        assert backend.press("ctrl+alt+h")  # the agent's first hotkey arrives while 会话 is being built

    app.features.build_conversations = build_then_press
    served_before_buyers = []
    app.hotkeys.activated.connect(lambda _action: served_before_buyers.append(app.buyers is None))
    app.show()
    qtbot.waitUntil(lambda: not app.starting)
    assert served_before_buyers == [True]  # handled between two tabs, not after the last one
    assert not app.panel.isVisible()


class _RecoveringBackend(FakeHotkeyBackend):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.recovered = 0

    def recover(self) -> bool:
        self.recovered += 1
        return True


def test_a_session_unlock_recovers_the_backend_chosen_in_settings_not_the_first(qtbot, make_app, monkeypatch) -> None:
    from desktop_assistant import app as app_module
    from desktop_assistant.os_integration.session import SessionWatcher

    monkeypatch.setattr(
        app_module, "pick_session_watcher", lambda parent=None: SessionWatcher(lambda: False, parent=parent)
    )
    backends: list[_RecoveringBackend] = []

    def factory(name: str) -> _RecoveringBackend:
        backends.append(_RecoveringBackend(name or "native"))
        return backends[-1]

    app = started(make_app, hotkey_backend_factory=factory)
    first = app.hotkeys
    app.store.settings.set("hotkey.backend", "keyboard")
    app.apply_settings(app.store.settings.all())
    assert app.hotkeys is not first and app.hotkeys.backend_name == "keyboard"
    app.session_watcher.unlocked.emit()  # Windows: the agent unlocked the screen
    in_use = [b for b in backends if b.name == "keyboard" and b.recovered]
    assert in_use, "the backend in use was not recovered after the unlock"
    assert all(b.recovered == 0 for b in backends if b.name != "keyboard")


def test_the_window_and_tray_icon_carry_every_size_drawn_for_them(make_app) -> None:
    """app.ico holds the icon drawn at each size Windows and the tray ask for (tools/make_icon.py), so the panel
    needs neither QtSvg nor its icon engine at run time (1 MB of the idle panel, docs/benchmarks.md)."""
    app = started(make_app)
    sizes = {(size.width(), size.height()) for size in app.qt_app.windowIcon().availableSizes()}
    assert {(16, 16), (24, 24), (32, 32), (256, 256)} <= sizes
    assert app.tray.icon.icon().cacheKey() == app.qt_app.windowIcon().cacheKey()
