"""Quick phrases (docs/phrases.md): the record, multi-message bodies, and the checks an editor applies."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from desktop_assistant.domain.hotkeys import HotkeyError, normalise_hotkey
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.search import TextIndex

MESSAGE_SEPARATOR = "---"
# Shop rules: long answers go out as several messages. Past this a single message gets a hint.
SPLIT_HINT_CHARS = 150
SPLIT_HINT_LINES = 6
MAX_TEXT_CHARS = 5000
MAX_TITLE_CHARS = 60
MAX_GROUP_CHARS = 30
CODE_PATTERN = re.compile(r"[0-9a-z_\-.]{1,20}")

MSG_TEXT_REQUIRED = QT_TRANSLATE_NOOP("Messages", "短语内容不能为空")
MSG_TEXT_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "短语内容最多 {limit} 个字")
MSG_TITLE_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "标题最多 {limit} 个字")
MSG_GROUP_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "分组名最多 {limit} 个字")
MSG_BAD_CODE = QT_TRANSLATE_NOOP("Messages", "快捷编码只能用小写字母、数字和 _ - .（最多 20 个）：{code}")
MSG_BAD_HOTKEY = QT_TRANSLATE_NOOP("Messages", "快捷键：{reason}")
MSG_NUL = QT_TRANSLATE_NOOP("Messages", "短语不能含有 NUL 字符 (\\0)")


class PhraseError(UserError):
    """A phrase that cannot be saved as it is."""


@dataclass(frozen=True)
class Phrase:
    text: str
    group: str = "默认"
    title: str = ""
    code: str = ""
    hotkey: str = ""
    id: int | None = None
    use_count: int = 0
    last_used: dt.datetime | None = None
    position: int = 0
    # A default-library phrase the agent has never edited, used or moved: an import may replace it.
    sample: bool = False

    @property
    def display_title(self) -> str:
        """What lists show: the title, or the first line of the text."""
        if self.title:
            return self.title
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first[:30] + ("…" if len(first) > 30 else "")

    @property
    def messages(self) -> list[str]:
        return split_messages(self.text)


def split_messages(text: str) -> list[str]:
    """A line holding only `---` separates messages; empty parts are dropped."""
    parts: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip() == MESSAGE_SEPARATOR:
            parts.append([])
        else:
            parts[-1].append(line)
    messages = ["\n".join(lines).strip("\n") for lines in parts]
    return [message for message in messages if message.strip()]


def messages_needing_split(text: str) -> list[int]:
    """Indexes of messages long enough that the buyer would rather get them in pieces."""
    return [
        index
        for index, message in enumerate(split_messages(text))
        if len(message) > SPLIT_HINT_CHARS or message.count("\n") + 1 > SPLIT_HINT_LINES
    ]


def normalise_code(code: str) -> str:
    return code.strip().lower()


def validated(phrase: Phrase) -> Phrase:
    """The phrase as it will be stored (trimmed, code and hotkey normalised), or PhraseError."""
    text = phrase.text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text or "\0" in phrase.title or "\0" in phrase.group or "\0" in phrase.code:
        raise PhraseError(MSG_NUL)  # SQLite keeps it, but C strings, the clipboard and XLSX cut the text there
    if not text.strip():
        raise PhraseError(MSG_TEXT_REQUIRED)
    if len(text) > MAX_TEXT_CHARS:
        raise PhraseError(MSG_TEXT_TOO_LONG, limit=MAX_TEXT_CHARS)
    title = " ".join(phrase.title.split())
    if len(title) > MAX_TITLE_CHARS:
        raise PhraseError(MSG_TITLE_TOO_LONG, limit=MAX_TITLE_CHARS)
    group = " ".join(phrase.group.split()) or "默认"
    if len(group) > MAX_GROUP_CHARS:
        raise PhraseError(MSG_GROUP_TOO_LONG, limit=MAX_GROUP_CHARS)
    code = normalise_code(phrase.code)
    if code and not CODE_PATTERN.fullmatch(code):
        raise PhraseError(MSG_BAD_CODE, code=code[:30])
    hotkey = ""
    if phrase.hotkey.strip():
        try:
            hotkey = normalise_hotkey(phrase.hotkey)
        except HotkeyError as exc:
            raise PhraseError(MSG_BAD_HOTKEY, reason=exc) from None
    if (text, title, group, code, hotkey) == (phrase.text, phrase.title, phrase.group, phrase.code, phrase.hotkey):
        return phrase  # already as stored (an import validates each row twice): replace() is 10 µs a call
    return replace(phrase, text=text, title=title, group=group, code=code, hotkey=hotkey)


class PhraseRepository(Protocol):
    """What the UI may do with the phrase library (storage implements it)."""

    def all(self) -> list[Phrase]: ...

    def page(self, group: str, offset: int, limit: int) -> list[Phrase]: ...

    def with_code(self, code: str) -> Phrase | None: ...

    def with_hotkey(self, hotkey: str) -> Phrase | None: ...

    def hotkeys(self) -> dict[str, int]: ...

    def in_group(self, phrase_ids: list[int], group: str) -> list[int]: ...

    def groups(self) -> list[str]: ...

    def get(self, phrase_id: int) -> Phrase: ...

    def get_many(self, phrase_ids: list[int]) -> list[Phrase]: ...

    def add(self, phrase: Phrase, now: dt.datetime) -> Phrase: ...

    def update(self, phrase: Phrase, now: dt.datetime) -> Phrase: ...

    def delete(self, phrase_id: int) -> None: ...

    def record_use(self, phrase_id: int, when: dt.datetime) -> Phrase: ...

    def move(self, phrase_id: int, group: str, index: int, now: dt.datetime) -> None: ...

    def search_ids(self, query: str, limit: int, text: TextIndex | None) -> list[int]: ...

    def text_rows(self) -> Iterable[tuple[int, str, str, str]]: ...

    def text_row(self, phrase_id: int) -> tuple[int, str, str, str]: ...
