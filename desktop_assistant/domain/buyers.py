"""Buyer profiles (docs/screening.md): the stored record around a screening Profile, tag presets, the shop's
black/white list, and the readers for screening input (JSON Lines / CSV) and blacklist files."""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Protocol

from desktop_assistant.domain import nicks
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.screening import Profile, Screening, ShopFacts, parse_credit

TAG_PRESETS: dict[str, tuple[str, ...]] = {
    QT_TRANSLATE_NOOP("Buyers", "会员等级"): ("普通", "资深", "VIP", "最高贵宾"),
    QT_TRANSLATE_NOOP("Buyers", "活动"): ("双11", "双12", "新客", "促销"),
    QT_TRANSLATE_NOOP("Buyers", "偏好"): ("商品", "品牌", "价格", "购买方式"),
}
FREE_TAG = "标签"  # the category of a tag the agent typed

MSG_BAD_FIELD = QT_TRANSLATE_NOOP("Messages", "{field} 的值不对：{value}")
MSG_NOT_AN_OBJECT = QT_TRANSLATE_NOOP("Messages", "不是 JSON 对象")
MSG_BAD_JSON = QT_TRANSLATE_NOOP("Messages", "JSON 格式错误：{reason}")
MSG_AT_LINE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：{reason}")
MSG_NO_NICK_COLUMN = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：表头里没有买家昵称列（nick 或 买家）")
MSG_NEEDS_LIST_REASON = QT_TRANSLATE_NOOP("Messages", "拉黑或加白需要填写原因")
MSG_LIST_CONFLICT = QT_TRANSLATE_NOOP("Messages", "{nick} 在白名单里；要拉黑请先移出白名单")


class BuyerError(UserError):
    """Bad buyer input; names the line when it comes from a file. Nothing is written."""


def valid_nick(raw: object) -> str:
    """A buyer's nick by domain/nicks.py's rule (NFC, trimmed, required), refused as a BuyerError."""
    return nicks.valid_nick(raw, error=BuyerError)


@dataclass(frozen=True)
class ListEntry:
    nick: str
    status: str  # "black" | "white"
    reason: str
    added_by: str
    added_at: dt.datetime


@dataclass(frozen=True)
class Receiver:
    name: str
    address: str
    last_seen: dt.datetime


@dataclass(frozen=True)
class ScreeningRecord:
    at: dt.datetime
    score: int
    level: str
    codes: tuple[str, ...]
    by: str


@dataclass(frozen=True)
class BuyerRecord:
    """A stored profile with everything the 买家 tab shows."""

    profile: Profile
    platform: str = ""
    notes: str = ""
    tags: tuple[tuple[str, str], ...] = ()  # (category, tag)
    receivers: tuple[Receiver, ...] = ()
    listing: ListEntry | None = None
    screenings: tuple[ScreeningRecord, ...] = ()  # newest first


class BuyerRepository(Protocol):
    """What the UI may do with profiles (storage.buyer_store implements it)."""

    def get(self, nick: str) -> BuyerRecord | None: ...

    def save_profile(self, profile: Profile, platform: str, notes: str, by: str, at: dt.datetime) -> None: ...

    def add_receiver(self, nick: str, name: str, address: str, at: dt.datetime) -> None: ...

    def set_tags(self, nick: str, tags: Sequence[tuple[str, str]], at: dt.datetime) -> None: ...

    def set_list(self, nick: str, status: str, reason: str, by: str, at: dt.datetime) -> None: ...

    def list_history(self, nick: str) -> list[tuple[str, str, str, dt.datetime]]: ...

    def shop_facts(self, nick: str) -> ShopFacts: ...

    def record_screening(self, screening: Screening, by: str, at: dt.datetime) -> None: ...


class BlacklistFileService(Protocol):
    """Blacklist files for the UI (storage.blacklist_files implements it); errors are UserErrors."""

    def import_file(self, path: Path, dry_run: bool = False) -> tuple[int, int]: ...

    def export_file(self, path: Path) -> int: ...


