"""Parse the command line and run the command: the panel by default, subcommands for batch work (docs/cli.md).

Qt is imported only when the panel starts, so batch commands stay fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sqlite3
import sys
from collections.abc import Sequence

from desktop_assistant import __version__
from desktop_assistant.cli import (
    address,
    buyers,
    config,
    conversations,
    db,
    kpi,
    notes,
    phrases,
    reader,
    selftest,
)
from desktop_assistant.cli.errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, PROG, UsageError
from desktop_assistant.paths import Paths, resolve_paths

# Each adds its subcommands with their `run` (argparse only: what a command needs is imported when it runs).
# In this order in --help.
GROUPS = (config, db, phrases, selftest, address, kpi, notes, buyers, conversations, reader)


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
    # Nested subparsers are made of the class of their parent: every one reports errors as _Parser does.
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    common = _common_options(False)
    for group in GROUPS:
        group.add_parsers(sub, common)
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


def _dispatch(args: argparse.Namespace) -> int:
    if args.version:
        print(f"desktop_assistant {__version__}")
        return EXIT_OK
    if args.long_version:
        print(long_version())
        return EXIT_OK
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
        return EXIT_OK
    except Exception as exc:  # a bug: the details go to the log, the agent gets one line
        logging.getLogger(__name__).exception("command failed")
        print(f"{PROG}: 内部错误 / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
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
    from desktop_assistant.cli.storage import read_only_notice, recover_emptied, storage_failure
    from desktop_assistant.log import setup_cli_logging

    setup_cli_logging(paths, debug=args.debug)
    try:
        if args.command != "db" or args.action in ("backup", "purge"):  # check and restore see the file as it is
            recover_emptied(paths, PROG)
        code = args.run(args, paths)  # set by the command's group (GROUPS)
        read_only_notice(PROG)  # after the output: the command read what it was asked to
        return code
    except Exception as exc:  # full disk, read-only, damaged, emptied file, ...: its own line and exit code
        return storage_failure(exc, paths, PROG)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == [selftest.TARGET_COMMAND]:  # selftest's own target window (hidden: not for people)
        return selftest.run_target()
    try:
        args = build_parser().parse_args(argv)
        return _dispatch(args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
