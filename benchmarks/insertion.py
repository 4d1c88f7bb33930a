"""Hotkey-to-text latency and a 50-press burst of our insertion pipeline on a real X server (Xvfb).

    python benchmarks/insertion.py [--presses 30] [--burst 50] [--interval 0.1] [--bursts 1]
                                   [--with autokey] [--json-out FILE]

Our contender is tests/e2e/insertion_driver.py: the real pipeline, the real XGrabKey hotkey backend and
the real clipboard in a QApplication on the display (what the app wires together). The target is
benchmarks/target_window.py (Tk, another process) and the measurements are those of
benchmarks/contenders/measure.py, shared with the other contenders:

  latency  time just before `xdotool key ctrl+alt+1` -> the target's change that completes the phrase
           (CLOCK_MONOTONIC on both sides); median and p95 over --presses, the target emptied before each.
  burst    --burst presses --interval apart into an empty target: complete phrases that arrived, and
           whether the text is exactly those phrases back to back (in order, nothing interleaved).
  floor    `xdotool key shift+super+x` -> "X" in the target: xdotool's own share of every latency;
           and how long `xdotool key ctrl+alt+1` holds the keys: we paste only once they are up
           (docs/insertion.md), so "text after the keys are up" is the pipeline's own share (a contender that
           pastes while the keys are held shows a negative number there).

Another contender is anything with the `Contender` interface of measure.py; add a factory to CONTENDERS
(AutoKey is there already: `--with autokey`, needs Debian's autokey-qt and dbus-run-session). Prints a
table (a column per contender, then ratios to ours) and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))  # for `contenders`, as benchmarks/contenders/run_autokey.py does

from contenders.measure import (  # noqa: E402
    HOTKEY,
    PHRASE,
    Contender,
    TargetWindow,
    hotkey_latency,
    repeated_bursts,
    start_xvfb,
    xdotool_floor,
)

DRIVER = REPO / "tests" / "e2e" / "insertion_driver.py"


class PipelineContender:
    """Our insertion pipeline in tests/e2e/insertion_driver.py, configured with one phrase on one hotkey."""

    name = "desktop_assistant"

    def __init__(self, phrase: str = PHRASE, hotkey: str = HOTKEY, settings: dict | None = None) -> None:
        self.phrase = phrase
        self.hotkey = hotkey
        self.settings = settings or {}
        self.process: subprocess.Popen | None = None
        self.display = ""
        self.lines: queue.Queue = queue.Queue()
        self.ready_record: dict | None = None

    def start(self, display: str, home: Path) -> None:
        self.display = display
        home.mkdir(parents=True, exist_ok=True)
        config = home / "driver.json"
        config.write_text(
            json.dumps(
                {"phrases": {"greeting": {"hotkey": self.hotkey, "text": self.phrase}}, "settings": self.settings},
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8", "HOME": str(home)}
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(config)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(home / "driver.log", "w"),  # noqa: SIM115
            text=True,
            encoding="utf-8",
            start_new_session=True,
        )
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))

    def ready(self, timeout: float) -> bool:
        if self.ready_record is not None:
            return self.ready_record.get("state") == "active"
        deadline = time.monotonic() + timeout
        while self.process is not None and self.process.poll() is None:
            try:
                record = self.lines.get(timeout=max(0.0, min(0.05, deadline - time.monotonic())))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return False
                continue
            if record.get("event") == "ready":
                self.ready_record = record
                return record.get("state") == "active"
        return False

    def trigger(self) -> None:
        subprocess.run(["xdotool", "key", self.hotkey], env={**os.environ, "DISPLAY": self.display}, check=True)

    def rss_mb(self) -> float:
        if self.process is None:
            return 0.0
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def stop(self) -> None:
        process, self.process = self.process, None
        self.ready_record = None
        if process is None:
            return
        try:
            assert process.stdin is not None
            process.stdin.write("quit\n")
            process.stdin.close()
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired, AssertionError):
            process.kill()
            process.wait(timeout=5)


def _autokey(phrase: str, hotkey: str, home: Path) -> Contender:
    from contenders.autokey import AutoKeyContender

    if shutil.which("autokey-qt") is None or shutil.which("dbus-run-session") is None:
        raise SystemExit("autokey: needs autokey-qt and dbus-run-session (apt-get install -y autokey-qt dbus)")
    contender = AutoKeyContender(phrase, hotkey)
    contender.setup(home)
    return contender


# name -> factory(phrase, hotkey, home). Ours is always measured first: ratios are to it.
CONTENDERS: dict[str, Callable[[str, str, Path], Contender]] = {
    "desktop_assistant": lambda phrase, hotkey, home: PipelineContender(phrase, hotkey),
    "autokey": _autokey,
}

ROWS = [
    ("hotkey-to-text median (ms)", "latency_median_ms"),
    ("hotkey-to-text p95 (ms)", "latency_p95_ms"),
    ("hotkey-to-text min / max (ms)", ("latency_min_ms", "latency_max_ms")),
    ("latency presses missed / inexact", ("latency_missed", "latency_inexact")),
    ("burst: complete phrases of presses", ("burst_complete", "burst_presses")),
    ("burst: lost presses, every run", "burst_lost_runs"),
    ("burst: exact text, in order", "burst_exact"),
    ("burst: last text after first press (s)", "burst_last_text_after_first_press_s"),
    ("resident memory after burst (MB)", "rss_after_burst_mb"),
]


def _cell(result: dict, key) -> str:
    if isinstance(key, tuple):
        return " / ".join(_cell(result, part) for part in key)
    value = result.get(key)
    if value is None:
        return "-"
    return " ".join(map(str, value)) if isinstance(value, list) else str(value)


def release_floor(target: TargetWindow, hotkey: str = HOTKEY, runs: int = 10) -> dict:
    """How long `xdotool key HOTKEY` takes until its last key-up (it exits right after): the earliest
    moment a pipeline that waits for the hotkey's keys to be up may paste. Run with no contender
    listening, into the target, which is emptied afterwards."""
    env = {**os.environ, "DISPLAY": target.display}
    samples = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run(["xdotool", "key", hotkey], env=env, check=True)
        samples.append(time.monotonic() - started)
    target.clear()
    samples.sort()
    return {"keys_released_after_ms": round(samples[len(samples) // 2] * 1000, 1)}


def table(results: list[dict], floor: dict) -> str:
    names = [r["contender"] for r in results]
    header = ["metric", *names] + [f"{n} / {names[0]}" for n in names[1:]]
    lines = [header]
    for label, key in ROWS:
        cells = [_cell(r, key) for r in results]
        ratios = []
        for result in results[1:]:
            ours, theirs = (
                results[0].get(key) if isinstance(key, str) else None,
                result.get(key) if isinstance(key, str) else None,
            )
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (ours, theirs))
            ratios.append(f"{theirs / ours:.2f}x" if numeric and ours else "-")
        lines.append([label, *cells, *ratios])
    released = floor.get("keys_released_after_ms")
    if released is not None:
        lines.append(
            [
                "text after the hotkey's keys are up (ms, approx.)",
                *[
                    str(round(r["latency_median_ms"] - released, 1)) if r.get("latency_median_ms") else "-"
                    for r in results
                ],
                *["-"] * (len(results) - 1),
            ]
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    out.append(
        f"xdotool floor: median {floor.get('xdotool_floor_median_ms')} ms, "
        f"p95 {floor.get('xdotool_floor_p95_ms')} ms; `xdotool key {HOTKEY}` releases its last key "
        f"after {released} ms (median)"
    )
    return "\n".join(out)


def measure(
    contender: Contender,
    target: TargetWindow,
    display: str,
    home: Path,
    args: argparse.Namespace,
    log: Callable[[str], None],
) -> dict:
    contender.start(display, home)
    try:
        if not contender.ready(60):
            raise RuntimeError(f"{contender.name} never became ready")
        target.focus()
        target.clear()
        contender.trigger()  # warm-up press, not timed (first use loads the key sender)
        target.wait_quiet(0.5, 5.0)
        result: dict = {"contender": contender.name}
        log(f"[{contender.name}] hotkey-to-text latency, {args.presses} presses ...")
        result.update(hotkey_latency(contender, target, PHRASE, args.presses))
        result.update(repeated_bursts(contender, target, PHRASE, args.burst, args.interval, args.bursts, log))
        result["rss_after_burst_mb"] = round(contender.rss_mb(), 1)
        return result
    finally:
        contender.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("--bursts", type=int, default=1)
    parser.add_argument(
        "--with",
        dest="others",
        action="append",
        default=[],
        choices=sorted(set(CONTENDERS) - {"desktop_assistant"}),
        help="also measure this contender in the same run",
    )
    parser.add_argument("--json-out")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda signum, _frame: (_ for _ in ()).throw(SystemExit(128 + signum)))

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="insertion-bench-"))
    server, display = start_xvfb()
    target = TargetWindow(display, workdir)
    results = []
    try:
        target.start()
        floor = {**xdotool_floor(target), **release_floor(target)}
        for name in ["desktop_assistant", *args.others]:
            home = workdir / name
            home.mkdir()
            results.append(measure(CONTENDERS[name](PHRASE, HOTKEY, home), target, display, home, args, log))
    finally:
        target.stop()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(results, floor))
    summary = {"benchmark": "insertion", "phrase_chars": len(PHRASE), "hotkey": HOTKEY, **floor, "results": results}
    emit(summary, args.json_out)
    return 0 if all(r.get("burst_exact") and not r.get("latency_missed") for r in results[:1]) else 1


if __name__ == "__main__":
    sys.exit(main())
