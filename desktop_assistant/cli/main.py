"""Command line: the panel by default, subcommands for batch work (DESIGN 5).

Qt is imported only when the panel starts, so batch commands stay fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_assistant import __version__
from desktop_assistant.paths import Paths, resolve_paths

PROG = "desktop-assistant"


class UsageError(Exception):
    """Bad input or usage: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage over several lines
        raise UsageError(message)


def _common_options(with_defaults: bool) -> argparse.ArgumentParser:
    # Sub-parsers get SUPPRESS defaults so an option given before the subcommand is not reset.
    default = None if with_defaults else argparse.SUPPRESS
    common = _Parser(add_help=False)
    where = common.add_mutually_exclusive_group()
    where.add_argument("--basedir", metavar="DIR", default=default, help="data directory to use")
    where.add_argument(
        "--temp-basedir",
        action="store_true",
        default=default if not with_defaults else False,
        help="use a throw-away data directory",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=default if not with_defaults else False,
        help="verbose logging, also on stderr",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG, description="客服助手 — side panel for e-commerce customer service", parents=[_common_options(True)]
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--long-version", action="store_true", help="print versions of every part and exit")
    parser.add_argument(
        "--smoke-test", action="store_true", help="build the whole application, open the database, make the panel, quit"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    common = _common_options(False)

    config = sub.add_parser("config", parents=[common], help="read or change settings")
    config_sub = config.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
    get = config_sub.add_parser("get", parents=[common])
    get.add_argument("key")
    put = config_sub.add_parser("set", parents=[common])
    put.add_argument("key")
    put.add_argument("value")
    config_sub.add_parser("list", parents=[common]).add_argument("--json", action="store_true")

    db = sub.add_parser("db", parents=[common], help="check, back up or restore the database")
    db_sub = db.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
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

    phrases = sub.add_parser("phrases", parents=[common], help="import, export, list or search quick phrases")
    phrases_sub = phrases.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
    imp = phrases_sub.add_parser("import", parents=[common], help="add phrases from a CSV, XLSX, Beeftext or JSON file")
    imp.add_argument("file")
    imp.add_argument("--format", choices=("auto", "csv", "xlsx", "beeftext", "json"), default="auto")
    imp.add_argument(
        "--on-conflict",
        choices=("skip", "replace", "keep-both"),
        default="skip",
        help="a phrase with the same code (or, without a code, the same group and text) exists",
    )
    imp.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    exp = phrases_sub.add_parser("export", parents=[common], help="write every phrase to a CSV, XLSX or JSON file")
    exp.add_argument("file")
    exp.add_argument("--format", choices=("csv", "xlsx", "json"), default=None, help="default: from the file extension")
    phrases_sub.add_parser("list", parents=[common]).add_argument("--json", action="store_true")
    search = phrases_sub.add_parser("search", parents=[common])
    search.add_argument("query")
    search.add_argument("--json", action="store_true")

    from desktop_assistant.cli import address as cli_address  # argparse only
    from desktop_assistant.cli import buyers as cli_buyers
    from desktop_assistant.cli import conversations as cli_conversations
    from desktop_assistant.cli import guard as cli_guard
    from desktop_assistant.cli import kpi as cli_kpi
    from desktop_assistant.cli import notes as cli_notes
    from desktop_assistant.cli import reader as cli_reader
    from desktop_assistant.cli import selftest as cli_selftest

    cli_guard.add_parser(phrases_sub, common)

    cli_selftest.add_parsers(sub, common, _Parser)
    cli_address.add_parsers(sub, common, _Parser)
    cli_kpi.add_parsers(sub, common, _Parser)
    cli_notes.add_parsers(sub, common, _Parser)
    cli_buyers.add_parsers(sub, common, _Parser)
    cli_conversations.add_parsers(sub, common, _Parser)
    cli_reader.add_parsers(sub, common, _Parser)
    return parser


def long_version() -> str:
    from desktop_assistant.os_integration.hotkeys.pick import describe_backends

    lines = [
        f"desktop_assistant (客服助手) {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}",
        f"SQLite {sqlite3.sqlite_version}",
    ]
    try:
        import PySide6
        from PySide6 import QtCore

        lines.append(f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}")
    except ImportError as exc:  # still useful for a bug report
        lines.append(f"PySide6 unavailable: {exc}")
    lines.append(f"Hotkey backend: {describe_backends()}")
    lines.append(f"Frozen: {'yes' if getattr(sys, 'frozen', False) else 'no'}")
    return "\n".join(lines)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _format_value(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _run_config(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.domain.settings import SettingError, spec_for
    from desktop_assistant.storage.store import open_store

    if args.action in ("get", "set"):
        try:
            spec_for(args.key)
        except SettingError as exc:
            raise UsageError(str(exc)) from None
    store = open_store(paths, dt.datetime.now())
    try:
        if args.action == "get":
            print(_format_value(store.settings.get(args.key)))
        elif args.action == "set":
            try:
                value = store.settings.set(args.key, args.value)
            except SettingError as exc:
                raise UsageError(str(exc)) from None
            print(f"{args.key} = {_format_value(value)}")
        elif args.json:
            _print_json(store.settings.all())
        else:
            for key, value in store.settings.all().items():
                print(f"{key} = {_format_value(value)}")
    finally:
        store.close()
    return 0


def _run_db(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.storage import maintenance
    from desktop_assistant.storage.backup import backup_database
    from desktop_assistant.storage.store import open_store

    now = dt.datetime.now()
    if args.action == "check":
        report = maintenance.check_file(paths.db_path)
        if args.json:
            _print_json(
                {
                    "path": str(report.path),
                    "ok": report.ok,
                    "schema_version": report.schema_version,
                    "current_version": report.current_version,
                    "problems": report.problems,
                }
            )
        else:
            status = "ok" if report.ok else "损坏 / problem"
            print(f"{report.path}: {status}, schema {report.schema_version}/{report.current_version}")
            for problem in report.problems[:20]:
                print(f"  {problem}")
        return 0 if report.ok else 1
    if args.action == "purge":
        from desktop_assistant.cli.storage import run_purge

        return run_purge(args, paths, UsageError)
    if args.action == "backup":
        dest = Path(args.dest).expanduser()
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
    source = Path(args.src).expanduser()
    if not source.is_file():
        raise UsageError(f"找不到备份文件: {source}")
    paths.ensure()
    from desktop_assistant.cli.storage import panel_let_go

    panel_let_go(paths, args.close_panel)
    try:
        kept = maintenance.restore(paths, source, now)
    except maintenance.BackupRejected as exc:
        raise UsageError(str(exc)) from None
    print(f"已从 {source} 恢复" + (f"; 原文件保存在 {kept}" if kept else ""))
    return 0


def _phrase_json(phrase: Any) -> dict[str, Any]:
    return {
        "id": phrase.id,
        "group": phrase.group,
        "code": phrase.code,
        "title": phrase.title,
        "text": phrase.text,
        "hotkey": phrase.hotkey,
        "use_count": phrase.use_count,
    }


def _print_phrases(phrases: list, as_json: bool) -> None:
    if as_json:
        _print_json([_phrase_json(p) for p in phrases])
        return
    for p in phrases:
        preview = " ".join(p.text.split())
        preview = preview if len(preview) <= 40 else preview[:40] + "…"
        extra = f"  [{p.hotkey}]" if p.hotkey else ""
        print(f"{p.id}\t{p.group}\t{p.code or '-'}\t{p.display_title}\t{preview}{extra}")


def _run_phrases(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.domain.phrase_io import PhraseImportError
    from desktop_assistant.storage import phrase_import
    from desktop_assistant.storage.store import open_store

    if args.action == "lint":
        from desktop_assistant.cli import guard as cli_guard

        return cli_guard.run_lint(args, paths)
    now = dt.datetime.now()
    parsed = None
    try:  # a bad file or name is refused before the database is even opened
        if args.action == "import":
            parsed = phrase_import.read_phrase_file(Path(args.file).expanduser(), args.format)
        elif args.action == "export":
            phrase_import.export_format(Path(args.file), args.format)
    except PhraseImportError as exc:
        raise UsageError(" ".join(str(exc).split())) from None
    store = open_store(paths, now)
    try:
        if parsed is not None:
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
                raise UsageError(" ".join(str(exc).split())) from None
            print(report.summary)
            for note in report.notes():
                print(note)
            shown = report.first(10)
            for item in shown:
                print(f"  {item.message}")
            if len(report.items) > len(shown):
                print(f"  … (+{len(report.items) - len(shown)})")
        elif args.action == "export":
            try:
                count = phrase_import.export_to_file(store.phrases, Path(args.file).expanduser(), args.format)
            except PhraseImportError as exc:
                raise UsageError(" ".join(str(exc).split())) from None
            print(f"已导出 {count} 条短语到 {args.file}")
        elif args.action == "list":
            _print_phrases(store.phrases.all(), args.json)
        else:
            _print_phrases(store.phrases.search(args.query, limit=50), args.json)  # the persisted index, in SQL
    finally:
        store.close()
    return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.version:
        print(f"desktop_assistant {__version__}")
        return 0
    if args.long_version:
        print(long_version())
        return 0
    paths = resolve_paths(args.basedir, args.temp_basedir)
    try:
        code = _run_in(paths, args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at interpreter exit
        return code
    except (UsageError, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # `... | head` closed the pipe: the command did its work (an import is committed before its
        # report is printed); only the rest of the report had no reader.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: the details go to the log, the agent gets one line
        logging.getLogger(__name__).exception("command failed")
        print(f"{PROG}: 内部错误 / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.shutdown()
        paths.cleanup()


def _run_in(paths: Paths, args: argparse.Namespace) -> int:
    if args.command is None:
        if args.smoke_test:  # a newer database: its one line before Qt is even loaded (issue 15)
            from desktop_assistant.storage.maintenance import newer_schema

            newer = newer_schema(paths.db_path)
            if newer is not None:
                print(f"{PROG}: {newer}", file=sys.stderr)
                return newer.exit_code
        from desktop_assistant import app

        return app.run(paths, debug=args.debug, smoke_test=args.smoke_test)
    from desktop_assistant.cli.storage import recover_emptied, storage_failure
    from desktop_assistant.log import setup_cli_logging

    setup_cli_logging(paths, debug=args.debug)
    try:
        if args.command != "db" or args.action in ("backup", "purge"):  # check and restore see the file as it is
            recover_emptied(paths, PROG)
        from desktop_assistant.cli import address as cli_address
        from desktop_assistant.cli import buyers as cli_buyers
        from desktop_assistant.cli import conversations as cli_conversations
        from desktop_assistant.cli import kpi as cli_kpi
        from desktop_assistant.cli import notes as cli_notes
        from desktop_assistant.cli import reader as cli_reader
        from desktop_assistant.cli import selftest as cli_selftest

        commands = {
            "config": _run_config,
            "db": _run_db,
            "phrases": _run_phrases,
            "notes": lambda a, p: cli_notes.run_notes(a, p, UsageError),
            "promises": lambda a, p: cli_notes.run_promises(a, p, UsageError),
            "address": lambda a, p: cli_address.run_address(a, p, UsageError),
            "kpi": lambda a, p: cli_kpi.run_kpi(a, p, UsageError),
            "screen": lambda a, p: cli_buyers.run_screen(a, p, UsageError),
            "blacklist": lambda a, p: cli_buyers.run_blacklist(a, p, UsageError),
        }
        commands["selftest"] = lambda a, p: cli_selftest.run_selftest(a, p, UsageError)
        commands["conversations"] = lambda a, p: cli_conversations.run_conversations(a, p, UsageError)
        commands["reader"] = lambda a, p: cli_reader.run_reader(a, p, UsageError)
        return commands[args.command](args, paths)
    except Exception as exc:  # full disk, read-only, damaged, emptied file, ...: its own line and exit code
        return storage_failure(exc, paths, PROG)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["_selftest-target"]:  # selftest's own target window (hidden: not for people)
        from desktop_assistant.cli.selftest import run_target

        return run_target()
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
