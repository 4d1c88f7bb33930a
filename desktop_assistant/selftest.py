"""`selftest`: the one-minute check of the hotkey paste on this PC (a second composition root, no storage).

Wires the real parts as app.py does (the platform's hotkey backend from hotkeys/pick.py, the
InsertionPipeline with this OS's key state, key sender and foreground access, the picker popup), opens
its own target window in a second process (selftest_target.py), presses the test hotkeys with the
OS's input API (key_presser.py) and checks what arrived. Every wait has a timeout inside one overall
deadline; a watchdog ends the process if anything still blocks; the target is always cleaned up.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from desktop_assistant.domain.clock import SystemClock
from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.domain.pinyin import fold
from desktop_assistant.domain.search import TextIndex, query_key
from desktop_assistant.os_integration.clipboard import ClipboardSnapshot
from desktop_assistant.os_integration.foreground import ForegroundTracker, WindowRef
from desktop_assistant.os_integration.hotkeys.base import HotkeyService
from desktop_assistant.os_integration.hotkeys.pick import pick
from desktop_assistant.os_integration.insertion import (
    InsertionPipeline,
    InsertRequest,
    PasteOptions,
    pick_insertion_parts,
)
from desktop_assistant.os_integration.key_presser import pick_presser
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.selftest_report import Note, Step, complete, joined, skipped
from desktop_assistant.selftest_target import CLIP_TEXT, TargetProcess, image_digest, target_command, test_image
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.picker import PickerPopup

log = logging.getLogger(__name__)

# What each step found (context "Selftest"); printed in Chinese by the command line.
MSG_NO_PRESSER = QT_TRANSLATE_NOOP("Selftest", "无法模拟按键：{reason}")
MSG_NO_PRESSER_WHY = QT_TRANSLATE_NOOP("Selftest", "无法模拟按键")
MSG_NOT_REGISTERED = QT_TRANSLATE_NOOP("Selftest", "{hotkey} 没有注册")
MSG_NO_START = QT_TRANSLATE_NOOP("Selftest", "无法启动 {program}：{reason}")
MSG_NO_WINDOW = QT_TRANSLATE_NOOP("Selftest", "目标窗口 20 秒内没有出现")
MSG_TARGET_EXITED = QT_TRANSLATE_NOOP("Selftest", "目标窗口进程退出了（{code}）：{stderr}")
MSG_TARGET_NO_FOCUS = QT_TRANSLATE_NOOP("Selftest", "目标窗口打开了，但没有拿到焦点（被别的窗口挡住或系统不允许）")
MSG_PROCESS = QT_TRANSLATE_NOOP("Selftest", "进程 {pid}")
MSG_NO_HOTKEY = QT_TRANSLATE_NOOP("Selftest", "按下 {hotkey} 后 3 秒内没有收到快捷键")
MSG_NOT_TRIGGERED = QT_TRANSLATE_NOOP("Selftest", "快捷键没有触发")
MSG_TEXT_OK = QT_TRANSLATE_NOOP("Selftest", "{count} 个字符，含换行")
MSG_RECEIVED = QT_TRANSLATE_NOOP("Selftest", "目标窗口收到的是 {got}，应为 {wanted}")
MSG_LEAKED = QT_TRANSLATE_NOOP("Selftest", "目标窗口收到了快捷键的 {key} 键 {count} 次")
MSG_HELD = QT_TRANSLATE_NOOP("Selftest", "粘贴后仍有按键处于按下状态：{keys}")
MSG_CLIP_NOT_SET = QT_TRANSLATE_NOOP("Selftest", "测试内容没能放上剪贴板（被别的程序占用？）")
MSG_CLIP_NOT_RESTORED = QT_TRANSLATE_NOOP("Selftest", "粘贴流程 3 秒内没有结束，剪贴板没有还原")
MSG_CLIP_UNREADABLE = QT_TRANSLATE_NOOP("Selftest", "目标窗口读不到剪贴板")
MSG_CLIP_TEXT_CHANGED = QT_TRANSLATE_NOOP("Selftest", "文字变成了 {text}")
MSG_IMAGE_CHANGED = QT_TRANSLATE_NOOP("Selftest", "图片丢失或不一致")
MSG_IMAGE_LOST = QT_TRANSLATE_NOOP("Selftest", "图片丢失")
MSG_CLIP_OK = QT_TRANSLATE_NOOP("Selftest", "文字和图片都和粘贴前一样")
MSG_PICKER_NOT_OPENED = QT_TRANSLATE_NOOP("Selftest", "选择器没有打开")
MSG_PICKER_NO_FOCUS = QT_TRANSLATE_NOOP("Selftest", "选择器打开了，但系统没有把焦点给它（前台仍是 {window}）")
MSG_PICKER_NO_FOCUS_WHY = QT_TRANSLATE_NOOP("Selftest", "选择器没有焦点")
MSG_TYPED_INTO_TARGET = QT_TRANSLATE_NOOP("Selftest", "打进了目标窗口（{typed}）")
MSG_PICKER_GOT = QT_TRANSLATE_NOOP("Selftest", "选择器只收到 {typed}")
MSG_NOT_IN_PICKER = QT_TRANSLATE_NOOP("Selftest", "键盘输入没有进选择器：{where}")
MSG_PICKER_NO_KEYBOARD = QT_TRANSLATE_NOOP("Selftest", "选择器没有键盘")
MSG_PICKER_OK = QT_TRANSLATE_NOOP("Selftest", "输入 {code} 进了选择器，目标窗口失去焦点")
MSG_FOCUS_BACK_OK = QT_TRANSLATE_NOOP("Selftest", "焦点回到目标窗口，文本完整")
MSG_PICKER_STAYED = QT_TRANSLATE_NOOP("Selftest", "按 Enter 后选择器没有关闭")
MSG_FOCUS_NOT_BACK = QT_TRANSLATE_NOOP("Selftest", "焦点没有回到目标窗口（前台是 {window}）")
MSG_NO_FOREGROUND = QT_TRANSLATE_NOOP("Selftest", "无")
MSG_WATCHDOG = QT_TRANSLATE_NOOP("Selftest", "{seconds} 秒内没有结束，中止")

# Not the app's defaults (ctrl+alt+letter), so a running panel does not hold them.
PASTE_HOTKEY = "ctrl+alt+shift+k"
PICKER_HOTKEY = "ctrl+alt+shift+l"
PHRASE = "亲，您好！欢迎光临云朵家居～\n自检第二行：48 小时内发货。"
PICKER_CODE = "zj"
PICKER_PHRASE = "选择器自检：已为您查询，请稍等。\n第二行 OK"
DEADLINE_S = 50.0  # every wait ends by then; the watchdog ends the process at WATCHDOG_S
WATCHDOG_S = 58.0


class _PhraseList:
    """The picker's library: the one test phrase, read-only (the selftest never edits phrases)."""

    def __init__(self, phrase: Phrase) -> None:
        self._phrase = phrase

    def all(self) -> list[Phrase]:
        return [self._phrase]

    def get(self, phrase_id: int) -> Phrase:
        assert phrase_id == self._phrase.id
        return self._phrase

    def get_many(self, phrase_ids: list[int]) -> list[Phrase]:
        return [self._phrase for i in phrase_ids if i == self._phrase.id]

    def search_ids(self, query: str, limit: int, text: TextIndex | None) -> list[int]:
        p, q = self._phrase, query_key(query)
        assert p.id is not None
        return [p.id] if limit and any(q in fold(field) for field in (p.code, p.title, p.text)) else []

    def text_rows(self) -> list[tuple[int, str, str, str]]:
        return []


