"""AutoKey alone through the insertion benchmarks: start to first phrase, hotkey-to-text latency, burst, memory.

    python benchmarks/contenders/run_autokey.py [--starts 5] [--presses 30] [--burst 50] [--interval 0.1]
                                                [--bursts 3] [--no-warm-up] [--no-verbose]
                                                [--json-out FILE] [--keep DIR]

Needs: Xvfb, xdotool, dbus-run-session and Debian's autokey-qt (apt-get install -y xvfb xdotool dbus autokey-qt).
Starts its own Xvfb (first free display, -displayfd), the target window, and AutoKey in a temporary HOME; all of
them are ended and the temporary folder removed at the end, on failure and on Ctrl+C/SIGTERM too.
Prints a table, then one JSON line. About one minute.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/, for `contenders`

from contenders.autokey import AutoKeyContender  # noqa: E402
from contenders.measure import HOTKEY, PHRASE, TargetWindow, run_all, start_xvfb, table, xdotool_floor  # noqa: E402


def _terminate(signum, _frame):
    raise SystemExit(128 + signum)


def warm_up(display: str, workdir: Path) -> None:
    """One untimed start, so that the timed ones read AutoKey, PyQt5 and Qt from a warm file cache."""
    contender = AutoKeyContender(PHRASE, HOTKEY)
    contender.setup(workdir / "warm-home")
    try:
        contender.start(display, workdir / "warm-home")
        contender.ready(30)
    finally:
        contender.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="timed starts (median reported)")
    parser.add_argument("--presses", type=int, default=30, help="presses for hotkey-to-text latency")
    parser.add_argument("--burst", type=int, default=50, help="presses in the burst")
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between burst presses")
    parser.add_argument("--bursts", type=int, default=3, help="bursts (the median one is reported)")
    parser.add_argument("--no-warm-up", action="store_true", help="time a cold first start as well")
    parser.add_argument(
        "--no-verbose",
        action="store_true",
        help="run autokey-qt without --verbose (INFO log only; ready() then cannot see the grab)",
    )
    parser.add_argument("--json-out", help="also write the JSON result to this file")
    parser.add_argument("--keep", help="copy the temporary HOME and logs to this folder at the end")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _terminate)

    began = time.monotonic()
    load_before = os.getloadavg()[0]
    server = target = contender = None
    with tempfile.TemporaryDirectory(prefix="bench-autokey-") as tmp:
        workdir = Path(tmp)
        try:
            server, display = start_xvfb()
            print(f"Xvfb on {display}", file=sys.stderr)
            target = TargetWindow(display, workdir)
            target.start()
            floor = xdotool_floor(target)
            if not args.no_warm_up:
                warm_up(display, workdir)
            contender = AutoKeyContender(PHRASE, HOTKEY, verbose=not args.no_verbose)
            home = workdir / "home"
            contender.setup(home, PHRASE, HOTKEY)
            result = run_all(
                contender,
                target,
                display,
                home,
                PHRASE,
                starts=args.starts,
                presses=args.presses,
                burst_presses=args.burst,
                burst_interval=args.interval,
                bursts=args.bursts,
            )
            result.update(floor)
            result["rss_breakdown_kb"] = contender.rss_breakdown()
            result["hotkey"] = HOTKEY
            result["autokey_verbose"] = contender.verbose
            result["elapsed_s"] = round(time.monotonic() - began, 1)
            # the machine has 2 cores and may be shared: a busy one slows the start above all
            result["load_1min_before_after"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
        except BaseException:
            if contender is not None:
                print("--- AutoKey log (tail) ---\n" + contender.log_tail(40), file=sys.stderr)
            raise
        finally:
            if contender is not None:
                contender.stop()
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
                    ignore=shutil.ignore_patterns("bus*", "*.pid"),
                )
    print(table([result]))
    print(
        f'(xdotool floor, no contender: `xdotool key shift+super+x` -> "X" in the target, median '
        f"{result['xdotool_floor_median_ms']} ms; it is inside every hotkey-to-text number above)"
    )
    line = json.dumps(result, ensure_ascii=False)
    print(line)
    if args.json_out:
        Path(args.json_out).write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
