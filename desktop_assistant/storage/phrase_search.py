"""The phrase search, in SQLite: the picker, the 短语 tab and `phrases search` all ask here.

Stored with each phrase when it is written: the folded name and text (m009) beside the pinyin of the name
(m002); m010 indexes the prefix columns and the popularity by id. The ranking is domain/search.py's
TIERS, tier by tier: exact code, code prefix, name/initials/full-pinyin prefix, the same as substrings,
then the text; within a tier the most used, then the most recent, then the oldest id.

Each tier collects its candidates (an index range, or the substring hits of the in-memory TextIndex) and
ranks them through the popularity index, or, when they are many, walks the phrases in popularity order
until the page is full (cheap exactly when matches are dense). Without a TextIndex (a one-off search,
`phrases search`) the substring tiers are such a walk in SQL. Tests hold both to a plain scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from desktop_assistant.domain.pinyin import fold
from desktop_assistant.domain.search import NAME_FIELDS, TEXT_FIELDS, TextIndex, query_key
from desktop_assistant.storage.sqlite_lib import sqlite_utils

NAME_CHARS = 40  # how much of an untitled body is read as its name
# What TextIndex reads per phrase, in id order (its lookups bisect the ids).
TEXT_ROWS = "SELECT id, search_name, name_initials || char(31) || name_full, search_text FROM phrases"
# Ranking n candidates by id costs about n lookups; walking the popularity order about N * want / n rows,
# each ~5x cheaper: the walk wins when n * n > N * want / 5.
_WALK_RATIO = 0.2
# Up to this many candidates (per 50 wanted) are read by id and sorted; more are dense: a walk in
# popularity order fills a page of 50 within about 50 * 50,000 / 2,000 phrases.
_COLLECT = 2000
_POPULARITY = "use_count DESC, last_used DESC, id"
_NAMES = ("search_name", "name_initials", "name_full")
_NAME_PREFIX = " OR ".join(f"substr({c}, 1, :n) = :q" for c in _NAMES)
_NAME_SUBSTRING = " OR ".join(f"instr({c}, :q)" for c in _NAMES)


def name_of(title: str, body: str) -> str:
    return title or " ".join(body.split())[:NAME_CHARS]


def search_columns(title: str, body: str) -> tuple[str, str]:
    """(search_name, search_text) as stored: folded as the search compares them."""
    return fold(name_of(title, body)), fold(body)


def _cap(want: int) -> int:
    """How many candidates are still worth collecting for a page of `want` (the walk needs more rows for a
    longer page)."""
    return _COLLECT * max(1, want // 50)


def _ints(ids: Iterable[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


class _Search:
    def __init__(self, db: sqlite_utils.Database, q: str, text: TextIndex | None) -> None:
        self.db = db
        self.text = text
        self.params = {"q": q, "n": len(q), "hi": q + "\U0010ffff"}
        self.q = q

    def ids(self, sql: str, **params: object) -> list[int]:
        return [row[0] for row in self.db.execute(sql, {**self.params, **params})]

    def popular(self) -> Iterator[int]:
        """Every phrase id, most popular first (read as far as the caller goes)."""
        cursor = self.db.execute(f"SELECT id FROM phrases INDEXED BY phrases_by_popularity ORDER BY {_POPULARITY}")
        while rows := cursor.fetchmany(256):
            for (pid,) in rows:
                yield pid

    def capped(self, sqls: list[str], want: int) -> set[int] | None:
        """The union of what the statements find, or None when one of them finds too many to collect."""
        cap = _cap(want)
        for sql in sqls:  # counted first, inside SQLite: a dense range is never turned into Python ints
            if self.ids(f"SELECT count(*) FROM ({sql} LIMIT {cap + 1})")[0] > cap:
                return None
        return {pid for sql in sqls for pid in self.ids(sql)}

    def ranked(self, candidates: set[int], want: int) -> list[int]:
        """The `want` most popular of `candidates`: read by id through the narrow index and sorted, or when
        they are many, found by walking the phrases in popularity order (about N * want / len(candidates))."""
        if not candidates:
            return []
        if self.text is not None and len(candidates) ** 2 > _WALK_RATIO * len(self.text) * want:
            return self.walk_with(candidates.__contains__, want, set())
        return self.ids(
            f"SELECT id FROM phrases INDEXED BY phrases_popularity_by_id WHERE id IN ({_ints(candidates)}) "
            f"ORDER BY {_POPULARITY} LIMIT :limit",
            limit=want,
        )

    def walk_with(self, matches: Callable[[int], bool], want: int, seen: set[int]) -> list[int]:
        """The `want` most popular phrases not in `seen` that `matches` accepts."""
        found = []
        for pid in self.popular():
            if pid not in seen and matches(pid):
                found.append(pid)
                if len(found) >= want:
                    break
        return found

    def walk(self, fields: tuple[int, ...], prefix: bool, condition: str, want: int, seen: set[int]) -> list[int]:
        """The `want` most popular phrases matching, not in `seen`: checked in the TextIndex, or without one
        by the SQL `condition`."""
        if self.text is not None and fields:
            holds, q = self.text.holds, self.q
            return self.walk_with(lambda pid: holds(pid, fields, q, prefix), want, seen)
        # A prefix tier walks only when its ranges overflowed (dense); a substring tier without the TextIndex
        # may be sparse: one pass over the table, then sort its matches.
        how = "INDEXED BY phrases_by_popularity" if prefix else "NOT INDEXED"
        sql = f"SELECT id FROM phrases {how} WHERE {condition} ORDER BY {_POPULARITY}"
        return [pid for pid in self.ids(f"{sql} LIMIT :limit", limit=want + len(seen)) if pid not in seen][:want]

    def prefix(self, sqls: list[str], fields: tuple[int, ...], condition: str, want: int, seen: set[int]) -> list[int]:
        """A prefix tier: its matches are index ranges (`sqls`), `condition` the same as an expression."""
        candidates = self.capped(sqls, want)
        if candidates is None:
            return self.walk(fields, True, condition, want, seen)
        return self.ranked(candidates - seen, want)

    def substring(self, fields: tuple[int, ...], condition: str, want: int, seen: set[int]) -> list[int]:
        candidates = None if self.text is None else self.text.holding(fields, self.q, _cap(want))
        if candidates is None:
            return self.walk(fields, False, condition, want, seen)
        return self.ranked(candidates - seen, want)


def search_ids(db: sqlite_utils.Database, query: str, limit: int = 50, text: TextIndex | None = None) -> list[int]:
    """Ids of the best `limit` matches, best first; an empty query lists the most used phrases. `text`:
    the in-memory substring index (the picker keeps one), without it the substring tiers scan."""
    q = query_key(query)
    if not q:
        return [row[0] for row in db.execute(f"SELECT id FROM phrases ORDER BY {_POPULARITY} LIMIT ?", [limit])]
    search = _Search(db, q, text)
    code_range = "SELECT id FROM phrases WHERE code >= :q AND code < :hi AND code != ''"
    ranges = [f"SELECT id FROM phrases WHERE {c} >= :q AND {c} < :hi AND {c} != ''" for c in _NAMES]
    tiers: tuple[Callable[[int, set[int]], list[int]], ...] = (
        lambda want, seen: search.ranked(
            set(search.ids("SELECT id FROM phrases WHERE code = :q AND code != ''")), want
        ),
        lambda want, seen: search.prefix([code_range], (), "substr(code, 1, :n) = :q", want, seen),
        lambda want, seen: search.prefix(ranges, NAME_FIELDS, _NAME_PREFIX, want, seen),
        lambda want, seen: search.substring(NAME_FIELDS, _NAME_SUBSTRING, want, seen),
        lambda want, seen: search.substring(TEXT_FIELDS, "instr(search_text, :q)", want, seen),
    )
    found: list[int] = []
    seen: set[int] = set()
    for tier in tiers:
        if len(found) >= limit:
            break
        ids = tier(limit - len(found), seen)
        found.extend(ids)
        seen.update(ids)
    return found
