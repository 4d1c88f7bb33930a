"""The static checks of .ci/run, also in the test run: ruff's lint and format, mypy strict on domain, storage and
the hotkey backends (those also as on Windows).

They run the tools the test extra installs, with the configuration in pyproject.toml, from the repository
root, so a commit that breaks one fails `pytest` on a developer's machine before it reaches CI.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import REPO

CHECKS = {
    "ruff check": ("ruff", ["check", "--no-cache", "."]),
    "ruff format --check": ("ruff", ["format", "--check", "--no-cache", "."]),
    "mypy (strict: domain, storage, hotkey backends)": ("mypy", []),
    "mypy --platform win32 (hotkey backends)": (
        "mypy",
        ["--platform", "win32", "desktop_assistant/os_integration/hotkeys"],
    ),
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_static_check_passes(name: str) -> None:
    tool, args = CHECKS[name]
    # A missing tool fails rather than skips: the test extra installs it, and a skip would hide the check.
    assert importlib.util.find_spec(tool) is not None, f"{tool} is not installed: pip install -e .[test]"
    result = subprocess.run([sys.executable, "-m", tool, *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{name} found problems:\n{result.stdout}{result.stderr}"
