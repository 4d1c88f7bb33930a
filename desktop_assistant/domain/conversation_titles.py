"""Which buyer an IM chat window is about, from its process name and title (DESIGN 1, step 1).

Built-in rules for 千牛 (AliWorkbench.exe) and 阿里旺旺 (AliIM.exe) chat windows and a generic pattern
(与 <nick> 交谈中 / 聊天中). The first rule whose process and title match gives the nick.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TitleRule:
    process: str  # a glob, case-insensitive ("*" for any program)
    title: re.Pattern[str]  # group "nick" is the buyer


DEFAULT_TITLE_RULES = (
    TitleRule("aliworkbench*", re.compile(r"^(?P<nick>[^-\s][^\n]*?)\s+-\s+(?:接待中心|千牛[^\n]*)$")),
    TitleRule("aliim*", re.compile(r"^(?P<nick>[^-\s][^\n]*?)\s+-\s+(?:阿里旺旺|旺旺)[^\n]*$")),
    TitleRule("*", re.compile(r"与\s*(?P<nick>[^\s]+?)\s*(?:的)?(?:交谈|聊天|对话)中")),
)
_NOT_A_NICK = {"接待中心", "千牛", "千牛工作台", "阿里旺旺", "消息中心", "工作台"}


def buyer_from_window(process: str, title: str, rules: tuple[TitleRule, ...] = DEFAULT_TITLE_RULES) -> str:
    """The buyer's nick the window is about, or "" when no rule names one."""
    for rule in rules:
        if not fnmatch.fnmatch(process.lower(), rule.process):
            continue
        match = rule.title.search(title.strip())
        if match:
            nick = match.group("nick").strip()
            if nick and nick not in _NOT_A_NICK:
                return nick
    return ""
