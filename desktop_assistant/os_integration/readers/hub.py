"""The reader hub (docs/reading.md): on the GUI thread, every `reader.interval_ms`, it takes the client window
the agent was last in (the foreground tracker's last external window), finds its client by the title
rules and polls that client's readers in order: the accessibility tree (`reader.ui_tree`), sight
(`reader.sight`, only once the client's regions are calibrated), manual last. A reader that raises
ReaderUnavailable hands over to the next one and is tried again after RETRY_AFTER.

Rules the hub keeps for every reader:
- the read-twice rule for the active buyer (domain NickConfirmer) is applied by each reader, which sees
  its own reads (a stale header, a list still loading); ACTIVE_BUYER arrives confirmed and switches at
  once. Confirming again here would cost a second poll (500 ms) on every switch (docs/reading.md: within 1 s).
  While a reader holds a nick read once (`confirming()`), it is polled again after RECHECK_MS;
- message text is kept only when `reader.capture_questions` is on; otherwise it is dropped here, before
  anything else sees it.
Events without a buyer (a bubble in the open chat) get the client's confirmed buyer. With no chat
window the hub does nothing but one comparison per tick.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.conversation_titles import (
    TitleRule,
    TitleRuleError,
    WindowMatch,
    match_window,
    parse_title_rules,
)
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    MANUAL,
    SIGHT,
    UI_TREE,
    ReaderEvent,
    RegionError,
    parse_regions,
)
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers.base import Reader, ReaderUnavailable

log = logging.getLogger(__name__)

RETRY_AFTER = dt.timedelta(seconds=10)  # a reader that could not read is not asked again before this
# A nick read once is read again this soon (Reader.confirming): the second reading of a header that did not
# change costs a grab and a digest, and a whole interval more would put a switch past 1 s.
RECHECK_MS = 100
# Without a chat window this long, readers let go of what they can load again (the OCR models, ~80 MB).
IDLE_RELEASE_MS = 10 * 60 * 1000
ReaderFactory = Callable[[], Reader]


def chat_match(window: WindowRef | None, rules: tuple[TitleRule, ...]) -> WindowMatch | None:
    """What `window` is by the title rules, when it is a chat window of a client (else None)."""
    if window is None:
        return None
    found = match_window(window.process, window.title, rules, window.window_class)
    return found if found is not None and found.is_chat_window else None


def chat_client(window: WindowRef | None, title_rules: str) -> str:
    """The client (platform) of `window` the way the hub finds it, from the setting's text; "" when the
    window is no chat window or the rules are unusable. For the calibration overlay."""
    try:
        rules = parse_title_rules(title_rules)
    except TitleRuleError:
        return ""
    found = chat_match(window, rules)
    return found.platform if found is not None else ""


class ReaderHub(QObject):
    reader_event = Signal(object)  # ReaderEvent, on the GUI thread; not `event`, which would hide QObject.event()
    live_changed = Signal(str, str, str)  # client, source (ui_tree | sight | manual; "" when idle), reason

    def __init__(
        self,
        tracker: QObject,
        factories: Mapping[str, ReaderFactory],
        values: Mapping[str, object],
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tracker = tracker  # ForegroundTracker: only its `last_external` is read
        self._factories = dict(factories)
        self._clock = clock
        self._readers: dict[str, Reader] = {}
        self._failed: dict[tuple[str, str], tuple[dt.datetime, str]] = {}  # (source, client) -> until, reason
        self._logged: dict[tuple[str, str], str] = {}  # (source, client) -> the reason last logged
        self._active: dict[str, str] = {}  # client -> the confirmed buyer of its open chat
        self._seen: tuple | None = None  # the last window looked at and what it is (the idle fast path)
        self._match: WindowMatch | None = None
        self.live: tuple[str, str, str] = ("", "", "")
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.recheck = QTimer(self)
        self.recheck.setSingleShot(True)
        self.recheck.setInterval(RECHECK_MS)
        self.recheck.timeout.connect(self.poll)
        self.release = QTimer(self)  # runs while there is no chat window
        self.release.setSingleShot(True)
        self.release.setInterval(IDLE_RELEASE_MS)
        self.release.timeout.connect(self._release)
        self.apply_settings(values)

    # --- settings ----------------------------------------------------------------------------
    def apply_settings(self, values: Mapping[str, object]) -> None:
        try:
            self._rules = parse_title_rules(str(values["conversation.title_rules"]))
        except TitleRuleError as exc:  # the settings check refuses these; an old file may hold one
            log.warning("title rules unusable, no client is read: %s", exc)
            self._rules = ()
        try:
            self._calibrated = set(parse_regions(str(values["reader.regions"])))
        except RegionError as exc:
            log.warning("reader.regions unusable, sight reads nothing: %s", exc)
            self._calibrated = set()
        self._use_ui_tree = bool(values["reader.ui_tree"])
        self._use_sight = bool(values["reader.sight"])
        self._keep_text = bool(values["reader.capture_questions"])
        self.timer.setInterval(int(values["reader.interval_ms"]))  # type: ignore[call-overload]
        self._seen = None  # the rules may now say something else of the same window
        self._failed.clear()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.recheck.stop()
        self.release.stop()
        for reader in self._readers.values():
            try:
                reader.close()
            except Exception:  # closing must not stop the others from closing
                log.exception("closing the %s reader failed", reader.source)
        self._readers.clear()

    # --- which readers ----------------------------------------------------------------------
    def sources_for(self, client: str) -> list[str]:
        """The readers configured for `client`, in the order they are tried."""
        order = []
        if self._use_ui_tree and UI_TREE in self._factories:
            order.append(UI_TREE)
        if self._use_sight and SIGHT in self._factories and client in self._calibrated:
            order.append(SIGHT)
        order.append(MANUAL)
        return order

    def reader(self, source: str) -> Reader:
        """The reader of `source`, built on first use (ReaderUnavailable when it cannot be built here)."""
        if source not in self._readers:
            self._readers[source] = self._factories[source]()
        return self._readers[source]

    def chat_window(self) -> tuple[WindowRef, WindowMatch] | None:
        """The client window the agent was last in, when the rules say it is a chat window."""
        window = getattr(self._tracker, "last_external", None)
        if window is None:
            self._seen, self._match = None, None
            return None
        key = (window.id, window.process, window.window_class, window.title)
        if key != self._seen:  # the idle fast path: the same window says the same as last tick
            self._seen = key
            self._match = chat_match(window, self._rules)
        return (window, self._match) if self._match is not None else None

    # --- the poll ----------------------------------------------------------------------------
    def poll(self) -> list[ReaderEvent]:
        found = self.chat_window()
        if found is None:
            if self._set_live("", "", "") and self._readers:
                self.release.start()
            return []
        self.release.stop()
        window, match = found
        client = match.platform
        now = self._clock.now()
        reasons = []
        for source in self.sources_for(client):
            failed = self._failed.get((source, client))
            if failed is not None and now < failed[0]:
                reasons.append(failed[1])
                continue
            try:
                reader = self.reader(source)
                events = reader.read(window, client, now)
            except ReaderUnavailable as exc:
                reason = str(exc)
                if self._logged.get((source, client)) != reason:  # retried all day: say it when it is new
                    self._logged[(source, client)] = reason
                    log.info("%s reader unavailable for %s: %s", source, client, reason)
                self._failed[(source, client)] = (now + RETRY_AFTER, reason)
                reasons.append(reason)
                continue
            self._failed.pop((source, client), None)
            self._logged.pop((source, client), None)  # failing again later is news again
            self._set_live(client, source, reasons[0] if reasons else "")
            if reader.confirming() and self.timer.isActive():
                self.recheck.start()
            return self._deliver(client, source, events)
        return []  # not reached: manual always reads

    def _deliver(self, client: str, source: str, events: list[ReaderEvent]) -> list[ReaderEvent]:
        delivered = []
        for event in events:
            if event.kind == ACTIVE_BUYER:
                nick = event.buyer.strip()
                if not nick or nick == self._active.get(client):
                    continue
                self._active[client] = nick
            event = dataclasses.replace(
                event,
                platform=event.platform or client,
                buyer=event.buyer or self._active.get(client, ""),
                text=event.text if self._keep_text else "",
            )
            if not event.buyer:
                continue  # a bubble in a chat whose buyer is not known yet: nobody to time
            delivered.append(event)
            self.reader_event.emit(event)
        return delivered

    def _release(self) -> None:
        for reader in self._readers.values():
            reader.idle()

    def _set_live(self, client: str, source: str, reason: str) -> bool:
        """Whether this changed what is live."""
        if (client, source, reason) == self.live:
            return False
        self.live = (client, source, reason)
        log.info("reader live: %s %s %s", client or "-", source or "-", reason)
        self.live_changed.emit(client, source, reason)
        return True
