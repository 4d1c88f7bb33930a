"""The element rules of the UI Automation reader, kept as data per client (docs/uia.md).

A rules file is JSON: `{client: rules}`, where client is the platform name of a title rule (千牛).
Everything that names an element of the client (class names, AutomationIds, Name patterns, depth
limits, how a message's sender is told) lives in the file, so support can fix a new client build
by editing JSON. This module only checks the file and compiles it; it reads no window.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MSG_RULES_JSON = QT_TRANSLATE_NOOP("Messages", "界面元素规则不是有效的 JSON：{reason}")
MSG_RULES_FIELD = QT_TRANSLATE_NOOP("Messages", "界面元素规则 {client}：{where} 不对：{reason}")

WHO = ("buyer", "agent", "system")
# Element properties a match may test; *_regex are Python regular expressions (re.search).
MATCH_KEYS = {
    "name",
    "name_regex",
    "class_name",
    "class_name_regex",
    "automation_id",
    "automation_id_suffix",
    "automation_id_regex",
    "control_type",
}
SENDER_TESTS = {"fragment_contains", "seller_account", "sender_regex", "side", "time_first", "time_last"}


class RulesError(UserError):
    """A rules file the reader cannot use; one line naming the client and the field."""


@dataclass(frozen=True)
class Match:
    """All given properties must hold (an empty match holds for every element)."""

    name: str | None = None
    name_regex: re.Pattern | None = None
    class_name: str | None = None
    class_name_regex: re.Pattern | None = None
    automation_id: str | None = None
    automation_id_suffix: str | None = None
    automation_id_regex: re.Pattern | None = None
    control_types: tuple[str, ...] = ()

    def holds(self, element: Any) -> bool:
        if self.control_types and element.control_type not in self.control_types:
            return False
        if self.class_name is not None and element.class_name != self.class_name:
            return False
        if self.class_name_regex is not None and not self.class_name_regex.search(element.class_name):
            return False
        if self.automation_id is not None and element.automation_id != self.automation_id:
            return False
        if self.automation_id_suffix is not None and not element.automation_id.endswith(self.automation_id_suffix):
            return False
        if self.automation_id_regex is not None and not self.automation_id_regex.search(element.automation_id):
            return False
        if self.name is not None and element.name != self.name:
            return False
        return self.name_regex is None or bool(self.name_regex.search(element.name))


@dataclass(frozen=True)
class Find:
    match: Match
    max_depth: int  # levels below the element the search starts from (0: only that element)


@dataclass(frozen=True)
class SenderRule:
    """The first rule whose test holds decides who sent a message."""

    who: str
    fragment_contains: tuple[str, ...] = ()  # any text fragment of the message contains one of these
    seller_account: bool = False  # the sender is one of the seller's own accounts
    sender_regex: re.Pattern | None = None  # the sender name matches
    side: str = ""  # "left"/"right": the message body sits left/right of the list's centre
    time_first: bool = False  # the fragment with the time starts with it ("10:02 小美")
    time_last: bool = False  # ... or ends with it, after a name ("tb_小熊 10:02")


@dataclass(frozen=True)
class Rows:
    """The conversation list: one element per conversation, its nick and its unread count."""

    find: Find  # the rows, searched below `within` (or below the chat view)
    within: Find | None  # the list holding the rows, searched from the chat view
    max_rows: int
    nick_regex: re.Pattern  # on the row's Name; group "nick"
    count_regex: re.Pattern  # on the Names of the row's descendants (a badge); group "count"
    count_depth: int


@dataclass(frozen=True)
class ClientRules:
    client: str
    chat_view: Find
    message_list: Find
    message: Find
    fallback_direct_children: bool  # no element matched `message`: take the list's children
    max_messages: int
    fragment_depth: int
    fragment_nodes: int
    ignore_fragments: frozenset[str]
    time_patterns: tuple[re.Pattern, ...]
    sender_rules: tuple[SenderRule, ...]
    side_tolerance: float  # fraction of the list's width around its centre that counts as neither side
    buyer_nick: tuple[dict, ...]  # sources in order: {"from": "buyer_sender"} | {"from": "element", ...}
    rows: Rows | None
    max_nodes: int  # elements visited per poll at most (cost bound)
    header: Find | None = None
    header_nick_regex: re.Pattern | None = None


def _fail(client: str, where: str, reason: str) -> RulesError:
    return RulesError(MSG_RULES_FIELD, client=client, where=where, reason=reason)


def _regex(client: str, where: str, value: Any) -> re.Pattern:
    if not isinstance(value, str):
        raise _fail(client, where, "需要正则表达式字符串")
    try:
        return re.compile(value)
    except re.error as exc:
        raise _fail(client, where, str(exc)) from None


def _int(client: str, where: str, value: Any, minimum: int = 0, maximum: int = 100_000) -> int:
    if type(value) is not int or not minimum <= value <= maximum:
        raise _fail(client, where, f"需要 {minimum} 到 {maximum} 的整数")
    return value


def _match(client: str, where: str, data: Any) -> Match:
    if not isinstance(data, dict):
        raise _fail(client, where, "需要一个对象")
    unknown = set(data) - MATCH_KEYS
    if unknown:
        raise _fail(client, where, "未知的键 " + ", ".join(sorted(unknown)))
    for key in ("name", "class_name", "automation_id", "automation_id_suffix"):
        if key in data and not isinstance(data[key], str):
            raise _fail(client, f"{where}.{key}", "需要字符串")
    types = data.get("control_type", ())
    types = (types,) if isinstance(types, str) else tuple(types)
    if not all(isinstance(t, str) for t in types):
        raise _fail(client, f"{where}.control_type", "需要字符串或字符串列表")
    return Match(
        name=data.get("name"),
        class_name=data.get("class_name"),
        automation_id=data.get("automation_id"),
        automation_id_suffix=data.get("automation_id_suffix"),
        control_types=types,
        **{
            key: _regex(client, f"{where}.{key}", data[key])
            for key in ("name_regex", "class_name_regex", "automation_id_regex")
            if key in data
        },
    )


def _find(client: str, where: str, data: Any) -> Find:
    if not isinstance(data, dict) or "match" not in data:
        raise _fail(client, where, '需要 {"match": {...}, "max_depth": N}')
    return Find(
        _match(client, f"{where}.match", data["match"]),
        _int(client, f"{where}.max_depth", data.get("max_depth", 0), 0, 200),
    )


def _sender_rule(client: str, where: str, data: Any) -> SenderRule:
    if not isinstance(data, dict) or data.get("who") not in WHO:
        raise _fail(client, where, "需要 who: buyer/agent/system")
    tests = set(data) - {"who"}
    if len(tests) != 1 or not tests <= SENDER_TESTS:
        raise _fail(client, where, "需要恰好一个条件: " + ", ".join(sorted(SENDER_TESTS)))
    (test,) = tests
    value = data[test]
    if test == "fragment_contains":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise _fail(client, f"{where}.{test}", "需要非空字符串列表")
        return SenderRule(data["who"], fragment_contains=tuple(value))
    if test == "sender_regex":
        return SenderRule(data["who"], sender_regex=_regex(client, f"{where}.{test}", value))
    if test == "side":
        if value not in ("left", "right"):
            raise _fail(client, f"{where}.side", "只能是 left 或 right")
        return SenderRule(data["who"], side=value)
    if value is not True:
        raise _fail(client, f"{where}.{test}", "只能是 true")
    return SenderRule(data["who"], **{test: True})


def compile_rules(client: str, data: Any) -> ClientRules:
    """One client's rules from its JSON object; RulesError names the first bad field."""
    if not isinstance(data, dict):
        raise _fail(client, "(根)", "需要一个对象")
    message = data.get("message", {})
    fragments = data.get("fragments", {})
    limits = data.get("limits", {})
    ignore = fragments.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
        raise _fail(client, "fragments.ignore", "需要字符串列表")
    compiled_times = _time_patterns(client, data.get("time_patterns", []))
    senders = data.get("sender_rules", [])
    if not isinstance(senders, list) or not senders:
        raise _fail(client, "sender_rules", "需要非空列表")
    nick_sources = _nick_sources(client, data.get("buyer_nick", [{"from": "buyer_sender"}]))
    header, header_regex = _header(client, data, nick_sources)
    rows = _rows(client, data["conversation_rows"]) if data.get("conversation_rows") is not None else None
    tolerance = data.get("side_tolerance", 0.05)
    if not isinstance(tolerance, (int, float)) or not 0 <= tolerance < 0.5:
        raise _fail(client, "side_tolerance", "需要 0 到 0.5 之间的小数")
    for key in ("chat_view", "message_list", "message"):
        if key not in data:
            raise _fail(client, key, "缺少")
    return ClientRules(
        client=client,
        chat_view=_find(client, "chat_view", data["chat_view"]),
        message_list=_find(client, "message_list", data["message_list"]),
        message=_find(client, "message", message),
        fallback_direct_children=bool(message.get("fallback_direct_children", False)),
        max_messages=_int(client, "message.max_messages", message.get("max_messages", 50), 1, 1000),
        fragment_depth=_int(client, "fragments.max_depth", fragments.get("max_depth", 12), 0, 50),
        fragment_nodes=_int(client, "fragments.max_nodes", fragments.get("max_nodes", 400), 1, 10_000),
        ignore_fragments=frozenset(ignore),
        time_patterns=compiled_times,
        sender_rules=tuple(_sender_rule(client, f"sender_rules[{i}]", r) for i, r in enumerate(senders)),
        side_tolerance=float(tolerance),
        buyer_nick=tuple(nick_sources),
        rows=rows,
        max_nodes=_int(client, "limits.max_nodes", limits.get("max_nodes", 4000), 10, 100_000),
        header=header,
        header_nick_regex=header_regex,
    )


