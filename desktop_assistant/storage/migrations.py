"""Versioned schema migrations (sqlite-utils Migrations), with a file copy taken before migrating.

The schema version is the number of applied migrations; it is also mirrored in PRAGMA user_version
so that other tools (sqlite3 CLI, DB Browser) can see it. Migrations are append-only: never edit
one that has shipped, add a new one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.storage.backup import backup_database, unused_name
from desktop_assistant.storage.database import foreign_tables
from desktop_assistant.storage.errors import Fragment, NewerSchemaError, NotOurDatabaseError
from desktop_assistant.storage.sqlite_lib import Migrations, sqlite_utils

__all__ = ["CURRENT_VERSION", "MIGRATION_NAMES", "NewerSchemaError", "migrate", "migrations", "schema_version"]

MSG_NEWER_USER_VERSION = QT_TRANSLATE_NOOP("Storage", "user_version {found} > {current}")
MSG_UNKNOWN_MIGRATION = QT_TRANSLATE_NOOP("Storage", "迁移 {name}")

MIGRATION_SET = "desktop_assistant"
migrations = Migrations(MIGRATION_SET)
MIGRATION_NAMES: list[str] = []


def step(func: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    MIGRATION_NAMES.append(func.__name__)
    return migrations()(func)


def _refuse_changes(db: sqlite_utils.Database, table: str, what: str) -> None:
    """`table` append-only in the database itself: UPDATE and DELETE abort, whoever sends them.
    (The SQL is exactly what m003 wrote before this helper existed; applied databases are unchanged.)"""
    for event in ("UPDATE", "DELETE"):
        db.execute(f"""
            CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
            BEGIN SELECT RAISE(ABORT, '{what} are append-only'); END""")


@step
def m001_settings_and_state(db: sqlite_utils.Database) -> None:
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})
    # UI state that is not a user preference (window geometry, last backup day, ...).
    db.table("app_state").create({"key": str, "value": str}, pk="key", not_null={"value"})


@step
def m002_phrases(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE phrase_groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL
        )""")
    db.execute("""
        CREATE TABLE phrases (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES phrase_groups(id) ON DELETE RESTRICT,
            title TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            hotkey TEXT NOT NULL DEFAULT '',
            use_count INTEGER NOT NULL DEFAULT 0,
            last_used TEXT,
            position INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            -- pinyin of the title (or the start of the body): pypinyin is too slow to run at start-up
            name_full TEXT NOT NULL DEFAULT '',
            name_initials TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX phrases_by_group ON phrases (group_id, position)")
    db.execute("CREATE UNIQUE INDEX phrases_by_code ON phrases (code) WHERE code != ''")
    db.execute("CREATE UNIQUE INDEX phrases_by_hotkey ON phrases (hotkey) WHERE hotkey != ''")


@step
def m003_notes_and_promises(db: sqlite_utils.Database) -> None:
    # Every version of every note: append-only, enforced by the database itself.
    db.execute("""
        CREATE TABLE order_notes (
            id INTEGER PRIMARY KEY,
            order_id TEXT NOT NULL,
            flag INTEGER NOT NULL CHECK (flag BETWEEN 0 AND 5),
            text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) <= 1000),
            reason TEXT NOT NULL DEFAULT '',
            agent_id TEXT NOT NULL CHECK (agent_id != ''),
            buyer TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX order_notes_by_order ON order_notes (order_id, id)")
    _refuse_changes(db, "order_notes", "order notes")
    # The newest version per order, kept by a trigger so lists and filters never scan the history.
    db.execute("""
        CREATE TABLE order_current (
            order_id TEXT PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES order_notes(id),
            flag INTEGER NOT NULL,
            buyer TEXT NOT NULL,
            versions INTEGER NOT NULL
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX order_current_by_buyer ON order_current (buyer, note_id)")
    db.execute("CREATE INDEX order_current_by_flag ON order_current (flag, note_id)")
    db.execute("CREATE INDEX order_current_by_note ON order_current (note_id)")
    db.execute("""
        CREATE TRIGGER order_notes_current AFTER INSERT ON order_notes
        BEGIN
            INSERT INTO order_current (order_id, note_id, flag, buyer, versions)
            VALUES (new.order_id, new.id, new.flag, new.buyer, 1)
            ON CONFLICT (order_id) DO UPDATE SET
                note_id = new.id, flag = new.flag, buyer = new.buyer, versions = versions + 1;
        END""")
    # Text search: Chinese split into bigrams by domain.notes.index_terms (FTS5 does not split it).
    # prefix='1': a one-character query is a prefix query; without this index FTS5 merges every term
    # that starts with it before it can stop at the newest 200 (100 ms at a million versions).
    db.execute("CREATE VIRTUAL TABLE order_note_terms USING fts5 (terms, content='', tokenize='unicode61', prefix='1')")
    db.execute("""
        CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            due TEXT NOT NULL,
            order_id TEXT NOT NULL DEFAULT '',
            buyer TEXT NOT NULL DEFAULT '',
            agent_id TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            done_at TEXT,
            done_by TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX promises_open ON promises (due) WHERE done_at IS NULL")
    db.execute("CREATE INDEX promises_by_order ON promises (order_id)")
    db.execute("""
        CREATE TABLE unpaid_orders (
            id INTEGER PRIMARY KEY,
            order_id TEXT NOT NULL,
            buyer TEXT NOT NULL DEFAULT '',
            placed_at TEXT NOT NULL,
            agent_id TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            outcome TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE UNIQUE INDEX unpaid_open_by_order ON unpaid_orders (order_id) WHERE closed_at IS NULL")
    # Reminders already given (promises and 催付), so a restart does not repeat them.
    db.execute("""
        CREATE TABLE reminders_given (
            subject TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (subject, subject_id, kind)
        ) WITHOUT ROWID""")


@step
def m004_buyer_profiles(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE buyer_profiles (
            nick TEXT PRIMARY KEY,
            platform TEXT NOT NULL DEFAULT '',
            credit INTEGER,
            positive_rate REAL,
            registered_on TEXT,
            account_age_days INTEGER,
            as_of TEXT,
            orders_count INTEGER,
            refund_count INTEGER,
            orders_last_7d INTEGER,
            bad_reviews_given INTEGER,
            off_platform_contact INTEGER NOT NULL DEFAULT 0,
            no_bargain_many_items INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE buyer_receivers (
            nick TEXT NOT NULL,
            name TEXT NOT NULL,
            address TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (nick, name, address)
        ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE buyer_tags (
            nick TEXT NOT NULL,
            category TEXT NOT NULL,
            tag TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (nick, category, tag)
        ) WITHOUT ROWID""")
    # The shop's list: the current status per buyer, and every change (append-only) with who and when.
    db.execute("""
        CREATE TABLE buyer_lists (
            nick TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('black', 'white')),
            reason TEXT NOT NULL DEFAULT '',
            added_by TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL
        ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE buyer_list_events (
            id INTEGER PRIMARY KEY,
            nick TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('black', 'white', 'none')),
            reason TEXT NOT NULL DEFAULT '',
            by TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX buyer_list_events_by_nick ON buyer_list_events (nick, id)")
    db.execute("""
        CREATE TABLE buyer_screenings (
            id INTEGER PRIMARY KEY,
            nick TEXT NOT NULL,
            at TEXT NOT NULL,
            score INTEGER NOT NULL,
            level TEXT NOT NULL,
            reasons TEXT NOT NULL,
            by TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX buyer_screenings_by_nick ON buyer_screenings (nick, id)")


@step
def m005_order_checks(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE checklist_templates (
            name TEXT PRIMARY KEY,
            items TEXT NOT NULL,
            message TEXT NOT NULL,
            position INTEGER NOT NULL
        ) WITHOUT ROWID""")
    # One row per order, saved as the agent works and resumed later; `complete` lists the unfinished.
    db.execute("""
        CREATE TABLE order_checks (
            order_id TEXT PRIMARY KEY,
            template TEXT NOT NULL,
            buyer TEXT NOT NULL DEFAULT '',
            cod INTEGER NOT NULL DEFAULT 0,
            address TEXT NOT NULL DEFAULT '{}',
            ticks TEXT NOT NULL DEFAULT '{}',
            item_values TEXT NOT NULL DEFAULT '{}',
            complete INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX order_checks_open ON order_checks (updated_at) WHERE complete = 0")


@step
def m006_conversations(db: sqlite_utils.Database) -> None:
    # Every conversation event, append-only in the database itself: the KPIs can always be recomputed.
    db.execute("""
        CREATE TABLE conversation_events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            buyer TEXT NOT NULL CHECK (length(buyer) BETWEEN 1 AND 64),
            kind TEXT NOT NULL CHECK (kind IN ('opened', 'buyer_wrote', 'replied', 'closed')),
            platform TEXT NOT NULL DEFAULT '',
            agent_id TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX conversation_events_by_time ON conversation_events (at, id)")
    _refuse_changes(db, "conversation_events", "conversation events")
    # 待答问题: a question to check and answer within minutes; answered ones stay for the record.
    db.execute("""
        CREATE TABLE pending_questions (
            id INTEGER PRIMARY KEY,
            buyer TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
            asked_at TEXT NOT NULL,
            due TEXT NOT NULL,
            agent_id TEXT NOT NULL DEFAULT '',
            answered_at TEXT,
            answer TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("CREATE INDEX pending_questions_open ON pending_questions (due) WHERE answered_at IS NULL")


@step
def m007_phrase_samples(db: sqlite_utils.Database) -> None:
    # sample = 1: a default phrase the agent never edited, used or moved; an import replaces it whatever
    # the conflict policy. On an existing install, the defaults are the phrases written by the
    # first-run install (one transaction, one timestamp) and never changed or used since.
    db.execute("ALTER TABLE phrases ADD COLUMN sample INTEGER NOT NULL DEFAULT 0")
    row = db.execute("SELECT value FROM app_state WHERE key = 'phrases.defaults_installed'").fetchone()
    try:
        installed = json.loads(row[0]) if row else None
    except ValueError:
        installed = None
    if not isinstance(installed, dict) or not installed.get("installed") or not isinstance(installed.get("at"), str):
        return
    db.execute(
        """
        UPDATE phrases SET sample = 1
        WHERE use_count = 0 AND last_used IS NULL AND created_at = ? AND updated_at = created_at""",
        [installed["at"]],
    )


@step
def m008_retention_masking(db: sqlite_utils.Database) -> None:
    # Retention (issue 15): old notes keep their row, with phones masked in place. The update trigger now
    # lets exactly that through: every column unchanged except text and reason, and those only masked
    # (da_is_masking, registered by storage.database.connect: any other tool has no such function, so
    # its updates still fail). DELETE stays refused.
    db.execute("DROP TRIGGER order_notes_no_update")
    db.execute("""
        CREATE TRIGGER order_notes_no_update BEFORE UPDATE ON order_notes
        WHEN NOT (new.id IS old.id AND new.order_id IS old.order_id AND new.flag IS old.flag
                  AND new.agent_id IS old.agent_id AND new.buyer IS old.buyer AND new.at IS old.at
                  AND da_is_masking(old.text, new.text) AND da_is_masking(old.reason, new.reason))
        BEGIN SELECT RAISE(ABORT, 'order notes are append-only (only masking personal data is allowed)'); END""")


@step
def m009_phrase_search_index(db: sqlite_utils.Database) -> None:
    """The search index lives with the phrases (issue 17): the folded name and text next to the pinyin m002
    stored, so neither the picker nor `phrases search` folds or reads pinyin of 50,000 phrases at start."""
    from desktop_assistant.storage.phrase_search import search_columns  # the one place that computes them

    db.execute("ALTER TABLE phrases ADD COLUMN search_name TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE phrases ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, title, body FROM phrases").fetchall()
    db.conn.executemany(
        "UPDATE phrases SET search_name = ?, search_text = ? WHERE id = ?",
        [(*search_columns(title, body), pid) for pid, title, body in rows],
    )
    # The empty query (the most used phrases) reads this index, not the table.
    db.execute("CREATE INDEX phrases_by_popularity ON phrases (use_count DESC, last_used DESC, id)")


@step
def m010_phrase_search_indexes(db: sqlite_utils.Database) -> None:
    """The search asks SQLite for its prefix tiers and its order (issue 17: the in-memory index cost
    ~58 MB at 50,000 phrases): a range of each prefix column, and use count and recency by id (the
    candidates of a tier are ranked from this narrow index, not from the wide rows)."""
    for column in ("search_name", "name_initials", "name_full"):
        db.execute(f"CREATE INDEX phrases_by_{column} ON phrases ({column}) WHERE {column} != ''")
    db.execute("CREATE INDEX phrases_popularity_by_id ON phrases (id, use_count, last_used)")


CURRENT_VERSION = len(MIGRATION_NAMES)


def schema_version(db: sqlite_utils.Database) -> int:
    return len(migrations.applied(db))


def newer_schema_reason(db: sqlite_utils.Database) -> Fragment | None:
    """Why the file is from a newer release (None when it is not): read only, nothing written."""
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    if user_version > CURRENT_VERSION:
        return Fragment(MSG_NEWER_USER_VERSION, found=user_version, current=CURRENT_VERSION)
    if not db["_sqlite_migrations"].exists():
        return None
    unknown = [m.name for m in migrations.applied(db) if m.name not in MIGRATION_NAMES]
    return Fragment(MSG_UNKNOWN_MIGRATION, name=unknown[-1]) if unknown else None


def migrate(
    db: sqlite_utils.Database,
    db_path: Path,
    backup_dir: Path,
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> Path | None:
    """Apply pending migrations; return the pre-migration copy if one was taken.

    A file written by a newer release (a migration we do not know, or a higher PRAGMA user_version)
    raises NewerSchemaError before anything is written to it.
    """
    newer = newer_schema_reason(db)
    if newer is not None:
        raise NewerSchemaError(db_path, newer)
    applied = [m.name for m in migrations.applied(db)]
    foreign = foreign_tables(db.conn)
    if foreign:
        raise NotOurDatabaseError(db_path, ", ".join(foreign[:3]))
    pending = migrations.pending(db)
    if not pending:
        return None
    copy = None
    if applied:  # a brand-new file has nothing to protect
        stamp = now().strftime("%Y%m%d-%H%M%S")
        copy = unused_name(backup_dir, f"pre-migrate-v{len(applied)}-{stamp}")
        backup_database(db, copy)
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
    return copy
