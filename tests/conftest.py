"""Test-wide set-up: offscreen Qt before anything imports it; fresh data directories; the store every test
shares (opened on `paths`, closed after the test even when it fails; tests/ui opens it at its fake clock's
time, a module whose dates matter overrides `store_now`)."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop_assistant.paths import Paths  # noqa: E402
from desktop_assistant.storage.store import Store, open_store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
E2E_DIR = REPO / "tests" / "e2e"
STORE_NOW = dt.datetime(2026, 11, 11, 9, 30)


# e2e modules share displays and leave processes behind them: they must pass in any order. Under CI they run
# in reverse file order (developers run them in file order), or as asked with --e2e-order.
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--e2e-order",
        default=None,
        help="order of the tests/e2e modules: file, reverse (the default when CI is set) or shuffle[:SEED]; "
        "the tests inside a module keep their file order",
    )


def e2e_order(config: pytest.Config) -> str:
    """The order asked for; a shuffle without a seed gets one, shown in the header to run it again."""
    if not hasattr(config, "_e2e_order"):
        order = config.getoption("--e2e-order") or ("reverse" if os.environ.get("CI") else "file")
        config._e2e_order = f"shuffle:{random.randrange(10**6)}" if order == "shuffle" else order
    return config._e2e_order


def pytest_report_header(config: pytest.Config) -> str:
    return f"e2e module order: {e2e_order(config)}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    order = e2e_order(config)
    if order == "file":
        return
    slots = [i for i, item in enumerate(items) if E2E_DIR in item.path.parents]
    modules: dict[Path, list[pytest.Item]] = {}
    for i in slots:
        modules.setdefault(items[i].path, []).append(items[i])
    blocks = list(modules.values())
    if order == "reverse":
        blocks.reverse()
    elif order.startswith("shuffle"):
        random.Random(order.partition(":")[2]).shuffle(blocks)
    else:
        raise pytest.UsageError(f"--e2e-order: file, reverse or shuffle[:SEED], not {order!r}")
    for i, item in zip(slots, [item for block in blocks for item in block], strict=True):
        items[i] = item


# The file-system fault fixtures (small_fs, immutable, read_only_view) for every test that names them.
pytest_plugins = ["tests.faults"]


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path / "data")


@pytest.fixture
def store_now() -> dt.datetime:
    """When `store` is opened: its first run (defaults, sample phrases) happens at this time."""
    return STORE_NOW


@pytest.fixture
def open_store_at(paths: Paths) -> Iterator[Callable[..., Store]]:
    """`open_store_at(now)` (or `open_store_at(now, other_paths)`) opens a store that is closed after the test;
    closing it earlier, to reopen the file, is fine."""
    opened: list[Store] = []

    def open_at(now: dt.datetime, at: Paths | None = None) -> Store:
        store = open_store(at or paths, now)
        opened.append(store)
        return store

    yield open_at
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store_at: Callable[..., Store], store_now: dt.datetime) -> Store:
    return open_store_at(store_now)


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


def record_future_migration(db_path: Path, name: str = "m099_future") -> None:
    """Mark the file as migrated by a newer release: a migration this one does not know."""
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('desktop_assistant', ?, '2030')",
        [name],
    )
    conn.commit()
    conn.close()
