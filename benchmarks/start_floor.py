"""How soon and how small can a PySide6 phrase paster be? Start to first phrase and memory, floor vs ours vs AutoKey.

    python benchmarks/start_floor.py [--rounds 7] [--presses 20] [--frozen PATH] [--no-autokey] [--json-out FILE]

Issue 3 asks us to beat AutoKey on start to first phrase and on resident memory. This runs, on one Xvfb with one
target window (the same measure.start_to_first_phrase as compare.py: the hotkey pressed every 50 ms from the
launch on, the time of the first complete phrase in the target):

  floor                the frozen contenders/floor_app.py: PySide6 + python-xlib, grab, wait for keys up, Qt
                       clipboard, XTEST Ctrl+V. Nothing else.
  floor + essentials   the same after what our panel cannot start without: logging, the single-instance socket,
                       the SQLite store (migrations check, settings), the phrase library and its index.
  ours (frozen)        the real panel (build.spec), started as an agent starts it.
  AutoKey 0.95.10      as in compare.py.

Starts are interleaved (round 1: each contender once, round 2: ...), so a slow phase of this shared machine
hits every contender alike. After its first start each contender takes `--presses` presses 100 ms apart; its
resident memory (whole process tree) is read 1 s later. Each contender gets one untimed warm-up start first.
Builds (PyInstaller, ~25 s each) go to a temporary folder. About 2 minutes. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from compare import build_frozen  # noqa: E402
from contenders.autokey import AutoKeyContender  # noqa: E402
from contenders.floor import FloorContender, build_floor_app  # noqa: E402
from contenders.measure import HOTKEY, PHRASE, TargetWindow, burst, start_to_first_phrase, start_xvfb  # noqa: E402
from contenders.ours import OursContender  # noqa: E402


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def table(results: list[dict]) -> str:
    header = ("contender", "start median (s)", "fastest", "slowest", "ready median (s)", "memory (MB)", "lost")
    lines = [header]
    for r in results:
        runs = r["starts_s"]
        lines.append(
            (
                r["contender"],
                f"{statistics.median(runs):.3f}",
                f"{min(runs):.3f}",
                f"{max(runs):.3f}",
                "-" if not r["ready_s"] else f"{statistics.median(r['ready_s']):.3f}",
                f"{r['rss_mb']:.1f}",
                str(r["lost"]),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip() for line in lines]
    out.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="timed starts per contender, interleaved")
    parser.add_argument("--presses", type=int, default=20, help="presses (100 ms apart) before memory is read")
    parser.add_argument("--frozen", metavar="PATH", help="our frozen build to use instead of building one")
    parser.add_argument("--no-autokey", action="store_true", help="leave AutoKey out")
    parser.add_argument("--json-out", help="also write the JSON line here")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    server = target = None
    contenders: list = []
    results: list[dict] = []
    try:
        log("building floor_app and our frozen app (PyInstaller) ...")
        floor_exe = build_floor_app(workdir / "floor-build")
        frozen_exe = Path(args.frozen).resolve() if args.frozen else build_frozen(workdir / "frozen")[0]
        server, display = start_xvfb()
        target = TargetWindow(display, workdir)
        target.start()

        ours = OursContender(PHRASE, HOTKEY, [str(frozen_exe)], name="ours (frozen)")
        ours.setup(workdir / "ours")
        assert ours.template is not None
        bare = FloorContender(floor_exe, "floor")
        bare.setup(workdir / "floor")
        essentials = FloorContender(floor_exe, "floor + essentials", template=ours.template)
        essentials.setup(workdir / "floor-essentials")
        contenders = [bare, essentials, ours]
        homes = {name: workdir for name in (bare.name, essentials.name, ours.name)}  # they keep their own data
        if not args.no_autokey:
            autokey = AutoKeyContender(PHRASE, HOTKEY)
            homes[autokey.name] = workdir / "autokey-home"  # AutoKey's HOME holds its configuration
            autokey.setup(homes[autokey.name])
            contenders.append(autokey)
        for contender in contenders:
            log(f"[{contender.name}] warm-up start ...")
            contender.start(display, homes[contender.name])
            if not contender.ready(60):
                raise RuntimeError(f"{contender.name} never became ready")
            time.sleep(0.5)
            contender.stop()

        found = {c.name: {"contender": c.name, "starts_s": [], "ready_s": []} for c in contenders}
        for number in range(args.rounds):
            log(f"round {number + 1}/{args.rounds} ...")
            for contender in contenders:
                run = start_to_first_phrase(contender, target, display, homes[contender.name], PHRASE)
                if run["start_to_first_phrase_s"] is None:
                    raise RuntimeError(f"{contender.name}: no phrase arrived after start")
                record = found[contender.name]
                record["starts_s"].append(run["start_to_first_phrase_s"])
                if run["start_to_ready_signal_s"] is not None:
                    record["ready_s"].append(run["start_to_ready_signal_s"])
                if number == 0:
                    record["lost"] = burst(contender, target, PHRASE, args.presses, 0.1)["burst_lost"]
                    time.sleep(1.0)
                    record["rss_mb"] = round(contender.rss_mb(), 1)
                contender.stop()
        results = list(found.values())
    finally:
        for contender in contenders:
            contender.stop()
        if target is not None:
            target.stop()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

    print(table(results))
    line = json.dumps(
        {
            "benchmark": "start_floor",
            "rounds": args.rounds,
            "presses_before_memory": args.presses,
            "load_1min": round(os.getloadavg()[0], 2),
            "results": results,
        },
        ensure_ascii=False,
    )
    print(line)
    if args.json_out:
        Path(args.json_out).write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
