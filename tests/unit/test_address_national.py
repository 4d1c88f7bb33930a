"""The parser on the bundled national division table (resources/divisions) and the 175 addresses of
tests/data/addresses.jsonl: every province-level region, municipalities, autonomous prefectures,
county-level cities, leagues and banners, privacy numbers, labelled and unlabelled layouts, every field
order, full-width characters, noise, and the 16 district names that exist in several cities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_assistant.domain.address import parse_address
from desktop_assistant.resources_access import address_lists, division_index

CASES = [
    json.loads(line)
    for line in (Path(__file__).parents[1] / "data" / "addresses.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def test_the_set_is_broad():
    provinces = {case["expect"]["province"] for case in CASES}
    assert len(CASES) >= 100 and len(provinces - {""}) == 34
    assert sum("district_ambiguous" in case["expect"]["warnings"] for case in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_address(case):
    got = parse_address(case["text"], division_index(), address_lists()).as_json()
    expect = {key: case["expect"].get(key, [] if key == "warnings" else "") for key in got}
    assert {**got, "warnings": sorted(got["warnings"])} == {**expect, "warnings": sorted(expect["warnings"])}


def test_the_table_has_every_level():
    index = division_index()
    levels = {}
    for node in index.by_code.values():
        levels[node.level] = levels.get(node.level, 0) + 1
    assert levels[1] == 34 and levels[2] > 300 and levels[3] > 2800 and levels[4] > 38000
