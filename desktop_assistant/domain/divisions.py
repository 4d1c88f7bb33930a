"""The national division tree (province → city → county → street/town) and name look-up for the
address parser: full official names, the short forms people type (浙江, 宁波, 广西, 内蒙古), and
every place a name could mean, so that an ambiguous one is never guessed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

PROVINCE, CITY, COUNTY, STREET = 1, 2, 3, 4
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}

# Suffixes taken off to get the short form people type. Longest first; the ethnic autonomous forms
# (广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边) need the people's name dropped too.
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "新区",
    "街道",
    "省",
    "市",
    "盟",
    "区",
    "县",
    "旗",
    "镇",
    "乡",
)
# The peoples named in autonomous divisions (恩施土家族苗族自治州 → 恩施).
_PEOPLES = (
    "柯尔克孜",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "鄂伦春",
    "达斡尔",
    "哈萨克",
    "塔吉克",
    "塔塔尔",
    "维吾尔",
    "土家",
    "布依",
    "哈尼",
    "傈僳",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "蒙古",
    "朝鲜",
    "撒拉",
    "布朗",
    "壮",
    "回",
    "藏",
    "苗",
    "彝",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
)
_ETHNIC = re.compile("(?:(?:" + "|".join(_PEOPLES) + ")族|维吾尔|哈萨克)+$")  # 新疆维吾尔, 伊犁哈萨克: no 族


@dataclass
class Division:
    code: str
    name: str
    level: int
    parent: Division | None = None
    children: list[Division] = field(default_factory=list)
    # A former name (渝北区 until 2025): not in the tree; its towns are now under these divisions.
    successors: list[Division] = field(default_factory=list)

    def ancestor(self, level: int) -> Division | None:
        node: Division | None = self
        while node is not None and node.level > level:
            node = node.parent
        return node if node is not None and node.level == level else None

    def __repr__(self) -> str:  # short: lists of candidates get printed in test failures
        return f"<{self.code} {self.name}>"


def short_name(name: str) -> str:
    """广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 杭州市 → 杭州; a two-character name stays whole."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            stripped = _ETHNIC.sub("", base)
            return stripped if len(stripped) >= 2 else base
    return name


class DivisionIndex:
    """Look-up by full name or short form, per level, with every candidate kept."""

    def __init__(self, rows: Iterable[tuple[str, str, int, str]]) -> None:
        """rows: (code, parent code or "", level 1-4, official name)."""
        by_code: dict[str, Division] = {}
        pending: list[tuple[Division, str]] = []
        for code, parent, level, name in rows:
            node = Division(code, name, level)
            by_code[code] = node
            pending.append((node, parent))
        for node, parent in pending:
            if parent:
                node.parent = by_code[parent]
                node.parent.children.append(node)
        self.by_code = by_code
        self.names: dict[str, list[Division]] = {}
        for node in by_code.values():
            short = short_name(node.name)
            keys = {node.name, short}
            for full, kept in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
                if node.name.endswith(full) and short != node.name:
                    keys.add(short + kept)  # 延边州, 恩施州, 石柱县: what people write
            for key in keys:
                self.names.setdefault(key, []).append(node)
        # Longest keys first, so 内蒙古自治区 wins over 内蒙古 and 呼和浩特市 over 呼和浩特.
        self.longest = max((len(k) for k in self.names), default=0)

    def add_former(self, name: str, parent_code: str, successor_codes: Iterable[str]) -> None:
        """A county-level name that no longer exists: found by name (full or short) under its old parent,
        never a child in the tree; its towns are looked up under the successors."""
        parent = self.by_code[parent_code]
        node = Division(
            f"{parent_code}/{name}", name, COUNTY, parent, successors=[self.by_code[code] for code in successor_codes]
        )
        for key in {name, short_name(name)}:
            self.names.setdefault(key, []).append(node)

    def streets_at(self, text: str, start: int, parent: Division) -> tuple[list[Division], int]:
        """Towns of `parent` by their full name at text[start] (a former division: its successors' towns)."""
        best: tuple[list[Division], int] = ([], start)
        for under in parent.successors or [parent]:
            found, end = self.match_at(text, start, STREET, under, min_length=3)
            found = [node for node in found if node.name == text[start:end]]
            if found and end > best[1]:
                best = (found, end)
            elif found and end == best[1]:
                best = (best[0] + found, end)
        return best

    def lookup(self, name: str, level: int | None = None, under: Division | None = None) -> list[Division]:
        found = self.names.get(name, [])
        if level is not None:
            found = [d for d in found if d.level == level]
        if under is not None:
            found = [d for d in found if _is_under(d, under)]
        return found

    def match_at(
        self, text: str, start: int, level: int, under: Division | None = None, min_length: int = 2
    ) -> tuple[list[Division], int]:
        """The longest name of `level` (below `under`) that starts at text[start]; (candidates, end)."""
        for length in range(min(self.longest, len(text) - start), min_length - 1, -1):
            candidates = self.lookup(text[start : start + length], level, under)
            if candidates:
                return candidates, start + length
        return [], start


def _is_under(node: Division, ancestor: Division) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def index_from_bundle(data: dict[str, Any]) -> DivisionIndex:
    """resources/divisions/divisions.json rows `[province, city, district, [towns]]` as a tree. A
    municipality's city is the province itself and gets no node; "" means the level does not exist."""
    rows: list[tuple[str, str, int, str]] = []
    seen: set[str] = set()

    def add(key: str, parent: str, level: int, name: str) -> str:
        if key not in seen:
            seen.add(key)
            rows.append((key, parent, level, name))
        return key

    for province, city, district, towns in data["divisions"]:
        under = add(province, "", PROVINCE, province)
        if city and city != province:
            under = add(f"{province}/{city}", under, CITY, city)
        if district:
            under = add(f"{under}/{district}", under, COUNTY, district)
        for town in towns:
            add(f"{under}/{town}", under, STREET, town)
    index = DivisionIndex(rows)
    for province, city, name, successors in data.get("former", []):
        parent = province if city == province else f"{province}/{city}"
        index.add_former(name, parent, [f"{parent}/{successor}" for successor in successors])
    return index
