"""Contender-agnostic measurements of phrase insertion by global hotkey, end to end on a real X server.

A contender is anything that satisfies `Contender` below (AutoKey in contenders/autokey.py; our own app later).
The target is benchmarks/target_window.py in its own process, which logs every change of its text box with a
CLOCK_MONOTONIC time stamp; every time below is "target's time stamp of the change" minus "driver's
time.monotonic() just before the action", both the same system-wide clock.

Measurements (run_all):
  start      launch of the contender -> first complete phrase in the target, the hotkey pressed every 50 ms from
             the launch on (so it is "how soon can the agent use it", whatever the contender says about itself);
             also the launch -> ready() time the contender reports, for information.
  latency    N presses (30); before each the target is emptied, then the time just before `xdotool key` ->
             the target's first change whose text contains the whole phrase. Median and p95 (nearest rank).
             It includes xdotool's own start and its chord (~15-20 ms here, the same for every contender).
  burst      M presses (50) at a fixed interval (100 ms) into an empty target, then waiting until the text has not
             changed for a few seconds: complete phrases that arrived, lost presses, and whether the text is exactly
             the complete phrases back to back (nothing interleaved, no fragment, no stray character).
  memory     resident memory of the contender's whole process tree after the burst (contender.rss_mb()).
  floor      (xdotool_floor, no contender) `xdotool key shift+super+x` -> "X" in the target: a three-key chord
             typed the same way as the hotkey, i.e. the driver's share of every hotkey-to-text latency.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

PHRASE = "亲，您好！欢迎光临云朵家居旗舰店，我是客服小王。\n请问有什么可以帮您？"
HOTKEY = "ctrl+alt+1"
TARGET_SCRIPT = Path(__file__).resolve().parents[1] / "target_window.py"


@runtime_checkable
class Contender(Protocol):
    """What measure.py needs of a program that inserts PHRASE into the focused window on HOTKEY.

    The contender is configured before start() (its own way: AutoKeyContender.setup(home, phrase, hotkey)).
    """

    name: str

    def start(self, display: str, home: Path) -> None:
        """Launch it on X display `display` (":5") with HOME=`home`; return at once, without waiting."""

    def ready(self, timeout: float) -> bool:
        """Wait up to `timeout` s until it says it listens for its hotkey; False if it never did or died."""

    def trigger(self) -> None:
        """Press its hotkey once (xdotool key ...), returning when the key events have been sent."""

    def rss_mb(self) -> float:
        """Resident memory of its whole process tree, in MB (MiB)."""

    def stop(self) -> None:
        """End it and everything it started; safe to call twice or when start() failed."""


# ---- the target window ---------------------------------------------------------------------------------------------
@dataclass
class Event:
    kind: str
    mono: float
    text: str


@dataclass
class TargetWindow:
    """benchmarks/target_window.py on `display`, driven through its standard input, read through its log."""

    display: str
    workdir: Path
    title: str = "bench-target"
    process: subprocess.Popen | None = None
    window: int = 0
    text: str = ""
    _log: Path = field(init=False)
    _offset: int = 0
    _partial: bytes = b""

    def start(self, timeout: float = 15.0) -> None:
        self._log = self.workdir / "target.jsonl"
        self._log.write_text("")
        env = {**os.environ, "DISPLAY": self.display, "LANG": "C.UTF-8"}
        env.pop("QT_QPA_PLATFORM", None)
        self.process = subprocess.Popen(
            [sys.executable, str(TARGET_SCRIPT), str(self._log), "--title", self.title], stdin=subprocess.PIPE, env=env
        )
        ready = self.wait(lambda e: e.kind == "ready", timeout)
        if ready is None:
            raise RuntimeError("the target window never showed")
        self.focus()

    def _read(self) -> list[Event]:
        with open(self._log, "rb") as handle:
            handle.seek(self._offset)
            chunk = handle.read()
        self._offset += len(chunk)
        data = self._partial + chunk
        *lines, self._partial = data.split(b"\n")
        events = []
        for line in lines:
            record = json.loads(line)
            if record["event"] == "ready":
                self.window = record["window"]
            if "text" in record:
                self.text = record["text"]
            events.append(Event(record["event"], record["mono"], record.get("text", "")))
        return events

    def drain(self) -> list[Event]:
        return self._read()

    def wait(self, predicate: Callable[[Event], bool], timeout: float, poll: float = 0.002) -> Event | None:
        """The first new event matching predicate, or None after timeout."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self._read():
                if predicate(event):
                    return event
            if time.monotonic() > deadline:
                return None
            time.sleep(poll)

    def wait_quiet(self, quiet: float, timeout: float) -> float:
        """Wait until no change for `quiet` s (or timeout); return the time stamp of the last change seen."""
        last_change = time.monotonic()
        last_stamp = 0.0
        deadline = last_change + timeout
        while time.monotonic() < deadline:
            events = [e for e in self._read() if e.kind == "change"]
            if events:
                last_change = time.monotonic()
                last_stamp = events[-1].mono
            elif time.monotonic() - last_change >= quiet:
                break
            time.sleep(0.01)
        return last_stamp

    def _send(self, command: str) -> None:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(command.encode() + b"\n")
        self.process.stdin.flush()

    def clear(self, timeout: float = 5.0) -> None:
        self._read()
        self._send("clear")
        if self.wait(lambda e: e.kind == "cleared", timeout) is None:
            raise RuntimeError("the target did not confirm clear")

    def focus(self) -> None:
        env = {**os.environ, "DISPLAY": self.display}
        if self.window:
            subprocess.run(
                ["xdotool", "windowfocus", "--sync", str(self.window)],
                env=env,
                check=True,
                timeout=10,
                capture_output=True,
            )
        self._send("focus")
        self.wait(lambda e: e.kind == "focused", 5.0)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        try:
            self._send_quiet(process)
            process.wait(timeout=5)
        except (subprocess.TimeoutExpired, OSError):
            process.kill()
            process.wait(timeout=5)

    @staticmethod
    def _send_quiet(process: subprocess.Popen) -> None:
        if process.stdin is not None:
            try:
                process.stdin.write(b"quit\n")
                process.stdin.close()
            except (BrokenPipeError, OSError):
                pass