def _time_patterns(client: str, patterns: Any) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list):
        raise _fail(client, "time_patterns", "需要正则表达式列表")
    compiled = tuple(_regex(client, f"time_patterns[{i}]", p) for i, p in enumerate(patterns))
    for i, pattern in enumerate(compiled):
        if "time" not in pattern.groupindex:
            raise _fail(client, f"time_patterns[{i}]", "需要命名分组 (?P<time>…)")
    return compiled


def _nick_sources(client: str, nick_sources: Any) -> list[dict[str, Any]]:
    if not isinstance(nick_sources, list) or not all(
        isinstance(s, dict) and s.get("from") in ("buyer_sender", "header") for s in nick_sources
    ):
        raise _fail(client, "buyer_nick", "每项需要 from: buyer_sender 或 header")
    return nick_sources


def _header(
    client: str, data: dict[str, Any], nick_sources: list[dict[str, Any]]
) -> tuple[Find | None, re.Pattern[str] | None]:
    """The chat header and the regex that takes the buyer's nick from it (when the rules read it there)."""
    if "header" in data:
        header = _find(client, "header", data["header"])
        header_regex = _regex(client, "header.nick_regex", data["header"].get("nick_regex", r"^(?P<nick>.+)$"))
        if "nick" not in header_regex.groupindex:
            raise _fail(client, "header.nick_regex", "需要命名分组 (?P<nick>…)")
        return header, header_regex
    if any(s["from"] == "header" for s in nick_sources):
        raise _fail(client, "buyer_nick", "用到 header, 但没有定义 header")
    return None, None


