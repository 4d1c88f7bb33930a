"""The manual reader: the honest "nothing automatic here" state (docs/reading.md).

It reads nothing from the window, by design: for this client the events come from the agent (the
买家发言 / 已回复 hotkeys and buttons, a nick copied to the clipboard, a nick typed in 会话), which the
conversations controller already takes. It is the last reader of every client, so the hub always has
one that works, and the status strip says 手动 instead of pretending something is being read.
"""

from __future__ import annotations

import datetime as dt

from desktop_assistant.domain.reading import MANUAL, ReaderEvent
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers.base import Reader


class ManualReader(Reader):
    source = MANUAL

    def read(self, window: WindowRef, client: str, now: dt.datetime) -> list[ReaderEvent]:
        return []  # the agent is the reader here: hotkeys, clipboard and typing reach the controller directly
