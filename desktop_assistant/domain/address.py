"""Address text as agents paste it from an order (docs/checklist.md) -> name, phone, region, detail, postcode
and warnings. Labels (收货人: …) or none, any field order, commas, spaces or newlines, full-width
characters. Never guesses: a district name that exists in several cities without a city given stays
ambiguous."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop_assistant.domain.divisions import (
    CITY,
    COUNTY,
    MUNICIPALITIES,
    PROVINCE,
    STREET,
    Division,
    DivisionIndex,
    short_name,
)
from desktop_assistant.domain.phone import find_phones, normalise

MAX_TEXT = 2000  # an address is a few lines; 100 KB of noise is cut, not scanned
_SEPARATORS = re.compile(r"[,，;；。\n\r\t|/、]+|\s{2,}")
_EDGE_PUNCTUATION = " \u3000\n\r\t,，;；:：。.、|/"  # never part of a labelled value (收货人：张三，手机：…)
# A label starts a line or follows a separator, and is followed by a colon or a space: 地区 inside
# 大兴安岭地区 is a name, not a label.
_LABEL = re.compile(
    r"(?:^|(?<=[\s,，;；。、|/]))(?:(收货人|收件人|联系人|手机号码|联系电话|所在地区|详细地址|收货地址|邮政编码)(?:\s*[:：]\s*|\s+|(?=[\u4e00-\u9fa5]))"
    r"|(姓名|手机号|手机|电话|所在地|地区|地址|邮编)(?:\s*[:：]\s*|\s+))"
)
_LABEL_FIELD = {
    "收货人": "name",
    "收件人": "name",
    "联系人": "name",
    "姓名": "name",
    "手机号码": "phone",
    "手机号": "phone",
    "手机": "phone",
    "联系电话": "phone",
    "电话": "phone",
    "所在地区": "region",
    "所在地": "region",
    "地区": "region",
    "详细地址": "detail",
    "收货地址": "region",
    "地址": "region",
    "邮编": "postcode",
    "邮政编码": "postcode",
}
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
# A masked name (张**, *三, 欧阳**) still has a character of the name in it.
_NAME = re.compile(
    r"^[\u4e00-\u9fa5·]{2,6}$|^[A-Za-z][A-Za-z .]{1,30}$"
    r"|^(?=.*[\u4e00-\u9fa5])(?=.*\*)[\u4e00-\u9fa5·*]{2,6}$"
)
# What the platforms show when they hide the number (186****5678), with a privacy extension or not.
_MASKED_PHONE = re.compile(
    r"(?<![\d*])(?:\+?86[\s-]?)?(1\d{2}[\s-]?\*{3,6}[\s-]?\d{2,4})"
    r"(?:\s*(?:-|转|#)\s*(\d{4}))?(?![\d*])"
)
_MASKED_TEXT = re.compile(r"\*{2,}")  # ***街道: a single * (3*5号箱) is not masking
_NOISE = re.compile(r"[\U0001F000-\U0001FFFF\u2600-\u27BF【】\[\]<>《》\"“”'‘’~^]+")
_PLACEHOLDERS = re.compile(
    r"市辖区|省直辖县级行政区划|自治区直辖县级行政区划"
)  # statistical groupings some platforms print
_NO_POSTCODE = {"000000"}  # what Taobao prints when the buyer gave none


# A house number, or a building / unit / room marker. Region names (三亚市, 十堰市) carry neither, so
# the whole address can be tested without first splitting off the region.
_DETAIL_MARKER = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十百零]+\s*(?:号|栋|幢|楼|单元|室|层|座|弄|排|组|户)"
    r"|栋|幢|单元|室|号楼|大厦|号院"
)


def address_vague(address: str) -> bool:
    """docs/checklist.md: the address has no number and no building / unit / room marker."""
    return bool(address.strip()) and not _DETAIL_MARKER.search(address)


@dataclass
class ParsedAddress:
    name: str = ""
    phone: str = ""
    phone_ext: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""
    detail: str = ""
    postcode: str = ""
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            key: getattr(self, key)
            for key in (
                "name",
                "phone",
                "phone_ext",
                "province",
                "city",
                "district",
                "street",
                "detail",
                "postcode",
                "warnings",
            )
        }


@dataclass(frozen=True)
class AddressLists:
    celebrities: frozenset[str] = frozenset()
    remote_provinces: frozenset[str] = frozenset()
    pickup_words: tuple[str, ...] = ()


@dataclass
class _Region:
    province: Division | None = None
    city: Division | None = None
    county: Division | None = None
    street: Division | None = None
    ambiguous: bool = False
    ambiguous_name: str = ""  # kept as the buyer wrote it; the city is not guessed
    start: int = 0
    end: int = 0

    def levels(self) -> int:
        return sum(node is not None for node in (self.province, self.city, self.county, self.street))


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u3000-_,，/|;；\n\t":
        pos += 1
    return pos


def _chain(text: str, start: int, index: DivisionIndex) -> _Region | None:
    """The longest province → city → county → street chain that starts at text[start]."""
    region = _Region(start=start)
    pos = start
    found, end = index.match_at(text, pos, PROVINCE)
    if found and not _longer_below(text, pos, end, PROVINCE, None, index):
        region.province, pos = found[0], _skip(text, end)
    under = region.province
    if region.province is not None and region.province.name in MUNICIPALITIES:
        # 北京市 is province and city; its districts sit under a 市辖区 (or directly) in the data.
        for repeat in (region.province.name, short_name(region.province.name)):  # 北京市北京市朝阳区
            if text.startswith(repeat, pos):
                pos = _skip(text, pos + len(repeat))
                break
    else:
        found, end = index.match_at(text, pos, CITY, under)
        if found and not _longer_below(text, pos, end, CITY, under, index):
            if len(found) > 1:
                return None  # a city name twice in one province does not happen; be safe
            region.city, pos, under = found[0], _skip(text, end), found[0]
    found, end = index.match_at(text, pos, COUNTY, under)
    if found:
        if len(found) == 1:
            region.county, pos = found[0], _skip(text, end)
        else:
            region.ambiguous, region.ambiguous_name, region.end = True, text[pos:end], end
            return _ambiguous(region, found, text, end, index)
    parent = region.county or region.city  # 东莞, 中山: towns sit right under the city
    if parent is not None:
        found, end = index.streets_at(text, pos, parent)  # streets by their full name only
        if len(found) == 1:
            region.street, pos = found[0], _skip(text, end)
    if region.levels() == 0:
        return None
    region.end = pos
    return _fill_parents(region)


def _longer_below(text: str, pos: int, end: int, level: int, under: Division | None, index: DivisionIndex) -> bool:
    """A deeper level names more of the text here (朝阳区 is a district, not 朝阳市's short form)."""
    return any(index.match_at(text, pos, deeper, under)[1] > end for deeper in range(level + 1, STREET))


def _ambiguous(region: _Region, candidates: list[Division], text: str, end: int, index: DivisionIndex) -> _Region:
    """A county name with several homes: a following street may settle it; otherwise keep what all share."""
    pos = _skip(text, end)
    for candidate in candidates:
        streets, street_end = index.streets_at(text, pos, candidate)
        if len(streets) == 1:
            others = [c for c in candidates if c is not candidate and index.streets_at(text, pos, c)[0]]
            if not others:
                region.county, region.street, region.ambiguous = candidate, streets[0], False
                region.end = _skip(text, street_end)
                return _fill_parents(region)
    provinces = {province.code for c in candidates if (province := c.ancestor(PROVINCE)) is not None}
    if region.province is None and len(provinces) == 1:
        region.province = candidates[0].ancestor(PROVINCE)
    region.end = pos
    return region


_NOT_A_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _fill_parents(region: _Region) -> _Region:
    lowest = region.street or region.county or region.city
    if lowest is not None:
        region.city = region.city or lowest.ancestor(CITY)
        region.province = region.province or lowest.ancestor(PROVINCE)
    if region.city is not None and region.city.name in _NOT_A_CITY:
        region.city = None  # a statistical grouping, not a city: municipalities and 省直辖 counties
    return region


def _find_region(text: str, index: DivisionIndex) -> _Region | None:
    """The earliest place where a region chain starts, preferring chains of two or more levels."""
    best: _Region | None = None
    for start in range(len(text)):
        if not "\u4e00" <= text[start] <= "\u9fff":
            continue
        region = _chain(text, start, index)
        if region is None:
            continue
        if region.levels() >= 2 or region.ambiguous or _full_name_at(text, region):
            return region
        best = best or region
    return best


def _full_name_at(text: str, region: _Region) -> bool:
    """A lone match counts under its full official name (杭州市, 西湖区), or a short form standing on its
    own (香港, 台湾 followed by a space), never a short form inside a word (中山路)."""
    node = region.county or region.city or region.province
    if node is None:
        return False
    if text.startswith(node.name, region.start):
        return True
    end = region.start + len(short_name(node.name))
    return end >= len(text.rstrip()) or not "\u4e00" <= text[end] <= "\u9fff"


def parse_address(text: str, index: DivisionIndex, lists: AddressLists = AddressLists()) -> ParsedAddress:
    result = ParsedAddress()
    text = _NOISE.sub(" ", normalise(text[:MAX_TEXT]))
    masked_phone = _MASKED_PHONE.search(text)
    for match in reversed(list(_MASKED_PHONE.finditer(text))):
        text = _blank(text, match.start(), match.end())
    phones, broken = find_phones(text)
    if phones:
        result.phone, result.phone_ext = phones[0].phone, phones[0].ext
    elif masked_phone:
        result.phone, result.phone_ext = re.sub(r"[\s-]", "", masked_phone.group(1)), masked_phone.group(2) or ""
    for phone in reversed(phones):
        text = _blank(text, phone.start, phone.end)
    for run in broken:  # a mistyped number is not part of the detail
        text = text.replace(run, " " * len(run), 1)
    postcode = _POSTCODE.search(text)
    if postcode:
        result.postcode = "" if postcode.group(0) in _NO_POSTCODE else postcode.group(0)
        text = re.sub(r"\(\s*\)", lambda m: " " * len(m.group(0)), _blank(text, postcode.start(), postcode.end()))
    labelled = _labelled_fields(text)
    name = labelled.get("name", "")
    result.name = name if _NAME.match(name) else name.split(" ")[0].strip()  # Anna Li; 张三 浙江省…
    # The region is searched in the whole text with labels turned into separators and the name taken out.
    plain = _LABEL.sub("，", text)
    if result.name:
        plain = plain.replace(result.name, " " * len(result.name), 1)
    plain = _PLACEHOLDERS.sub(lambda m: " " * len(m.group(0)), plain)
    region = _find_region(plain, index)
    if region is not None:
        result.province = region.province.name if region.province else ""
        result.city = region.city.name if region.city else result.province if result.province in MUNICIPALITIES else ""
        result.district = region.county.name if region.county else region.ambiguous_name
        result.street = region.street.name if region.street else ""
        if region.ambiguous:
            result.warnings.append("district_ambiguous")
    result.name = result.name or _guess_name(plain, region, lists)
    result.detail = _detail(plain, region, result.name) if region is not None else ""
    if not result.detail:
        result.detail = " ".join(labelled.get("detail", "").split()) or (
            _detail(plain, None, result.name) if region is None else ""
        )
    masked = bool(masked_phone) or "*" in result.name or bool(_MASKED_TEXT.search(text.replace(result.name, "")))
    _warn(result, region, broken, lists, masked)
    return result


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _labelled_fields(text: str) -> dict[str, str]:
    """Values after labels such as 收货人: or 详细地址:, when the text uses them."""
    marks = list(_LABEL.finditer(text))
    if not marks:
        return {}
    fields: dict[str, str] = {}
    if text[: marks[0].start()].strip():
        fields["lead"] = text[: marks[0].start()].strip()
    for mark, following in zip(marks, marks[1:] + [None], strict=True):
        value = text[mark.end() : following.start() if following else len(text)].strip(_EDGE_PUNCTUATION)
        key = _LABEL_FIELD[mark.group(1) or mark.group(2)]
        if key == "region" and "region" in fields:
            key = "detail"
        fields[key] = (fields.get(key, "") + " " + value).strip() if key in fields else value.strip()
    return fields


def _detail(text: str, region: _Region | None, name: str) -> str:
    rest = text[region.end :] if region is not None else text
    pieces = [" ".join(w for w in p.split() if w != name) for p in _SEPARATORS.split(rest)]
    return next((p for p in pieces if p), "")


def _guess_name(text: str, region: _Region | None, lists: AddressLists) -> str:
    """A short run of Chinese (or a Latin name) on its own that is not part of the address; names of two
    or three characters first, since that is what most Chinese names are."""
    after_region = ""
    if region is not None:
        following = text[region.end :].split()
        after_region = following[0] if following else ""  # where the detail starts (澳门 氹仔 …)
        text = _blank(text, region.start, region.end)
    words = [w for piece in _SEPARATORS.split(text) for w in piece.split()]
    candidates = [
        w
        for w in words
        if _NAME.match(w)
        and not _LABEL.match(w)
        and not _region_word(w)
        and not any(p in w for p in lists.pickup_words)
    ]
    candidates.sort(key=lambda w: (not 2 <= len(w) <= 3, w == after_region))
    return candidates[0] if candidates else ""


def _region_word(word: str) -> bool:
    return word.endswith(("省", "市", "区", "县", "镇", "乡", "街道", "路", "街", "号", "村", "小区", "大厦"))


def _warn(result: ParsedAddress, region: _Region | None, broken: list[str], lists: AddressLists, masked: bool) -> None:
    warnings = result.warnings
    if masked:  # the platform hid part of it: the agent reads the order; nothing is "missing" or "vague"
        warnings.append("masked")
    if broken and not result.phone:
        warnings.append("phone_invalid")
    elif not result.phone and not masked:
        warnings.append("phone_missing")
    if not result.name and not masked:
        warnings.append("name_missing")
    elif result.name in lists.celebrities:
        warnings.append("name_celebrity")
    if _incomplete(region):
        warnings.append("address_incomplete")
    if (not result.detail or address_vague(result.detail)) and not _MASKED_TEXT.search(result.detail):
        warnings.append("address_vague")
    if result.province in lists.remote_provinces:
        warnings.append("remote_area")
    if any(word in result.detail for word in lists.pickup_words):
        warnings.append("pickup_point")


def _incomplete(region: _Region | None) -> bool:
    """A level that exists for this place was not found (香港 has only the province; 东莞 no district)."""
    if region is None or region.province is None or region.ambiguous:
        return True
    if region.city is None and region.province.name not in MUNICIPALITIES:
        lowest = region.county or region.street
        if lowest is None or lowest.ancestor(CITY) is not None:
            return any(child.level == CITY for child in region.province.children)
    if region.county is None:
        above = region.city or region.province
        return any(child.level == COUNTY for child in above.children)
    return False
