"""domain/reading: regions as the setting and the command line write them, and the read-twice rule."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.reading import (
    NickConfirmer,
    Region,
    RegionError,
    Regions,
    format_regions,
    parse_region,
    parse_regions,
)
from desktop_assistant.domain.settings import SettingError, spec_for


def test_region_text_round_trip() -> None:
    assert parse_region(" 10, 20,300,40 ") == Region(10, 20, 300, 40)


@pytest.mark.parametrize("text", ["", "1,2,3", "1,2,3,4,5", "a,b,c,d", "-1,0,10,10", "0,0,0,10", "0,0,10,-5"])
def test_bad_region_text_is_refused(text: str) -> None:
    with pytest.raises(RegionError):
        parse_region(text)


def test_regions_setting_round_trip() -> None:
    regions = {"千牛": Regions(Region(0, 60, 240, 700), Region(250, 60, 500, 40), Region(250, 100, 700, 500))}
    text = format_regions(regions)
    assert "千牛" in text  # Chinese kept readable in the setting
    assert parse_regions(text) == regions
    assert parse_regions("") == {}


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"千牛": {"list": [0,0,1,1]}}',
        '{"千牛": {"list": [0,0,1,1], "header": [0,0,1,1], "messages": [0,0,1]}}',
        '{"千牛": {"list": [0,0,1,1], "header": [0,0,1,1], "messages": [0,0,1,0]}}',
        '{"千牛": {"list": [0,0,1,1], "header": [0,0,1,1], "messages": [0,0,1,true]}}',
    ],
)
def test_bad_regions_setting_is_refused(text: str) -> None:
    with pytest.raises(RegionError):
        parse_regions(text)
    with pytest.raises(SettingError):
        spec_for("reader.regions").parse(text)


def test_nick_switches_only_after_two_equal_reads() -> None:
    confirmer = NickConfirmer()
    assert confirmer.offer("tb_买家甲") is None
    assert confirmer.offer("tb_买家甲") == "tb_买家甲"
    assert confirmer.offer("tb_买家甲") is None  # already active: no second switch
    assert confirmer.offer("小熊") is None  # a stale or half-drawn read alone never switches
    assert confirmer.offer("") is None  # empty while switching breaks the streak
    assert confirmer.offer("小熊") is None
    assert confirmer.offer("小熊") == "小熊"
    assert confirmer.confirmed == "小熊"
