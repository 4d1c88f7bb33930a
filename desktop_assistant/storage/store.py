"""The opened database with its repositories: what app.py and the CLI hand to services."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_assistant.domain.messages import UserError
from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.database import (
    START_CHECK_SECONDS,
    connect,
    connect_read_only,
    restrict_permissions,
    storage_error,
    verify,
)
from desktop_assistant.storage.errors import (
    MSG_EMPTY,
    MSG_GONE,
    Fragment,
    MissingDatabaseError,
    ReadOnlyError,
    StorageError,
)
from desktop_assistant.storage.migrations import migrate, migrations, newer_schema_reason
from desktop_assistant.storage.phrase_import import install_default_library
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.storage.settings_store import AppStateStore, SettingsStore
from desktop_assistant.storage.sqlite_lib import sqlite_utils

if TYPE_CHECKING:
    from desktop_assistant.storage.buyer_store import BuyerStore
    from desktop_assistant.storage.checklist_store import ChecklistStore
    from desktop_assistant.storage.conversation_store import ConversationStore
    from desktop_assistant.storage.note_store import NoteStore
    from desktop_assistant.storage.promise_store import PromiseStore
    from desktop_assistant.storage.retention import PurgeReport

log = logging.getLogger(__name__)


@dataclass
class Store:
    """The other repositories are made on first use: a command that reads phrases does not import the
    notes, buyers or conversations code (issue 17: `phrases search` as a command)."""

    db: sqlite_utils.Database
    paths: Paths
    settings: SettingsStore
    state: AppStateStore
    phrases: PhraseStore
    pre_migration_copy: Path | None = None
    # Why the file was opened read-only (folder or file not writable), None when it is writable.
    read_only: ReadOnlyError | None = None
    # The start check ran out of time or could not check the text index here: the panel finishes it
    # in the background (storage.background_check).
    check_pending: bool = False

    @functools.cached_property
    def notes(self) -> NoteStore:
        from desktop_assistant.storage.note_store import NoteStore

        return NoteStore(self.db)

    @functools.cached_property
    def promises(self) -> PromiseStore:
        from desktop_assistant.storage.promise_store import PromiseStore

        return PromiseStore(self.db)

    @functools.cached_property
    def buyers(self) -> BuyerStore:
        from desktop_assistant.storage.buyer_store import BuyerStore

        return BuyerStore(self.db)

    @functools.cached_property
    def checks(self) -> ChecklistStore:
        from desktop_assistant.storage.checklist_store import ChecklistStore

        return ChecklistStore(self.db)

    @functools.cached_property
    def conversations(self) -> ConversationStore:
        from desktop_assistant.storage.conversation_store import ConversationStore

        return ConversationStore(self.db)

    def daily_backup(self, today: dt.date) -> Path | None:
        return maintenance.daily_backup(self.db, self.paths.backup_dir, today, self.settings.get("backup.keep"))

    def purge_personal_data(self, now: dt.datetime, *, dry_run: bool = False, days: int | None = None) -> PurgeReport:
        """Personal data older than `retention.days` masked or purged, receivers after the shorter of that and
        `privacy.retention_days` (storage.retention); `days` overrides `retention.days`."""
        # The division table (38 ms, ~40 MB) is read only when a row is masked, and not kept afterwards.
        from desktop_assistant.resources_access import division_index_for_once
        from desktop_assistant.storage import retention

        setting = self.settings.get("retention.days") if days is None else days
        return retention.purge(
            self.db,
            now,
            setting,
            self.settings.get("privacy.retention_days"),
            divisions=division_index_for_once,
            dry_run=dry_run or self.read_only is not None,
        )

    def close(self) -> None:
        self.db.close()


def missing_reason(paths: Paths) -> Fragment | None:
    """Why there is no usable file where a database had been (backups prove one had), else None.

    None also for a true first run: no file (or an empty one) and no backup at all.
    """
    from desktop_assistant.storage.maintenance import list_backups

    db_path = paths.db_path
    if db_path.exists() and db_path.stat().st_size > 0:
        return None
    wal = Path(str(db_path) + "-wal")
    if not list_backups(paths.backup_dir) and not (wal.exists() and wal.stat().st_size > 0):
        return None  # first run (an empty file and no backup: a first start cut short, nothing to lose)
    return Fragment(MSG_EMPTY if db_path.exists() else MSG_GONE)


def open_store(
    paths: Paths, now: dt.datetime, *, create: bool = False, check_seconds: float = START_CHECK_SECONDS
) -> Store:
    """Open, check and migrate the database; create it only on a first run (or when `create`).

    Raises a StorageError naming the cause: MissingDatabaseError (empty or vanished file while backups
    exist), CorruptDatabaseError (only when SQLite's checks say so), NewerSchemaError, NotOurDatabaseError,
    DiskFullError, BusyError. A file or folder that cannot be written opens read-only (`Store.read_only`).
    `check_seconds`: the start check's budget (database.verify); what it left is `Store.check_pending`.
    """
    paths.ensure()
    db_path = paths.db_path
    if not create:
        reason = missing_reason(paths)
        if reason is not None:
            raise MissingDatabaseError(db_path, reason)
    read_only: ReadOnlyError | None = None
    try:
        db = connect(db_path)
    except ReadOnlyError as exc:
        if not db_path.exists():
            raise
        read_only = exc
        db = connect_read_only(db_path)
    try:
        copy, checked = _prepare(db, paths, now, read_only, check_seconds)
    except Exception as exc:
        db.close()
        raised = storage_error(exc, db_path)
        if raised is exc:
            raise
        raise raised from None
    settings = SettingsStore(db)
    if read_only is None:
        for suffix in ("-wal", "-shm"):
            restrict_permissions(Path(str(db_path) + suffix))
    else:
        log.warning("database opened read-only: %s", read_only)
    if copy:
        log.info("migrated %s; copy of the previous version at %s", db_path, copy)
    store = Store(db, paths, settings, AppStateStore(db), PhraseStore(db), copy, read_only, not checked)
    if read_only is None:
        _install_default_phrases(store, now)
    return store


def _prepare(
    db: sqlite_utils.Database, paths: Paths, now: dt.datetime, read_only: ReadOnlyError | None, seconds: float
) -> tuple[Path | None, bool]:
    """Check the file before it is declared healthy, then migrate it (writable) or refuse (read-only).
    (pre-migration copy, whether the start check was complete)."""
    checked = verify(db, paths.db_path, writable=read_only is None, seconds=seconds)
    if read_only is not None:
        newer = newer_schema_reason(db)
        if newer is not None:
            from desktop_assistant.storage.errors import NewerSchemaError

            raise NewerSchemaError(paths.db_path, newer)
        if migrations.pending(db):
            raise read_only  # an older file needs its migration written before it can be read
        return None, checked
    copy = migrate(db, paths.db_path, paths.backup_dir, now=lambda: now)
    try:
        SettingsStore(db).add_missing_defaults()
    except sqlite3.Error as exc:
        failure = storage_error(exc, paths.db_path)
        if not isinstance(failure, StorageError) or failure.kind not in ("disk_full", "busy"):
            raise
        log.warning("new settings keep their defaults in memory: %s", failure)  # get() falls back to them
    return copy, checked


def _install_default_phrases(store: Store, now: dt.datetime) -> None:
    """First run: the default phrase library, once (storage.phrase_import). A failure costs only the defaults."""
    try:
        install_default_library(store.db, store.phrases, store.state, now)
    except (OSError, UserError, sqlite3.Error):
        # A broken resource or a busy database must not keep the agent out of the panel; the
        # install is one transaction, so nothing was written and the next start tries again.
        log.exception("could not install the default phrase library")
