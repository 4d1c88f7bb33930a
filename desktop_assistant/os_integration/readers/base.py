"""The interface every reader of the IM client implements (docs/reading.md).

A reader is polled on the GUI thread with the chat window of one client; it returns what it saw as
`ReaderEvent`s (domain/reading.py). A reader whose analysis is slow runs it elsewhere and returns its
events at a later poll (the sight reader: one worker thread of its own, docs/sight.md). It never clicks,
types or focuses anything in the client and stores no image. `ReaderUnavailable` says it cannot read
this window now (opaque to UIA, no calibration, OCR not installed ...): the hub then falls back to the
next reader for that client.

How the hub (readers/hub.py) takes the events:
- ACTIVE_BUYER is reported once the reader read the same nick twice in a row (domain NickConfirmer, in
  the reader: only it knows a stale or half-drawn read); the hub switches on it at once. While a nick
  waits for its second reading, `confirming()` is true and the hub reads again soon. Bubbles read
  while the nick is still unconfirmed are the reader's to hold back or attribute.
- A BUYER_MESSAGE / AGENT_MESSAGE with an empty `buyer` belongs to the open chat: the hub gives it the
  confirmed buyer. `text` may be filled; the hub drops it unless question capture is on.
- app.py builds each reader through a factory (`uia.create`, `sight.create_reader`; settings:
  domain.settings.SettingsAccess), importing its module only when the reader is first needed.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod

from desktop_assistant.domain.reading import ReaderEvent
from desktop_assistant.os_integration.foreground import WindowRef


class ReaderUnavailable(RuntimeError):
    """This reader cannot read the window now; the message says why (Chinese, for the status strip)."""


class Reader(ABC):
    source = "abstract"  # ui_tree | sight | manual

    @abstractmethod
    def read(self, window: WindowRef, client: str, now: dt.datetime) -> list[ReaderEvent]:
        """One poll of `window`, a chat window of `client` (the platform name of its title rule).
        Returns only what is new since the last poll; raises ReaderUnavailable when it cannot read."""

    def confirming(self) -> bool:
        """A nick was read once and waits for its second reading: the hub then polls again after
        RECHECK_MS instead of a whole interval (a switch is followed within 1 s)."""
        return False

    def idle(self) -> None:  # noqa: B027 - optional: most readers hold nothing to reload
        """No chat window for IDLE_RELEASE_MS: drop what can be loaded again (the OCR models), keeping what
        was seen. Must not block."""

    def close(self) -> None:  # noqa: B027 - optional: the manual reader holds nothing
        """Release what the reader holds (COM objects, OCR models)."""
