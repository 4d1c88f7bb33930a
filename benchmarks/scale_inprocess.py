"""One panel started in this process on --basedir, measured step by step; prints one JSON object.

    QT_QPA_PLATFORM=offscreen python benchmarks/scale_inprocess.py --basedir DIR

Run by benchmarks/scale.py in a fresh process per database (memory figures are this process's).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import QUERIES  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def typed(widget_text, process, rounds: int) -> dict:
    """Every query typed key by key into a line edit; ms per keystroke including the list it refreshes."""
    samples, cpu = [], []
    for _ in range(rounds):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started, started_cpu = time.perf_counter(), time.thread_time()
                widget_text(query[:end])
                process()
                samples.append(time.perf_counter() - started)
                cpu.append(time.thread_time() - started_cpu)
            widget_text("")
    ordered = sorted(samples)
    return {
        "keystrokes": len(ordered),
        "median_ms": round(percentile(ordered, 0.5) * 1000, 2),
        "p95_ms": round(percentile(ordered, 0.95) * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        # CPU of this thread: what a keystroke costs, without the waits of a machine shared with other jobs
        "cpu_p95_ms": round(percentile(sorted(cpu), 0.95) * 1000, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--basedir", required=True)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from desktop_assistant.app import Application
    from desktop_assistant.app_process import refuse_recovery
    from desktop_assistant.paths import resolve_paths

    qt_app = QApplication(sys.argv[:1])
    qt_app.setQuitOnLastWindowClosed(False)
    out: dict = {"rss_qt_mb": rss_mb()}
    app = Application(qt_app, resolve_paths(args.basedir), ask_recovery=refuse_recovery, defer_features=True)
    assert app.open_database()
    app.build_ui()
    app.show()
    app.features_timer.stop()  # the steps are run one by one below, each timed
    qt_app.processEvents()
    out["panel_shown_s"] = round(time.perf_counter() - started, 3)
    out["rss_panel_mb"] = rss_mb()
    steps = {}
    while app._feature_steps:
        step = app._feature_steps.pop(0)
        before, at = rss_mb(), time.perf_counter()
        step()
        qt_app.processEvents()
        steps[step.__name__.lstrip("_")] = {"s": round(time.perf_counter() - at, 3), "mb": round(rss_mb() - before, 1)}
    out["build_steps"] = steps
    out["all_built_s"] = round(time.perf_counter() - started, 3)
    out["rss_built_mb"] = rss_mb()
    tabs = app.panel.tabs
    opened = {}
    for index in range(tabs.count()):
        before, at = rss_mb(), time.perf_counter()
        tabs.setCurrentIndex(index)
        qt_app.processEvents()
        opened[tabs.tabText(index)] = {"s": round(time.perf_counter() - at, 3), "mb": round(rss_mb() - before, 1)}
    out["open_tab"] = opened
    tabs.setCurrentIndex(0)
    qt_app.processEvents()
    if app.stats is not None:
        app.stats.tab.period.setCurrentIndex(app.stats.tab.period.findData(7))
        at = time.perf_counter()
        app.stats.refresh()
        qt_app.processEvents()
        out["stats_7_days_s"] = round(time.perf_counter() - at, 3)
    out["rss_all_tabs_opened_mb"] = rss_mb()
    picker = app.phrases.picker
    at = time.perf_counter()
    picker.search.setText("h")
    out["picker_first_key_ms"] = round((time.perf_counter() - at) * 1000, 1)
    out["picker"] = typed(picker.search.setText, qt_app.processEvents, args.rounds)
    out["tab_search"] = typed(app.phrases.tab.search_box.setText, qt_app.processEvents, 1)
    out["rss_end_mb"] = rss_mb()
    app.shutdown()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
