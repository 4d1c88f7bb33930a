"""Phrase search: code prefix, title and body text, full pinyin and initials; ranked by match quality,
then use count, then recency. Built for keystroke latency at 50,000 phrases:

- prefix tiers use sorted arrays and bisect (no scan);
- substring tiers search one joined string per field with C-speed `str.count`/`str.find`, and when
  matches are dense walk the phrases in popularity order and stop once the page is full;
- a field that had no match for the previous query is skipped while the query only grows.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop_assistant.domain.pinyin import fold

_SEP = "\x1f"  # never in folded text: matches cannot span two phrases
# Relative cost of taking one hit from a sorted range / from a joined-string find, against checking one
# field of one phrase in a popularity walk. Measured on CPython 3.11; only the order of magnitude matters.
_PREFIX_HIT_COST = 0.2
_FIND_HIT_COST = 2.0
# Uses (a paste) change only the popularity order: up to this many are kept beside the arrays, ranked by
# their new counts, instead of rebuilding them (a rebuild is about a second at 50,000 phrases).
_MAX_REORDERED = 256
_TEXT_FIELDS = ("code", "name", "text", "name_full", "name_initials")


@dataclass(frozen=True, slots=True)  # 50,000 of them stay in memory
class SearchEntry:
    id: int
    code: str
    name: str  # title, or the start of the text when there is no title
    text: str
    name_full: str  # pinyin of name, no separators
    name_initials: str
    use_count: int = 0
    last_used: float = 0.0  # epoch seconds; 0 = never


# Match-quality tiers, best first. Each is (kind, fields): prefix tiers use sorted arrays.
_TIERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("exact", ("code",)),
    ("prefix", ("code",)),
    ("prefix", ("name", "name_initials", "name_full")),
    ("substring", ("name", "name_initials", "name_full")),
    ("substring", ("text",)),
)
_FIELDS = ("code", "name", "text", "name_full", "name_initials", "text_ascii")
_ASCII_FIELDS = frozenset({"code", "name_full", "name_initials", "text_ascii"})  # only ever hold ASCII
# An ASCII query can only match the ASCII runs of a Chinese text: search those, a fraction of the size.
_ASCII_STAND_IN = {"text": "text_ascii"}


# Runs of ASCII that is not whitespace (str.split's ASCII whitespace: \t-\r, \x1c-\x1f, space).
_ASCII_RUN = re.compile(r"[\x00-\x08\x0e-\x1b\x21-\x7f]+")


def _ascii_runs(text: str) -> str:
    """The ASCII runs of `text`, one space between them (C speed: the index is built at 50,000 phrases)."""
    return " ".join(_ASCII_RUN.findall(text))


def query_key(query: str) -> str:
    """The query as every search compares it: folded, without whitespace."""
    return "".join(fold(query).split())


class PhraseSearchIndex:
    def __init__(self, entries: Iterable[SearchEntry] = (), folded: bool = False) -> None:
        """`folded`: the entries' texts are stored folded already (storage's persisted index); the index
        then shares those strings instead of folding copies of them."""
        self._entries: dict[int, SearchEntry] = {e.id: e for e in entries}
        self._reordered: dict[int, SearchEntry] = {}  # slot -> the entry as used since the last rebuild
        self._fold = (lambda text: text) if folded else fold
        self._dirty = True
        self._last_query = ""
        self._empty_fields: set[str] = set()

    def __len__(self) -> int:
        return len(self._entries)

    # --- maintenance -------------------------------------------------------------------------
    def upsert(self, entry: SearchEntry) -> None:
        old = self._entries.get(entry.id)
        self._entries[entry.id] = entry
        if (
            not self._dirty
            and old is not None
            and len(self._reordered) < _MAX_REORDERED
            and all(getattr(old, f) == getattr(entry, f) for f in _TEXT_FIELDS)
        ):
            self._reordered[self._ids.index(entry.id)] = entry  # same texts, new use count or last use
            return
        self._dirty = True

    def remove(self, entry_id: int) -> None:
        if self._entries.pop(entry_id, None) is not None:
            self._dirty = True

    def _rebuild(self) -> None:
        ordered = sorted(self._entries.values(), key=lambda e: (-e.use_count, -e.last_used, e.id))
        self._slots = ordered  # slot = popularity rank at the last rebuild
        self._ids = array("q", (e.id for e in ordered))
        self._reordered = {}
        values = {f: [self._fold(getattr(e, f)) for e in ordered] for f in _FIELDS if f != "text_ascii"}
        values["text_ascii"] = [_ascii_runs(text) for text in values["text"]]
        self._values = values
        self._joined: dict[str, str] = {}
        self._starts: dict[str, array[int]] = {}
        for f in _FIELDS:
            starts, offset = array("q"), 0
            for value in values[f]:
                starts.append(offset)
                offset += len(value) + 1
            self._starts[f] = starts
            self._joined[f] = _SEP.join(values[f])
        # Per prefix field: its non-empty values sorted, and the slot of each (two flat arrays, not tuples).
        self._sorted: dict[str, tuple[list[str], array[int]]] = {}
        for f in ("code", "name", "name_full", "name_initials"):
            column = values[f]
            order = sorted((slot for slot, v in enumerate(column) if v), key=column.__getitem__)
            self._sorted[f] = ([column[slot] for slot in order], array("q", order))
        self._dirty = False
        self._last_query = ""
        self._empty_fields = set()

    # --- queries -------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[int]:
        """Ids of the best `limit` matches, best first. An empty query lists the most used phrases."""
        if self._dirty:
            self._rebuild()
        q = query_key(query)
        if not q:
            return [self._slots[slot].id for slot in self._first(range(len(self._slots)), limit)]
        if not q.startswith(self._last_query) or not self._last_query:
            self._empty_fields = set()
        self._last_query = q
        found: list[int] = []
        seen: set[int] = set()
        ascii_query = q.isascii()
        for kind, fields in _TIERS:
            if len(found) >= limit:
                break
            if ascii_query:
                fields = tuple(_ASCII_STAND_IN.get(f, f) for f in fields)
            else:  # Chinese in the query cannot match pinyin or codes
                fields = tuple(f for f in fields if f not in _ASCII_FIELDS)
            fields = tuple(f for f in fields if f not in self._empty_fields)
            if not fields:
                continue
            slots = self._tier(kind, fields, q, limit - len(found), seen)
            for slot in slots:
                seen.add(slot)
                found.append(slot)
        return [self._slots[slot].id for slot in found[:limit]]

    def _tier(self, kind: str, fields: tuple[str, ...], q: str, want: int, seen: set[int]) -> list[int]:
        if kind == "exact":
            codes, code_slots = self._sorted["code"]
            start = bisect.bisect_left(codes, q)
            end = bisect.bisect_right(codes, q)
            return self._ordered(slot for slot in code_slots[start:end] if slot not in seen)
        if kind == "prefix":
            ranges = {f: self._prefix_range(f, q) for f in fields}
            hits = max(end - start for start, end in ranges.values())
            if self._walk_is_cheaper(hits, want, len(fields), _PREFIX_HIT_COST):
                return self._walk(list(fields), q, want, seen, prefix=True)
            slots: set[int] = set()
            for f, (start, end) in ranges.items():
                slots.update(self._sorted[f][1][start:end])
            return self._ordered(slots - seen)[:want]
        counts = {f: self._joined[f].count(q) for f in fields}
        for f, count in counts.items():
            if count == 0:
                self._empty_fields.add(f)
        live = [f for f, count in counts.items() if count]
        if not live:
            return []
        if self._walk_is_cheaper(max(counts.values()), want, len(live), _FIND_HIT_COST):
            return self._walk(live, q, want, seen)
        slots = set()
        for f in live:
            slots.update(self._hit_slots(f, q))
        return self._ordered(slots - seen)[:want]

    def _key(self, slot: int) -> tuple[int, float, int]:
        entry = self._reordered.get(slot) or self._slots[slot]
        return -entry.use_count, -entry.last_used, entry.id

    def _ordered(self, slots: Iterable[int]) -> list[int]:
        """Slots in today's popularity order."""
        return sorted(slots, key=self._key) if self._reordered else sorted(slots)

    def _first(self, slots: Iterable[int], want: int) -> list[int]:
        """The `want` most popular of `slots` (given in rebuild order) that match: those not used since
        keep their relative order, so the first `want` of them and every used one are enough."""
        kept = []
        for slot in slots:
            if slot not in self._reordered:
                kept.append(slot)
                if len(kept) >= want:
                    break
        return self._ordered([*kept, *self._reordered])[:want]

    def _walk_is_cheaper(self, hits: int, want: int, fields: int, cost_per_hit: float) -> bool:
        # A walk checks about want/hits of all phrases before the page is full.
        walk = want * len(self._slots) * fields / max(hits, 1)
        return walk < hits * cost_per_hit

    def _prefix_range(self, f: str, q: str) -> tuple[int, int]:
        values = self._sorted[f][0]
        return bisect.bisect_left(values, q), bisect.bisect_left(values, q + "\U0010ffff")

    def _hit_slots(self, f: str, q: str) -> set[int]:
        joined, starts = self._joined[f], self._starts[f]
        slots, position = set(), joined.find(q)
        while position != -1:
            slot = bisect.bisect_right(starts, position) - 1
            slots.add(slot)
            # Continue after this phrase: one hit per phrase is enough.
            next_start = starts[slot + 1] if slot + 1 < len(starts) else len(joined)
            position = joined.find(q, next_start)
        return slots

    def _walk(self, fields: list[str], q: str, want: int, seen: set[int], prefix: bool = False) -> list[int]:
        """Phrases in popularity order until `want` match: cheap exactly when matches are dense."""
        columns = [self._values[f] for f in fields]

        def matching() -> Iterator[int]:
            for slot in range(len(self._slots)):
                if slot not in seen and any(
                    column[slot].startswith(q) if prefix else q in column[slot] for column in columns
                ):
                    yield slot

        if not self._reordered:
            hits: list[int] = []
            for slot in matching():
                hits.append(slot)
                if len(hits) >= want:
                    break
            return hits
        used = [
            slot
            for slot in self._reordered
            if slot not in seen
            and any(column[slot].startswith(q) if prefix else q in column[slot] for column in columns)
        ]
        kept = []
        for slot in matching():
            if slot not in self._reordered:
                kept.append(slot)
                if len(kept) >= want:
                    break
        return self._ordered([*kept, *used])[:want]
