"""Writing many rows at once: an import of 50,000 phrases (docs/benchmarks.md, "Import")."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

BULK_ROWS = 5_000  # from this many new rows on, and more than the table holds, build the plain indexes after
BULK_CACHE_KIB = 65_536  # page cache while the rows go in; the connection's own size comes back after


def worth_it(new_rows: int, stored_rows: int) -> bool:
    """Rebuilding an index sorts every row of the table, so it pays only when most of them are new."""
    return new_rows >= BULK_ROWS and new_rows > stored_rows


@contextlib.contextmanager
def plain_indexes_built_after(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """Inside the caller's transaction or savepoint: drop `table`'s plain (not UNIQUE) indexes, let the rows
    go in, then create the indexes again from their stored SQL. SQLite then sorts each index once instead of
    updating it row by row. UNIQUE indexes stay, so the rows are still refused as they come. On an error
    the indexes are not made here: the caller's rollback brings the dropped ones back with the rows."""
    plain = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
        "AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name",
        (table,),
    ).fetchall()
    (cache,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        for name, _sql in plain:
            conn.execute(f'DROP INDEX "{name}"')
        yield
        for _name, sql in plain:
            conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
