"""Wires notes, promises and 催付 to the panel: the 备注 and 待办 tabs, their dialogs, and one timer
that asks the domain what is due and announces it once (remembered in the database across restarts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.notes import NoteRepository
from desktop_assistant.domain.promises import (
    PromiseRepository,
    Status,
    UrgeRules,
    due_promise_reminders,
    due_urges,
    parse_cutoff,
    promise_status,
    urge_reminders,
    urgency_order,
    validated_unpaid,
)
from desktop_assistant.domain.settings import SettingsAccess
from desktop_assistant.ui.agenda_tab import AgendaTab
from desktop_assistant.ui.note_dialogs import MemoDialog, PromiseDialog

if TYPE_CHECKING:
    from desktop_assistant.ui.notes_tab import NotesTab

TICK_MS = 15_000  # reminders are minute-grained; four looks a minute are plenty and cost nothing
PROMISE, URGE = "promise", "urge"

# Sends the phrase with this code into the IM window, placeholders filled from the context;
# returns "" or why it could not.
PhraseSender = Callable[[str, dict], str]


class NotesController(QObject):
    notify = Signal(str, str)  # title, message: a tray notification (never steals focus)
    badge_changed = Signal(int)  # promises due soon or overdue, plus orders waiting to be chased
    overdue_changed = Signal(list)  # one line per overdue promise, for the tray menu
    order_opened = Signal(str, str)  # order id, buyer: opened in the 备注 tab

    def __init__(
        self,
        notes: NoteRepository,
        promises: PromiseRepository,
        settings: SettingsAccess,
        clock: Clock,
        send_phrase: PhraseSender,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._promises = promises
        self._settings = settings
        self._clock = clock
        self._send_phrase = send_phrase
        self._notes = notes
        self._notes_tab: NotesTab | None = None  # built when first opened: the reminders run without it
        self.agenda_tab = agenda = AgendaTab()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        agenda.new_promise_requested.connect(lambda: self.open_promise_dialog(*self.context().values()))
        agenda.promise_done.connect(self.mark_done)
        agenda.unpaid_added.connect(self.add_unpaid)
        agenda.urge_requested.connect(self.urge)
        agenda.unpaid_closed.connect(self.close_unpaid)

    @property
    def notes_tab_built(self) -> bool:
        return self._notes_tab is not None

    @property
    def notes_tab(self) -> NotesTab:
        """The 备注 tab, built the first time it is asked for (the agent opens it)."""
        if self._notes_tab is None:
            from desktop_assistant.ui.notes_tab import NotesTab

            self._notes_tab = tab = NotesTab(self._notes, self._settings, self._clock)
            tab.memo_requested.connect(self.open_memo)
            tab.promise_requested.connect(self.open_promise_dialog)
            tab.order_opened.connect(self.order_opened)
        return self._notes_tab

    @property
    def badge(self) -> int:
        return self.agenda_tab.badge

    def start(self) -> None:
        self.tick()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def apply_settings(self, values: dict) -> None:
        if self._notes_tab is not None:  # built later, it reads the settings then
            self._notes_tab.apply_settings(values)
        self.tick()  # reminder times follow the new lead and cut-off at once

    def context(self) -> dict[str, str]:
        """The order open in the 备注 tab: {订单号} and {买家} for phrases (none before the tab is opened)."""
        if self._notes_tab is None:
            return {"order_id": "", "buyer": ""}
        return self._notes_tab.order_context()

    def _lead(self) -> dt.timedelta:
        return dt.timedelta(minutes=self._settings.get("promises.remind_minutes"))

    def rules(self) -> UrgeRules:
        try:
            cutoff = parse_cutoff(self._settings.get("urge.cutoff"))
        except UserError:
            cutoff = dt.time(16, 0)  # the schema validates it; this only guards a hand-edited file
        return UrgeRules(
            cutoff,
            dt.timedelta(minutes=self._settings.get("urge.first_after_minutes")),
            dt.timedelta(minutes=self._settings.get("urge.lead_minutes")),
            self._settings.get("urge.phrase_before_cutoff"),
            self._settings.get("urge.phrase_after_cutoff"),
        )

    # --- the tick ------------------------------------------------------------------------------
    def tick(self) -> None:
        """One read of promises and unpaid orders: announce what became due, then redraw."""
        now = self._clock.now()
        lead = self._lead()
        rules = self.rules()
        listed = self._promises.listed(now)
        unpaid = self._promises.open_unpaid()
        self._announce_promises([p for p in listed if p.done_at is None], now, lead)
        self._announce_urges(unpaid, rules, now)
        with_status = [(p, promise_status(p, now, lead)) for p in urgency_order(listed, now, lead)]
        self.agenda_tab.show_promises(with_status, now)
        reminders = [(order, urge_reminders(order, rules)) for order in unpaid]
        self.agenda_tab.show_unpaid(
            [(order, next((r for r in times if r.at > now), None)) for order, times in reminders], now
        )
        overdue = [p for p, status in with_status if status is Status.OVERDUE]
        pressing = sum(status in (Status.OVERDUE, Status.DUE_SOON) for _, status in with_status)
        waiting = sum(any(r.at <= now for r in times) for _, times in reminders)
        self.overdue_changed.emit([f"{p.due:%H:%M} {p.text}" for p in overdue])
        if pressing + waiting != self.agenda_tab.badge:
            self.agenda_tab.badge = pressing + waiting
            self.badge_changed.emit(self.agenda_tab.badge)

    def _announce_promises(self, open_promises: list, now: dt.datetime, lead: dt.timedelta) -> None:
        due = due_promise_reminders(open_promises, now, lead, self._promises.reminders_given(PROMISE))
        for promise, status in due:
            title = self.tr("承诺已超时") if status is Status.OVERDUE else self.tr("承诺快到期")
            who = " ".join(part for part in (promise.order_id, promise.buyer) if part)
            self.notify.emit(title, f"{promise.due:%H:%M} {promise.text}" + (f" ({who})" if who else ""))
        if due:
            self._promises.remember_reminders(PROMISE, [(p.id, status.value) for p, status in due], now)

    def _announce_urges(self, unpaid: list, rules: UrgeRules, now: dt.datetime) -> None:
        due = due_urges(unpaid, rules, now, self._promises.reminders_given(URGE))
        for reminder in due:
            order = reminder.order
            who = order.order_id + (f" {order.buyer}" if order.buyer else "")
            self.notify.emit(self.tr("该催付了"), self.tr("{0}：在「待办」点「发催付话术」").format(who))
        if due:
            self._promises.remember_reminders(URGE, [(r.order.id, kind) for r in due for kind in r.covers], now)

    # --- promises ------------------------------------------------------------------------------
    def open_promise_dialog(self, order_id: str = "", buyer: str = "") -> PromiseDialog:
        dialog = PromiseDialog(self._clock, order_id, buyer, self.agenda_tab.window())
        dialog.accepted.connect(lambda: self._add_promise(dialog))
        dialog.open()
        return dialog

    def _add_promise(self, dialog: PromiseDialog) -> None:
        if dialog.result_promise is None:
            return
        self._promises.add(dialog.result_promise, self._settings.get("agent_id"), self._clock.now())
        self.agenda_tab.show_message(self.tr("已记下承诺：{0}").format(dialog.result_promise.text))
        self.tick()

    def mark_done(self, promise_id: int) -> None:
        self._promises.mark_done(promise_id, self._settings.get("agent_id"), self._clock.now())
        self.tick()

    # --- 催付 ----------------------------------------------------------------------------------
    def add_unpaid(self, order_id: str, buyer: str, minutes_ago: int) -> bool:
        now = self._clock.now()
        try:
            order, nick, placed = validated_unpaid(order_id, buyer, now - dt.timedelta(minutes=minutes_ago), now)
            self._promises.add_unpaid(order, nick, placed, self._settings.get("agent_id"))
        except UserError as exc:
            self.agenda_tab.show_error(exc.translated(QCoreApplication.translate))
            return False
        self.agenda_tab.clear_unpaid_form()
        self.agenda_tab.show_message(self.tr("已加入催付：{0}").format(order))
        self.tick()
        return True

    def urge(self, unpaid_id: int) -> None:
        order = next((o for o in self._promises.open_unpaid() if o.id == unpaid_id), None)
        if order is None:
            return
        rules = self.rules()
        cutoff = dt.datetime.combine(order.placed_at.date(), rules.cutoff)
        code = rules.phrase_before_cutoff if self._clock.now() < cutoff else rules.phrase_after_cutoff
        problem = self._send_phrase(code, {"order_id": order.order_id, "buyer": order.buyer})
        if problem:
            self.agenda_tab.show_error(problem)
        else:
            self.agenda_tab.show_message(self.tr("催付话术已发送：{0}").format(order.order_id))

    def close_unpaid(self, unpaid_id: int, outcome: str) -> None:
        self._promises.close_unpaid(unpaid_id, outcome, self._clock.now())
        self.tick()

    # --- memo ----------------------------------------------------------------------------------
    def open_memo(self) -> MemoDialog:
        dialog = MemoDialog(self._settings.get("agent_name"), self._clock, self.notes_tab.window())
        dialog.use_in_note.connect(self.notes_tab.append_text)
        dialog.open()
        return dialog
