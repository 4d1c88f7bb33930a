"""The UI Automation reader's own cost per poll, on Linux, over a recorded-shape tree (no Windows here).

    python benchmarks/uia_reader.py [--messages 50] [--rows 100] [--polls 2000] [--json-out FILE]

Measures the Python side only: the rules walking a tree of `--messages` message nodes (the
published 千牛 9.x shape, tests/data/uia) and `--rows` conversation rows, through the fake COM objects
of tests/unit/test_uia_com.py so the adapter's wrapping is included. It also counts the COM calls a
steady poll makes. What one real cross-process UI Automation call costs on Windows is NOT measured;
multiply by the counts printed here (docs/uia.md, first-run checklist).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "unit"))

INTERVAL_S = 0.5  # reader.interval_ms default


def big_tree(messages: int, rows: int):
    from desktop_assistant.os_integration.readers.uia_recorded import load_recorded_tree

    tree = load_recorded_tree(REPO / "tests" / "data" / "uia" / "qianniu9_badges.json")
    stack = [tree]
    while stack:
        element = stack.pop()
        if element.automation_id == "J_msg_list":
            template = element.kids[1:3]  # a buyer message and an agent reply
            element.kids = []
            for i in range(messages):
                node = copy.deepcopy(template[i % 2])
                node.automation_id = f"{4210903300000 + i}.PNM"
                element.kids.append(node)
        elif element.control_type == "Tree":
            template = element.kids[1]
            element.kids = [copy.deepcopy(template) for _ in range(rows)]
            for i, row in enumerate(element.kids):
                row.name = row.kids[0].name = f"买家{i}"
        stack.extend(element.kids)
    return tree


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--polls", type=int, default=2000)
    parser.add_argument("--json-out")
    args = parser.parse_args()

    import test_uia_com as fakes  # the fake COM objects of the adapter's tests

    from desktop_assistant.os_integration.readers.uia import UiaReader
    from desktop_assistant.os_integration.readers.uia_com import ComTreeSource
    from desktop_assistant.os_integration.readers.uia_rules import load_rules_file

    rules = load_rules_file(REPO / "resources" / "readers" / "uia_rules.json")
    tree = big_tree(args.messages, args.rows)

    class Automation(fakes.FakeAutomation):
        def ElementFromHandleBuildCache(self, hwnd, cache):  # noqa: N802 - the same window every poll
            return fakes.FakeElement(self._log, tree)

    log = fakes.Log()
    reader = UiaReader(rules, tree_source=ComTreeSource(Automation(log)))
    now = dt.datetime(2026, 12, 6, 10, 10)
    reader.read(fakes.WINDOW, "千牛", now)
    reader.read(fakes.WINDOW, "千牛", now)  # nick confirmed, everything seen: the steady state from here
    del log.members[:]
    reader.read(fakes.WINDOW, "千牛", now)
    calls = {
        name: log.members.count(name)
        for name in ("ElementFromHandleBuildCache", "FindAllBuildCache", "BuildUpdatedCache", "GetCachedChildren")
    }
    pure = UiaReader(rules, tree_source=lambda window: tree)  # the rules alone, no adapter
    for _ in range(2):
        pure.read(fakes.WINDOW, "千牛", now)
    start = time.process_time()
    for _ in range(args.polls):
        pure.read(fakes.WINDOW, "千牛", now)
    pure_ms = (time.process_time() - start) / args.polls * 1000
    times = []
    for _ in range(args.polls):
        start = time.process_time()
        reader.read(fakes.WINDOW, "千牛", now)
        times.append(time.process_time() - start)
    median = statistics.median(times)
    result = {
        "messages": args.messages,
        "rows": args.rows,
        "polls": args.polls,
        "cpu_ms_per_poll_rules_only_mean": round(pure_ms, 3),
        "cpu_ms_per_poll_median": round(median * 1000, 3),
        "cpu_ms_per_poll_p95": round(sorted(times)[int(len(times) * 0.95)] * 1000, 3),
        "share_of_one_core_at_500ms": round(median / INTERVAL_S * 100, 2),
        "com_calls_per_steady_poll": calls,
        "python": sys.version.split()[0],
    }
    print(f"rules alone (recorded tree): {result['cpu_ms_per_poll_rules_only_mean']} ms CPU per poll")
    print(
        f"{args.messages} messages, {args.rows} rows, through the adapter and fake COM objects: "
        f"{result['cpu_ms_per_poll_median']} ms CPU per poll "
        f"(p95 {result['cpu_ms_per_poll_p95']} ms) = {result['share_of_one_core_at_500ms']} % of one core "
        f"every 500 ms; COM calls per steady poll: {calls}"
    )
    emit(result, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
