"""DESIGN 2: import-linter contracts, Qt-free domain and storage, nothing done at import time."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(["lint-imports"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.split("Contracts:")[-1].split("kept")[0]


def _python(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_domain_and_storage_run_without_qt(tmp_path: Path) -> None:
    code = f"""
import sys, datetime
from pathlib import Path
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from desktop_assistant.domain import clock, hotkeys, settings
store = open_store(Paths(Path({str(tmp_path)!r})), datetime.datetime.now())
store.settings.set("agent_name", "小王")
store.close()
assert not any(name.startswith("PySide6") for name in sys.modules), "Qt was imported"
print("ok")
"""
    result = _python(code)
    assert result.stdout.strip() == "ok", result.stderr


def test_importing_every_module_does_nothing(tmp_path: Path) -> None:
    code = """
import importlib, pkgutil, threading, desktop_assistant
for info in pkgutil.walk_packages(desktop_assistant.__path__, "desktop_assistant."):
    if info.name != "desktop_assistant.__main__":
        importlib.import_module(info.name)
assert threading.active_count() == 1, threading.enumerate()
print("ok")
"""
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config")}
    result = _python(code, env)
    assert result.stdout.strip() == "ok", result.stderr
    assert list(home.iterdir()) == [], "something was written at import time"
