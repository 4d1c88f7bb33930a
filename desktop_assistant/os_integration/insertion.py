"""The insertion pipeline (docs/insertion.md): rendered phrase text into the target window, exactly once.

For each request, in order, never interleaved:
  wait until the agent's keys are up (polled, the GUI thread stays free to serve the clipboard)
  -> the target: the request's window, else the focused one (if that is our own panel, the last other
     window the tracker saw); refuse if it is gone, outside the allow-list or elevated above us. Unknown
     elevation (Windows refuses to show another account's token) is tried: UIPI would drop the chord
     while SendInput reports success, so a paste the target never fetched is a failure, not a success
  -> give it focus if it lost it
  -> back up the agent's clipboard (once per burst: the first request of a queue); a clipboard another
     program holds open is read again with backoff, and if it stays unreadable nothing is pasted
  -> our text on the clipboard (CRLF and out of clipboard history on Windows), checked to be there and
     set again with backoff: no paste chord while the clipboard may still hold the agent's own item
  -> release modifier keys still held -> the paste chord of the target's paste method
  -> wait until the target fetched the text (or `delay_ms` passed) -> Enter between messages only
     with send_each -> Left for {光标} -> `inserted(tag)`.
After the last queued request and `restore_delay_ms`, the backup goes back, only where the clipboard
still holds our text. `failed(tag, reason)` carries a sentence for the agent in the UI language.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop_assistant.domain.paste_rules import (
    CTRL_V,
    SHIFT_INSERT,
    TYPE,
    PasteRule,
    PasteRuleError,
    allowed,
    method_for,
    parse_allow_list,
    parse_rules,
)
from desktop_assistant.os_integration.clipboard import ClipboardSnapshot, TextPayload, hand_over_to_qt
from desktop_assistant.os_integration.foreground import (
    FocusHandover,
    Foreground,
    ForegroundTracker,
    NoForeground,
    WindowRef,
    WindowsForeground,
    X11Foreground,
)
from desktop_assistant.os_integration.insertion_clipboard import (  # noqa: F401 - re-exported
    MSG_CLIPBOARD_NOT_SET,
    MSG_CLIPBOARD_UNREADABLE,
    ClipboardProbe,
    ClipboardSteps,
    pick_clipboard_probe,
)
from desktop_assistant.os_integration.keys import (
    KeyboardState,
    KeySender,
    NoKeyboardState,
    PynputKeySender,
    WindowsKeyboardState,
    WindowsKeySender,
    X11KeyboardState,
    X11Typist,
)
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.os_integration.x11 import X11Connection

log = logging.getLogger(__name__)

MSG_EMPTY = QT_TRANSLATE_NOOP("Insertion", "短语内容为空，没有粘贴")
MSG_NO_TARGET = QT_TRANSLATE_NOOP("Insertion", "没有找到要粘贴的窗口：请先点一下聊天窗口的输入框")
MSG_GONE = QT_TRANSLATE_NOOP("Insertion", "目标窗口已关闭，短语没有粘贴")
MSG_ELEVATED = QT_TRANSLATE_NOOP(
    "Insertion", "{0} 以管理员身份运行，助手无法向它粘贴。请以管理员身份运行助手，或以普通权限运行该程序"
)
MSG_ELEVATED_AGAIN = QT_TRANSLATE_NOOP("Insertion", "{0} 以管理员身份运行，短语没有粘贴")
MSG_MAYBE_ELEVATED = QT_TRANSLATE_NOOP(
    "Insertion",
    "{0} 没有取走文本，短语没有粘贴。它可能以管理员身份运行：请以管理员身份运行助手"
    "（右键助手图标 -> 以管理员身份运行）后再试",
)
MSG_NOT_ALLOWED = QT_TRANSLATE_NOOP("Insertion", "{0} 不在允许粘贴的程序列表中，短语没有粘贴")
MSG_NO_FOCUS = QT_TRANSLATE_NOOP("Insertion", "无法切换到目标窗口 {0}，短语没有粘贴")
MSG_NO_KEYS = QT_TRANSLATE_NOOP("Insertion", "无法模拟按键，短语没有粘贴：{0}")
MSG_INTERNAL = QT_TRANSLATE_NOOP("Insertion", "粘贴时出错，短语可能没有粘贴：{0}")
MSG_NOT_FETCHED = QT_TRANSLATE_NOOP("Insertion", "目标程序没有取走文本，短语没有粘贴：请点一下输入框再试")


def _reason(template: str, *args: object) -> str:
    return QCoreApplication.translate("Insertion", template).format(*args)


@dataclass(frozen=True)
class InsertRequest:
    """Rendered messages (a body's `---` parts), caret position for the last one, and who asked."""

    messages: tuple[str, ...]
    caret_from_end: int | None = None
    tag: Any = None
    target: WindowRef | None = None  # None: the window that has focus now

    def __post_init__(self) -> None:
        object.__setattr__(self, "messages", tuple(self.messages))


@dataclass(frozen=True)
class PasteOptions:
    delay_ms: int = 500  # longest wait for the target to take the text
    restore_delay_ms: int = 150  # after the last paste, before the agent's clipboard comes back
    send_each: bool = False
    rules: tuple[PasteRule, ...] = ()
    allow_list: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> PasteOptions:
        """From the `paste.*` settings; unusable rules are logged and left out, never fatal."""
        try:
            rules = tuple(parse_rules(values.get("paste.rules", "") or ""))
        except PasteRuleError as exc:
            log.warning("paste.rules ignored: %s", exc)
            rules = ()
        return cls(
            delay_ms=int(values.get("paste.delay_ms", cls.delay_ms)),
            restore_delay_ms=int(values.get("paste.restore_delay_ms", cls.restore_delay_ms)),
            send_each=bool(values.get("paste.send_each", cls.send_each)),
            rules=rules,
            allow_list=parse_allow_list(values.get("paste.allow_list", "") or ""),
        )


@dataclass(frozen=True)
class Timing:
    poll_ms: int = 2  # XQueryKeymap is one round trip (~0.05 ms)
    keys_up_timeout_ms: int = 1500  # then held keys get synthetic key-ups
    focus_timeout_ms: int = 1000
    focus_settle_ms: int = 40  # a window that just got focus needs a moment to place its caret
    settle_ms: int = 20  # after the target fetched the text, before the next key or text
    send_gap_ms: int = 150  # after Enter, before the next message (the IM clears its input box)
    # Waits before reading or setting a busy clipboard again (each Qt attempt already retried ~150-300 ms).
    clipboard_retry_ms: tuple[int, ...] = (50, 100, 200, 400)


@dataclass
class _Job:
    request: InsertRequest
    started: float
    target: WindowRef | None = None
    method: str = CTRL_V
    parts: list[str] = field(default_factory=list)
    index: int = 0
    deadline: float = 0.0
    fetched: bool = False  # the target read this part's text from our clipboard
    attempt: int = 0  # clipboard retries for this part
    placed: set = field(default_factory=set)  # modes holding this part's text
    maybe_elevated: bool = False  # elevation unknown and we are not elevated: UIPI may drop the chord


class InsertionPipeline(ClipboardSteps, QObject):
    inserted = Signal(object)  # tag
    failed = Signal(object, str)  # tag, reason for the agent
    idle = Signal()  # queue empty and the agent's clipboard is back

    def __init__(
        self,
        keyboard: KeyboardState,
        sender: KeySender,
        foreground: Foreground,
        clipboard: QClipboard | None = None,
        options: PasteOptions | None = None,
        *,
        tracker: ForegroundTracker | None = None,
        timing: Timing | None = None,
        clipboard_probe: ClipboardProbe | None = None,
        platform: str = sys.platform,
        own_pid: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keyboard = keyboard
        self._sender = sender
        self._foreground = foreground
        self._clipboard = clipboard
        self.options = options or PasteOptions()
        self.timing = timing or Timing()
        self._tracker = tracker
        self._probe = clipboard_probe  # Windows: the clipboard's format count and sequence number
        self._our_sequence: int | None = None  # the sequence number after our last write
        self._platform = platform
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._clock = clock
        self._queue: deque[InsertRequest] = deque()
        self._job: _Job | None = None
        self._busy = False
        self._restore_pending = False
        self._backups: dict[QClipboard.Mode, ClipboardSnapshot] = {}
        self._payloads: dict[QClipboard.Mode, TextPayload] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_step)
        self._step: Callable[[], None] | None = None
        self._restored: dict[QClipboard.Mode, Any] = {}
        self._restore_attempt = 0
        self._told_elevated: set[tuple[int, str]] = set()  # targets already told to run us as admin
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # --- public ------------------------------------------------------------------------------
    @classmethod
    def for_platform(
        cls, options: PasteOptions | None = None, *, platform: str = sys.platform, parent: QObject | None = None
    ) -> InsertionPipeline:
        """The real parts for this OS, and a ForegroundTracker (`.tracker`, call `start()`) sharing them.
        Nothing connects to the display or loads a DLL until the first use."""
        keyboard, sender, foreground = pick_insertion_parts(platform)
        tracker = ForegroundTracker(foreground)
        pipeline = cls(
            keyboard,
            sender,
            foreground,
            None,
            options,
            tracker=tracker,
            platform=platform,
            clipboard_probe=pick_clipboard_probe(platform),
            parent=parent,
        )
        tracker.setParent(pipeline)
        return pipeline

    def warm_up(self) -> None:
        """Once the panel is up: load the key sender now so the first paste chord is not late."""
        try:
            self._sender.prepare()
        except PlatformUnavailable as exc:
            log.warning("key sending not ready: %s", exc)

    @property
    def tracker(self) -> ForegroundTracker | None:
        return self._tracker

    @property
    def focus_handover(self) -> FocusHandover:
        """For the picker and the panel: take the keyboard, give it back to the chat window."""
        return FocusHandover(self._foreground, self._tracker)

    def shutdown(self) -> None:
        """Stop (queued requests are dropped), give the agent's clipboard back now, and leave only
        Qt-made data on the clipboard (see clipboard.hand_over_to_qt). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        if self.tracker is not None:  # no window reports after the app is gone
            self.tracker.stop()
        self._step = None
        self._queue.clear()
        self._job = None
        if self._backups:
            self._restore()
        clipboard = self._clipboard
        if clipboard is None:
            return
        for mode, mime in [*self._restored.items(), *self._payloads.items()]:
            if mime is not None:
                hand_over_to_qt(clipboard, mime, mode)
        self._restored.clear()
        self._payloads.clear()

    def set_options(self, options: PasteOptions) -> None:
        self.options = options

    def insert(self, request: InsertRequest) -> None:
        """Queue a request; requests run strictly one after another."""
        if self._closed:
            return
        self._queue.append(request)
        if not self._busy:
            self._busy = True
            self._go(0, self._next)
        elif self._restore_pending:  # a burst continues: keep the backup, skip the wait
            self._restore_pending = False
            self._go(0, self._next)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def pending(self) -> int:
        return len(self._queue) + (1 if self._job is not None else 0)

    def bring_forward(self, window: WindowRef) -> bool:
        """Give focus to a window the agent asked for (the longest-waiting chat); False when it is gone."""
        return self._foreground.exists(window) and self._foreground.activate(window)

    def agent_clipboard_text(self) -> str:
        """The agent's clipboard text for {剪贴板}: the backup while a burst holds the clipboard."""
        snapshot = self._backups.get(QClipboard.Mode.Clipboard)
        if snapshot is not None:
            return snapshot.text
        clipboard = self._get_clipboard()
        return clipboard.text() if clipboard is not None else ""

    # --- the step machine ----------------------------------------------------------------------
    def _get_clipboard(self) -> QClipboard | None:
        if self._clipboard is None and QGuiApplication.instance() is not None:
            self._clipboard = QGuiApplication.clipboard()
        return self._clipboard

    def _go(self, delay_ms: int, step: Callable[[], None]) -> None:
        self._step = step
        self._timer.start(max(0, int(delay_ms)))

    def _run_step(self) -> None:
        step, self._step = self._step, None
        if step is None:
            return
        try:
            step()
        except Exception as exc:  # never leave the queue stuck
            if self._job is None:  # restoring the clipboard failed: end the burst, keep going
                log.exception("insertion: ending the burst failed")
                self._end_burst()
            elif isinstance(exc, PlatformUnavailable):
                log.warning("insertion failed: %s", exc)
                self._fail(_reason(MSG_NO_KEYS, exc))
            else:
                log.exception("insertion step failed")
                self._fail(_reason(MSG_INTERNAL, exc))

    def _elapsed_ms(self, since: float) -> float:
        return (self._clock() - since) * 1000.0

    def _next(self) -> None:
        if not self._queue:
            self._finish_burst()
            return
        request = self._queue.popleft()
        self._job = _Job(request, self._clock())
        if not [m for m in request.messages if m]:
            self._fail(_reason(MSG_EMPTY))
            return
        self._wait_keys_up()

    def _wait_keys_up(self) -> None:
        job = self._job
        assert job is not None
        held = self._keyboard.held()
        if held:
            if self._elapsed_ms(job.started) < self.timing.keys_up_timeout_ms:
                self._go(self.timing.poll_ms, self._wait_keys_up)
                return
            log.info("keys still held after %d ms, releasing them: %s", self.timing.keys_up_timeout_ms, sorted(held))
            self._keyboard.release(held)
        self._resolve_target()

    def _is_own(self, ref: WindowRef | None) -> bool:
        return ref is not None and ref.pid == self._own_pid

    def _resolve_target(self) -> None:
        job = self._job
        assert job is not None
        active = self._foreground.active()
        target = job.request.target
        if target is None:
            target = active
            if self._is_own(target):
                target = self._tracker.last_external if self._tracker is not None else None
                if target is None:
                    self._fail(_reason(MSG_NO_TARGET))
                    return
        job.target = target
        if target is not None:
            if not self._foreground.exists(target):
                self._fail(_reason(MSG_GONE))
                return
            if not allowed(target.process, self.options.allow_list):
                self._fail(_reason(MSG_NOT_ALLOWED, target.process or target.title))
                return
            if target.elevated is not False and not self._foreground.self_elevated():
                if target.elevated:  # known: no key would arrive
                    self._fail(self._elevation_reason(target, MSG_ELEVATED, MSG_ELEVATED_AGAIN))
                    return
                job.maybe_elevated = True
            if not target.same_window(active):
                self._foreground.activate(target)
                job.deadline = self._clock() + self.timing.focus_timeout_ms / 1000.0
                self._go(self.timing.poll_ms, self._wait_focus)
                return
        self._prepare()

    def _wait_focus(self) -> None:
        job = self._job
        assert job is not None and job.target is not None
        if job.target.same_window(self._foreground.active()):
            self._go(self.timing.focus_settle_ms, self._prepare)
        elif self._clock() > job.deadline:
            self._fail(_reason(MSG_NO_FOCUS, job.target.title or job.target.process))
        else:
            self._go(self.timing.poll_ms * 2, self._wait_focus)

    def _prepare(self) -> None:
        job = self._job
        assert job is not None
        messages = [m for m in job.request.messages if m]
        job.parts = messages if self.options.send_each else ["\n".join(messages)]
        target = job.target
        job.method = method_for(target.process, target.title, self.options.rules) if target else CTRL_V
        job.index = 0
        self._paste_part()

    def _chord(self, method: str) -> tuple[str, ...]:
        if method == SHIFT_INSERT:
            return ("shift", "insert")
        return ("cmd", "v") if self._platform == "darwin" else ("ctrl", "v")

    def _release_modifiers(self) -> None:
        held = [code for code in self._keyboard.held() if self._keyboard.is_modifier(code)]
        if held:
            log.info("releasing held modifiers before the paste chord: %s", held)
            self._keyboard.release(held)

    def _paste_part(self) -> None:
        job = self._job
        assert job is not None
        part = job.parts[job.index]
        if job.method == TYPE and "\n" not in part:
            self._release_modifiers()
            self._sender.type_text(part)
            self._go(self.timing.settle_ms, self._after_part)
            return
        clipboard = self._get_clipboard()
        if clipboard is None:
            raise PlatformUnavailable("no clipboard (no QGuiApplication)")
        job.fetched = False
        job.attempt = 0
        job.placed = set()
        for payload in self._payloads.values():  # only this part's payloads count as fetched
            payload.armed = False
            payload.on_fetch = None
        self._back_up()

    def _on_fetched(self, _format: str) -> None:
        # The target took the text: move on after a short settle instead of the full delay.
        if self._step == self._after_part and self._job is not None:
            self._job.fetched = True
            for payload in self._payloads.values():
                payload.armed = False
            self._go(self.timing.settle_ms, self._after_part)

    def _after_part(self) -> None:
        job = self._job
        assert job is not None
        for payload in self._payloads.values():
            payload.armed = False
            payload.on_fetch = None
        pasted = not (job.method == TYPE and "\n" not in job.parts[job.index])
        # X11 pastes always fetch from the selection owner (us); on Windows OLE renders our data on the
        # target's request (delayed rendering) through retrieveData. Elsewhere a read may not be visible.
        if pasted and not job.fetched and (self._platform.startswith("linux") or self._platform == "win32"):
            if job.maybe_elevated and job.target is not None:
                self._fail(self._elevation_reason(job.target, MSG_MAYBE_ELEVATED, MSG_NOT_FETCHED))
            else:
                self._fail(_reason(MSG_NOT_FETCHED))
            return
        job.index += 1
        if job.index < len(job.parts):
            if self.options.send_each:
                self._sender.tap("enter")
                self._go(self.timing.send_gap_ms, self._paste_part)
            else:
                self._paste_part()
            return
        caret = job.request.caret_from_end
        if caret:
            self._sender.tap("left", caret)
        self._job = None
        self.inserted.emit(job.request.tag)
        self._go(0, self._next)

    def _elevation_reason(self, target: WindowRef, first: str, again: str) -> str:
        """What to do (start the panel as administrator) the first time for a window's program, short after."""
        key = (target.pid, target.process)
        name = target.process or target.title
        if key in self._told_elevated:
            return _reason(again, name)
        self._told_elevated.add(key)
        return _reason(first, name)

    def _fail(self, reason: str) -> None:
        job, self._job = self._job, None
        tag = job.request.tag if job is not None else None
        log.info("insertion %r not done: %s", tag, reason)
        self.failed.emit(tag, reason)
        self._go(0, self._next)

    def _finish_burst(self) -> None:
        if self._backups:
            self._restore_pending = True
            self._go(self.options.restore_delay_ms, self._restore)
        else:
            self._end_burst()

    def _end_burst(self) -> None:
        self._restore_attempt = 0
        self._backups.clear()
        self._payloads.clear()
        self._busy = False
        self.idle.emit()


def pick_insertion_parts(
    platform: str = sys.platform, display_name: str | None = None
) -> tuple[KeyboardState, KeySender, Foreground]:
    """Key state, key sender and foreground access for this OS (one X connection shared on X11)."""
    if platform == "win32":
        from desktop_assistant.os_integration.win32 import Win32Api

        api = Win32Api()
        return WindowsKeyboardState(api), WindowsKeySender(api), WindowsForeground(api)
    if platform.startswith("linux") and (display_name or os.environ.get("DISPLAY")):
        connection = X11Connection(display_name)
        return (
            X11KeyboardState(connection),
            PynputKeySender(platform, X11Typist(connection)),
            X11Foreground(connection),
        )
    return NoKeyboardState(), PynputKeySender(platform), NoForeground()
