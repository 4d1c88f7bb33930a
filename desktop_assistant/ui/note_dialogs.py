"""The memo-line builder and the new-promise dialog, both opened from the 备注 and 待办 tabs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.notes import build_memo
from desktop_assistant.domain.promises import NewPromise, validated_promise
from desktop_assistant.ui.widgets import ERROR_STYLE


class MemoDialog(QDialog):
    """【客服】小王 11-23 14:05 【改】… 【赠】… 【发】… 【因】…, copied for the platform's memo field."""

    use_in_note = Signal(str)

    def __init__(self, agent_name: str, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("备注模板"))
        self._agent = agent_name
        self._clock = clock
        self.changed_edit, self.gift_edit, self.ship_edit, self.reason_edit = (QLineEdit(self) for _ in range(4))
        form = QFormLayout()
        for label, edit, hint in (
            (self.tr("改"), self.changed_edit, self.tr("改了什么：地址、规格…")),
            (self.tr("赠"), self.gift_edit, self.tr("赠品")),
            (self.tr("发"), self.ship_edit, self.tr("快递 / 发货时间")),
            (self.tr("因"), self.reason_edit, self.tr("原因")),
        ):
            edit.setPlaceholderText(hint)
            edit.textChanged.connect(self._update_preview)
            form.addRow(label, edit)
        self.preview = QLabel(self)
        self.preview.setObjectName("memoPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("复制"), self)
        self.copy_button.clicked.connect(self.copy)
        self.use_button = QPushButton(self.tr("填入备注"), self)
        self.use_button.clicked.connect(self._use)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        self._update_preview()

    def line(self) -> str:
        return build_memo(
            self._agent,
            self._clock.now(),
            self.changed_edit.text(),
            self.gift_edit.text(),
            self.ship_edit.text(),
            self.reason_edit.text(),
        )

    def _update_preview(self) -> None:
        self.preview.setText(self.line())

    def copy(self) -> str:
        line = self.line()
        QGuiApplication.clipboard().setText(line)
        self.copy_button.setText(self.tr("已复制"))
        return line

    def _use(self) -> None:
        self.use_in_note.emit(self.line())
        self.accept()


class PromiseDialog(QDialog):
    """A promise: what, for which order and buyer, due when (quick choices for the usual ones)."""

    def __init__(self, clock: Clock, order_id: str = "", buyer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("记承诺"))
        self._clock = clock
        self.result_promise: NewPromise | None = None
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("例如：明天下午发顺丰，送袜子一双"))
        self.order_edit = QLineEdit(order_id, self)
        self.buyer_edit = QLineEdit(buyer, self)
        self.due_edit = QDateTimeEdit(self)
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due_edit.setCalendarPopup(True)
        self.set_due(clock.now() + dt.timedelta(hours=2))
        quick = QHBoxLayout()
        for label, due in (
            (self.tr("30 分钟"), lambda now: now + dt.timedelta(minutes=30)),
            (self.tr("2 小时"), lambda now: now + dt.timedelta(hours=2)),
            (self.tr("今天 18:00"), lambda now: now.replace(hour=18, minute=0, second=0)),
            (self.tr("明天 10:00"), lambda now: (now + dt.timedelta(days=1)).replace(hour=10, minute=0, second=0)),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, due=due: self.set_due(due(self._clock.now())))
            quick.addWidget(button)
        self.error = QLabel(self)
        self.error.setObjectName("promiseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("承诺"), self.text_edit)
        form.addRow(self.tr("订单号"), self.order_edit)
        form.addRow(self.tr("买家"), self.buyer_edit)
        form.addRow(self.tr("到期"), self.due_edit)
        form.addRow("", quick)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def set_due(self, due: dt.datetime) -> None:
        self.due_edit.setDateTime(QDateTime(due.replace(second=0, microsecond=0)))

    def due(self) -> dt.datetime:
        return self.due_edit.dateTime().toPython()

    def _check(self) -> None:
        try:
            self.result_promise = validated_promise(
                self.text_edit.text(), self.due(), self.order_edit.text(), self.buyer_edit.text(), self._clock.now()
            )
        except UserError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        self.accept()