class SelfTest:
    def __init__(
        self,
        app: QApplication,
        backend: str = "auto",
        platform: str = sys.platform,
        report: Callable[[Step], None] = lambda step: None,
    ) -> None:
        self.app = app
        self.backend = backend
        self.platform = platform
        self._report = report
        self.steps: list[Step] = []
        self.deadline = time.monotonic() + DEADLINE_S
        self.target: TargetProcess | None = None
        self.activated: list[str] = []
        self.results: dict[str, str] = {}  # tag -> "inserted" or the failure reason
        self.idle = False
        self.backend_name = ""
        self._on_activated: dict[str, Callable[[], None]] = {}
        self._picker: PickerPopup | None = None

    # --- plumbing ------------------------------------------------------------------------------
    def record(self, name: str, ok: bool, detail: str | Note = "") -> bool:
        step = Step(name, ok, _one_line(detail))  # one line, whatever a library's message was
        self.steps.append(step)
        self._report(step)
        return ok

    def skip(self, *names: str, why: str | Note = "") -> None:
        for name in names:
            self.steps.append(skipped(name, why))
            self._report(self.steps[-1])

    def wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Run the event loop until `predicate` holds or the time is up (never past the deadline)."""
        end = min(time.monotonic() + timeout, self.deadline)
        while True:
            if self.target is not None:
                self.target.drain()
            if predicate():
                return True
            if time.monotonic() >= end:
                return False
            loop = QEventLoop()
            QTimer.singleShot(10, loop.quit)
            loop.exec()

    # --- the run -------------------------------------------------------------------------------
    def run(self) -> list[Step]:
        clipboard = QApplication.clipboard()
        original = ClipboardSnapshot.take(clipboard)  # the IT person's own clipboard, back at the end
        parts: dict[str, Any] = {}
        try:
            self._run(parts)
        except Exception as exc:  # a bug or a platform failure: a failed step, never a traceback
            log.exception("selftest failed")
            self.record("error", False, f"{type(exc).__name__}: {exc}")
        finally:
            self._clean_up(parts)
            try:
                original.restore(clipboard)
            except Exception:
                log.exception("selftest: giving the clipboard back failed")
        return complete(self.steps)

    def _run(self, parts: dict[str, Any]) -> None:
        keyboard, sender, foreground = pick_insertion_parts(self.platform)  # nothing opens before first use
        if not self._open_target(foreground):
            return
        hotkeys = parts["hotkeys"] = HotkeyService(pick(self.backend))
        hotkeys.activated.connect(self.activated.append)
        hotkeys.set_bindings({"paste": PASTE_HOTKEY, "picker": PICKER_HOTKEY})
        self.backend_name = hotkeys.backend_name
        if hotkeys.state == "active":
            self.record("hotkey", True, f"{hotkeys.backend_name}: {PASTE_HOTKEY}, {PICKER_HOTKEY}")
        else:
            problem = hotkeys.problem or hotkeys.state
            self.record("hotkey", False, f"{hotkeys.backend_name}: {problem}")
        tracker = ForegroundTracker(foreground)
        pipeline = parts["pipeline"] = InsertionPipeline(
            keyboard, sender, foreground, None, PasteOptions(), tracker=tracker, platform=self.platform
        )
        tracker.setParent(pipeline)
        tracker.start()
        pipeline.inserted.connect(lambda tag: self.results.__setitem__(tag, "inserted"))
        pipeline.failed.connect(lambda tag, reason: self.results.__setitem__(tag, reason))
        pipeline.idle.connect(lambda: setattr(self, "idle", True))
        try:
            presser = parts["presser"] = pick_presser(self.platform)
        except PlatformUnavailable as exc:
            self.record("press", False, Note(MSG_NO_PRESSER, reason=str(exc)))
            self.skip("text", "no_leak", "clipboard", "picker_focus", "focus_back", why=Note(MSG_NO_PRESSER_WHY))
            return
        if PASTE_HOTKEY in hotkeys.failures or hotkeys.state not in ("active", "partial"):
            self.skip("press", "text", "no_leak", "clipboard", why=Note(MSG_NOT_REGISTERED, hotkey=PASTE_HOTKEY))
        else:
            self._paste_by_hotkey(pipeline, keyboard, presser)
        if PICKER_HOTKEY in hotkeys.failures or hotkeys.state not in ("active", "partial"):
            self.skip("picker_focus", "focus_back", why=Note(MSG_NOT_REGISTERED, hotkey=PICKER_HOTKEY))
        else:
            self._paste_from_picker(pipeline, foreground, tracker, presser)

    def _open_target(self, foreground: Any) -> bool:
        try:
            self.target = target = TargetProcess()
        except OSError as exc:
            return self.record("target", False, Note(MSG_NO_START, program=target_command()[0], reason=str(exc)))
        if not self.wait(lambda: target.last("ready") is not None or target.process.poll() is not None, 20):
            return self.record("target", False, Note(MSG_NO_WINDOW))
        ready = target.last("ready")
        if ready is None:
            return self.record(
                "target",
                False,
                Note(MSG_TARGET_EXITED, code=target.process.returncode, stderr=target.stderr_tail()),
            )
        focused = lambda: bool(target.focus) and target.focus[-1]  # noqa: E731
        if not self.wait(focused, 2):  # a new process's window may open behind: ask for it, as a paste does
            try:
                foreground.activate(WindowRef(int(ready["window"]), int(ready["pid"])))
            except PlatformUnavailable as exc:
                log.info("selftest: cannot activate the target: %s", exc)
        if not self.wait(focused, 3):
            return self.record("target", False, Note(MSG_TARGET_NO_FOCUS))
        return self.record("target", True, Note(MSG_PROCESS, pid=ready["pid"]))

    def _paste_by_hotkey(self, pipeline: InsertionPipeline, keyboard: Any, presser: Any) -> None:
        target = self.target
        assert target is not None
        clipboard = QApplication.clipboard()
        target.send("setclip")
        clip_ready = self.wait(lambda: target.last("clipset") is not None and clipboard.text() == CLIP_TEXT, 5)
        keys_before = len(target.keys)
        hotkey = parse_hotkey(PASTE_HOTKEY)
        self.activated.clear()
        self._on_activated = {"paste": lambda: pipeline.insert(InsertRequest((PHRASE,), None, "paste"))}
        presser.press(hotkey)
        if not self.wait(lambda: self._dispatch("paste"), 3):
            self.record("press", False, Note(MSG_NO_HOTKEY, hotkey=PASTE_HOTKEY))
            self.skip("text", "no_leak", "clipboard", why=Note(MSG_NOT_TRIGGERED))
            return
        self.record("press", True, f"{PASTE_HOTKEY} ({self.backend_name})")
        done = self.wait(lambda: "paste" in self.results and target.text == PHRASE, 6)
        result = self.results.get("paste", "")
        if done:
            self.record("text", True, Note(MSG_TEXT_OK, count=len(PHRASE)))
        elif result and result != "inserted":
            self.record("text", False, result)
        else:
            self.record("text", False, Note(MSG_RECEIVED, got=repr(target.text[:80]), wanted=repr(PHRASE[:80])))
        self.wait(lambda: self.idle, 3)
        final = hotkey.key.lower()
        leaked = [k for k in target.keys[keys_before:] if _is_key(k, final)]
        held = keyboard.held()
        if leaked:
            self.record("no_leak", False, Note(MSG_LEAKED, key=repr(final), count=len(leaked)))
        elif held:
            self.record("no_leak", False, Note(MSG_HELD, keys=str(sorted(held))))
        else:
            self.record("no_leak", True, "")
        self._check_clipboard(clip_ready)

    def _check_clipboard(self, clip_ready: bool) -> None:
        target = self.target
        assert target is not None
        if not clip_ready:
            self.record("clipboard", False, Note(MSG_CLIP_NOT_SET))
            return
        if not self.idle:
            self.record("clipboard", False, Note(MSG_CLIP_NOT_RESTORED))
            return
        count = len([e for e in target.events if e["event"] == "clip"])
        target.send("getclip")  # another program reads it, as the agent's next Ctrl+V would
        if not self.wait(lambda: len([e for e in target.events if e["event"] == "clip"]) > count, 5):
            self.record("clipboard", False, Note(MSG_CLIP_UNREADABLE))
            return
        clip = target.last("clip") or {}
        problems: list[str | Note] = []
        if clip.get("text") != CLIP_TEXT:
            problems.append(Note(MSG_CLIP_TEXT_CHANGED, text=repr(str(clip.get("text"))[:60])))
        if clip.get("image") != image_digest(test_image()):
            problems.append(Note(MSG_IMAGE_CHANGED if clip.get("image") else MSG_IMAGE_LOST))
        self.record("clipboard", not problems, joined(problems) if problems else Note(MSG_CLIP_OK))

    def _dispatch(self, action: str) -> bool:
        """True once `action`'s hotkey arrived (its handler then ran once)."""
        if action in self.activated:
            handler = self._on_activated.pop(action, None)
            if handler is not None:
                handler()
            return True
        return False

    def _paste_from_picker(
        self, pipeline: InsertionPipeline, foreground: Any, tracker: ForegroundTracker, presser: Any
    ) -> None:
        target = self.target
        assert target is not None
        target.send("clear")
        self.wait(lambda: target.last("cleared") is not None and target.text == "", 3)
        library = PhraseLibrary(
            _PhraseList(Phrase(PICKER_PHRASE, "自检", "选择器自检", PICKER_CODE, id=1)), SystemClock()
        )
        picker = PickerPopup(library, focus=pipeline.focus_handover)  # as the app builds it (Windows focus)
        self._picker = picker  # kept alive until the end of the run

        def chosen(phrase_id: int) -> None:  # as app.py: into the window the agent was in
            pipeline.insert(InsertRequest((library.get(phrase_id).text,), None, "picker", tracker.last_external))

        picker.chosen.connect(chosen)
        self.activated.clear()
        self._on_activated = {"picker": lambda: picker.popup_at(QCursor.pos())}
        focus_before = len(target.focus)
        if self._type_into_picker(picker, foreground, presser):
            presser.tap("enter")
            self._check_focus_back(picker, foreground, focus_before)

    def _type_into_picker(self, picker: PickerPopup, foreground: Any, presser: Any) -> bool:
        """The picker's hotkey opens it with the keyboard focus, and the phrase's code is typed into its search
        (records picker_focus; on failure skips focus_back)."""
        target = self.target
        assert target is not None
        keys_before = len(target.keys)
        presser.press(parse_hotkey(PICKER_HOTKEY))
        if not self.wait(lambda: self._dispatch("picker"), 3):
            self.record("picker_focus", False, Note(MSG_NO_HOTKEY, hotkey=PICKER_HOTKEY))
            self.skip("focus_back", why=Note(MSG_PICKER_NOT_OPENED))
            return False
        own = os.getpid()
        if not self.wait(lambda: picker.isActiveWindow() and _pid(foreground) == own, 3):
            self.record("picker_focus", False, Note(MSG_PICKER_NO_FOCUS, window=_describe(foreground)))
            picker.hide()
            self.skip("focus_back", why=Note(MSG_PICKER_NO_FOCUS_WHY))
            return False
        presser.tap(*PICKER_CODE)
        if not self.wait(lambda: picker.search.text() == PICKER_CODE, 3):
            typed = "".join(k["text"] for k in target.keys[keys_before:])
            where = (
                Note(MSG_TYPED_INTO_TARGET, typed=repr(typed))
                if typed
                else Note(MSG_PICKER_GOT, typed=repr(picker.search.text()))
            )
            self.record("picker_focus", False, Note(MSG_NOT_IN_PICKER, where=where))
            picker.hide()
            self.skip("focus_back", why=Note(MSG_PICKER_NO_KEYBOARD))
            return False
        self.record("picker_focus", True, Note(MSG_PICKER_OK, code=repr(PICKER_CODE)))
        return True

    def _check_focus_back(self, picker: PickerPopup, foreground: Any, focus_before: int) -> None:
        """After Enter in the picker: the phrase is in the target window and the focus went back to it
        (records focus_back)."""
        target = self.target
        assert target is not None
        done = self.wait(
            lambda: (
                "picker" in self.results
                and target.text == PICKER_PHRASE
                and _pid(foreground) == target.process.pid
                and target.focus[focus_before:][-1:] == [True]
            ),
            6,
        )
        result = self.results.get("picker", "")
        if done:
            self.record("focus_back", True, Note(MSG_FOCUS_BACK_OK))
        elif result and result != "inserted":
            self.record("focus_back", False, result)
        elif picker.isVisible():
            self.record("focus_back", False, Note(MSG_PICKER_STAYED))
        elif _pid(foreground) != target.process.pid:
            self.record("focus_back", False, Note(MSG_FOCUS_NOT_BACK, window=_describe(foreground)))
        else:
            self.record(
                "focus_back", False, Note(MSG_RECEIVED, got=repr(target.text[:80]), wanted=repr(PICKER_PHRASE[:80]))
            )

    def _clean_up(self, parts: dict[str, Any]) -> None:
        for name, action in (("hotkeys", "shutdown"), ("pipeline", "shutdown"), ("presser", "close")):
            part = parts.get(name)
            if part is not None:
                try:
                    getattr(part, action)()
                except Exception:
                    log.exception("selftest: %s.%s failed", name, action)
        if self.target is not None:
            self.target.stop()


