"""docs/architecture.md: import-linter contracts, Qt-free domain and storage, nothing done at import time."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    result = subprocess.run(["lint-imports"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.split("Contracts:")[-1].split("kept")[0]


def _lint_changed_copy(tmp_path: Path, change: Callable[[Path], None]) -> subprocess.CompletedProcess:
    """lint-imports with this repository's contracts on a copy of the package that `change` made worse."""
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "resources")
    shutil.copytree(REPO / "desktop_assistant", copy / "desktop_assistant", ignore=ignore)
    shutil.copy(REPO / "pyproject.toml", copy / "pyproject.toml")
    change(copy / "desktop_assistant")
    # The copy, not the installed package, is analysed; wide lines so no import is wrapped in two.
    env = {**os.environ, "PYTHONPATH": str(copy), "COLUMNS": "250"}
    return subprocess.run(["lint-imports", "--no-cache"], cwd=copy, capture_output=True, text=True, env=env)


@pytest.mark.parametrize(
    "upper", ["desktop_assistant.cli.kpi", "desktop_assistant.paths", "desktop_assistant.resources_access"]
)
def test_a_domain_module_importing_an_upper_layer_breaks_the_layers(tmp_path: Path, upper: str) -> None:
    def import_upper(package: Path) -> None:
        clock = package / "domain" / "clock.py"
        clock.write_text(clock.read_text(encoding="utf-8") + f"\nimport {upper}\n", encoding="utf-8")

    result = _lint_changed_copy(tmp_path, import_upper)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"desktop_assistant.domain.clock -> {upper}" in result.stdout
    assert "Contracts: 5 kept, 1 broken." in result.stdout  # the layers contract, and nothing else
    assert "layers: cli" in result.stdout.split("Broken contracts")[-1]


def test_a_new_top_level_module_must_be_given_a_layer(tmp_path: Path) -> None:
    def add_module(package: Path) -> None:
        (package / "newcomer.py").write_text("from desktop_assistant.domain import clock\n", encoding="utf-8")

    result = _lint_changed_copy(tmp_path, add_module)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "desktop_assistant.newcomer" in result.stdout


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
