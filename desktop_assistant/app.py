"""Composition root: paths -> logging -> QApplication -> single instance -> db + migrations
-> translations/theme -> panel/tray -> hotkeys -> exec. With app_features (the tabs after 短语, each a
Feature) and app_process (Qt log, crash hooks, signals), the only modules that know every part."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_assistant import APP_NAME, __version__
from desktop_assistant.app_features import Core, Features
from desktop_assistant.app_features import reader_factories as reader_factories  # re-exported: cli.reader uses it
from desktop_assistant.app_process import install_exception_hooks, quit_on_signals, refuse_recovery, route_qt_messages
from desktop_assistant.domain.clock import Clock, SystemClock
from desktop_assistant.domain.guard import Guard
from desktop_assistant.log import setup_logging
from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend, HotkeyService
from desktop_assistant.os_integration.hotkeys.pick import pick
from desktop_assistant.os_integration.insertion import InsertionPipeline, InsertRequest, PasteOptions
from desktop_assistant.os_integration.session import SessionWatcher, pick_session_watcher
from desktop_assistant.os_integration.single_instance import QUIT_FOR_RESTORE, SHOW, SingleInstance
from desktop_assistant.paths import Paths
from desktop_assistant.resources_access import load_guard, resource_path
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.background_check import BackgroundCheck
from desktop_assistant.storage.database import START_CHECK_SECONDS, CorruptDatabaseError
from desktop_assistant.storage.errors import MissingDatabaseError, StorageError
from desktop_assistant.storage.phrase_import import LibraryImporter
from desktop_assistant.storage.store import Store, open_store
from desktop_assistant.ui import dialogs
from desktop_assistant.ui.i18n import LanguageSwitcher
from desktop_assistant.ui.panel import PanelWindow
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrases_controller import PhrasesController
from desktop_assistant.ui.send_guard import Decision, SendGuard
from desktop_assistant.ui.theme import apply_theme
from desktop_assistant.ui.tray import Tray

if TYPE_CHECKING:
    from desktop_assistant.os_integration.readers.hub import ReaderHub
    from desktop_assistant.ui.buyers_controller import BuyersController
    from desktop_assistant.ui.check_controller import CheckController
    from desktop_assistant.ui.conversations_controller import ConversationsController
    from desktop_assistant.ui.notes_controller import NotesController
    from desktop_assistant.ui.stats_controller import StatsController

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 60 * 60 * 1000  # hourly, so a shift that crosses midnight still gets its copy
FIRST_BACKUP_DELAY_MS = 3000  # after the panel is up: start-up stays fast


class Application(QObject):
    """Everything a running panel is made of, built in one readable order."""

    # From the background check's thread (its only way in): damage the start had no time to find.
    _damage_found = Signal(object)

    def __init__(
        self,
        qt_app: QApplication,
        paths: Paths,
        clock: Clock | None = None,
        hotkey_backend_factory: Callable[[str], HotkeyBackend] = pick,
        ask_recovery: Callable[..., dialogs.Recovery] = dialogs.ask_recovery,
        pipeline_factory: Callable[[PasteOptions, QObject], InsertionPipeline] | None = None,
        defer_features: bool = False,
        interactive: bool = True,
    ) -> None:
        super().__init__()
        self.qt_app = qt_app
        self.paths = paths
        self.clock = clock or SystemClock()
        self._backend_factory = hotkey_backend_factory
        self._ask_recovery = ask_recovery
        # False for --smoke-test and headless runs: a modal box would wait for nobody (issue 15).
        self.interactive = interactive
        self.exit_code = 0  # why the start gave up (storage.errors exit codes), for the process
        self._pipeline_factory = pipeline_factory or (
            lambda options, parent: InsertionPipeline.for_platform(options, parent=parent)
        )
        self.store: Store | None = None
        self.start_check_seconds = START_CHECK_SECONDS  # the start's budget; the rest runs in background
        self.background_check: BackgroundCheck | None = None
        self._damage_found.connect(self._on_damage_found)
        self.pipeline: InsertionPipeline | None = None
        self.send_guard: SendGuard | None = None
        self._guard_cache: Guard | None = None
        self.phrases: PhrasesController | None = None
        self.features: Features | None = None  # the tabs after 短语, made by build_ui, built after the first paint
        self.session_watcher: SessionWatcher | None = None
        self.panel: PanelWindow | None = None
        self.tray: Tray | None = None
        self.hotkeys: HotkeyService | None = None
        # Chinese until the database says otherwise: a recovery dialog may come before it opens.
        self.language = LanguageSwitcher(qt_app)
        self.instance: SingleInstance | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.run_daily_backup)
        self.first_backup_timer = QTimer(self)  # a member, not singleShot(): stopped on shutdown
        self.first_backup_timer.setSingleShot(True)
        self.first_backup_timer.setInterval(FIRST_BACKUP_DELAY_MS)
        self.first_backup_timer.timeout.connect(self.run_daily_backup)
        # The panel comes up with 短语 (what a start is for); the other tabs follow once the event loop
        # runs, one per turn, so a hotkey pressed meanwhile waits for one tab, not for all of them.
        self._defer_features = defer_features
        self._feature_steps: list[Callable[[], None]] = []
        self.features_timer = QTimer(self)
        self.features_timer.setSingleShot(True)
        self.features_timer.setInterval(0)
        self.features_timer.timeout.connect(self._build_next_feature)

    # --- start-up ----------------------------------------------------------------------------
    def claim_instance(self) -> bool:
        """False when another panel already runs on this data directory (it was told to show)."""
        self.instance = SingleInstance(self.paths.instance_key, self)
        return self.instance.claim()

    def open_database(self) -> bool:
        """Open, check and migrate. A damaged, emptied or vanished file: ask the agent (restore / empty /
        quit). Any other failure (full disk, newer schema, busy, not our file): say why once, then quit.
        False means quit, with `exit_code` set."""
        now = self.clock.now()
        try:
            self.store = open_store(self.paths, now, check_seconds=self.start_check_seconds)
            return True
        except (CorruptDatabaseError, MissingDatabaseError) as exc:
            log.error("database unusable: %s", exc)
            problem: StorageError = exc
        except StorageError as exc:
            return self._give_up(exc)
        self.language.apply("zh_CN")  # Qt's own buttons in the dialog in Chinese too
        backup = maintenance.newest_good_backup(self.paths.backup_dir)
        when = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M") if backup else None
        extra = {"missing": True} if isinstance(problem, MissingDatabaseError) else {}
        choice = self._ask_recovery(
            problem.translated(QCoreApplication.translate), backup.name if backup else None, when, **extra
        )
        if choice is dialogs.Recovery.QUIT or (choice is dialogs.Recovery.RESTORE and backup is None):
            self.exit_code = problem.exit_code
            return False
        try:
            if choice is dialogs.Recovery.RESTORE and backup is not None:
                kept = maintenance.restore(self.paths, backup, now)
                log.warning("restored %s from %s; previous file kept at %s", self.paths.db_path, backup, kept)
            else:
                kept = maintenance.quarantine(self.paths, now)
                log.warning("started empty; previous file kept at %s", kept)
            self.store = open_store(self.paths, now, create=True)
        except StorageError as exc:
            return self._give_up(exc)
        return True

    def _give_up(self, exc: StorageError) -> bool:
        """The one message of a start that cannot go on: a box when someone is there, else one line."""
        log.error("cannot open the database: %s", exc)
        self.exit_code = exc.exit_code
        message = exc.translated(QCoreApplication.translate)
        if self.interactive:
            dialogs.show_fatal(message)
        else:
            print(f"{APP_NAME}: {message}", file=sys.stderr)
        return False

    def storage_failed(self, exc: StorageError, title: str = "") -> None:
        """A write refused (read-only, disk full, busy): one line in the panel and the tray, no crash box."""
        message = exc.translated(QCoreApplication.translate)
        if self.panel is not None:
            self.panel.status_strip.show_notice(message, seconds=15)
        if self.tray is not None:
            self.tray.notify(title or self.tr("没有保存"), message)

    def build_ui(self) -> None:
        """The panel with 短语, the tray, the insertion pipeline and the hotkeys: what the first paint shows.
        The other tabs are made ready here and built after show()."""
        assert self.store is not None
        store = self.store
        self.language.apply(store.settings.get("language"))
        apply_theme(self.qt_app, store.settings.get("theme"))
        self.panel, self.tray = self._build_panel_and_tray(store)
        self.pipeline = self._build_pipeline(store, self.panel)
        self.phrases = self._build_phrases(store, self.panel, self.pipeline)
        self.panel.set_available_hotkeys(tuple(self._hotkey_actions()))
        self.panel.set_calibrator(self._calibrate_reader)
        self.hotkeys = self._make_hotkeys(store.settings.get("hotkey.backend"))
        self.session_watcher = pick_session_watcher(parent=self)
        if self.session_watcher is not None:  # Windows drops low-level hooks across lock/unlock
            self.session_watcher.unlocked.connect(self._recover_hotkeys)
        core = Core(
            store,
            self.panel,
            self.tray,
            self.pipeline,
            self.phrases,
            self.clock,
            self.paths.data_dir,
            self._insert_texts,
            self._notify,
            parent=self,
        )
        self.features = Features(core)

    def _build_panel_and_tray(self, store: Store) -> tuple[PanelWindow, Tray]:
        # The .ico holds the icon drawn at every size asked for (tools/make_icon.py): no QtSvg at run time (~1 MB).
        icon = QIcon(str(resource_path("icons", "app.ico")))
        self.qt_app.setWindowIcon(icon)
        panel = PanelWindow(store.settings, store.state, icon)
        if store.read_only is not None:
            panel.show_read_only_banner(store.read_only.translated(QCoreApplication.translate))
        tray = Tray(icon, self)
        panel.hide_on_close = tray.available()
        panel.settings_changed.connect(self.apply_settings)
        tray.toggle_panel.connect(panel.toggle_visible)
        tray.quit_requested.connect(self.quit)
        tray.pause_toggled.connect(self.set_hotkeys_paused)
        if self.instance is not None:
            self.instance.message_received.connect(self._on_instance_message)
        panel.start_page.show_data_info(str(self.paths.data_dir), self._last_backup_text())
        return panel, tray

    def _build_pipeline(self, store: Store, panel: PanelWindow) -> InsertionPipeline:
        """Pasting into the IM client, behind the outgoing-text guard."""
        pipeline = self._pipeline_factory(PasteOptions.from_settings(store.settings.all()), self)
        pipeline.failed.connect(self._on_insert_failed)
        self.send_guard = SendGuard(self._guard, lambda: panel, panel.status_strip.show_notice, self)
        panel.focus_handover = pipeline.focus_handover  # Windows: the tray click takes the keyboard
        return pipeline

    def _recover_hotkeys(self) -> None:
        # Looked up at the unlock: a backend changed in the settings replaced the service made at start.
        if self.hotkeys is not None:
            self.hotkeys.recover()

    def _make_hotkeys(self, backend: str) -> HotkeyService:
        """The global hotkeys on the backend the setting names ("" = the best this platform has)."""
        hotkeys = HotkeyService(self._backend_factory(backend), self)
        hotkeys.activated.connect(self._on_hotkey)
        hotkeys.state_changed.connect(self._on_hotkey_state)
        return hotkeys

    def _build_phrases(self, store: Store, panel: PanelWindow, pipeline: InsertionPipeline) -> PhrasesController:
        library = PhraseLibrary(store.phrases, self.clock, self)
        importer = LibraryImporter(store.db, store.phrases, store.settings, self.clock.now)
        phrases = PhrasesController(
            library,
            store.settings,
            self.clock,
            self._insert_texts,
            importer,
            pipeline.agent_clipboard_text,
            self._hotkey_held_elsewhere,
            conversation_context=self._order_context,
            focus=pipeline.focus_handover,
            parent=self,
            guard=self._guard,
        )
        pipeline.inserted.connect(phrases.on_inserted)
        phrases.bindings_changed.connect(self._register_hotkeys)
        panel.add_feature_tab(phrases.tab)
        return phrases

    def _plan_features(self) -> None:
        """The tabs after 短语: 会话, 备注, 待办, 核对, 买家, 统计, in an order that meets their links (once);
        核对 and 统计 only take their place in the tab bar, and are built when first opened."""
        features = self.features
        if self._feature_steps or features is None or features.registered:
            return
        self._feature_steps = [
            features.build_conversations,
            features.build_reader_hub,  # reads the IM client into the conversations
            features.build_notes,
            features.plan_checks,  # built when first opened; then opens the order 备注 opened
            features.build_buyers,  # screens the buyer of the conversation, the check and the order
            features.start,  # every link made: the first ticks reach them all
            features.plan_stats,  # built when first opened
            self._warm_search,
        ]

    def build_features(self) -> None:
        """Every feature tab not built yet, now."""
        self.features_timer.stop()
        while self._feature_steps and self.store is not None:
            self._feature_steps.pop(0)()

    def _build_next_feature(self) -> None:
        if self._feature_steps and self.store is not None:
            self._feature_steps.pop(0)()
        if self._feature_steps:
            self.features_timer.start()  # the next tab on the next turn of the event loop

    @property
    def starting(self) -> bool:
        """True while start-up steps are left for the coming turns of the event loop."""
        return bool(self._feature_steps)

    def _warm_search(self) -> None:
        """The phrase search index and the guard's lists (libphonenumber, ~70 ms) loaded once the panel is
        idle, so neither the picker's first key nor the first paste waits."""
        if self.phrases is not None:
            self.phrases.library.warm_up()
        self._guard()

    # The features as they are built (None before, and after shut-down).
    @property
    def conversations(self) -> ConversationsController | None:
        return self.features.conversations if self.features is not None else None

    @property
    def reader_hub(self) -> ReaderHub | None:
        return self.features.reader_hub if self.features is not None else None

    @property
    def notes(self) -> NotesController | None:
        return self.features.notes if self.features is not None else None

    @property
    def checks(self) -> CheckController | None:
        return self.features.checks if self.features is not None else None

    @property
    def buyers(self) -> BuyersController | None:
        return self.features.buyers if self.features is not None else None

    @property
    def stats(self) -> StatsController | None:
        return self.features.stats if self.features is not None else None

    def show(self) -> None:
        assert self.panel is not None and self.tray is not None and self.hotkeys is not None
        self.panel.restore_or_dock()
        self.panel.show()
        self.tray.show()
        self._register_hotkeys()
        if self.pipeline is not None:
            self.pipeline.warm_up()
            if self.pipeline.tracker is not None:
                self.pipeline.tracker.start()
        if self.session_watcher is not None:
            self.session_watcher.start()
        self.first_backup_timer.start()
        self.backup_timer.start()
        self._finish_start_check()
        self._plan_features()
        if self._defer_features:
            self.features_timer.start()
        else:
            self.build_features()

    def _finish_start_check(self) -> None:
        """A start check cut short (a big file) or without the text index (read-only): the rest on a
        thread with its own read-only connection (storage.background_check); the panel is usable meanwhile."""
        if self.store is None or not self.store.check_pending or self.background_check is not None:
            return
        self.background_check = BackgroundCheck(self.paths.db_path, self._damage_found.emit)
        self.background_check.start()

    def _on_damage_found(self, exc: CorruptDatabaseError) -> None:
        """The damaged-database path of a running panel: said in the panel and the tray (with the way
        back, `db restore`), and no more daily copies, so a damaged file never pushes a good backup out."""
        log.error("database damaged (found after the start): %s", exc)
        self.backup_timer.stop()
        self.first_backup_timer.stop()
        self.storage_failed(exc, self.tr("数据库可能已损坏"))

    # --- behaviour ---------------------------------------------------------------------------
    def _hotkey_actions(self) -> dict[str, Callable[[], None]]:
        assert self.panel is not None and self.phrases is not None
        return {
            "hotkey.toggle_panel": self.panel.toggle_visible,
            "hotkey.picker": self.phrases.open_picker,
            # Conversations are built right after the first paint; a press before that does nothing.
            "hotkey.buyer_wrote": lambda: self.conversations and self.conversations.buyer_wrote("hotkey"),
            "hotkey.replied": lambda: self.conversations and self.conversations.replied("hotkey"),
            "hotkey.new_conversation": self._new_conversation_from_clipboard,
            "hotkey.jump_longest": lambda: self.conversations and self.conversations.jump_longest(),
        }

    def _new_conversation_from_clipboard(self) -> None:
        if self.conversations is not None and self.pipeline is not None:
            self.conversations.new_from_clipboard(self.pipeline.agent_clipboard_text())

    def _register_hotkeys(self) -> None:
        if self.store is None or self.hotkeys is None or self.phrases is None:
            return
        combos = {key: self.store.settings.get(key) for key in self._hotkey_actions()}
        combos.update(self.phrases.hotkey_bindings())
        self.hotkeys.set_bindings(combos)

    def _on_hotkey(self, action: str) -> None:
        handler = self._hotkey_actions().get(action)
        if handler is not None:
            handler()
        elif self.phrases is not None:
            self.phrases.handle_action(action)

    def _order_context(self) -> dict[str, str]:
        """{买家}: the buyer of the chat in front, else of the order open in 备注; {订单号}: that order,
        unless it belongs to another buyer than the chat in front."""
        order = self.notes.context() if self.notes is not None else {}
        chatting = self.conversations.active if self.conversations is not None else ""
        chatting = chatting or (self.buyers.active_nick if self.buyers is not None else "")
        if chatting and order.get("buyer") not in ("", chatting):
            return {"buyer": chatting, "order_id": ""}
        return {"buyer": chatting or order.get("buyer", ""), "order_id": order.get("order_id", "")}

    def _calibrate_reader(self) -> None:
        """The sight reader's calibration overlay over the chat window the agent was last in; its client is
        found the way the reader hub finds it."""
        from desktop_assistant.os_integration.readers.hub import chat_client
        from desktop_assistant.ui.calibration import start_calibration

        assert self.store is not None and self.panel is not None and self.pipeline is not None
        window = self.pipeline.tracker.last_external if self.pipeline.tracker is not None else None
        client = chat_client(window, self.store.settings.get("conversation.title_rules"))
        result = start_calibration(self.store.settings, window if client else None, client, None)
        if isinstance(result, str):
            self.panel.status_strip.show_notice(result)
        else:
            self._calibration = result  # kept alive while it is open (it deletes itself on close)

    def _notify(self, title: str, message: str) -> None:
        assert self.tray is not None and self.panel is not None
        log.info("notice: %s: %s", title, message)
        self.tray.notify(title, message)
        self.panel.status_strip.show_notice(f"{title}: {message}")

    def _hotkey_held_elsewhere(self, combo: str) -> str:
        return self.hotkeys.probe(combo) if self.hotkeys is not None else ""

    def _insert_texts(self, texts: list[str], caret: int | None, tag: object, into_last_window: bool) -> None:
        assert self.pipeline is not None
        if self.send_guard is not None:  # docs/guard.md: contact and 返现 ask first, absolute words warn
            decision = self.send_guard.decide(texts, self._buyer_phones(tag))
            if decision is Decision.CANCEL:
                return
            into_last_window = into_last_window or decision is Decision.SEND_AFTER_ASKING  # the dialog had focus
        tracker = self.pipeline.tracker
        target = tracker.last_external if into_last_window and tracker is not None else None
        self.pipeline.insert(InsertRequest(tuple(texts), caret, tag, target))

    def _buyer_phones(self, tag: object) -> list[str]:
        """The buyer's own numbers, which the guard lets through: those of the order being confirmed."""
        if tag != "check" or self.checks is None:
            return []
        check = self.checks.check
        return [check.address.get("phone", ""), check.values.get("手机号", "")]

    def _guard(self) -> Guard:
        """The guard with the shop's lists: built once the panel is idle (or at first use) and again when
        the settings change, never per paste (reading every setting cost ~100 queries on the hotkey path)."""
        if self._guard_cache is None:
            assert self.store is not None
            self._guard_cache = load_guard(self.store.settings.all())
        return self._guard_cache

    def _on_insert_failed(self, tag: object, reason: str) -> None:
        log.warning("insertion %s failed: %s", tag, reason)
        if self.tray is not None:
            self.tray.notify(self.tr("短语没有粘贴"), reason)
        if self.panel is not None:
            self.panel.status_strip.show_notice(reason)

    def _on_hotkey_state(self, state: str) -> None:
        assert self.panel is not None and self.tray is not None and self.hotkeys is not None
        self.panel.status_strip.set_hotkey_state(state, self.hotkeys.problem)
        self.tray.set_paused(state == "paused")
        if state in ("unavailable", "partial"):
            log.warning("global hotkeys %s: %s", state, self.hotkeys.problem)
        else:
            log.info("global hotkeys %s (%s)", state, self.hotkeys.backend_name)

    def set_hotkeys_paused(self, paused: bool) -> None:
        assert self.hotkeys is not None
        self.hotkeys.set_paused(paused)

    def apply_settings(self, values: dict) -> None:
        assert self.hotkeys is not None
        self._guard_cache = None  # the guard's switches and words may have changed
        if values["language"] != self.language.language:
            self.language.apply(values["language"])  # widgets follow through LanguageChange events
            if self.tray is not None:
                self.tray.retranslate()  # a QObject: gets no LanguageChange of its own
        apply_theme(self.qt_app, values["theme"])
        if self.pipeline is not None:
            self.pipeline.set_options(PasteOptions.from_settings(values))
        if self.features is not None:
            self.features.apply_settings(values)
        backend = values["hotkey.backend"]
        if backend and self.hotkeys.backend_name != self._backend_factory(backend).name:
            self.hotkeys.shutdown()
            self.hotkeys.deleteLater()
            self.hotkeys = self._make_hotkeys(backend)
        self._register_hotkeys()

    def _on_instance_message(self, message: str) -> None:
        if message == SHOW and self.panel is not None:
            log.info("a second launch asked for the panel; bringing it forward")
            self.panel.bring_forward()
        elif message == QUIT_FOR_RESTORE:
            log.warning("`db restore --close-panel` asked the panel to quit and close the database")
            self.quit()

    def _last_backup_text(self) -> str:
        backups = maintenance.list_backups(self.paths.backup_dir)
        if not backups:
            return ""
        return dt.datetime.fromtimestamp(backups[0].stat().st_mtime).strftime("%Y-%m-%d %H:%M")

    def run_daily_backup(self) -> None:
        assert self.store is not None and self.panel is not None and self.tray is not None
        try:
            made = self.store.daily_backup(self.clock.now().date())
        except CorruptDatabaseError as exc:
            log.error("daily backup skipped, database damaged: %s", exc)
            self.tray.notify(self.tr("数据库可能已损坏"), self.tr("今天的备份没有做。请运行 db check 或联系管理员。"))
            return
        except StorageError as exc:  # disk full, read-only folder: the agent hears the real cause
            log.error("daily backup failed: %s", exc)
            self.storage_failed(exc, self.tr("今天的备份没有做"))
            return
        except OSError as exc:
            log.error("daily backup failed: %s", exc)
            return
        if made:
            log.info("daily backup written: %s", made)
        purged = self.store.purge_personal_data(self.clock.now())  # after the copy: the backup still has it
        if purged.total:
            log.info("retention: %s", purged.summary())
        self.panel.start_page.show_data_info(str(self.paths.data_dir), self._last_backup_text())

    def quit(self) -> None:
        if self.panel is not None:
            self.panel.prepare_quit()
        self.qt_app.quit()

    def shutdown(self) -> None:
        """Release everything in reverse order; safe after a partial build and when called twice."""
        self.backup_timer.stop()
        self.first_backup_timer.stop()
        self.features_timer.stop()
        self._feature_steps = []
        if self.background_check is not None:
            self.background_check.stop()  # interrupted at its next progress callback; reports nothing
            self.background_check = None
        if self.features is not None:
            self.features.stop()
        if self.hotkeys is not None:
            self.hotkeys.shutdown()
            self.hotkeys = None
        if self.session_watcher is not None:
            self.session_watcher.stop()
            self.session_watcher = None
        if self.pipeline is not None:
            self.pipeline.shutdown()
            self.pipeline = None
        if self.tray is not None:
            self.tray.hide()
            self.tray = None
        if self.panel is not None:
            self.panel.prepare_quit()
            self.panel.close()
            self.panel.deleteLater()
            self.panel = None
        self.language.uninstall()
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.instance is not None:  # last: `db restore --close-panel` waits for it, the file is free by then
            self.instance.close()
            self.instance = None


