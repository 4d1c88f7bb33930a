"""The selftest's steps and how they are reported (plain Python: no Qt, no OS; unit-tested alone).

Exit codes follow DESIGN 5: 0 every step passed, 1 a step failed or could not run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

# name -> the line a shop's IT person reads (Chinese, as every CLI message)
STEPS = (
    ("target", "打开自检目标窗口"),
    ("hotkey", "注册测试快捷键"),
    ("press", "系统按键触发快捷键"),
    ("text", "文本完整粘贴到目标窗口"),
    ("no_leak", "快捷键没有漏进目标窗口, 没有按键卡住"),
    ("clipboard", "剪贴板 (文字和图片) 已恢复"),
    ("picker_focus", "短语选择器拿到键盘焦点"),
    ("focus_back", "选择后焦点回到目标窗口并粘贴"),
)
TITLES = {**dict(STEPS), "error": "自检程序出错"}
SKIPPED = "未执行: 前面的步骤失败"


@dataclass(frozen=True)
class Step:
    name: str
    ok: bool
    detail: str = ""
    skipped: bool = False

    @property
    def title(self) -> str:
        return TITLES.get(self.name, self.name)


def skipped(name: str, why: str = "") -> Step:
    return Step(name, False, f"{SKIPPED} ({why})" if why else SKIPPED, skipped=True)


def complete(steps: list[Step]) -> list[Step]:
    """Every known step in order; a step that never ran is reported as skipped, never as passed."""
    by_name = {step.name: step for step in steps}
    extra = [step for step in steps if step.name not in dict(STEPS)]
    return [by_name.get(name) or skipped(name) for name, _ in STEPS] + extra


def passed(steps: list[Step]) -> bool:
    return bool(steps) and all(step.ok for step in steps)


def exit_code(steps: list[Step]) -> int:
    return 0 if passed(steps) else 1


def step_line(step: Step) -> str:
    mark = "通过" if step.ok else ("跳过" if step.skipped else "失败")
    return f"[{mark}] {step.title}" + (f": {step.detail}" if step.detail else "")


def summary_line(steps: list[Step]) -> str:
    failed = [step.title for step in steps if not step.ok and not step.skipped]
    if passed(steps):
        return f"自检通过: {len(steps)} 项全部正常"
    return "自检失败: " + ("; ".join(failed) if failed else "有步骤没有执行")


def as_json(steps: list[Step], **extra: object) -> str:
    """One object: ok, the extra fields (platform, backend), and each step's name, ok, detail."""
    data = {"ok": passed(steps), **extra, "steps": [{**asdict(step), "title": step.title} for step in steps]}
    return json.dumps(data, ensure_ascii=False, indent=2)
