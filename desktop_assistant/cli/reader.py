"""`reader calibrate CLIENT --list X,Y,W,H --header X,Y,W,H --messages X,Y,W,H` and `reader probe [--json]`
(docs/reading.md). Calibrate stores the regions of one client in `reader.regions` (pixels from the top-left
corner of the window's client area): a shop deploys one layout to many desks. Probe lists the top-level
windows, what the title rules make of each, and what each reader reads in the chat windows right now:
what support asks an agent for. Probe only reads: it never clicks, types or focuses anything."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    reader = sub.add_parser("reader", parents=[common], help="how the panel reads the IM client")
    reader.set_defaults(run=run_reader)
    actions = reader.add_subparsers(dest="action", required=True, metavar="ACTION")
    calibrate = actions.add_parser("calibrate", parents=[common], help="store a client's reading regions")
    calibrate.add_argument("client", help="the platform name of a title rule, such as 千牛")
    for name in ("list", "header", "messages"):
        calibrate.add_argument(
            f"--{name}",
            required=True,
            metavar="X,Y,W,H",
            help=f"the {name} region: pixels from the top-left of the window's client area",
        )
    probe = actions.add_parser("probe", parents=[common], help="list windows and what each reader reads now")
    probe.add_argument("--json", action="store_true")


def run_reader(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.conversation_titles import TitleRuleError, parse_title_rules, platforms
    from desktop_assistant.domain.reading import RegionError, Regions, format_regions, parse_region, parse_regions

    store = open_store(paths, dt.datetime.now())
    try:
        settings = store.settings
        try:
            rules = parse_title_rules(settings.get("conversation.title_rules"))
        except TitleRuleError as exc:
            raise UsageError(f"conversation.title_rules: {exc}") from None
        if args.action == "probe":
            return _probe(settings, rules, args.json, paths)
        clients = platforms(rules)
        if args.client not in clients:
            raise UsageError(f"没有名为 {args.client!r} 的客户端; 标题规则里的平台: {', '.join(clients) or '无'}")
        try:
            boxes = Regions(parse_region(args.list), parse_region(args.header), parse_region(args.messages))
            regions = parse_regions(settings.get("reader.regions"))
        except RegionError as exc:
            raise UsageError(str(exc)) from None
        regions[args.client] = boxes
        settings.set("reader.regions", format_regions(regions))
        print(f"{args.client}: list {args.list}, header {args.header}, messages {args.messages}")
        return 0
    finally:
        store.close()


def _probe(settings: Any, rules: tuple, as_json: bool, paths: Paths) -> int:
    from desktop_assistant.domain.conversation_titles import match_window, parse_accounts
    from desktop_assistant.os_integration.foreground import pick_foreground
    from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

    try:
        windows = pick_foreground().windows()
    except PlatformUnavailable as exc:
        print(f"desktop-assistant: 无法列出窗口: {exc}", file=sys.stderr)
        return 1
    sellers = parse_accounts(settings.get("seller_accounts"))
    readers = _readers(settings, paths)
    now = dt.datetime.now()
    report = []
    for window in windows:
        found = match_window(window.process, window.title, rules, window.window_class, sellers)
        entry: dict[str, Any] = {
            "id": window.id,
            "process": window.process,
            "class": window.window_class,
            "title": window.title,
            "rule": found.rule.text if found else None,
            "rule_line": found.rule.line if found else None,
            "client": found.platform if found else "",
            "chat_window": bool(found and found.is_chat_window),
            "seller": found.seller if found else "",
            "buyer_in_title": found.buyer if found else "",
            "readers": {},
        }
        if found is not None and found.is_chat_window:
            entry["readers"] = {
                source: _read_once(reader, window, found.platform, now) for source, reader in readers.items()
            }
        report.append(entry)
    for reader in readers.values():
        reader.close()
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    elif not report:
        print("没有可列出的窗口 (没有图形桌面, 或此平台不支持)")
    else:
        for entry in report:
            print(_line(entry))
    return 0


def _readers(settings: Any, paths: Paths) -> dict[str, Any]:
    """Every reader installed here, built as the panel builds them; one that cannot start says why."""
    from desktop_assistant.app import reader_factories
    from desktop_assistant.os_integration.readers.base import ReaderUnavailable

    factories = reader_factories(settings, paths.data_dir)
    if len(factories) > 1:  # screen and accessibility readers run on the GUI thread of a Qt application
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication(sys.argv[:1])
    readers: dict[str, Any] = {}
    for source, factory in factories.items():
        try:
            readers[source] = factory()
        except ReaderUnavailable as exc:
            readers[source] = _Unavailable(str(exc))
    return readers


class _Unavailable:
    def __init__(self, reason: str) -> None:
        self.reason = reason

    def close(self) -> None:
        pass


def _read_once(reader: Any, window: Any, client: str, now: dt.datetime) -> dict[str, Any]:
    """One poll, summed up: the nick read, who spoke last, the badges; or why nothing could be read."""
    from desktop_assistant.domain.reading import ACTIVE_BUYER, AGENT_MESSAGE, BUYER_MESSAGE, SIGHT, UNREAD_BADGE
    from desktop_assistant.os_integration.readers.base import ReaderUnavailable

    if isinstance(reader, _Unavailable):
        return {"error": reader.reason}
    try:
        if reader.source == SIGHT:  # a sight read returns its events later (its worker), the snapshot now
            shot = reader.snapshot(window, client)
            return {
                "buyer": shot.nick,
                "last_speaker": shot.last_speaker,
                "badges": [{"buyer": nick, "count": count} for nick, count in shot.badges],
            }
        events = reader.read(window, client, now)
    except ReaderUnavailable as exc:
        return {"error": str(exc)}
    nicks = [e.buyer for e in events if e.kind == ACTIVE_BUYER]
    speakers = [e for e in events if e.kind in (BUYER_MESSAGE, AGENT_MESSAGE)]
    last = max(speakers, key=lambda e: e.at) if speakers else None
    return {
        "buyer": nicks[-1] if nicks else "",
        "last_speaker": ("buyer" if last.kind == BUYER_MESSAGE else "agent") if last else "",
        "badges": [{"buyer": e.buyer, "count": e.count} for e in events if e.kind == UNREAD_BADGE],
    }


def _line(entry: dict[str, Any]) -> str:
    what = "聊天窗口" if entry["chat_window"] else ("非聊天窗口" if entry["rule"] else "无规则")
    parts = [f"{entry['process'] or '?'} [{entry['class'] or '?'}] {entry['title']!r}: {what}"]
    if entry["rule"]:
        parts.append(f"规则第 {entry['rule_line']} 行 ({entry['client'] or '通用'})")
    if entry["seller"]:
        parts.append(f"卖家 {entry['seller']}")
    if entry["buyer_in_title"]:
        parts.append(f"标题里的买家 {entry['buyer_in_title']}")
    lines = ["; ".join(parts)]
    for source, read in entry["readers"].items():
        if "error" in read:
            lines.append(f"    {source}: 不可读: {read['error']}")
        elif source == "manual":
            lines.append(f"    {source}: 不自动读取 (快捷键/剪贴板/输入)")
        else:
            badges = ", ".join(f"{b['buyer']}({b['count']})" for b in read["badges"]) or "无"
            lines.append(
                f"    {source}: 买家 {read['buyer'] or '-'}; 最后发言 {read['last_speaker'] or '-'}; 未读 {badges}"
            )
    return "\n".join(lines)
