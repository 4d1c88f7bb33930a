"""统计 tab: the KPI table (all agents, then each) and three charts drawn with QtCharts: response-time
histogram, rounds per hour, 3-minute rate per day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.kpi import DEFAULT_HOURS, KEYS, iter_rows
from desktop_assistant.domain.stats import Stats
from desktop_assistant.ui.widgets import MessageLabel, MessageLine, Retranslated, fill_with_scrolling

if TYPE_CHECKING:  # QtCharts itself is imported with the first charts: nobody pays for it before
    from PySide6.QtCharts import QChart, QChartView

HEADINGS = (
    QT_TRANSLATE_NOOP("StatsTab", "客服"),
    QT_TRANSLATE_NOOP("StatsTab", "轮次"),
    QT_TRANSLATE_NOOP("StatsTab", "已回复"),
    QT_TRANSLATE_NOOP("StatsTab", "买家"),
    QT_TRANSLATE_NOOP("StatsTab", "平均响应（秒）"),
    QT_TRANSLATE_NOOP("StatsTab", "平均首响（秒）"),
    QT_TRANSLATE_NOOP("StatsTab", "30秒回复率"),
    QT_TRANSLATE_NOOP("StatsTab", "60秒回复率"),
    QT_TRANSLATE_NOOP("StatsTab", "3分钟回复率"),
    QT_TRANSLATE_NOOP("StatsTab", "答问比"),
)
RATE_KEYS = {"within_30s_rate", "within_60s_rate", "within_3min_rate"}
CHART_HEIGHT = 190
BAR_COLOUR, LINE_COLOUR = "#1565c0", "#2e7d32"


def heading(text: str) -> str:
    return QCoreApplication.translate("StatsTab", text)


def shown(key: str, value: object) -> str:
    """Rates as percentages, like the platform's back office; the rest as computed."""
    return f"{float(value) * 100:.1f}%" if key in RATE_KEYS else str(value)


def table_rows(figures: dict) -> list[list[str]]:
    """The table as shown and exported: the rows of `kpi` (全部, then each agent) in the UI's words."""
    names = {
        "全部": QCoreApplication.translate("StatsTab", "全部"),
        "（未分配）": QCoreApplication.translate("StatsTab", "（未分配）"),
    }
    return [
        [names.get(name, name)] + [shown(key, value) for key, value in zip(KEYS, values, strict=True)]
        for name, *values in iter_rows(figures)
    ]


def _chart(title: str) -> tuple[QChart, QChartView]:
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # redrawn on every refresh
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    return chart, view