# --- screening input -------------------------------------------------------------------------------
_CSV_ALIASES = {
    "nick": ("nick", "买家", "昵称", "买家昵称"),
    "credit": ("credit", "信用", "信用等级"),
    "positive_rate": ("positive_rate", "好评率"),
    "registered_on": ("registered_on", "注册日期"),
    "account_age_days": ("account_age_days", "账龄", "账龄天数"),
    "as_of": ("as_of", "参照日期"),
    "orders_count": ("orders_count", "订单数"),
    "refund_count": ("refund_count", "退款数"),
    "orders_last_7d": ("orders_last_7d", "近7天订单"),
    "bad_reviews_given": ("bad_reviews_given", "给出差评"),
    "receiver_name": ("receiver_name", "收货人"),
    "address": ("address", "地址", "收货地址"),
    "off_platform_contact": ("off_platform_contact", "站外联系"),
    "no_bargain_many_items": ("no_bargain_many_items", "不议价加单"),
}
_ALIAS = {alias.casefold(): name for name, aliases in _CSV_ALIASES.items() for alias in aliases}
_INT_FIELDS = ("account_age_days", "orders_count", "refund_count", "orders_last_7d", "bad_reviews_given")
_TRUE = {"true", "1", "yes", "y", "是", "有", "t"}
_FALSE = {"false", "0", "no", "n", "否", "无", "f", ""}


def _bad(name: str, value: object) -> BuyerError:
    shown = " ".join(str(value).split())
    return BuyerError(MSG_BAD_FIELD, field=name, value=shown[:30])


