"""The strip at the bottom of the panel: the active conversation, which reader of the IM client is live
(docs/reading.md) and whether hotkeys are live."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_assistant.ui.widgets import Retranslated


class StatusStrip(Retranslated):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self._conversation = ""
        self._colour = ""
        self._hotkey_state = "off"
        self._hotkey_problem = ""
        self.conversation_label = QLabel(self)
        self.conversation_label.setObjectName("conversation")
        self.hotkey_label = QLabel(self)
        self.hotkey_label.setObjectName("hotkeyState")
        self._reader = ("", "", "")
        self.reader_label = QLabel(self)
        self.reader_label.setObjectName("readerState")
        self.reader_label.hide()  # no chat window: nothing is read, nothing to say
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._end_notice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.conversation_label, 1)
        layout.addWidget(self.reader_label)
        layout.addWidget(self.hotkey_label)
        self.retranslate()

    def set_conversation(self, text: str, colour: str = "") -> None:
        """The active conversation (buyer, platform, timer), coloured as its timer is; every second."""
        self._conversation = text
        self._colour = colour
        if not self._notice_timer.isActive():
            self._show_conversation()

    def _show_conversation(self) -> None:
        self.conversation_label.setText(self.tr("当前会话：{0}").format(self._conversation or self.tr("无")))
        self._set_colour(self._colour)

    def show_notice(self, text: str, seconds: int = 8) -> None:
        """A problem the agent must see now (a phrase that was not pasted); fades back to the conversation."""
        self._set_colour("")
        self.conversation_label.setText(text)
        self.conversation_label.setProperty("notice", True)
        self._notice_timer.start(seconds * 1000)

    def _end_notice(self) -> None:
        self.conversation_label.setProperty("notice", False)
        self.retranslate()

    def _set_colour(self, colour: str) -> None:
        style = f"color: {colour}; font-weight: bold;" if colour else ""
        if self.conversation_label.styleSheet() != style:  # the tick calls this every second
            self.conversation_label.setStyleSheet(style)

    def set_reader(self, client: str, source: str, reason: str = "") -> None:
        """The reader live for the chat window in use ("" source: no chat window); the tooltip says why an
        earlier reader was passed over."""
        self._reader = (client, source, reason)
        self._show_reader()

    def _show_reader(self) -> None:
        client, source, reason = self._reader
        names = {"ui_tree": self.tr("界面元素"), "sight": self.tr("屏幕识别"), "manual": self.tr("手动")}
        if not source:
            self.reader_label.hide()
            return
        name = names.get(source, source)
        self.reader_label.setText(
            self.tr("读取：{0} · {1}").format(client, name) if client else self.tr("读取：{0}").format(name)
        )
        self.reader_label.setToolTip(reason)
        self.reader_label.show()

    def set_hotkey_state(self, state: str, problem: str = "") -> None:
        self._hotkey_state = state
        self._hotkey_problem = problem
        self.hotkey_label.setProperty("state", state)
        self.hotkey_label.style().unpolish(self.hotkey_label)
        self.hotkey_label.style().polish(self.hotkey_label)
        self.retranslate()

    def retranslate(self) -> None:
        if self._notice_timer.isActive():
            return
        self._show_conversation()
        texts = {
            "active": self.tr("快捷键：已启用"),
            "paused": self.tr("快捷键：已暂停"),
            "unavailable": self.tr("快捷键：不可用"),
            "partial": self.tr("快捷键：部分被占用"),
            "off": self.tr("快捷键：未设置"),
        }
        self.hotkey_label.setText(texts.get(self._hotkey_state, self._hotkey_state))
        self.hotkey_label.setToolTip(self._hotkey_problem)
        self._show_reader()
