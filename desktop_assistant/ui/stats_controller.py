"""The 统计 tab's behaviour: figures from the recorded events whenever the tab is shown or asked, and
the table exported to XLSX or CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.conversations import of_source
from desktop_assistant.domain.kpi import KEYS
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.questions import ConversationRepository
from desktop_assistant.domain.stats import CHAT_LOG_HEADER, Period, Stats, chat_log_rows, stats_for
from desktop_assistant.domain.tables import csv_bytes, xlsx_bytes
from desktop_assistant.ui.on_demand import OnDemand
from desktop_assistant.ui.stats_tab import HEADINGS, StatsTab, heading, table_rows


class StatsController(QObject, OnDemand):
    def __init__(
        self,
        repository: ConversationRepository,
        clock: Clock,
        write_file: Callable[[Path, bytes], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._clock = clock
        self._write_file = write_file  # raises UserError for the agent
        self.tab = tab = StatsTab()
        self.stats: Stats | None = None
        tab.refresh_requested.connect(self.refresh)
        tab.export_requested.connect(self.choose_export_file)
        self.tab.installEventFilter(self)  # figures are computed when the tab is looked at, not every second

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tab and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    def refresh(self) -> Stats:
        now = self._clock.now()
        period = Period.ending_today(now, self.tab.days())
        events = of_source(self._repository.events_between(period.start, period.end), self.tab.chosen_source())
        agent = self.tab.chosen_agent()
        stats = stats_for(events, period, agent)  # the table lists every agent whichever is chosen
        if agent is not None and agent not in stats.figures["agents"]:  # not on duty in this period
            agent, stats = None, stats_for(events, period)
        self.tab.set_agents(list(stats.figures["agents"]))
        self.stats = stats
        self.tab.show_stats(stats)
        self.tab.show_message(
            self.tr("{0} 轮，更新于 {1}").format(self.stats.figures["rounds"], now.strftime("%H:%M:%S"))
        )
        return self.stats

    def choose_export_file(self) -> None:
        log_filter = self.tr("聊天记录，供 kpi 命令复算 (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self.tab.window(), self.tr("导出统计"), "kpi.xlsx", f"Excel (*.xlsx);;CSV (*.csv);;{log_filter}"
        )
        if name and chosen == log_filter:
            self.export_log(Path(name))
        elif name:
            self.export_to(Path(name))

    def export_log(self, path: Path) -> bool:
        """The period's recorded events as a chat log (docs/cli.md): `kpi` on it gives the figures shown here."""
        period = Period.ending_today(self._clock.now(), self.tab.days())
        events = of_source(self._repository.events_between(period.start, period.end), self.tab.chosen_source())
        rows = chat_log_rows(events)
        return self._write(path, csv_bytes(CHAT_LOG_HEADER, rows), len(rows))

    def _write(self, path: Path, data: bytes, count: int) -> bool:
        try:
            self._write_file(path, data)
        except UserError as exc:
            self.tab.show_error(exc.translated(QCoreApplication.translate))
            return False
        self.tab.show_message(self.tr("已导出 {0} 行到 {1}").format(count, path))
        return True

    def export_to(self, path: Path) -> bool:
        """The table as shown (XLSX unless the name ends in .csv); the line under it says how it went."""
        if self.stats is None:
            self.refresh()
        assert self.stats is not None
        header = [heading(text) for text in HEADINGS]
        rows = table_rows(self.stats.figures)
        data = (
            csv_bytes(header, rows)
            if path.suffix.lower() == ".csv"
            else xlsx_bytes(self.tr("统计"), header, rows, widths=[14] + [12] * len(KEYS))
        )
        return self._write(path, data, len(rows))
