"""核对 tab: paste the order's address, check the parsed fields (warnings inline), tick the checklist,
and send the confirmation message into the chat window or copy it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.checklist import WARNING_TEXT, OrderCheck, Template, values_from_address
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.ui.widgets import ERROR_STYLE, MessageLabel, MessageLine, Retranslated, fill_with_scrolling

ADDRESS_FIELDS = (
    ("name", QT_TRANSLATE_NOOP("CheckTab", "收货人")),
    ("phone", QT_TRANSLATE_NOOP("CheckTab", "手机")),
    ("phone_ext", QT_TRANSLATE_NOOP("CheckTab", "分机")),
    ("province", QT_TRANSLATE_NOOP("CheckTab", "省")),
    ("city", QT_TRANSLATE_NOOP("CheckTab", "市")),
    ("district", QT_TRANSLATE_NOOP("CheckTab", "区/县")),
    ("street", QT_TRANSLATE_NOOP("CheckTab", "街道/镇")),
    ("detail", QT_TRANSLATE_NOOP("CheckTab", "详细地址")),
    ("postcode", QT_TRANSLATE_NOOP("CheckTab", "邮编")),
)
ORDER_ROLE = Qt.ItemDataRole.UserRole


class CheckTab(Retranslated, MessageLine):
    parse_requested = Signal(str)
    order_requested = Signal(str)  # load (or start) this order's check
    template_changed = Signal(str)
    save_requested = Signal()
    message_requested = Signal()
    send_requested = Signal(str)
    copy_requested = Signal(str)
    edit_templates_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_order()
        self._build_checklist()
        self._build_confirmation()
        self._lay_out()
        self.template: Template | None = None
        self._warnings: list[str] = []
        self.retranslate()

    def _build_order(self) -> None:
        """The order, its buyer and the template; the buyer's address text pasted for parsing."""
        self.order_edit = QLineEdit(self)
        self.order_edit.returnPressed.connect(lambda: self.order_requested.emit(self.order_edit.text().strip()))
        self.buyer_edit = QLineEdit(self)
        self.template_box = QComboBox(self)
        self.template_box.currentTextChanged.connect(self.template_changed)
        self.edit_templates_button = QPushButton(self)
        self.edit_templates_button.clicked.connect(self.edit_templates_requested)
        self.paste_box = QPlainTextEdit(self)
        self.paste_box.setFixedHeight(64)
        self.parse_button = QPushButton(self)
        self.parse_button.clicked.connect(lambda: self.parse_requested.emit(self.paste_box.toPlainText()))

    def _build_checklist(self) -> None:
        """The parsed address with its warnings, cash on delivery, and the template's checklist items."""
        self.address_box = QGroupBox(self)
        self.fields = {key: QLineEdit(self.address_box) for key, _ in ADDRESS_FIELDS}
        self._field_labels = {key: QLabel(self.address_box) for key, _ in ADDRESS_FIELDS}
        form = QFormLayout(self.address_box)
        for key, _label in ADDRESS_FIELDS:
            form.addRow(self._field_labels[key], self.fields[key])
        self.warnings_label = QLabel(self)
        self.warnings_label.setObjectName("addressWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(ERROR_STYLE)
        self.cod_box = QCheckBox(self)
        self.cod_box.toggled.connect(lambda _checked: self._show_items())
        self.items_box = QGroupBox(self)
        self.items_layout = QGridLayout(self.items_box)
        self.ticks: dict[str, QCheckBox] = {}
        self.values: dict[str, QLineEdit] = {}

    def _build_confirmation(self) -> None:
        """The confirmation message (masked or not) to render, send or copy; the orders not yet complete."""
        self.mask_box = QCheckBox(self)
        self.mask_box.setChecked(True)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_requested)
        self.message_button = QPushButton(self)
        self.message_button.clicked.connect(self.message_requested)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("confirmationMessage")
        self.preview.setFixedHeight(130)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(lambda: self.send_requested.emit(self.preview.toPlainText()))
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.preview.toPlainText()))
        self.message = MessageLabel(self)
        self.incomplete_label = QLabel(self)
        self.incomplete = QListWidget(self)
        self.incomplete.setMaximumHeight(110)
        self.incomplete.itemClicked.connect(lambda item: self.order_requested.emit(item.data(ORDER_ROLE)))

    def _lay_out(self) -> None:
        content = QWidget(self)
        layout = QVBoxLayout(content)
        top = QGridLayout()
        self.order_label, self.buyer_label = QLabel(self), QLabel(self)
        top.addWidget(self.order_label, 0, 0)
        top.addWidget(self.order_edit, 0, 1)
        top.addWidget(self.buyer_label, 1, 0)
        top.addWidget(self.buyer_edit, 1, 1)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_box, 1)
        template_row.addWidget(self.edit_templates_button)
        parse_row = QHBoxLayout()
        parse_row.addStretch(1)
        parse_row.addWidget(self.parse_button)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.message_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.mask_box)
        send_row = QHBoxLayout()
        send_row.addWidget(self.send_button)
        send_row.addWidget(self.copy_button)
        send_row.addStretch(1)
        for part in (top, template_row):
            layout.addLayout(part)
        layout.addWidget(self.paste_box)
        layout.addLayout(parse_row)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.address_box)
        layout.addWidget(self.cod_box)
        layout.addWidget(self.items_box)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)
        layout.addLayout(send_row)
        layout.addWidget(self.message)
        layout.addWidget(self.incomplete_label)
        layout.addWidget(self.incomplete)
        layout.addStretch(1)
        fill_with_scrolling(self, content)

    @staticmethod
    def tab_title() -> str:
        return QCoreApplication.translate("CheckTab", "核对")

    # --- showing -------------------------------------------------------------------------------
    def order_id(self) -> str:
        return self.order_edit.text().strip()

    def buyer(self) -> str:
        return self.buyer_edit.text().strip()

    def set_buyer(self, nick: str) -> None:
        self.buyer_edit.setText(nick)

    def template_name(self) -> str:
        return self.template_box.currentText()

    def masked(self) -> bool:
        """Whether the confirmation message hides the phone number and part of the address."""
        return self.mask_box.isChecked()

    def show_confirmation(self, text: str) -> None:
        self.preview.setPlainText(text)

    def set_templates(self, names: list[str], current: str) -> None:
        self.template_box.blockSignals(True)
        self.template_box.clear()
        self.template_box.addItems(names)
        self.template_box.setCurrentText(current)
        self.template_box.blockSignals(False)

    def show_template(self, template: Template, ticks: dict[str, bool], values: dict[str, str]) -> None:
        self.template = template
        while self.items_layout.count():
            widget = self.items_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.ticks, self.values = {}, {}
        for row, item in enumerate(template.items):
            tick = QCheckBox(item.label, self.items_box)
            tick.setChecked(ticks.get(item.label, False))
            value = QLineEdit(values.get(item.label, ""), self.items_box)
            self.items_layout.addWidget(tick, row, 0)
            self.items_layout.addWidget(value, row, 1)
            self.ticks[item.label], self.values[item.label] = tick, value
        self._show_items()

    def _show_items(self) -> None:
        if self.template is None:
            return
        cod = self.cod_box.isChecked()
        for item in self.template.items:
            visible = cod or not item.cod_only
            self.ticks[item.label].setVisible(visible)
            self.values[item.label].setVisible(visible)

    def show_address(self, address: dict[str, str], warnings: list[str]) -> None:
        for key, edit in self.fields.items():
            edit.setText(address.get(key, ""))
        self._warnings = list(warnings)
        self._show_warnings()
        for label, value in values_from_address(address, masked=False).items():
            if label in self.values and value:
                self.values[label].setText(value)

    def _show_warnings(self) -> None:
        texts = [QCoreApplication.translate("Checklist", WARNING_TEXT[w]) for w in self._warnings if w in WARNING_TEXT]
        self.warnings_label.setText("\n".join(f"⚠ {t}" for t in texts))

    def address(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.fields.items()}

    def fill_check(self, check: OrderCheck) -> None:
        """The form into `check` (what is saved)."""
        check.buyer = self.buyer_edit.text().strip()
        check.template = self.template_box.currentText()
        check.cod = self.cod_box.isChecked()
        check.address = self.address()
        check.ticks = {label: box.isChecked() for label, box in self.ticks.items()}
        check.values = {label: edit.text().strip() for label, edit in self.values.items() if edit.text().strip()}

    def show_check(self, check: OrderCheck, template: Template) -> None:
        self.order_edit.setText(check.order_id)
        self.buyer_edit.setText(check.buyer)
        self.cod_box.setChecked(check.cod)
        self.template_box.blockSignals(True)
        self.template_box.setCurrentText(template.name)
        self.template_box.blockSignals(False)
        self.show_template(template, check.ticks, check.values)
        for key, edit in self.fields.items():
            edit.setText(check.address.get(key, ""))
        self._warnings = []
        self._show_warnings()
        self.preview.clear()

    def show_incomplete(self, checks: list[tuple[OrderCheck, list[str]]]) -> None:
        self.incomplete.clear()
        for check, missing in checks:
            who = check.order_id + (f" · {check.buyer}" if check.buyer else "")
            item = QListWidgetItem(
                self.tr("{0}\n还差：{1}").format(who, "、".join(missing[:4]) + ("…" if len(missing) > 4 else ""))
            )
            item.setData(ORDER_ROLE, check.order_id)
            self.incomplete.addItem(item)
        self.incomplete_label.setText(self.tr("未完成的核对（{0}）").format(len(checks)))

    # --- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.order_label.setText(self.tr("订单号"))
        self.buyer_label.setText(self.tr("买家"))
        self.edit_templates_button.setText(self.tr("编辑模板…"))
        self.paste_box.setPlaceholderText(self.tr("粘贴订单里的收货信息（姓名、电话、地址，任意顺序）"))
        self.parse_button.setText(self.tr("解析地址"))
        self.address_box.setTitle(self.tr("收货信息（可修改）"))
        for key, label in ADDRESS_FIELDS:
            self._field_labels[key].setText(self.tr(label))
        self.cod_box.setText(self.tr("货到付款订单"))
        self.items_box.setTitle(self.tr("核对清单"))
        self.mask_box.setText(self.tr("手机号打码"))
        self.save_button.setText(self.tr("保存"))
        self.message_button.setText(self.tr("生成核对话术"))
        self.send_button.setText(self.tr("发送到聊天窗口"))
        self.copy_button.setText(self.tr("复制"))
        self._show_warnings()
