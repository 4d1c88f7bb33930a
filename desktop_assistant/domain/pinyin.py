"""Pinyin readings for search: full syllables and initials, phrase-aware through pypinyin.

pypinyin reads multi-character words from its phrase dictionary, so polyphones come out as a person
would type them (重庆 chong qing, 银行 yin hang, 快递员 kuai di yuan). Non-Chinese letters and digits
are kept as they are; punctuation and spaces are dropped so `hy` matches 欢迎 across a comma.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    full: str
    initials: str


def fold(text: str) -> str:
    """Full-width to half-width, lower case: what both the index and the query are compared in."""
    return unicodedata.normalize("NFKC", text).lower()


def _keep_as_is(chars: str) -> list[str]:
    return list(chars)


def reading(text: str) -> Reading:
    # Imported here: pypinyin loads its dictionaries (~0.2 s), which commands that never search must not pay.
    from pypinyin.seg.simpleseg import seg

    # pypinyin's own first step (split into words), then each word's syllables from a cache: an import of
    # 50,000 phrases converts each distinct word once instead of every time it occurs.
    tokens = [token for word in seg(fold(text)) for token in _word_tokens(word)]
    return Reading("".join(tokens), "".join(token[0] for token in tokens))


@functools.lru_cache(maxsize=1 << 16)
def _word_tokens(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    # pypinyin's stub allows an `errors` callable returning str only; its code also takes a list (one token each).
    tokens = lazy_pinyin(word, style=Style.NORMAL, errors=_keep_as_is, strict=False)  # type: ignore[arg-type]
    tokens = ["".join(ch for ch in token if ch.isascii() and ch.isalnum()) for token in tokens]
    return tuple(token for token in tokens if token)
