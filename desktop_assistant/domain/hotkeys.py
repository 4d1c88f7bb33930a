"""Hotkey strings in `ctrl+alt+1` syntax: parsing, normalising and the combos we refuse."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MODIFIERS = ("ctrl", "alt", "shift", "win")
_MODIFIER_ALIASES = {
    "control": "ctrl",
    "ctl": "ctrl",
    "option": "alt",
    "altgr": "alt",
    "super": "win",
    "cmd": "win",
    "meta": "win",
    "windows": "win",
}
_NAMED_KEYS = {
    "space",
    "enter",
    "tab",
    "esc",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "page_up",
    "page_down",
    "up",
    "down",
    "left",
    "right",
    *(f"f{n}" for n in range(1, 13)),
}
_KEY_ALIASES = {
    "return": "enter",
    "escape": "esc",
    "del": "delete",
    "ins": "insert",
    "pgup": "page_up",
    "pageup": "page_up",
    "pgdn": "page_down",
    "pgdown": "page_down",
    "pagedown": "page_down",
}
_PUNCTUATION = set("`-=[]\\;',./")

# Combos that Chinese IMEs (Sogou, Microsoft Pinyin, QQ Pinyin) own: switching input
# method or full/half-width punctuation. Registering them would break typing Chinese.
IME_RESERVED = frozenset({"ctrl+space", "shift+space", "ctrl+.", "ctrl+shift", "alt+shift", "ctrl+,"})


class HotkeyError(UserError):
    """A hotkey string that cannot be used; the message is for the agent."""

    context = "Messages"


MSG_EMPTY = QT_TRANSLATE_NOOP("Messages", "快捷键为空")
MSG_NOT_ASCII = QT_TRANSLATE_NOOP("Messages", "快捷键只能用英文按键名，例如 ctrl+alt+1")
MSG_MALFORMED = QT_TRANSLATE_NOOP("Messages", "快捷键格式不对：{text}")
MSG_IME = QT_TRANSLATE_NOOP("Messages", "{combo} 被中文输入法占用，请换一个")
MSG_NEEDS_KEY = QT_TRANSLATE_NOOP("Messages", "快捷键需要一个非修饰键：{text}")
MSG_UNKNOWN_MODIFIER = QT_TRANSLATE_NOOP("Messages", "未知的修饰键：{name}")
MSG_REPEATED_MODIFIER = QT_TRANSLATE_NOOP("Messages", "修饰键重复：{text}")
MSG_UNKNOWN_KEY = QT_TRANSLATE_NOOP("Messages", "未知的按键：{name}")
MSG_NEEDS_MODIFIER = QT_TRANSLATE_NOOP(
    "Messages", "全局快捷键至少要有一个修饰键 (Ctrl/Alt/Shift/Win)，否则会吞掉正常输入"
)
MSG_SHIFT_CHAR = QT_TRANSLATE_NOOP("Messages", "Shift+字符 会吞掉正常输入，请换一个")


@dataclass(frozen=True)
class Hotkey:
    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        ordered = [m for m in MODIFIERS if m in self.modifiers]
        return "+".join([*ordered, self.key])


def _canonical_part(part: str) -> str:
    part = part.strip().lower()
    part = _MODIFIER_ALIASES.get(part, part)
    return _KEY_ALIASES.get(part, part)


def parse_hotkey(text: str) -> Hotkey:
    """Parse `Ctrl+Alt+1`-style text; raise HotkeyError with a Chinese reason."""
    stripped = text.strip()
    if not stripped:
        raise HotkeyError(MSG_EMPTY)
    if not stripped.isascii() or not stripped.isprintable():
        raise HotkeyError(MSG_NOT_ASCII)
    if stripped.endswith("++"):  # the '+' key itself, e.g. ctrl++
        parts = [*stripped[:-2].split("+"), "+"]
    else:
        parts = stripped.split("+")
    names = [_canonical_part(p) if p != "+" else "+" for p in parts]
    if any(not n for n in names):
        raise HotkeyError(MSG_MALFORMED, text=stripped)
    *mods, key = names
    if key in MODIFIERS:
        # Bare modifier combos such as ctrl+shift are IME switches, never hotkeys.
        pressed = {*mods, key}
        if "+".join(m for m in MODIFIERS if m in pressed) in IME_RESERVED:
            raise HotkeyError(MSG_IME, combo=stripped)
        raise HotkeyError(MSG_NEEDS_KEY, text=stripped)
    bad = [m for m in mods if m not in MODIFIERS]
    if bad:
        raise HotkeyError(MSG_UNKNOWN_MODIFIER, name=bad[0])
    if len(set(mods)) != len(mods):
        raise HotkeyError(MSG_REPEATED_MODIFIER, text=stripped)
    if not (len(key) == 1 and (key.isalnum() or key in _PUNCTUATION or key == "+")) and key not in _NAMED_KEYS:
        raise HotkeyError(MSG_UNKNOWN_KEY, name=key)
    hotkey = Hotkey(frozenset(mods), key)
    if not mods and not key.startswith("f"):
        raise HotkeyError(MSG_NEEDS_MODIFIER)
    if mods == ["shift"] and len(key) == 1:
        raise HotkeyError(MSG_SHIFT_CHAR)
    if str(hotkey) in IME_RESERVED:
        raise HotkeyError(MSG_IME, combo=str(hotkey))
    return hotkey


def normalise_hotkey(text: str) -> str:
    """The one spelling we store and compare: modifiers in fixed order, lower case."""
    return str(parse_hotkey(text))
