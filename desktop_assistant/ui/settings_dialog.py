"""The settings dialog, generated from the schema in the domain; invalid input keeps it open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.settings import SCHEMA, SECTIONS, TR_CONTEXT, SettingError, SettingsAccess, SettingSpec

_QT_KEY_NAMES = {
    "win": "Meta",
    "page_up": "PgUp",
    "page_down": "PgDown",
    "enter": "Return",
    "delete": "Del",
    "insert": "Ins",
}


def hotkey_to_qt(combo: str) -> QKeySequence:
    if not combo:
        return QKeySequence()
    parts = [_QT_KEY_NAMES.get(part, part.capitalize()) for part in combo.split("+")]
    return QKeySequence.fromString("+".join(parts), QKeySequence.SequenceFormat.PortableText)


def hotkey_from_qt(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText).lower()


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


class HotkeyEdit(QWidget):
    """Press the combo to record it; the clear button removes the hotkey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QKeySequenceEdit(self)
        self.editor.setMaximumSequenceLength(1)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.clicked.connect(self.editor.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.clear_button)

    def value(self) -> str:
        return hotkey_from_qt(self.editor.keySequence())

    def set_value(self, combo: str) -> None:
        self.editor.setKeySequence(hotkey_to_qt(combo))


class SettingsDialog(QDialog):
    saved = Signal(dict)

    def __init__(
        self,
        settings: SettingsAccess,
        parent: QWidget | None = None,
        hidden_keys: frozenset[str] = frozenset(),
        calibrate: Callable[[], None] | None = None,
    ) -> None:
        """`hidden_keys`: settings of features not in this build (their hotkeys would do nothing).
        `calibrate`: opens the sight reader's calibration overlay (a button in the reading section)."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self._settings = settings
        self._current = settings.all()
        self._readers: dict[str, Callable[[], Any]] = {}
        self.editors: dict[str, QWidget] = {}

        body = QWidget()
        body_layout = QVBoxLayout(body)
        for section, title in SECTIONS.items():
            box = QGroupBox(_tr(title), body)
            form = QFormLayout(box)
            for spec in (s for s in SCHEMA if s.section == section and s.key not in hidden_keys):
                form.addRow(_tr(spec.label), self._editor_for(spec, self._current[spec.key]))
            if section == "reading" and calibrate is not None:
                button = QPushButton(self.tr("校准识别区域…"), box)
                button.setObjectName("calibrateRegions")
                button.clicked.connect(calibrate)
                form.addRow(button)
            body_layout.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(420, 560)

    def _editor_for(self, spec: SettingSpec, value: Any) -> QWidget:
        editor: QWidget
        if spec.kind == "bool":
            editor = QCheckBox(self)
            editor.setChecked(bool(value))
            self._readers[spec.key] = editor.isChecked
        elif spec.kind == "int":
            editor = QSpinBox(self)
            editor.setRange(spec.minimum or 0, spec.maximum or 10**6)
            editor.setValue(int(value))
            self._readers[spec.key] = editor.value
        elif spec.kind == "choice":
            editor = QComboBox(self)
            for key, label in spec.choices.items():
                editor.addItem(_tr(label), key)
            editor.setCurrentIndex(max(0, editor.findData(value)))
            self._readers[spec.key] = editor.currentData
        elif spec.kind == "hotkey":
            editor = HotkeyEdit(self)
            editor.set_value(value)
            self._readers[spec.key] = editor.value
        elif spec.kind == "lines":
            editor = QPlainTextEdit(self)
            editor.setPlainText(str(value))
            editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one rule per line, as stored
            editor.setMinimumHeight(90)
            self._readers[spec.key] = editor.toPlainText
        else:
            editor = QLineEdit(self)
            editor.setMaxLength(spec.max_length)
            editor.setText(str(value))
            self._readers[spec.key] = editor.text
        editor.setObjectName(f"setting:{spec.key}")
        self.editors[spec.key] = editor
        return editor

    def changes(self) -> dict[str, Any]:
        read = {key: reader() for key, reader in self._readers.items()}
        return {key: value for key, value in read.items() if value != self._current[key]}

    def save(self) -> None:
        try:
            self._settings.set_many(self.changes())
        except SettingError as exc:
            self.error_label.setText(exc.translated(QCoreApplication.translate))
            self.error_label.show()
            return
        self.saved.emit(self._settings.all())
        self.accept()
