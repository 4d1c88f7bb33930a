"""The picker: a small frameless popup near the mouse. Type a code, pinyin initials or a keyword;
Up/Down/Enter/Esc; 1-9 pick the first nine, as in a Chinese input method's candidate window."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.ui.phrase_library import PhraseLibrary

ID_ROLE = 0x0100
RESULTS = 30


class FocusHandover(Protocol):
    """Taking the keyboard for one of our windows and giving it back to the chat window
    (os_integration.foreground.FocusHandover: Windows only lets a process that has the right do it)."""

    def take(self, window_id: int) -> bool: ...

    def give_back(self) -> bool: ...


def placed_near(cursor: QPoint, size: tuple[int, int], screen: QRect) -> QPoint:
    """Below-right of the mouse, flipped or clamped so the whole popup stays on the screen."""
    width, height = size
    x = cursor.x() + 12
    y = cursor.y() + 16
    if x + width > screen.right():
        x = max(screen.left(), cursor.x() - width - 12)
    if y + height > screen.bottom():
        y = max(screen.top(), cursor.y() - height - 16)
    return QPoint(x, y)


class PickerPopup(QWidget):
    chosen = Signal(int)  # phrase id; the popup is already hidden
    dismissed = Signal()

    def __init__(
        self, library: PhraseLibrary, parent: QWidget | None = None, focus: FocusHandover | None = None
    ) -> None:
        super().__init__(
            parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setObjectName("picker")
        self.library = library
        self.focus = focus
        self.search = QLineEdit(self)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.refresh)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(lambda item: self.choose(item.data(ID_ROLE)))
        self.results.installEventFilter(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("agentLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.resize(360, 380)
        self.retranslate()

    def popup_at(self, cursor: QPoint) -> None:
        screen = QGuiApplication.screenAt(cursor) or QGuiApplication.primaryScreen()
        self.move(placed_near(cursor, (self.width(), self.height()), screen.availableGeometry()))
        self.search.clear()
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()  # enough where the OS allows it (X11, a registered hotkey on Windows)
        if self.focus is not None:  # where it does not, activateWindow only flashes the taskbar button
            self.focus.take(int(self.winId()))
        self.search.setFocus()

    def refresh(self) -> None:
        self.results.clear()
        for number, phrase in enumerate(self.library.search(self.search.text(), limit=RESULTS), 1):
            item = QListWidgetItem(self._label(number, phrase))
            item.setData(ID_ROLE, phrase.id)
            item.setToolTip(phrase.text)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    @staticmethod
    def _label(number: int, phrase: Phrase) -> str:
        key = f"{number}. " if number <= 9 else "    "
        code = f" [{phrase.code}]" if phrase.code else ""
        preview = " ".join(phrase.text.split())
        return (
            f"{key}{phrase.display_title}{code} · {phrase.group}\n    {preview[:36]}{'…' if len(preview) > 36 else ''}"
        )

    def choose(self, phrase_id: int) -> None:
        self.hide()
        self.chosen.emit(phrase_id)

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def _digit_picks(self, digit: str) -> bool:
        """A digit picks a result, unless it continues a code being typed (cf1, cf2 ...)."""
        query = self.search.text().strip().lower()
        if query and any(p.code.startswith(query + digit) for p in self.library.search(query + digit, limit=5)):
            return False
        return int(digit) <= self.results.count()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            if self.focus is not None:  # back to the chat window the agent came from
                self.focus.give_back()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.results.currentItem()
            if item is not None:
                self.choose(item.data(ID_ROLE))
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        text = event.text()
        if len(text) == 1 and text in "123456789" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if self._digit_picks(text):
                self.choose(self.results.item(int(text) - 1).data(ID_ROLE))
                return True
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isVisible() and not self.isActiveWindow():
            self.dismiss()  # clicked elsewhere: behave like a popup
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("短语选择器"))
        self.search.setPlaceholderText(self.tr("快捷编码 / 拼音首字母 / 关键字"))
        self.hint.setText(self.tr("↑↓ 选择 · Enter 插入 · 1-9 快速选 · Esc 关闭"))
