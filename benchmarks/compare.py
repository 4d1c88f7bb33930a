"""Our panel against AutoKey, in the same run: start to first phrase, hotkey-to-text, a 50-press burst, memory.

    python benchmarks/compare.py [--starts 5] [--presses 30] [--burst 50] [--interval 0.1] [--bursts 3]
                                 [--frozen PATH | --no-frozen] [--no-autokey] [--no-stages]
                                 [--json-out FILE] [--keep DIR]

Needs Xvfb, xdotool, dbus-run-session and Debian's autokey-qt (apt-get install -y xvfb xdotool dbus autokey-qt),
and PyInstaller for the frozen column (pip install -e ".[build]"). About 4.7 minutes. Prints one table, the memory
breakdown, then one JSON line. docs/benchmarks.md explains the method and holds the reference numbers.

One Xvfb (first free display), one target window (benchmarks/target_window.py, Tk, its own process) and the
contenders one after the other, never two at once, each stopped before the next starts:

  1. desktop_assistant       `python -m desktop_assistant --basedir DIR` (contenders/ours.py)
  2. AutoKey 0.95.10         `dbus-run-session -- autokey-qt --verbose` (contenders/autokey.py)
  3. desktop_assistant (frozen)  the PyInstaller build of build.spec, built by this script into its temporary
                             folder (never the repository's build/ and dist/; ~25 s), or --frozen PATH

Each contender: one untimed warm-up start (file cache), then the measurements of contenders/measure.py:
  start     `--starts` launches, each timed from launch to the first complete phrase in the target while the
            hotkey is pressed every 50 ms from the launch on (xdotool default profile); the median is reported.
  latency   `--presses` presses per press profile (below), the target emptied and 0.3 s quiet before each; time
            just before xdotool -> the target's change that completes the phrase. Median and p95 (nearest rank).
  burst     `--burst` presses `--interval` apart (xdotool default profile), `--bursts` times: complete phrases,
            lost presses, and whether the text is exactly whole phrases back to back. Median run reported.
  memory    resident memory (VmRSS) of the contender's whole process tree after the bursts, and a rough
            breakdown of the main process from /proc/PID/smaps.

Press profiles (both applied identically to every contender, a table row each):
  default    `xdotool key ctrl+alt+1`: xdotool's 12 ms delay, i.e. ~6 ms between its six events. Seen by XRecord
             here: Control_L down 0, Alt_L down +7, 1 down +14, Control_L up +20, Alt_L up +21, 1 up +34 ms; the
             last key is up ~36 ms after the driver's time stamp (xdotool starts in ~3 ms).
  quick tap  `xdotool key --delay 1 ctrl+alt+1`: the same six events in the same order, 0.5 ms apart: all up
             ~8 ms after the time stamp. Both are measured in every run (key_timeline(), "profiles" in the JSON).
Our app pastes only once every key is up (docs/insertion.md: on a real keyboard a Ctrl+V sent while Ctrl+Alt are held
arrives as Ctrl+Alt+V); AutoKey pastes as soon as it sees the key press, while the keys are held (it only works
here because its XTEST key-ups undo xdotool's XTEST key-downs). So the default profile's 20 ms of holding is
waiting time for us and not for AutoKey; the quick tap shows the two with (almost) no holding. The table also
gives "text after the keys are up" = latency minus the time xdotool takes until its last key-up.

`--no-stages` skips the start-up memory stages (a bare QApplication + QWidget against our app step by step,
with the modules loaded at start); they run before the contenders, on the same Xvfb, ~3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))  # for `contenders`, as run_autokey.py does

from contenders.autokey import AutoKeyContender  # noqa: E402
from contenders.measure import (  # noqa: E402
    HOTKEY,
    PHRASE,
    TargetWindow,
    hotkey_latency,
    repeated_bursts,
    start_to_first_phrase,
    start_xvfb,
    xdotool_floor,
)
from contenders.ours import OursContender, python_command  # noqa: E402

PROFILES: dict[str, list[str]] = {
    "default": ["xdotool", "key", HOTKEY],
    "quick": ["xdotool", "key", "--delay", "1", HOTKEY],
}
PROFILE_LABELS = {"default": "xdotool default", "quick": "quick tap"}


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class WithPress:
    """A contender whose trigger() runs a given xdotool command: the same press profile for every contender."""

    def __init__(self, inner: Any, argv: Sequence[str]) -> None:
        self.inner = inner
        self.argv = list(argv)
        self.name = inner.name

    def start(self, display: str, home: Path) -> None:
        self.inner.start(display, home)

    def ready(self, timeout: float) -> bool:
        return self.inner.ready(timeout)

    def trigger(self) -> None:
        subprocess.run(self.argv, env={**os.environ, "DISPLAY": self.inner.display}, check=True)

    def rss_mb(self) -> float:
        return self.inner.rss_mb()

    def stop(self) -> None:
        self.inner.stop()


# ---- the driver's own share ----------------------------------------------------------------------------------------
def key_timeline(display: str, argv: Sequence[str], runs: int = 10) -> dict:
    """The key events `argv` sends, as the X server sees them (XRecord), run `runs` times with nothing listening
    for the combo (no contender runs). X event times are CLOCK_MONOTONIC milliseconds (Xvfb's GetTimeInMillis), the
    same clock as the driver's time.monotonic(), so: when after the driver's time stamp the first key goes down and
    the last key comes up (medians), and one run's events relative to its first event."""
    from Xlib import XK, X
    from Xlib import display as xdisplay
    from Xlib.ext import record
    from Xlib.protocol import rq

    control, data_conn = xdisplay.Display(display), xdisplay.Display(display)
    context = control.record_create_context(
        0,
        [record.AllClients],
        [
            {
                "core_requests": (0, 0),
                "core_replies": (0, 0),
                "ext_requests": (0, 0, 0, 0),
                "ext_replies": (0, 0, 0, 0),
                "delivered_events": (0, 0),
                "device_events": (X.KeyPress, X.KeyRelease),
                "errors": (0, 0),
                "client_started": False,
                "client_died": False,
            }
        ],
    )
    control.sync()
    events: list[tuple[str, str, int]] = []
    names = {code: XK.keysym_to_string(control.keycode_to_keysym(code, 0)) or str(code) for code in range(8, 256)}
    for code in range(8, 256):  # modifiers have no printable string: their keysym names
        keysym = control.keycode_to_keysym(code, 0)
        for name in ("Control_L", "Alt_L", "Shift_L", "Super_L"):
            if keysym == XK.string_to_keysym(name):
                names[code] = name

    def on_reply(reply) -> None:
        data = reply.data
        while len(data):
            event, data = rq.EventField(None).parse_binary_value(data, data_conn.display, None, None)
            events.append(("down" if event.type == X.KeyPress else "up", names.get(event.detail, "?"), event.time))

    thread = threading.Thread(target=lambda: data_conn.record_enable_context(context, on_reply), daemon=True)
    thread.start()
    time.sleep(0.2)
    firsts, lasts, commands, sample = [], [], [], []
    for _ in range(runs):
        events.clear()
        started = time.monotonic()
        subprocess.run(argv, env={**os.environ, "DISPLAY": display}, check=True)
        commands.append(time.monotonic() - started)
        time.sleep(0.1)
        if events:
            stamp = int(started * 1000) % 2**32
            firsts.append((events[0][2] - stamp) % 2**32)
            lasts.append((max(e[2] for e in events if e[0] == "up") - stamp) % 2**32)
            sample = [[kind, key, when - events[0][2]] for kind, key, when in events]
    control.record_disable_context(context)
    control.flush()
    thread.join(timeout=2)
    control.record_free_context(context)
    control.close()
    return {
        "command": " ".join(argv),
        "command_ms": round(statistics.median(commands) * 1000, 1),
        "first_key_down_after_ms": statistics.median(firsts) if firsts else None,
        "keys_up_after_ms": statistics.median(lasts) if lasts else None,
        "events_ms": sample,
    }


# ---- memory --------------------------------------------------------------------------------------------------------
def _category(path: str) -> str:
    if re.search(r"libQt[56]|libicu", path):
        return "Qt libraries (libQt*, ICU)"
    if re.search(r"PySide6|shiboken|PyQt5|/sip\.", path):
        return "Qt bindings (PySide6+shiboken / PyQt5+sip)"
    if re.search(r"libpython|/bin/python|python3\.\d+$", path):
        return "Python interpreter"
    if "/fonts/" in path or path.endswith((".ttf", ".ttc", ".otf")):
        return "fonts (mapped, CJK mostly)"
    if "numpy" in path:
        return "numpy"
    if path in ("[heap]", "") or path.startswith("[anon"):
        return "heap + anonymous (Python objects, Qt/C heaps)"
    if ".so" in path:
        return "other shared libraries"
    return "other (stack, caches, shm)"


def smaps_breakdown(pid: int) -> dict[str, float]:
    """Resident MB of one process by what is mapped (file-backed pages are shared with other processes)."""
    totals: dict[str, int] = {}
    current = ""
    try:
        with open(f"/proc/{pid}/smaps") as handle:
            for line in handle:
                if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                    parts = line.split(None, 5)
                    current = parts[5].strip() if len(parts) > 5 else ""
                elif line.startswith("Rss:"):
                    category = _category(current)
                    totals[category] = totals.get(category, 0) + int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return {}
    return {k: round(v / 1024, 1) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}


def main_pid(contender: Any) -> int | None:
    from contenders.procs import process_tree

    process = getattr(contender, "process", None)
    if process is None or process.poll() is not None:
        return None
    tree = process_tree(process.pid)
    for pid in tree:  # AutoKey: the autokey-qt under dbus-run-session; ours: the process itself
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() in ("autokey-qt",):
                return pid
        except OSError:
            continue
    return process.pid


STAGES_SCRIPT = r"""
import json, sys, time
T0 = time.perf_counter()
def status():
    out = {}
    for line in open("/proc/self/status"):
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile"):
            out[key] = round(int(value.split()[0]) / 1024, 1)
    return out
last = [T0]
def mark(stage):
    now = time.perf_counter()
    print(json.dumps({"stage": stage, "ms": round((now - last[0]) * 1000, 1), "at_ms": round((now - T0) * 1000, 1),
                      "modules": len(sys.modules), **status()}), flush=True)
    last[0] = now
def settle(app, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(); time.sleep(0.01)
mark("python started")
from PySide6.QtWidgets import QApplication, QWidget
mark("import PySide6.QtWidgets")
qt = QApplication(sys.argv[:1]); qt.setQuitOnLastWindowClosed(False)
mark("QApplication (xcb)")
if sys.argv[1] == "bare":
    w = QWidget(); w.resize(380, 760); w.show(); settle(qt, 0.5)
    mark("QWidget shown (+0.5 s of events)")
    sys.exit()
import desktop_assistant.app as app_module
mark("import desktop_assistant.app")
from desktop_assistant.paths import resolve_paths
app = app_module.Application(qt, resolve_paths(sys.argv[2], False))
app.claim_instance(); app.open_database()
mark("open_database")
app.build_ui()
mark("build_ui (panel, phrases tab, pipeline)")
app.show()
mark("show (panel, tray, hotkey grab)")
settle(qt, 0.5)
mark("+0.5 s of events (panel up, idle)")
loaded_at_start = set(sys.modules)
phrase = next(p for p in app.phrases.library.all() if p.hotkey)
app.phrases.library.record_use(phrase.id)
mark("record_use of one phrase (every insertion ends so)")
import linecache
watched = ("numpy", "pypinyin", "openpyxl", "PIL", "pynput", "keyboard", "pyperclip", "Xlib", "sqlite_utils", "click",
           "dateutil", "pluggy", "sqlite_fts4", "tabulate", "PySide6.QtNetwork", "PySide6.QtSvg")
print(json.dumps({"loaded": [m for m in watched if m in loaded_at_start],
                  "not_loaded": [m for m in watched if m not in loaded_at_start],
                  "loaded_by_record_use": sorted({m.split(".")[0] for m in set(sys.modules) - loaded_at_start}),
                  "modules": len(sys.modules), "linecache_files": len(linecache.cache),
                  "linecache_mb": round(sum(sum(len(line) for line in entry[2]) for entry in linecache.cache.values()
                                            if len(entry) > 2 and entry[2]) / 2**20, 1)}))
app.shutdown()
"""


def memory_stages(display: str, basedir: Path, workdir: Path) -> dict:
    """A bare QApplication + QWidget, then our Application step by step, each in a fresh process on `display`."""
    script = workdir / "stages.py"
    script.write_text(STAGES_SCRIPT, encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
    out: dict = {}
    for mode in ("bare", "app"):
        fresh = workdir / f"stages-{mode}"
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(basedir, fresh)
        result = subprocess.run(
            [sys.executable, str(script), mode, str(fresh)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=workdir,
        )
        records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        out[mode] = [r for r in records if "stage" in r]
        extra = [r for r in records if "loaded" in r]
        if extra:
            out["modules"] = extra[0]
        if result.returncode:
            out[f"{mode}_error"] = result.stderr[-2000:]
    return out


# ---- measuring one contender ---------------------------------------------------------------------------------------
def warm_up(contender: Any, display: str, home: Path) -> float:
    """One untimed start; returns the resident memory (MB, whole tree) 0.5 s after ready, before any press."""
    contender.start(display, home)
    try:
        if not contender.ready(60):
            raise RuntimeError(f"{contender.name}: never became ready in the warm-up start")
        time.sleep(0.5)
        return round(contender.rss_mb(), 1)
    finally:
        contender.stop()


def measure(contender: Any, target: TargetWindow, display: str, home: Path, args: argparse.Namespace) -> dict:
    name = contender.name
    result: dict = {"contender": name}
    log(f"[{name}] warm-up start (untimed) ...")
    result["rss_idle_after_start_mb"] = warm_up(contender, display, home)
    runs = []
    phases = []
    try:
        for number in range(args.starts):
            log(f"[{name}] start to first phrase ({number + 1}/{args.starts}) ...")
            if number:
                contender.stop()
            runs.append(start_to_first_phrase(contender, target, display, home, PHRASE))
            if runs[-1]["start_to_first_phrase_s"] is None:
                raise RuntimeError(f"{name}: no phrase arrived after start")
            if isinstance(contender, OursContender):
                phases.append(contender.phases())
        firsts = [run["start_to_first_phrase_s"] for run in runs]
        readies = [run["start_to_ready_signal_s"] for run in runs if run["start_to_ready_signal_s"] is not None]
        result.update(
            {
                "start_to_first_phrase_s": round(statistics.median(firsts), 3),
                "start_to_first_phrase_runs_s": firsts,
                "start_to_ready_signal_s": round(statistics.median(readies), 3) if readies else None,
                "start_to_ready_signal_runs_s": readies,
                "ready_signal": getattr(contender, "ready_signal", None) or "log",
            }
        )
        for key in ("to_starting_log_s", "to_panel_shown_s"):
            values = [p[key] for p in phases if p.get(key) is not None]
            if values:
                result[f"start_{key}"] = round(statistics.median(values), 3)
        for profile, argv in PROFILES.items():
            log(f"[{name}] hotkey-to-text, {PROFILE_LABELS[profile]} ({' '.join(argv)}), {args.presses} presses ...")
            latency = hotkey_latency(WithPress(contender, argv), target, PHRASE, args.presses)
            result.update({f"{profile}_{key}": value for key, value in latency.items()})
        result.update(repeated_bursts(contender, target, PHRASE, args.burst, args.interval, args.bursts, log))
        result["rss_after_burst_mb"] = round(contender.rss_mb(), 1)
        result["rss_breakdown_kb"] = contender.rss_breakdown()
        pid = main_pid(contender)
        if pid is not None:
            result["main_process_smaps_mb"] = smaps_breakdown(pid)
            status = {}
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"):
                    status[key] = round(int(value.split()[0]) / 1024, 1)
            result["main_process_status_mb"] = status
        if isinstance(contender, OursContender):
            text = contender.log_text()
            result["log_warnings"] = [line for line in text.splitlines() if " WARNING " in line or " ERROR " in line]
    finally:
        contender.stop()
    return result


# ---- the frozen build ----------------------------------------------------------------------------------------------
def build_frozen(workdir: Path) -> tuple[Path, float]:
    """pyinstaller --noconfirm build.spec, with its work and dist folders inside `workdir`."""
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(workdir / "dist"),
            "--workpath",
            str(workdir / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pyinstaller failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return workdir / "dist" / "desktop-assistant" / "desktop-assistant", time.monotonic() - started


# ---- report --------------------------------------------------------------------------------------------------------
# (label, key or function of a result, lower is better / higher is better / None = no verdict)
Row = tuple[str, Any, str | None]


def _latency_rows() -> list[Row]:
    rows: list[Row] = []
    for profile, label in PROFILE_LABELS.items():
        rows += [
            (f"hotkey-to-text median, {label} (ms)", f"{profile}_latency_median_ms", "lower"),
            (f"hotkey-to-text p95, {label} (ms)", f"{profile}_latency_p95_ms", "lower"),
            (f"  text after the keys are up, median, {label} (ms)", f"{profile}_after_keys_up_ms", None),
            (
                f"  presses missed / inexact, {label}",
                lambda r, p=profile: f"{r.get(f'{p}_latency_missed', '-')} / {r.get(f'{p}_latency_inexact', '-')}",
                None,
            ),
        ]
    return rows


ROWS: list[Row] = [
    ("start to first phrase, median (s)", "start_to_first_phrase_s", "lower"),
    ("  each start (s)", "start_to_first_phrase_runs_s", None),
    ("  start to ready signal, median (s)", "start_to_ready_signal_s", None),
    ("  launch to log 'starting' (interpreter + imports), median (s)", "start_to_starting_log_s", None),
    ("  launch to log 'panel shown', median (s)", "start_to_panel_shown_s", None),
    *_latency_rows(),
    ("burst: complete phrases, median run", "burst_complete", "higher"),
    ("burst: lost presses, median run", "burst_lost", "lower"),
    ("  lost presses, every run", "burst_lost_runs", None),
    ("burst: exact text in order, all runs", "burst_exact", "true"),
    ("resident memory idle after start, whole tree (MB)", "rss_idle_after_start_mb", "lower"),
    ("resident memory after burst, whole tree (MB)", "rss_after_burst_mb", "lower"),
]


def _value(result: dict, key: Any) -> Any:
    return key(result) if callable(key) else result.get(key)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _beats(ours: Any, theirs: Any, rule: str | None) -> str:
    if rule is None or ours is None or theirs is None:
        return ""
    if rule == "true":
        return ("tie" if theirs is True else "yes") if ours is True else "no"
    if not (_numeric(ours) and _numeric(theirs)):
        return ""
    if rule == "lower":
        return "yes" if ours < theirs else ("tie" if ours == theirs else "no")
    return "yes" if ours > theirs else ("tie" if ours == theirs else "no")


def table(ours: dict | None, autokey: dict | None, frozen: dict | None) -> str:
    columns = [r for r in (ours, autokey, frozen) if r is not None]
    header = ["metric"] + [r["contender"] for r in columns]
    if autokey is not None:
        if ours is not None:
            header.append("ours / AutoKey")
        if frozen is not None:
            header.append("frozen / AutoKey")
        header.append("beats AutoKey")
    lines = [header]
    for label, key, rule in ROWS:
        values = [_value(r, key) for r in columns]
        line = [label, *map(_cell, values)]
        if autokey is not None:
            theirs = _value(autokey, key)
            verdicts = []
            for mine in (ours, frozen):
                if mine is None:
                    continue
                value = _value(mine, key)
                ratio_ok = _numeric(value) and _numeric(theirs) and value >= 0 and theirs > 0  # no ratio of negatives
                line.append(f"{value / theirs:.2f}x" if ratio_ok else "-")
                verdict = _beats(value, theirs, rule)
                if verdict:
                    verdicts.append(verdict)
            line.append(" / ".join(verdicts))
        lines.append(line)
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def memory_report(results: list[dict], stages: dict | None) -> str:
    out = []
    for result in results:
        smaps = result.get("main_process_smaps_mb")
        if not smaps:
            continue
        status = result.get("main_process_status_mb", {})
        out.append(
            f"{result['contender']}: tree {result.get('rss_breakdown_kb')} kB; main process VmRSS "
            f"{status.get('VmRSS')} MB (anon {status.get('RssAnon')}, file {status.get('RssFile')}, "
            f"shm {status.get('RssShmem')}; peak VmHWM {status.get('VmHWM')})"
        )
        out.extend(f"    {mb:6.1f} MB  {name}" for name, mb in smaps.items())
    if stages:
        out.append("start-up stages (fresh process each, xcb on the same Xvfb; RSS / anon / file MB, ms):")
        for mode in ("bare", "app"):
            for record in stages.get(mode, []):
                out.append(
                    f"    {mode:4} {record['stage']:50} RSS {record['VmRSS']:6.1f}"
                    f"  anon {record['RssAnon']:5.1f}"
                    f"  file {record['RssFile']:5.1f}  +{record['ms']:6.1f} ms  modules {record['modules']}"
                )
        modules = stages.get("modules")
        if modules:
            out.append(f"    at start: loaded {modules['loaded']}; not loaded {modules['not_loaded']}")
            out.append(
                f"    loaded by the first record_use: {modules['loaded_by_record_use']}; in the end "
                f"{modules['modules']} modules, linecache {modules['linecache_files']} files, "
                f"{modules['linecache_mb']} MB of source text"
            )
    return "\n".join(out)


def _git_state() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "desktop_assistant", "resources", "build.spec"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        return head + (" + uncommitted changes in the app" if dirty else "")
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def _terminate(signum, _frame):
    raise SystemExit(128 + signum)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="timed starts per contender (median reported)")
    parser.add_argument("--presses", type=int, default=30, help="presses per press profile for hotkey-to-text")
    parser.add_argument("--burst", type=int, default=50, help="presses in a burst")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between burst presses")
    parser.add_argument("--bursts", type=int, default=3, help="bursts per contender (the median one is reported)")
    frozen = parser.add_mutually_exclusive_group()
    frozen.add_argument("--frozen", metavar="PATH", help="use this frozen build instead of building one")
    frozen.add_argument("--no-frozen", action="store_true", help="no frozen column")
    parser.add_argument("--no-autokey", action="store_true", help="no AutoKey column (no ratios then)")
    parser.add_argument("--no-stages", action="store_true", help="skip the start-up memory stages")
    parser.add_argument("--json-out", help="also write the JSON line to this file")
    parser.add_argument("--keep", help="copy the temporary folder (data folders, logs) here at the end")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _terminate)
    for tool in ("Xvfb", "xdotool") + (() if args.no_autokey else ("autokey-qt", "dbus-run-session")):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (apt-get install -y xvfb xdotool dbus autokey-qt)")

    began = time.monotonic()
    load_before = os.getloadavg()[0]
    summary: dict = {
        "benchmark": "compare",
        "phrase": PHRASE,
        "phrase_chars": len(PHRASE),
        "hotkey": HOTKEY,
        "commit": _git_state(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    workdir = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    server = target = None
    ours_result = autokey_result = frozen_result = None
    stages = None
    try:
        frozen_exe: Path | None = None
        if args.frozen:
            frozen_exe = Path(args.frozen).resolve()
            summary["frozen"] = {
                "path": str(frozen_exe),
                "built_by_this_run": False,
                "build_mtime": time.strftime("%Y-%m-%d %H:%M", time.localtime(frozen_exe.stat().st_mtime)),
            }
        elif not args.no_frozen:
            log("building the frozen app (pyinstaller --noconfirm build.spec, into the temporary folder) ...")
            frozen_exe, took = build_frozen(workdir / "frozen")
            summary["frozen"] = {
                "path": "dist/desktop-assistant/desktop-assistant (built in a temporary folder)",
                "built_by_this_run": True,
                "build_s": round(took, 1),
            }

        server, display = start_xvfb()
        log(f"Xvfb on {display}")
        target = TargetWindow(display, workdir)
        target.start()
        floor = xdotool_floor(target)
        profiles = {}
        for profile, argv in PROFILES.items():
            profiles[profile] = key_timeline(display, argv)
        target.clear()
        summary["floor"] = floor
        summary["profiles"] = profiles

        ours = OursContender(PHRASE, HOTKEY, python_command(), name="desktop_assistant")
        ours.setup(workdir / "ours")
        summary["library_phrases"] = ours.library_size
        if not args.no_stages:
            log("start-up memory stages (bare Qt vs our app) ...")
            assert ours.template is not None
            stages = memory_stages(display, ours.template, workdir)
            summary["memory_stages"] = stages

        ours_result = measure(ours, target, display, workdir / "ours", args)
        if not args.no_autokey:
            autokey = AutoKeyContender(PHRASE, HOTKEY)
            autokey.setup(workdir / "autokey-home")
            autokey_result = measure(autokey, target, display, workdir / "autokey-home", args)
        if frozen_exe is not None:
            frozen_contender = OursContender(PHRASE, HOTKEY, [str(frozen_exe)], name="desktop_assistant (frozen)")
            frozen_contender.setup(workdir / "frozen-ours")
            frozen_result = measure(frozen_contender, target, display, workdir / "frozen-ours", args)
        for result in (ours_result, autokey_result, frozen_result):
            if result is None:
                continue
            for profile in PROFILES:
                median = result.get(f"{profile}_latency_median_ms")
                if median is not None:
                    result[f"{profile}_after_keys_up_ms"] = round(median - profiles[profile]["keys_up_after_ms"], 1)
    finally:
        if target is not None:
            target.stop()
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            shutil.copytree(
                workdir,
                args.keep,
                dirs_exist_ok=True,
                ignore_dangling_symlinks=True,
                ignore=shutil.ignore_patterns("bus*", "*.pid", "frozen"),
            )
        shutil.rmtree(workdir, ignore_errors=True)

    results = [r for r in (ours_result, autokey_result, frozen_result) if r is not None]
    summary["results"] = results
    summary["elapsed_s"] = round(time.monotonic() - began, 1)
    summary["load_1min_before_after"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print(table(ours_result, autokey_result, frozen_result))
    default, quick = summary["profiles"]["default"], summary["profiles"]["quick"]
    for profile in (default, quick):
        events = " ".join(f"{key}{'↓' if kind == 'down' else '↑'}{when}" for kind, key, when in profile["events_ms"])
        print(
            f"press profile `{profile['command']}`: first key down {profile['first_key_down_after_ms']} ms, last key "
            f"up {profile['keys_up_after_ms']} ms after the driver's time stamp, exits after {profile['command_ms']} "
            f"ms; events (ms after the first): {events}"
        )
    print(
        f"xdotool floor (shift+super+x -> 'X' in the target, no contender): "
        f"{summary['floor'].get('xdotool_floor_median_ms')} ms"
    )
    print(memory_report(results, stages))
    print(f"elapsed {summary['elapsed_s']} s, load {summary['load_1min_before_after']}, commit {summary['commit']}")
    emit(summary, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
