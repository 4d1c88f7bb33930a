"""Opens the calibration overlay over a real window (its own process, xcb) and reports what it shows.

    python -m tests.e2e.calibration_runner WINDOW_ID CLIENT REGIONS_JSON

Prints {"event": "overlay", "geometry": [x, y, w, h], "reading": "..."} once the reading is there, then
saves the regions as they are and prints {"event": "saved", "regions": "..."}.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    window_id, client, regions = int(sys.argv[1], 0), sys.argv[2], sys.argv[3]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_assistant.os_integration.foreground import X11Foreground
    from desktop_assistant.os_integration.x11 import X11Connection
    from desktop_assistant.ui.calibration import start_calibration
    from tests.calibration_settings import CalibrationSettings

    app = QApplication(sys.argv[:1])

    settings = CalibrationSettings(**{"reader.regions": regions})
    overlay = start_calibration(settings, X11Foreground(X11Connection()).describe(window_id), client)
    if isinstance(overlay, str):
        print(json.dumps({"event": "refused", "reason": overlay}, ensure_ascii=False), flush=True)
        return 1

    def check() -> None:
        if "最后发言" not in overlay.reading.text():
            return
        timer.stop()
        g = overlay.geometry()
        print(
            json.dumps(
                {
                    "event": "overlay",
                    "geometry": [g.x(), g.y(), g.width(), g.height()],
                    "reading": overlay.reading.text(),
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
        overlay.save()
        print(
            json.dumps({"event": "saved", "regions": settings.values["reader.regions"]}, ensure_ascii=False), flush=True
        )
        app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
