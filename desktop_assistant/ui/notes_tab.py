"""备注 tab: find orders, the current note with its colour, a new version with a reason, the history
as a timeline. Every save appends; nothing here can change or remove an earlier version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.notes import (
    FLAG_COLOURS,
    FLAG_NAMES,
    NoteRepository,
    NoteVersion,
    OrderNote,
    bytes_left,
    validated_change,
)
from desktop_assistant.domain.settings import SettingsAccess
from desktop_assistant.ui.widgets import MessageLabel, MessageLine, Retranslated

ORDER_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 120  # one query per pause in typing, not per keystroke


def flag_name(flag: int) -> str:
    return QCoreApplication.translate("Notes", FLAG_NAMES[flag])


def flag_icon(flag: int, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(FLAG_COLOURS[flag]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    painter.end()
    return QIcon(pixmap)


def one_line(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


class NotesTab(Retranslated, MessageLine):
    order_opened = Signal(str, str)  # order id, buyer: the order the agent is working on
    memo_requested = Signal()
    promise_requested = Signal(str, str)  # order id, buyer
    saved = Signal(object)  # NoteVersion

    def __init__(
        self, notes: NoteRepository, settings: SettingsAccess, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._notes = notes
        self._settings = settings
        self._clock = clock
        self.current: NoteVersion | None = None
        self._versions: list[NoteVersion] = []  # the open order's history, kept for re-translation
        self._meanings: dict[int, str] = {}
        self.apply_settings(settings.all())
        self._build_search()
        self._build_note_form()
        self._lay_out()
        self.retranslate()
        self._update_counter()
        self.refresh_results()

    def _build_search(self) -> None:
        """Find an order by id, buyer or text, optionally by flag; typing searches after a pause."""
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.flag_filter = QComboBox(self)
        self.results = QListWidget(self)
        self.results.setObjectName("noteResults")
        self.results.setMaximumHeight(110)
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(lambda item: self.open_order(item.data(ORDER_ROLE)))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_results)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_typed_order)
        self.flag_filter.currentIndexChanged.connect(lambda _index: self.refresh_results())

    def _build_note_form(self) -> None:
        """The open order's note: flag, text with its byte count, reason; save, memo, promise; its history."""
        self.order_edit = QLineEdit(self)
        self.order_edit.editingFinished.connect(self._order_edited)
        self.buyer_edit = QLineEdit(self)
        self.current_chip = QLabel(self)
        self.current_chip.setObjectName("currentNote")
        self.current_chip.setWordWrap(True)
        self.flag_group = QButtonGroup(self)
        self.flag_buttons: dict[int, QToolButton] = {}
        for flag in FLAG_NAMES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(flag_icon(flag, 14))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.flag_group.addButton(button, flag)
            self.flag_buttons[flag] = button
        self.flag_buttons[0].setChecked(True)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setFixedHeight(80)
        self.text_edit.textChanged.connect(self._update_counter)
        self.counter = QLabel(self)
        self.counter.setObjectName("byteCounter")
        self.reason_edit = QLineEdit(self)
        self.message = MessageLabel(self)
        self.message.setObjectName("noteMessage")
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.memo_button = QPushButton(self)
        self.memo_button.clicked.connect(self.memo_requested)
        self.promise_button = QPushButton(self)
        self.promise_button.clicked.connect(
            lambda: self.promise_requested.emit(self.order_edit.text().strip(), self.buyer_edit.text().strip())
        )
        self.history_label = QLabel(self)
        self.history = QListWidget(self)
        self.history.setObjectName("noteHistory")
        self.history.setWordWrap(True)

    def _lay_out(self) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.flag_filter)
        self.order_label = QLabel(self)
        self.buyer_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.order_label, self.order_edit)
        form.addRow(self.buyer_label, self.buyer_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.memo_button)
        buttons.addWidget(self.promise_button)
        buttons.addStretch(1)
        flags_row = QHBoxLayout()
        for button in self.flag_buttons.values():
            flags_row.addWidget(button)
        flags_row.addStretch(1)
        counter_row = QHBoxLayout()
        counter_row.addStretch(1)
        counter_row.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.results)
        layout.addLayout(form)
        layout.addWidget(self.current_chip)
        layout.addLayout(flags_row)
        layout.addWidget(self.text_edit)
        layout.addLayout(counter_row)
        layout.addWidget(self.reason_edit)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("NotesTab", "备注")

    def order_context(self) -> dict[str, str]:
        """The order open here and its buyer, as typed: {订单号} and {买家} for phrases."""
        return {"order_id": self.order_edit.text().strip(), "buyer": self.buyer_edit.text().strip()}

    # --- finding orders ------------------------------------------------------------------------
    def selected_flag_filter(self) -> int | None:
        value = self.flag_filter.currentData()
        return value if isinstance(value, int) and value >= 0 else None

    def refresh_results(self) -> None:
        self._search_timer.stop()
        found = self._notes.search(self.search_box.text(), self.selected_flag_filter())
        self.results.clear()
        for note in found:
            self.results.addItem(self._result_item(note))

    def _result_item(self, note: OrderNote) -> QListWidgetItem:
        current = note.current
        head = current.order_id + (f" · {current.buyer}" if current.buyer else "")
        versions = self.tr("{0} 版").format(note.versions)
        item = QListWidgetItem(flag_icon(current.flag), f"{head}   ({versions})\n{one_line(current.text) or '—'}")
        item.setData(ORDER_ROLE, current.order_id)
        return item

    def _open_typed_order(self) -> None:
        if self.results.count() == 1:
            self.open_order(self.results.item(0).data(ORDER_ROLE))
        else:
            self.refresh_results()

    def _order_edited(self) -> None:
        order_id = self.order_edit.text().strip()
        if order_id and (self.current is None or self.current.order_id != order_id):
            self.open_order(order_id)

    # --- one order -----------------------------------------------------------------------------
    def open_order(self, order_id: str, buyer: str = "") -> None:
        """Show the order's current note and history; a new order starts empty (grey, no text)."""
        self.current = self._notes.current(order_id)
        self.order_edit.setText(order_id)
        self.buyer_edit.setText(self.current.buyer if self.current and self.current.buyer else buyer)
        self.flag_buttons[self.current.flag if self.current else 0].setChecked(True)
        self.text_edit.setPlainText(self.current.text if self.current else "")
        self.reason_edit.clear()
        self.message.clear()
        self._versions = self._notes.history(order_id)
        self._show_current()
        self._show_history()
        self.order_opened.emit(order_id, self.buyer_edit.text().strip())

    def _meaning(self, flag: int) -> str:
        return self._meanings.get(flag, "")

    def apply_settings(self, values: dict) -> None:
        """The shop's meaning of each colour (kept here: re-translation must not query the database)."""
        self._meanings = {flag: values.get(f"notes.flag{flag}", "") for flag in FLAG_NAMES if flag}
        if hasattr(self, "flag_filter"):
            self.retranslate()

    def _show_current(self) -> None:
        if self.current is None:
            self.current_chip.setText(self.tr("新订单：还没有备注"))
            self.current_chip.setStyleSheet("")
            return
        flag = self.current.flag
        meaning = self._meaning(flag)
        self.current_chip.setText(
            self.tr("当前：{0} {1}  ·  {2} 工号 {3}").format(
                flag_name(flag), meaning, f"{self.current.at:%m-%d %H:%M}", self.current.agent_id
            )
        )
        self.current_chip.setStyleSheet(f"border-left: 6px solid {FLAG_COLOURS[flag]}; padding-left: 6px;")

    def _show_history(self) -> None:
        self.history.clear()
        versions = self._versions
        for number, version in reversed(list(enumerate(versions, start=1))):  # newest on top, like a timeline
            lines = [
                self.tr("第 {0} 版  {1}  工号 {2}  {3}").format(
                    number, f"{version.at:%Y-%m-%d %H:%M}", version.agent_id, flag_name(version.flag)
                )
            ]
            if version.reason:
                lines.append(self.tr("事由：{0}").format(version.reason))
            lines.append(version.text or "—")
            item = QListWidgetItem(flag_icon(version.flag), "\n".join(lines))
            self.history.addItem(item)
        self.history_label.setText(self.tr("历史（{0} 版，只增不改）").format(len(versions)))

    # --- writing -------------------------------------------------------------------------------
    def _update_counter(self) -> None:
        left = bytes_left(self.text_edit.toPlainText())
        self.counter.setText(
            self.tr("还可输入 {0} 字节").format(left) if left >= 0 else self.tr("超出 {0} 字节").format(-left)
        )
        self.counter.setStyleSheet("color: #c62828; font-weight: bold;" if left < 0 else "")
        self.save_button.setEnabled(left >= 0)

    def append_text(self, text: str) -> None:
        """The memo line goes on a line of its own below what is there."""
        existing = self.text_edit.toPlainText().rstrip()
        self.text_edit.setPlainText(f"{existing}\n{text}" if existing else text)

    def save(self) -> NoteVersion | None:
        order_id = self.order_edit.text().strip()
        current = self._notes.current(order_id) if order_id else None
        try:
            change = validated_change(
                order_id,
                self.flag_group.checkedId(),
                self.text_edit.toPlainText(),
                self.reason_edit.text(),
                self._settings.get("agent_id"),
                self.buyer_edit.text(),
                current=current,
            )
        except UserError as exc:
            self.message.say(exc.translated(QCoreApplication.translate), error=True)
            return None
        saved = self._notes.append(change, self._clock.now())
        self.open_order(saved.order_id)
        self.message.say(self.tr("已保存第 {0} 版").format(self.history.count()), error=False)
        self.refresh_results()
        self.saved.emit(saved)
        return saved

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("订单号 / 买家 / 备注内容"))
        selected = self.flag_filter.currentIndex()
        self.flag_filter.blockSignals(True)
        self.flag_filter.clear()
        self.flag_filter.addItem(self.tr("全部颜色"), -1)
        for flag in FLAG_NAMES:
            self.flag_filter.addItem(flag_icon(flag), flag_name(flag), flag)
        self.flag_filter.setCurrentIndex(max(selected, 0))
        self.flag_filter.blockSignals(False)
        for flag, button in self.flag_buttons.items():
            button.setText(flag_name(flag))
            meaning = self._meaning(flag)
            button.setToolTip(f"{flag} {flag_name(flag)}" + (f": {meaning}" if meaning else ""))
        self.order_label.setText(self.tr("订单号"))
        self.buyer_label.setText(self.tr("买家"))
        self.order_edit.setPlaceholderText(self.tr("输入订单号后回车"))
        self.text_edit.setPlaceholderText(self.tr("备注内容（平台备注最多 1000 字节）"))
        self.reason_edit.setPlaceholderText(self.tr("变动事由（修改已有备注时必填）"))
        self.save_button.setText(self.tr("保存备注"))
        self.memo_button.setText(self.tr("备注模板…"))
        self.promise_button.setText(self.tr("记承诺…"))
        self._update_counter()
        if self._versions or self.current is not None:
            self._show_current()
        self._show_history()
