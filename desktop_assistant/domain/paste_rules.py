"""Per-application paste method (docs/insertion.md): Ctrl+V by default, Shift+Insert or typing where needed.

A rule matches the target's process name or its window title and names a method:

    process:putty.exe = shift+insert      process name, case-insensitive; `*` and `?` wildcards;
                                          ".exe" optional on either side (putty matches putty.exe)
    title:终端 = type                      the title contains the text (case-insensitive)
    title:/^root@.*\\$/ = shift+insert     the title matches the regular expression

Rules are separated by newlines or `;` (a `;` inside a /regex/ belongs to the regex); `#` starts a
comment line. The agent's rules come first; the first match wins; the built-in defaults (terminals,
which take Ctrl+V as a control character) apply after them, and Ctrl+V after everything.

The optional allow-list is a list of process-name patterns in the same spelling; empty allows all.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

CTRL_V = "ctrl+v"
SHIFT_INSERT = "shift+insert"
TYPE = "type"
METHODS = (CTRL_V, SHIFT_INSERT, TYPE)

MSG_RULE_SYNTAX = QT_TRANSLATE_NOOP(
    "Messages", "第 {line} 条粘贴规则格式不对，应为 process:程序名 = 方式 或 title:标题 = 方式：{text}"
)
MSG_RULE_METHOD = QT_TRANSLATE_NOOP("Messages", "第 {line} 条粘贴规则的方式只能是 ctrl+v / shift+insert / type：{text}")
MSG_RULE_REGEX = QT_TRANSLATE_NOOP("Messages", "第 {line} 条粘贴规则的正则表达式有误：{reason}")
MSG_RULE_EMPTY = QT_TRANSLATE_NOOP("Messages", "第 {line} 条粘贴规则缺少程序名或标题：{text}")


class PasteRuleError(UserError):
    """A rules text that cannot be used; names the rule (1-based) and the reason."""


@dataclass(frozen=True)
class PasteRule:
    kind: str  # "process" | "title"
    pattern: str  # process glob, title substring, or "/regex/"
    method: str

    def matches(self, process: str, title: str) -> bool:
        if self.kind == "process":
            return _process_matches(self.pattern, process)
        if _is_regex(self.pattern):
            return re.search(self.pattern[1:-1], title, re.IGNORECASE) is not None
        return self.pattern.casefold() in title.casefold()

    def __str__(self) -> str:
        return f"{self.kind}:{self.pattern} = {self.method}"


def _strip_exe(name: str) -> str:
    name = name.strip().casefold()
    return name[:-4] if name.endswith(".exe") else name


def _process_matches(pattern: str, process: str) -> bool:
    if not process:
        return False
    return fnmatch.fnmatchcase(_strip_exe(process), _strip_exe(pattern))


def _is_regex(pattern: str) -> bool:
    return len(pattern) >= 2 and pattern.startswith("/") and pattern.endswith("/")


# Terminals read Ctrl+V as a control character; Shift+Insert pastes there. xterm pastes the PRIMARY
# selection on Shift+Insert, which the pipeline sets too on X11.
DEFAULT_RULES_TEXT = """\
process:xterm = shift+insert
process:uxterm = shift+insert
process:gnome-terminal-server = shift+insert
process:konsole = shift+insert
process:xfce4-terminal = shift+insert
process:mate-terminal = shift+insert
process:lxterminal = shift+insert
process:terminator = shift+insert
process:tilix = shift+insert
process:alacritty = shift+insert
process:kitty = shift+insert
process:urxvt = shift+insert
process:rxvt = shift+insert
process:st = shift+insert
process:putty.exe = shift+insert
process:kitty.exe = shift+insert
process:WindowsTerminal.exe = shift+insert
process:mintty.exe = shift+insert
process:conhost.exe = shift+insert
process:cmd.exe = shift+insert
process:powershell.exe = shift+insert
process:MobaXterm.exe = shift+insert
process:SecureCRT.exe = shift+insert
process:Xshell.exe = shift+insert
"""


_REGEX_START = re.compile(r"\s*title\s*:\s*/", re.IGNORECASE)


def _split_rules(text: str) -> list[str]:
    """Rule texts in order, comments and blanks dropped; `;` splits except inside title:/regex/."""
    rules: list[str] = []
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        current = ""
        in_regex = False
        escaped = False
        for ch in line:
            if in_regex:
                current += ch
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == "/":
                    in_regex = False
            elif ch == ";":
                rules.append(current)
                current = ""
            else:
                current += ch
                in_regex = ch == "/" and _REGEX_START.fullmatch(current) is not None
        rules.append(current)
    return [rule.strip() for rule in rules if rule.strip() and not rule.strip().startswith("#")]


_RULE = re.compile(
    r"(?P<kind>process|title)\s*:\s*(?P<pattern>.*?)\s*=\s*(?P<method>[^=]*?)\s*", re.IGNORECASE | re.DOTALL
)


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:40] + "…"


def parse_rules(text: str) -> list[PasteRule]:
    """All rules of a rules text, or PasteRuleError naming the first bad one."""
    rules: list[PasteRule] = []
    for number, rule_text in enumerate(_split_rules(text), start=1):
        match = _RULE.fullmatch(rule_text)
        if match is None:
            raise PasteRuleError(MSG_RULE_SYNTAX, line=number, text=_shown(rule_text))
        kind = match.group("kind").lower()
        pattern = match.group("pattern").strip()
        method = match.group("method").strip().lower().replace(" ", "")
        if method not in METHODS:
            raise PasteRuleError(MSG_RULE_METHOD, line=number, text=_shown(rule_text))
        if not pattern or pattern == "//":
            raise PasteRuleError(MSG_RULE_EMPTY, line=number, text=_shown(rule_text))
        if kind == "title" and _is_regex(pattern):
            try:
                re.compile(pattern[1:-1], re.IGNORECASE)
            except re.error as exc:
                raise PasteRuleError(MSG_RULE_REGEX, line=number, reason=_shown(str(exc))) from None
        rules.append(PasteRule(kind, pattern, method))
    return rules


DEFAULT_RULES: tuple[PasteRule, ...] = tuple(parse_rules(DEFAULT_RULES_TEXT))


def format_rules(rules: list[PasteRule] | tuple[PasteRule, ...]) -> str:
    """One rule per line, in the syntax parse_rules reads back."""
    return "\n".join(str(rule) for rule in rules)


def method_for(
    process: str,
    title: str,
    rules: Sequence[PasteRule] = (),
    *,
    defaults: tuple[PasteRule, ...] = DEFAULT_RULES,
) -> str:
    """The paste method for a window: the agent's rules, then the defaults, then Ctrl+V."""
    for rule in (*rules, *defaults):
        if rule.matches(process, title):
            return rule.method
    return CTRL_V


def parse_allow_list(text: str) -> tuple[str, ...]:
    """Process-name patterns separated by `;`, `,` or newlines; empty means every program."""
    return tuple(part.strip() for part in re.split(r"[;,\n\r]", text) if part.strip())


def allowed(process: str, allow_list: tuple[str, ...]) -> bool:
    return not allow_list or any(_process_matches(pattern, process) for pattern in allow_list)
