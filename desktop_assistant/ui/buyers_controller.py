"""Wires buyer profiles to the panel: the 买家 tab, screening on every look-up and save, one-click
lists, and a warning when the buyer of the chat window that comes to the front is risky."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_assistant.domain.buyers import (
    MSG_NEEDS_LIST_REASON,
    BlacklistFileService,
    BuyerError,
    BuyerRecord,
    BuyerRepository,
    profile_from_mapping,
    valid_nick,
)
from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.screening import Profile, Screening, rules_from_settings, screen
from desktop_assistant.domain.settings import SettingsAccess
from desktop_assistant.ui.on_demand import OnDemand

if TYPE_CHECKING:
    from desktop_assistant.ui.buyer_tab import BuyerTab


class BuyersController(QObject, OnDemand):  # works when a buyer is looked up or comes to the front
    warning = Signal(str, str)  # title, message: a risky buyer's chat came to the front
    active_buyer_changed = Signal(str)

    def __init__(
        self,
        buyers: BuyerRepository,
        settings: SettingsAccess,
        clock: Clock,
        celebrity_list: str,
        files: BlacklistFileService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._buyers = buyers
        self._files = files
        self._settings = settings
        self._clock = clock
        self._celebrity_list = celebrity_list
        self.rules = rules_from_settings(settings.all(), celebrity_list)
        self.active_nick = ""  # the buyer of the chat in front: screened and warned about with or without the tab
        self._tab: BuyerTab | None = None

    @property
    def tab_built(self) -> bool:
        return self._tab is not None

    @property
    def tab(self) -> BuyerTab:
        """The 买家 tab, built the first time it is asked for (the agent opens it): it then shows the buyer in front."""
        if self._tab is None:
            from desktop_assistant.ui.buyer_tab import BuyerTab

            self._tab = tab = BuyerTab()
            tab.set_risk_thresholds(self.rules.medium, self.rules.high)
            tab.lookup_requested.connect(self.lookup)
            tab.save_requested.connect(self.save)
            tab.list_requested.connect(self.set_list)
            tab.import_requested.connect(self.choose_import_file)
            tab.export_requested.connect(self.choose_export_file)
            if self.active_nick:
                self.lookup(self.active_nick)
        return self._tab

    def apply_settings(self, values: dict) -> None:
        self.rules = rules_from_settings(values, self._celebrity_list)
        if self._tab is not None:
            self._tab.set_risk_thresholds(self.rules.medium, self.rules.high)

    def _say_error(self, error: UserError) -> None:
        self.tab.show_error(error.translated(QCoreApplication.translate))

    # --- look-up -----------------------------------------------------------------------------------
    def assess(self, nick: str, record: BuyerRecord | None = None) -> Screening | None:
        """The buyer's screening now (None when the shop knows nothing about them)."""
        record = record or self._buyers.get(nick)
        facts = self._buyers.shop_facts(nick)
        if record is None and not facts.flagged_orders and not facts.list_status:
            return None
        profile = record.profile if record is not None else Profile(nick)
        return screen(profile, self.rules, facts, self._clock.now().date())

    def lookup(self, nick: str) -> Screening | None:
        try:
            nick = valid_nick(nick)
        except BuyerError as exc:
            self._say_error(exc)
            return None
        record = self._buyers.get(nick)
        screening = self.assess(nick, record)
        self.tab.show_record(nick, record, screening, self._buyers.list_history(nick))
        self.tab.clear_message()
        return screening

    def buyer_became_active(self, nick: str) -> None:
        """Screened and warned about whether or not the 买家 tab was ever opened; shown there if it was."""
        if not nick or nick == self.active_nick:
            return
        self.active_nick = nick
        self.active_buyer_changed.emit(nick)
        if self._tab is not None:
            screening = self.lookup(nick)
            record = self._tab.record
        else:
            try:
                record = self._buyers.get(valid_nick(nick))
            except BuyerError:
                return  # not a nick: nothing to screen (the tab says why when the agent looks it up)
            screening = self.assess(nick, record)
        if record is not None and record.listing is not None and record.listing.status == "black":
            self.warning.emit(
                self.tr("注意：黑名单买家"),
                self.tr("{0} 在本店黑名单（原因：{1}）。所有沟通请留在旺旺里。").format(
                    nick, record.listing.reason or "—"
                ),
            )
        elif screening is not None and screening.level == "high":
            self.warning.emit(
                self.tr("注意：高风险买家"),
                self.tr("{0} 风险分 {1}，请看「买家」页的原因。所有沟通请留在旺旺里。").format(nick, screening.score),
            )

    # --- changes ------------------------------------------------------------------------------
    def save(self, values: dict) -> Screening | None:
        try:
            profile = profile_from_mapping(values)
        except BuyerError as exc:
            self._say_error(exc)
            return None
        now = self._clock.now()
        agent = self._settings.get("agent_id")
        self._buyers.save_profile(profile, values.get("platform", ""), values.get("notes", ""), agent, now)
        self._buyers.set_tags(profile.nick, values.get("tags", []), now)
        screening = self.assess(profile.nick)
        if screening is not None:
            self._buyers.record_screening(screening, agent, now)
        self.lookup(profile.nick)
        self.tab.show_message(self.tr("已保存并筛查"))
        return screening

    def set_list(self, nick: str, status: str, reason: str) -> bool:
        try:
            nick = valid_nick(nick)
            if status != "none" and not reason.strip():
                raise BuyerError(MSG_NEEDS_LIST_REASON)
        except BuyerError as exc:
            self._say_error(exc)
            return False
        self._buyers.set_list(nick, status, reason.strip(), self._settings.get("agent_id"), self._clock.now())
        self.lookup(nick)
        done = {"black": self.tr("已拉黑"), "white": self.tr("已加入白名单"), "none": self.tr("已移出名单")}[status]
        self.tab.show_message(f"{done}: {nick}")
        return True

    # --- blacklist files ----------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.tab.window(), self.tr("导入黑名单"), "", self.tr("表格 (*.csv *.xlsx);;所有文件 (*)")
        )
        if name:
            self.import_file(Path(name), confirm=True)

    def import_file(self, path: Path, confirm: bool = False) -> bool:
        """A dry run first: the agent sees what would change, then it is merged in one transaction."""
        try:
            added, known = self._files.import_file(path, dry_run=True)
            if (
                confirm
                and QMessageBox.question(
                    self.tab.window(),
                    self.tr("导入黑名单"),
                    self.tr("将加入黑名单 {0} 人，{1} 人已在名单中。导入吗?").format(added, known),
                )
                != QMessageBox.StandardButton.Yes
            ):
                return False
            added, known = self._files.import_file(path)
        except UserError as exc:
            self._say_error(exc)
            return False
        if self.tab.nick():  # the buyer on screen may just have been listed
            self.lookup(self.tab.nick())
        self.tab.show_message(self.tr("已加入黑名单 {0} 人，已在名单中 {1} 人").format(added, known))
        return True

    def choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.tab.window(), self.tr("导出黑名单"), "blacklist.xlsx", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> int | None:
        try:
            count = self._files.export_file(path)
        except UserError as exc:
            self._say_error(exc)
            return None
        self.tab.show_message(self.tr("已导出 {0} 个黑名单买家到 {1}").format(count, path))
        return count
