"""Order notes (docs/notes.md): the platform's flags, the 1000-byte memo limit, append-only versions,
the one-line memo builder and the search terms that make text search fast over a million rows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Protocol

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.nicks import valid_nick

NOTE_MAX_BYTES = 1000  # the platform's memo field
REASON_MAX_CHARS = 200
ORDER_ID_PATTERN = re.compile(r"[0-9A-Za-z_\-]{1,64}")

# The platform's numbers. Names are translated in the UI (context "Notes").
FLAG_NAMES = {
    0: QT_TRANSLATE_NOOP("Notes", "灰"),
    1: QT_TRANSLATE_NOOP("Notes", "红"),
    2: QT_TRANSLATE_NOOP("Notes", "黄"),
    3: QT_TRANSLATE_NOOP("Notes", "绿"),
    4: QT_TRANSLATE_NOOP("Notes", "蓝"),
    5: QT_TRANSLATE_NOOP("Notes", "紫"),
}
FLAG_COLOURS = {0: "#9e9e9e", 1: "#e53935", 2: "#f9a825", 3: "#43a047", 4: "#1e88e5", 5: "#8e24aa"}
_FLAG_WORDS = {
    "灰": 0,
    "无": 0,
    "grey": 0,
    "gray": 0,
    "none": 0,
    "红": 1,
    "red": 1,
    "黄": 2,
    "yellow": 2,
    "绿": 3,
    "green": 3,
    "蓝": 4,
    "blue": 4,
    "紫": 5,
    "purple": 5,
}

MSG_BAD_FLAG = QT_TRANSLATE_NOOP("Messages", "旗帜只能是 0-5（0 灰 1 红 2 黄 3 绿 4 蓝 5 紫），收到：{value}")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "备注最多 {limit} 字节 (UTF-8)，现在 {length} 字节")
MSG_BAD_ORDER = QT_TRANSLATE_NOOP("Messages", "订单号只能是 1-64 位字母、数字、- 或 _：{value}")
MSG_NO_AGENT_ID = QT_TRANSLATE_NOOP("Messages", "没有工号：先在设置里填写工号 (agent_id)")
MSG_NEEDS_REASON = QT_TRANSLATE_NOOP("Messages", "修改已有备注需要填写变动事由")
MSG_REASON_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "变动事由最多 {limit} 个字")
MSG_NOTHING_CHANGED = QT_TRANSLATE_NOOP("Messages", "备注和旗帜都没有变化")


class NoteError(UserError):
    """A note the platform (or our rules) would refuse; nothing is written."""


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


def bytes_left(text: str) -> int:
    """What the live counter shows; negative means over the limit."""
    return NOTE_MAX_BYTES - utf8_length(normalise_text(text))


def normalise_text(text: str) -> str:
    # One newline convention, no trailing blanks: what the agent sees is what is counted and stored.
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_flag(raw: object) -> int:
    """0-5, or a colour word (红 / red); anything else is a NoteError."""
    if isinstance(raw, bool):
        raise NoteError(MSG_BAD_FLAG, value=raw)
    if isinstance(raw, int):
        value = raw
    else:
        text = str(raw).strip().lower()
        if text in _FLAG_WORDS:
            return _FLAG_WORDS[text]
        if not re.fullmatch(r"\d", text):
            raise NoteError(MSG_BAD_FLAG, value=str(raw)[:20])
        value = int(text)
    if value not in FLAG_NAMES:
        raise NoteError(MSG_BAD_FLAG, value=value)
    return value


def parse_order_id(raw: str) -> str:
    value = raw.strip()
    if not ORDER_ID_PATTERN.fullmatch(value):
        raise NoteError(MSG_BAD_ORDER, value=" ".join(value.split())[:40])
    return value


@dataclass(frozen=True)
class NoteChange:
    """A new version of an order's note, checked and ready to append."""

    order_id: str
    flag: int
    text: str
    reason: str
    agent_id: str
    buyer: str = ""


@dataclass(frozen=True)
class NoteVersion:
    id: int
    order_id: str
    flag: int
    text: str
    reason: str
    agent_id: str
    buyer: str
    at: dt.datetime


@dataclass(frozen=True)
class OrderNote:
    """An order as lists show it: its current note and how many versions it has."""

    current: NoteVersion
    versions: int


class NoteRepository(Protocol):
    """What the UI may do with notes (storage.note_store implements it)."""

    def append(self, change: NoteChange, at: dt.datetime) -> NoteVersion: ...

    def current(self, order_id: str) -> NoteVersion | None: ...

    def history(self, order_id: str) -> list[NoteVersion]: ...

    def search(self, query: str, flag: int | None = None, limit: int = 200) -> list[OrderNote]: ...


