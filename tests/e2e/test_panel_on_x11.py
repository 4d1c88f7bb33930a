"""The real panel on a real X server: docked, and the global toggle hotkey through pynput."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import log_text, wait_for, xdotool

pytestmark = pytest.mark.e2e


def visible_panels(display: str) -> list[str]:
    return xdotool(display, "search", "--onlyvisible", "--name", "^客服助手$").stdout.split()


@pytest.fixture
def panel_process(x_display: str, tmp_path: Path):
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(tmp_path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: "panel shown" in log_text(tmp_path) or process.poll() is not None)
    assert process.poll() is None, process.communicate()
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0


def test_panel_docks_to_the_right_edge(x_display: str, panel_process) -> None:
    wait_for(lambda: len(visible_panels(x_display)) == 1)
    [window] = visible_panels(x_display)
    geometry = xdotool(x_display, "getwindowgeometry", window).stdout
    assert "Position: 1540,0" in geometry and "Geometry: 380x1080" in geometry


def test_global_hotkey_toggles_the_panel(x_display: str, panel_process, tmp_path: Path) -> None:
    wait_for(lambda: len(visible_panels(x_display)) == 1)
    # The app logs the hotkey service's state once its grabs are in place (or have failed).
    wait_for(lambda: re.search(r"global hotkeys (active|partial|unavailable)", log_text(tmp_path)))
    assert "global hotkeys active" in log_text(tmp_path), log_text(tmp_path)
    xdotool(x_display, "key", "ctrl+alt+h")
    wait_for(lambda: visible_panels(x_display) == [])
    xdotool(x_display, "key", "ctrl+alt+h")
    wait_for(lambda: len(visible_panels(x_display)) == 1)
