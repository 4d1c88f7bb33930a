"""Postal addresses written inside free text (a note, a promise, a question): where they are, so that
retention can mask them (issue 15, docs/data-safety.md).

The rule, built on the address parser's region chain (domain.address, the national division table):
an address is a run that
1. starts with a province, city, district or town name from the division table (full or short form:
   浙江省, 杭州, 西湖区; one level is enough),
2. goes on, within one clause (no ，。；！？ or line break) and at most 30 characters, through a
   street or building word (路, 街, 巷, 弄, 村, 小区, 大厦, 花园, 公寓 …),
3. and reaches a house number: digits or Chinese numerals followed by 号, 栋, 幢, 单元, 室, 楼, 层, 弄,
   座 (not 号线, 号店, 号码: a metro line, a shop, a number).
The run ends after the last house, building or room number that follows directly (1号3幢2单元501室).
So 杭州发货, 杭州市3号发货 (a date), 上海市3号线 and a bare 文三路1号 (no region) are not addresses; a
region named without a street and number (浙江省杭州市) is not personal enough to mask either.
"""

from __future__ import annotations

import re
import weakref

from desktop_assistant.domain.address import _chain  # the parser's own region matcher, not a copy
from desktop_assistant.domain.divisions import DivisionIndex

_REACH = 30  # characters from the start of the region to the first house number
_NUMBER = r"(?:[0-9０-９]+(?:[\-－][0-9０-９]+)*|[一二三四五六七八九十百零]+|[A-Za-z](?=座|栋|幢|区))"
_UNIT = r"(?:号楼|号院|号(?!线|店|仓|码|机|款|色|包|单)|栋|幢|单元|室|楼|层|弄|座|区(?=[0-9０-９]))"
_HOUSE = re.compile(rf"{_NUMBER}\s*{_UNIT}")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n\r、：:]")
_STREET = re.compile(
    r"路|街|巷|弄|胡同|大道|村|组|屯|社区|小区|大厦|大楼|花园|公寓|广场|苑|园|庭|府|城|湾|里|中心|镇|乡"
)
# Between two numbers of one address: nothing, a dash or #, or a short building name (华星大厦 3楼).
_BETWEEN = (
    re.compile(r"[\s\-－#＃A-Za-z]{0,2}"),
    re.compile(r"\s?[^\s，,。；;！!？?、：:]{1,8}?(?:大厦|大楼|小区|花园|公寓|苑|园|中心|广场)\s?"),
)
_ROOM = re.compile(r"[\-－#＃]?[0-9０-９]+[A-Za-z]?(?![0-9０-９])")  # 1号501, 3幢2单元501


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


# Per table, and only while the table lives: a cache keyed by the table itself would keep a copy read for one
# job (the daily purge, ~40 MB) for the rest of the process.
_OPENINGS: weakref.WeakKeyDictionary[DivisionIndex, frozenset[str]] = weakref.WeakKeyDictionary()


def _openings(index: DivisionIndex) -> frozenset[str]:
    """The first two characters of every name: where a region can start (skips most positions cheaply)."""
    found = _OPENINGS.get(index)
    if found is None:
        found = _OPENINGS[index] = frozenset(name[:2] for name in index.names)
    return found


def address_spans(text: str, index: DivisionIndex) -> list[tuple[int, int]]:
    """(start, end) of every address in `text` by the rule above, in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    done = 0
    openings = _openings(index)
    for house in _HOUSE.finditer(text):
        if house.start() < done:
            continue
        lowest = max(done, house.start() - _REACH)
        if not _STREET.search(text, lowest, house.start()):
            continue  # no street or building before this number: not an address (most notes stop here)
        for start in range(lowest, house.start()):
            if not _is_cjk(text[start]) or text[start : start + 2] not in openings:
                continue
            region = _chain(text, start, index)
            if region is None or region.end > house.start():
                continue
            if _CLAUSE_END.search(text, start, house.start()) or not _STREET.search(text[region.end : house.start()]):
                continue
            end = _extend(text, house.end())
            spans.append((start, end))
            done = end
            break
    return spans


def _extend(text: str, end: int) -> int:
    """Past the numbers that follow the first one directly (3幢2单元501室, 1号 华星大厦 3楼)."""
    moved = True
    while moved:
        moved = False
        for between in _BETWEEN:
            gap = between.match(text, end)
            following = _HOUSE.match(text, gap.end()) if gap else None
            if following is not None:
                end, moved = following.end(), True
                break
    room = _ROOM.match(text, end)
    return room.end() if room else end
