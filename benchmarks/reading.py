"""What the sight reader costs and how fast it sees (docs/reading.md: <= 3 % of one core steady, a bubble
starts its timer within 1 s), against the fake 千牛 接待中心 on Xvfb with openbox.

    python benchmarks/reading.py [--seconds 60] [--interval 500] [--json-out FILE]

The reader runs as in the field: its own process (tests/e2e/sight_runner.py) polling the fake's window
every `--interval` ms with the real capture (QScreen.grabWindow) and the real OCR. Measured:
- CPU of the reader process (user + system from /proc) over `--seconds` with the fake idle, then over
  `--seconds` with one buyer message every 2 s (the messages alternate between buyer and agent);
- message-to-event latency: from the fake's "drawn" reply to the reader's BUYER_MESSAGE/AGENT_MESSAGE
  (both time.monotonic(), one clock on Linux), median and p95;
- switch-to-ACTIVE_BUYER latency over 10 switches (read twice, so about two polls);
- resident memory of the reader process before the OCR loads (sight off) and after the busy run;
- the OCR load time.
Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
TARGET_CPU_PERCENT = 3.0
TARGET_LATENCY_S = 1.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=int, default=500)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()

    import tempfile

    from tests.e2e.conftest import REPO as TESTS_REPO
    from tests.e2e.conftest import LineProcess, desktop_env, start_openbox, start_xvfb
    from tests.e2e.workbench_driver import FakeWorkbench

    server, display = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="reading-bench-"))
    openbox = start_openbox(desktop_env(display, home))
    time.sleep(0.5)
    fake = FakeWorkbench(display)
    reader = LineProcess(
        ["-m", "tests.e2e.sight_runner", str(fake.window), fake.regions_setting(), "--interval", str(args.interval)],
        display,
        cwd=TESTS_REPO,
    )
    result: dict = {"interval_ms": args.interval, "seconds": args.seconds}
    try:
        booted = reader.expect("booted", timeout=60)
        ready = reader.expect("ready", timeout=120)
        pid = reader.process.pid
        result["rss_sight_off_mb"] = round(booted["rss_kb"] / 1024, 1)
        result["ocr_load_s"] = ready["load_s"]
        nick = fake.first_buyers[0]
        reader.expect("reader", timeout=30, kind="active_buyer", buyer=nick)

        # idle: the fake does nothing, the reader polls
        time.sleep(2)
        cpu0, wall0 = cpu_seconds(pid), time.monotonic()
        time.sleep(args.seconds)
        result["cpu_idle_percent"] = round(100 * (cpu_seconds(pid) - cpu0) / (time.monotonic() - wall0), 2)

        # busy: one message every 2 s
        latencies: list[float] = []
        cpu0, wall0 = cpu_seconds(pid), time.monotonic()
        count = int(args.seconds // 2)
        for i in range(count):
            tick = time.monotonic()
            kind = "buyer_message" if i % 2 == 0 else "agent_message"
            if kind == "buyer_message":
                fake.buyer(nick, f"请问第{i}件什么时候发货")
            else:
                fake.agent(f"亲，第{i}件今天发出")
            drawn = time.monotonic()
            event = reader.expect("reader", timeout=10, kind=kind, buyer=nick)
            latencies.append(event["t"] - drawn)
            # every 2 s on average, at a random phase of the poll timer (else every message lands at the same phase)
            time.sleep(max(0.0, 2.0 + random.uniform(-0.25, 0.25) - (time.monotonic() - tick)))
        result["cpu_busy_percent"] = round(100 * (cpu_seconds(pid) - cpu0) / (time.monotonic() - wall0), 2)
        result["messages"] = count
        result["latency_median_s"] = round(statistics.median(latencies), 3)
        result["latency_p95_s"] = round(percentile(latencies, 95), 3)
        result["latency_max_s"] = round(max(latencies), 3)
        result["rss_sight_on_mb"] = round(rss_mb(pid), 1)

        switches: list[float] = []
        for i in range(10):
            target = fake.first_buyers[1 + i % 3] if i % 2 == 0 else nick
            fake.switch(target)
            drawn = time.monotonic()
            event = reader.expect("reader", timeout=10, kind="active_buyer", buyer=target)
            switches.append(event["t"] - drawn)
            time.sleep(1.0 + random.uniform(0, args.interval / 1000))
        result["switch_median_s"] = round(statistics.median(switches), 3)
        result["switch_max_s"] = round(max(switches), 3)
    finally:
        reader.stop()
        fake.stop()
        openbox.terminate()
        server.terminate()

    rows = [
        ("OCR load", f"{result['ocr_load_s']:.2f} s", ""),
        (
            "CPU, fake idle",
            f"{result['cpu_idle_percent']:.2f} % of a core ({result['cpu_idle_percent'] * 0.6:.2f} s/min)",
            f"<= {TARGET_CPU_PERCENT} %",
        ),
        (
            "CPU, a message every 2 s",
            f"{result['cpu_busy_percent']:.2f} % of a core ({result['cpu_busy_percent'] * 0.6:.2f} s/min)",
            "",
        ),
        ("message -> event, median", f"{result['latency_median_s']:.3f} s", f"<= {TARGET_LATENCY_S} s"),
        ("message -> event, p95", f"{result['latency_p95_s']:.3f} s", f"<= {TARGET_LATENCY_S} s"),
        ("message -> event, max", f"{result['latency_max_s']:.3f} s", ""),
        ("switch -> active buyer, median", f"{result['switch_median_s']:.3f} s", ""),
        ("switch -> active buyer, max", f"{result['switch_max_s']:.3f} s", ""),
        ("RSS, sight off (no OCR loaded)", f"{result['rss_sight_off_mb']:.0f} MB", ""),
        ("RSS, sight on (after the busy run)", f"{result['rss_sight_on_mb']:.0f} MB", ""),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"sight reader, poll every {args.interval} ms, {args.seconds:.0f} s per phase")
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:<32} {target}")
    emit(result, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
