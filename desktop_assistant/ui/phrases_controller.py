"""Wires the phrase library to the panel, the picker, phrase hotkeys and the insertion pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.guard import Guard
from desktop_assistant.domain.hotkeys import HotkeyError, normalise_hotkey
from desktop_assistant.domain.phrase_io import PhraseImporter, PhraseImportError
from desktop_assistant.domain.rendering import RenderContext, render
from desktop_assistant.domain.settings import SCHEMA, SettingsAccess
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrases_tab import PhrasesTab
from desktop_assistant.ui.picker import FocusHandover, PickerPopup

if TYPE_CHECKING:  # the dialogs are imported when first opened, not by the idle panel
    from desktop_assistant.ui.import_dialog import ImportDialog
    from desktop_assistant.ui.phrase_editor import PhraseEditor

PHRASE_ACTION = "phrase:"


class Inserter(Protocol):
    """The insertion pipeline as this controller uses it. `into_last_window`: the IM window the agent was
    in before clicking the panel or the picker; otherwise the window that has focus (a hotkey)."""

    def __call__(self, texts: list[str], caret_from_end: int | None, tag: Any, into_last_window: bool) -> None: ...


class PhrasesController(QObject):
    bindings_changed = Signal()  # phrase hotkeys changed: register them again
    inserted = Signal(int)  # phrase id, after the text is in the target

    def __init__(
        self,
        library: PhraseLibrary,
        settings: SettingsAccess,
        clock: Clock,
        inserter: Inserter,
        importer: PhraseImporter,
        clipboard_text: Callable[[], str],
        held_elsewhere: Callable[[str], str] = lambda combo: "",
        conversation_context: Callable[[], dict[str, str]] = dict,
        focus: FocusHandover | None = None,
        parent: QObject | None = None,
        guard: Callable[[], Guard] | None = None,
    ) -> None:
        super().__init__(parent)
        self._guard = guard  # the outgoing-text guard, marked in the editor (docs/guard.md)
        self.library = library
        self._importer = importer
        self._clipboard_text = clipboard_text
        self._held_elsewhere = held_elsewhere
        self._settings = settings
        self._clock = clock
        self._inserter = inserter
        self._conversation_context = conversation_context
        self.tab = tab = PhrasesTab(library)
        self.picker = PickerPopup(library, focus=focus)
        tab.insert_requested.connect(lambda phrase_id: self.insert(phrase_id, into_last_window=True))
        tab.edit_requested.connect(self.edit)
        tab.import_requested.connect(self.choose_import_file)
        tab.export_requested.connect(self.choose_export_file)
        self.picker.chosen.connect(lambda phrase_id: self.insert(phrase_id, into_last_window=True))

    # --- hotkeys -----------------------------------------------------------------------------
    def hotkey_bindings(self) -> dict[str, str]:
        return {f"{PHRASE_ACTION}{pid}": hotkey for hotkey, pid in self.library.hotkeys().items()}

    def handle_action(self, action: str) -> bool:
        if action == "hotkey.picker":
            self.open_picker()
            return True
        if action.startswith(PHRASE_ACTION):
            self.insert(int(action[len(PHRASE_ACTION) :]))
            return True
        return False

    def hotkey_problem(self, combo: str, phrase_id: int | None) -> str:
        """Why `combo` cannot be this phrase's hotkey ("" when it can)."""
        try:
            combo = normalise_hotkey(combo)
        except HotkeyError as exc:
            return exc.translated(QCoreApplication.translate)
        for spec in SCHEMA:
            if spec.kind == "hotkey" and self._settings.get(spec.key) == combo:
                label = QCoreApplication.translate("Settings", spec.label)
                return self.tr("{0} 已被客服助手的「{1}」使用").format(combo, label)
        owner = self.library.with_hotkey(combo)
        if owner is not None and owner.id != phrase_id:
            return self.tr("{0} 已被短语「{1}」使用").format(combo, owner.display_title)
        if phrase_id is None or self.library.get(phrase_id).hotkey != combo:  # its own grab is not a conflict
            held = self._held_elsewhere(combo)
            if held:
                return self.tr("{0} 已被其他程序占用：{1}").format(combo, held)
        return ""

    # --- actions -----------------------------------------------------------------------------
    def render_context(self, extra: dict[str, str] | None = None) -> RenderContext:
        clipboard = self._clipboard_text()
        conversation = {**self._conversation_context(), **(extra or {})}
        return RenderContext(
            now=self._clock.now(),
            agent=self._settings.get("agent_name"),
            shop=self._settings.get("shop_name"),
            buyer=conversation.get("buyer", ""),
            order_id=conversation.get("order_id", ""),
            clipboard=clipboard,
            cutoff=self._settings.get("urge.cutoff") or "16:00",
        )

    def insert(self, phrase_id: int, into_last_window: bool = False, extra: dict[str, str] | None = None) -> None:
        phrase = self.library.get(phrase_id)
        context = self.render_context(extra)
        rendered = [render(message, context) for message in phrase.messages]
        caret = rendered[-1].caret_from_end if rendered else None
        self._inserter([r.text for r in rendered], caret, phrase_id, into_last_window)

    def insert_code(self, code: str, extra: dict[str, str]) -> str:
        """Send the phrase with this 快捷编码 into the last IM window; "" or why not (for the agent)."""
        phrase = self.library.with_code(code) if code else None
        if phrase is None:
            return self.tr("没有快捷编码为「{0}」的短语：在设置里改催付短语，或新建这个编码").format(code)
        self.insert(phrase.id, into_last_window=True, extra=extra)
        return ""

    def on_inserted(self, tag: Any) -> None:
        if isinstance(tag, int):
            self.library.record_use(tag)
            self.inserted.emit(tag)

    def open_picker(self) -> None:
        self.picker.popup_at(QCursor.pos())

    def edit(self, phrase: object) -> PhraseEditor:
        from desktop_assistant.ui.phrase_editor import PhraseEditor

        editor = PhraseEditor(
            self.library, phrase, self.render_context, self.hotkey_problem, self.tab.window(), guard=self._guard
        )
        editor.accepted.connect(self.bindings_changed)
        editor.open()
        return editor

    def new_phrase(self, title: str, body: str) -> PhraseEditor:
        """The editor for a new phrase, filled in (an answer worth keeping); the agent saves or cancels."""
        editor = self.edit(None)
        editor.title.setText(title)
        editor.body.setPlainText(body)
        return editor

    # --- files -------------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.tab.window(), self.tr("导入短语"), "", self.tr("短语文件 (*.csv *.xlsx *.json);;所有文件 (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> ImportDialog:
        from desktop_assistant.ui.import_dialog import ImportDialog

        # Reading, parsing and the dry run take a second or two for 50,000 rows: say so before the dialog shows.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dialog = ImportDialog(path, self._importer, self.tab.window())
        finally:
            QGuiApplication.restoreOverrideCursor()
        dialog.accepted.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self) -> None:
        self.library.reload()
        self.bindings_changed.emit()

    def choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.tab.window(), self.tr("导出短语"), "phrases.xlsx", "Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)"
        )
        if not name:
            return
        try:
            count = self.export_to(Path(name))
        except PhraseImportError as exc:  # a folder that is gone, a file another program holds
            QMessageBox.warning(self.tab.window(), self.tr("导出短语"), exc.translated(QCoreApplication.translate))
            return
        QMessageBox.information(
            self.tab.window(), self.tr("导出短语"), self.tr("已导出 {0} 条短语到 {1}").format(count, name)
        )

    def export_to(self, path: Path) -> int:
        """Write every phrase to `path` (format by extension), replaced atomically by storage."""
        return self._importer.export(path)
