"""Read a chat window's element tree with the client's rules: pure Python, no Windows, no Qt.

The tree is anything that looks like `UiElement`: the Windows adapter (uia_com.py) or a tree recorded
as JSON (uia_recorded.py). `read_tree` finds the chat view, the message list and its messages, tells
who sent each message and when, and reads the conversation list's unread counts. It only reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from desktop_assistant.os_integration.readers.uia_rules import ClientRules, Find, Rows, SenderRule


class UiElement(Protocol):
    """The read-only view of one UI Automation element that the reader needs."""

    name: str
    class_name: str
    automation_id: str
    control_type: str  # the UIA control type's programmatic name without "Control": Text, Edit, TreeItem ...
    value: str  # ValuePattern.Value when the element has one, else ""
    rect: tuple[int, int, int, int] | None  # left, top, right, bottom in screen pixels

    def children(self) -> Sequence[UiElement]: ...


class Opaque(Exception):
    """The window shows no readable chat structure (opaque build, or not the chat window)."""

    def __init__(self, missing: str) -> None:
        super().__init__(missing)
        self.missing = missing  # "chat_view" | "message_list"


@dataclass(frozen=True)
class Message:
    key: str  # stable across polls: the node's AutomationId, else a fingerprint of its content
    who: str  # buyer | agent | system | "" (no rule decided)
    sender: str
    text: str
    time_text: str
    at: dt.datetime | None  # the printed time, when one was found and understood


@dataclass(frozen=True)
class Row:
    nick: str
    unread: int


@dataclass
class TreeReading:
    nick: str = ""  # the buyer of the open conversation as read now ("" while unknown)
    messages: list[Message] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    complete: bool = True  # False when the node budget ran out before everything was read


class _Budget:
    """Elements visited in one poll; reading stops (incomplete) rather than growing without bound."""

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.exhausted = False

    def take(self) -> bool:
        if self.left <= 0:
            self.exhausted = True
            return False
        self.left -= 1
        return True


def _children(element: UiElement, budget: _Budget) -> Sequence[UiElement]:
    return element.children() if budget.take() else ()


def locate(
    root: UiElement, find: Find, budget: _Budget, hints: dict[str, tuple[int, ...]], name: str
) -> UiElement | None:
    """The shallowest element at most `find.max_depth` below root (root included) that matches.
    Tried first: the child-index path where it was found last poll (`hints[name]`), so a steady
    window costs a walk down one branch instead of a search of the whole window."""
    hint = hints.get(name)
    if hint is not None and len(hint) <= find.max_depth:
        element: UiElement | None = root
        for index in hint:
            kids = _children(element, budget)
            element = kids[index] if index < len(kids) else None
            if element is None:
                break
        if element is not None and find.match.holds(element):
            return element
    queue: deque[tuple[UiElement, tuple[int, ...]]] = deque([(root, ())])
    while queue:
        element, path = queue.popleft()
        if find.match.holds(element):
            hints[name] = path
            return element
        if len(path) < find.max_depth:
            queue.extend((child, path + (i,)) for i, child in enumerate(_children(element, budget)))
    hints.pop(name, None)
    return None


def _whole(element: UiElement) -> UiElement:
    """The element with its whole subtree fetched at once where the tree can (UI Automation's cache)."""
    subtree = getattr(element, "subtree", None)
    return subtree() if subtree is not None else element


def find_all(root: UiElement, find: Find, budget: _Budget, limit: int, nested: bool = False) -> list[UiElement]:
    """Matching elements below root in document order; a match is searched inside only if `nested`."""
    found: list[UiElement] = []
    stack = [(child, 1) for child in reversed(_children(root, budget))]
    while stack and len(found) < limit:
        element, depth = stack.pop()
        if find.match.holds(element):
            found.append(element)
            if not nested:
                continue
        if depth < find.max_depth:
            stack.extend((child, depth + 1) for child in reversed(_children(element, budget)))
    return found


def _badge(row: UiElement, rows: Rows, budget: _Budget) -> int:
    """The unread count drawn in a row: the first descendant Name the count pattern takes.
    Rows nested in this one (a group of conversations) keep their own badges."""
    stack = [(child, 1) for child in reversed(_children(row, budget))]
    while stack:
        element, depth = stack.pop()
        if rows.find.match.holds(element):
            continue
        hit = rows.count_regex.search(element.name.strip())
        if hit:
            return int(hit.group("count"))
        if depth < rows.count_depth:
            stack.extend((child, depth + 1) for child in reversed(_children(element, budget)))
    return 0


def _walk(root: UiElement, max_depth: int, max_nodes: int, budget: _Budget) -> Iterator[UiElement]:
    """Root and its descendants in document order, bounded."""
    stack = [(root, 0)]
    seen = 0
    while stack and seen < max_nodes:
        element, depth = stack.pop()
        seen += 1
        yield element
        if depth < max_depth:
            stack.extend((child, depth + 1) for child in reversed(_children(element, budget)))


def _fragments(node: UiElement, rules: ClientRules, budget: _Budget) -> list[tuple[str, UiElement]]:
    """The texts shown inside a message, one per line, in order, without labels and repeats."""
    result: list[tuple[str, UiElement]] = []
    seen: set[str] = set()
    for element in _walk(node, rules.fragment_depth, rules.fragment_nodes, budget):
        if element is node and element.children():
            continue  # a container's Name repeats its children's text
        for line in element.name.splitlines():
            text = " ".join(line.split())
            if text and text not in seen and text not in rules.ignore_fragments:
                seen.add(text)
                result.append((text, element))
    return result


@dataclass(frozen=True)
class _Stamp:
    index: int  # fragment holding the time
    text: str  # the time as printed
    before: str  # text before the time in that fragment
    after: str
    at: dt.datetime | None


def _parse_time(match, now: dt.datetime) -> dt.datetime | None:
    groups = match.groupdict()
    try:
        parts = [int(p) for p in groups["time"].split(":")]
        clock = dt.time(parts[0], parts[1], parts[2] if len(parts) > 2 else 0)
        if groups.get("date"):
            year, month, day = (int(p) for p in groups["date"].replace("/", "-").replace(".", "-").split("-"))
            day_ = dt.date(year, month, day)
        else:
            back = {"昨天": 1, "前天": 2}.get(groups.get("day") or "", 0)
            day_ = now.date() - dt.timedelta(days=back)
    except (ValueError, TypeError):
        return None
    at = dt.datetime.combine(day_, clock, tzinfo=now.tzinfo)
    if not groups.get("date") and not groups.get("day") and at > now + dt.timedelta(minutes=5):
        at -= dt.timedelta(days=1)  # "23:59" read just after midnight
    return at


def _find_stamp(fragments: list[tuple[str, UiElement]], rules: ClientRules, now: dt.datetime) -> _Stamp | None:
    for index, (text, _element) in enumerate(fragments):
        for pattern in rules.time_patterns:
            match = pattern.search(text)
            if match:
                return _Stamp(
                    index,
                    match.group(0),
                    text[: match.start()].strip(),
                    text[match.end() :].strip(),
                    _parse_time(match, now),
                )
    return None


def _center_side(element: UiElement, frame: UiElement, tolerance: float) -> str:
    if element.rect is None or frame.rect is None:
        return ""
    left, _top, right, _bottom = frame.rect
    middle, margin = (left + right) / 2, (right - left) * tolerance
    centre = (element.rect[0] + element.rect[2]) / 2
    return "left" if centre < middle - margin else "right" if centre > middle + margin else ""


def _who(
    rule: SenderRule, *, sender: str, texts: list[str], stamp: _Stamp | None, side: str, sellers: frozenset[str]
) -> bool:
    if rule.fragment_contains:
        return any(marker in text for marker in rule.fragment_contains for text in texts)
    if rule.seller_account:
        return bool(sender) and sender in sellers
    if rule.sender_regex is not None:
        return bool(sender) and bool(rule.sender_regex.search(sender))
    if rule.side:
        return side == rule.side
    if rule.time_first:
        return stamp is not None and not stamp.before and bool(stamp.after)
    return stamp is not None and bool(stamp.before) and not stamp.after  # time_last


def read_message(
    node: UiElement,
    message_list: UiElement,
    rules: ClientRules,
    now: dt.datetime,
    sellers: frozenset[str],
    budget: _Budget,
) -> Message | None:
    fragments = _fragments(node, rules, budget)
    if not fragments:
        return None
    texts = [text for text, _ in fragments]
    stamp = _find_stamp(fragments, rules, now)
    if stamp is None:
        sender, body_from = "", 0
    elif stamp.before or stamp.after:  # "nick time" or "time nick" in one text
        sender, body_from = stamp.before or stamp.after, stamp.index + 1
    else:  # the time alone; the sender is the text before it
        sender = texts[stamp.index - 1] if stamp.index > 0 else ""
        body_from = stamp.index + 1
    body = [(text, element) for text, element in fragments[body_from:] if text != sender]
    anchor = body[-1][1] if body else node  # the bubble: where its text is drawn
    side = _center_side(anchor, message_list, rules.side_tolerance)
    who = next(
        (
            rule.who
            for rule in rules.sender_rules
            if _who(rule, sender=sender, texts=texts, stamp=stamp, side=side, sellers=sellers)
        ),
        "",
    )
    text = "\n".join(t for t, _ in body)
    key = node.automation_id or "|".join(
        (who, sender, stamp.text if stamp else "", hashlib.sha1(text.encode()).hexdigest()[:16])
    )
    return Message(key, who, sender, text, stamp.text if stamp else "", stamp.at if stamp else None)


def _read_rows(chat_view: UiElement, rules: ClientRules, budget: _Budget, hints: dict) -> list[Row]:
    if rules.rows is None:
        return []
    container = chat_view
    if rules.rows.within is not None:
        found = locate(chat_view, rules.rows.within, budget, hints, "conversation_list")
        if found is None:
            return []
        container = _whole(found)
    rows = []
    for element in find_all(container, rules.rows.find, budget, rules.rows.max_rows, nested=True):
        match = rules.rows.nick_regex.search(element.name.strip())
        if match and match.group("nick").strip():
            rows.append(Row(match.group("nick").strip(), _badge(element, rules.rows, budget)))
    return rows


def read_tree(
    root: UiElement,
    rules: ClientRules,
    now: dt.datetime,
    sellers: frozenset[str] = frozenset(),
    hints: dict[str, tuple[int, ...]] | None = None,
    memo: dict[str, Message] | None = None,
) -> TreeReading:
    """What the window shows now. Raises Opaque when it has no chat view or no message list.
    Kept by the caller between polls of one window: `hints` remembers where elements were found,
    `memo` the messages already read, by node AutomationId, so a steady chat is not read again."""
    hints = {} if hints is None else hints
    previous = dict(memo or {})
    if memo is not None:
        memo.clear()  # only the nodes on screen now stay
    budget = _Budget(rules.max_nodes)
    chat_view = locate(root, rules.chat_view, budget, hints, "chat_view")
    if chat_view is None:
        raise Opaque("chat_view")
    message_list = locate(chat_view, rules.message_list, budget, hints, "message_list")
    if message_list is None:
        raise Opaque("message_list")
    message_list = _whole(message_list)
    nodes = find_all(message_list, rules.message, budget, 10_000)
    if not nodes and rules.fallback_direct_children:
        nodes = list(message_list.children())
    reading = TreeReading()
    duplicates: dict[str, int] = {}
    for node in nodes[-rules.max_messages :]:
        node_id = node.automation_id
        message = previous.get(node_id) if node_id else None
        if message is None:
            message = read_message(node, message_list, rules, now, sellers, budget)
            if message is None:
                continue
        if node_id and message.who and memo is not None:
            memo[node_id] = message
        # The same content twice in one snapshot (no AutomationId) stays two messages.
        count = duplicates[message.key] = duplicates.get(message.key, 0) + 1
        if count > 1:
            message = replace(message, key=f"{message.key}#{count}")
        reading.messages.append(message)
    reading.nick = _read_nick(chat_view, reading.messages, rules, sellers, budget, hints)
    reading.rows = _read_rows(chat_view, rules, budget, hints)
    reading.complete = not budget.exhausted
    return reading


def _read_nick(
    chat_view: UiElement,
    messages: list[Message],
    rules: ClientRules,
    sellers: frozenset[str],
    budget: _Budget,
    hints: dict,
) -> str:
    for source in rules.buyer_nick:
        nick = ""
        if source["from"] == "header" and rules.header is not None:
            element = locate(chat_view, rules.header, budget, hints, "header")
            match = rules.header_nick_regex.search(element.name.strip()) if element is not None else None
            nick = match.group("nick").strip() if match else ""
        elif source["from"] == "buyer_sender":
            nick = next((m.sender for m in reversed(messages) if m.who == "buyer" and m.sender), "")
        if nick and nick not in sellers:
            return nick
    return ""