def validated_change(
    order_id: str,
    flag: object,
    text: str,
    reason: str,
    agent_id: str,
    buyer: str = "",
    current: NoteVersion | None = None,
) -> NoteChange:
    """Check every rule of docs/notes.md; `current` is the order's newest version, if it has one."""
    order = parse_order_id(order_id)
    colour = parse_flag(flag)
    body = normalise_text(text)
    if utf8_length(body) > NOTE_MAX_BYTES:
        raise NoteError(MSG_TOO_LONG, limit=NOTE_MAX_BYTES, length=utf8_length(body))
    agent = agent_id.strip()
    if not agent:
        raise NoteError(MSG_NO_AGENT_ID)
    why = " ".join(reason.split())
    if len(why) > REASON_MAX_CHARS:
        raise NoteError(MSG_REASON_TOO_LONG, limit=REASON_MAX_CHARS)
    nick = valid_nick(buyer, optional=True, error=NoteError)
    if current is not None:
        if current.flag == colour and current.text == body and (not nick or nick == current.buyer):
            raise NoteError(MSG_NOTHING_CHANGED)
        if not why:
            raise NoteError(MSG_NEEDS_REASON)
        nick = nick or current.buyer  # an order keeps its buyer unless told otherwise
    return NoteChange(order, colour, body, why, agent, nick)


# --- the memo builder ------------------------------------------------------------------------------
MEMO_FIELDS = ("改", "赠", "发", "因")


def build_memo(
    agent_name: str, at: dt.datetime, changed: str = "", gift: str = "", ship: str = "", reason: str = ""
) -> str:
    """`【客服】小王 11-23 14:05 【改】… 【赠】… 【发】… 【因】…`; empty parts are left out."""
    agent = " ".join(agent_name.split())
    parts = [f"【客服】{agent} {at:%m-%d %H:%M}" if agent else f"【客服】{at:%m-%d %H:%M}"]
    for label, value in zip(MEMO_FIELDS, (changed, gift, ship, reason), strict=True):
        value = " ".join(value.split())
        if value:
            parts.append(f"【{label}】{value}")
    return " ".join(parts)


# --- search terms ------------------------------------------------------------------------------------
# SQLite's FTS5 tokenizers do not split Chinese. We index each run of Chinese characters as its
# bigrams followed by its last character, and each word of letters and digits as its lower-case
# suffixes, so any substring query becomes a short FTS5 query (a phrase of bigrams, or prefixes);
# candidates are then confirmed by a plain substring test.
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD_SUFFIXES = 24  # a tracking number's tail is found; a 200-character token is not worth 200 terms
_RUNS = re.compile(rf"[{_CJK}]+|[0-9A-Za-z]+")


def _run_terms(run: str) -> list[str]:
    if not re.match(rf"[{_CJK}]", run):
        word = run.lower()
        return [word[i:] for i in range(min(len(word), _WORD_SUFFIXES))]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_terms(text: str) -> str:
    """What goes into the FTS5 column for `text`."""
    return " ".join(term for run in _RUNS.findall(text) for term in _run_terms(run))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression that every text containing `query` satisfies; None if nothing to match on."""
    clauses = []
    for run in _RUNS.findall(query):
        terms = _run_terms(run)
        if len(run) == 1 or not re.match(rf"[{_CJK}]", run):
            # One Chinese character starts a bigram or ends a run; a piece of a word starts a suffix.
            clauses.append(_quoted(terms[0]) + "*")
        else:
            clauses.append(_quoted(" ".join(terms[:-1])))  # the bigrams, adjacent: an FTS5 phrase
    return " AND ".join(clauses) if clauses else None


def contains(text: str, query: str) -> bool:
    """The final test for a candidate: case-insensitive substring."""
    return query.strip().lower() in text.lower()


# --- export ------------------------------------------------------------------------------------------
EXPORT_HEADER = ("订单号", "买家", "旗帜", "颜色", "备注", "变动事由", "工号", "时间")
MSG_EXPORT_FORMAT = QT_TRANSLATE_NOOP("Messages", "导出文件需以 .csv 或 .xlsx 结尾：{path}")


def export_row(version: NoteVersion) -> tuple[str, str, int, str, str, str, str, str]:
    return (
        version.order_id,
        version.buyer,
        version.flag,
        FLAG_NAMES[version.flag],
        version.text,
        version.reason,
        version.agent_id,
        f"{version.at:%Y-%m-%d %H:%M:%S}",
    )


def export_format(filename: str, fmt: str | None = None) -> str:
    chosen = fmt or {".csv": "csv", ".xlsx": "xlsx"}.get(
        filename[filename.rfind(".") :].lower() if "." in filename else ""
    )
    if chosen not in ("csv", "xlsx"):
        raise NoteError(MSG_EXPORT_FORMAT, path=filename)
    return chosen


def history_json(version: NoteVersion) -> dict[str, Any]:
    """The shape of `notes history --json` (docs/cli.md)."""
    return {
        "order_id": version.order_id,
        "flag": version.flag,
        "text": version.text,
        "reason": version.reason,
        "agent_id": version.agent_id,
        "at": version.at.isoformat(timespec="seconds"),
    }
