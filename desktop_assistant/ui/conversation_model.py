"""The 会话 list as a table model: one row per open conversation, most urgent first, repainted by the
controller's single tick (no timer per conversation)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_assistant.domain.conversations import Entry, Level, format_wait

NICK_ROLE = Qt.ItemDataRole.UserRole
LEVEL_COLOURS = {
    Level.ANSWERED: "#2e7d32",
    Level.WAITING: "#1565c0",
    Level.WARN: "#ef6c00",
    Level.OVERDUE: "#c62828",
    Level.CRITICAL: "#ffffff",
}
CRITICAL_BACKGROUND = "#c62828"
_HEADERS = (
    QT_TRANSLATE_NOOP("ConversationModel", "买家"),
    QT_TRANSLATE_NOOP("ConversationModel", "平台"),
    QT_TRANSLATE_NOOP("ConversationModel", "状态"),
    QT_TRANSLATE_NOOP("ConversationModel", "计时"),
)
_STATES = {
    Level.ANSWERED: QT_TRANSLATE_NOOP("ConversationModel", "已回复"),
    Level.WAITING: QT_TRANSLATE_NOOP("ConversationModel", "等待回复"),
    Level.WARN: QT_TRANSLATE_NOOP("ConversationModel", "快超时"),
    Level.OVERDUE: QT_TRANSLATE_NOOP("ConversationModel", "超时"),
    Level.CRITICAL: QT_TRANSLATE_NOOP("ConversationModel", "严重超时"),
}


def state_text(level: Level) -> str:
    return QCoreApplication.translate("ConversationModel", _STATES[level])


class ConversationModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self.active = ""

    def refresh(self, snapshot: list[Entry], active: str) -> None:
        """New order or rows: reset; the same rows: only the state and timer cells change."""
        same_rows = (
            active == self.active
            and len(snapshot) == len(self._entries)
            and all(new.conversation is old.conversation for new, old in zip(snapshot, self._entries, strict=True))
        )
        if not same_rows:
            self.beginResetModel()
        self._entries = snapshot
        self.active = active
        if same_rows:
            if snapshot:
                self.dataChanged.emit(self.index(0, 2), self.index(len(snapshot) - 1, 3))
        else:
            self.endResetModel()

    def row_of(self, nick: str) -> int:
        return next((n for n, entry in enumerate(self._entries) if entry.conversation.buyer == nick), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ConversationModel", _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        conversation, level, waited = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return conversation.buyer
            if column == 1:
                return conversation.platform or "—"
            if column == 2:
                return state_text(level)
            if level == Level.ANSWERED:
                return (
                    format_wait(conversation.last_response_s or 0) if conversation.last_response_s is not None else ""
                )
            return format_wait(waited)
        if role == NICK_ROLE:
            return conversation.buyer
        if role == Qt.ItemDataRole.ForegroundRole and column >= 2:
            return QBrush(QColor(LEVEL_COLOURS[level]))
        if role == Qt.ItemDataRole.BackgroundRole and column >= 2 and level == Level.CRITICAL:
            return QBrush(QColor(CRITICAL_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and conversation.buyer == self.active:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and level == Level.ANSWERED:
            return QCoreApplication.translate("ConversationModel", "上一轮响应时间")
        return None
