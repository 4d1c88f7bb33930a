"""Placeholder substitution (docs/phrases.md): literal, no expressions; unknown names stay visible."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

CURSOR = "光标"
CUTOFF = "截单时间"  # the shop's same-day shipping cut-off (setting urge.cutoff), never a fixed "下午4点"
KNOWN = ("买家", "客服", "店铺", "问候", "日期", "时间", "订单号", "剪贴板", CUTOFF, CURSOR)
# `{` + a short name without braces or line breaks + `}`. Anything else is plain text.
PLACEHOLDER = re.compile(r"\{([^{}\r\n]{1,12})\}")


@dataclass(frozen=True)
class RenderContext:
    now: dt.datetime
    agent: str = ""
    shop: str = ""
    buyer: str = ""
    order_id: str = ""
    clipboard: str = ""
    cutoff: str = "16:00"  # the default of the setting urge.cutoff


@dataclass(frozen=True)
class Rendered:
    text: str
    # Characters after the caret once pasted ({光标}); None: the caret stays at the end.
    caret_from_end: int | None = None
    unknown: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PlaceholderSpan:
    start: int
    end: int
    name: str
    known: bool


def greeting(now: dt.datetime) -> str:
    hour = now.hour
    if 5 <= hour < 11:
        return "早上好"
    if 11 <= hour < 13:
        return "中午好"
    if 13 <= hour < 18:
        return "下午好"
    return "晚上好"


def placeholders_in(text: str) -> list[PlaceholderSpan]:
    """Every `{name}` in the text, for the editor's marking of unknown ones."""
    return [PlaceholderSpan(m.start(), m.end(), m.group(1), m.group(1) in KNOWN) for m in PLACEHOLDER.finditer(text)]


def _values(ctx: RenderContext) -> dict[str, str]:
    return {
        "买家": ctx.buyer,
        "客服": ctx.agent,
        "店铺": ctx.shop,
        "问候": greeting(ctx.now),
        "日期": f"{ctx.now.month}月{ctx.now.day}日",
        "时间": ctx.now.strftime("%H:%M"),
        "订单号": ctx.order_id,
        "剪贴板": ctx.clipboard,
        CUTOFF: ctx.cutoff,
    }


def render(text: str, ctx: RenderContext) -> Rendered:
    """Fill the placeholders of one message. The values are inserted as they are, never re-expanded."""
    values = _values(ctx)
    pieces: list[str] = []
    unknown: list[str] = []
    caret_at: int | None = None
    last = 0
    for match in PLACEHOLDER.finditer(text):
        pieces.append(text[last : match.start()])
        name = match.group(1)
        if name == CURSOR:
            if caret_at is None:
                caret_at = sum(len(p) for p in pieces)
        elif name in values:
            pieces.append(values[name])
        else:
            pieces.append(match.group(0))
            unknown.append(name)
        last = match.end()
    pieces.append(text[last:])
    result = "".join(pieces)
    caret = None if caret_at is None else len(result) - caret_at
    return Rendered(result, caret or None, tuple(dict.fromkeys(unknown)))
