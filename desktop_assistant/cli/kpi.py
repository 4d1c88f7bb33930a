"""`kpi FILE [--all-hours | --hours 08:00-23:00] [--json]` (docs/cli.md): KPIs of a chat-log CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths

HEADINGS = ("", "轮次", "已回复", "买家", "平均响应(秒)", "平均首响(秒)", "30秒", "60秒", "3分钟", "答问比")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    kpi = sub.add_parser("kpi", parents=[common], help="response KPIs of a chat log (CSV)")
    kpi.set_defaults(run=run_kpi)
    kpi.add_argument("file", help="chat-log CSV; - reads stdin")
    hours = kpi.add_mutually_exclusive_group()
    hours.add_argument("--all-hours", action="store_true", help="count every round, not only service hours")
    hours.add_argument("--hours", default="08:00-23:00", help="service hours, HH:MM-HH:MM (default 08:00-23:00)")
    kpi.add_argument("--json", action="store_true")


def run_kpi(args: argparse.Namespace, paths: Paths) -> int:
    import gc

    from desktop_assistant.domain.kpi import KpiError, iter_rows, kpis, parse_hours, read_chat_log
    from desktop_assistant.domain.tables import TextFileError

    # A million small tuples that all stay alive: the cycle collector would rescan them again and
    # again for nothing (it halves the run time); a batch command exits right after.
    gc.disable()
    try:
        hours = None if args.all_hours else parse_hours(args.hours)
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).expanduser().read_bytes()
        messages = read_chat_log(_decode(data))
    except FileNotFoundError:
        raise UsageError(f"找不到文件: {args.file}") from None
    except OSError as exc:
        raise UsageError(f"无法读取 {args.file}: {exc.strerror}") from None
    except (KpiError, TextFileError) as exc:
        raise UsageError(str(exc)) from None
    result = kpis(messages, hours)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print("\t".join(HEADINGS))
    for row in iter_rows(result):
        print("\t".join(str(cell) for cell in row))
    return 0


def _decode(data: bytes) -> str:
    """UTF-8 (BOM or not) or GB18030, as every import. UTF-8 first, directly: decode_text would copy the
    whole file once more only to see whether it is blank (`isspace` stops at the first other byte)."""
    from desktop_assistant.domain.tables import decode_text

    if data and not data.isspace():
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    return decode_text(data)[0]
