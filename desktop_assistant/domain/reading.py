"""What a reader of the IM client sees, as pure data (docs/reading.md): events, calibrated regions, and the
rule that the active buyer switches only after the same nick was read twice in a row.

A reader (os_integration/readers) turns a client window into `ReaderEvent`s; the conversations
controller turns those into stored conversation events with the reader's source.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

# Event kinds.
ACTIVE_BUYER = "active_buyer"  # the conversation open in the client is this buyer's
BUYER_MESSAGE = "buyer_message"  # a message from the buyer is on screen
AGENT_MESSAGE = "agent_message"  # a message from the agent (us) is on screen
UNREAD_BADGE = "unread_badge"  # another conversation in the list shows an unread badge
EVENT_KINDS = (ACTIVE_BUYER, BUYER_MESSAGE, AGENT_MESSAGE, UNREAD_BADGE)

# Sources, as stored with every conversation event.
UI_TREE, SIGHT, MANUAL, PHRASE = "ui_tree", "sight", "manual", "phrase"
READER_SOURCES = (UI_TREE, SIGHT, MANUAL)

REGION_NAMES = ("list", "header", "messages")

MSG_REGIONS_JSON = QT_TRANSLATE_NOOP("Messages", "识别区域不是有效的 JSON：{reason}")
MSG_REGIONS_SHAPE = QT_TRANSLATE_NOOP(
    "Messages", "{client}：识别区域应为 list/header/messages 各 4 个非负整数 X,Y,W,H（宽高大于 0）"
)
MSG_REGION_TEXT = QT_TRANSLATE_NOOP("Messages", "区域应为 X,Y,W,H（像素，宽高大于 0），收到：{value}")


class RegionError(UserError):
    """Regions the reader cannot use; one line for the agent."""


@dataclass(frozen=True)
class ReaderEvent:
    """One thing a reader saw. `at` is when it happened (the time printed beside a bubble when the
    client shows one, else when it was first seen); `text` is kept only when question capture is on."""

    kind: str  # one of EVENT_KINDS
    buyer: str
    at: dt.datetime
    source: str  # one of READER_SOURCES
    platform: str = ""  # the client (the platform name of its title rule): 千牛, 旺旺 …
    text: str = ""
    count: int = 0  # unread badges: the number shown (0 when the badge shows no number)


@dataclass(frozen=True)
class Region:
    """Pixels from the top-left corner of the window's client area (inside its frame)."""

    x: int
    y: int
    w: int
    h: int

    def as_list(self) -> list[int]:
        return [self.x, self.y, self.w, self.h]


@dataclass(frozen=True)
class Regions:
    list: Region
    header: Region
    messages: Region


def parse_region(text: str) -> Region:
    """ "X,Y,W,H" (the command line's form) -> Region, or RegionError."""
    parts = [part.strip() for part in str(text).split(",")]
    try:
        x, y, w, h = (int(part) for part in parts)
    except ValueError:
        raise RegionError(MSG_REGION_TEXT, value=str(text)[:40]) from None
    if min(x, y) < 0 or min(w, h) <= 0:
        raise RegionError(MSG_REGION_TEXT, value=str(text)[:40])
    return Region(x, y, w, h)


def parse_regions(text: str) -> dict[str, Regions]:
    """The setting `reader.regions`: JSON `{client: {"list": [x,y,w,h], "header": […], "messages": […]}}`."""
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegionError(MSG_REGIONS_JSON, reason=exc.msg) from None
    if not isinstance(data, dict):
        raise RegionError(MSG_REGIONS_JSON, reason="not an object")
    result = {}
    for client, boxes in data.items():
        if not isinstance(boxes, dict) or set(boxes) != set(REGION_NAMES):
            raise RegionError(MSG_REGIONS_SHAPE, client=client)
        parsed = {}
        for name in REGION_NAMES:
            box = boxes[name]
            if (
                not isinstance(box, list)
                or len(box) != 4
                or not all(type(v) is int for v in box)
                or min(box[:2]) < 0
                or min(box[2:]) <= 0
            ):
                raise RegionError(MSG_REGIONS_SHAPE, client=client)
            parsed[name] = Region(*box)
        result[str(client)] = Regions(**parsed)
    return result


def format_regions(regions: Mapping[str, Regions]) -> str:
    """The inverse of parse_regions, stable (sorted clients) so the setting diffs cleanly."""
    return json.dumps(
        {
            client: {name: getattr(boxes, name).as_list() for name in REGION_NAMES}
            for client, boxes in sorted(regions.items())
        },
        ensure_ascii=False,
    )


class NickConfirmer:
    """docs/reading.md: the active buyer switches only after the same nick was read twice in a row.
    Values read while the client switches conversations can be empty or stale for a moment."""

    def __init__(self) -> None:
        self._candidate = ""
        self.confirmed = ""

    def offer(self, nick: str) -> str | None:
        """Take one reading; the nick when it just became confirmed, else None."""
        nick = nick.strip()
        if not nick:
            self._candidate = ""
            return None
        if nick == self.confirmed:
            self._candidate = nick
            return None
        if nick == self._candidate:
            self.confirmed = nick
            return nick
        self._candidate = nick
        return None