def _int(name: str, value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _bad(name, value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.lstrip("-").isdigit() and text.isascii():
        return int(text)
    raise _bad(name, value)


def _rate(value: object) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _bad("positive_rate", value)
    try:
        rate = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise _bad("positive_rate", value) from None
    if not math.isfinite(rate):
        raise _bad("positive_rate", value)
    return rate


def _date(name: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise _bad(name, value) from None


def _bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _bad(name, value)


def _text(name: str, value: object, limit: int = 500) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise _bad(name, value)
    return " ".join(str(value).split())[:limit]


def profile_from_mapping(values: Mapping[str, Any]) -> Profile:
    """A screening Profile from one JSON object or CSV row (docs/cli.md field names); BuyerError if bad."""
    _refuse_huge_numbers(values)
    credit_raw = values.get("credit")
    credit = parse_credit(credit_raw)
    if credit is None and credit_raw not in (None, ""):
        raise _bad("credit", credit_raw)
    return Profile(
        nick=valid_nick(values.get("nick")),
        credit=credit,
        positive_rate=_rate(values.get("positive_rate")),
        registered_on=_date("registered_on", values.get("registered_on")),
        as_of=_date("as_of", values.get("as_of")),
        receiver_name=_text("receiver_name", values.get("receiver_name"), 64),
        address=_text("address", values.get("address")),
        off_platform_contact=_bool("off_platform_contact", values.get("off_platform_contact")),
        no_bargain_many_items=_bool("no_bargain_many_items", values.get("no_bargain_many_items")),
        **{name: _int(name, values.get(name)) for name in _INT_FIELDS},
    )


def _refuse_huge_numbers(values: Mapping[str, Any]) -> None:
    """No count or credit has 20 digits; one with thousands cannot even be printed (Python refuses
    int/str conversions over 4300 digits), so it is named here, as a bad field of its line."""
    for name in ("credit", "positive_rate", *_INT_FIELDS):
        value = values.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
            raise BuyerError(MSG_BAD_FIELD, field=name, value=f"({int(value.bit_length() * 0.30103) + 1} digits)")
        if isinstance(value, str) and len(value.strip()) > 64:
            raise _bad(name, value)


def profile_to_mapping(profile: Profile) -> dict[str, Any]:
    """The inverse, for the database and exports (dates as ISO text)."""
    out: dict[str, Any] = {}
    for item in fields(profile):
        value = getattr(profile, item.name)
        out[item.name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def read_screening_input(text: str) -> Iterator[tuple[int, Profile | BuyerError]]:
    """(line, profile or error) per record: JSON Lines, or CSV with a header when the first
    non-blank line does not start with `{`. Blank lines are skipped; one bad line does not stop the rest."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((line for line in lines if line.strip()), "")
    if first.lstrip().startswith("{"):
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield number, _json_line(number, line)
        return
    yield from _csv_profiles(text.lstrip("\ufeff"))


def _json_line(number: int, line: str) -> Profile | BuyerError:
    try:
        values = json.loads(line)
    except (ValueError, RecursionError) as exc:  # ValueError: also an integer over Python's 4300 digits
        reason = getattr(exc, "msg", None) or (
            "too deeply nested" if isinstance(exc, RecursionError) else "number too long"
        )
        return BuyerError(MSG_AT_LINE, line=number, reason=BuyerError(MSG_BAD_JSON, reason=reason))
    if not isinstance(values, dict):
        return BuyerError(MSG_AT_LINE, line=number, reason=BuyerError(MSG_NOT_AN_OBJECT))
    try:
        return profile_from_mapping(values)
    except BuyerError as exc:
        return BuyerError(MSG_AT_LINE, line=number, reason=exc)


def _csv_profiles(text: str) -> Iterator[tuple[int, Profile | BuyerError]]:
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str | None] | None = None
    line = 0
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [_ALIAS.get(unicodedata.normalize("NFKC", cell).strip().casefold()) for cell in row]
                if "nick" not in header:
                    yield start, BuyerError(MSG_NO_NICK_COLUMN, line=start)
                    return
                continue
            values = {name: cell for name, cell in zip(header, row, strict=False) if name}  # short and long rows happen
            try:
                yield start, profile_from_mapping(values)
            except BuyerError as exc:
                yield start, BuyerError(MSG_AT_LINE, line=start, reason=exc)
    except csv.Error as exc:
        yield line + 1, BuyerError(MSG_AT_LINE, line=line + 1, reason=str(exc))


# --- blacklist files (docs/cli.md: nick/买家 required, reason/原因, added_by/登记人, added_at/登记时间) ---------
BLACKLIST_HEADER = ("买家", "原因", "登记人", "登记时间")
_LIST_COLUMNS = {
    "nick": ("nick", "买家", "昵称", "买家昵称"),
    "reason": ("reason", "原因"),
    "added_by": ("added_by", "登记人"),
    "added_at": ("added_at", "登记时间"),
}
_LIST_ALIAS = {alias.casefold(): name for name, aliases in _LIST_COLUMNS.items() for alias in aliases}
MSG_EMPTY_LIST = QT_TRANSLATE_NOOP("Messages", "文件里没有买家")
MSG_BAD_TIME = QT_TRANSLATE_NOOP("Messages", "登记时间格式不对（应为 YYYY-MM-DD HH:MM:SS）：{value}")


@dataclass(frozen=True)
class BlacklistRow:
    line: int
    nick: str
    reason: str
    added_by: str
    added_at: dt.datetime | None


def _list_time(value: str) -> dt.datetime | None:
    text = value.strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise BuyerError(MSG_BAD_TIME, value=text[:30]) from None


def parse_blacklist(rows: Sequence[tuple[int, list[str]]]) -> list[BlacklistRow]:
    """Rows of a CSV or XLSX file (header first) -> entries; the first problem raises, naming its line."""
    from desktop_assistant.domain.tables import unneutralise

    if not rows:
        raise BuyerError(MSG_EMPTY_LIST)
    header_line, header = rows[0]
    columns = {_LIST_ALIAS.get(unicodedata.normalize("NFKC", c).strip().casefold()): i for i, c in enumerate(header)}
    if "nick" not in columns:
        raise BuyerError(MSG_NO_NICK_COLUMN, line=header_line)
    entries: list[BlacklistRow] = []
    seen: set[str] = set()

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return unneutralise(row[index]).strip() if index is not None and index < len(row) else ""

    for line, row in rows[1:]:
        try:
            nick = valid_nick(cell(row, "nick"))
            reason = " ".join(cell(row, "reason").split())[:200]
            entry = BlacklistRow(line, nick, reason, cell(row, "added_by")[:32], _list_time(cell(row, "added_at")))
        except BuyerError as exc:
            raise BuyerError(MSG_AT_LINE, line=line, reason=exc) from None
        if nick not in seen:  # the same buyer twice in one file: the first row counts
            seen.add(nick)
            entries.append(entry)
    if not entries:
        raise BuyerError(MSG_EMPTY_LIST)
    return entries


def blacklist_rows(entries: Sequence[ListEntry]) -> list[tuple[str, str, str, str]]:
    return [(e.nick, e.reason, e.added_by, f"{e.added_at:%Y-%m-%d %H:%M:%S}") for e in entries]
