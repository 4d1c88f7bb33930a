"""domain/pinyin splits text into words as pypinyin's own simpleseg.seg does, only faster."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg.simpleseg import seg

from desktop_assistant.domain.pinyin import _words, fold, reading

_PHRASES = sorted(PHRASES_DICT)[::97]  # a spread of the dictionary: idioms, place names, words of two
_CHARS = sorted({ch for phrase in _PHRASES for ch in phrase})
_OTHER = ["SF", "7", "，", " ", "～", "ａ", "〇", "𠀀", "ǎ", "\n"]  # letters, digits, punctuation, rare CJK


def test_the_words_of_a_spread_of_the_dictionary_and_of_its_run_ons_are_pypinyins() -> None:
    rng = random.Random(17)
    for phrase in _PHRASES:
        joined = phrase + rng.choice(_PHRASES) + rng.choice(_OTHER) + rng.choice(_PHRASES)[:2]
        assert _words(joined) == seg(joined), joined


def test_a_run_that_only_begins_a_phrase_is_cut_into_characters_as_pypinyin_does() -> None:
    # 一氧化 begins 一氧化碳 and holds no phrase from its start: pypinyin gives 一 氧 化, not 一 氧化.
    assert _words("一氧化") == seg("一氧化") == ["一", "氧", "化"]
    assert _words("说一氧化") == seg("说一氧化")


_PIECES = st.sampled_from(_PHRASES) | st.sampled_from(_PHRASES).map(lambda p: p[: max(1, len(p) - 1)])


@given(
    st.lists(_PIECES | st.sampled_from(_CHARS) | st.sampled_from(_OTHER), max_size=8).map("".join)
    | st.text(max_size=20)
)
@settings(max_examples=600, deadline=None)
def test_any_text_is_split_as_pypinyin_splits_it(text: str) -> None:
    folded = fold(text)
    assert _words(folded) == (seg(folded) if folded else [])  # pypinyin gives [""] for "": no word either way


def test_polyphones_still_read_as_a_person_types_them() -> None:
    assert reading("重庆银行快递员").full == "chongqingyinhangkuaidiyuan"
    assert reading("长大了，行长").initials == "zdlhz"
