"""Big shops (issue 17): the panel and the commands at 70 / 5,000 / 50,000 phrases, and at 50,000
phrases with 100,000 buyer profiles, 1,000,000 note versions and a year (~3,000,000) of conversation events.

    python benchmarks/scale.py [--sizes 70,5000,50000,50000+data] [--runs 3] [--json-out FILE]

Per database (built by benchmarks/scale_data.py, cached under /tmp):
- start to panel shown (the log line, written once the phrase hotkeys are registered: hotkeys live)
  and resident memory then, and 3 s later (every tab built), as a real start in its own process;
- the `--smoke-test` path, wall time and peak resident memory;
- `phrases search hy` as a command;
- in one more process (scale_inprocess.py): each deferred tab's build, opening each tab, 统计 for
  7 days, the picker and the 短语 tab search per keystroke (refreshing the list they show).
And once: `phrases import` of a 50,000-row CSV into the 70-phrase database.
Targets at 50,000 phrases: start within 1.5x of the 70-phrase start, memory within 30 MB of it,
picker p95 <= 5 ms, `phrases search` <= 0.3 s, import <= 5 s. Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_data  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# Bytecode cached as an installed or frozen app has it (a PYTHONDONTWRITEBYTECODE environment would compile
# every module at every start: ~0.1 s of each command), in a folder of its own, not in the repository.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "QT_QPA_PLATFORM": "offscreen",
    "PYTHONPATH": str(REPO),
    "PYTHONPYCACHEPREFIX": str(scale_data.CACHE / "pycache"),
}
APP = [sys.executable, "-m", "desktop_assistant"]


def run_timed(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds (user + system) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{args} failed: {process.stderr.read().decode()}")
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def panel_start(basedir: Path) -> dict:
    log = basedir / "logs" / "desktop_assistant.log"
    log.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*APP, "--basedir", str(basedir)], cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while not (log.exists() and "panel shown" in log.read_text(encoding="utf-8")):
            if time.perf_counter() - started > 120:
                raise SystemExit("panel never showed")
            time.sleep(0.002)
        shown = time.perf_counter() - started
        at_shown = rss_mb(process.pid)
        time.sleep(3)
        return {"shown_s": shown, "rss_shown_mb": at_shown, "rss_idle_mb": rss_mb(process.pid)}
    finally:
        process.terminate()
        process.wait(timeout=30)


def import_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["分组", "快捷编码", "标题", "短语内容"])
        for group_id, title, code, body, *_ in scale_data.phrase_rows(rows, seed=23):
            writer.writerow([scale_data.GROUPS[group_id - 1], f"i{code}", title, body])


def median(rows: list[dict], key: str) -> float:
    return round(statistics.median(row[key] for row in rows), 3)


def measure(size: str, base: Path, runs: int) -> dict:
    phrases, big = int(size.split("+")[0]), size.endswith("+data")
    scale_data.cached(phrases, big, base)
    run_timed([*APP, "--basedir", str(base), "phrases", "search", "hy"])  # untimed: writes the bytecode cache
    smoke = [run_timed([*APP, "--basedir", str(base), "--smoke-test"]) for _ in range(runs)]
    search = [run_timed([*APP, "--basedir", str(base), "phrases", "search", "hy"]) for _ in range(runs)]
    starts = [panel_start(base) for _ in range(runs)]
    inproc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "scale_inprocess.py"), "--basedir", str(base)],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "panel_shown_s": median(starts, "shown_s"),
        "rss_shown_mb": median(starts, "rss_shown_mb"),
        "rss_idle_mb": median(starts, "rss_idle_mb"),
        "smoke_s": round(statistics.median(s for s, _, _ in smoke), 3),
        "smoke_peak_mb": round(statistics.median(m for _, m, _ in smoke), 1),
        "search_cmd_s": round(statistics.median(s for s, _, _ in search), 3),
        "search_cmd_cpu_s": round(statistics.median(c for _, _, c in search), 3),
        "inprocess": json.loads(inproc.stdout.strip().splitlines()[-1]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="70,5000,50000,50000+data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--import-rows", type=int, default=50_000)
    parser.add_argument("--json-out")
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            results[size] = measure(size, Path(tmp) / "db", args.runs)
        source = Path(tmp) / "import.csv"
        import_csv(source, args.import_rows)
        scale_data.cached(70, False, Path(tmp) / "db")
        took, peak, cpu = run_timed([*APP, "--basedir", str(Path(tmp) / "db"), "phrases", "import", str(source)])
        results["import"] = {
            "rows": args.import_rows,
            "s": round(took, 2),
            "peak_mb": round(peak, 1),
            "cpu_s": round(cpu, 2),
        }
    print_table(results)
    emit(results, args.json_out)
    return 0


def print_table(results: dict) -> None:
    sizes = [key for key in results if key != "import"]
    rows = [
        ("start to panel shown / hotkeys live (s)", lambda r: r["panel_shown_s"]),
        ("resident at panel shown (MB)", lambda r: r["rss_shown_mb"]),
        ("resident idle, 3 s later (MB)", lambda r: r["rss_idle_mb"]),
        ("--smoke-test (s)", lambda r: r["smoke_s"]),
        ("--smoke-test peak (MB)", lambda r: r["smoke_peak_mb"]),
        ("`phrases search hy` (s)", lambda r: r["search_cmd_s"]),
        ("`phrases search hy`, CPU (s)", lambda r: r["search_cmd_cpu_s"]),
        ("picker first key (ms)", lambda r: r["inprocess"]["picker_first_key_ms"]),
        ("picker p95 per key (ms)", lambda r: r["inprocess"]["picker"]["p95_ms"]),
        ("picker p95 per key, CPU (ms)", lambda r: r["inprocess"]["picker"]["cpu_p95_ms"]),
        ("短语 tab search p95 per key (ms)", lambda r: r["inprocess"]["tab_search"]["p95_ms"]),
        ("统计 7 days (s)", lambda r: r["inprocess"].get("stats_7_days_s", "-")),
        ("every tab built, in-process (s)", lambda r: r["inprocess"]["all_built_s"]),
    ]
    tab_names = list(results[sizes[0]]["inprocess"]["open_tab"]) if sizes else []
    rows += [
        (f"open tab {name} (s)", lambda r, n=name: r["inprocess"]["open_tab"].get(n, {}).get("s", "-"))
        for name in tab_names
    ]
    steps = list(results[sizes[0]]["inprocess"]["build_steps"]) if sizes else []
    rows += [
        (f"build {name} (s)", lambda r, n=name: r["inprocess"]["build_steps"].get(n, {}).get("s", "-"))
        for name in steps
    ]
    print(f"{'measure':42}" + "".join(f"{size:>15}" for size in sizes))
    for name, get in rows:
        print(f"{name:42}" + "".join(f"{get(results[size])!s:>15}" for size in sizes))
    imp = results["import"]
    print(
        f"import of {imp['rows']} rows: {imp['s']} s (CPU {imp['cpu_s']} s), peak {imp['peak_mb']} MB (target <= 5 s)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
