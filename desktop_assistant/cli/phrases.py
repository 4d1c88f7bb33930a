"""`phrases import | export | list | search | lint`: the quick-phrase library on the command line.

Import and export share the formats of the panel (domain/phrase_formats.py); `lint` is cli/guard.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from desktop_assistant.cli import guard
from desktop_assistant.cli.errors import UsageError
from desktop_assistant.domain.phrase_formats import EXPORT_FORMATS, IMPORT_FORMATS
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    phrases = sub.add_parser("phrases", parents=[common], help="import, export, list or search quick phrases")
    phrases.set_defaults(run=run_phrases)
    phrases_sub = phrases.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = phrases_sub.add_parser("import", parents=[common], help="add phrases from a CSV, XLSX, Beeftext or JSON file")
    imp.add_argument("file")
    imp.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    imp.add_argument(
        "--on-conflict",
        choices=("skip", "replace", "keep-both"),
        default="skip",
        help="a phrase with the same code (or, without a code, the same group and text) exists",
    )
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    exp = phrases_sub.add_parser("export", parents=[common], help="write every phrase to a CSV, XLSX or JSON file")
    exp.add_argument("file")
    exp.add_argument("--format", choices=EXPORT_FORMATS, default=None, help="default: from the file extension")
    phrases_sub.add_parser("list", parents=[common]).add_argument("--json", action="store_true")
    search = phrases_sub.add_parser("search", parents=[common])
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    guard.add_parser(phrases_sub, common)


def _phrase_json(phrase: Any) -> dict[str, Any]:
    """The export's fields with the id in front; the listing leaves out the last use."""
    from desktop_assistant.domain.phrase_io import phrase_to_json

    fields = phrase_to_json(phrase)
    del fields["last_used"]
    return {"id": phrase.id, **fields}


def _print_phrases(phrases: list, as_json: bool) -> None:
    if as_json:
        print(json.dumps([_phrase_json(p) for p in phrases], ensure_ascii=False, indent=2))
        return
    for p in phrases:
        preview = " ".join(p.text.split())
        preview = preview if len(preview) <= 40 else preview[:40] + "…"
        extra = f"  [{p.hotkey}]" if p.hotkey else ""
        print(f"{p.id}\t{p.group}\t{p.code or '-'}\t{p.display_title}\t{preview}{extra}")


def _one_line(exc: Exception) -> UsageError:
    return UsageError(" ".join(str(exc).split()))


def run_phrases(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store  # read-only when the file cannot be written
    from desktop_assistant.domain.phrase_io import PhraseImportError
    from desktop_assistant.storage import phrase_import

    if args.action == "lint":
        return guard.run_lint(args, paths)
    now = dt.datetime.now()
    parsed = None
    try:  # a bad file or name is refused before the database is even opened
        if args.action == "import":
            parsed = phrase_import.read_phrase_file(Path(args.file).expanduser(), args.format)
        elif args.action == "export":
            phrase_import.export_format(Path(args.file), args.format)
    except PhraseImportError as exc:
        raise _one_line(exc) from None
    store = open_store(paths, now)
    try:
        if parsed is not None:
            _import(store, parsed, args, now)
        elif args.action == "export":
            try:
                count = phrase_import.export_to_file(store.phrases, Path(args.file).expanduser(), args.format)
            except PhraseImportError as exc:
                raise _one_line(exc) from None
            print(f"已导出 {count} 条短语到 {args.file}")
        elif args.action == "list":
            _print_phrases(store.phrases.all(), args.json)
        else:
            _print_phrases(store.phrases.search(args.query, limit=50), args.json)  # the persisted index, in SQL
    finally:
        store.close()
    return 0


def _import(store: Any, parsed: Any, args: argparse.Namespace, now: dt.datetime) -> None:
    from desktop_assistant.domain.phrase_io import PhraseImportError
    from desktop_assistant.storage import phrase_import

    try:
        report = phrase_import.apply_import(
            store.db,
            store.phrases,
            parsed,
            args.on_conflict,
            now,
            dry_run=args.dry_run,
            reserved_hotkeys=phrase_import.app_hotkeys(store.settings),
            guard=phrase_import.shop_guard(store.settings),
        )
    except PhraseImportError as exc:
        raise _one_line(exc) from None
    print(report.summary)
    for note in report.notes():
        print(note)
    shown = report.first(10)
    for item in shown:
        print(f"  {item.message}")
    if len(report.items) > len(shown):
        print(f"  … (+{len(report.items) - len(shown)})")
