"""Inputs that once crashed a whole batch or were stored cut short (issue 15, item 7)."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.buyers import BuyerError, read_screening_input, valid_nick
from desktop_assistant.domain.phrases import Phrase, PhraseError, validated

HUGE = "1" * 5000  # over Python's 4300-digit limit for int <-> str


@pytest.mark.parametrize(
    "text",
    [
        '{"nick": "a", "credit": ' + HUGE + '}\n{"nick": "b"}',
        '{"nick": "a", "orders_count": ' + HUGE[:100] + '}\n{"nick": "b"}',
        '{"nick": "a", "orders_count": "' + HUGE + '"}\n{"nick": "b"}',
        "nick,credit\na," + HUGE + "\nb,1",
        "nick,orders_count\na," + HUGE + "\nb,1",
    ],
)
def test_a_5000_digit_number_names_its_line_and_the_rest_goes_on(text: str) -> None:
    results = list(read_screening_input(text))
    assert len(results) == 2
    (_line, bad), (_line2, good) = results
    assert isinstance(bad, BuyerError) and ("第 1 行" in str(bad) or "第 2 行" in str(bad))
    assert len(str(bad)) < 200
    assert not isinstance(good, BuyerError) and good.nick == "b"


def test_nul_in_a_nick_is_refused() -> None:
    with pytest.raises(BuyerError, match="NUL"):
        valid_nick("tb_\0abc")


@pytest.mark.parametrize("field", ["text", "title", "group"])
def test_nul_in_a_phrase_is_refused(field: str) -> None:
    values = {"text": "亲, 在的", "title": "", "group": "默认", field: "前\0后"}
    with pytest.raises(PhraseError, match="NUL"):
        validated(Phrase(**values))
