"""Which IM client a window belongs to, whether it is a chat window, and what its title really names
(docs/reading.md). Real 千牛 9.x titles name the seller's own account (`店铺:客服-接待中心`), never the buyer,
so a title gives a buyer only through a rule that says the title holds the buyer.

Rules are lines, editable in the settings (`conversation.title_rules`):

    平台 | 程序 | 标题正则                    the old form: the title holds the buyer (group `nick`, or the first)
    平台 | 程序 | 选项 | … | 标题正则         the new form: options, then the pattern

Options (each its own field, before the pattern; the pattern may hold `|` itself):
    `买家` / `buyer`      a chat window whose title holds the buyer: group `nick` required
    `聊天` / `chat`       a chat window whose title names no buyer
    `非聊天` / `not-chat` not a chat window (workbench home, pop-ups, reminders)
    `类=正则` / `class=REGEX`  the window class must match the regex in full
A group `seller` in any pattern reads the seller's own account. The program is a glob on the process
name (case-insensitive, `*` for any program). The first rule whose program, class and title match decides.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MSG_RULE_SHAPE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：规则应为「平台 | 程序 | [选项 | …] 标题正则」")
MSG_RULE_PATTERN = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：标题正则有误：{reason}")
MSG_RULE_GROUP = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：标题正则需要一个分组 (?P<nick>…) 表示买家昵称")
MSG_RULE_ROLES = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：「买家」「聊天」「非聊天」只能选一个")
MSG_RULE_NICK_UNSAID = QT_TRANSLATE_NOOP(
    "Messages", "第 {line} 行：标题正则有买家分组 (?P<nick>…)，但规则没有写「买家」"
)
MSG_RULE_CLASS = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：窗口类正则有误：{reason}")

BUYER, CHAT, NOT_CHAT = "buyer", "chat", "not-chat"  # what a rule says its windows are
_ROLES = {"买家": BUYER, "buyer": BUYER, "聊天": CHAT, "chat": CHAT, "非聊天": NOT_CHAT, "not-chat": NOT_CHAT}
_CLASS_PREFIXES = ("类=", "class=")


class TitleRuleError(UserError):
    """A rule line that cannot be used; names the line."""


@dataclass(frozen=True)
class TitleRule:
    platform: str  # the client: shown beside the conversation, names the reader regions (千牛, 旺旺 …)
    process: str  # a glob, lower case ("*" for any program)
    title: re.Pattern[str]
    role: str = BUYER  # BUYER | CHAT | NOT_CHAT
    window_class: re.Pattern[str] | None = None
    line: int = 0  # its line in the setting, for `reader probe`
    text: str = ""  # the line as written

    @property
    def holds_buyer(self) -> bool:
        return self.role == BUYER

    def matches(self, process: str, window_class: str, title: str) -> re.Match[str] | None:
        if not fnmatch.fnmatch(process.lower(), self.process):
            return None
        if self.window_class is not None and not self.window_class.fullmatch(window_class):
            return None
        return self.title.search(title)


class WindowMatch(NamedTuple):
    """What a window is: its client, whether it is a chat window, the buyer its title names ("" unless
    its rule says the title holds the buyer) and the seller account its title names ("")."""

    platform: str
    is_chat_window: bool
    buyer: str
    seller: str
    rule: TitleRule

    @property
    def nick(self) -> str:  # the name older callers used for the buyer
        return self.buyer


# Titles listed in docs/reading.md. Order matters: homes and pop-ups are ruled out before the chat frames.
DEFAULT_RULES_TEXT = "\n".join(
    (
        r"千牛 | aliworkbench* | 类=Qt5\d+QWindowToolSaveBits | 非聊天 | .*",
        r"千牛 | aliworkbench* | 非聊天 | -\s*千牛工作台$",
        r"千牛 | aliworkbench* | 聊天 | ^(?P<seller>\S.*?)\s*-\s*(?:接待中心|接待台|客服工作台)$",
        r"千牛 | aliworkbench* | 聊天 | ^千牛接待台$",
        r"千牛 | aliworkbench* | 类=Qt5\d+QWindowIcon | 聊天 | ^$",
        r"旺旺 | aliim* | 聊天 | ^(?P<seller>\S.*?)\s*-\s*(?:接待中心|客服工作台)$",
        r"旺旺 | aliim* | 类=StandardFrame | 买家 | ^(?P<nick>\S.*?)\s+-\s+(?P<seller>\S.*?)$",
        r"拼多多 | pddworkbench* | 聊天 | 拼多多工作台",
        r"抖店 | doudian* | 聊天 | 抖店工作台",
        r"京麦 | jm.exe | 聊天 | .*",
        r" | * | 与\s*(?P<nick>\S+?)\s*(?:的)?(?:交谈|聊天|对话)中",
    )
)
# The default shipped before these rules: its 千牛 line took the seller for a buyer. A stored copy the
# agent never edited is replaced by the new default (storage/settings_store).
LEGACY_RULES_TEXT = "\n".join(
    (
        r"千牛 | aliworkbench* | ^(?P<nick>[^-\s].*?)\s+-\s+(?:接待中心|千牛.*)$",
        r"旺旺 | aliim* | ^(?P<nick>[^-\s].*?)\s+-\s+(?:阿里旺旺|旺旺).*$",
        r" | * | 与\s*(?P<nick>\S+?)\s*(?:的)?(?:交谈|聊天|对话)中",
    )
)
_NOT_A_NICK = {"接待中心", "接待台", "千牛", "千牛工作台", "千牛接待台", "阿里旺旺", "消息中心", "工作台"}


def _option(field: str) -> tuple[str, str] | None:
    """("role", BUYER…) or ("class", regex) when the field is an option, else None (the pattern starts)."""
    if field in _ROLES:
        return "role", _ROLES[field]
    for prefix in _CLASS_PREFIXES:
        if field.startswith(prefix):
            return "class", field[len(prefix) :].strip()
    return None


def _parse_line(number: int, line: str) -> TitleRule:
    fields = line.split("|")
    if len(fields) < 3 or not fields[1].strip():
        raise TitleRuleError(MSG_RULE_SHAPE, line=number)
    platform, process = fields[0].strip(), fields[1].strip()
    roles: list[str] = []
    window_class = None
    index = 2
    while index < len(fields) - 1 and (option := _option(fields[index].strip())) is not None:
        kind, value = option
        if kind == "role":
            roles.append(value)
        else:
            try:
                window_class = re.compile(value)
            except re.error as exc:
                raise TitleRuleError(MSG_RULE_CLASS, line=number, reason=str(exc)) from None
        index += 1
    pattern = "|".join(fields[index:]).strip()
    if not pattern:
        raise TitleRuleError(MSG_RULE_SHAPE, line=number)
    if len(roles) > 1:
        raise TitleRuleError(MSG_RULE_ROLES, line=number)
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise TitleRuleError(MSG_RULE_PATTERN, line=number, reason=str(exc)) from None
    legacy = index == 2  # no options: the old three-field line, whose title holds the buyer
    role = roles[0] if roles else BUYER
    if role == BUYER and "nick" not in compiled.groupindex and not (legacy and compiled.groups):
        raise TitleRuleError(MSG_RULE_GROUP, line=number)
    if role != BUYER and "nick" in compiled.groupindex:
        raise TitleRuleError(MSG_RULE_NICK_UNSAID, line=number)
    return TitleRule(platform, process.lower(), compiled, role, window_class, number, line.strip())


def parse_title_rules(text: str) -> tuple[TitleRule, ...]:
    """Rule lines -> rules; blank lines and lines starting with # are skipped. TitleRuleError names the line."""
    return tuple(
        _parse_line(number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )


DEFAULT_TITLE_RULES = parse_title_rules(DEFAULT_RULES_TEXT)


def parse_accounts(text: str) -> frozenset[str]:
    """The setting `seller_accounts`: one account a line (blank lines and # comments skipped)."""
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


def is_own_account(nick: str, sellers: Iterable[str]) -> bool:
    """The seller's own accounts are never buyers: `店铺:客服` itself, and its main account `店铺`."""
    nick = nick.strip()
    return any(nick in (seller, seller.split(":", 1)[0]) for seller in sellers if seller)


def _group(match: re.Match[str], name: str, first: bool = False) -> str:
    if name in match.re.groupindex:
        return (match.group(name) or "").strip()
    return (match.group(1) or "").strip() if first and match.re.groups else ""


def match_window(
    process: str,
    title: str,
    rules: tuple[TitleRule, ...] = DEFAULT_TITLE_RULES,
    window_class: str = "",
    sellers: Iterable[str] = (),
) -> WindowMatch | None:
    """What the first matching rule says of the window, or None when no rule knows it.
    A buyer comes only from a rule that says the title holds one, and is never one of `sellers` or the
    seller named by the same title."""
    title = title.strip()
    for rule in rules:
        match = rule.matches(process, window_class, title)
        if match is None:
            continue
        seller = _group(match, "seller")
        buyer = ""
        if rule.holds_buyer:
            buyer = _group(match, "nick", first=True)
            if not buyer or buyer in _NOT_A_NICK or "\n" in buyer or is_own_account(buyer, (*sellers, seller)):
                continue  # this rule names nobody here; a later one may know the window
        return WindowMatch(rule.platform, rule.role != NOT_CHAT, buyer, seller, rule)
    return None


def buyer_from_window(
    process: str,
    title: str,
    rules: tuple[TitleRule, ...] = DEFAULT_TITLE_RULES,
    window_class: str = "",
    sellers: Iterable[str] = (),
) -> str:
    """The buyer's nick the window's title names, or "" when no rule says the title holds one."""
    found = match_window(process, title, rules, window_class, sellers)
    return found.buyer if found else ""


def platforms(rules: tuple[TitleRule, ...]) -> list[str]:
    """The clients the rules name, in rule order (for `reader calibrate CLIENT`)."""
    return list(dict.fromkeys(rule.platform for rule in rules if rule.platform))
