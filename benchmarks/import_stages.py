"""Where a 50,000-row phrase import spends its time (issue 17: import <= 5 s).

    python benchmarks/import_stages.py [--rows 50000] [--runs 3] [--encoding utf-8|gbk] [--json-out FILE]

The same CSV as scale.py (random names and texts from common characters: the worst case for pinyin,
since no name repeats). First `phrases import` as a command into a new database, `--runs` times (wall,
CPU, peak memory), with a bytecode cache as an installed app has. Then, in this process, each stage of
the same import timed on its own: reading and parsing the file, planning, the shop-word guard, the
pinyin of the names, and writing (search columns, SQLite with its indexes). Prints a table, then one
JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402

from desktop_assistant.domain import pinyin  # noqa: E402
from desktop_assistant.paths import Paths  # noqa: E402
from desktop_assistant.storage import phrase_import  # noqa: E402
from desktop_assistant.storage.phrase_store import search_name  # noqa: E402
from desktop_assistant.storage.store import open_store  # noqa: E402

TARGET_S = 5.0


def command_runs(source: Path, work: Path, runs: int) -> list[tuple[float, float, float]]:
    results = []
    for run in range(runs + 1):  # the first run only writes the bytecode cache
        timed = scale.run_timed([*scale.APP, "--basedir", str(work / f"cli{run}"), "phrases", "import", str(source)])
        if run:
            results.append(timed)
    return results


def stages(source: Path, work: Path) -> dict[str, float]:
    took: dict[str, float] = {}

    def timed(name: str, started: float) -> None:
        took[name] = round(time.perf_counter() - started, 3)

    started = time.perf_counter()
    store = open_store(Paths(work / "stages"), dt.datetime.now(), create=True)
    timed("open (a new file: the 70 default phrases)", started)
    try:
        started = time.perf_counter()
        parsed = phrase_import.read_phrase_file(source)
        timed("read and parse", started)
        started = time.perf_counter()
        plan, items = phrase_import.plan_import(
            store.phrases.all(), parsed, phrase_import.ConflictPolicy.SKIP, phrase_import.app_hotkeys(store.settings)
        )
        timed("plan", started)
        started = time.perf_counter()
        phrase_import._guard_notes(phrase_import.shop_guard(store.settings), items)
        timed("shop-word guard", started)
        names = [search_name(step.phrase) for step in plan.steps]
        started = time.perf_counter()
        for name in names:
            pinyin.reading(name)
        timed("pinyin of the names (not part of the write below)", started)
        pinyin._word_tokens.cache_clear()
        started = time.perf_counter()
        with store.db.atomic():
            phrase_import._write_steps(store.db, store.phrases, plan, dt.datetime.now(), None)
        timed("write (pinyin, search columns, SQLite)", started)
    finally:
        store.close()
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--encoding", default="utf-8", choices=("utf-8", "gbk"))
    parser.add_argument("--json-out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-stages-") as tmp:
        work = Path(tmp)
        source = work / "import.csv"
        scale.import_csv(source, args.rows)
        if args.encoding == "gbk":
            source.write_bytes(source.read_text(encoding="utf-8").encode("gbk"))
        runs = command_runs(source, work, args.runs)
        took = stages(source, work)
    wall = statistics.median(r[0] for r in runs)
    result = {
        "rows": args.rows,
        "encoding": args.encoding,
        "command_s": round(wall, 3),
        "command_cpu_s": round(statistics.median(r[2] for r in runs), 3),
        "command_peak_mb": round(statistics.median(r[1] for r in runs), 1),
        "runs_s": [round(r[0], 3) for r in runs],
        "target_s": TARGET_S,
        "met": wall <= TARGET_S,
        "stages_s": took,
    }
    print(f"`phrases import` of {args.rows} rows ({args.encoding}), median of {args.runs}:")
    print(f"  {result['command_s']} s wall, {result['command_cpu_s']} s CPU, peak {result['command_peak_mb']} MB")
    print(f"  target <= {TARGET_S} s: {'met' if result['met'] else 'NOT met'}")
    print("In-process stages (one run):")
    for name, seconds in took.items():
        print(f"  {name:55s} {seconds:7.3f} s")
    emit({"import_stages": result}, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
