"""Phrase editor: placeholder buttons, live preview, unknown placeholders marked, hotkey capture, and the
outgoing-text guard's hits marked inline (docs/guard.md): contact and 返现 ask before saving, absolute words warn."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.guard import Guard, findings
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.phrases import MESSAGE_SEPARATOR, Phrase, messages_needing_split, split_messages
from desktop_assistant.domain.rendering import KNOWN, RenderContext, placeholders_in, render
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.send_guard import describe
from desktop_assistant.ui.settings_dialog import HotkeyEdit

HotkeyCheck = Callable[[str, "int | None"], str]  # (combo, phrase id) -> problem text, "" when free


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Known placeholders in blue, unknown ones red and underlined, `---` separators grey."""

    def __init__(self, document: QTextDocument, guard: Callable[[], Guard] | None = None) -> None:
        super().__init__(document)
        self._guard = guard
        self.blocking = QColor("#ffcdd2")  # contact, 返现: the editor asks before saving
        self.warning = QColor("#ffe0b2")  # absolute words: a warning
        self.known = QTextCharFormat()
        self.known.setForeground(QColor("#1565c0"))
        self.unknown = QTextCharFormat()
        self.unknown.setForeground(QColor("#c62828"))
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(QColor("#c62828"))
        self.separator = QTextCharFormat()
        self.separator.setForeground(QColor("#9e9e9e"))

    def highlightBlock(self, text: str) -> None:
        if text.strip() == MESSAGE_SEPARATOR:
            self.setFormat(0, len(text), self.separator)
            return
        for span in placeholders_in(text):
            self.setFormat(span.start, span.end - span.start, self.known if span.known else self.unknown)
        if self._guard is None:
            return
        for hit in self._guard().check(text):
            for position in range(hit.start, hit.end):  # keep the placeholder colours, add a background
                marked = QTextCharFormat(self.format(position))
                marked.setBackground(self.blocking if hit.blocking else self.warning)
                self.setFormat(position, 1, marked)