# ---- measurements --------------------------------------------------------------------------------------------------
def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def start_to_first_phrase(
    contender: Contender,
    target: TargetWindow,
    display: str,
    home: Path,
    phrase: str = PHRASE,
    interval: float = 0.05,
    timeout: float = 30.0,
) -> dict:
    """Launch the contender and press its hotkey every `interval` s until the target holds the whole phrase."""
    target.focus()
    target.clear()
    done = threading.Event()
    presses = 0

    def press() -> None:
        nonlocal presses
        tick = launched
        while not done.is_set() and time.monotonic() - launched < timeout:
            contender.trigger()
            presses += 1
            tick += interval
            done.wait(max(0.0, tick - time.monotonic()))

    launched = time.monotonic()
    contender.start(display, home)
    presser = threading.Thread(target=press, daemon=True)
    presser.start()
    ready_at = None
    first = None
    deadline = launched + timeout
    next_ready_check = launched
    try:
        while time.monotonic() < deadline and first is None:
            for event in target.drain():
                if event.kind == "change" and phrase in event.text:
                    first = event
                    break
            if ready_at is None and time.monotonic() >= next_ready_check:
                next_ready_check += 0.02
                if contender.ready(0):
                    ready_at = time.monotonic()
            time.sleep(0.002)
    finally:
        done.set()
        presser.join(timeout=5)
    if ready_at is None and contender.ready(1.0):  # said between two 20 ms checks and the phrase: late by <20 ms
        ready_at = time.monotonic()
    target.wait_quiet(0.6, 5.0)  # presses still in flight may paste again: let them land before the next step
    return {
        "start_to_first_phrase_s": None if first is None else round(first.mono - launched, 3),
        "start_to_ready_signal_s": None if ready_at is None else round(ready_at - launched, 3),
        "presses_until_first_phrase": presses,
    }


