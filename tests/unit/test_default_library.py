"""The default phrase library (resources/phrases/default.json): what a new shop starts with must not get
it penalised, must not promise what the shop did not promise, and must cover the daily scenarios."""

from __future__ import annotations

import re

import pytest

from desktop_assistant.domain.guard import words_by_category
from desktop_assistant.domain.phrase_io import parse_json
from desktop_assistant.domain.rendering import placeholders_in
from desktop_assistant.resources_access import load_guard
from desktop_assistant.storage.phrase_import import default_library_path

PHRASES = [d.phrase for d in parse_json(default_library_path().read_bytes()).drafts]
BY_CODE = {p.code: p for p in PHRASES}


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.code)
def test_every_default_passes_the_guard(phrase) -> None:
    assert words_by_category(load_guard({}).check(phrase.text)) == {}


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.code)
def test_no_promise_the_shop_did_not_make(phrase) -> None:
    text = phrase.text
    assert not re.search(r"满\s*\d+\s*减\s*\d+", text), "fixed 满减 amounts"
    assert "专柜验货" not in text
    assert not re.search(r"已经?(联系|催|通知|提交).{0,4}快递|已经?向快递", text), "an action nobody took"
    assert not re.search(r"[下上]午\s*\d+\s*点|\d+\s*点(以?[前后])", text), "a hard-coded cut-off: use {截单时间}"
    assert not re.search(r"今晚\s*\d+\s*点", text)


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.code)
def test_every_placeholder_is_known(phrase) -> None:
    assert all(span.known for span in placeholders_in(phrase.text))


def test_cut_off_comes_from_the_setting() -> None:
    for code in ("xh", "cf1", "fh"):
        assert "{截单时间}" in BY_CODE[code].text


def test_seven_days_no_reason_is_stated_correctly() -> None:
    text = BY_CODE["7t"].text
    assert "签收" in text and "7天" in text and "退货" in text
    assert "不影响二次销售" in text and "运费" in text and "除外" in text  # some goods are excluded
    assert "换货" not in text  # the rule is a return; an exchange is the shop's choice


def test_shipping_insurance_is_stated_correctly() -> None:
    text = BY_CODE["yfx"].text
    assert "运费险" in text and "理赔" in text and "不一定" in text  # the payout is the insurer's estimate


@pytest.mark.parametrize(
    "code",
    [
        "qh",
        "dhtz",
        "ysdj",
        "yfx",
        "cfh",
        "fc",
        "lf",
        "js",
        "dj2",
        "qswsd",
        "pjjs",
        "dp",
        "hdfk",
        "xb",
        "lk",
        "bc",
    ],
)
def test_daily_scenarios_are_there(code) -> None:
    assert code in BY_CODE


def test_compensation_is_what_the_shop_sets_not_a_fixed_offer() -> None:
    assert "{光标}" in BY_CODE["bc"].text
    assert not re.search(r"\d+\s*元", BY_CODE["bc"].text)


def test_codes_and_hotkeys_are_unique() -> None:
    codes = [p.code for p in PHRASES]
    hotkeys = [p.hotkey for p in PHRASES if p.hotkey]
    assert len(set(codes)) == len(codes) and all(codes)
    assert len(set(hotkeys)) == len(hotkeys)
