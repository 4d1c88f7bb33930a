"""Phone numbers in pasted order text (docs/checklist.md), through libphonenumber plus the privacy extension."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_assistant.domain.phone import find_phones, mask


@pytest.mark.parametrize(
    "text, phone, ext, kind",
    [
        ("张三 13812345678 浙江省杭州市", "13812345678", "", "mobile"),
        ("手机号码：＋８６ １３８－１２３４－５６７８", "13812345678", "", "mobile"),
        ("+86 138 1234 5678", "13812345678", "", "mobile"),
        ("86-13912345678", "13912345678", "", "mobile"),
        ("收货人: 李四, 86-13912345678-1234", "13912345678", "1234", "mobile"),
        ("13812345678转1234 王五", "13812345678", "1234", "mobile"),
        ("138 1234 5678 转 1234", "13812345678", "1234", "mobile"),
        ("１３８１２３４５６７８－１２３４", "13812345678", "1234", "mobile"),
        ("0571-88886666 座机", "0571-88886666", "", "landline"),
        ("(010)12345678", "010-12345678", "", "landline"),
        ("电话：021 6888 9999", "021-68889999", "", "landline"),
    ],
)
def test_numbers_are_found_with_their_extension(text, phone, ext, kind):
    found, broken = find_phones(text)
    assert [(m.phone, m.ext, m.kind) for m in found] == [(phone, ext, kind)]
    assert broken == []


@pytest.mark.parametrize("text", ["1381234567 少一位", "电话 12345678901", "手机 138-1234-567"])
def test_numbers_that_cannot_be_right_are_reported(text):
    found, broken = find_phones(text)
    assert found == [] and len(broken) == 1


@pytest.mark.parametrize("text", ["邮编 310000", "订单号 3852190467712345", "文三路100号3幢1单元502室", ""])
def test_other_numbers_are_not_phones(text):
    assert find_phones(text) == ([], [])


def test_two_numbers_in_order():
    found, _ = find_phones("联系 0571-88886666 或 13812345678")
    assert [m.phone for m in found] == ["0571-88886666", "13812345678"]


def test_masking():
    assert mask("13812345678") == "138****5678"
    assert mask("0571-88886666") == "0571-****6666"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789０１２３８+-转 ()abc张三省市"), max_size=200))
def test_never_crashes(text):  # how fast on such text: benchmarks/phone.py
    found, broken = find_phones(text)
    for match in found:
        assert match.phone and match.kind in ("mobile", "landline")
