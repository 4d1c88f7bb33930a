"""What 300 live conversation timers cost (target < 1 % of a core, issue 4): the 会话 tab on screen with
300 waiting conversations, the controller's one-second tick repainting every timer, for N seconds.

    python benchmarks/timers.py [--conversations 300] [--seconds 30] [--json-out FILE]

Measured as the process CPU time (user + system) over wall time while only the event loop runs, once
with the 会话 tab in front (every timer repainted each second) and once with another tab in front (the
tick still runs: alerts, the status strip, the tab title). The real SQLite file and the real widgets
(offscreen platform unless QT_QPA_PLATFORM says otherwise). Prints a table, then JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
TARGET_PERCENT = 1.0


def measure(app, seconds: float) -> tuple[float, float]:
    """CPU % of one core over `seconds` of the event loop, and the mean tick in ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    controller = app.conversations
    original_tick = controller.tick

    def timed_tick() -> None:
        started = time.perf_counter()
        original_tick()
        ticks.append(time.perf_counter() - started)

    controller.timer.timeout.disconnect()
    controller.timer.timeout.connect(timed_tick)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    loop.exec()
    cpu, wall = time.process_time() - cpu_before, time.perf_counter() - wall_before
    controller.timer.timeout.disconnect()
    controller.timer.timeout.connect(original_tick)
    return 100 * cpu / wall, 1000 * sum(ticks) / max(len(ticks), 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--conversations", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from desktop_assistant.app import Application
    from desktop_assistant.domain.conversations import BUYER_WROTE, Event
    from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend
    from desktop_assistant.paths import resolve_paths
    from desktop_assistant.storage.store import open_store

    qt_app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(tmp)
        now = dt.datetime.now()
        store = open_store(paths, now)
        # Spread over the last 10 minutes: every level from waiting to critical is on screen.
        store.conversations.record_many(
            [
                Event(now - dt.timedelta(seconds=2 * n), f"买家{n:03d}", BUYER_WROTE, "千牛", "A01", "window")
                for n in range(args.conversations)
            ]
        )
        store.close()
        app = Application(qt_app, paths, hotkey_backend_factory=lambda _setting: FakeHotkeyBackend())
        assert app.open_database()
        app.build_ui()
        app.show()
        app.panel.tabs.setCurrentWidget(app.conversations.tab)
        qt_app.processEvents()
        assert app.conversations.tab.model.rowCount() == args.conversations
        shown_cpu, shown_tick = measure(app, args.seconds)
        app.panel.tabs.setCurrentWidget(app.phrases.tab)
        hidden_cpu, hidden_tick = measure(app, args.seconds)
        app.shutdown()

    rows = [("会话 tab in front", shown_cpu, shown_tick), ("another tab in front", hidden_cpu, hidden_tick)]
    print(f"{args.conversations} live timers, {args.seconds:.0f} s each, one tick per second")
    print(f"{'measure':28} {'CPU % of a core':>16} {'mean tick':>10}  target")
    for name, cpu, tick in rows:
        verdict = "PASS" if cpu < TARGET_PERCENT else "FAIL"
        print(f"{name:28} {cpu:15.2f}% {tick:8.2f}ms  < {TARGET_PERCENT} % {verdict}")
    out = {
        "timers": {
            "conversations": args.conversations,
            "seconds": args.seconds,
            "shown_cpu_percent": round(shown_cpu, 3),
            "shown_tick_ms": round(shown_tick, 2),
            "hidden_cpu_percent": round(hidden_cpu, 3),
            "hidden_tick_ms": round(hidden_tick, 2),
            "target_percent": TARGET_PERCENT,
            "pass": max(shown_cpu, hidden_cpu) < TARGET_PERCENT,
        }
    }
    emit(out, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
