"""The panel's features after 短语: 会话 (with the readers of the IM client), 备注/待办, 核对, 买家, 统计.
Each is built and wired by one method of Features and registered there as a Feature, so the composition
root starts, re-configures and stops them in one loop each (issue 18 item 4). Controllers are imported
inside the methods: they load after the first paint, not at start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop_assistant.domain.clock import Clock
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.insertion import InsertionPipeline
from desktop_assistant.resources_access import resource_path
from desktop_assistant.storage.store import Store
from desktop_assistant.ui.panel import PanelWindow
from desktop_assistant.ui.phrases_controller import PhrasesController
from desktop_assistant.ui.tray import Tray

if TYPE_CHECKING:
    from desktop_assistant.os_integration.readers.base import Reader
    from desktop_assistant.os_integration.readers.hub import ReaderHub
    from desktop_assistant.ui.buyers_controller import BuyersController
    from desktop_assistant.ui.check_controller import CheckController
    from desktop_assistant.ui.conversations_controller import ConversationsController
    from desktop_assistant.ui.notes_controller import NotesController
    from desktop_assistant.ui.stats_controller import StatsController

log = logging.getLogger(__name__)


class Feature(Protocol):
    """What the composition root asks of a built feature. start() runs once every feature is built, so
    the first tick's signals reach all of them; apply_settings() follows the settings dialog; stop()
    releases timers and readers at shut-down (in reverse order of registration)."""

    def start(self) -> None: ...

    def apply_settings(self, values: dict[str, Any]) -> None: ...

    def stop(self) -> None: ...


InsertTexts = Callable[[list[str], "int | None", object, bool], None]  # texts, caret, tag, into last window


@dataclass(frozen=True)
class Core:
    """What build_ui made and the features are wired to: all of it exists before the first feature."""

    store: Store
    panel: PanelWindow
    tray: Tray
    pipeline: InsertionPipeline
    phrases: PhrasesController
    clock: Clock
    data_dir: Path
    insert_texts: InsertTexts  # through the send guard, as a phrase goes
    notify: Callable[[str, str], None]  # title, message: the tray and the status strip
    parent: QObject  # owns the controllers


F = TypeVar("F", bound=Feature)


class Features:
    """The built features (None until built) and the registry the composition root loops over."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.registered: list[Feature] = []
        self.started = False  # a feature built after start() (a tab opened later) is started when built
        self.conversations: ConversationsController | None = None
        self.reader_hub: ReaderHub | None = None
        self.notes: NotesController | None = None
        self.checks: CheckController | None = None
        self.buyers: BuyersController | None = None
        self.stats: StatsController | None = None

    def _register(self, feature: F) -> F:
        self.registered.append(feature)
        return feature

    def _start_if_late(self, feature: Feature) -> None:
        if self.started:
            feature.start()

    # --- the loops -------------------------------------------------------------------------------
    def start(self) -> None:
        self.started = True
        for feature in self.registered:
            feature.start()

    def apply_settings(self, values: dict[str, Any]) -> None:
        for feature in self.registered:
            feature.apply_settings(values)

    def stop(self) -> None:
        """Every feature stopped, the last built first; safe to call twice."""
        for feature in reversed(self.registered):
            feature.stop()
        self.registered = []
        self.started = False
        self.conversations = self.reader_hub = self.notes = self.checks = self.buyers = self.stats = None

    # --- one builder per feature ---------------------------------------------------------------
    def build_conversations(self) -> None:
        from desktop_assistant.ui.conversations_controller import ConversationsController

        core, panel, pipeline = self.core, self.core.panel, self.core.pipeline
        conversations = self._register(
            ConversationsController(
                core.store.conversations,
                core.store.settings,
                core.clock,
                paste_text=lambda text, tag: core.insert_texts([text], None, tag, True),
                focus_window=pipeline.bring_forward,
                beep=QApplication.beep,
                parent=core.parent,
            )
        )
        self.conversations = conversations
        conversations.notify.connect(core.notify)
        conversations.status_changed.connect(panel.status_strip.set_conversation)
        conversations.problem.connect(panel.status_strip.show_notice)
        conversations.active_changed.connect(lambda nick: log.info("active conversation: %s", nick or "-"))
        conversations.badge_changed.connect(lambda urgent: panel.update_tab_title(conversations.tab, urgent))
        pipeline.inserted.connect(conversations.agent_pasted)  # a paste into the chat is the reply
        conversations.save_phrase_requested.connect(core.phrases.new_phrase)
        if pipeline.tracker is not None:  # the chat window in front names the active conversation
            pipeline.tracker.changed.connect(self._window_activated)
        panel.add_feature_tab(conversations.tab)

    def _window_activated(self, window: WindowRef | None) -> None:
        if window is not None and self.conversations is not None:
            self.conversations.window_activated(window.process, window.title, window)

    def build_reader_hub(self) -> None:
        """The readers of the IM client (docs/reading.md) feed the conversations; the strip says which is live."""
        from desktop_assistant.os_integration.readers.hub import ReaderHub

        core, tracker, conversations = self.core, self.core.pipeline.tracker, self.conversations
        if tracker is None or conversations is None:  # no foreground window on this platform: manual only
            return
        factories = reader_factories(core.store.settings, core.data_dir)
        hub = ReaderHub(tracker, factories, core.store.settings.all(), core.clock, parent=core.parent)
        self.reader_hub = self._register(hub)
        hub.reader_event.connect(conversations.reader_event)
        hub.live_changed.connect(core.panel.status_strip.set_reader)

    def build_notes(self) -> None:
        from desktop_assistant.ui.notes_controller import NotesController

        core = self.core
        notes = self._register(
            NotesController(
                core.store.notes,
                core.store.promises,
                core.store.settings,
                core.clock,
                core.phrases.insert_code,
                parent=core.parent,
            )
        )
        self.notes = notes
        notes.notify.connect(core.notify)
        agenda = notes.agenda_tab
        notes.badge_changed.connect(lambda count: core.panel.update_tab_title(agenda, count > 0))
        notes.overdue_changed.connect(core.tray.set_overdue)
        # 备注 is built when first opened; 待办 (the reminders' list and badge) at once.
        core.panel.add_lazy_tab(lambda: QCoreApplication.translate("NotesTab", "备注"), lambda: notes.notes_tab)
        core.panel.add_feature_tab(agenda)

    # 核对 and 统计 work only while the agent looks at them: built when first opened, so the idle panel does
    # not hold their widgets (and 统计 its charts); docs/benchmarks.md, "Where the megabytes go".
    def plan_checks(self) -> None:
        self.core.panel.add_lazy_tab(lambda: QCoreApplication.translate("CheckTab", "核对"), self.build_checks)

    def plan_stats(self) -> None:
        self.core.panel.add_lazy_tab(lambda: QCoreApplication.translate("StatsTab", "统计"), self.build_stats)

    def build_checks(self) -> QWidget:
        from desktop_assistant import resources_access
        from desktop_assistant.domain.address import parse_address
        from desktop_assistant.ui.check_controller import CheckController

        core, settings = self.core, self.core.store.settings

        def parse(text: str) -> dict:  # the division table is read on the first parse, not at start
            lists = resources_access.address_lists(
                settings.get("screen.celebrities_extra"),
                settings.get("lists.remote_areas"),
                settings.get("lists.pickup_words"),
            )
            return parse_address(text, resources_access.division_index(), lists).as_json()

        checks = self._register(
            CheckController(
                core.store.checks,
                core.clock,
                parse,
                lambda texts: core.insert_texts(texts, None, "check", True),
                parent=core.parent,
            )
        )
        self.checks = checks
        # What happened before the tab was opened: the order open in 备注, the buyer of the chat in front.
        if self.notes is not None:
            self.notes.order_opened.connect(checks.use_order)
            context = self.notes.context()
            checks.use_order(context["order_id"], context["buyer"])
        if self.buyers is not None:
            self.buyers.active_buyer_changed.connect(checks.use_buyer)
            checks.use_buyer(self.buyers.active_nick)
        self._start_if_late(checks)
        return checks.tab

    def build_buyers(self) -> None:
        from desktop_assistant.storage.blacklist_files import BlacklistFiles
        from desktop_assistant.ui.buyers_controller import BuyersController

        core, settings = self.core, self.core.store.settings
        celebrities = resource_path("lists", "celebrities.txt").read_text(encoding="utf-8")
        files = BlacklistFiles(core.store.buyers, lambda: settings.get("agent_id"), core.clock.now)
        buyers = self._register(
            BuyersController(core.store.buyers, settings, core.clock, celebrities, files, parent=core.parent)
        )
        self.buyers = buyers
        buyers.warning.connect(core.notify)
        buyers.active_buyer_changed.connect(lambda nick: log.info("active buyer: %s", nick))
        if self.checks is not None:
            buyers.active_buyer_changed.connect(self.checks.use_buyer)
        if self.notes is not None:
            self.notes.order_opened.connect(lambda _order, buyer: buyers.buyer_became_active(buyer))
        if self.conversations is not None:  # the buyer of the active conversation is looked up and screened
            self.conversations.active_changed.connect(buyers.buyer_became_active)
            # A chat already in front named it before this tab was built (one tab per turn of the event loop).
            buyers.buyer_became_active(self.conversations.active)
        # The tab is built when first opened; the controller screens and warns without it.
        core.panel.add_lazy_tab(lambda: QCoreApplication.translate("BuyerTab", "买家"), lambda: buyers.tab)

    def build_stats(self) -> QWidget:
        from desktop_assistant.domain.kpi import KpiError
        from desktop_assistant.storage.files import write_export
        from desktop_assistant.ui.stats_controller import StatsController

        core = self.core
        self.stats = self._register(
            StatsController(
                core.store.conversations,
                core.clock,
                lambda path, data: write_export(path, data, KpiError),
                parent=core.parent,
            )
        )
        self._start_if_late(self.stats)
        return self.stats.tab


def reader_factories(settings: Any, data_dir: Path) -> dict[str, Callable[[], Reader]]:
    """A factory per reader source (docs/reading.md), each imported on first use: UI Automation needs comtypes
    (Windows), sight its OCR models (~250 MB); neither may cost the start."""
    from desktop_assistant.os_integration.readers.manual import ManualReader

    def ui_tree() -> Reader:
        from desktop_assistant.os_integration.readers import uia

        return uia.create(settings, data_dir)  # an edited rules file in data_dir/readers wins

    def sight() -> Reader:
        from desktop_assistant.os_integration.readers import sight

        return sight.create_reader(settings)

    return {"manual": ManualReader, "ui_tree": ui_tree, "sight": sight}
