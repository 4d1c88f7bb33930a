"""The insertion pipeline's clipboard steps (docs/insertion.md), a part of InsertionPipeline kept in its own file.

Back up the agent's clipboard (an unreadable one is read again with backoff, never taken for empty),
put our text on it and check it is there (set again with backoff; no paste chord without it), and give
the backup back after the burst (again with backoff while the clipboard is busy). On Windows another
program holding the clipboard open makes Qt's reads look empty and its sets fail; see
docs/windows-insertion.md.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QClipboard

from desktop_assistant.domain.paste_rules import CTRL_V, SHIFT_INSERT, TYPE
from desktop_assistant.os_integration.clipboard import ClipboardSnapshot, TextPayload, holds, placed

if TYPE_CHECKING:
    from desktop_assistant.os_integration.insertion import InsertionPipeline

log = logging.getLogger(__name__)

MSG_CLIPBOARD_UNREADABLE = QT_TRANSLATE_NOOP(
    "Insertion", "剪贴板正被其他程序占用，无法备份您复制的内容，短语没有粘贴。请稍后再试"
)
MSG_CLIPBOARD_NOT_SET = QT_TRANSLATE_NOOP(
    "Insertion", "剪贴板正被其他程序占用，无法放入短语，短语没有粘贴（没有把您原来复制的内容粘进聊天）。请稍后再试"
)


def reason(template: str, *args: object) -> str:
    return QCoreApplication.translate("Insertion", template).format(*args)


class ClipboardProbe(Protocol):
    """What Windows tells without opening the clipboard (so also while another program holds it open)."""

    def format_count(self) -> int | None:
        """CountClipboardFormats; None when it cannot be told."""

    def sequence(self) -> int | None:
        """GetClipboardSequenceNumber: changes whenever anyone changes the clipboard; None when unknown."""


class ClipboardSteps:
    """Mixed into InsertionPipeline: uses its job, step timer and clipboard."""

    def _modes(self: InsertionPipeline, method: str, clipboard: QClipboard) -> list[QClipboard.Mode]:
        # xterm and friends paste the PRIMARY selection on Shift+Insert: own it too.
        if method == SHIFT_INSERT and clipboard.supportsSelection():
            return [QClipboard.Mode.Clipboard, QClipboard.Mode.Selection]
        return [QClipboard.Mode.Clipboard]

    def _paste_modes(self: InsertionPipeline, clipboard: QClipboard) -> list[QClipboard.Mode]:
        job = self._job
        assert job is not None
        return self._modes(job.method if job.method != TYPE else CTRL_V, clipboard)

    def _note_write(self: InsertionPipeline, mode: QClipboard.Mode) -> None:
        """After each of our writes, set or failed: Qt deletes the data we set before even when a new set
        fails, so `holds` can no longer tell; the sequence number still can."""
        if mode == QClipboard.Mode.Clipboard and self._probe is not None:
            self._our_sequence = self._probe.sequence()

    def _unchanged_since_our_write(self: InsertionPipeline, mode: QClipboard.Mode) -> bool:
        return (
            mode == QClipboard.Mode.Clipboard
            and self._probe is not None
            and self._our_sequence is not None
            and self._probe.sequence() == self._our_sequence
        )

    def _retry(self: InsertionPipeline, step: Callable[[], None], why: str) -> None:
        """The clipboard is busy: try `step` again after the next backoff, or give up with `why`."""
        job = self._job
        assert job is not None
        if job.attempt < len(self.timing.clipboard_retry_ms):
            delay = self.timing.clipboard_retry_ms[job.attempt]
            job.attempt += 1
            self._go(delay, step)
        else:
            self._fail(why)

    def _back_up(self: InsertionPipeline) -> None:
        clipboard = self._get_clipboard()
        assert clipboard is not None
        for mode in self._paste_modes(clipboard):
            if mode in self._backups:
                continue
            count = self._probe.format_count if self._probe is not None and mode == QClipboard.Mode.Clipboard else None
            snapshot = ClipboardSnapshot.take(clipboard, mode, count)
            if snapshot.unknown:  # held open by another program: never overwrite what we could not save
                log.info("clipboard unreadable (mode %s), trying again", mode)
                self._retry(self._back_up, reason(MSG_CLIPBOARD_UNREADABLE))
                return
            self._backups[mode] = snapshot
        assert self._job is not None
        self._job.attempt = 0
        self._place_text()

    def _place_text(self: InsertionPipeline) -> None:
        job = self._job
        assert job is not None
        clipboard = self._get_clipboard()
        assert clipboard is not None
        part = job.parts[job.index]
        for mode in self._paste_modes(clipboard):
            if mode in job.placed:
                continue
            payload = TextPayload(part, self._platform)
            clipboard.setMimeData(payload, mode)
            self._note_write(mode)
            if not placed(clipboard, payload, mode):  # Qt could not open the clipboard (and dropped it)
                log.info("clipboard not set (mode %s), trying again", mode)
                self._retry(self._place_text, reason(MSG_CLIPBOARD_NOT_SET))
                return
            job.placed.add(mode)
            self._payloads[mode] = payload
            payload.armed = True
            payload.on_fetch = self._on_fetched
        self._release_modifiers()
        # The wait starts before the chord: a target may fetch while the chord is still being sent.
        self._go(self.options.delay_ms, self._after_part)
        self._sender.chord(*self._chord(job.method if job.method != TYPE else CTRL_V))

    def _restore(self: InsertionPipeline) -> None:
        self._restore_pending = False
        clipboard = self._get_clipboard()
        pending = False
        for mode, snapshot in list(self._backups.items()):
            payload = self._payloads.get(mode)
            if clipboard is None or payload is None:
                self._backups.pop(mode)
                continue
            if not holds(clipboard, payload, mode) and not self._unchanged_since_our_write(mode):
                log.info("clipboard changed during insertion (mode %s): not restoring the backup", mode)
                self._backups.pop(mode)
                continue
            mime = snapshot.restore(clipboard, mode, self._platform)
            self._note_write(mode)
            if mime is None or placed(clipboard, mime, mode):
                self._restored[mode] = mime
                self._backups.pop(mode)
            else:
                pending = True  # busy clipboard: our text is still there, try again
        if pending and self._restore_attempt < len(self.timing.clipboard_retry_ms) and not self._closed:
            self._restore_pending = True
            self._go(self.timing.clipboard_retry_ms[self._restore_attempt], self._restore)
            self._restore_attempt += 1
            return
        if pending:
            log.warning("the agent's clipboard could not be put back: the clipboard stayed busy")
        self._end_burst()


class WindowsClipboardProbe:
    """CountClipboardFormats and GetClipboardSequenceNumber; user32 is loaded on first use."""

    def __init__(self) -> None:
        self._api: Any = None

    def _win32(self) -> Any:
        if self._api is None:
            from desktop_assistant.os_integration.win32 import Win32Api

            self._api = Win32Api()
        return self._api

    def format_count(self) -> int | None:
        return self._win32().clipboard_format_count()

    def sequence(self) -> int | None:
        return self._win32().clipboard_sequence()


def pick_clipboard_probe(platform: str = sys.platform) -> ClipboardProbe | None:
    """Windows: tells a busy clipboard from an empty one, and who changed it last. Elsewhere None."""
    return WindowsClipboardProbe() if platform == "win32" else None
