"""The 短语 list as a model: rows read a page at a time as the view scrolls (canFetchMore/fetchMore),
tooltips made when asked, drag and drop as moveRows. 50,000 phrases cost one page, not 50,000 items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from desktop_assistant.domain.phrases import Phrase

ID_ROLE = Qt.ItemDataRole.UserRole
PAGE = 200
_MIME = "application/x-desktop-assistant-phrase-row"
Index = QModelIndex | QPersistentModelIndex


def item_text(phrase: Phrase) -> str:
    head = phrase.display_title + (f"   [{phrase.code}]" if phrase.code else "")
    if phrase.hotkey:
        head += f"   {phrase.hotkey.title()}"
    preview = " ".join(phrase.text.split())
    return f"{head}\n{preview[:40]}{'…' if len(preview) > 40 else ''}"


class PhraseListModel(QAbstractListModel):
    def __init__(self, tooltip: Callable[[Phrase], str], parent=None) -> None:
        super().__init__(parent)
        self._tooltip = tooltip
        self._rows: list[Phrase] = []
        self._fetch: Callable[[int, int], list[Phrase]] | None = None
        self._more = False
        self.on_move: Callable[[int, int], None] | None = None  # (phrase id, new row): reordering allowed

    # --- content -----------------------------------------------------------------------------
    def show_pages(self, fetch: Callable[[int, int], list[Phrase]], at_least: int = PAGE) -> None:
        """Rows from fetch(offset, limit), the first `at_least` (whole pages) now, the rest as asked."""
        self.beginResetModel()
        self._fetch = fetch
        wanted = max(PAGE, -(-at_least // PAGE) * PAGE)
        self._rows = fetch(0, wanted)
        self._more = len(self._rows) == wanted
        self.endResetModel()

    def show_ids(self, ids: list[int], get_many: Callable[[list[int]], list[Phrase]]) -> None:
        """These phrases in this order (search results), read a page at a time like the library."""
        self.show_pages(lambda offset, limit: get_many(ids[offset : offset + limit]))

    def phrase_ids(self) -> list[int]:
        return [phrase.id for phrase in self._rows if phrase.id is not None]

    def phrase_at(self, row: int) -> Phrase:
        return self._rows[row]

    # --- QAbstractListModel --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._fetch is None:
            return
        page = self._fetch(len(self._rows), PAGE)
        self._more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        phrase = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item_text(phrase)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(phrase)
        if role == ID_ROLE:
            return phrase.id
        return None

    # --- reordering (drag and drop within one group's own order) -------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.on_move is None:
            return flags
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled  # between rows only: nothing is dropped onto a phrase

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if self.on_move is None or not data.hasFormat(_MIME):
            return False
        source = int(bytes(data.data(_MIME).data()).decode() or -1)
        if parent.isValid():  # dropped onto an item: before it
            row = parent.row()
        if row < 0:
            row = len(self._rows)
        if 0 <= source < len(self._rows):
            self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        return False  # the move is done: the view must not remove the source row as well

    def moveRows(self, source_parent: Index, source: int, count: int, dest_parent: Index, dest: int) -> bool:
        """Move one row to before `dest` (as QAbstractItemModel counts), and store the new order."""
        if (
            self.on_move is None
            or count != 1
            or source_parent.isValid()
            or dest_parent.isValid()
            or not 0 <= source < len(self._rows)
            or dest in (source, source + 1)
        ):
            return False
        dest = max(0, min(dest, len(self._rows)))
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), dest):
            return False
        phrase = self._rows.pop(source)
        new_row = dest if dest < source else dest - 1
        self._rows.insert(new_row, phrase)
        self.endMoveRows()
        assert phrase.id is not None
        self.on_move(phrase.id, new_row)
        return True
