"""How long the sight reader holds the GUI thread per read() (issue: the panel must stay fast while the agent
types), with the real OCR on the fake 接待中心's drawing (tests/unit/sight_scene.py), offscreen.

    python benchmarks/sight_gui_thread.py [--rounds 5] [--json-out FILE]

"after" is the time read() takes on the calling thread now: the grabs (slices of a frame painted before the
poll; a real QScreen.grabWindow adds about 1 ms per region) and handing the pixels to the worker. "before"
is what the same poll cost the GUI thread when read() analysed on it (up to the commit before the worker):
the same grabs plus the analysis, which is the code the worker now runs (timed there, per job). Events:
the first read (the OCR models load), an idle poll, a new buyer bubble, a conversation switch (two
readings of the nick) and a badge on another row. Each event is driven like the hub does: a read, then
reads while the reader says `confirming()` (the harness waits for the worker in between).
"after CPU" is the calling thread's own CPU time (time.thread_time) in read(): wall time above it is waiting
for the core or for the GIL while the worker runs Python code. Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_assistant.domain.reading import Region, Regions, format_regions
    from desktop_assistant.os_integration.foreground import WindowRef
    from desktop_assistant.os_integration.readers.ocr import Ocr
    from desktop_assistant.os_integration.readers.sight import SightReader
    from tests.e2e import fake_workbench as fake
    from tests.unit.sight_scene import render

    app = QApplication([])  # noqa: F841 - the scene paints with fonts
    window = WindowRef(7, 100, fake.PROCESS, fake.TITLE)
    regions = Regions(Region(*fake.LIST_REGION), Region(*fake.HEADER_REGION), Region(*fake.MESSAGES_REGION))
    settings = {"reader.regions": format_regions({"千牛": regions}), "reader.buyer_side": "left"}

    class FrameGrabber:
        def __init__(self, scene) -> None:
            self.scene, self.frame = scene, render(scene)

        def grab(self, _window, region):
            return self.frame[region.y : region.y + region.h, region.x : region.x + region.w].copy()

    results: dict[str, dict[str, list[float]]] = {}

    def note(event: str, key: str, value: float) -> None:
        results.setdefault(event, {}).setdefault(key, []).append(value)

    shared: list[Ocr] = []

    def one_round(round_: int) -> None:
        scene = fake.Workbench()
        grabber = FrameGrabber(scene)
        factory = (lambda: shared[0]) if shared else (lambda: shared.append(Ocr()) or shared[0])
        reader = SightReader(settings.get, grabber, factory)
        jobs: list[float] = []
        analyse = reader._analyse

        def timed(job):
            started = time.perf_counter()
            try:
                return analyse(job)
            finally:
                jobs.append(time.perf_counter() - started)

        reader._analyse = timed

        def drive(event: str) -> None:
            grabber.frame = render(scene)
            jobs.clear()
            gui, cpu = [], []
            now = dt.datetime.now()

            def read() -> None:
                started, started_cpu = time.perf_counter(), time.thread_time()
                reader.read(window, "千牛", now)
                gui.append(time.perf_counter() - started)
                cpu.append(time.thread_time() - started_cpu)

            read()
            while reader.confirming():
                reader.wait(timeout=300)
                read()
            grab = statistics.median(gui)  # a read that grabs: the grabs are the whole of it
            note(event, "after_ms", max(gui) * 1000)
            note(event, "after_cpu_ms", max(cpu) * 1000)
            note(event, "before_ms", (grab + max(jobs, default=0.0)) * 1000)
            note(event, "reads", len(gui))

        drive("first read (OCR loads)" if round_ == 0 else "first read (OCR loaded)")
        drive("idle poll")
        scene.buyer(scene.active.nick, f"这个有货吗{round_}", "10:01:02")
        drive("new buyer bubble")
        scene.switch(("jd_小王", "倪好数码:小柒")[round_ % 2])
        drive("conversation switch")
        scene.find("tb_12345678").badge = 3 + round_
        drive("badge on another row")
        reader.close()

    for round_ in range(args.rounds):
        one_round(round_)

    print(f"sight reader, GUI-thread time per read(), real OCR, {args.rounds} rounds (max over the reads of an event)")
    print(
        f"{'event':26} {'before (ms, median)':>20} {'after (ms, median)':>19} {'after max':>10} "
        f"{'after CPU':>10} {'reads':>6}"
    )
    summary = {}
    for event, values in results.items():
        row = {key: round(statistics.median(v), 2) for key, v in values.items()}
        row["after_max_ms"] = round(max(values["after_ms"]), 2)
        summary[event] = row
        print(
            f"{event:26} {row['before_ms']:20.1f} {row['after_ms']:19.2f} {row['after_max_ms']:10.2f} "
            f"{row['after_cpu_ms']:10.2f} {row['reads']:6.0f}"
        )
    out = {"benchmark": "sight_gui_thread", "rounds": args.rounds, "events": summary}
    emit(out, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
