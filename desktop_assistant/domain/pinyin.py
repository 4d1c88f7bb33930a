"""Pinyin readings for search: full syllables and initials, phrase-aware through pypinyin.

pypinyin reads multi-character words from its phrase dictionary, so polyphones come out as a person
would type them (重庆 chong qing, 银行 yin hang, 快递员 kuai di yuan). Non-Chinese letters and digits
are kept as they are; punctuation and spaces are dropped so `hy` matches 欢迎 across a comma.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
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
    # Each distinct word is converted once (the cache below): an import of 50,000 phrases mostly splits.
    tokens = [token for word in _words(fold(text)) for token in _word_tokens(word)]
    return Reading("".join(tokens), "".join(token[0] for token in tokens))


def _words(text: str) -> list[str]:
    """pypinyin's split into words (simpleseg.seg): runs of Chinese characters cut into the longest phrases of
    its dictionary, and the runs of anything else as they are. The same words, faster: one regex for the runs
    instead of one per character, and the cut without a generator (a third of a 50,000-row import)."""
    han_run, cut = _splitter()
    words: list[str] = []
    end = 0
    for match in han_run.finditer(text):
        if match.start() > end:
            words.append(text[end : match.start()])
        words.extend(cut(match.group()))
        end = match.end()
    if end < len(text):
        words.append(text[end:])
    return words


@functools.cache
def _splitter() -> tuple[re.Pattern[str], Callable[[str], list[str]]]:
    # Imported here: pypinyin loads its dictionaries (~0.3 s), which commands that never search must not pay.
    from pypinyin.constants import PHRASES_DICT, RE_HANS
    from pypinyin.seg.mmseg import p_set  # every prefix of every phrase: what simpleseg's cutter walks

    han_run = re.compile(RE_HANS.pattern.removeprefix("^").removesuffix("$"))  # ^(?:[…])+$ less its anchors

    def cut(run: str) -> list[str]:
        """mmseg.seg.cut (strict forward maximum matching): at each place the longest phrase that starts there;
        where none does, one character, and every character of a rest that only begins a phrase."""
        out: list[str] = []
        start, size = 0, len(run)
        while start < size:
            longest, stop = 0, start + 1
            while stop <= size and run[start:stop] in p_set:
                if run[start:stop] in PHRASES_DICT:
                    longest = stop
                stop += 1
            if longest:
                out.append(run[start:longest])
                start = longest
            elif stop > size:
                out.extend(run[start:])
                start = size
            else:
                out.append(run[start])
                start += 1
        return out

    return han_run, cut


@functools.lru_cache(maxsize=1 << 16)
def _word_tokens(word: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin

    # pypinyin's stub allows an `errors` callable returning str only; its code also takes a list (one token each).
    tokens = lazy_pinyin(word, style=Style.NORMAL, errors=_keep_as_is, strict=False)  # type: ignore[arg-type]
    tokens = ["".join(ch for ch in token if ch.isascii() and ch.isalnum()) for token in tokens]
    return tuple(token for token in tokens if token)