def _one_line(detail: str | Note) -> str | Note:
    """Each text on one line, a Note's texts inside it too (a library's message may span several)."""
    if isinstance(detail, Note):
        fields = {name: _one_line(v) if isinstance(v, (str, Note)) else v for name, v in detail.fields.items()}
        return Note(detail.template, **fields)
    return " ".join(detail.split())


def _is_key(event: dict, name: str) -> bool:
    """A key event the target reported is `name` (Qt's key code for a letter or digit is its upper-case
    ASCII code; with Ctrl held the event's text is a control character, so the code is what counts)."""
    if len(name) == 1 and name.isascii() and name.isalnum():
        return event["key"] == ord(name.upper())
    return event["text"].lower() == name


def _pid(foreground: Any) -> int:
    try:
        active = foreground.active()
    except PlatformUnavailable:
        return 0
    return active.pid if active is not None else 0


def _describe(foreground: Any) -> str | Note:
    try:
        active = foreground.active()
    except PlatformUnavailable as exc:
        return str(exc)
    return f"{active.process or '?'} 「{active.title}」" if active is not None else Note(MSG_NO_FOREGROUND)


def start_watchdog(seconds: float = WATCHDOG_S, on_expiry: Callable[[], None] | None = None) -> threading.Timer:
    """Ends the process if the run still blocks after `seconds` (a stuck OS call): never hangs."""

    def expire() -> None:
        print(f"selftest: {Note(MSG_WATCHDOG, seconds=f'{seconds:.0f}')}", file=sys.stderr, flush=True)
        if on_expiry is not None:
            on_expiry()
        os._exit(1)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def run(backend: str = "auto", report: Callable[[Step], None] = lambda step: None) -> tuple[list[Step], str]:
    """The steps (complete, in order) and the hotkey backend's name."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    test = SelfTest(app, backend, report=report)

    def kill_target() -> None:
        if test.target is not None and test.target.process.poll() is None:
            test.target.process.kill()

    watchdog = start_watchdog(on_expiry=kill_target)
    try:
        steps = test.run()
    finally:
        watchdog.cancel()
    log.info(
        "selftest at %s: %s", dt.datetime.now().isoformat(timespec="seconds"), [(s.name, s.ok, s.detail) for s in steps]
    )
    return steps, test.backend_name
