"""sqlite-utils, imported without numpy and without OpenSSL's hashes: every storage module imports it from here.

sqlite-utils imports numpy whenever it is installed (the OCR brings it), only to store numpy values, which
we never do. That import was 0.1-0.3 s of every command's start (`phrases search` as a command, docs/benchmarks.md).
Whoever imports numpy later (the OCR) gets it as usual.

It also imports hashlib, hmac and secrets (for hash_id and random names, which we do not use either), and
hashlib loads OpenSSL's libcrypto through _hashlib: 3.3 MB resident in the idle panel. Imported while
_hashlib is unavailable, hashlib uses Python's own md5/sha1/sha2/sha3/blake2 (the same digests; only
pbkdf2_hmac and scrypt, which nothing here uses, need OpenSSL), and does so for the rest of the process.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING


def _without_numpy(name: str) -> ModuleType:
    if "sqlite_utils" in sys.modules:
        return importlib.import_module(name)
    # Meanwhile `import numpy` and `import _hashlib` raise ImportError; one already imported stays as it is.
    blocked = [module for module in ("numpy", "_hashlib") if module not in sys.modules]
    for module in blocked:
        sys.modules[module] = None  # type: ignore[assignment]
    try:
        return importlib.import_module(name)
    finally:
        for module in blocked:
            del sys.modules[module]


if TYPE_CHECKING:  # the checker reads the real modules; at run time they come without numpy
    import sqlite_utils
    from sqlite_utils.migrations import Migrations
else:
    sqlite_utils = _without_numpy("sqlite_utils")
    Migrations = importlib.import_module("sqlite_utils.migrations").Migrations

__all__ = ["Migrations", "sqlite_utils"]
