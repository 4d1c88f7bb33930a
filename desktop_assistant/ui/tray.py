"""Tray icon: show/hide the panel, pause hotkeys, quit (the only way to quit)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    toggle_panel = Signal()
    pause_toggled = Signal(bool)
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.show_action = QAction(self.menu)
        self.show_action.triggered.connect(self.toggle_panel)
        self.pause_action = QAction(self.menu)
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.pause_toggled)
        self.quit_action = QAction(self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        self.overdue_menu = QMenu(self.menu)  # overdue promises stay visible here until handled
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.pause_action)
        self.overdue_action = self.menu.addMenu(self.overdue_menu)
        self.overdue_action.setVisible(False)
        self._overdue: list[str] = []
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.retranslate()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available():
            self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_paused(self, paused: bool) -> None:
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(paused)
        self.pause_action.blockSignals(False)

    def notify(self, title: str, message: str) -> None:
        if self.icon.isVisible():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 8000)

    def set_overdue(self, lines: list[str]) -> None:
        if lines == self._overdue:
            return
        self._overdue = list(lines)
        self.overdue_menu.clear()
        for line in lines:
            self.overdue_menu.addAction(line).triggered.connect(self.toggle_panel)
        self.overdue_action.setVisible(bool(lines))
        self.retranslate()

    def retranslate(self) -> None:
        tooltip = self.tr("客服助手")
        if self._overdue:
            tooltip += "\n" + self.tr("{0} 个承诺已超时").format(len(self._overdue))
        self.icon.setToolTip(tooltip)
        self.overdue_menu.setTitle(self.tr("超时承诺（{0}）").format(len(self._overdue)))
        self.show_action.setText(self.tr("显示/隐藏面板"))
        self.pause_action.setText(self.tr("暂停全局快捷键"))
        self.quit_action.setText(self.tr("退出"))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.toggle_panel.emit()
