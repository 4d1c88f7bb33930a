"""待办 tab: promises (overdue ones on top, in red, until ticked) and unpaid orders to chase (催付),
each with its phrase one click away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.promises import Promise, Status, UnpaidOrder, UrgeReminder
from desktop_assistant.ui.widgets import MessageLabel, MessageLine, Retranslated

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_COLOURS = {Status.OVERDUE: "#c62828", Status.DUE_SOON: "#ef6c00", Status.OPEN: "", Status.DONE: "#9e9e9e"}


def _minutes(delta: dt.timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def span(minutes: int) -> str:
    """45 分钟 / 3 小时 5 分 / 2 天 3 小时: what a glance needs, not a stopwatch."""
    if minutes < 60:
        return QCoreApplication.translate("AgendaTab", "{0} 分钟").format(minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return (
            QCoreApplication.translate("AgendaTab", "{0} 小时 {1} 分").format(hours, rest)
            if rest
            else QCoreApplication.translate("AgendaTab", "{0} 小时").format(hours)
        )
    return QCoreApplication.translate("AgendaTab", "{0} 天 {1} 小时").format(hours // 24, hours % 24)


class AgendaTab(Retranslated, MessageLine):
    new_promise_requested = Signal()
    promise_done = Signal(int)
    unpaid_added = Signal(str, str, int)  # order id, buyer, minutes since it was placed
    urge_requested = Signal(int)  # unpaid order id: insert its phrase into the IM window
    unpaid_closed = Signal(int, str)  # unpaid order id, "paid" | "cancelled"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_promises()
        self._build_unpaid()
        self._lay_out()
        self._promises: list[tuple[Promise, Status]] = []
        self._unpaid: list[tuple[UnpaidOrder, UrgeReminder | None]] = []
        self._now = dt.datetime.now()
        self.badge = 0  # shown in the tab title by the panel
        self.retranslate()

    def _build_promises(self) -> None:
        """Promises made to buyers, due soonest first; mark one kept."""
        self.promise_box = QGroupBox(self)
        self.promise_list = QListWidget(self.promise_box)
        self.promise_list.setObjectName("promiseList")
        self.promise_list.setWordWrap(True)
        self.new_promise_button = QPushButton(self.promise_box)
        self.new_promise_button.clicked.connect(self.new_promise_requested)
        self.done_button = QPushButton(self.promise_box)
        self.done_button.clicked.connect(self._done_clicked)
        promise_buttons = QHBoxLayout()
        promise_buttons.addWidget(self.new_promise_button)
        promise_buttons.addWidget(self.done_button)
        promise_buttons.addStretch(1)
        promise_layout = QVBoxLayout(self.promise_box)
        promise_layout.addWidget(self.promise_list)
        promise_layout.addLayout(promise_buttons)

    def _build_unpaid(self) -> None:
        """Orders placed but not paid: add one, send its 催付 phrase, close it as paid or cancelled."""
        self.unpaid_box = QGroupBox(self)
        self.unpaid_list = QListWidget(self.unpaid_box)
        self.unpaid_list.setObjectName("unpaidList")
        self.unpaid_list.setWordWrap(True)
        self.order_edit = QLineEdit(self.unpaid_box)
        self.buyer_edit = QLineEdit(self.unpaid_box)
        self.placed_minutes = QSpinBox(self.unpaid_box)
        self.placed_minutes.setRange(0, 24 * 60)
        self.add_unpaid_button = QPushButton(self.unpaid_box)
        self.add_unpaid_button.clicked.connect(self._add_unpaid_clicked)
        self.order_edit.returnPressed.connect(self._add_unpaid_clicked)
        self.urge_button = QPushButton(self.unpaid_box)
        self.urge_button.clicked.connect(lambda: self._with_selected_unpaid(self.urge_requested.emit))
        self.paid_button = QPushButton(self.unpaid_box)
        self.paid_button.clicked.connect(
            lambda: self._with_selected_unpaid(lambda i: self.unpaid_closed.emit(i, "paid"))
        )
        self.cancel_button = QPushButton(self.unpaid_box)
        self.cancel_button.clicked.connect(
            lambda: self._with_selected_unpaid(lambda i: self.unpaid_closed.emit(i, "cancelled"))
        )
        self.unpaid_list.itemDoubleClicked.connect(lambda item: self.urge_requested.emit(item.data(ID_ROLE)))
        add_row = QHBoxLayout()
        add_row.addWidget(self.order_edit, 2)
        add_row.addWidget(self.buyer_edit, 2)
        add_row.addWidget(self.placed_minutes, 1)
        add_row.addWidget(self.add_unpaid_button)
        unpaid_buttons = QHBoxLayout()
        unpaid_buttons.addWidget(self.urge_button)
        unpaid_buttons.addWidget(self.paid_button)
        unpaid_buttons.addWidget(self.cancel_button)
        unpaid_buttons.addStretch(1)
        unpaid_layout = QVBoxLayout(self.unpaid_box)
        unpaid_layout.addWidget(self.unpaid_list)
        unpaid_layout.addLayout(unpaid_buttons)
        unpaid_layout.addLayout(add_row)

    def _lay_out(self) -> None:
        self.message = MessageLabel(self)
        self.message.setObjectName("agendaMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.promise_box, 3)
        layout.addWidget(self.unpaid_box, 2)
        layout.addWidget(self.message)

    def tab_title(self) -> str:
        title = QCoreApplication.translate("AgendaTab", "待办")
        return f"{title} ({self.badge})" if self.badge else title

    # --- showing -------------------------------------------------------------------------------
    def show_promises(self, promises: list[tuple[Promise, Status]], now: dt.datetime) -> None:
        self._promises, self._now = promises, now
        selected = self.selected_promise()
        self.promise_list.clear()
        for promise, status in promises:
            item = QListWidgetItem(self._promise_text(promise, status, now))
            item.setData(ID_ROLE, promise.id)
            if STATUS_COLOURS[status]:
                item.setForeground(QBrush(QColor(STATUS_COLOURS[status])))
            if status is Status.OVERDUE:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.promise_list.addItem(item)
            if promise.id == selected:
                self.promise_list.setCurrentItem(item)

    def _promise_text(self, promise: Promise, status: Status, now: dt.datetime) -> str:
        if status is Status.OVERDUE:
            state = self.tr("已超时 {0}").format(span(_minutes(now - promise.due)))
        elif status is Status.DONE:
            state = self.tr("已完成 {0}").format(f"{promise.done_at:%H:%M}" if promise.done_at else "")
        else:
            state = self.tr("还有 {0}").format(span(_minutes(promise.due - now - dt.timedelta(seconds=1)) + 1))
        who = " · ".join(part for part in (promise.order_id, promise.buyer) if part)
        head = f"{promise.due:%m-%d %H:%M}  {state}"
        return f"{head}\n{promise.text}" + (f"\n{who}" if who else "")

    def show_unpaid(self, orders: list[tuple[UnpaidOrder, UrgeReminder | None]], now: dt.datetime) -> None:
        self._unpaid = orders
        selected = self.selected_unpaid()
        self.unpaid_list.clear()
        for order, upcoming in orders:
            placed = self.tr("{0} 下单，已 {1}").format(
                f"{order.placed_at:%H:%M}", span(_minutes(now - order.placed_at))
            )
            nxt = self.tr("下次提醒 {0}").format(f"{upcoming.at:%H:%M}") if upcoming else self.tr("提醒已发出")
            who = order.order_id + (f" · {order.buyer}" if order.buyer else "")
            item = QListWidgetItem(f"{who}\n{placed} · {nxt}")
            item.setData(ID_ROLE, order.id)
            self.unpaid_list.addItem(item)
            if order.id == selected:
                self.unpaid_list.setCurrentItem(item)

    # --- actions -------------------------------------------------------------------------------
    def selected_promise(self) -> int | None:
        item = self.promise_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def selected_unpaid(self) -> int | None:
        item = self.unpaid_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _done_clicked(self) -> None:
        promise_id = self.selected_promise()
        if promise_id is None:
            self.message.say(self.tr("先选中一条承诺"), error=True)
        else:
            self.promise_done.emit(promise_id)

    def _with_selected_unpaid(self, action) -> None:  # noqa: ANN001 - a one-argument callable
        unpaid_id = self.selected_unpaid()
        if unpaid_id is None:
            self.message.say(self.tr("先选中一个待付款订单"), error=True)
        else:
            action(unpaid_id)

    def _add_unpaid_clicked(self) -> None:
        self.unpaid_added.emit(self.order_edit.text(), self.buyer_edit.text(), self.placed_minutes.value())

    def clear_unpaid_form(self) -> None:
        self.order_edit.clear()
        self.buyer_edit.clear()
        self.placed_minutes.setValue(0)

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.promise_box.setTitle(self.tr("承诺（到期前提醒，超时的一直显示）"))
        self.new_promise_button.setText(self.tr("新承诺…"))
        self.done_button.setText(self.tr("完成"))
        self.unpaid_box.setTitle(self.tr("催付（未付款订单）"))
        self.order_edit.setPlaceholderText(self.tr("订单号"))
        self.buyer_edit.setPlaceholderText(self.tr("买家"))
        self.placed_minutes.setSuffix(self.tr(" 分钟前下单"))
        self.add_unpaid_button.setText(self.tr("加入"))
        self.urge_button.setText(self.tr("发催付话术"))
        self.paid_button.setText(self.tr("已付款"))
        self.cancel_button.setText(self.tr("不再催"))
        self.show_promises(self._promises, self._now)
        self.show_unpaid(self._unpaid, self._now)
