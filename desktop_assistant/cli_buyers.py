"""`screen` and `blacklist` subcommands (DESIGN 5)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Callable

from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    screen = sub.add_parser("screen", parents=[common], help="screen buyer profiles for bad-review scammers")
    screen.add_argument("file", help="JSON Lines or CSV with a header; - reads stdin")
    screen.add_argument("--json", action="store_true", help="one JSON object per profile (JSON Lines)")
    blacklist = sub.add_parser("blacklist", parents=[common], help="import or export the shop's blacklist")
    blacklist_sub = blacklist.add_subparsers(dest="action", required=True, parser_class=parser_class, metavar="ACTION")
    imp = blacklist_sub.add_parser("import", parents=[common], help="merge a CSV or XLSX blacklist (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    exp = blacklist_sub.add_parser("export", parents=[common], help="write the blacklist to CSV or XLSX")
    exp.add_argument("file")


def _read_input(name: str, usage_error: Callable[[str], Exception]) -> str:
    from desktop_assistant.domain.phrase_io import PhraseImportError, decode_text

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).expanduser().read_bytes()
    except FileNotFoundError:
        raise usage_error(f"找不到文件: {name}") from None
    except OSError as exc:
        raise usage_error(f"无法读取 {name}: {exc.strerror}") from None
    try:
        return decode_text(data)[0]
    except PhraseImportError as exc:
        raise usage_error(str(exc)) from None


def run_screen(args: argparse.Namespace, paths: Paths, usage_error: Callable[[str], Exception]) -> int:
    from desktop_assistant.domain.buyers import BuyerError, read_screening_input
    from desktop_assistant.domain.screening import ShopFacts, rules_from_settings, screen
    from desktop_assistant.resources_path import resource_path
    from desktop_assistant.storage.store import open_store

    text = _read_input(args.file, usage_error)
    store = open_store(paths, dt.datetime.now())
    try:
        rules = rules_from_settings(store.settings.all(),
                                    resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))
        facts = store.buyers.all_shop_facts()
    finally:
        store.close()
    today = dt.date.today()
    nothing = ShopFacts()
    bad = 0
    out = sys.stdout
    for line, item in read_screening_input(text):
        if isinstance(item, BuyerError):
            bad += 1
            print(f"{item}", file=sys.stderr)
            continue
        result = screen(item, rules, facts.get(item.nick, nothing), today)
        if args.json:
            out.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
        else:
            codes = ", ".join(f"{r.code}+{r.weight}" for r in result.reasons) or "-"
            out.write(f"{result.nick}\t{result.score}\t{result.level}\t{codes}\n")
    return 2 if bad else 0


def run_blacklist(args: argparse.Namespace, paths: Paths, usage_error: Callable[[str], Exception]) -> int:
    from desktop_assistant.domain.buyers import BLACKLIST_HEADER, BuyerError, blacklist_rows, parse_blacklist
    from desktop_assistant.domain.notes import NoteError, export_format
    from desktop_assistant.domain.phrase_io import PhraseImportError, detect_format, table_rows
    from desktop_assistant.domain.tables import csv_bytes, xlsx_bytes
    from desktop_assistant.storage.files import write_atomically
    from desktop_assistant.storage.store import open_store

    now = dt.datetime.now()
    path = Path(args.file).expanduser()
    if args.action == "import":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise usage_error(f"无法读取 {args.file}: {exc.strerror}") from None
        try:
            fmt = "xlsx" if detect_format(data, path.name) == "xlsx" else "csv"
            entries = parse_blacklist(table_rows(data, fmt))
        except (PhraseImportError, BuyerError) as exc:
            raise usage_error(str(exc)) from None
    else:
        try:
            fmt = export_format(path.name)
        except NoteError as exc:
            raise usage_error(str(exc)) from None
        if not path.parent.is_dir():
            raise usage_error(f"目录不存在: {path.parent}")
    store = open_store(paths, now)
    try:
        if args.action == "import":
            try:
                added, known = store.buyers.import_blacklist(entries, store.settings.get("agent_id"), now,
                                                             dry_run=args.dry_run)
            except BuyerError as exc:
                raise usage_error(str(exc)) from None
            verb = "将加入" if args.dry_run else "已加入"
            print(f"{verb}黑名单 {added} 人, 已在名单中 {known} 人")
            return 0
        rows = blacklist_rows(store.buyers.list_entries("black"))
    finally:
        store.close()
    data = csv_bytes(BLACKLIST_HEADER, rows) if fmt == "csv" else xlsx_bytes("黑名单", BLACKLIST_HEADER, rows,
                                                                             widths=(24, 40, 12, 20))
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise usage_error(f"无法写入文件 {path}: {exc.strerror}") from None
    print(f"已导出 {len(rows)} 个黑名单买家到 {args.file}")
    return 0
