"""The bundled division table and lists, read once per process (38 ms): the address parser's data."""

from __future__ import annotations

import functools
import json

from desktop_assistant.domain.address import AddressLists
from desktop_assistant.domain.divisions import DivisionIndex, index_from_bundle
from desktop_assistant.domain.screening import parse_celebrities, parse_names
from desktop_assistant.resources_path import resource_path


@functools.lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    return index_from_bundle(json.loads(resource_path("divisions", "divisions.json").read_text(encoding="utf-8")))


@functools.cache
def _bundled(file: str) -> frozenset[str]:
    """A list in resources/lists, read once: every parse asks for the lists with the shop's additions."""
    return parse_names(resource_path("lists", file).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _bundled_celebrities() -> tuple[frozenset[str], frozenset[str]]:
    return parse_celebrities(resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))


def _rare_celebrities(extra: str) -> frozenset[str]:
    """Only names hardly anyone else has warn `name_celebrity`: a receiver called 张杰 is usually 张杰."""
    bundled, bundled_common = _bundled_celebrities()
    names, common = parse_celebrities(extra)
    return (bundled - bundled_common - common) | (names - common)


def address_lists(celebrities_extra: str = "", remote_override: str = "", pickup_extra: str = "") -> AddressLists:
    names = _bundled
    remote = parse_names(remote_override) if remote_override.strip() else names("remote_areas.txt")
    return AddressLists(
        _rare_celebrities(celebrities_extra),
        remote,
        tuple(sorted(names("pickup_words.txt") | parse_names(pickup_extra), key=len, reverse=True)),
    )
