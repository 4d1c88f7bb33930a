"""买家 tab: look a buyer up (by nick, or automatically from the active chat window), see the risk as a
gauge with every reason, blacklist or whitelist in one click, edit the profile, tags and notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.buyers import FREE_TAG, TAG_PRESETS, BuyerRecord
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.screening import Profile, Screening
from desktop_assistant.ui.score_gauge import ScoreGauge
from desktop_assistant.ui.widgets import MessageLabel, MessageLine, Retranslated, fill_with_scrolling

PLATFORMS = ("淘宝", "天猫", "京东", "拼多多", "抖店")
LEVEL_NAMES = {
    "high": QT_TRANSLATE_NOOP("BuyerTab", "高风险"),
    "medium": QT_TRANSLATE_NOOP("BuyerTab", "中风险"),
    "low": QT_TRANSLATE_NOOP("BuyerTab", "低风险"),
}
FIELD_LABELS = {
    "platform": QT_TRANSLATE_NOOP("BuyerTab", "平台"),
    "credit": QT_TRANSLATE_NOOP("BuyerTab", "信用（分或 3心/2钻）"),
    "positive_rate": QT_TRANSLATE_NOOP("BuyerTab", "好评率 %"),
    "registered_on": QT_TRANSLATE_NOOP("BuyerTab", "注册日期"),
    "orders_count": QT_TRANSLATE_NOOP("BuyerTab", "订单数"),
    "refund_count": QT_TRANSLATE_NOOP("BuyerTab", "退款数"),
    "orders_last_7d": QT_TRANSLATE_NOOP("BuyerTab", "近 7 天订单"),
    "bad_reviews_given": QT_TRANSLATE_NOOP("BuyerTab", "给出中差评"),
    "account_age_days": QT_TRANSLATE_NOOP("BuyerTab", "账龄（天）"),
    "receiver_name": QT_TRANSLATE_NOOP("BuyerTab", "收货人"),
    "address": QT_TRANSLATE_NOOP("BuyerTab", "收货地址"),
}
_INT_FIELDS = ("orders_count", "refund_count", "orders_last_7d", "bad_reviews_given", "account_age_days")


class BuyerTab(Retranslated, MessageLine):
    lookup_requested = Signal(str)  # nick
    save_requested = Signal(dict)  # the form as screening input (docs/cli.md names) plus platform, notes, tags
    list_requested = Signal(str, str, str)  # nick, "black" | "white" | "none", reason
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_lookup()
        self._build_listing()
        self._build_profile()
        self._build_tags()
        self._build_history()
        self._lay_out()
        self.record: BuyerRecord | None = None
        self.screening: Screening | None = None
        self._history_rows: list[tuple[str, str, str, dt.datetime]] = []
        self.retranslate()

    def _build_lookup(self) -> None:
        """The nick to look up and the risk: gauge, level, advice and every reason."""
        self.nick_edit = QLineEdit(self)
        self.nick_edit.setClearButtonEnabled(True)
        self.nick_edit.returnPressed.connect(lambda: self.lookup_requested.emit(self.nick_edit.text().strip()))
        self.lookup_button = QPushButton(self)
        self.lookup_button.clicked.connect(lambda: self.lookup_requested.emit(self.nick_edit.text().strip()))
        self.gauge = ScoreGauge(self)
        self.level_label = QLabel(self)
        self.level_label.setObjectName("riskLevel")
        self.advice_label = QLabel(self)
        self.advice_label.setWordWrap(True)
        self.reasons = QListWidget(self)
        self.reasons.setObjectName("riskReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setMaximumHeight(130)

    def _build_listing(self) -> None:
        """Black, white or neither, with a reason, in one click; the line that says what happened."""
        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        self.list_reason = QLineEdit(self)
        self.black_button = QPushButton(self)
        self.white_button = QPushButton(self)
        self.unlist_button = QPushButton(self)
        for button, status in (
            (self.black_button, "black"),
            (self.white_button, "white"),
            (self.unlist_button, "none"),
        ):
            button.clicked.connect(
                lambda _=False, status=status: self.list_requested.emit(
                    self.nick_edit.text().strip(), status, self.list_reason.text().strip()
                )
            )
        self.message = MessageLabel(self)
        self.message.setObjectName("buyerMessage")

    def _build_profile(self) -> None:
        """The profile form that screening reads."""
        self.profile_box = QGroupBox(self)
        self.platform = QComboBox(self.profile_box)
        self.platform.setEditable(True)
        self.platform.addItems(("",) + PLATFORMS)
        self.credit = QLineEdit(self.profile_box)
        self.positive_rate = QLineEdit(self.profile_box)
        self.registered_on = QLineEdit(self.profile_box)
        self.ints = {name: QLineEdit(self.profile_box) for name in _INT_FIELDS}
        self.receiver_name = QLineEdit(self.profile_box)
        self.address = QLineEdit(self.profile_box)
        self.off_platform = QCheckBox(self.profile_box)
        self.no_bargain = QCheckBox(self.profile_box)
        self.notes = QPlainTextEdit(self.profile_box)
        self.notes.setFixedHeight(54)
        self.save_button = QPushButton(self.profile_box)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.form_values()))
        self.form = QFormLayout(self.profile_box)
        self._labels: dict[str, QLabel] = {}
        for key, widget in (
            ("platform", self.platform),
            ("credit", self.credit),
            ("positive_rate", self.positive_rate),
            ("registered_on", self.registered_on),
            *self.ints.items(),
            ("receiver_name", self.receiver_name),
            ("address", self.address),
        ):
            self._labels[key] = QLabel(self.profile_box)
            self.form.addRow(self._labels[key], widget)
        self.form.addRow(self.off_platform)
        self.form.addRow(self.no_bargain)
        self.form.addRow(self.notes)
        self.form.addRow(self.save_button)

    def _build_tags(self) -> None:
        """Preset tags by category, and free ones."""
        self.tag_box = QGroupBox(self)
        tag_layout = QGridLayout(self.tag_box)
        self.tag_buttons: dict[tuple[str, str], QToolButton] = {}
        self._category_labels: dict[str, QLabel] = {}
        for row, (category, presets) in enumerate(TAG_PRESETS.items()):
            self._category_labels[category] = QLabel(self.tag_box)
            tag_layout.addWidget(self._category_labels[category], row, 0)
            for column, tag in enumerate(presets, start=1):
                button = QToolButton(self.tag_box)
                button.setText(tag)
                button.setCheckable(True)
                self.tag_buttons[(category, tag)] = button
                tag_layout.addWidget(button, row, column)
        self.free_tags = QLineEdit(self.tag_box)
        tag_layout.addWidget(self.free_tags, len(TAG_PRESETS), 0, 1, 5)

    def _build_history(self) -> None:
        """Who listed the buyer when and why, past receivers, the blacklist files."""
        self.history_box = QGroupBox(self)
        self.history = QListWidget(self.history_box)
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(120)
        self.receiver_list = QListWidget(self.history_box)
        self.receiver_list.setWordWrap(True)
        self.receiver_list.setMaximumHeight(80)
        self.receivers_label = QLabel(self.history_box)
        self.import_button = QPushButton(self.history_box)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(self.history_box)
        self.export_button.clicked.connect(self.export_requested)
        files_row = QHBoxLayout()
        files_row.addWidget(self.import_button)
        files_row.addWidget(self.export_button)
        files_row.addStretch(1)
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.receivers_label)
        history_layout.addWidget(self.receiver_list)
        history_layout.addLayout(files_row)

    def _lay_out(self) -> None:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        search_row = QHBoxLayout()
        search_row.addWidget(self.nick_edit, 1)
        search_row.addWidget(self.lookup_button)
        gauge_row = QHBoxLayout()
        gauge_row.addWidget(self.gauge)
        level_column = QVBoxLayout()
        level_column.addWidget(self.level_label)
        level_column.addWidget(self.advice_label, 1)
        gauge_row.addLayout(level_column, 1)
        list_row = QHBoxLayout()
        list_row.addWidget(self.black_button)
        list_row.addWidget(self.white_button)
        list_row.addWidget(self.unlist_button)
        layout.addLayout(search_row)
        layout.addLayout(gauge_row)
        layout.addWidget(self.reasons)
        layout.addWidget(self.list_label)
        layout.addWidget(self.list_reason)
        layout.addLayout(list_row)
        layout.addWidget(self.message)
        layout.addWidget(self.profile_box)
        layout.addWidget(self.tag_box)
        layout.addWidget(self.history_box)
        layout.addStretch(1)
        fill_with_scrolling(self, content)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("BuyerTab", "买家")

    def nick(self) -> str:
        """The buyer on screen (as typed, trimmed)."""
        return self.nick_edit.text().strip()

    def set_risk_thresholds(self, medium: int, high: int) -> None:
        self.gauge.set_thresholds(medium, high)

    # --- the form ------------------------------------------------------------------------------
    def form_values(self) -> dict:
        values: dict = {
            "nick": self.nick_edit.text(),
            "credit": self.credit.text().strip(),
            "positive_rate": self.positive_rate.text().strip(),
            "registered_on": self.registered_on.text().strip(),
            "receiver_name": self.receiver_name.text(),
            "address": self.address.text(),
            "off_platform_contact": self.off_platform.isChecked(),
            "no_bargain_many_items": self.no_bargain.isChecked(),
            "platform": self.platform.currentText().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        values.update({name: edit.text().strip() for name, edit in self.ints.items()})
        tags = [key for key, button in self.tag_buttons.items() if button.isChecked()]
        free = [t.strip() for t in self.free_tags.text().replace("，", ",").split(",") if t.strip()]
        values["tags"] = tags + [(FREE_TAG, t) for t in free]
        return values

    def show_record(
        self,
        nick: str,
        record: BuyerRecord | None,
        screening: Screening | None,
        list_history: list[tuple[str, str, str, dt.datetime]],
    ) -> None:
        self.nick_edit.setText(nick)
        self.record, self.screening, self._history_rows = record, screening, list_history
        profile = record.profile if record else Profile(nick)
        self.platform.setCurrentText(record.platform if record else "")
        self.credit.setText("" if profile.credit is None else str(profile.credit))
        self.positive_rate.setText("" if profile.positive_rate is None else f"{profile.positive_rate:g}")
        self.registered_on.setText(profile.registered_on.isoformat() if profile.registered_on else "")
        for name, edit in self.ints.items():
            value = getattr(profile, name)
            edit.setText("" if value is None else str(value))
        self.receiver_name.setText(profile.receiver_name)
        self.address.setText(profile.address)
        self.off_platform.setChecked(profile.off_platform_contact)
        self.no_bargain.setChecked(profile.no_bargain_many_items)
        self.notes.setPlainText(record.notes if record else "")
        tags = set(record.tags) if record else set()
        for key, button in self.tag_buttons.items():
            button.setChecked(key in tags)
        self.free_tags.setText(
            ", ".join(tag for category, tag in (record.tags if record else ()) if category == FREE_TAG)
        )
        self.list_reason.clear()
        self._show_screening()
        self._show_history()

    def _show_screening(self) -> None:
        self.reasons.clear()
        result = self.screening
        if result is None:
            self.gauge.set_score(None)
            self.level_label.setText(self.tr("还没有资料：填写后保存即可筛查"))
            self.advice_label.clear()
        else:
            self.gauge.set_score(result.score, result.level)
            self.level_label.setText(f"{self.tr(LEVEL_NAMES[result.level])} · {result.score}")
            self.advice_label.setText(QCoreApplication.translate("Screening", result.advice))
            for reason in result.reasons:
                detail = QCoreApplication.translate("Screening", reason.template).format(**reason.fields)
                self.reasons.addItem(f"+{reason.weight}  {detail}")
            for problem in result.problems:
                detail = QCoreApplication.translate("Screening", problem.template).format(**problem.fields)
                self.reasons.addItem(self.tr("数据有误，未计分：{0}").format(detail))
        listing = self.record.listing if self.record else None
        if listing is None:
            self.list_label.setText(self.tr("不在黑名单或白名单"))
            self.list_label.setStyleSheet("")
        else:
            name = self.tr("黑名单") if listing.status == "black" else self.tr("白名单")
            self.list_label.setText(
                self.tr("{0} · {1} · {2} · {3}").format(
                    name, listing.reason or "—", listing.added_by or "—", f"{listing.added_at:%Y-%m-%d %H:%M}"
                )
            )
            colour = "#c62828" if listing.status == "black" else "#2e7d32"
            self.list_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_history(self) -> None:
        self.history.clear()
        names = {"black": self.tr("拉黑"), "white": self.tr("加入白名单"), "none": self.tr("移出名单")}
        for status, reason, by, at in reversed(self._history_rows):
            self.history.addItem(f"{at:%Y-%m-%d %H:%M}  {names[status]}  {by}  {reason}")
        for record in self.record.screenings if self.record else ():
            self.history.addItem(
                self.tr("{0}  筛查 {1} 分 {2}  {3}").format(
                    f"{record.at:%Y-%m-%d %H:%M}",
                    record.score,
                    self.tr(LEVEL_NAMES.get(record.level, record.level)),
                    record.by,
                )
            )
        self.receiver_list.clear()
        for receiver in self.record.receivers if self.record else ():
            self.receiver_list.addItem(f"{receiver.name}  {receiver.address}")

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.nick_edit.setPlaceholderText(self.tr("买家昵称（回车查询）"))
        self.lookup_button.setText(self.tr("查询"))
        self.list_reason.setPlaceholderText(self.tr("拉黑或加白的原因（必填）"))
        self.black_button.setText(self.tr("拉黑"))
        self.white_button.setText(self.tr("加入白名单"))
        self.unlist_button.setText(self.tr("移出名单"))
        self.profile_box.setTitle(self.tr("档案"))
        for key, label in self._labels.items():
            label.setText(self.tr(FIELD_LABELS[key]))
        self.registered_on.setPlaceholderText("YYYY-MM-DD")
        self.off_platform.setText(self.tr("要求加微信/QQ/电话"))
        self.no_bargain.setText(self.tr("不议价、反复加单"))
        self.notes.setPlaceholderText(self.tr("备注"))
        self.save_button.setText(self.tr("保存并筛查"))
        self.tag_box.setTitle(self.tr("标签"))
        for category, label in self._category_labels.items():
            label.setText(QCoreApplication.translate("Buyers", category))
        self.free_tags.setPlaceholderText(self.tr("其他标签，逗号分隔"))
        self.history_box.setTitle(self.tr("历史"))
        self.receivers_label.setText(self.tr("用过的收货人和地址"))
        self.import_button.setText(self.tr("导入黑名单…"))
        self.export_button.setText(self.tr("导出黑名单…"))
        self._show_screening()
        self._show_history()
