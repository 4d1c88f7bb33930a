"""Logging: Qt's messages land in the rotating log; an uncaught exception is logged and shown."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


def test_qt_messages_are_routed_into_the_log_file(tmp_path: Path) -> None:
    code = f"""
from pathlib import Path
from PySide6.QtCore import qWarning
from desktop_assistant.app_process import route_qt_messages
from desktop_assistant.log import setup_logging
from desktop_assistant.paths import Paths
setup_logging(Paths(Path({str(tmp_path)!r})))
route_qt_messages()
qWarning("a warning from Qt itself")
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    log = (tmp_path / "logs" / "desktop_assistant.log").read_text(encoding="utf-8")
    assert "WARNING qt: a warning from Qt itself" in log


def test_uncaught_exception_in_a_slot_is_logged_and_shown(tmp_path: Path) -> None:
    code = f"""
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_assistant import app as app_module
from desktop_assistant.log import setup_logging
from desktop_assistant.paths import Paths
shown = []
app_module.dialogs.show_error = lambda parent, summary, details, log_path: shown.append(summary)
qt_app = QApplication([])
log_path = setup_logging(Paths(Path({str(tmp_path)!r})))
app_module.install_exception_hooks(log_path, show_dialog=True)
def broken_slot():
    raise ZeroDivisionError("order total / zero items")
QTimer.singleShot(0, broken_slot)
QTimer.singleShot(50, qt_app.quit)
qt_app.exec()
print(shown)
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ZeroDivisionError: order total / zero items" in result.stdout  # the dialog got it; the app lived on
    log = (tmp_path / "logs" / "desktop_assistant.log").read_text(encoding="utf-8")
    assert "uncaught exception" in log and "broken_slot" in log
