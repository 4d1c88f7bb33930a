"""The opened database with its repositories: what app.py and the CLI hand to services."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop_assistant.domain.messages import UserError
from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.database import CorruptDatabaseError, connect, restrict_permissions
from desktop_assistant.storage.migrations import migrate
from desktop_assistant.storage.phrase_import import install_default_library
from desktop_assistant.storage.buyer_store import BuyerStore
from desktop_assistant.storage.checklist_store import ChecklistStore
from desktop_assistant.storage.conversation_store import ConversationStore
from desktop_assistant.storage.note_store import NoteStore
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.storage.promise_store import PromiseStore
from desktop_assistant.storage.settings_store import AppStateStore, SettingsStore

log = logging.getLogger(__name__)


@dataclass
class Store:
    db: sqlite_utils.Database
    paths: Paths
    settings: SettingsStore
    state: AppStateStore
    phrases: PhraseStore
    notes: NoteStore
    promises: PromiseStore
    buyers: BuyerStore
    checks: ChecklistStore
    conversations: ConversationStore
    pre_migration_copy: Path | None = None

    def daily_backup(self, today: dt.date) -> Path | None:
        return maintenance.daily_backup(self.db, self.paths.backup_dir, today, self.settings.get("backup.keep"))

    def purge_personal_data(self, now: dt.datetime) -> int:
        """Receiver names and addresses older than `privacy.retention_days` (0 keeps them); how many went."""
        days = self.settings.get("privacy.retention_days")
        return self.buyers.purge_receivers(now - dt.timedelta(days=days)) if days else 0

    def close(self) -> None:
        self.db.close()


def open_store(paths: Paths, now: dt.datetime) -> Store:
    """Open (creating if needed) and migrate the database. Raises CorruptDatabaseError."""
    paths.ensure()
    db = connect(paths.db_path)
    try:
        copy = migrate(db, paths.db_path, paths.backup_dir, now=lambda: now)
        settings = SettingsStore(db)
        settings.add_missing_defaults()
    except sqlite3.DatabaseError as exc:
        db.close()
        if isinstance(exc, sqlite3.OperationalError):
            raise  # locked, read-only, disk full: not damage
        raise CorruptDatabaseError(paths.db_path, str(exc)) from None
    except Exception:
        db.close()
        raise
    for suffix in ("-wal", "-shm"):
        restrict_permissions(Path(str(paths.db_path) + suffix))
    if copy:
        log.info("migrated %s; copy of the previous version at %s", paths.db_path, copy)
    store = Store(db, paths, settings, AppStateStore(db), PhraseStore(db), NoteStore(db), PromiseStore(db),
                  BuyerStore(db), ChecklistStore(db), ConversationStore(db), copy)
    _install_default_phrases(store, now)
    return store


def _install_default_phrases(store: Store, now: dt.datetime) -> None:
    """First run: the default phrase library, once (storage.phrase_import). A failure costs only the defaults."""
    try:
        install_default_library(store.db, store.phrases, store.state, now)
    except (OSError, UserError, sqlite3.Error):
        # A broken resource or a busy database must not keep the agent out of the panel; the
        # install is one transaction, so nothing was written and the next start tries again.
        log.exception("could not install the default phrase library")
