"""Fakes of the Windows behaviour the insertion pipeline must survive, keeping real state.

`FakeClipboard` is QClipboard as Qt's Windows plugin behaves under contention (another program holds
the clipboard open): a read gives no formats, a set fails and Qt deletes the QMimeData it was given
(qwindowsclipboard.cpp: releaseIData), `ownsClipboard` stays with the real owner, and
CountClipboardFormats (which does not open the clipboard) still counts the owner's formats.
`FakeUser32` is the foreground window as user32 decides it: SetForegroundWindow only succeeds under the
conditions Microsoft documents, and UIPI drops injected keys aimed at a more elevated window."""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard

CLIPBOARD = QClipboard.Mode.Clipboard


class FakeClipboard:
    """The subset of QClipboard the pipeline uses. `busy` counts the coming operations that find the
    clipboard held open by someone else (each Qt call already retried internally and gave up)."""

    def __init__(self) -> None:
        self.content: QMimeData | None = None
        self.ours = False  # set through setMimeData by us, i.e. OleIsCurrentClipboard
        self.busy = 0
        self.set_fails = 0  # coming sets that fail although reads work (the holder let go in between)
        self.failed_sets = 0
        self.clears = 0

    def _blocked(self) -> bool:
        if self.busy > 0:
            self.busy -= 1
            return True
        return False

    # --- what the agent or another program does ------------------------------------------
    def copy_by_agent(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        self.content, self.ours = mime, False

    # --- QClipboard ---------------------------------------------------------------------
    def mimeData(self, mode: QClipboard.Mode = CLIPBOARD) -> QMimeData | None:  # noqa: N802 - Qt name
        if self.ours:  # the owner's own data, no OpenClipboard needed
            return self.content
        if self._blocked():
            return QMimeData()  # Qt's retrieval data with no formats: looks exactly like an empty clipboard
        return self.content if self.content is not None else QMimeData()

    def setMimeData(self, mime: QMimeData, mode: QClipboard.Mode = CLIPBOARD) -> None:  # noqa: N802
        failing = self.set_fails > 0
        self.set_fails = max(0, self.set_fails - 1)
        if self._blocked() or failing:
            self.failed_sets += 1
            shiboken6.delete(mime)  # Qt deletes the data it could not place
            return
        self.content, self.ours = mime, True

    def clear(self, mode: QClipboard.Mode = CLIPBOARD) -> None:
        if self._blocked():
            return
        self.clears += 1
        self.content, self.ours = None, False

    def text(self, mode: QClipboard.Mode = CLIPBOARD) -> str:
        mime = self.mimeData(mode)
        return mime.text() if mime is not None else ""

    def ownsClipboard(self) -> bool:  # noqa: N802
        return self.ours

    def ownsSelection(self) -> bool:  # noqa: N802
        return False

    def supportsSelection(self) -> bool:  # noqa: N802
        return False

    def format_count(self) -> int | None:
        """CountClipboardFormats: works while another program holds the clipboard open."""
        return len(self.content.formats()) if self.content is not None else 0

    def current_text(self) -> str:
        """What a paste would insert now (the test's view, never busy)."""
        return self.content.text() if self.content is not None else ""
