"""`db check | backup | restore | purge`: the database file on the command line (docs/data-safety.md).

Purge and the panel's side of restore are in cli/storage.py with the other storage failures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    db = sub.add_parser("db", parents=[common], help="check, back up or restore the database")
    db.set_defaults(run=run_db)
    db_sub = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_sub.add_parser("check", parents=[common]).add_argument("--json", action="store_true")
    db_sub.add_parser("backup", parents=[common]).add_argument("dest")
    purge = db_sub.add_parser("purge", parents=[common], help="mask or purge personal data past retention.days")
    purge.add_argument("--dry-run", action="store_true", help="show what would go, change nothing")
    purge.add_argument("--days", type=int, default=None, help="instead of the retention.days setting")
    restore = db_sub.add_parser("restore", parents=[common])
    restore.add_argument("src")
    restore.add_argument(
        "--close-panel",
        action="store_true",
        help="a panel running on this data directory is asked to quit first (else refused)",
    )


def run_db(args: argparse.Namespace, paths: Paths) -> int:
    if args.action == "check":
        return _check(paths, args.json)
    if args.action == "purge":
        from desktop_assistant.cli.storage import run_purge

        return run_purge(args, paths)
    if args.action == "backup":
        return _backup(paths, Path(args.dest).expanduser())
    return _restore(paths, Path(args.src).expanduser(), args.close_panel)


def _check(paths: Paths, as_json: bool) -> int:
    from desktop_assistant.cli.storage import note_unwritable
    from desktop_assistant.storage import maintenance

    report = maintenance.check_file(paths.db_path)
    note_unwritable(paths.db_path)
    if as_json:
        print(
            json.dumps(
                {
                    "path": str(report.path),
                    "ok": report.ok,
                    "schema_version": report.schema_version,
                    "current_version": report.current_version,
                    "problems": report.problems,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        status = "ok" if report.ok else "损坏 / problem"
        print(f"{report.path}: {status}, schema {report.schema_version}/{report.current_version}")
        for problem in report.problems[:20]:
            print(f"  {problem}")
    return 0 if report.ok else 1


def _backup(paths: Paths, dest: Path) -> int:
    from desktop_assistant.cli.storage import open_store  # read-only when the file cannot be written
    from desktop_assistant.storage.backup import backup_database

    now = dt.datetime.now()
    if dest.is_dir():
        dest = dest / f"desktop_assistant-{now:%Y%m%d-%H%M%S}.sqlite3"
    if dest.exists():
        raise UsageError(f"目标文件已存在, 不覆盖: {dest}")
    if not dest.parent.is_dir():
        raise UsageError(f"目录不存在: {dest.parent}")
    store = open_store(paths, now)
    try:
        backup_database(store.db, dest)
    finally:
        store.close()
    print(dest)
    return 0


def _restore(paths: Paths, source: Path, close_panel: bool) -> int:
    from desktop_assistant.cli.storage import panel_let_go
    from desktop_assistant.storage import maintenance

    if not source.is_file():
        raise UsageError(f"找不到备份文件: {source}")
    paths.ensure()
    panel_let_go(paths, close_panel)
    try:
        kept = maintenance.restore(paths, source, dt.datetime.now())
    except maintenance.BackupRejected as exc:
        raise UsageError(str(exc)) from None
    print(f"已从 {source} 恢复" + (f"; 原文件保存在 {kept}" if kept else ""))
    return 0
