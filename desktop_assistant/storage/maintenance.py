"""Check, backup, restore and daily rotation of the database file."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.paths import Paths
from desktop_assistant.storage.backup import backup_database, move_aside, unused_name
from desktop_assistant.storage.database import connect, connect_read_only, fts_scan_problems, integrity_problems
from desktop_assistant.storage.errors import CorruptDatabaseError, Fragment, NewerSchemaError, StorageError
from desktop_assistant.storage.migrations import (
    CURRENT_VERSION,
    MIGRATION_NAMES,
    migrate,
    migrations,
    newer_schema_reason,
)
from desktop_assistant.storage.sqlite_lib import sqlite_utils

DAILY_PREFIX = "daily-"
BACKUP_SUFFIX = ".sqlite3"


MSG_NO_FILE = QT_TRANSLATE_NOOP("Storage", "文件不存在：{path}")
MSG_EMPTY_FILE = QT_TRANSLATE_NOOP("Storage", "文件是空的（0 字节）：{path}")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Storage", "无法读取数据库：{reason}")
MSG_NOT_CHECKED = QT_TRANSLATE_NOOP("Storage", "无法检查：{reason}")
MSG_NEWER = QT_TRANSLATE_NOOP("Storage", "来自更新版本的数据库结构（{reason}）")
MSG_NO_VERSION = QT_TRANSLATE_NOOP("Storage", "不是客服助手的数据库（没有结构版本）")
MSG_NOT_RESTORABLE = QT_TRANSLATE_NOOP("Storage", "{source} 不能用于恢复：{problem}")
MSG_RESTORE_ITSELF = QT_TRANSLATE_NOOP("Storage", "不能用正在使用的数据库文件恢复自己")


class BackupRejected(UserError):
    """A file that must not be restored; the message says why in one line."""

    context = "Storage"


@dataclass
class CheckReport:
    """`findings` are translatable (Fragment) or SQLite's own words; `problems` is them as text."""

    path: Path
    schema_version: int
    current_version: int
    findings: list[Fragment | str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [str(finding) for finding in self.findings]

    @property
    def ok(self) -> bool:
        return not self.findings


def check_file(path: Path, *, thorough: bool = True) -> CheckReport:
    """integrity_check (or quick_check) plus the schema version, without writing to the file."""
    if not path.exists():
        return CheckReport(path, 0, CURRENT_VERSION, [Fragment(MSG_NO_FILE, path=str(path))])
    if path.stat().st_size == 0:
        return CheckReport(path, 0, CURRENT_VERSION, [Fragment(MSG_EMPTY_FILE, path=str(path))])
    try:
        db = connect_read_only(path)
    except StorageError as exc:
        return CheckReport(path, 0, CURRENT_VERSION, [Fragment(MSG_UNREADABLE, reason=exc.reason or exc)])
    try:
        problems: list[Fragment | str]
        try:
            problems = list(integrity_problems(db, quick=not thorough))
            if not problems and thorough:  # SQLite before 3.44 leaves the text index out of integrity_check
                problems = list(fts_scan_problems(db))
        except sqlite3.Error as exc:  # busy or an I/O error: the check could not run, say so
            problems = [Fragment(MSG_NOT_CHECKED, reason=str(exc))]
        version = 0
        if not problems:
            try:
                applied = [m.name for m in migrations.applied(db)]
                newer = newer_schema_reason(db)
            except sqlite3.DatabaseError as exc:
                applied, newer, problems = [], None, [str(exc)]
            version = len(applied)
            foreign = [name for name in applied if name not in MIGRATION_NAMES]
            if newer is not None:
                problems.append(Fragment(MSG_NEWER, reason=newer))
            elif foreign:
                problems.append(Fragment(MSG_NEWER, reason=foreign[-1]))
            elif not applied:
                problems.append(Fragment(MSG_NO_VERSION))
            # An older version is fine: it is migrated (after a copy) when opened.
        return CheckReport(path, version, CURRENT_VERSION, problems)
    finally:
        db.close()


def newer_schema(path: Path) -> NewerSchemaError | None:
    """Whether the file was written by a newer release; read-only, and quiet about every other problem
    (the full open names those)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        db = connect_read_only(path)
    except StorageError:
        return None
    try:
        reason = newer_schema_reason(db)
    except sqlite3.Error:
        return None
    finally:
        db.close()
    return NewerSchemaError(path, reason) if reason is not None else None


def list_backups(backup_dir: Path) -> list[Path]:
    """Every backup copy, newest first."""
    if not backup_dir.is_dir():
        return []
    files = [p for p in backup_dir.glob(f"*{BACKUP_SUFFIX}") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def newest_good_backup(backup_dir: Path) -> Path | None:
    for candidate in list_backups(backup_dir):
        if check_file(candidate).ok:
            return candidate
    return None


def daily_backup(db: sqlite_utils.Database, backup_dir: Path, today: dt.date, keep: int) -> Path | None:
    """Take today's copy if there is none yet; keep the newest `keep` daily copies."""
    dest = backup_dir / f"{DAILY_PREFIX}{today:%Y%m%d}{BACKUP_SUFFIX}"
    made = None
    if not dest.exists():
        problems = integrity_problems(db, quick=True)
        if problems:
            # Copying a damaged file would push a good copy out of the rotation.
            raise CorruptDatabaseError(Path(db.conn.execute("PRAGMA database_list").fetchone()[2]), problems[0])
        made = backup_database(db, dest)
    dailies = sorted(backup_dir.glob(f"{DAILY_PREFIX}*{BACKUP_SUFFIX}"), reverse=True)
    for old in dailies[keep:]:
        old.unlink()
    remove_stale_partials(backup_dir, time.time())
    return made


STALE_PARTIAL_SECONDS = 3600  # a copy still being written is minutes old at most


def remove_stale_partials(backup_dir: Path, now: float) -> list[Path]:
    """Half copies left by a killed backup (never listed as backups) are removed once surely abandoned."""
    removed = []
    for partial in [*backup_dir.glob("*.partial"), *backup_dir.glob("*.partial-journal")]:
        try:
            if now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:
                partial.unlink()
                removed.append(partial)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def quarantine(paths: Paths, now: dt.datetime) -> Path:
    """Move a damaged database out of the way (kept for forensics, never deleted)."""
    return move_aside(paths.db_path, unused_name(paths.quarantine_dir, f"corrupt-{now:%Y%m%d-%H%M%S}"))


def restore(paths: Paths, source: Path, now: dt.datetime) -> Path | None:
    """Replace the database with `source` after validating it; the current file is kept as a copy.

    Returns where the previous file went (None when there was none).
    """
    db_path, backup_dir = paths.db_path, paths.backup_dir
    report = check_file(source)
    if not report.ok:
        raise BackupRejected(MSG_NOT_RESTORABLE, source=str(source), problem=report.findings[0])
    if source.resolve() == db_path.resolve():
        raise BackupRejected(MSG_RESTORE_ITSELF)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    kept = None
    if db_path.exists():
        current = check_file(db_path, thorough=False)
        if current.ok:
            live = connect(db_path)
            try:
                kept = backup_database(live, unused_name(backup_dir, f"pre-restore-{stamp}"))
            finally:
                live.close()
        else:
            kept = quarantine(paths, now)
    src = connect(source, read_only=True)
    dest = connect(db_path)
    try:
        src.conn.backup(dest.conn)
        migrate(dest, db_path, backup_dir, now=lambda: now)
    finally:
        src.close()
        dest.close()
    return kept
