"""Why the database could not be used, told apart at the storage boundary (docs/data-safety.md).

Each kind has its own message for the agent (translatable: the panel shows it in the UI language, the
command line prints the Chinese) and its own exit code, so scripts can tell a full disk from damage.
Nothing here decides what to do about it; `classify` only names the real cause.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

# Exit codes of the command line (README "Command line", docs/data-safety.md). 0 ok, 1 a check found a
# problem (or an internal error), 2 bad input; the storage failures follow.
EXIT_DAMAGED = 3
EXIT_DISK_FULL = 4
EXIT_READ_ONLY = 5
EXIT_BUSY = 6
EXIT_NEWER_SCHEMA = 7
EXIT_NOT_OURS = 8
EXIT_MISSING = 9
EXIT_IO = 10

# SQLite primary result codes (the low byte of the extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26


class StorageError(UserError):
    """The database cannot be used as asked; `str()` is the one Chinese line, `exit_code` for the CLI."""

    kind = "storage"
    exit_code = EXIT_IO
    template = QT_TRANSLATE_NOOP("Storage", "读写数据库出错（{reason}）：{path}")
    context = "Storage"

    def __init__(self, path: Path | str, reason: str | UserError = "", **fields: object) -> None:
        """`reason` is SQLite's or the OS's text, or a Fragment translated with the message."""
        self.path = Path(path)
        self.reason = reason
        super().__init__(type(self).template, path=str(path), reason=reason, **fields)


class DiskFullError(StorageError):
    kind = "disk_full"
    exit_code = EXIT_DISK_FULL
    template = QT_TRANSLATE_NOOP("Storage", "磁盘已满，没有写入。请腾出空间后再试，已保存的数据都还在：{path}")


class ReadOnlyError(StorageError):
    kind = "read_only"
    exit_code = EXIT_READ_ONLY
    template = QT_TRANSLATE_NOOP("Storage", "数据库或所在文件夹只读，不能写入（{reason}）：{path}")


class BusyError(StorageError):
    kind = "busy"
    exit_code = EXIT_BUSY
    template = QT_TRANSLATE_NOOP("Storage", "数据库正被另一个程序占用，请稍后再试：{path}")


class PanelRunningError(BusyError):
    template = QT_TRANSLATE_NOOP(
        "Storage", "面板正在使用这个数据库，没有恢复。请先退出面板，或加 --close-panel 让它先退出：{path}"
    )


class NewerSchemaError(StorageError):
    kind = "newer_schema"
    exit_code = EXIT_NEWER_SCHEMA
    template = QT_TRANSLATE_NOOP("Storage", "数据库来自更新的版本（{reason}），请升级客服助手后再打开：{path}")


class NotOurDatabaseError(StorageError):
    kind = "not_ours"
    exit_code = EXIT_NOT_OURS
    template = QT_TRANSLATE_NOOP("Storage", "这不是客服助手的数据库文件，没有改动它（{reason}）：{path}")


class CorruptDatabaseError(StorageError):
    """Only when SQLite's own check (quick_check, integrity_check, FTS integrity-check) says so."""

    kind = "damaged"
    exit_code = EXIT_DAMAGED
    template = QT_TRANSLATE_NOOP("Storage", "数据库文件已损坏（{reason}）；用 `db restore` 从备份恢复：{path}")


class MissingDatabaseError(StorageError):
    """The file is gone or empty while backups show a database had been there: never recreated silently."""

    kind = "missing"
    exit_code = EXIT_MISSING
    template = QT_TRANSLATE_NOOP(
        "Storage",
        "数据库文件{reason}；备份文件夹里有备份，所以没有新建空数据库。请用 `db restore 备份文件` 恢复：{path}",
    )


class Fragment(UserError):
    """Part of a Storage message, translated with it."""

    context = "Storage"


MSG_EMPTY = QT_TRANSLATE_NOOP("Storage", "是空的（0 字节）")
MSG_GONE = QT_TRANSLATE_NOOP("Storage", "不见了")
MSG_RESTORED = QT_TRANSLATE_NOOP("Storage", "数据库文件{reason}；已从最近一份完好的备份 {backup} 恢复。")


def _disk_full(path: Path) -> bool:
    """The folder's file system has (almost) no free block left for us."""
    folder = path if path.is_dir() else path.parent
    try:
        if shutil.disk_usage(folder).free < 64 * 1024:
            return True
    except OSError:
        return False
    return _over_file_size_limit(path)


def _over_file_size_limit(path: Path) -> bool:
    """EFBIG from a per-process file size limit (ulimit -f): to the agent, the same as a full disk."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return False
    sizes = [p.stat().st_size for p in (path, Path(str(path) + "-wal")) if p.is_file()]
    return any(size + 64 * 1024 >= limit for size in sizes)


def writable(path: Path) -> bool:
    """The file (if it exists) and its folder can be written by us (chattr +i and read-only mounts too)."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK) if folder.exists() else True


def classify_os_error(exc: OSError, path: Path) -> StorageError | None:
    path = Path(exc.filename) if exc.filename else path  # the file it was about, not always the database
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return DiskFullError(path, exc.strerror or "")
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return ReadOnlyError(path, exc.strerror or "")
    return None


def classify(exc: BaseException, path: Path) -> StorageError | None:
    """The StorageError `exc` really is, or None when it is not a storage failure we recognise.

    Damage is never concluded from the error alone: SQLITE_CORRUPT/NOTADB come back as None here and
    the caller runs quick_check (`database.confirm_damage`) before saying "damaged".
    """
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, OSError):
        return classify_os_error(exc, path)
    if not isinstance(exc, sqlite3.Error):
        return None
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    reason = str(exc)
    if code == SQLITE_FULL or "database or disk is full" in reason:
        return DiskFullError(path, reason)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return BusyError(path, reason)
    if code == SQLITE_READONLY or "readonly database" in reason:
        return ReadOnlyError(path, reason)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        # SQLite folds ENOSPC, EACCES and EROFS into I/O errors on some paths: look at the disk itself.
        # Read-only first: a folder nobody may write refuses every write whatever the free space, so on
        # a full disk too it is the real cause (freeing space would not help).
        if not writable(path):
            return ReadOnlyError(path, reason)
        if _disk_full(path):
            return DiskFullError(path, reason)
        return StorageError(path, reason)
    return None
