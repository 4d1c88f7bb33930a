"""Databases for benchmarks/scale.py: N phrases, and optionally a big shop's year of data.

Rows go in with executemany straight into the storage layer's tables (the migrations made them through
open_store), the way the stores write them: phrases with the pinyin the app stores, buyer profiles,
order-note versions through benchmarks/notes.py's generator (the very SQL NoteStore.append runs), and
conversation events. A built database is cached under /tmp per DATA_VERSION and schema version.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import COMMON  # noqa: E402  (benchmarks/search.py: the same text the search benchmark uses)

from desktop_assistant.domain.pinyin import reading  # noqa: E402
from desktop_assistant.paths import resolve_paths  # noqa: E402
from desktop_assistant.storage.migrations import CURRENT_VERSION, MIGRATION_NAMES  # noqa: E402
from desktop_assistant.storage.phrase_search import search_columns  # noqa: E402
from desktop_assistant.storage.store import open_store  # noqa: E402

NOW = dt.datetime(2026, 11, 30, 9, 0)
CACHE = Path("/tmp/desktop_assistant-scale")
GROUPS = ["售前", "售后", "物流", "活动", "催付", "退换", "尺码", "质量", "发票", "评价", "包装", "赠品"]
KINDS = ("opened", "buyer_wrote", "replied", "replied", "buyer_wrote", "closed")


DATA_VERSION = 1  # bump when the generated rows change


def _name(phrases: int, big: bool, schema: int) -> str:
    return f"d{DATA_VERSION}-v{schema}-{phrases}-{'big' if big else 'small'}"


def phrase_rows(count: int, seed: int = 11) -> list[tuple]:
    """(group_id, title, code, body, hotkey, use_count, last_used, position, created, updated, full, initials,
    search_name, search_text)."""
    rng = random.Random(seed)
    rows, positions = [], [0] * len(GROUPS)
    stamp = NOW.isoformat(timespec="seconds")
    for pid in range(count):
        group = pid % len(GROUPS)
        title = "".join(rng.choice(COMMON) for _ in range(rng.randint(4, 10)))
        body = "".join(rng.choice(COMMON) for _ in range(rng.randint(20, 80)))
        if pid % 7 == 0:
            body += f" {rng.randint(1, 48)}小时内发货 SF"
        read = reading(title)
        hotkey = f"ctrl+alt+{pid}" if pid < 9 else ""  # a few phrases carry a hotkey, as in a shop
        used = (NOW - dt.timedelta(minutes=rng.randrange(500_000))).isoformat(timespec="seconds")
        rows.append(
            (
                group + 1,
                title,
                f"c{pid}",
                body,
                hotkey,
                rng.randint(0, 200),
                used,
                positions[group],
                stamp,
                stamp,
                read.full,
                read.initials,
                *search_columns(title, body),
            )
        )
        positions[group] += 1
    return rows


def _fill_phrases(conn, count: int) -> None:
    conn.execute("DELETE FROM phrases")
    conn.execute("DELETE FROM phrase_groups")
    conn.executemany(
        "INSERT INTO phrase_groups (id, name, position) VALUES (?, ?, ?)",
        [(n + 1, name, n) for n, name in enumerate(GROUPS)],
    )
    conn.executemany(
        "INSERT INTO phrases (group_id, title, code, body, hotkey, use_count, last_used, position, created_at, "
        "updated_at, name_full, name_initials, search_name, search_text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        phrase_rows(count),
    )


def _fill_buyers(conn, count: int, rng: random.Random) -> None:
    stamp = NOW.isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO buyer_profiles (nick, platform, credit, positive_rate, orders_count, refund_count, notes, "
        "updated_at, updated_by) VALUES (?, '淘宝', ?, ?, ?, ?, '', ?, 'kf01')",
        (
            (
                f"买家{n:06d}",
                rng.randint(0, 5000),
                round(rng.uniform(0.9, 1.0), 3),
                rng.randint(0, 300),
                rng.randint(0, 20),
                stamp,
            )
            for n in range(count)
        ),
    )


def _fill_events(conn, count: int, rng: random.Random) -> None:
    """`count` events over the year before NOW, in time order, conversations of 6 events."""
    start = NOW - dt.timedelta(days=365)
    step = 365 * 86400 / count

    def rows():
        for n in range(count):
            at = start + dt.timedelta(seconds=n * step)
            yield (
                at.isoformat(sep=" ", timespec="milliseconds"),
                f"买家{(n // 6) % 100_000:06d}",
                KINDS[n % 6],
                "淘宝",
                "kf01",
                "ui_tree",
            )

    conn.executemany(
        "INSERT INTO conversation_events (at, buyer, kind, platform, agent_id, source) VALUES (?, ?, ?, ?, ?, ?)",
        rows(),
    )


def build(basedir: Path, phrases: int, big: bool) -> dict:
    """A fresh database under `basedir`; seconds each part took."""
    paths = resolve_paths(str(basedir))
    store = open_store(paths, NOW)
    conn = store.db.conn
    took = {}
    try:
        started = time.perf_counter()
        conn.execute("BEGIN")
        _fill_phrases(conn, phrases)
        conn.execute("COMMIT")
        took["phrases_s"] = round(time.perf_counter() - started, 1)
        if big:
            rng = random.Random(5)
            started = time.perf_counter()
            conn.execute("BEGIN")
            _fill_buyers(conn, 100_000, rng)
            _fill_events(conn, 3_000_000, rng)
            conn.execute("COMMIT")
            took["buyers_events_s"] = round(time.perf_counter() - started, 1)
            import notes  # benchmarks/notes.py

            started = time.perf_counter()
            notes.build(store, 1_000_000, 5, 7)
            took["notes_s"] = round(time.perf_counter() - started, 1)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return took


def _known_migrations(path: Path) -> bool:
    """Whether a cached file's migrations are all this release's (a cache made by a branch whose
    migration names differ would be refused as a newer schema)."""
    import sqlite3

    conn = sqlite3.connect(path / "desktop_assistant.sqlite3")
    try:
        names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    return names == MIGRATION_NAMES[: len(names)]


def cached(phrases: int, big: bool, fresh_to: Path) -> Path:
    """A copy of the cached database for (phrases, big) in `fresh_to` (a --basedir); built once per schema
    version: a cache of an older schema is copied and migrated, as an upgrade would, not generated again."""
    source = CACHE / _name(phrases, big, CURRENT_VERSION)
    if not (source / "done").exists():
        shutil.rmtree(source, ignore_errors=True)
        older = [CACHE / _name(phrases, big, v) for v in range(CURRENT_VERSION - 1, 0, -1)]
        older = [path for path in older if (path / "done").exists() and _known_migrations(path)]
        started = time.perf_counter()
        if older:
            shutil.copytree(older[0], source, ignore=shutil.ignore_patterns("done", "logs", "backups"))
            open_store(resolve_paths(str(source)), NOW).close()
            took = {"migrated_from": older[0].name, "s": round(time.perf_counter() - started, 1)}
        else:
            source.mkdir(parents=True)
            took = build(source, phrases, big)
        shutil.rmtree(source / "backups", ignore_errors=True)  # the pre-migration copy: not part of the data
        (source / "done").write_text(repr(took))
        print(f"built {source.name}: {took}", file=sys.stderr)
    shutil.rmtree(fresh_to, ignore_errors=True)
    shutil.copytree(source, fresh_to, ignore=shutil.ignore_patterns("done", "logs"))
    return fresh_to