def _rows(client: str, raw: Any) -> Rows:
    """The conversation list: one row per buyer, with the unread count beside the nick."""
    rows = Rows(
        find=_find(client, "conversation_rows", raw),
        within=_find(client, "conversation_rows.within", raw["within"]) if "within" in raw else None,
        max_rows=_int(client, "conversation_rows.max_rows", raw.get("max_rows", 100), 1, 1000),
        nick_regex=_regex(client, "conversation_rows.nick_regex", raw.get("nick_regex", r"^(?P<nick>[^\n]+)")),
        count_regex=_regex(client, "conversation_rows.count_regex", raw.get("count_regex", r"^(?P<count>\d+)\+?$")),
        count_depth=_int(client, "conversation_rows.count_depth", raw.get("count_depth", 3), 0, 20),
    )
    if "nick" not in rows.nick_regex.groupindex or "count" not in rows.count_regex.groupindex:
        raise _fail(client, "conversation_rows", "nick_regex 需要 (?P<nick>…), count_regex 需要 (?P<count>…)")
    return rows


def compile_rules_file(data: Any) -> dict[str, ClientRules]:
    """`{client: rules}` (keys starting with "_" are comments) -> compiled rules per client."""
    if not isinstance(data, dict):
        raise RulesError(MSG_RULES_JSON, reason="not an object")
    return {client: compile_rules(client, rules) for client, rules in data.items() if not client.startswith("_")}


def load_rules_file(path: Path) -> dict[str, ClientRules]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RulesError(MSG_RULES_JSON, reason=f"{path.name}:{exc.lineno}: {exc.msg}") from None
    return compile_rules_file(data)


def packaged_rules_path() -> Path:
    from desktop_assistant.resources_access import resource_path

    return resource_path("readers", "uia_rules.json")
