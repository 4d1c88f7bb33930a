"""Phrase search: code prefix, title and body text, full pinyin and initials; ranked by match quality,
then use count, then recency (the tiers below; storage/phrase_search.py runs them against the database).

The prefix tiers and the popularity order are SQLite indexes. What SQLite cannot index cheaply is the
substring tiers (an FTS5 trigram table costs ~5 s of CPU per 50,000 imported phrases and cannot answer
one- or two-character queries): `TextIndex` holds, per field group, one joined string of every phrase's
stored folded value, which C-speed `str.find`/`str.count` search (~10 MB at 50,000 phrases).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable

from desktop_assistant.domain.pinyin import fold

_SEP = "\x1f"  # never in a query (whitespace is dropped from it): matches cannot span two phrases
# The substring tiers' fields, each one joined string: the folded name, its pinyin (initials and full,
# ASCII only), the folded text, and the ASCII runs of the text (an ASCII query can only match those: a
# fraction of the size to search).
NAME, PINYIN, TEXT, TEXT_ASCII = range(4)
NAME_FIELDS, TEXT_FIELDS = (NAME, PINYIN), (TEXT,)
_ASCII_ONLY = {PINYIN, TEXT_ASCII}
_ASCII_STAND_IN = {TEXT: TEXT_ASCII}
# Runs of ASCII that is not whitespace (str.split's ASCII whitespace: \t-\r, \x1c-\x1f, space).
_ASCII_RUN = re.compile(r"[\x00-\x08\x0e-\x1b\x21-\x7f]+")
# Phrases written since the build are kept beside the joined strings; past this many the index is rebuilt.
_MAX_FRESH = 2000

# Match-quality tiers, best first (storage/phrase_search.py runs them in this order).
TIERS = (
    ("exact", ("code",)),
    ("prefix", ("code",)),
    ("prefix", ("name", "name_initials", "name_full")),
    ("substring", ("name", "name_initials", "name_full")),
    ("substring", ("text",)),
)


def query_key(query: str) -> str:
    """The query as every search compares it: folded, without whitespace."""
    return "".join(fold(query).split())


def _values(name: str, pinyin: str, text: str) -> tuple[str, str, str, str]:
    return name, pinyin, text, " ".join(_ASCII_RUN.findall(text))


class TextIndex:
    """The stored folded names, pinyin and texts of every phrase, one joined string per field."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str]]) -> None:
        """`rows`: (id, folded name, "initials\x1ffull pinyin", folded text), in id order."""
        self._ids = array("q")
        values: tuple[list[str], ...] = ([], [], [], [])
        starts = (array("q"), array("q"), array("q"), array("q"))
        offsets = [0, 0, 0, 0]
        for pid, *row in rows:
            self._ids.append(pid)
            for field, value in enumerate(_values(*row)):
                values[field].append(value)
                starts[field].append(offsets[field])
                offsets[field] += len(value) + 1
        self._starts = starts
        self._joined = tuple(_SEP.join(column) for column in values)
        self._stale: set[int] = set()  # ids whose joined values no longer hold
        self._fresh: dict[int, tuple[str, str, str, str]] = {}  # id -> values written since the build
        self._last_query = ""
        self._empty: set[int] = set()  # fields without a match for the last query

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def outdated(self) -> bool:
        return len(self._fresh) > _MAX_FRESH

    def update(self, pid: int, name: str, pinyin: str, text: str) -> None:
        self._stale.add(pid)
        self._fresh[pid] = _values(name, pinyin, text)
        self._last_query = ""

    def remove(self, pid: int) -> None:
        self._stale.add(pid)
        self._fresh.pop(pid, None)

    def _fields(self, fields: tuple[int, ...], q: str) -> list[int]:
        """The fields worth searching for `q`: Chinese never matches the ASCII-only ones; an ASCII query
        searches the text's ASCII runs; a field with no match for the last query has none while it grows."""
        if not (q.startswith(self._last_query) and self._last_query):
            self._empty = set()
        self._last_query = q
        if q.isascii():
            fields = tuple(_ASCII_STAND_IN.get(f, f) for f in fields)
        else:
            fields = tuple(f for f in fields if f not in _ASCII_ONLY)
        return [f for f in fields if f not in self._empty]

    def holding(self, fields: tuple[int, ...], q: str, cap: int) -> set[int] | None:
        """Ids of the phrases holding `q` in one of `fields`, or None when more than `cap` do."""
        found: set[int] = set()
        ids = self._ids
        for field in self._fields(fields, q):
            joined, starts = self._joined[field], self._starts[field]
            hits, position = 0, joined.find(q)
            while position != -1:
                hits += 1
                slot = bisect.bisect_right(starts, position) - 1
                found.add(ids[slot])
                if len(found) > cap:
                    return None
                # Continue after this phrase: one hit per phrase is enough.
                position = joined.find(q, starts[slot + 1] if slot + 1 < len(starts) else len(joined))
            if not hits and not any(q in values[field] for values in self._fresh.values()):
                self._empty.add(field)
        found -= self._stale
        found.update(pid for pid, values in self._fresh.items() if any(q in values[f] for f in fields))
        return found

    def holds(self, pid: int, fields: tuple[int, ...], q: str, prefix: bool = False) -> bool:
        """Whether the phrase holds `q` in one of `fields` (with `prefix`: starts one of them with it; the
        pinyin field is two, initials and full)."""
        fresh = self._fresh.get(pid)
        if fresh is not None:
            values = [part for f in fields for part in fresh[f].split(_SEP)] if prefix else [fresh[f] for f in fields]
            return any(value.startswith(q) if prefix else q in value for value in values)
        if pid in self._stale:
            return False
        slot = bisect.bisect_left(self._ids, pid)
        if slot >= len(self._ids) or self._ids[slot] != pid:
            return False
        for field in fields:
            starts, joined = self._starts[field], self._joined[field]
            start = starts[slot]
            end = starts[slot + 1] - 1 if slot + 1 < len(starts) else len(joined)
            if prefix:
                if joined.startswith(q, start, end):
                    return True
                if field == PINYIN and joined.startswith(q, joined.find(_SEP, start, end) + 1, end):
                    return True
            elif joined.find(q, start, end) != -1:
                return True
        return False
