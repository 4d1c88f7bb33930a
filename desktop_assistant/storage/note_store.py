"""Order notes: every version appended (the database refuses updates and deletes), the newest one
mirrored in order_current by a trigger, Chinese text searchable through an FTS5 bigram index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from desktop_assistant.domain.nicks import normal_nick
from desktop_assistant.domain.notes import (
    NoteChange,
    NoteVersion,
    OrderNote,
    contains,
    index_terms,
    match_expression,
)
from desktop_assistant.storage.rows import inserted_id
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp

_NOTE_COLUMNS = "n.id, n.order_id, n.flag, n.text, n.reason, n.agent_id, n.buyer, n.at"
SEARCH_LIMIT = 200
# Candidates read from the text index per batch, and how many batches at most: a colour filter or
# false candidates may need more than one; the bound keeps a rare combination from scanning everything.
_CANDIDATES = 2000
_MAX_BATCHES = 10


def _version(row: tuple[Any, ...]) -> NoteVersion:
    nid, order_id, flag, text, reason, agent_id, buyer, at = row
    return NoteVersion(nid, order_id, flag, text, reason, agent_id, buyer, dt.datetime.fromisoformat(at))


class NoteStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def append(self, change: NoteChange, at: dt.datetime) -> NoteVersion:
        """One transaction: the version, its search terms and (by trigger) the order's current row."""
        stamp_text = stamp(at)
        with self._db.atomic():
            cursor = self._db.execute(
                "INSERT INTO order_notes (order_id, flag, text, reason, agent_id, buyer, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [change.order_id, change.flag, change.text, change.reason, change.agent_id, change.buyer, stamp_text],
            )
            note_id = inserted_id(cursor)
            terms = index_terms(" ".join((change.text, change.reason)))
            if terms:
                self._db.execute("INSERT INTO order_note_terms (rowid, terms) VALUES (?, ?)", [note_id, terms])
        return NoteVersion(
            note_id,
            change.order_id,
            change.flag,
            change.text,
            change.reason,
            change.agent_id,
            change.buyer,
            dt.datetime.fromisoformat(stamp_text),
        )

    def current(self, order_id: str) -> NoteVersion | None:
        row = self._db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM order_current c JOIN order_notes n ON n.id = c.note_id WHERE c.order_id = ?",
            [order_id],
        ).fetchone()
        return _version(row) if row else None

    def history(self, order_id: str) -> list[NoteVersion]:
        """Oldest first."""
        rows = self._db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM order_notes n WHERE n.order_id = ? ORDER BY n.id", [order_id]
        )
        return [_version(row) for row in rows]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM order_notes").fetchone()[0])

    def recent(self, limit: int = SEARCH_LIMIT, flag: int | None = None) -> list[OrderNote]:
        where, params = ("WHERE c.flag = ?", [flag]) if flag is not None else ("", [])
        return self._orders(f"{where} ORDER BY c.note_id DESC LIMIT ?", [*params, limit])

    def search(self, query: str, flag: int | None = None, limit: int = SEARCH_LIMIT) -> list[OrderNote]:
        """Orders whose id starts with `query`, whose buyer is `query`, or any of whose versions
        contains it (newest activity first). `flag` filters on the current colour."""
        query = query.strip()
        if not query:
            return self.recent(limit, flag)
        # `+c.flag`: the flag index would make SQLite scan every order of that colour instead of
        # using the order-id or buyer index (there are no planner statistics to tell it otherwise).
        flag_sql, flag_params = (" AND +c.flag = ?", [flag]) if flag is not None else ("", [])
        found: dict[str, OrderNote] = {}
        # Order ids are ASCII: a range on the primary key is a prefix search that uses the index.
        for note in self._orders(
            f"WHERE c.order_id >= ? AND c.order_id < ?{flag_sql} ORDER BY c.order_id LIMIT ?",
            [query, query + "\uffff", *flag_params, limit],
        ):
            found.setdefault(note.current.order_id, note)
        for note in self._orders(
            f"WHERE c.buyer = ?{flag_sql} ORDER BY c.note_id DESC LIMIT ?", [normal_nick(query), *flag_params, limit]
        ):
            found.setdefault(note.current.order_id, note)
        if len(found) < limit:
            for note in self._orders_with_text(query, flag_sql, flag_params, limit - len(found), set(found)):
                found[note.current.order_id] = note
        return list(found.values())[:limit]

    def _orders_with_text(
        self, query: str, flag_sql: str, flag_params: Sequence[object], wanted: int, skip: set[str]
    ) -> Iterator[OrderNote]:
        """Orders with a version containing `query`, newest first: candidates from the term index in
        batches (confirmed by a substring test, filtered by colour) until enough are found."""
        expression = match_expression(query)
        if expression is None:
            return
        below = None
        for _batch in range(_MAX_BATCHES):
            rowids = [
                row[0]
                for row in self._db.execute(
                    "SELECT rowid FROM order_note_terms WHERE order_note_terms MATCH ?"
                    + (" AND rowid < ?" if below is not None else "")
                    + " ORDER BY rowid DESC LIMIT ?",
                    [expression, *([below] if below is not None else []), _CANDIDATES],
                )
            ]
            if not rowids:
                return
            below = rowids[-1]
            marks = ",".join("?" * len(rowids))
            rows = self._db.execute(
                f"SELECT n.order_id, n.text, n.reason FROM order_notes n "
                f"JOIN order_current c ON c.order_id = n.order_id WHERE n.id IN ({marks}){flag_sql} ORDER BY n.id DESC",
                [*rowids, *flag_params],
            )
            matched = [
                oid
                for oid, text, reason in rows
                if oid not in skip and (contains(text, query) or contains(reason, query))
            ]
            fresh = list(dict.fromkeys(matched))[:wanted]
            if fresh:
                marks = ",".join("?" * len(fresh))
                loaded = {n.current.order_id: n for n in self._orders(f"WHERE c.order_id IN ({marks})", fresh)}
                for oid in fresh:
                    skip.add(oid)
                    wanted -= 1
                    yield loaded[oid]
            if wanted <= 0 or len(rowids) < _CANDIDATES:
                return

    def _orders(self, where: str, params: list[object]) -> list[OrderNote]:
        rows = self._db.execute(
            f"SELECT {_NOTE_COLUMNS}, c.versions FROM order_current c JOIN order_notes n ON n.id = c.note_id {where}",
            params,
        )
        return [OrderNote(_version(row[:-1]), row[-1]) for row in rows]

    def export_rows(self) -> Iterator[NoteVersion]:
        """Every version, grouped by order, oldest first: what `notes export` writes."""
        rows = self._db.execute(f"SELECT {_NOTE_COLUMNS} FROM order_notes n ORDER BY n.order_id, n.id")
        return (_version(row) for row in rows)
