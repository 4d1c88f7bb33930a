"""sqlite-utils, imported without numpy: every storage module imports it from here.

sqlite-utils imports numpy whenever it is installed (the OCR brings it), only to store numpy values, which
we never do. That import was 0.1-0.3 s of every command's start (issue 17: `phrases search` <= 0.3 s).
Whoever imports numpy later (the OCR) gets it as usual.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def _without_numpy(name: str) -> ModuleType:
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return importlib.import_module(name)
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now raises ImportError
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules["numpy"]


sqlite_utils = _without_numpy("sqlite_utils")
Migrations = importlib.import_module("sqlite_utils.migrations").Migrations

__all__ = ["Migrations", "sqlite_utils"]
