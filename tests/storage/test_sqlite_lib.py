"""sqlite-utils is imported without numpy and without OpenSSL's hashes (storage/sqlite_lib.py): the panel and the
commands do not pay for them (docs/benchmarks.md), and the hashes the code uses still give the same digests."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO


def loaded_after(code: str) -> dict:
    script = code + "\nimport json, sys\nprint(json.dumps({m: m in sys.modules for m in ('numpy', '_hashlib')}))"
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_panel_start_loads_neither_numpy_nor_openssl() -> None:
    # The composition root and what a start asks first: the instance key hashes the data folder.
    code = "import desktop_assistant.app; from desktop_assistant.paths import resolve_paths\n"
    code += "import tempfile; resolve_paths(tempfile.mkdtemp()).instance_key"
    assert loaded_after(code) == {"numpy": False, "_hashlib": False}


def test_the_hashes_give_the_same_digests_and_numpy_and_openssl_load_when_asked() -> None:
    code = """
import desktop_assistant.storage.store
import hashlib, hmac
assert hashlib.sha256(b"abc").hexdigest().startswith("ba7816bf8f01cfea")
assert hashlib.md5(b"abc").hexdigest() == "900150983cd24fb0d6963f7d28e17f72"
assert hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256").hexdigest().startswith("f7bc83f4")
import numpy, _hashlib  # whoever needs them later (the OCR) gets them
"""
    assert loaded_after(code) == {"numpy": True, "_hashlib": True}