class PhraseEditor(QDialog):
    def __init__(
        self,
        library: PhraseLibrary,
        phrase: Phrase | None,
        context: Callable[[], RenderContext],
        hotkey_problem: HotkeyCheck,
        parent: QWidget | None = None,
        guard: Callable[[], Guard] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phraseEditor")
        self._guard = guard
        self.confirm: Callable[[str], bool] = self._confirm_dialog  # replaced in tests
        self._library = library
        self._original = phrase
        self._context = context
        self._hotkey_problem = hotkey_problem
        self.setWindowTitle(self.tr("编辑短语") if phrase else self.tr("新建短语"))

        self._build_fields(library.groups())
        placeholders = self._build_placeholder_buttons()
        self._build_preview()
        self._lay_out(phrase, placeholders)
        if phrase:
            self.group.setCurrentText(phrase.group)
            self.title.setText(phrase.title)
            self.code.setText(phrase.code)
            self.hotkey.set_value(phrase.hotkey)
            self.body.setPlainText(phrase.text)
        self.resize(440, 560)
        self.update_preview()

    def _build_fields(self, groups: list[str]) -> None:
        """Group, title, 快捷编码, hotkey (checked as it is typed) and the text, its placeholders coloured."""
        self.group = QComboBox(self)
        self.group.setEditable(True)
        self.group.addItems(groups or ["默认"])
        self.title = QLineEdit(self)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("例如 hy（欢迎）"))
        self.hotkey = HotkeyEdit(self)
        self.hotkey.editor.keySequenceChanged.connect(self._check_hotkey)
        self.hotkey_note = QLabel(self)
        self.hotkey_note.setObjectName("formError")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("phraseBody")
        self.highlighter = PlaceholderHighlighter(self.body.document(), self._guard)
        self.body.textChanged.connect(self.update_preview)

    def _build_placeholder_buttons(self) -> QGridLayout:
        """One button per placeholder, and 分条 to split the text into two messages at the cursor."""
        buttons = QGridLayout()
        for index, name in enumerate(KNOWN):
            button = QPushButton("{" + name + "}", self)
            button.setObjectName(f"insert:{name}")
            button.clicked.connect(lambda _=False, n=name: self.body.insertPlainText("{" + n + "}"))
            buttons.addWidget(button, index // 5, index % 5)
        self.split_button = QPushButton(self.tr("分条 ---"), self)
        self.split_button.setToolTip(self.tr("在光标处分成两条消息"))
        self.split_button.clicked.connect(self._insert_separator)
        buttons.addWidget(self.split_button, len(KNOWN) // 5, len(KNOWN) % 5)
        return buttons

    def _build_preview(self) -> None:
        """The text as it will be sent, hints about it, why it cannot be saved; save and cancel."""
        self.preview = QLabel(self)
        self.preview.setObjectName("phrasePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hints = QLabel(self)
        self.hints.setObjectName("phraseHints")
        self.hints.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.buttons = box

    def _lay_out(self, phrase: Phrase | None, placeholders: QGridLayout) -> None:
        form = QFormLayout()
        form.addRow(self.tr("分组"), self.group)
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("快捷编码"), self.code)
        form.addRow(self.tr("快捷键"), self.hotkey)
        form.addRow("", self.hotkey_note)
        self.usage = QLabel(self)
        self.usage.setObjectName("agentLine")
        if phrase and phrase.id is not None:
            last = phrase.last_used.strftime("%m-%d %H:%M") if phrase.last_used else self.tr("从未")
            self.usage.setText(self.tr("已使用 {0} 次 · 最近一次 {1}").format(phrase.use_count, last))
            form.addRow("", self.usage)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("内容（单独一行 --- 分成多条消息）"), self))
        layout.addWidget(self.body, 1)
        layout.addLayout(placeholders)
        layout.addWidget(QLabel(self.tr("预览"), self))
        layout.addWidget(self.preview)
        layout.addWidget(self.hints)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _insert_separator(self) -> None:
        cursor = self.body.textCursor()
        cursor.insertText(f"\n{MESSAGE_SEPARATOR}\n")
        self.body.setFocus()

    def _check_hotkey(self) -> None:
        combo = self.hotkey.value()
        problem = self._hotkey_problem(combo, self._original.id if self._original else None) if combo else ""
        self.hotkey_note.setText(problem)

    def update_preview(self) -> None:
        text = self.body.toPlainText()
        context = self._context()
        messages = [render(message, context).text for message in split_messages(text)]
        if len(messages) > 1:
            self.preview.setText("\n".join(f"[{n}] {m}" for n, m in enumerate(messages, 1)))
        else:
            self.preview.setText(messages[0] if messages else "")
        hints = []
        unknown = sorted({s.name for s in placeholders_in(text) if not s.known})
        if unknown:
            hints.append(self.tr("未知的占位符（会原样发出）：{0}").format(" ".join("{" + n + "}" for n in unknown)))
        for finding in self._findings(text):
            template = self.tr("含{0}（发送时要确认）") if finding.blocking else self.tr("含{0}（提醒）")
            hints.append(template.format(describe([finding])))
        long_ones = messages_needing_split(text)
        if long_ones:
            numbers = ", ".join(str(i + 1) for i in long_ones)
            hints.append(self.tr("第 {0} 条消息较长，建议用 --- 分成几条发送").format(numbers))
        self.hints.setText("\n".join(hints))
        self.hints.setVisible(bool(hints))

    def phrase(self) -> Phrase:
        base = self._original or Phrase(text="")
        return replace(
            base,
            group=self.group.currentText(),
            title=self.title.text(),
            code=self.code.text(),
            hotkey=self.hotkey.value(),
            text=self.body.toPlainText(),
        )

    def _findings(self, text: str) -> list:
        return findings(self._guard().check(text)) if self._guard is not None else []

    def save(self) -> None:
        combo = self.hotkey.value()
        problem = self._hotkey_problem(combo, self._original.id if self._original else None) if combo else ""
        if problem:
            self._show_error(problem)
            return
        blocking = [f for f in self._findings(self.body.toPlainText()) if f.blocking]
        if blocking and not self.confirm(
            self.tr("这条短语含有平台会处罚的内容：\n{0}\n\n发送时每次都会要求确认。仍然保存吗?").format(
                describe(blocking)
            )
        ):
            return
        try:
            self.saved = self._library.save(self.phrase())
        except UserError as exc:
            self._show_error(exc.translated(QCoreApplication.translate))
            return
        self.accept()

    def _confirm_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("保存短语"),
            question,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
