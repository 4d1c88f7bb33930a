"""The bundled guard lists (resources/lists/guard_*.txt), read once per process, and the guard built
from them with the shop's settings (DESIGN 3.8)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from desktop_assistant.domain.guard import Guard, guard_from_texts
from desktop_assistant.resources_path import resource_path

LIST_FILES = {
    "contact": "guard_contact.txt",
    "cashback": "guard_cashback.txt",
    "absolute": "guard_absolute.txt",
    "exceptions": "guard_exceptions.txt",
    "domains": "guard_domains.txt",
}


@functools.lru_cache(maxsize=1)
def bundled_lists() -> dict[str, str]:
    return {name: resource_path("lists", file).read_text(encoding="utf-8") for name, file in LIST_FILES.items()}


def load_guard(settings: Mapping[str, object]) -> Guard:
    return guard_from_texts(bundled_lists(), settings)
