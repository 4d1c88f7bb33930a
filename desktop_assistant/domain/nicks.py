"""A buyer's nick: one rule for every place that takes one (buyers, notes, promises, 催付, conversations,
imports) and for the schema (storage/migrations.py checks the same length).

NFC first: the same nick typed in one program and pasted from another (composed é or e + U+0301) is
one buyer, and SQLite's length() then counts the characters Python counts.
"""

from __future__ import annotations

import unicodedata

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

NICK_MAX_CHARS = 64  # storage/migrations.py checks the same number (conversation_events.buyer)

MSG_NO_NICK = QT_TRANSLATE_NOOP("Messages", "缺少买家昵称 (nick)")
MSG_NICK_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "买家昵称最多 {limit} 个字")
MSG_NICK_NUL = QT_TRANSLATE_NOOP("Messages", "买家昵称不能含有 NUL 字符 (\\0)")


class NickError(UserError):
    """A nick no buyer can have; callers pass their own error class to keep what they raise."""


def normal_nick(raw: object) -> str:
    """The stored form: NFC, without surrounding blanks. Also for look-ups, so they find what was stored."""
    return unicodedata.normalize("NFC", str(raw or "")).strip()


def valid_nick(raw: object, *, optional: bool = False, error: type[UserError] = NickError) -> str:
    """normal_nick, checked; "" only when `optional` (a note or promise without a buyer)."""
    nick = normal_nick(raw)
    if not nick:
        if optional:
            return ""
        raise error(MSG_NO_NICK)
    if len(nick) > NICK_MAX_CHARS:
        raise error(MSG_NICK_TOO_LONG, limit=NICK_MAX_CHARS)
    if "\0" in nick:
        raise error(MSG_NICK_NUL)  # stored, it would be cut at the NUL by exports and Windows APIs
    return nick
