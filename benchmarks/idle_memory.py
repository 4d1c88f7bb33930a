"""The idle panel's resident memory (issue 17 item 6), python run and frozen build, with what it is made of.

    python benchmarks/idle_memory.py [--runs 3] [--wait 6] [--frozen PATH] [--build-frozen] [--xvfb] [--json-out FILE]

Each run starts the panel as an agent does (`python -m desktop_assistant`, or the frozen executable) on a copy
of the 70-phrase database of benchmarks/scale.py, offscreen (`--xvfb`: xcb on an Xvfb of its own, hotkeys
live), waits for the log line "panel shown", then `--wait` seconds (the first backup and purge run at 3 s),
and reads /proc/PID/smaps: resident MB by what is mapped (heap and anonymous memory, Qt, bindings, fonts, ...),
then ends the panel. Prints medians and one JSON line. `--build-frozen` builds build.spec into a temporary
folder first (never the repository's build/ and dist/). Unless `--no-steps`, the start also runs in one
process step by step (imports, QApplication, database, panel, each deferred step, each tab opened), printing
the resident MB each step added.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_data  # noqa: E402
from compare import build_frozen, smaps_breakdown  # noqa: E402
from scale import APP, ENV, REPO, rss_mb  # noqa: E402


def rollup(pid: int) -> dict[str, float]:
    """Rss, anonymous and file-backed MB of the whole process."""
    out = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("Rss", "Anonymous", "Pss_File"):
            out[key] = round(int(value.split()[0]) / 1024, 1)
    return out


def one_run(command: list[str], basedir: Path, wait: float, env: dict) -> dict:
    scale_data.cached(70, False, basedir)
    log = basedir / "logs" / "desktop_assistant.log"
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--basedir", str(basedir)], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while not (log.exists() and "panel shown" in log.read_text(encoding="utf-8")):
            if time.perf_counter() - started > 120 or process.poll() is not None:
                raise SystemExit(f"panel never showed: {command}")
            time.sleep(0.002)
        shown = time.perf_counter() - started
        at_shown = rss_mb(process.pid)
        time.sleep(wait)
        return {
            "shown_s": round(shown, 3),
            "rss_shown_mb": round(at_shown, 1),
            "rss_idle_mb": round(rss_mb(process.pid), 1),
            **rollup(process.pid),
            "smaps": smaps_breakdown(process.pid),
        }
    finally:
        process.terminate()
        process.wait(timeout=30)


def medians(runs: list[dict]) -> dict:
    keys = [k for k in runs[0] if k != "smaps"]
    out: dict = {k: round(statistics.median(r[k] for r in runs), 3) for k in keys}
    categories = {c for r in runs for c in r["smaps"]}
    out["smaps"] = {c: round(statistics.median(r["smaps"].get(c, 0.0) for r in runs), 1) for c in sorted(categories)}
    return out


STEPS_SCRIPT = r"""
import gc, json, sys, time
from pathlib import Path
def rss():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
steps, last = [], [rss()]
def mark(name):
    now = rss(); steps.append((name, round(now - last[0], 1), round(now, 1))); last[0] = now
mark("python started")
from PySide6.QtWidgets import QApplication
mark("import PySide6.QtWidgets")
qt = QApplication(sys.argv[:1]); qt.setQuitOnLastWindowClosed(False)
mark("QApplication")
for name in sys.argv[2:]:
    __import__(name); mark("import " + name)
from desktop_assistant.app import Application
from desktop_assistant.app_process import refuse_recovery
from desktop_assistant.paths import resolve_paths
mark("import desktop_assistant.app (the rest)")
app = Application(qt, resolve_paths(sys.argv[1]), ask_recovery=refuse_recovery, defer_features=True)
app.open_database(); mark("open_database")
app.build_ui(); mark("build_ui")
app.show(); app.features_timer.stop(); qt.processEvents(); mark("show + first paint")
while app._feature_steps:
    step = app._feature_steps.pop(0); step(); qt.processEvents(); mark("step " + step.__name__)
start_modules = set(sys.modules)
gc.collect(); mark("gc.collect()")
import ctypes
ctypes.CDLL("libc.so.6").malloc_trim(0); mark("malloc_trim(0)")
tabs = app.panel.tabs
for index in range(tabs.count()):
    tabs.setCurrentIndex(index); qt.processEvents(); mark("open tab " + tabs.tabText(index))
tabs.setCurrentIndex(0); qt.processEvents()
print(json.dumps({"steps": steps, "modules_at_idle": len(start_modules)}, ensure_ascii=False))
app.shutdown()
"""

# Imported one by one before the app, so each shows its own cost (what is already loaded by an earlier one is not
# counted twice): the heavy imports of a start.
WATCHED = [
    "logging.handlers",
    "sqlite3",
    "desktop_assistant.storage.sqlite_lib",
    "PySide6.QtNetwork",
    "Xlib.display",
    "desktop_assistant.storage.store",
    "desktop_assistant.ui.panel",
    "desktop_assistant.os_integration.insertion",
]


def steps(basedir: Path) -> dict:
    scale_data.cached(70, False, basedir)
    result = subprocess.run(
        [sys.executable, "-c", STEPS_SCRIPT, str(basedir), *WATCHED],
        cwd=REPO,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wait", type=float, default=6.0, help="seconds after 'panel shown' (the backup is at 3 s)")
    parser.add_argument("--frozen", help="the frozen executable (dist/desktop-assistant/desktop-assistant)")
    parser.add_argument("--build-frozen", action="store_true", help="build build.spec into a temporary folder")
    parser.add_argument("--no-steps", action="store_true")
    parser.add_argument("--xvfb", action="store_true", help="on an Xvfb of its own (xcb, hotkeys live) not offscreen")
    parser.add_argument("--json-out")
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        frozen = args.frozen
        if args.build_frozen:
            frozen, took = build_frozen(Path(tmp) / "frozen")
            print(f"built {frozen} in {took:.0f} s", file=sys.stderr)
        contenders = {"python": APP}
        if frozen:
            contenders["frozen"] = [str(frozen)]
        xvfb, env = None, ENV
        if args.xvfb:
            from contenders.measure import start_xvfb

            xvfb, display = start_xvfb()
            env = {**ENV, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
        try:
            for name, command in contenders.items():
                runs = [one_run(command, Path(tmp) / "db", args.wait, env) for _ in range(args.runs)]
                results[name] = medians(runs)
        finally:
            if xvfb is not None:
                xvfb.terminate()
                xvfb.wait(timeout=10)
        if not args.no_steps:
            results["steps"] = steps(Path(tmp) / "db")
    print_report(results)
    emit(results, args.json_out)
    return 0


def print_report(results: dict) -> None:
    contenders = [k for k in results if k != "steps"]
    print(f"{'median of the runs':48}" + "".join(f"{name:>12}" for name in contenders))
    for key in ("shown_s", "rss_shown_mb", "rss_idle_mb", "Rss", "Anonymous", "Pss_File"):
        print(f"{key:48}" + "".join(f"{results[name][key]:>12}" for name in contenders))
    categories = sorted({c for name in contenders for c in results[name]["smaps"]})
    for category in categories:
        print(f"  {category:46}" + "".join(f"{results[name]['smaps'].get(category, 0.0):>12}" for name in contenders))
    if "steps" in results:
        print("in one process, step by step (MB added, RSS after):")
        for name, added, now in results["steps"]["steps"]:
            print(f"  {name:60} {added:+7.1f} {now:8.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
