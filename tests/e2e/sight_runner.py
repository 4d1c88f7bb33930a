"""The sight reader in its own process on a real X display, polling one window; for e2e tests and
benchmarks/reading.py.

    python -m tests.e2e.sight_runner WINDOW_ID REGIONS_JSON [--interval MS] [--client 千牛] [--buyer-side left]

Prints JSON lines: {"event": "reader", "kind", "buyer", "count", "text", "at", "t"} for every ReaderEvent
(t: time.monotonic() when read() returned it), {"event": "unavailable", "reason"} when the reader cannot
read, {"event": "booted", "rss_kb"} before the OCR loads and {"event": "ready", "load_s", "rss_kb"} after.
Stops on "quit" or end of stdin. Like the hub, it reads again RECHECK_MS later while `confirming()`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import threading
import time


def rss_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("window", type=lambda v: int(v, 0))
    parser.add_argument("regions")
    parser.add_argument("--interval", type=int, default=500)
    parser.add_argument("--client", default="千牛")
    parser.add_argument("--buyer-side", default="left")
    parser.add_argument("--capture", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtGui import QGuiApplication

    from desktop_assistant.os_integration.foreground import X11Foreground
    from desktop_assistant.os_integration.readers.base import ReaderUnavailable
    from desktop_assistant.os_integration.readers.hub import RECHECK_MS
    from desktop_assistant.os_integration.readers.sight import SightReader
    from desktop_assistant.os_integration.x11 import X11Connection

    app = QGuiApplication(sys.argv[:1])
    settings = {
        "reader.regions": args.regions,
        "reader.buyer_side": args.buyer_side,
        "reader.capture_questions": args.capture,
        "seller_accounts": "",
    }
    reader = SightReader(settings.get)
    foreground = X11Foreground(X11Connection())

    def say(**fields) -> None:
        print(json.dumps(fields, ensure_ascii=False), flush=True)

    say(event="booted", rss_kb=rss_kb())  # Qt and the reader's module, no OCR yet: sight off
    started = time.perf_counter()
    reader.engine()  # loads on the reader's worker
    say(event="ready", load_s=round(time.perf_counter() - started, 3), rss_kb=rss_kb())
    last_reason = [""]

    def poll() -> None:
        window = foreground.describe(args.window)
        if window is None:
            return
        try:
            events = reader.read(window, args.client, dt.datetime.now())
        except ReaderUnavailable as exc:
            if str(exc) != last_reason[0]:
                say(event="unavailable", reason=str(exc))
            last_reason[0] = str(exc)
            return
        last_reason[0] = ""
        if reader.confirming():  # as the hub does: a poll in the worker or a nick read once
            recheck.start()
        now = time.monotonic()
        for e in events:
            say(
                event="reader",
                kind=e.kind,
                buyer=e.buyer,
                count=e.count,
                text=e.text,
                at=e.at.isoformat(),
                source=e.source,
                t=now,
            )

    class Bridge(QObject):
        quit = Signal()

    bridge = Bridge()
    bridge.quit.connect(app.quit)

    def read_stdin() -> None:
        for line in sys.stdin:
            if line.strip() == "quit":
                break
        bridge.quit.emit()

    threading.Thread(target=read_stdin, daemon=True).start()
    recheck = QTimer()
    recheck.setSingleShot(True)
    recheck.setInterval(RECHECK_MS)
    recheck.timeout.connect(poll)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(args.interval)
    code = app.exec()
    reader.close()  # stops the worker
    return code


if __name__ == "__main__":
    raise SystemExit(main())
