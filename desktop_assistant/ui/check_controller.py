"""Wires order checks to the panel: parse, fill, tick, save per order (resumable), render the
confirmation message and send it through the insertion pipeline; templates edited in a dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.checklist import (
    PRESALE,
    ChecklistRepository,
    OrderCheck,
    Template,
    parse_template,
    render_message,
    template_items_text,
)
from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.notes import parse_order_id
from desktop_assistant.ui.check_tab import CheckTab
from desktop_assistant.ui.on_demand import OnDemand
from desktop_assistant.ui.widgets import ERROR_STYLE

AddressParser = Callable[[str], dict]  # text -> ParsedAddress.as_json()
Sender = Callable[[list[str]], None]  # texts -> the chat window the agent was in


class CheckController(QObject, OnDemand):
    def __init__(
        self,
        checks: ChecklistRepository,
        clock: Clock,
        parse: AddressParser,
        send: Sender,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._checks = checks
        self._clock = clock
        self._parse = parse
        self._send = send
        self.tab = tab = CheckTab()
        self.check = OrderCheck("")
        self._rendered = ""  # the last message made from the form; a hand-edited preview is sent as edited
        tab.parse_requested.connect(self.parse)
        tab.order_requested.connect(self.open_order)
        tab.template_changed.connect(self.use_template)
        tab.save_requested.connect(self.save)
        tab.message_requested.connect(self.render)
        tab.send_requested.connect(self.send)
        tab.copy_requested.connect(self.copy)
        tab.edit_templates_requested.connect(self.edit_template)
        self._templates: dict[str, Template] = {}
        self._reload_templates(PRESALE)
        self.refresh_incomplete()

    def _reload_templates(self, current: str) -> None:
        self._templates = {t.name: t for t in self._checks.templates()}
        self.tab.set_templates(list(self._templates), current)
        self.tab.show_template(self._templates[current], self.check.ticks, self.check.values)

    def template(self) -> Template:
        return self._templates.get(self.tab.template_name()) or self._templates[PRESALE]

    # --- orders --------------------------------------------------------------------------------
    def use_buyer(self, nick: str) -> None:
        """The buyer of the chat in front, for a check that has none yet."""
        if nick and not self.tab.buyer():
            self.tab.set_buyer(nick)

    def use_order(self, order_id: str, buyer: str) -> None:
        """The order opened elsewhere (备注) becomes this tab's order unless one is being checked."""
        if not self.tab.order_id() and order_id:
            self.open_order(order_id)
            if buyer and not self.tab.buyer():
                self.tab.set_buyer(buyer)

    def open_order(self, order_id: str) -> bool:
        try:
            order_id = parse_order_id(order_id)
        except UserError as exc:
            self.tab.show_error(exc.translated(QCoreApplication.translate))
            return False
        self.check = self._checks.get(order_id) or OrderCheck(order_id, self.template().name)
        template = self._templates.get(self.check.template) or self.template()
        self.tab.show_check(self.check, template)
        self.tab.clear_message()
        return True

    def use_template(self, name: str) -> None:
        self.tab.fill_check(self.check)
        self.tab.show_template(self._templates[name], self.check.ticks, self.check.values)

    def parse(self, text: str) -> dict:
        result = self._parse(text)
        self.tab.show_address(result, result["warnings"])
        return result

    def save(self) -> bool:
        if not self.check.order_id and not self.open_order(self.tab.order_id()):
            return False
        order_id = self.tab.order_id()
        if order_id != self.check.order_id:
            try:
                self.check.order_id = parse_order_id(order_id)
            except UserError as exc:
                self.tab.show_error(exc.translated(QCoreApplication.translate))
                return False
        self.tab.fill_check(self.check)
        complete = self.check.complete(self.template())
        self._checks.save(self.check, complete, self._clock.now())
        missing = self.check.missing(self.template())
        self.tab.show_message(
            self.tr("已保存，核对完成") if complete else self.tr("已保存，还差：{0}").format("、".join(missing))
        )
        self.refresh_incomplete()
        return True

    def refresh_incomplete(self) -> None:
        rows = []
        for check in self._checks.incomplete():
            template = self._templates.get(check.template)
            rows.append((check, check.missing(template) if template else []))
        self.tab.show_incomplete(rows)

    # --- the message ---------------------------------------------------------------------------
    def render(self) -> str:
        self.tab.fill_check(self.check)
        self.check.order_id = self.tab.order_id()
        text = render_message(self.template(), self.check, masked=self.tab.masked())
        self.tab.show_confirmation(text)
        self._rendered = text
        return text

    def send(self, text: str) -> None:
        """One click: the message made from the form as it is now, unless the agent edited the preview."""
        if not text.strip() or text == self._rendered:
            text = self.render()
        self._send([text])
        self.tab.show_message(self.tr("核对话术已发送到聊天窗口"))

    def copy(self, text: str) -> None:
        if not text.strip() or text == self._rendered:
            text = self.render()
        QGuiApplication.clipboard().setText(text)
        self.tab.show_message(self.tr("已复制"))

    # --- templates -----------------------------------------------------------------------------
    def edit_template(self) -> TemplateDialog:
        dialog = TemplateDialog(self.template(), self.tab.window())
        dialog.saved.connect(self._template_saved)
        dialog.open()
        return dialog

    def _template_saved(self, edited: Template) -> None:
        self._checks.save_template(edited)
        self.tab.fill_check(self.check)
        self._reload_templates(edited.name)


class TemplateDialog(QDialog):
    """A checklist template's name, items and message; a template the parser refuses is not saved."""

    saved = Signal(object)  # Template

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑核对模板"))
        self.name = QLineEdit(template.name, self)
        self.items = QPlainTextEdit(template_items_text(template), self)
        self.message = QPlainTextEdit(template.message, self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("清单项（一行一项，末尾 * 表示仅货到付款）"), self.items)
        form.addRow(self.tr("核对话术（清单项目名加大括号即被填入）"), self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            edited = parse_template(self.name.text(), self.items.toPlainText(), self.message.toPlainText())
        except UserError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            return
        self.saved.emit(edited)
        self.accept()
