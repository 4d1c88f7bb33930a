"""`notes` and `promises` subcommands (docs/cli.md). Every refusal is a UsageError: exit 2, nothing written."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    notes = sub.add_parser("notes", parents=[common], help="flagged order notes with their full history")
    notes.set_defaults(run=run_notes)
    notes_sub = notes.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = notes_sub.add_parser("add", parents=[common], help="append a new version of an order's note")
    add.add_argument("order_id")
    add.add_argument("--flag", required=True, help="0 灰 1 红 2 黄 3 绿 4 蓝 5 紫")
    add.add_argument("--text", required=True)
    add.add_argument("--reason", default="", help="变动事由; required when the order already has a note")
    add.add_argument("--buyer", default="")
    history = notes_sub.add_parser("history", parents=[common], help="every version of an order's note, oldest first")
    history.add_argument("order_id")
    history.add_argument("--json", action="store_true")
    export = notes_sub.add_parser("export", parents=[common], help="every version of every note to CSV or XLSX")
    export.add_argument("file")
    export.add_argument("--format", choices=("csv", "xlsx"), default=None, help="default: from the file extension")

    promises = sub.add_parser("promises", parents=[common], help="promises made to buyers")
    promises.set_defaults(run=run_promises)
    promises_sub = promises.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = promises_sub.add_parser("list", parents=[common], help="open promises, most urgent first")
    listing.add_argument("--overdue", action="store_true", help="only those past their due time")
    listing.add_argument("--json", action="store_true")


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def run_notes(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.notes import (
        FLAG_NAMES,
        NoteError,
        export_format,
        history_json,
        parse_flag,
        validated_change,
    )
    from desktop_assistant.storage.note_export import export_notes

    now = dt.datetime.now()
    try:  # what can be checked without the database is checked before it is opened
        if args.action == "add":
            validated_change(args.order_id, parse_flag(args.flag), args.text, args.reason, "-", args.buyer)
        elif args.action == "export":
            export_format(args.file, args.format)
    except NoteError as exc:
        raise UsageError(str(exc)) from None
    store = open_store(paths, now)
    try:
        if args.action == "add":
            current = store.notes.current(args.order_id.strip())
            try:
                change = validated_change(
                    args.order_id,
                    args.flag,
                    args.text,
                    args.reason,
                    store.settings.get("agent_id"),
                    args.buyer,
                    current=current,
                )
            except NoteError as exc:
                raise UsageError(str(exc)) from None
            saved = store.notes.append(change, now)
            versions = len(store.notes.history(saved.order_id))
            print(f"已保存 {saved.order_id} 第 {versions} 版 ({saved.flag} {FLAG_NAMES[saved.flag]})")
        elif args.action == "history":
            versions = store.notes.history(args.order_id.strip())
            if args.json:
                _print_json([history_json(v) for v in versions])
            elif not versions:
                print(f"订单 {args.order_id} 没有备注")
            for v in versions if not args.json else ():
                reason = f"  因: {v.reason}" if v.reason else ""
                print(
                    f"{v.at:%Y-%m-%d %H:%M:%S}  {v.flag} {FLAG_NAMES[v.flag]}  工号 {v.agent_id}{reason}\n    {v.text}"
                )
        else:
            try:
                count = export_notes(store.notes, Path(args.file).expanduser(), args.format)
            except NoteError as exc:
                raise UsageError(str(exc)) from None
            print(f"已导出 {count} 条备注记录到 {args.file}")
    finally:
        store.close()
    return 0


def promise_json(promise: Any, status: str) -> dict[str, Any]:
    return {
        "id": promise.id,
        "text": promise.text,
        "due": promise.due.isoformat(timespec="minutes"),
        "order_id": promise.order_id,
        "buyer": promise.buyer,
        "status": status,
        "agent_id": promise.agent_id,
        "created_at": promise.created_at.isoformat(timespec="seconds"),
    }


def run_promises(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.promises import Status, promise_status, urgency_order

    now = dt.datetime.now()
    store = open_store(paths, now)
    try:
        lead = dt.timedelta(minutes=store.settings.get("promises.remind_minutes"))
        listed = [(p, promise_status(p, now, lead)) for p in urgency_order(store.promises.open(), now, lead)]
    finally:
        store.close()
    if args.overdue:
        listed = [(p, s) for p, s in listed if s is Status.OVERDUE]
    if args.json:
        _print_json([promise_json(p, s.value) for p, s in listed])
        return 0
    labels = {Status.OVERDUE: "已超时", Status.DUE_SOON: "快到期", Status.OPEN: "未到期"}
    for p, s in listed:
        who = " ".join(part for part in (p.order_id, p.buyer) if part)
        print(f"{p.due:%m-%d %H:%M}  {labels[s]}  {p.text}" + (f"  ({who})" if who else ""))
    if not listed:
        print("没有超时的承诺" if args.overdue else "没有未完成的承诺")
    return 0
