"""`phrases lint [--json]`: the outgoing-text guard (docs/guard.md) over the whole phrase library.

Lists every finding, blocking (站外联系, 好评返现) or warning (极限词), with the phrase's code, the
category and the words found. Exit 1 when anything blocking is found, else 0.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop_assistant.paths import Paths

LABELS = {"contact": "站外联系", "cashback": "好评返现", "absolute": "广告法极限词"}


def add_parser(phrases_sub: Any, common: argparse.ArgumentParser) -> None:
    lint = phrases_sub.add_parser(
        "lint", parents=[common], help="check every phrase for off-platform contact, 好评返现 and absolute words"
    )
    lint.add_argument("--json", action="store_true")


def run_lint(args: argparse.Namespace, paths: Paths) -> int:
    import datetime as dt

    from desktop_assistant.cli.storage import open_store
    from desktop_assistant.domain.guard import findings
    from desktop_assistant.resources_access import load_guard

    store = open_store(paths, dt.datetime.now())
    try:
        guard = load_guard(store.settings.all())
        rows = []
        for phrase in store.phrases.all():
            for finding in findings(guard.check(phrase.text)):
                rows.append(
                    {
                        "id": phrase.id,
                        "code": phrase.code,
                        "title": phrase.display_title,
                        "category": finding.category,
                        "blocking": finding.blocking,
                        "words": list(finding.words),
                    }
                )
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            level = "阻止" if row["blocking"] else "提醒"
            print(
                f"{row['code'] or '#' + str(row['id'])}\t{LABELS[row['category']]}\t{level}\t"
                f"{'、'.join(row['words'])}\t{row['title']}"
            )
        blocking = sum(1 for row in rows if row["blocking"])
        print(f"共 {len(rows)} 处: 阻止 {blocking}, 提醒 {len(rows) - blocking}" if rows else "没有发现问题")
    return 1 if any(row["blocking"] for row in rows) else 0
