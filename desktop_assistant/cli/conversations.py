"""`conversations export FILE|- [--since YYYY-MM-DD]`: the stored conversation events as the chat-log CSV of
docs/cli.md with a `source` column (ui_tree, sight, manual, phrase). `kpi` on the file gives the 统计 numbers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths

EVERYTHING = (dt.datetime(1970, 1, 1), dt.datetime(9999, 1, 1))


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    conversations = sub.add_parser("conversations", parents=[common], help="the recorded conversation events")
    conversations.set_defaults(run=run_conversations)
    actions = conversations.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", parents=[common], help="write the events as a chat-log CSV (kpi reads it)")
    export.add_argument("file", help="CSV file to write; - writes to stdout")
    export.add_argument("--since", default=None, metavar="YYYY-MM-DD", help="only events from this day on")


def run_conversations(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.kpi import KpiError
    from desktop_assistant.domain.stats import CHAT_LOG_HEADER, chat_log_rows
    from desktop_assistant.domain.tables import csv_bytes
    from desktop_assistant.storage.files import write_export

    start, end = EVERYTHING
    if args.since is not None:
        try:
            start = dt.datetime.combine(dt.date.fromisoformat(args.since), dt.time())
        except ValueError:
            raise UsageError(f"--since 应为 YYYY-MM-DD, 收到: {args.since[:20]}") from None
    store = open_store(paths, dt.datetime.now())
    try:
        rows = chat_log_rows(store.conversations.events_between(start, end))
    finally:
        store.close()
    data = csv_bytes(CHAT_LOG_HEADER, rows)
    if args.file == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        write_export(Path(args.file).expanduser(), data, KpiError)
    except KpiError as exc:
        raise UsageError(str(exc)) from None
    print(f"已导出 {len(rows)} 条消息到 {args.file}")
    return 0
