"""selftest without X: how steps are reported, the exit codes, the CLI's usage errors, the keys the
Windows presser sends (a fake Win32Api records them), the watchdog, and the target never lingering."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from desktop_assistant.domain.hotkeys import parse_hotkey
from desktop_assistant.os_integration.key_presser import WindowsKeyPresser
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.os_integration.win32 import KEYEVENTF_KEYUP
from desktop_assistant.selftest_report import (
    STEPS,
    Step,
    as_json,
    complete,
    exit_code,
    skipped,
    step_line,
    summary_line,
)
from tests.conftest import REPO, run_cli

ALL_OK = [Step(name, True, "") for name, _ in STEPS]


def test_all_steps_passed_is_exit_0() -> None:
    assert exit_code(ALL_OK) == 0
    assert summary_line(ALL_OK) == f"自检通过：{len(STEPS)} 项全部正常"
    assert step_line(ALL_OK[0]) == "[通过] 打开自检目标窗口"


def test_one_failed_step_is_exit_1_and_named() -> None:
    steps = [*ALL_OK[:3], Step("text", False, "目标窗口收到的是 ''"), *ALL_OK[4:]]
    assert exit_code(steps) == 1
    assert step_line(steps[3]) == "[失败] 文本完整粘贴到目标窗口：目标窗口收到的是 ''"
    assert summary_line(steps) == "自检失败：文本完整粘贴到目标窗口"


def test_a_step_that_never_ran_is_reported_skipped_never_passed() -> None:
    steps = complete([Step("target", False, "目标窗口 20 秒内没有出现")])
    assert [step.name for step in steps] == [name for name, _ in STEPS]
    assert all(step.skipped and not step.ok for step in steps[1:])
    assert exit_code(steps) == 1
    assert step_line(steps[1]).startswith("[跳过] 注册测试快捷键：未执行")
    assert exit_code(complete([])) == 1  # nothing ran: not a pass
    assert exit_code([skipped(name) for name, _ in STEPS]) == 1


def test_an_unexpected_error_is_kept_as_its_own_failed_step() -> None:
    steps = complete([*ALL_OK[:2], Step("error", False, "RuntimeError: boom")])
    assert steps[-1].name == "error" and steps[-1].title == "自检程序出错"
    assert exit_code(steps) == 1


def test_the_report_translates_to_the_last_fragment(qapp) -> None:
    """Every line the selftest writes is marked (context "Selftest"): in English nothing Chinese is left."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop_assistant.selftest import MSG_CLIP_TEXT_CHANGED, MSG_IMAGE_LOST, MSG_NOT_REGISTERED
    from desktop_assistant.selftest_report import Note, joined, step_note, summary_note

    clipboard = Step("clipboard", False, joined([Note(MSG_CLIP_TEXT_CHANGED, text="'x'"), Note(MSG_IMAGE_LOST)]))
    steps = complete([*ALL_OK[:4], ALL_OK[4], clipboard, skipped("picker_focus", Note(MSG_NOT_REGISTERED, hotkey="k"))])
    assert step_line(clipboard) == "[失败] 剪贴板（文字和图片）已恢复：文字变成了 'x'；图片丢失"
    translator = QTranslator()
    assert translator.load(str(REPO / "resources" / "translations" / "en.qm"))
    qapp.installTranslator(translator)
    try:
        english = [step_note(step).translated(QCoreApplication.translate) for step in steps]
        english.append(summary_note(steps).translated(QCoreApplication.translate))
    finally:
        qapp.removeTranslator(translator)
    assert not [line for line in english if re.search(r"[\u3400-\u9fff\uff08\uff09\uff0c\uff1a\uff1b]", line)], english
    assert english[5] == "[failed] Clipboard (text and image) restored: text became 'x'; image lost"
    assert english[-1] == "Self-test failed: Clipboard (text and image) restored"


def test_json_is_one_object_with_each_steps_name_ok_and_detail() -> None:
    steps = [*ALL_OK[:-1], Step("focus_back", False, "焦点没有回到目标窗口")]
    data = json.loads(as_json(steps, platform="win32", backend="native"))
    assert data["ok"] is False and data["platform"] == "win32" and data["backend"] == "native"
    assert [(s["name"], s["ok"]) for s in data["steps"]] == [(s.name, s.ok) for s in steps]
    assert data["steps"][-1]["detail"] == "焦点没有回到目标窗口"
    assert "焦点" in as_json(steps)  # Chinese unescaped (docs/cli.md)


def test_unknown_backend_is_bad_usage_exit_2() -> None:
    result = run_cli("--temp-basedir", "selftest", "--backend", "nonsense")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "nonsense" in result.stderr


def test_selftest_is_listed_and_the_target_mode_is_not() -> None:
    shown = run_cli("--help").stdout
    assert "selftest" in shown and "_selftest-target" not in shown
    assert run_cli("selftest", "--help").returncode == 0


class FakeApi:
    def __init__(self, accept: bool = True) -> None:
        self.sent: list[tuple[int, bool]] = []
        self.accept = accept

    def scan_code(self, vk: int) -> int:
        return vk + 0x100

    def send_input(self, events) -> int:
        for event in events:
            assert event.scan == event.vk + 0x100
            self.sent.append((event.vk, not event.flags & KEYEVENTF_KEYUP))
        return len(events) if self.accept else 0


def test_windows_presser_presses_like_a_hand_one_event_at_a_time() -> None:
    api = FakeApi()
    presser = WindowsKeyPresser(api, sleep=lambda s: None)
    presser.press(parse_hotkey("ctrl+alt+shift+k"))
    ctrl, alt, shift, k = 0xA2, 0xA4, 0xA0, ord("K")
    assert api.sent == [
        (ctrl, True),
        (alt, True),
        (shift, True),
        (k, True),
        (k, False),
        (shift, False),
        (alt, False),
        (ctrl, False),
    ]
    api.sent.clear()
    presser.tap("z", "j", "enter")
    assert api.sent == [
        (ord("Z"), True),
        (ord("Z"), False),
        (ord("J"), True),
        (ord("J"), False),
        (0x0D, True),
        (0x0D, False),
    ]


def test_windows_presser_says_when_sendinput_is_blocked() -> None:
    presser = WindowsKeyPresser(FakeApi(accept=False), sleep=lambda s: None)
    with pytest.raises(PlatformUnavailable, match="SendInput"):
        presser.tap("z")


def _python(code_or_args: list[str], **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, *code_or_args], env=env, cwd=REPO, text=True, encoding="utf-8", **kwargs)


def test_the_watchdog_ends_a_run_that_blocks() -> None:
    code = (
        "import time; from desktop_assistant.selftest import start_watchdog;"
        "start_watchdog(0.2); time.sleep(60); print('still here')"
    )
    process = _python(["-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1 and out == ""
    assert "中止" in err


def test_the_target_window_quits_when_the_selftest_is_gone() -> None:
    """Its stdin closes when the selftest process dies (even by kill -9): the target must not linger."""
    process = _python(
        ["-m", "desktop_assistant", "_selftest-target"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        events = iter(lambda: json.loads(process.stdout.readline() or '{"event": "eof"}'), None)
        ready = next(event for event in events if event["event"] in ("ready", "eof"))
        assert ready["event"] == "ready" and ready["pid"] == process.pid
        process.stdin.close()
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