def run(paths: Paths, *, debug: bool = False, smoke_test: bool = False) -> int:
    if os.name == "posix":
        os.umask(0o077)  # database, WAL, backups and logs: owner only
    log_path = setup_logging(paths, debug=debug)
    log.info("starting %s %s with data in %s", APP_NAME, __version__, paths.data_dir)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setQuitOnLastWindowClosed(False)  # the panel hides to the tray
    route_qt_messages()
    # Nobody to click a modal box: the smoke test, and a headless platform (offscreen, minimal).
    interactive = not smoke_test and QGuiApplication.platformName() not in ("offscreen", "minimal")
    app = Application(
        qt_app,
        paths,
        ask_recovery=dialogs.ask_recovery if interactive else refuse_recovery,
        defer_features=not smoke_test,  # the smoke test builds everything before it returns
        interactive=interactive,
    )
    install_exception_hooks(log_path, show_dialog=interactive, app=app)
    try:
        if not app.claim_instance():
            log.info("another panel runs on %s; asked it to come forward", paths.data_dir)
            return 0
        if not app.open_database():
            return app.exit_code or 1
        app.build_ui()
        app.show()
        if smoke_test:  # everything a real start does, hotkeys included, then out
            # and the tabs and charts built on first look otherwise: a frozen build must carry them (QtCharts)
            if app.panel is not None:
                app.panel.build_lazy_tabs()
            if app.stats is not None:
                app.stats.refresh()
            qt_app.processEvents()
            return 0
        quit_on_signals(app)
        log.info("panel shown")
        return qt_app.exec()
    except Exception:
        log.exception("start-up failed")
        raise
    finally:
        app.shutdown()
        qt_app.processEvents()
        log.info("stopped")
