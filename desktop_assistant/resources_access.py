"""The bundled data files (resources/): where they are, and the address parser's and the send guard's data
read from them once per process.

The same lookup works from a checkout, an installed wheel and the frozen build.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

# The domain modules are imported where used: every open of the database asks resource_path for the
# default library, and a command like `phrases search` should not pay for the address parser's modules.
if TYPE_CHECKING:
    from desktop_assistant.domain.address import AddressLists
    from desktop_assistant.domain.divisions import DivisionIndex
    from desktop_assistant.domain.guard import Guard


def resource_path(*parts: str) -> Path:
    # resources/ is mapped to the package desktop_assistant.resources (pyproject, build.spec).
    return Path(str(resources.files("desktop_assistant.resources").joinpath(*parts)))


# --- the address parser's data: the division table (38 ms to read) and lists -------------------------


def read_division_index() -> DivisionIndex:
    """A new copy of the table: about 40 MB of Python objects while it is held."""
    from desktop_assistant.domain.divisions import index_from_bundle

    return index_from_bundle(json.loads(resource_path("divisions", "divisions.json").read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    """The table the address parser keeps once it has parsed an address."""
    return read_division_index()


def division_index_for_once() -> DivisionIndex:
    """For a job that runs once in a while (the daily purge): the parser's table when it holds one, else a
    copy that goes when the job is done, so the idle panel does not keep 40 MB for a job of seconds."""
    return division_index() if division_index.cache_info().currsize else read_division_index()


@functools.cache
def _bundled(file: str) -> frozenset[str]:
    """A list in resources/lists, read once: every parse asks for the lists with the shop's additions."""
    from desktop_assistant.domain.screening import parse_names

    return parse_names(resource_path("lists", file).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _bundled_celebrities() -> tuple[frozenset[str], frozenset[str]]:
    from desktop_assistant.domain.screening import parse_celebrities

    return parse_celebrities(resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))


def _rare_celebrities(extra: str) -> frozenset[str]:
    """Only names hardly anyone else has warn `name_celebrity`: a receiver called 张杰 is usually 张杰."""
    from desktop_assistant.domain.screening import parse_celebrities

    bundled, bundled_common = _bundled_celebrities()
    names, common = parse_celebrities(extra)
    return (bundled - bundled_common - common) | (names - common)


def address_lists(celebrities_extra: str = "", remote_override: str = "", pickup_extra: str = "") -> AddressLists:
    from desktop_assistant.domain.address import AddressLists
    from desktop_assistant.domain.screening import parse_names

    names = _bundled
    remote = parse_names(remote_override) if remote_override.strip() else names("remote_areas.txt")
    return AddressLists(
        _rare_celebrities(celebrities_extra),
        remote,
        tuple(sorted(names("pickup_words.txt") | parse_names(pickup_extra), key=len, reverse=True)),
    )


# --- the send guard's lists (resources/lists/guard_*.txt, docs/guard.md) -----------------------------------

GUARD_LIST_FILES = {
    "contact": "guard_contact.txt",
    "cashback": "guard_cashback.txt",
    "absolute": "guard_absolute.txt",
    "exceptions": "guard_exceptions.txt",
    "domains": "guard_domains.txt",
}


@functools.lru_cache(maxsize=1)
def bundled_guard_lists() -> dict[str, str]:
    return {name: resource_path("lists", file).read_text(encoding="utf-8") for name, file in GUARD_LIST_FILES.items()}


def load_guard(settings: Mapping[str, object]) -> Guard:
    """The guard built from the bundled lists with the shop's settings."""
    from desktop_assistant.domain.guard import guard_from_texts

    return guard_from_texts(bundled_guard_lists(), settings)