class StatsTab(Retranslated, MessageLine):
    refresh_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox(self)
        self.period.addItem("", 1)
        self.period.addItem("", 7)
        self.period.currentIndexChanged.connect(self.refresh_requested)
        self.agent = QComboBox(self)
        self.agent.addItem("", None)
        self.agent.currentIndexChanged.connect(self.refresh_requested)
        self.source = QComboBox(self)  # rounds started by one reader (docs/reading.md), or all
        for data in (None, "ui_tree", "sight", "manual"):
            self.source.addItem("", data)
        self.source.currentIndexChanged.connect(self.refresh_requested)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_requested)
        controls = QHBoxLayout()
        for widget in (self.period, self.agent, self.source, self.refresh_button, self.export_button):
            controls.addWidget(widget)

        self.table = QTableWidget(0, len(HEADINGS), self)
        self.table.setObjectName("kpiTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = MessageLabel(self)
        # The charts cost about 20 MB once built: made on the first figures, i.e. when the tab is first looked at.
        self.histogram_chart: QChart | None = None
        self.hourly_chart: QChart | None = None
        self.daily_chart: QChart | None = None

        content = QWidget()
        self._layout = QVBoxLayout(content)
        self._layout.addLayout(controls)
        self._layout.addWidget(self.table)
        self._layout.addWidget(self.message)
        self._layout.addStretch(1)
        fill_with_scrolling(self, content)
        self.retranslate()

    def _ensure_charts(self) -> tuple[QChart, QChart, QChart]:
        if self.histogram_chart is None or self.hourly_chart is None or self.daily_chart is None:
            charts = []
            for position in range(3):
                chart, view = _chart("")
                self._layout.insertWidget(2 + position, view)
                charts.append(chart)
            self.histogram_chart, self.hourly_chart, self.daily_chart = charts
            self._title_charts()
        return self.histogram_chart, self.hourly_chart, self.daily_chart

    def tab_title(self) -> str:
        return self.tr("统计")

    def days(self) -> int:
        return int(self.period.currentData())

    def chosen_agent(self) -> str | None:
        return self.agent.currentData()

    def chosen_source(self) -> str | None:
        return self.source.currentData()

    def set_agents(self, names: Sequence[str]) -> None:
        """Keep the agent choice when the list is rebuilt (signals held: this is not a new choice)."""
        chosen = self.chosen_agent()
        self.agent.blockSignals(True)
        while self.agent.count() > 1:
            self.agent.removeItem(1)
        for name in names:
            self.agent.addItem(name or self.tr("（未分配）"), name)
        self.agent.setCurrentIndex(max(0, self.agent.findData(chosen)) if chosen is not None else 0)
        self.agent.blockSignals(False)

    def show_stats(self, stats: Stats) -> None:
        rows = table_rows(stats.figures)
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        # As tall as its rows (up to eight agents), so the charts start right below the figures.
        shown_rows = min(len(rows), 8)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + 2 * self.table.frameWidth()
            + sum(self.table.rowHeight(r) for r in range(shown_rows))
            + 2
        )
        histogram_chart, hourly_chart, daily_chart = self._ensure_charts()
        labels = [QCoreApplication.translate("StatsTab", label) for label, _n in stats.histogram]  # 未回复; ≤10s as is
        self._bars(histogram_chart, labels, [n for _label, n in stats.histogram])
        # Only service hours hold counted rounds: 15 bars read better than 24 in a narrow panel.
        first, last = DEFAULT_HOURS[0].hour, DEFAULT_HOURS[1].hour
        hours = (
            range(first, last) if not any(stats.rounds_per_hour[:first] + stats.rounds_per_hour[last:]) else range(24)
        )
        self._bars(hourly_chart, [str(hour) for hour in hours], [stats.rounds_per_hour[h] for h in hours])
        self._daily_line(daily_chart, stats)

    @staticmethod
    def _bars(chart: QChart, labels: list[str], counts: Sequence[int]) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("")
        bars.setColor(QColor(BAR_COLOUR))
        bars.append([float(n) for n in counts])
        series = QBarSeries()
        series.append(bars)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        if len(labels) > 12:  # hours in a 380 px panel
            small = x_axis.labelsFont()
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
            x_axis.setLabelsFont(small)
        y_axis = QValueAxis()
        y_axis.setRange(0, max(max(counts, default=0), 4))
        y_axis.applyNiceNumbers()  # whole, even steps rather than 5.5, 11, 16.5
        y_axis.setLabelFormat("%d")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    @staticmethod
    def _daily_line(chart: QChart, stats: Stats) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QLineSeries, QValueAxis

        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QLineSeries()
        series.setColor(QColor(LINE_COLOUR))
        series.setPointsVisible(True)
        for index, (_day, rate, _count) in enumerate(stats.within_3min_by_day):
            series.append(index, rate * 100)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append([day.strftime("%m-%d") for day, _rate, _count in stats.within_3min_by_day])
        y_axis = QValueAxis()
        y_axis.setRange(0, 100)
        y_axis.setLabelFormat("%d%%")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)

    def retranslate(self) -> None:
        self.period.setItemText(0, self.tr("今天"))
        self.period.setItemText(1, self.tr("近 7 天"))
        self.agent.setItemText(0, self.tr("全部客服"))
        for index, text in enumerate(
            (self.tr("全部来源"), self.tr("界面元素读取"), self.tr("屏幕识别读取"), self.tr("手动"))
        ):
            self.source.setItemText(index, text)
        self.source.setToolTip(self.tr("只统计由这种方式发现买家消息的轮次"))
        self.refresh_button.setText(self.tr("刷新"))
        self.export_button.setText(self.tr("导出…"))
        self.table.setHorizontalHeaderLabels([heading(text) for text in HEADINGS])
        self._title_charts()

    def _title_charts(self) -> None:
        if self.histogram_chart is not None and self.hourly_chart is not None and self.daily_chart is not None:
            self.histogram_chart.setTitle(self.tr("响应时间分布（轮次）"))
            self.hourly_chart.setTitle(self.tr("每小时轮次"))
            self.daily_chart.setTitle(self.tr("每天 3 分钟回复率"))
