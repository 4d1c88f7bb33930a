"""A big insert builds the plain indexes after its rows (storage/bulk.py): same schema, same answers."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.storage import bulk
from desktop_assistant.storage.bulk import plain_indexes_built_after, worth_it
from desktop_assistant.storage.store import Store

NOW = dt.datetime(2026, 11, 11, 9, 30)


def _indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'phrases' ORDER BY name"
    ).fetchall()


def _rows(count: int) -> list[Phrase]:
    return [
        Phrase(text=f"第{n}条回复", group="批量甲" if n % 3 else "批量乙", title=f"重庆{n}号", code=f"k{n}")
        for n in range(count)
    ]


def test_the_threshold_needs_a_big_batch_that_outnumbers_the_table() -> None:
    assert worth_it(bulk.BULK_ROWS, 70)
    assert not worth_it(bulk.BULK_ROWS - 1, 0)
    assert not worth_it(bulk.BULK_ROWS, bulk.BULK_ROWS)


def test_a_bulk_insert_leaves_the_schema_and_the_indexes_as_they_were(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "BULK_ROWS", 50)  # the same path as 5,000 rows, with fewer rows to write
    conn = store.db.conn
    before, cache = _indexes(conn), conn.execute("PRAGMA cache_size").fetchone()
    dropped: list[str] = []
    conn.set_trace_callback(lambda sql: dropped.append(sql) if sql.startswith("DROP INDEX") else None)
    ids = store.phrases.insert_many(_rows(400), NOW)
    conn.set_trace_callback(None)
    assert len(dropped) == len([sql for _, sql in before if sql and not sql.startswith("CREATE UNIQUE")]) > 0
    assert _indexes(conn) == before and conn.execute("PRAGMA cache_size").fetchone() == cache
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]  # every index entry matches its row
    assert store.phrases.search_ids("chongqing17hao", limit=1) == [ids[17]]
    assert [p.title for p in store.phrases.page("批量乙", 0, 3)] == ["重庆0号", "重庆3号", "重庆6号"]


def test_a_small_insert_never_drops_an_index(store: Store) -> None:
    conn = store.db.conn
    dropped: list[str] = []
    conn.set_trace_callback(lambda sql: dropped.append(sql) if sql.startswith("DROP INDEX") else None)
    store.phrases.insert_many(_rows(40), NOW)
    conn.set_trace_callback(None)
    assert dropped == []


def test_a_failure_in_the_middle_brings_the_indexes_back_with_the_rollback(store: Store) -> None:
    conn, db = store.db.conn, store.db
    before, count = _indexes(conn), store.phrases.count()
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        with plain_indexes_built_after(conn, "phrases"):
            assert len(_indexes(conn)) < len(before)
            conn.execute(
                "INSERT INTO phrases (group_id, body, position, created_at, updated_at) VALUES (-1, 'x', 0, '', '')"
            )
    assert _indexes(conn) == before and store.phrases.count() == count
