"""`config get KEY | set KEY VALUE | list [--json]`: the settings (domain/settings.py) on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    config = sub.add_parser("config", parents=[common], help="read or change settings")
    config.set_defaults(run=run_config)
    config_sub = config.add_subparsers(dest="action", required=True, metavar="ACTION")
    get = config_sub.add_parser("get", parents=[common])
    get.add_argument("key")
    put = config_sub.add_parser("set", parents=[common])
    put.add_argument("key")
    put.add_argument("value")
    config_sub.add_parser("list", parents=[common]).add_argument("--json", action="store_true")


def _format_value(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def run_config(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.cli.storage import open_store  # read-only when the file cannot be written
    from desktop_assistant.domain.settings import SettingError, spec_for

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
            print(json.dumps(store.settings.all(), ensure_ascii=False, indent=2))
        else:
            for key, value in store.settings.all().items():
                print(f"{key} = {_format_value(value)}")
    finally:
        store.close()
    return 0
