"""Start-up and footprint of the foundation: smoke test, panel shown, resident memory, CLI latency.

    python benchmarks/startup.py [--runs 10] [--json-out FILE]

Targets (docs/benchmarks.md, issue 2): smoke test well under 1.5 s offscreen; panel shown within 0.6 s (warm).
Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def timed(args: list[str], silent: bool = True) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", *args], cwd=REPO, env=ENV, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or result.stderr or (silent and result.stdout):
        raise SystemExit(f"{args} failed: rc={result.returncode} {result.stdout} {result.stderr}")
    return elapsed


def panel_shown(basedir: Path) -> tuple[float, int]:
    """Seconds from spawn until the panel is shown, and its resident memory (kB) then."""
    log = basedir / "logs" / "desktop_assistant.log"
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(basedir)],
        cwd=REPO,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not (log.exists() and "panel shown" in log.read_text(encoding="utf-8")):
            if time.perf_counter() - started > 30:
                raise SystemExit("panel never showed")
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        time.sleep(0.5)  # let the event loop settle before reading memory
        rss = next(
            int(line.split()[1])
            for line in Path(f"/proc/{process.pid}/status").read_text().splitlines()
            if line.startswith("VmRSS:")
        )
        return elapsed, rss
    finally:
        process.terminate()
        process.wait(timeout=20)


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_s": round(statistics.median(ordered), 3), "p95_s": round(p95, 3), "min_s": round(ordered[0], 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json-out")
    args = parser.parse_args()
    timed(["--temp-basedir", "--smoke-test"])  # warm the OS file cache, as a second start of the day is
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        smoke = [timed(["--temp-basedir", "--smoke-test"]) for _ in range(args.runs)]
        timed(["--basedir", tmp, "config", "set", "agent_name", "小王"], silent=False)
        cli = [timed(["--basedir", tmp, "config", "get", "agent_name"], silent=False) for _ in range(args.runs)]
        shown, rss = zip(*(panel_shown(base) for _ in range(args.runs)), strict=True)
    results = {
        "smoke_test": {**summary(smoke), "target_s": 1.5},
        "panel_shown": {**summary(list(shown)), "target_s": 0.6},
        "cli_config_get": summary(cli),
        "panel_rss_mb": round(statistics.median(rss) / 1024, 1),
        "runs": args.runs,
        "python": sys.version.split()[0],
    }
    rows = [
        ("--temp-basedir --smoke-test", results["smoke_test"], "< 1.5 s"),
        ("start to panel shown (warm)", results["panel_shown"], "<= 0.6 s"),
        ("config get (CLI, no Qt)", results["cli_config_get"], "-"),
    ]
    print(f"{'measure':34} {'median':>8} {'p95':>8} {'min':>8}  target")
    for name, row, target in rows:
        print(f"{name:34} {row['median_s']:>7.3f}s {row['p95_s']:>7.3f}s {row['min_s']:>7.3f}s  {target}")
    print(
        f"{'panel resident memory':34} {results['panel_rss_mb']:>7.1f}MB {'':>8} {'':>8}  <= 150 MB (all data loaded)"
    )
    emit(results, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
