"""Single instance with real processes: a second launch brings the first forward and exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")


def start_panel(basedir: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(basedir)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def log_text(basedir: Path) -> str:
    log = basedir / "logs" / "desktop_assistant.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def wait_for(predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    return process.wait(timeout=20)


def test_second_launch_hands_over_and_exits_0(tmp_path: Path) -> None:
    first = start_panel(tmp_path)
    try:
        wait_for(lambda: "panel shown" in log_text(tmp_path))
        second = run_cli("--basedir", str(tmp_path), timeout=30)
        assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
        wait_for(lambda: "a second launch asked for the panel" in log_text(tmp_path))
        assert first.poll() is None  # the first one is still serving the agent
    finally:
        assert stop(first) == 0
    assert "stopped" in log_text(tmp_path)


def test_a_crashed_instance_does_not_block_the_next_start(tmp_path: Path) -> None:
    crashed = start_panel(tmp_path)
    wait_for(lambda: "panel shown" in log_text(tmp_path))
    crashed.kill()  # SIGKILL: the local socket is left behind
    crashed.wait(timeout=10)
    (tmp_path / "logs" / "desktop_assistant.log").unlink()
    restarted = start_panel(tmp_path)
    try:
        wait_for(lambda: "panel shown" in log_text(tmp_path))
    finally:
        assert stop(restarted) == 0


def test_two_simultaneous_launches_leave_exactly_one_panel(tmp_path: Path) -> None:
    launches = [start_panel(tmp_path), start_panel(tmp_path)]
    try:
        wait_for(lambda: sum(p.poll() is None for p in launches) == 1 and "panel shown" in log_text(tmp_path))
        time.sleep(1.0)
        exited = [p for p in launches if p.poll() is not None]
        assert len(exited) == 1 and exited[0].returncode == 0
    finally:
        for process in launches:
            stop(process)
