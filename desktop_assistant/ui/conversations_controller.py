"""Wires conversations to the panel: events from the readers of the IM client (docs/reading.md), hotkeys,
buttons, pastes and the chat window in front; one tick a second repaints every timer, raises alerts once
per level and round, and counts down the 待答问题. Every event is stored before the board takes it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_assistant.domain.buyers import valid_nick
from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.conversation_titles import (
    TitleRuleError,
    is_own_account,
    match_window,
    parse_accounts,
    parse_title_rules,
)
from desktop_assistant.domain.conversations import (
    BUYER_WROTE,
    CLOSED,
    MSG_NO_CONVERSATION,
    OPENED,
    REPLIED,
    ConversationError,
    Entry,
    Event,
    Level,
    TimerRules,
    format_wait,
    replay,
)
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.questions import MSG_NO_ANSWER, ConversationRepository, Question, valid_text
from desktop_assistant.domain.reader_rounds import ACTIVATE, ReaderRounds
from desktop_assistant.domain.reading import ReaderEvent
from desktop_assistant.domain.settings import SettingsAccess
from desktop_assistant.ui.conversations_tab import ConversationsTab

log = logging.getLogger(__name__)

TICK_MS = 1000
REPLAY_SPAN = dt.timedelta(days=1)  # a restart picks up the conversations of the last day
QUESTION_MINUTES = 5
QUESTIONS_REREAD = dt.timedelta(minutes=1)
STRIP_COLOURS = {
    Level.ANSWERED: "",
    Level.WAITING: "",
    Level.WARN: "#ef6c00",
    Level.OVERDUE: "#c62828",
    Level.CRITICAL: "#c62828",
}


class ConversationsController(QObject):
    notify = Signal(str, str)  # title, message for the tray and the status strip (never takes focus)
    active_changed = Signal(str)  # the buyer of the active conversation ("" when none)
    status_changed = Signal(str, str)  # status-strip text, colour
    save_phrase_requested = Signal(str, str)  # title (the question), body (the answer)
    problem = Signal(str)  # a refused action, for the status strip too (a hotkey is pressed with the tab unseen)
    badge_changed = Signal(bool)  # the waiting count in the tab title changed; True: someone is overdue

    def __init__(
        self,
        repository: ConversationRepository,
        settings: SettingsAccess,
        clock: Clock,
        paste_text: Callable[[str, Any], None],
        focus_window: Callable[[Any], bool],
        beep: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._settings = settings
        self._clock = clock
        self._paste_text = paste_text
        self._focus_window = focus_window
        self._beep = beep
        self.rules = TimerRules.from_settings(settings.all())
        self.title_rules = self._title_rules(settings.get("conversation.title_rules"))
        now = clock.now()
        recent = repository.events_between(now - REPLAY_SPAN, now + dt.timedelta(seconds=1))
        self.board = replay(recent, self.rules, now)
        self.reader_rounds = ReaderRounds(recent)
        self.active = ""
        self.windows: dict[str, Any] = {}  # buyer -> the chat window last seen for them (for "jump")
        self.sellers_seen: set[str] = set()  # seller accounts read from chat-window titles
        self._alerted_questions: set[int] = set()
        # Read when they change, and once a minute so answered ones leave the list in time: not every tick.
        self._questions: list[Question] = []
        self._questions_read_at: dt.datetime | None = None
        self._badge = (0, False)
        self.last_answer: tuple[str, str] | None = None  # question, answer: offered as a new phrase
        self.tab = tab = ConversationsTab()
        tab.new_requested.connect(lambda nick: self.new_conversation(nick, "panel"))
        tab.chosen.connect(self.set_active)
        tab.buyer_wrote_requested.connect(lambda: self.buyer_wrote("button"))
        tab.replied_requested.connect(lambda: self.replied("button"))
        tab.close_requested.connect(self.close_active)
        tab.jump_requested.connect(self.jump_longest)
        tab.question_added.connect(self.add_question)
        tab.answer_requested.connect(self.answer_question)
        tab.save_phrase_requested.connect(
            lambda: self.save_phrase_requested.emit(*self.last_answer) if self.last_answer else None
        )
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

    @staticmethod
    def _title_rules(text: str) -> tuple:
        try:
            return parse_title_rules(text)
        except TitleRuleError as exc:  # the settings check refuses these; an old file may still hold one
            log.warning("conversation.title_rules unusable, chat windows are not recognised: %s", exc)
            return ()

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self.timer.stop()

    def apply_settings(self, values: dict) -> None:
        self.rules = TimerRules.from_settings(values)
        self.board.rules = self.rules
        self.title_rules = self._title_rules(values["conversation.title_rules"])
        self.tick()

    def _say_error(self, error: UserError) -> None:
        text = error.translated(QCoreApplication.translate)
        self.tab.show_error(text)
        self.problem.emit(text)

    def _agent(self) -> str:
        return self._settings.get("agent_id") or self._settings.get("agent_name")

    def _record(self, nick: str, kind: str, source: str, platform: str = "", at: dt.datetime | None = None) -> None:
        """Stored first: the board only takes what the database kept."""
        event = Event(at or self._clock.now(), nick, kind, platform, self._agent(), source)
        self._repository.record(event)
        self.board.apply(event)
        self.reader_rounds.recorded(event)
        if kind == CLOSED:  # a closed chat's window is not jumped to; the map stays as small as the list
            self.windows.pop(nick, None)
        log.info("conversation %s: %s (%s)", nick, kind, source)

    # --- events --------------------------------------------------------------------------------
    def new_conversation(self, raw_nick: str, source: str, platform: str = "") -> bool:
        """Open (or return to) a conversation; a new one starts a round: a buyer wrote to be opened."""
        try:
            nick = valid_nick(raw_nick)  # the same nick the 买家 tab looks up
        except UserError as exc:
            self._say_error(exc)
            return False
        if nick not in self.board.conversations:
            self._record(nick, OPENED, source, platform)
        self.tab.clear_nick()
        self.set_active(nick)
        return True

    def new_from_clipboard(self, text: str) -> bool:
        """The hotkey: the nick the agent copied from the IM client (its first line)."""
        first_line = next((line for line in (text or "").splitlines() if line.strip()), "")
        return self.new_conversation(first_line, "clipboard")

    def window_activated(self, process: str, title: str, window: Any = None, window_class: str = "") -> None:
        """A window came to the front; a chat window whose title holds the buyer (by its rule) makes that
        conversation active. A title naming the seller's account adds it to the accounts never taken as buyers."""
        window_class = window_class or getattr(window, "window_class", "")
        found = match_window(process, title, self.title_rules, window_class, self.seller_accounts())
        if found is None or not found.is_chat_window:
            return
        if found.seller:
            self.sellers_seen.add(found.seller)
        if not found.buyer:
            return
        if window is not None:
            self.windows[found.buyer] = window
        self.new_conversation(found.buyer, "window", found.platform)

    def seller_accounts(self) -> frozenset[str]:
        """The setting `seller_accounts` and the accounts chat-window titles named: never buyers."""
        return parse_accounts(self._settings.get("seller_accounts")) | self.sellers_seen

    def _require_active(self) -> str:
        if self.active not in self.board.conversations:
            self._say_error(ConversationError(MSG_NO_CONVERSATION))
            return ""
        return self.active

    def buyer_wrote(self, source: str) -> None:
        """Starts a round only when none is open (the board keeps the first unanswered message)."""
        nick = self._require_active()
        if nick:
            self._record(nick, BUYER_WROTE, source)
            self.refresh()

    def replied(self, source: str) -> None:
        nick = self._require_active()
        if nick:
            self._record(nick, REPLIED, source)
            self.refresh()

    def agent_pasted(self, tag: Any) -> None:
        """Anything pasted into the chat (a phrase, a confirmation, an answer) is the agent's reply."""
        if self.active in self.board.conversations:
            self._record(self.active, REPLIED, "phrase" if isinstance(tag, int) else "paste")
            self.reader_rounds.pasted(self.active)
            self.refresh()

    # --- what the readers of the IM client saw (os_integration/readers/hub.py) ------------------
    def reader_event(self, event: ReaderEvent) -> None:
        """The rules are domain/reader_rounds.py's. The reader confirmed the nick (read twice), the hub
        dropped message text unless question capture is on; nothing here stores text. The seller's own
        accounts are never buyers."""
        try:
            nick = valid_nick(event.buyer)  # the nick the 买家 tab, notes and promises use
        except UserError:
            return  # a misread, not the agent's input: nothing to say
        if "\n" in nick:
            return
        if is_own_account(nick, self.seller_accounts()):
            log.info("reader: %s is the seller's own account, not a buyer", nick)
            return
        decision = self.reader_rounds.decide(self.board, event, self._clock.now())
        if decision is None:
            return
        if decision.kind == ACTIVATE:
            if nick not in self.board.conversations:
                self.board.open(nick, event.platform, decision.at)
            self.set_active(nick)
            return
        self._record(nick, decision.kind, event.source, event.platform, decision.at)
        self.refresh()

    def close_active(self) -> None:
        nick = self._require_active()
        if nick:
            self._record(nick, CLOSED, "button")
            self.set_active("")

    def set_active(self, nick: str) -> None:
        changed = nick != self.active
        self.active = nick
        if changed:
            self.active_changed.emit(nick)
        self.tab.clear_message()
        self.refresh()

    def jump_longest(self) -> None:
        """The buyer who has waited longest becomes active, and their chat window comes up if known."""
        longest = self.board.longest_waiting(self._clock.now())
        if longest is None:
            self.tab.show_message(self.tr("没有等待回复的会话"))
            return
        self.set_active(longest.buyer)
        window = self.windows.get(longest.buyer)
        if window is not None and not self._focus_window(window):
            log.info("could not bring the chat window of %s forward", longest.buyer)

    # --- 待答问题 --------------------------------------------------------------------------------
    def add_question(self, raw: str) -> Question | None:
        nick = self._require_active()
        if not nick:
            return None
        try:
            text = valid_text(raw)
        except UserError as exc:
            self._say_error(exc)
            return None
        now = self._clock.now()
        question = self._repository.add_question(
            nick, text, now + dt.timedelta(minutes=QUESTION_MINUTES), self._agent(), now
        )
        self.tab.clear_question()
        self.tab.show_message(self.tr("已记下，{0} 分钟内回复 {1}").format(QUESTION_MINUTES, nick))
        self._questions_read_at = None
        self.refresh()
        return question

    def answer_question(self, question_id: int, raw: str, send: bool) -> Question | None:
        try:
            answer = valid_text(raw, MSG_NO_ANSWER)
        except UserError as exc:
            self._say_error(exc)
            return None
        question = self._repository.answer_question(question_id, answer, self._clock.now())
        if send:  # the paste comes back through agent_pasted: that is the reply
            self._paste_text(answer, ("question", question_id))
        self.last_answer = (question.text, answer)
        self.tab.clear_answer()
        self.tab.offer_save_phrase()
        self.tab.show_message(self.tr("已回答。这个回答以后还用得上? 点「存为短语」"))
        self._questions_read_at = None
        self.refresh()
        return question

    # --- the tick ------------------------------------------------------------------------------
    def tick(self) -> None:
        now = self._clock.now()
        for nick in self.board.idle(now):
            self._record(nick, CLOSED, "idle")
            if nick == self.active:
                self.set_active("")
        snapshot = self.board.snapshot(now)
        for conversation, level in self.board.escalations(now, snapshot):
            self._alert(conversation.buyer, level, conversation.waited_s(now))
        self.refresh(now, snapshot)

    def _alert(self, nick: str, level: Level, waited: float) -> None:
        title = self.tr("严重超时") if level == Level.CRITICAL else self.tr("回复超时")
        message = self.tr("{0} 已等待 {1}").format(nick, format_wait(waited))
        if self._settings.get("alerts.tray"):
            self.notify.emit(title, message)
        if self._settings.get("alerts.sound"):
            self._beep()

    def refresh(self, now: dt.datetime | None = None, snapshot: list[Entry] | None = None) -> None:
        now = now or self._clock.now()
        snapshot = snapshot if snapshot is not None else self.board.snapshot(now)
        self.tab.show_conversations(snapshot, self.active)
        if self._questions_read_at is None or now - self._questions_read_at >= QUESTIONS_REREAD:
            self._questions = self._repository.listed_questions(now)
            self._questions_read_at = now
        questions = self._questions
        for question in questions:
            if question.overdue(now) and question.id not in self._alerted_questions:
                self._alerted_questions.add(question.id)
                self.notify.emit(self.tr("待答问题超时"), f"{question.buyer}: {question.text}")
        self.tab.show_questions(questions, now)
        self.status_changed.emit(*self.status_text(now))
        badge = (sum(e.level > Level.ANSWERED for e in snapshot), any(e.level >= Level.OVERDUE for e in snapshot))
        if badge != self._badge:
            self._badge = badge
            self.tab.waiting = badge[0]
            self.badge_changed.emit(badge[1])

    def status_text(self, now: dt.datetime) -> tuple[str, str]:
        conversation = self.board.conversations.get(self.active)
        if conversation is None:
            return "", ""
        name = f"{conversation.buyer} ({conversation.platform})" if conversation.platform else conversation.buyer
        _conversation, level, waited = self.board.entry(conversation, now)
        if level == Level.ANSWERED:
            return self.tr("{0} · 已回复").format(name), ""
        return self.tr("{0} · 等待 {1}").format(name, format_wait(waited)), STRIP_COLOURS[level]
