"""Codes (快捷编码) for keywords other tools allow and we do not: Beeftext's `/thx`, `#hi`, `::bye`, `谢谢`.

A keyword that is already a valid code stays as it is. Otherwise: full-width to half-width, lower case,
punctuation runs inside become `_` and at the ends go; Chinese becomes its pinyin initials (谢谢 -> xx);
a code another row of the file has gets 2, 3, ... The caller reports each mapping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.phrases import CODE_PATTERN

MAX_CODE_CHARS = 20
MSG_CODE_MAPPED = QT_TRANSLATE_NOOP("Messages", "第 {line} 行：关键词 {keyword} 导入为快捷编码 {code}")
MSG_CODE_DROPPED = QT_TRANSLATE_NOOP(
    "Messages", "第 {line} 行：关键词 {keyword} 不能当快捷编码，导入为没有快捷编码的短语"
)
_INVALID_RUN = re.compile(r"[^0-9a-z_\-.]+")


@dataclass(frozen=True)
class CodeMapping:
    line: int
    keyword: str  # as the file has it
    code: str  # the code used; "" when nothing usable was left


def _base(keyword: str) -> str:
    text = unicodedata.normalize("NFKC", keyword).strip().lower()
    if re.search(r"[\u3400-\u9fff]", text):
        from desktop_assistant.domain.pinyin import reading

        text = "".join(
            reading(part).initials if re.match(r"[\u3400-\u9fff]", part) else part
            for part in re.findall(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+", text)
        )
    return _INVALID_RUN.sub("_", text).strip("_-.")[:MAX_CODE_CHARS]


def looks_like_keyword(cell: str) -> bool:
    """A Beeftext keyword as people write them (hy, /thx, #hi, ::bye), not a header like 话术分类: what
    format sniffing goes by. A Chinese keyword imports with --format beeftext."""
    return bool(
        re.fullmatch(r"[^\w\s]{0,3}[0-9a-z_\-.]+[^\w\s]{0,3}", unicodedata.normalize("NFKC", cell).strip().lower())
    )


def is_valid_code(keyword: str) -> bool:
    return not keyword.strip() or bool(CODE_PATTERN.fullmatch(keyword.strip().lower()))


def map_codes(rows: Iterable[tuple[int, str]]) -> tuple[dict[int, str], list[CodeMapping]]:
    """(line -> code for every row whose keyword was not a valid code, the mappings to report)."""
    rows = list(rows)
    taken = {keyword.strip().lower() for _, keyword in rows if is_valid_code(keyword)}
    codes: dict[int, str] = {}
    mappings: list[CodeMapping] = []
    for line, keyword in rows:
        if is_valid_code(keyword):
            continue
        base = _base(keyword)
        code = base
        number = 2
        while code and code in taken:
            suffix = str(number)
            code = base[: MAX_CODE_CHARS - len(suffix)] + suffix
            number += 1
        if code:
            taken.add(code)
        codes[line] = code
        mappings.append(CodeMapping(line, keyword, code))
    return codes, mappings
