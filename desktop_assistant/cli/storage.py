"""Storage on the command line: failures in one line naming the real cause with its own exit code,
`db restore` beside a running panel, and `db purge`.

An emptied or vanished database file (while backups show there had been one) is restored from the
newest good backup with a message, then the command runs again; without a good backup it is refused.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from typing import TYPE_CHECKING

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from desktop_assistant.storage.errors import StorageError
    from desktop_assistant.storage.store import Store

log = logging.getLogger(__name__)

# Why a store this command opened was read-only (storage.errors.ReadOnlyError), for the notice after it.
_read_only: list[StorageError] = []


def open_store(paths: Paths, now: dt.datetime, *, create: bool = False) -> Store:
    """storage.store.open_store for a command: a read-only open is remembered for `read_only_notice`."""
    from desktop_assistant.storage.store import open_store as open_it

    store = open_it(paths, now, create=create)
    if store.read_only is not None:
        _read_only.append(store.read_only)
    return store


def note_unwritable(path: Path) -> None:
    """For commands that read the file without opening a store (`db check`): the same notice when it or
    its folder cannot be written."""
    from desktop_assistant.storage.errors import ReadOnlyError, writable

    if path.exists() and not writable(path):
        _read_only.append(ReadOnlyError(path, "不可写"))


def read_only_notice(prog: str) -> None:
    """After a command that ran on a read-only database: one line on stderr, so a script or an agent
    knows that what it saw cannot be changed here (the output itself is complete and the exit code 0)."""
    if _read_only:
        print(f"{prog}: 注意：只读模式，只能查看，修改会被拒绝。{_read_only[0]}", file=sys.stderr)
        _read_only.clear()


def recover_emptied(paths: Paths, prog: str) -> None:
    """Before a command: a database file emptied or gone while backups exist is restored from the newest
    good backup, with one line saying so. Without a good backup it is left as it is: the command's own
    open refuses it (MissingDatabaseError, exit 9)."""
    db_path = paths.db_path
    if db_path.is_file() and db_path.stat().st_size > 0:
        return  # the usual case, decided without importing the storage layer
    from desktop_assistant.storage import maintenance
    from desktop_assistant.storage.errors import MSG_RESTORED, Fragment, StorageError
    from desktop_assistant.storage.store import missing_reason

    reason = missing_reason(paths)
    backup = maintenance.newest_good_backup(paths.backup_dir) if reason is not None else None
    if reason is None or backup is None:
        return
    try:
        kept = maintenance.restore(paths, backup, dt.datetime.now())
    except StorageError as exc:  # a full disk or read-only folder: the command names it when it opens
        log.error("could not restore %s from %s: %s", db_path, backup, exc)
        return
    log.warning("database file %s; restored from %s (previous file: %s)", reason, backup, kept)
    print(f"{prog}: {Fragment(MSG_RESTORED, reason=reason, backup=backup.name)}", file=sys.stderr)


def storage_failure(exc: Exception, paths: Paths, prog: str) -> int:
    """The exit code for `exc` after its line on stderr; re-raises what is not a storage failure."""
    from desktop_assistant.storage.database import storage_error
    from desktop_assistant.storage.errors import StorageError

    failure = storage_error(exc, paths.db_path)
    if not isinstance(failure, StorageError):
        raise exc
    return _say(failure, prog)


def _say(failure: StorageError, prog: str) -> int:
    log.error("storage failure: %s", failure)
    print(f"{prog}: {failure}", file=sys.stderr)
    return failure.exit_code


def panel_let_go(paths: Paths, close: bool, wait_s: float = 10.0) -> None:
    """Before `db restore`: a panel holding this database is asked to quit (`close`), else the restore is
    refused (BusyError) rather than swapping the file under it."""
    import time

    from desktop_assistant.os_integration.single_instance import QUIT_FOR_RESTORE, SingleInstance
    from desktop_assistant.storage.errors import PanelRunningError

    instance = SingleInstance(paths.instance_key)
    if not instance.is_running():
        return
    if not close:
        raise PanelRunningError(paths.db_path)
    instance.notify_running(QUIT_FOR_RESTORE)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if not instance.is_running(200):
            return
        time.sleep(0.1)
    raise PanelRunningError(paths.db_path)


def run_purge(args: argparse.Namespace, paths: Paths) -> int:
    """`db purge [--dry-run] [--days N]`: what retention masks or deletes, counted (and done unless dry)."""
    if args.days is not None and not 0 <= args.days <= 3650:
        raise UsageError(f"--days 只能是 0-3650: {args.days}")
    store = open_store(paths, dt.datetime.now())
    try:
        if store.read_only is not None and not args.dry_run:
            raise store.read_only
        report = store.purge_personal_data(dt.datetime.now(), dry_run=args.dry_run, days=args.days)
    finally:
        store.close()
    for line in report.lines():
        print(line)
    return 0
