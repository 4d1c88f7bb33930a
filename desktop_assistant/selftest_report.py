"""The selftest's steps and how they are reported (plain Python: no Qt, no OS; unit-tested alone).

Exit codes follow docs/cli.md: 0 every step passed, 1 a step failed or could not run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError


class Note(UserError):
    """A selftest text: `str()` is the Chinese the command line prints, `translated()` any language."""

    context = "Selftest"


# name -> the line a shop's IT person reads
STEPS = (
    ("target", QT_TRANSLATE_NOOP("Selftest", "打开自检目标窗口")),
    ("hotkey", QT_TRANSLATE_NOOP("Selftest", "注册测试快捷键")),
    ("press", QT_TRANSLATE_NOOP("Selftest", "系统按键触发快捷键")),
    ("text", QT_TRANSLATE_NOOP("Selftest", "文本完整粘贴到目标窗口")),
    ("no_leak", QT_TRANSLATE_NOOP("Selftest", "快捷键没有漏进目标窗口，没有按键卡住")),
    ("clipboard", QT_TRANSLATE_NOOP("Selftest", "剪贴板（文字和图片）已恢复")),
    ("picker_focus", QT_TRANSLATE_NOOP("Selftest", "短语选择器拿到键盘焦点")),
    ("focus_back", QT_TRANSLATE_NOOP("Selftest", "选择后焦点回到目标窗口并粘贴")),
)
TITLES = {**dict(STEPS), "error": QT_TRANSLATE_NOOP("Selftest", "自检程序出错")}
SKIPPED = QT_TRANSLATE_NOOP("Selftest", "未执行：前面的步骤失败")
SKIPPED_WHY = QT_TRANSLATE_NOOP("Selftest", "未执行：前面的步骤失败（{why}）")
MARK_PASSED = QT_TRANSLATE_NOOP("Selftest", "通过")
MARK_SKIPPED = QT_TRANSLATE_NOOP("Selftest", "跳过")
MARK_FAILED = QT_TRANSLATE_NOOP("Selftest", "失败")
LINE = QT_TRANSLATE_NOOP("Selftest", "[{mark}] {title}")
LINE_DETAIL = QT_TRANSLATE_NOOP("Selftest", "[{mark}] {title}：{detail}")
ALL_PASSED = QT_TRANSLATE_NOOP("Selftest", "自检通过：{count} 项全部正常")
FAILED = QT_TRANSLATE_NOOP("Selftest", "自检失败：{steps}")
NOT_RUN = QT_TRANSLATE_NOOP("Selftest", "有步骤没有执行")
BOTH = QT_TRANSLATE_NOOP("Selftest", "{first}；{rest}")


def joined(parts: Sequence[str | Note]) -> str | Note:
    """Several texts as one, each still translated: a；b；c."""
    if len(parts) == 1:
        return parts[0]
    return Note(BOTH, first=parts[0], rest=joined(parts[1:])) if parts else ""


@dataclass(frozen=True)
class Step:
    name: str
    ok: bool
    detail: str | Note = ""  # a Note when the selftest wrote it; a library's own words as they came
    skipped: bool = False

    @property
    def title(self) -> str:
        return TITLES.get(self.name, self.name)


def skipped(name: str, why: str | Note = "") -> Step:
    return Step(name, False, Note(SKIPPED_WHY, why=why) if why else Note(SKIPPED), skipped=True)


def complete(steps: list[Step]) -> list[Step]:
    """Every known step in order; a step that never ran is reported as skipped, never as passed."""
    by_name = {step.name: step for step in steps}
    extra = [step for step in steps if step.name not in dict(STEPS)]
    return [by_name.get(name) or skipped(name) for name, _ in STEPS] + extra


def passed(steps: list[Step]) -> bool:
    return bool(steps) and all(step.ok for step in steps)


def exit_code(steps: list[Step]) -> int:
    return 0 if passed(steps) else 1


def step_note(step: Step) -> Note:
    mark = Note(MARK_PASSED if step.ok else MARK_SKIPPED if step.skipped else MARK_FAILED)
    title = Note(step.title) if step.name in TITLES else step.title
    if step.detail:
        return Note(LINE_DETAIL, mark=mark, title=title, detail=step.detail)
    return Note(LINE, mark=mark, title=title)


def step_line(step: Step) -> str:
    return str(step_note(step))


def summary_note(steps: list[Step]) -> Note:
    if passed(steps):
        return Note(ALL_PASSED, count=len(steps))
    failed = [Note(step.title) for step in steps if not step.ok and not step.skipped]
    return Note(FAILED, steps=joined(failed) if failed else Note(NOT_RUN))


def summary_line(steps: list[Step]) -> str:
    return str(summary_note(steps))


def as_json(steps: list[Step], **extra: object) -> str:
    """One object: ok, the extra fields (platform, backend), and each step's name, ok, detail."""
    rows = [
        {"name": s.name, "ok": s.ok, "detail": str(s.detail), "skipped": s.skipped, "title": s.title} for s in steps
    ]
    data = {"ok": passed(steps), **extra, "steps": rows}
    return json.dumps(data, ensure_ascii=False, indent=2)
