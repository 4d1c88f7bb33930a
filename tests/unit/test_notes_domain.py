"""Order notes rules (docs/notes.md): flags, the 1000-byte limit, reasons, the memo line, search terms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_assistant.domain.notes import (
    NOTE_MAX_BYTES,
    NoteError,
    NoteVersion,
    build_memo,
    bytes_left,
    contains,
    index_terms,
    match_expression,
    parse_flag,
    validated_change,
)

AT = dt.datetime(2026, 11, 23, 14, 5)


def version(flag: int = 1, text: str = "赠袜子, 顺丰", buyer: str = "云朵朵") -> NoteVersion:
    return NoteVersion(1, "T1001", flag, text, "", "A01", buyer, AT)


@pytest.mark.parametrize("raw, expected", [(0, 0), (5, 5), ("3", 3), (" 1 ", 1), ("红", 1), ("Purple", 5), ("灰", 0)])
def test_flags_are_the_platform_numbers_or_colour_words(raw, expected):
    assert parse_flag(raw) == expected


@pytest.mark.parametrize("raw", [6, -1, "6", "12", "", "pink", True, 1.0, "1.5"])
def test_a_flag_outside_0_to_5_is_refused(raw):
    with pytest.raises(NoteError, match="0-5"):
        parse_flag(raw)


def test_the_limit_is_1000_utf8_bytes_not_characters():
    exactly = "赠" * (NOTE_MAX_BYTES // 3) + "a"  # 333 * 3 + 1 = 1000 bytes
    assert bytes_left(exactly) == 0
    assert validated_change("T1", 1, exactly, "", "A01").text == exactly
    with pytest.raises(NoteError, match="1000"):
        validated_change("T1", 1, exactly + "b", "", "A01")
    assert bytes_left("ab") == NOTE_MAX_BYTES - 2


def test_text_is_normalised_before_it_is_counted():
    change = validated_change("T1", 2, "  第一行\r\n第二行 \r", "", "A01")
    assert change.text == "第一行\n第二行"


def test_agent_id_is_required():
    with pytest.raises(NoteError, match="工号"):
        validated_change("T1", 1, "x", "", "  ")


@pytest.mark.parametrize("order", ["", "订单1", "T 1", "x" * 65, "a;b"])
def test_order_ids_are_refused_when_malformed(order):
    with pytest.raises(NoteError, match="订单号"):
        validated_change(order, 1, "x", "", "A01")


def test_a_change_to_an_existing_note_needs_a_reason_and_a_difference():
    current = version()
    with pytest.raises(NoteError, match="变动事由"):
        validated_change("T1001", 2, "赠袜子, 顺丰", "", "A01", current=current)
    with pytest.raises(NoteError, match="没有变化"):
        validated_change("T1001", 1, "赠袜子, 顺丰", "再存一次", "A01", current=current)
    change = validated_change("T1001", 2, "赠袜子, 顺丰", "  买家  要求 ", "A02", current=current)
    assert (change.flag, change.reason, change.agent_id) == (2, "买家 要求", "A02")
    assert change.buyer == "云朵朵"  # kept from the current version


def test_the_first_note_needs_no_reason():
    assert validated_change("T1", 0, "", "", "A01").reason == ""


def test_memo_line_has_the_platform_layout():
    assert (
        build_memo("小王", AT, "地址改为杭州", "袜子", "顺丰", "买家要求")
        == "【客服】小王 11-23 14:05 【改】地址改为杭州 【赠】袜子 【发】顺丰 【因】买家要求"
    )


def test_memo_leaves_out_empty_parts_and_flattens_newlines():
    assert build_memo(" 小 王 ", AT, gift="袜子\n一双") == "【客服】小 王 11-23 14:05 【赠】袜子 一双"
    assert build_memo("", AT, ship="顺丰") == "【客服】11-23 14:05 【发】顺丰"


def test_chinese_runs_are_indexed_as_bigrams_then_the_last_character():
    assert index_terms("赠袜子, 顺丰SF包邮") == "赠袜 袜子 子 顺丰 丰 sf f 包邮 邮"


def test_words_are_indexed_as_suffixes_so_their_middle_is_found():
    assert index_terms("SF1234") == "sf1234 f1234 1234 234 34 4"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("袜子", '"袜子"'),
        ("赠袜子", '"赠袜 袜子"'),
        ("子", '"子"*'),
        ("SF", '"sf"*'),
        ("顺丰 sf", '"顺丰" AND "sf"*'),
        ("!!", None),
    ],
)
def test_queries_become_fts5_expressions(query, expected):
    assert match_expression(query) == expected


def _fts_matches(text: str, query: str) -> bool:
    """A model of what FTS5 does with our terms: tokens in order, phrases adjacent, `x*` a prefix."""
    tokens = index_terms(text).split()
    expression = match_expression(query)
    if expression is None:
        return False
    for clause in expression.split(" AND "):
        if clause.endswith("*"):
            prefix = clause[1:-2]
            if not any(token.startswith(prefix) for token in tokens):
                return False
        else:
            phrase = clause[1:-1].split()
            if not any(tokens[i : i + len(phrase)] == phrase for i in range(len(tokens))):
                return False
    return True


cjk_text = st.text(alphabet=st.sampled_from("赠袜子顺丰包邮改地址发韵达因买家要求 ,SFab12"), max_size=24)


@settings(max_examples=300, deadline=None)
@given(text=cjk_text, start=st.integers(0, 30), length=st.integers(1, 6))
def test_every_substring_query_finds_its_text(text, start, length):
    query = text[start : start + length]
    if match_expression(query) is None:
        return  # punctuation only: nothing to search for
    assert contains(text, query)
    assert _fts_matches(text, query), (text, query, index_terms(text), match_expression(query))
