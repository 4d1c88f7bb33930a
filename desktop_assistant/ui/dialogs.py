"""Dialogs shown before or outside the panel: a damaged database, an unexpected error."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Recovery(Enum):
    RESTORE = "restore"
    START_EMPTY = "start_empty"
    QUIT = "quit"


def ask_recovery(reason: str, backup_name: str | None, backup_time: str | None, missing: bool = False) -> Recovery:
    """The database cannot be read (or, `missing`, is empty or gone while backups exist): offer the newest
    good backup (or an empty start); never decide alone."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    if missing:
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "数据库文件是空的或不见了"))
        text = QCoreApplication.translate("Dialogs", "客服助手的数据库文件是空的或不见了，但有备份。没有新建空数据库。")
    else:
        box.setWindowTitle(QCoreApplication.translate("Dialogs", "数据库文件已损坏"))
        text = QCoreApplication.translate("Dialogs", "客服助手的数据库文件无法读取，没有打开它，以免损坏更多数据。")
    if backup_name:
        text += "\n\n" + QCoreApplication.translate("Dialogs", "找到最近一份完好的备份：{0}（{1}）。").format(
            backup_name, backup_time
        )
    else:
        text += "\n\n" + QCoreApplication.translate("Dialogs", "没有找到可用的备份。")
    text += "\n" + QCoreApplication.translate("Dialogs", "损坏的文件会移到 corrupt 文件夹保存，不会删除。")
    box.setText(text)
    box.setDetailedText(reason)
    buttons = {}
    if backup_name:
        buttons[
            box.addButton(QCoreApplication.translate("Dialogs", "从备份恢复"), QMessageBox.ButtonRole.AcceptRole)
        ] = Recovery.RESTORE
    buttons[
        box.addButton(QCoreApplication.translate("Dialogs", "新建空数据库"), QMessageBox.ButtonRole.DestructiveRole)
    ] = Recovery.START_EMPTY
    quit_button = box.addButton(QCoreApplication.translate("Dialogs", "退出"), QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = Recovery.QUIT
    box.setEscapeButton(quit_button)
    box.exec()
    return buttons.get(box.clickedButton(), Recovery.QUIT)


def show_error(parent: QWidget | None, summary: str, details: str, log_path: str) -> None:
    """An unexpected exception: say so plainly, point to the log, keep the app running."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "客服助手出错了"))
    box.setText(
        QCoreApplication.translate("Dialogs", "发生了意外错误，已记录到日志。你的数据已保存。") + "\n\n" + summary
    )
    box.setInformativeText(QCoreApplication.translate("Dialogs", "日志文件：{0}").format(log_path))
    box.setDetailedText(details)
    box.exec()


def show_fatal(message: str) -> None:
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "客服助手无法启动"))
    box.setText(message)
    box.exec()
