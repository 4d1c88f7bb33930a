"""The accessibility-tree reader (docs/uia.md): 千牛 read through Windows UI Automation.

`UiaReader.read` gets the window's element tree (uia_com.py on Windows), reads it with the client's
element rules (uia_rules.py, data in resources/readers/uia_rules.json) and turns what changed since
the last poll into ReaderEvents: the active buyer (after the same nick was read twice), messages not
seen before, and unread badges on other conversations. It only reads element properties: it never
clicks, types, focuses, selects or invokes anything (uia_com.py enforces that).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop_assistant.domain.conversation_titles import parse_accounts
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    UI_TREE,
    UNREAD_BADGE,
    NickConfirmer,
    ReaderEvent,
)
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers.base import Reader, ReaderUnavailable
from desktop_assistant.os_integration.readers.uia_rules import (
    ClientRules,
    compile_rules,
    load_rules_file,
    packaged_rules_path,
)
from desktop_assistant.os_integration.readers.uia_tree import Message, Opaque, TreeReading, UiElement, read_tree

MSG_NOT_WINDOWS = QT_TRANSLATE_NOOP("Messages", "界面元素读取只在 Windows 上可用")
MSG_NO_RULES = QT_TRANSLATE_NOOP("Messages", "{client}：没有界面元素规则")
MSG_NO_CHAT_VIEW = QT_TRANSLATE_NOOP("Messages", "{client}：窗口没有公开聊天界面元素，改用其他读取方式")
MSG_NO_MESSAGE_LIST = QT_TRANSLATE_NOOP(
    "Messages", "{client}：这个版本不公开消息列表（界面元素读不到），改用其他读取方式"
)
MSG_UIA_FAILED = QT_TRANSLATE_NOOP("Messages", "读取界面元素失败：{reason}")

SEEN_LIMIT = 5000  # message keys remembered per window; old ones scrolled away long ago
WINDOW_LIMIT = 8  # chat windows whose state is kept

TreeSource = Callable[[WindowRef], UiElement]  # the root element of a window


class UiaUnavailable(UserError, ReaderUnavailable):
    """ReaderUnavailable with a template the UI can translate (domain UserError)."""


class _WindowState:
    def __init__(self) -> None:
        self.confirmer = NickConfirmer()
        self.seen: OrderedDict[str, None] = OrderedDict()
        self.badges: dict[str, int] = {}
        self.hints: dict[str, tuple[int, ...]] = {}  # where the elements were found last poll
        self.memo: dict[str, Message] = {}  # messages already read, by node AutomationId

    def see(self, key: str) -> bool:
        """True the first time `key` is seen."""
        if key in self.seen:
            return False
        self.seen[key] = None
        if len(self.seen) > SEEN_LIMIT:
            self.seen.popitem(last=False)
        return True


def _not_on_this_platform(window: WindowRef) -> UiElement:
    raise UiaUnavailable(MSG_NOT_WINDOWS)


def default_tree_source() -> TreeSource:
    """UI Automation on Windows, made on the first read (COM is not touched at import or start-up)."""
    if sys.platform != "win32":
        return _not_on_this_platform
    holder: list[Any] = []

    def source(window: WindowRef) -> UiElement:
        if not holder:
            from desktop_assistant.os_integration.readers.uia_com import ComTreeSource

            try:
                holder.append(ComTreeSource())
            except Exception as exc:  # comtypes missing, COM refused: the hub falls back
                raise UiaUnavailable(MSG_UIA_FAILED, reason=type(exc).__name__) from None
        return holder[0](window)

    return source


class UiaReader(Reader):
    source = UI_TREE

    def __init__(
        self,
        rules_for_client: Mapping[str, Any] | None = None,
        capture_text: bool = False,
        *,
        seller_accounts: tuple[str, ...] | list[str] = (),
        tree_source: TreeSource | None = None,
    ) -> None:
        """`rules_for_client`: {client: rules (JSON object or ClientRules)}; None: the packaged rules."""
        if rules_for_client is None:
            self._rules = load_rules_file(packaged_rules_path())
        else:
            self._rules = {
                client: rules if isinstance(rules, ClientRules) else compile_rules(client, rules)
                for client, rules in rules_for_client.items()
            }
        self._capture = capture_text
        self._sellers = frozenset(s.strip() for s in seller_accounts if s.strip())
        self._tree = tree_source or default_tree_source()
        self._states: OrderedDict[tuple[int, str], _WindowState] = OrderedDict()
        self._confirming = False  # the last read saw a nick not confirmed yet

    def confirming(self) -> bool:
        return self._confirming

    def clients(self) -> list[str]:
        return sorted(self._rules)

    def snapshot(
        self, window: WindowRef, client: str, now: dt.datetime, state: _WindowState | None = None
    ) -> TreeReading:
        """What the window shows now. `state` is a window's memory between polls (read() passes it);
        without it nothing is remembered, as `reader probe` needs."""
        rules = self._rules.get(client)
        if rules is None:
            raise UiaUnavailable(MSG_NO_RULES, client=client)
        root = self._tree(window)
        try:
            if state is None:
                return read_tree(root, rules, now, self._sellers)
            return read_tree(root, rules, now, self._sellers, state.hints, state.memo)
        except Opaque as exc:
            template = MSG_NO_CHAT_VIEW if exc.missing == "chat_view" else MSG_NO_MESSAGE_LIST
            raise UiaUnavailable(template, client=client) from None

    def read(self, window: WindowRef, client: str, now: dt.datetime) -> list[ReaderEvent]:
        state = self._state(window.id, client)
        reading = self.snapshot(window, client, now, state)
        events: list[ReaderEvent] = []
        switched = state.confirmer.offer(reading.nick)
        self._confirming = bool(reading.nick.strip()) and reading.nick.strip() != state.confirmer.confirmed
        if switched:
            events.append(ReaderEvent(ACTIVE_BUYER, switched, now, UI_TREE, client))
        buyer = state.confirmer.confirmed
        events += self._messages(reading, buyer, state, client, now)
        events += self._badges(reading, buyer, state, client, now)
        return events

    def _messages(
        self, reading: TreeReading, buyer: str, state: _WindowState, client: str, now: dt.datetime
    ) -> list[ReaderEvent]:
        # Only a read that agrees with the confirmed buyer counts: while the client switches
        # conversations the list can be empty or still show the previous buyer's messages. Those
        # messages stay unseen and are reported once the new nick is confirmed.
        if not buyer or reading.nick != buyer:
            return []
        if any(m.who == "buyer" and m.sender and m.sender != buyer for m in reading.messages):
            return []
        events = []
        for message in reading.messages:
            if not state.see(message.key) or message.who not in ("buyer", "agent"):
                continue
            kind = BUYER_MESSAGE if message.who == "buyer" else AGENT_MESSAGE
            events.append(
                ReaderEvent(kind, buyer, message.at or now, UI_TREE, client, text=message.text if self._capture else "")
            )
        return events

    def _badges(
        self, reading: TreeReading, buyer: str, state: _WindowState, client: str, now: dt.datetime
    ) -> list[ReaderEvent]:
        current = {
            row.nick: row.unread
            for row in reading.rows
            if row.unread > 0 and row.nick != buyer and row.nick not in self._sellers
        }
        events = [
            ReaderEvent(UNREAD_BADGE, nick, now, UI_TREE, client, count=count)
            for nick, count in current.items()
            if count > state.badges.get(nick, 0)
        ]
        if reading.complete:
            state.badges = current
        else:  # rows beyond the node budget were not read: keep what was known about them
            state.badges.update(current)
        return events

    def _state(self, window_id: int, client: str) -> _WindowState:
        key = (window_id, client)
        state = self._states.pop(key, None) or _WindowState()
        self._states[key] = state
        if len(self._states) > WINDOW_LIMIT:
            self._states.popitem(last=False)
        return state

    def close(self) -> None:
        self._states.clear()


def create(settings: Any, data_dir: Path | None = None) -> UiaReader:
    """The reader as the app wires it: settings `seller_accounts` and `reader.capture_questions`;
    rules from `<data_dir>/readers/uia_rules.json` when support put an edited copy there."""
    own = data_dir / "readers" / "uia_rules.json" if data_dir is not None else None
    rules = load_rules_file(own) if own is not None and own.is_file() else None
    sellers = sorted(parse_accounts(str(settings.get("seller_accounts") or "")))
    return UiaReader(rules, bool(settings.get("reader.capture_questions")), seller_accounts=sellers)
