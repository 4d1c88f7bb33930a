"""`address parse TEXT|- [--json]` (docs/cli.md): the parser of docs/checklist.md on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths

LABELS = (
    ("name", "收货人"),
    ("phone", "手机"),
    ("phone_ext", "分机"),
    ("province", "省"),
    ("city", "市"),
    ("district", "区/县"),
    ("street", "街道/镇"),
    ("detail", "详细地址"),
    ("postcode", "邮编"),
)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    address = sub.add_parser("address", parents=[common], help="parse an address as pasted from an order")
    address.set_defaults(run=run_address)
    address_sub = address.add_subparsers(dest="action", required=True, metavar="ACTION")
    parse = address_sub.add_parser("parse", parents=[common])
    parse.add_argument("text", help="the address text; - reads stdin")
    parse.add_argument("--json", action="store_true")


def run_address(args: argparse.Namespace, paths: Paths) -> int:
    import datetime as dt

    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.address import parse_address
    from desktop_assistant.resources_access import address_lists, division_index

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise UsageError("地址为空 / empty address")
    store = open_store(paths, dt.datetime.now())  # the shop's own lists are settings
    try:
        settings = store.settings
        lists = address_lists(
            settings.get("screen.celebrities_extra"),
            settings.get("lists.remote_areas"),
            settings.get("lists.pickup_words"),
        )
    finally:
        store.close()
    result = parse_address(text, division_index(), lists).as_json()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    for key, label in LABELS:
        if result[key]:
            print(f"{label}: {result[key]}")
    from desktop_assistant.domain.checklist import WARNING_TEXT

    for code in result["warnings"]:  # the agent reads the same words as in the 核对 tab; --json keeps the codes
        print("提示: " + WARNING_TEXT.get(code, code))
    return 0