def hotkey_latency(
    contender: Contender,
    target: TargetWindow,
    phrase: str = PHRASE,
    presses: int = 30,
    gap: float = 0.3,
    timeout: float = 3.0,
) -> dict:
    """Empty target, wait `gap`, time stamp, press; the first change that makes the text complete ends it."""
    samples: list[float] = []
    missed = 0
    inexact = 0
    for _ in range(presses):
        target.clear()
        time.sleep(gap)
        target.drain()
        pressed = time.monotonic()
        contender.trigger()
        event = target.wait(lambda e: e.kind == "change" and phrase in e.text, timeout)
        if event is None:
            missed += 1
            continue
        samples.append(event.mono - pressed)
        target.wait_quiet(gap, 3.0)
        if target.text != phrase:
            inexact += 1
    result = {"latency_presses": presses, "latency_missed": missed, "latency_inexact": inexact}
    if samples:
        result.update(
            {
                "latency_median_ms": round(statistics.median(samples) * 1000, 1),
                "latency_p95_ms": round(percentile(samples, 0.95) * 1000, 1),
                "latency_min_ms": round(min(samples) * 1000, 1),
                "latency_max_ms": round(max(samples) * 1000, 1),
            }
        )
    return result


def xdotool_floor(
    target: TargetWindow, presses: int = 10, gap: float = 0.1, chord: str = "shift+super+x", expect: str = "X"
) -> dict:
    """No contender: time just before `xdotool key shift+super+x` -> the "X" in the target. A three-key chord like
    the hotkey, typed by the same xdotool, so this is the driver's share of every hotkey-to-text latency (xdotool's
    start, its 12 ms-spaced key events, the target's own handling), for reference."""
    samples = []
    env = {**os.environ, "DISPLAY": target.display}
    for _ in range(presses):
        target.clear()
        time.sleep(gap)
        target.drain()
        pressed = time.monotonic()
        subprocess.run(["xdotool", "key", chord], env=env, check=True)
        event = target.wait(lambda e: e.kind == "change" and expect in e.text, 3.0)
        if event is not None:
            samples.append(event.mono - pressed)
    target.clear()
    if not samples:
        return {"xdotool_floor_median_ms": None}
    return {
        "xdotool_floor_median_ms": round(statistics.median(samples) * 1000, 1),
        "xdotool_floor_p95_ms": round(percentile(samples, 0.95) * 1000, 1),
    }


def burst(
    contender: Contender,
    target: TargetWindow,
    phrase: str = PHRASE,
    presses: int = 50,
    interval: float = 0.1,
    quiet: float = 3.0,
    max_wait: float = 40.0,
) -> dict:
    """`presses` presses `interval` s apart into an empty target; count the complete phrases that arrive."""
    target.clear()
    time.sleep(0.3)
    target.drain()
    started = time.monotonic()
    late = 0.0
    for index in range(presses):
        delay = started + index * interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:
            late = max(late, -delay)
        contender.trigger()
    sent = time.monotonic()
    last = target.wait_quiet(quiet, max_wait)
    text = target.text
    complete = text.count(phrase)
    leftover = text.replace(phrase, "")
    return {
        "burst_presses": presses,
        "burst_interval_ms": round(interval * 1000),
        "burst_complete": complete,
        "burst_lost": presses - complete,
        "burst_exact": text == phrase * complete,  # only whole phrases back to back: in order, nothing interleaved
        "burst_stray_chars": len(leftover),
        "burst_send_s": round(sent - started, 2),
        "burst_last_text_after_first_press_s": round(last - started, 2) if last else None,
        "burst_worst_press_lateness_ms": round(late * 1000, 1),
    }


