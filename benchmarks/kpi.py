"""`kpi` over a chat log of 1,000,000 messages (target <= 5 s, issue 4), end to end through the CLI.

    python benchmarks/kpi.py [--messages 1000000] [--runs 3] [--json-out FILE]

The log: 20 agents, 50,000 buyers, bursts of 1-4 buyer messages, auto-replies, replies after 5-400 s,
some rounds unanswered, rows shuffled in blocks (the command sorts them). Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
TARGET_S = 5.0


def write_log(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 11, 8, 0)
    rows = []
    while len(rows) < count:
        moment = start + dt.timedelta(seconds=rng.randrange(15 * 3600 * 3))
        nick, agent = f"买家{rng.randrange(50_000)}", f"客服{rng.randrange(20)}"
        for _ in range(rng.randint(1, 4)):
            rows.append((moment, nick, "buyer", ""))
            moment += dt.timedelta(seconds=rng.randint(1, 20))
        if rng.random() < 0.3:
            rows.append((moment, nick, "auto", ""))
        if rng.random() < 0.95:
            rows.append((moment + dt.timedelta(seconds=rng.randint(5, 400)), nick, "agent", agent))
    rows = rows[:count]
    rng.shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("time,buyer,sender,agent,text\n")
        for moment, nick, sender, agent in rows:
            out.write(f"{moment:%Y-%m-%d %H:%M:%S},{nick},{sender},{agent},在吗\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "chat.csv"
        write_log(log, args.messages)
        size_mb = log.stat().st_size / 1e6
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "desktop_assistant",
                    "--basedir",
                    str(Path(tmp) / "data"),
                    "kpi",
                    str(log),
                    "--json",
                ],
                cwd=REPO,
                capture_output=True,
                text=True,
            )
            times.append(time.perf_counter() - started)
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
        figures = json.loads(result.stdout)
    median = statistics.median(times)
    print(f"{'measure':40} {'value':>10}  target")
    print(
        f"{'kpi over ' + format(args.messages, ',') + ' messages (median)':40} {median:9.2f}s  <= {TARGET_S} s "
        f"{'PASS' if median <= TARGET_S else 'FAIL'}"
    )
    print(f"{'slowest run':40} {max(times):9.2f}s")
    print(f"{'log size':40} {size_mb:8.1f}MB")
    print(f"{'rounds counted':40} {figures['rounds']:10,}")
    out = {
        "kpi": {
            "messages": args.messages,
            "runs": args.runs,
            "median_s": round(median, 2),
            "max_s": round(max(times), 2),
            "log_mb": round(size_mb, 1),
            "rounds": figures["rounds"],
            "target_s": TARGET_S,
            "pass": median <= TARGET_S,
        }
    }
    emit(out, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
