"""Which buyer an IM chat window is about, from its process name and title (DESIGN 1, step 1).

Rules are lines `平台 | 程序 | 标题正则`, editable in the settings (`conversation.title_rules`):
the program is a glob on the process name (case-insensitive, `*` for any program), the pattern a
regular expression whose group `nick` (or first group) is the buyer. The first rule whose program
and title match gives the nick. Defaults: 千牛 (AliWorkbench.exe) and 阿里旺旺 (AliIM.exe) chat
windows and a generic pattern (与 <nick> 交谈中 / 聊天中) for any program.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import NamedTuple

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MSG_RULE_SHAPE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行: 规则应为「平台 | 程序 | 标题正则」")
MSG_RULE_PATTERN = QT_TRANSLATE_NOOP("Messages", "第 {line} 行: 标题正则有误: {reason}")
MSG_RULE_GROUP = QT_TRANSLATE_NOOP("Messages", "第 {line} 行: 标题正则需要一个分组 (?P<nick>…) 表示买家昵称")


class TitleRuleError(UserError):
    """A rule line that cannot be used; names the line."""


@dataclass(frozen=True)
class TitleRule:
    platform: str  # shown beside the conversation (千牛, 旺旺, 京东 …); may be empty
    process: str  # a glob, lower case ("*" for any program)
    title: re.Pattern[str]  # group "nick" (or the first group) is the buyer


class WindowMatch(NamedTuple):
    platform: str
    nick: str


DEFAULT_RULES_TEXT = "\n".join((
    r"千牛 | aliworkbench* | ^(?P<nick>[^-\s].*?)\s+-\s+(?:接待中心|千牛.*)$",
    r"旺旺 | aliim* | ^(?P<nick>[^-\s].*?)\s+-\s+(?:阿里旺旺|旺旺).*$",
    r" | * | 与\s*(?P<nick>\S+?)\s*(?:的)?(?:交谈|聊天|对话)中",
))
_NOT_A_NICK = {"接待中心", "千牛", "千牛工作台", "阿里旺旺", "消息中心", "工作台"}


def parse_title_rules(text: str) -> tuple[TitleRule, ...]:
    """Rule lines -> rules; blank lines and lines starting with # are skipped. TitleRuleError names the line."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("|", 2)  # the pattern may hold | itself
        if len(parts) != 3 or not parts[1].strip() or not parts[2].strip():
            raise TitleRuleError(MSG_RULE_SHAPE, line=number)
        platform, process, pattern = (part.strip() for part in parts)
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise TitleRuleError(MSG_RULE_PATTERN, line=number, reason=str(exc)) from None
        if "nick" not in compiled.groupindex and compiled.groups == 0:
            raise TitleRuleError(MSG_RULE_GROUP, line=number)
        rules.append(TitleRule(platform, process.lower(), compiled))
    return tuple(rules)


DEFAULT_TITLE_RULES = parse_title_rules(DEFAULT_RULES_TEXT)


def match_window(process: str, title: str, rules: tuple[TitleRule, ...] = DEFAULT_TITLE_RULES) -> WindowMatch | None:
    """The platform and buyer the window is about, or None when no rule names one."""
    for rule in rules:
        if not fnmatch.fnmatch(process.lower(), rule.process):
            continue
        match = rule.title.search(title.strip())
        if match:
            nick = ((match.group("nick") if "nick" in rule.title.groupindex else match.group(1)) or "").strip()
            if nick and nick not in _NOT_A_NICK and "\n" not in nick:
                return WindowMatch(rule.platform, nick)
    return None


def buyer_from_window(process: str, title: str, rules: tuple[TitleRule, ...] = DEFAULT_TITLE_RULES) -> str:
    """The buyer's nick the window is about, or "" when no rule names one."""
    found = match_window(process, title, rules)
    return found.nick if found else ""