def repeated_bursts(
    contender: Contender,
    target: TargetWindow,
    phrase: str,
    presses: int,
    interval: float,
    runs: int,
    log: Callable[[str], None],
) -> dict:
    """`runs` bursts: the median one (by complete phrases) in detail, every run's counts beside it."""
    bursts_run = []
    for number in range(runs):
        log(f"[{contender.name}] burst {number + 1}/{runs}: {presses} presses {round(interval * 1000)} ms apart ...")
        bursts_run.append(burst(contender, target, phrase, presses, interval))
    middle = sorted(bursts_run, key=lambda run: run["burst_complete"])[len(bursts_run) // 2]
    return {
        **middle,
        "burst_runs": len(bursts_run),
        "burst_complete_runs": [run["burst_complete"] for run in bursts_run],
        "burst_lost_runs": [run["burst_lost"] for run in bursts_run],
        "burst_exact": all(run["burst_exact"] for run in bursts_run),
        "burst_stray_chars": sum(run["burst_stray_chars"] for run in bursts_run),
    }


def run_all(
    contender: Contender,
    target: TargetWindow,
    display: str,
    home: Path,
    phrase: str = PHRASE,
    starts: int = 5,
    presses: int = 30,
    burst_presses: int = 50,
    burst_interval: float = 0.1,
    bursts: int = 3,
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> dict:
    """All four measurements against one contender, configured beforehand for `home`.

    It is started `starts` times (stopped in between; the median start is reported) and left running after the
    last one for the other measurements; the caller stops it. The burst is run `bursts` times: the median one
    (by complete phrases) is reported, with every run's count beside it; "exact" must hold in every run.
    """
    results: dict = {"contender": contender.name}
    runs = []
    for number in range(starts):
        log(f"[{contender.name}] start to first phrase ({number + 1}/{starts}) ...")
        if number:
            contender.stop()
        runs.append(start_to_first_phrase(contender, target, display, home, phrase))
        if runs[-1]["start_to_first_phrase_s"] is None:
            raise RuntimeError(f"{contender.name}: no phrase arrived after start")
    firsts = [run["start_to_first_phrase_s"] for run in runs]
    readies = [run["start_to_ready_signal_s"] for run in runs if run["start_to_ready_signal_s"] is not None]
    results.update(
        {
            "start_to_first_phrase_s": round(statistics.median(firsts), 3),
            "start_to_first_phrase_runs_s": firsts,
            "start_to_ready_signal_s": round(statistics.median(readies), 3) if readies else None,
            "start_to_ready_signal_runs_s": readies,
            "presses_until_first_phrase": [run["presses_until_first_phrase"] for run in runs],
        }
    )
    log(f"[{contender.name}] hotkey-to-text latency, {presses} presses ...")
    results.update(hotkey_latency(contender, target, phrase, presses))
    results.update(repeated_bursts(contender, target, phrase, burst_presses, burst_interval, bursts, log))
    results["rss_after_burst_mb"] = round(contender.rss_mb(), 1)
    return results


# ---- report --------------------------------------------------------------------------------------------------------
ROWS = [
    ("start to first phrase, median (s)", "start_to_first_phrase_s"),
    ("start to ready signal, median (s)", "start_to_ready_signal_s"),
    ("hotkey-to-text median (ms)", "latency_median_ms"),
    ("hotkey-to-text p95 (ms)", "latency_p95_ms"),
    ("latency presses missed", "latency_missed"),
    ("burst: complete phrases, median run", "burst_complete"),
    ("burst: lost presses, median run", "burst_lost"),
    ("burst: lost presses, every run", "burst_lost_runs"),
    ("burst: exact text (in order), all runs", "burst_exact"),
    ("resident memory after burst (MB)", "rss_after_burst_mb"),
]


def table(results: list[dict]) -> str:
    """Rows of ROWS, a column per contender; with two or more, ratio columns (contender / first contender)."""
    names = [r["contender"] for r in results]
    header = ["metric", *names] + [f"{n} / {names[0]}" for n in names[1:]]
    lines = [header]
    for label, key in ROWS:
        values = [r.get(key) for r in results]
        ratios = []
        for value in values[1:]:
            base = values[0]
            ok = isinstance(value, (int, float)) and isinstance(base, (int, float)) and not isinstance(base, bool)
            ratios.append(f"{value / base:.2f}x" if ok and base else "-")
        cells = ["-" if v is None else " ".join(map(str, v)) if isinstance(v, list) else str(v) for v in values]
        lines.append([label, *cells, *ratios])
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def start_xvfb(screen: str = "1280x800x24") -> tuple[subprocess.Popen, str]:
    """Xvfb on the first free display number (-displayfd); returns the process and ":N"."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as announced:
        number = announced.readline().strip()
    if not number:
        server.kill()
        server.wait()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"
