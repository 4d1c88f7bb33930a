"""sqlite-utils, imported without numpy: every storage module imports it from here.

sqlite-utils imports numpy whenever it is installed (the OCR brings it), only to store numpy values, which
we never do. That import was 0.1-0.3 s of every command's start (`phrases search` as a command, docs/benchmarks.md).
Whoever imports numpy later (the OCR) gets it as usual.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING


def _without_numpy(name: str) -> ModuleType:
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return importlib.import_module(name)
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now raises ImportError
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules["numpy"]


if TYPE_CHECKING:  # the checker reads the real modules; at run time they come without numpy
    import sqlite_utils
    from sqlite_utils.migrations import Migrations
else:
    sqlite_utils = _without_numpy("sqlite_utils")
    Migrations = importlib.import_module("sqlite_utils.migrations").Migrations

__all__ = ["Migrations", "sqlite_utils"]
