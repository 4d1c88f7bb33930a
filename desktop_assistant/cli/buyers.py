"""`screen` and `blacklist` subcommands (docs/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    screen = sub.add_parser("screen", parents=[common], help="screen buyer profiles for bad-review scammers")
    screen.set_defaults(run=run_screen)
    screen.add_argument("file", help="JSON Lines or CSV with a header; - reads stdin")
    screen.add_argument("--json", action="store_true", help="one JSON object per profile (JSON Lines)")
    blacklist = sub.add_parser("blacklist", parents=[common], help="import or export the shop's blacklist")
    blacklist.set_defaults(run=run_blacklist)
    blacklist_sub = blacklist.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = blacklist_sub.add_parser("import", parents=[common], help="merge a CSV or XLSX blacklist (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    exp = blacklist_sub.add_parser("export", parents=[common], help="write the blacklist to CSV or XLSX")
    exp.add_argument("file")


def _read_input(name: str) -> str:
    from desktop_assistant.domain.tables import TextFileError, decode_text

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).expanduser().read_bytes()
    except FileNotFoundError:
        raise UsageError(f"找不到文件: {name}") from None
    except OSError as exc:
        raise UsageError(f"无法读取 {name}: {exc.strerror}") from None
    try:
        return decode_text(data)[0]
    except TextFileError as exc:
        raise UsageError(str(exc)) from None


def screening_context(paths: Paths) -> tuple[Any, dict]:
    """The shop's rules (settings, celebrity list) and what it knows of buyers (lists, flagged notes)."""
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.screening import rules_from_settings
    from desktop_assistant.resources_access import resource_path

    store = open_store(paths, dt.datetime.now())
    try:
        rules = rules_from_settings(
            store.settings.all(), resource_path("lists", "celebrities.txt").read_text(encoding="utf-8")
        )
        return rules, store.buyers.all_shop_facts()
    finally:
        store.close()


def screen_stream(text: str, rules: Any, facts: dict, as_json: bool, out: TextIO, err: TextIO) -> tuple[int, int]:
    """Screen every profile of `text` onto `out`, bad lines named on `err`: (screened, bad)."""
    from desktop_assistant.domain.buyers import BuyerError, read_screening_input
    from desktop_assistant.domain.screening import ShopFacts, screen

    today = dt.date.today()
    nothing = ShopFacts()
    screened = bad = 0
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for the whole run
    for _line, item in read_screening_input(text):
        if isinstance(item, BuyerError):
            bad += 1
            print(f"{item}", file=err)
            continue
        result = screen(item, rules, facts.get(item.nick, nothing), today)
        screened += 1
        if as_json:
            out.write(encode(result.as_json()) + "\n")
        else:
            codes = ", ".join(f"{r.code}+{r.weight}" for r in result.reasons) or "-"
            out.write(f"{result.nick}\t{result.score}\t{result.level}\t{codes}\n")
    return screened, bad


def run_screen(args: argparse.Namespace, paths: Paths) -> int:
    text = _read_input(args.file)
    rules, facts = screening_context(paths)
    _screened, bad = screen_stream(text, rules, facts, args.json, sys.stdout, sys.stderr)
    return 2 if bad else 0


def run_blacklist(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.messages import UserError
    from desktop_assistant.storage.blacklist_files import BlacklistFiles, check_export_path, read_blacklist_file

    path = Path(args.file).expanduser()
    try:  # a bad file or name is refused before the database is even opened
        if args.action == "import":
            read_blacklist_file(path)
        else:
            check_export_path(path)
    except UserError as exc:
        raise UsageError(str(exc)) from None
    store = open_store(paths, dt.datetime.now())
    try:
        files = BlacklistFiles(store.buyers, lambda: store.settings.get("agent_id"), dt.datetime.now)
        try:
            if args.action == "import":
                added, known = files.import_file(path, dry_run=args.dry_run)
                print(f"{'将加入' if args.dry_run else '已加入'}黑名单 {added} 人, 已在名单中 {known} 人")
            else:
                print(f"已导出 {files.export_file(path)} 个黑名单买家到 {args.file}")
        except UserError as exc:
            raise UsageError(str(exc)) from None
    finally:
        store.close()
    return 0
