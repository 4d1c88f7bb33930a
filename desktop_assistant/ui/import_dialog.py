"""Importing phrases: preview, conflict policy, dry run, progress; columns mapped by hand when the
file's headers are unknown (an export from another tool)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.phrase_io import (
    FIELDS,
    MSG_NO_TEXT_COLUMN,
    ConflictPolicy,
    ImportReport,
    ParsedImport,
    PhraseImporter,
    PhraseImportError,
    detect_format,
    parse_mapped,
    parse_phrases,
    table_rows,
)

PREVIEW_ROWS = 6


def _tr(message: UserError) -> str:
    return message.translated(QCoreApplication.translate)


class ImportDialog(QDialog):
    def __init__(self, path: Path, importer: PhraseImporter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入短语：{0}").format(path.name))
        self._importer = importer
        self._data = path.read_bytes()
        self._format = "csv"
        self.parsed: ParsedImport | None = None
        self.report: ImportReport | None = None

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.mapping_hint = QLabel(self.tr("表头不认识：请为每一列选择它是什么（至少要有“短语内容”）"), self)
        self.mapping_hint.setWordWrap(True)
        self.table = QTableWidget(self)
        self.header_row = QCheckBox(self.tr("第一行是表头"), self)
        self.header_row.setChecked(True)
        self.apply_mapping = QPushButton(self.tr("按这个对应读取"), self)
        self.apply_mapping.clicked.connect(self._parse_mapped)
        self.mapping_combos: list[QComboBox] = []
        self.policy = QComboBox(self)
        for policy, label in (
            (ConflictPolicy.SKIP, self.tr("编码相同时跳过")),
            (ConflictPolicy.REPLACE, self.tr("编码相同时替换")),
            (ConflictPolicy.KEEP_BOTH, self.tr("编码相同时两个都保留")),
        ):
            self.policy.addItem(label, policy.value)
        self.policy.currentIndexChanged.connect(self._dry_run)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setObjectName("agentLine")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        policy_row = QHBoxLayout()
        policy_row.addWidget(QLabel(self.tr("遇到相同快捷编码："), self))
        policy_row.addWidget(self.policy, 1)
        mapping_row = QHBoxLayout()
        mapping_row.addWidget(self.header_row)
        mapping_row.addStretch(1)
        mapping_row.addWidget(self.apply_mapping)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.mapping_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(mapping_row)
        layout.addLayout(policy_row)
        layout.addWidget(self.details)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self._load(path)

    # --- reading -----------------------------------------------------------------------------
    def _load(self, path: Path) -> None:
        self._show_mapping(False)
        try:
            self._format = detect_format(self._data, path.name)
            self._set_parsed(parse_phrases(self._data, self._format, path.name))
        except PhraseImportError as exc:
            if self._needs_mapping():
                self._offer_mapping()
            else:
                self._fail(_tr(exc))

    def _needs_mapping(self) -> bool:
        """A table whose header names no text column (a guess at Beeftext included): let the agent map it."""
        if self._format == "beeftext":
            self._format = "csv"
        if self._format not in ("csv", "xlsx"):
            return False
        try:
            parse_phrases(self._data, self._format)
        except PhraseImportError as exc:
            reason = exc.fields.get("reason")
            return isinstance(reason, UserError) and reason.template == MSG_NO_TEXT_COLUMN
        return False

    def _show_mapping(self, visible: bool) -> None:
        for widget in (self.mapping_hint, self.table, self.header_row, self.apply_mapping):
            widget.setVisible(visible)

    def _offer_mapping(self) -> None:
        rows = table_rows(self._data, self._format)[:PREVIEW_ROWS]
        width = max(len(row) for _, row in rows)
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(len(rows) + 1)
        self.mapping_combos = []
        for column in range(width):
            combo = QComboBox(self.table)
            combo.addItem(self.tr("忽略"), None)
            for field in FIELDS:
                combo.addItem(self._field_labels()[field], field)
            self.table.setCellWidget(0, column, combo)
            self.mapping_combos.append(combo)
        for row_index, (_, cells) in enumerate(rows, start=1):
            for column, cell in enumerate(cells):
                self.table.setItem(row_index, column, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        self._show_mapping(True)
        self.status.setText(self.tr("读取前需要对应列"))
        self.import_button.setEnabled(False)

    def _field_labels(self) -> dict[str, str]:
        return {
            "group": self.tr("分组"),
            "code": self.tr("快捷编码"),
            "title": self.tr("标题"),
            "text": self.tr("短语内容"),
            "hotkey": self.tr("快捷键"),
        }

    def set_mapping(self, fields: list[str | None]) -> None:
        """The first len(fields) columns take these fields; the others keep theirs."""
        for combo, field in zip(self.mapping_combos, fields, strict=False):
            combo.setCurrentIndex(combo.findData(field))

    def _parse_mapped(self) -> None:
        mapping = [combo.currentData() for combo in self.mapping_combos]
        try:
            self._set_parsed(
                parse_mapped(self._data, self._format, mapping, first_row_is_header=self.header_row.isChecked())
            )
        except PhraseImportError as exc:
            self._fail(_tr(exc))

    def _set_parsed(self, parsed: ParsedImport) -> None:
        self.parsed = parsed
        self.error.hide()
        self.status.setText(self.tr("文件里有 {0} 条短语（{1}）").format(len(parsed.drafts), parsed.format))
        self._dry_run()

    def _fail(self, message: str) -> None:
        self.parsed = None
        self.error.setText(message)
        self.error.show()
        self.import_button.setEnabled(False)

    # --- applying ----------------------------------------------------------------------------
    def _dry_run(self) -> None:
        if self.parsed is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a new policy plans 50,000 rows again
        try:
            report = self._importer.apply(self.parsed, self.policy.currentData(), dry_run=True)
        except PhraseImportError as exc:
            self._fail(_tr(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        lines = [_tr(report.summary), *(_tr(note) for note in report.notes())]
        lines += [_tr(item.message) for item in report.first(6)]
        self.details.setText("\n".join(lines))
        self.import_button.setEnabled(report.changes)

    def run_import(self) -> None:
        if self.parsed is None:
            return
        progress = QProgressDialog(self.tr("正在导入短语…"), "", 0, len(self.parsed.drafts), self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QCoreApplication.processEvents()

        try:
            self.report = self._importer.apply(self.parsed, self.policy.currentData(), progress=advance)
        except PhraseImportError as exc:
            self._fail(_tr(exc))
            return
        finally:
            progress.close()
        self.accept()
