"""`selftest [--json] [--backend NAME]`: the one-minute check of hotkey, paste, clipboard and picker on
this PC (desktop_assistant/selftest.py), and the hidden `_selftest-target` mode it starts itself in."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_assistant.cli.errors import UsageError
from desktop_assistant.paths import Paths

TARGET_COMMAND = "_selftest-target"  # the frozen exe has no python: the target is the same program


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    selftest = sub.add_parser(
        "selftest",
        parents=[common],
        help="open a test window, press a test hotkey, check the paste, clipboard and picker",
    )
    selftest.set_defaults(run=run_selftest)
    selftest.add_argument("--json", action="store_true", help="one JSON object: ok and every step's name, ok, detail")
    selftest.add_argument("--backend", default="auto", help="hotkey backend to test (default: this platform's)")


def run_selftest(args: argparse.Namespace, paths: Paths) -> int:
    from desktop_assistant.os_integration.hotkeys.pick import BACKENDS

    if args.backend != "auto" and args.backend not in BACKENDS:
        raise UsageError(f"未知的快捷键方式 {args.backend!r}, 可选: auto, {', '.join(BACKENDS)}")
    import logging

    from desktop_assistant import selftest

    if not logging.getLogger().handlers:  # --temp-basedir keeps no log: the steps carry every reason
        logging.getLogger().addHandler(logging.NullHandler())
    from desktop_assistant.selftest_report import as_json, exit_code, step_line, summary_line

    shown: set[str] = set()

    def live(step: Any) -> None:  # a person sees each step as it finishes
        if not args.json:
            shown.add(step.name)
            print(step_line(step), flush=True)

    if not args.json:
        print("客服助手自检: 请在约 10 秒内不要动键盘和鼠标", flush=True)
    steps, backend = selftest.run(args.backend, report=live)
    if args.json:
        print(as_json(steps, platform=sys.platform, backend=backend))
    else:
        for step in steps:
            if step.name not in shown:  # never reached (an earlier step ended the run)
                print(step_line(step))
        print(summary_line(steps))
    return exit_code(steps)


def run_target() -> int:
    from desktop_assistant.selftest_target import run_target as target

    return target()
