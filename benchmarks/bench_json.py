"""The last step of every benchmark: its result as one JSON line on stdout, and in a file when asked."""

from __future__ import annotations

import json
from pathlib import Path


def emit(result: dict, json_out: str | Path | None) -> None:
    print(json.dumps(result, ensure_ascii=False))
    if json_out:
        Path(json_out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
