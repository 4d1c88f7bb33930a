"""The persisted phrase search index: folded name and text stored with each phrase (beside the pinyin),
and the search itself in SQL for callers that ask once (`phrases search`).

The ranking is domain/search.py's, tier by tier: exact code, code prefix, name/initials/full-pinyin prefix,
the same as substrings, then the text; within a tier the most used, then the most recent, then the oldest
id. The picker keeps the in-memory PhraseSearchIndex (loaded from these columns) for per-keystroke speed;
tests hold both to a plain scan.
"""

from __future__ import annotations

import sqlite_utils

from desktop_assistant.domain.pinyin import fold
from desktop_assistant.domain.search import query_key

NAME_CHARS = 40  # how much of an untitled body is read as its name


def name_of(title: str, body: str) -> str:
    return title or " ".join(body.split())[:NAME_CHARS]


def search_columns(title: str, body: str) -> tuple[str, str]:
    """(search_name, search_text) as stored: folded as the search compares them."""
    return fold(name_of(title, body)), fold(body)


_POPULARITY = "use_count DESC, last_used DESC, id"
_TIER = """CASE
    WHEN code = :q THEN 0
    WHEN substr(code, 1, :n) = :q THEN 1
    WHEN substr(search_name, 1, :n) = :q OR substr(name_initials, 1, :n) = :q
         OR substr(name_full, 1, :n) = :q THEN 2
    WHEN instr(search_name, :q) OR instr(name_initials, :q) OR instr(name_full, :q) THEN 3
    WHEN instr(search_text, :q) THEN 4
END"""


def search_ids(db: sqlite_utils.Database, query: str, limit: int = 50) -> list[int]:
    """Ids of the best `limit` matches, best first; an empty query lists the most used phrases."""
    q = query_key(query)
    if not q:
        return [row[0] for row in db.execute(f"SELECT id FROM phrases ORDER BY {_POPULARITY} LIMIT ?", [limit])]
    rows = db.execute(
        f"SELECT id FROM (SELECT id, use_count, last_used, {_TIER} AS tier FROM phrases) "
        f"WHERE tier IS NOT NULL ORDER BY tier, {_POPULARITY} LIMIT :limit",
        {"q": q, "n": len(q), "limit": limit},
    )
    return [row[0] for row in rows]
