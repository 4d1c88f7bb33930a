"""短语 tab: search, groups, the list; click inserts, double-click edits, drag reorders within a group.
The list is a view over PhraseListModel: pages of rows as it scrolls, so 50,000 phrases show as fast as 70."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrase_list_model import ID_ROLE, PhraseListModel, item_text
from desktop_assistant.ui.widgets import Retranslated

__all__ = ["ALL_GROUPS", "ID_ROLE", "PhrasesTab", "item_text"]
ALL_GROUPS = ""
SEARCH_RESULTS = 200


class PhrasesTab(Retranslated):
    insert_requested = Signal(int)  # phrase id
    edit_requested = Signal(object)  # Phrase, or None for a new one
    import_requested = Signal()
    export_requested = Signal()

    def __init__(self, library: PhraseLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search_box = QLineEdit(self)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.refresh)
        self.search_box.returnPressed.connect(self._insert_first)
        self.group_box = QComboBox(self)
        self.group_box.currentIndexChanged.connect(self.refresh)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(lambda: self.edit_requested.emit(None))
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_requested)
        self.model = PhraseListModel(self._tooltip, self)
        self.list = QListView(self)
        self.list.setObjectName("phraseList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # every row two lines: no per-row layout at 50,000 rows
        self.list.setAlternatingRowColors(True)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.clicked.connect(self._clicked)
        self.list.doubleClicked.connect(self._double_clicked)
        # A double click starts with a click: wait before inserting so editing never pastes too.
        self._click_timer = QTimer(self)
        self._click_timer.setSingleShot(True)
        self._click_timer.setInterval(QApplication.doubleClickInterval())
        self._click_timer.timeout.connect(self._insert_clicked)
        self._clicked_id: int | None = None

        row = QHBoxLayout()
        row.addWidget(self.group_box, 1)
        for button in (self.new_button, self.import_button, self.export_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        library.changed.connect(self.reload)
        self.retranslate()
        self.reload()

    # --- content -----------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("全部分组"), ALL_GROUPS)
        for group in self.library.groups():
            self.group_box.addItem(group, group)
        index = self.group_box.findData(current)
        self.group_box.setCurrentIndex(max(index, 0))
        self.group_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        query = self.search_box.text().strip()
        group = self.group_box.currentData() or ALL_GROUPS
        scroll = self.list.verticalScrollBar().value()
        if query:  # ids from the index; rows read a page at a time (within the group when one is chosen)
            self.model.show_ids(
                self.library.search_ids(query, limit=SEARCH_RESULTS, group=group), self.library.get_many
            )
        else:  # as many rows as were read before: a use or an edit keeps the agent's place
            self.model.show_pages(
                lambda offset, limit: self.library.page(group, offset, limit), at_least=self.model.rowCount()
            )
        self.list.verticalScrollBar().setValue(scroll)
        # Reordering means something only inside one group's own order, not in search results.
        can_drag = bool(group) and not query
        self.model.on_move = (lambda phrase_id, row: self.library.move(phrase_id, group, row)) if can_drag else None
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.InternalMove if can_drag else QAbstractItemView.DragDropMode.NoDragDrop
        )

    def _tooltip(self, phrase: Phrase) -> str:
        used = self.tr("已使用 {0} 次").format(phrase.use_count) if phrase.use_count else self.tr("尚未使用")
        return f"{phrase.text}\n\n{used}"

    def phrase_ids(self) -> list[int]:
        """The phrases read into the list so far, in its order."""
        return self.model.phrase_ids()

    # --- actions -----------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        self._clicked_id = index.data(ID_ROLE)
        self._click_timer.start()

    def _insert_clicked(self) -> None:
        if self._clicked_id is not None:
            self.insert_requested.emit(self._clicked_id)
            self._clicked_id = None

    def _double_clicked(self, index: QModelIndex) -> None:
        self._click_timer.stop()
        self._clicked_id = None
        self.edit_requested.emit(self.library.get(index.data(ID_ROLE)))

    def _insert_first(self) -> None:
        if self.model.rowCount():
            self.insert_requested.emit(self.model.phrase_at(0).id)

    def _context_menu(self, position) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        phrase_id = index.data(ID_ROLE)
        menu = QMenu(self)
        insert = QAction(self.tr("插入到聊天窗口"), menu)
        insert.triggered.connect(lambda: self.insert_requested.emit(phrase_id))
        edit = QAction(self.tr("编辑"), menu)
        edit.triggered.connect(lambda: self.edit_requested.emit(self.library.get(phrase_id)))
        copy = QAction(self.tr("复制内容"), menu)
        copy.triggered.connect(lambda: QApplication.clipboard().setText(self.library.get(phrase_id).text))
        delete = QAction(self.tr("删除"), menu)
        delete.triggered.connect(lambda: self.confirm_delete(phrase_id))
        for action in (insert, edit, copy, delete):
            menu.addAction(action)
        menu.popup(self.list.viewport().mapToGlobal(position))

    def confirm_delete(self, phrase_id: int) -> None:
        phrase = self.library.get(phrase_id)
        answer = QMessageBox.question(
            self, self.tr("删除短语"), self.tr("确定删除「{0}」吗?").format(phrase.display_title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.library.delete(phrase_id)

    # --- text --------------------------------------------------------------------------------
    def tab_title(self) -> str:
        return self.tr("短语")

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("搜索：快捷编码 / 拼音首字母 / 关键字"))
        self.new_button.setText(self.tr("新建"))
        self.import_button.setText(self.tr("导入"))
        self.export_button.setText(self.tr("导出"))
        if self.group_box.count():
            self.group_box.setItemText(0, self.tr("全部分组"))
