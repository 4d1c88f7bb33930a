"""会话 tab: the open conversations with live timers (most urgent first), the round buttons, and the
待答问题 a buyer is waiting on, each with its countdown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.conversations import Entry, format_wait
from desktop_assistant.domain.questions import Question
from desktop_assistant.ui.conversation_model import NICK_ROLE, ConversationModel
from desktop_assistant.ui.widgets import MessageLabel, MessageLine, Retranslated

QUESTION_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOUR, SOON_COLOUR, DONE_COLOUR = "#c62828", "#ef6c00", "#9e9e9e"


class ConversationsTab(Retranslated, MessageLine):
    new_requested = Signal(str)  # nick typed in the panel
    chosen = Signal(str)  # the agent picked a conversation: it becomes active
    buyer_wrote_requested = Signal()
    replied_requested = Signal()
    close_requested = Signal()
    jump_requested = Signal()
    question_added = Signal(str)
    answer_requested = Signal(int, str, bool)  # question id, answer, paste it into the chat window
    save_phrase_requested = Signal()  # keep the last answer as a new phrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting = 0  # conversations waiting for a reply: counted in the tab title
        self._build_table()
        self._build_round_buttons()
        self._build_questions()
        self._lay_out()
        self.retranslate()

    def _build_table(self) -> None:
        """A conversation opened by nick; the open ones with their timers, most urgent first."""
        self.nick_edit = QLineEdit(self)
        self.nick_edit.returnPressed.connect(self._new_clicked)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self._new_clicked)

        self.model = ConversationModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conversationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: ResizeToContents would measure every row again on each tick (most of the CPU).
        metrics = self.table.fontMetrics()
        for column, widest in ((1, "千牛千牛"), (2, "严重超时 "), (3, "0:00:00 ")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(widest) + 16)
        self.table.clicked.connect(lambda index: self.chosen.emit(index.data(NICK_ROLE)))

    def _build_round_buttons(self) -> None:
        """The round by hand: the buyer wrote, I replied, close, jump to the longest wait."""
        self.buyer_wrote_button = QPushButton(self)
        self.buyer_wrote_button.clicked.connect(self.buyer_wrote_requested)
        self.replied_button = QPushButton(self)
        self.replied_button.clicked.connect(self.replied_requested)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_requested)
        self.jump_button = QPushButton(self)
        self.jump_button.clicked.connect(self.jump_requested)

    def _build_questions(self) -> None:
        """待答问题: a buyer's question with its countdown, its answer sent or marked, kept as a phrase."""
        self.question_box = QGroupBox(self)
        self.question_edit = QLineEdit(self.question_box)
        self.question_edit.returnPressed.connect(self._question_clicked)
        self.add_question_button = QPushButton(self.question_box)
        self.add_question_button.clicked.connect(self._question_clicked)
        self.question_list = QListWidget(self.question_box)
        self.question_list.setObjectName("questionList")
        self.question_list.setWordWrap(True)
        self.answer_edit = QLineEdit(self.question_box)
        self.send_answer_button = QPushButton(self.question_box)
        self.send_answer_button.clicked.connect(lambda: self._answer_clicked(send=True))
        self.answered_button = QPushButton(self.question_box)
        self.answered_button.clicked.connect(lambda: self._answer_clicked(send=False))
        self.save_phrase_button = QPushButton(self.question_box)
        self.save_phrase_button.setEnabled(False)  # until there is an answer to keep
        self.save_phrase_button.clicked.connect(self.save_phrase_requested)
        ask = QHBoxLayout()
        ask.addWidget(self.question_edit, 1)
        ask.addWidget(self.add_question_button)
        answer = QHBoxLayout()
        answer.addWidget(self.answer_edit, 1)
        answer.addWidget(self.send_answer_button)
        answer.addWidget(self.answered_button)
        answer.addWidget(self.save_phrase_button)
        question_layout = QVBoxLayout(self.question_box)
        question_layout.addLayout(ask)
        question_layout.addWidget(self.question_list)
        question_layout.addLayout(answer)

    def _lay_out(self) -> None:
        self.message = MessageLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.nick_edit, 1)
        top.addWidget(self.new_button)
        buttons = QHBoxLayout()
        for button in (self.buyer_wrote_button, self.replied_button, self.close_button, self.jump_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.question_box, 2)
        layout.addWidget(self.message)

    def tab_title(self) -> str:
        return self.tr("会话（{0}）").format(self.waiting) if self.waiting else self.tr("会话")

    # --- shown state ---------------------------------------------------------------------------
    def show_conversations(self, snapshot: list[Entry], active: str) -> None:
        """The open conversations as the board sees them now, the active one selected."""
        self.model.refresh(snapshot, active)
        self.select(active)

    def clear_nick(self) -> None:
        self.nick_edit.clear()

    def clear_question(self) -> None:
        self.question_edit.clear()

    def clear_answer(self) -> None:
        self.answer_edit.clear()

    def offer_save_phrase(self) -> None:
        """There is an answer to keep: 存为短语 can be clicked."""
        self.save_phrase_button.setEnabled(True)

    def select(self, nick: str) -> None:
        """Keep the active conversation selected across re-sorts."""
        row = self.model.row_of(nick)
        selection = self.table.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        if not selection.isRowSelected(row):
            selection.select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def show_questions(self, questions: list[Question], now: dt.datetime) -> None:
        """Rebuilt on each tick: a handful of rows, and the countdown changes every second anyway."""
        chosen = self.selected_question()
        self.question_list.clear()
        for question in questions:
            if question.open:
                left = question.remaining_s(now)
                when = (
                    self.tr("还剩 {0}").format(format_wait(left))
                    if left > 0
                    else self.tr("已超时 {0}").format(format_wait(-left))
                )
                colour = OVERDUE_COLOUR if left <= 0 else SOON_COLOUR if left <= 60 else ""
            else:
                when = self.tr("已回答：{0}").format(question.answer)
                colour = DONE_COLOUR
            item = QListWidgetItem(f"{question.buyer}: {question.text}\n{when}", self.question_list)
            item.setData(QUESTION_ROLE, question.id if question.open else None)
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            if question.id == chosen:
                item.setSelected(True)
                self.question_list.setCurrentItem(item)
        self.question_box.setTitle(self.tr("待答问题（{0}）").format(sum(q.open for q in questions)))

    def selected_question(self) -> int | None:
        item = self.question_list.currentItem()
        return item.data(QUESTION_ROLE) if item is not None and item.isSelected() else None

    # --- input -------------------------------------------------------------------------------
    def _new_clicked(self) -> None:
        self.new_requested.emit(self.nick_edit.text())

    def _question_clicked(self) -> None:
        self.question_added.emit(self.question_edit.text())

    def _answer_clicked(self, send: bool) -> None:
        question = self.selected_question()
        if question is None:
            self.message.say(self.tr("先在列表里选一个待答问题"), error=True)
            return
        self.answer_requested.emit(question, self.answer_edit.text(), send)

    def retranslate(self) -> None:
        self.nick_edit.setPlaceholderText(self.tr("买家昵称"))
        self.new_button.setText(self.tr("新会话"))
        self.buyer_wrote_button.setText(self.tr("买家发言"))
        self.buyer_wrote_button.setToolTip(self.tr("买家发来消息：没有进行中的计时就开始计时"))
        self.replied_button.setText(self.tr("已回复"))
        self.close_button.setText(self.tr("结束"))
        self.jump_button.setText(self.tr("等待最久"))
        self.jump_button.setToolTip(self.tr("跳到等待最久的会话"))
        self.question_edit.setPlaceholderText(self.tr("买家问了什么要查的?（5 分钟内回复）"))
        self.add_question_button.setText(self.tr("记下"))
        self.answer_edit.setPlaceholderText(self.tr("回答"))
        self.send_answer_button.setText(self.tr("发送回答"))
        self.answered_button.setText(self.tr("已答"))
        self.save_phrase_button.setText(self.tr("存为短语"))
        self.question_box.setTitle(self.tr("待答问题"))
