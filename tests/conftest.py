"""Test-wide set-up: offscreen Qt before anything imports it; fresh data directories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop_assistant.paths import Paths  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

# The file-system fault fixtures (small_fs, immutable, read_only_view) for every test that names them.
pytest_plugins = ["tests.faults"]


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


def run_cli(
    *args: str, stdin: str | None = None, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """The real command line in a real process, as scripts and agents use it."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop_assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=timeout,
        cwd=REPO,
    )
