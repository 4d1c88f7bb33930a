"""Our key names (domain/hotkeys.py) as Windows virtual-key codes and RegisterHotKey modifier flags.

Punctuation uses the VK_OEM_* codes of the US layout, the layout Chinese keyboards have; on other
layouts an OEM code may sit on a different key. `+` is the `=`/`+` key (VK_OEM_PLUS), as `ctrl++`
means on a US keyboard.
"""

from __future__ import annotations

from collections.abc import Iterable

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x0001, 0x0002, 0x0004, 0x0008, 0x4000
MOD_FLAGS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "win": MOD_WIN}

_NAMED = {
    "space": 0x20,
    "enter": 0x0D,
    "tab": 0x09,
    "esc": 0x1B,
    "backspace": 0x08,
    "delete": 0x2E,
    "insert": 0x2D,
    "home": 0x24,
    "end": 0x23,
    "page_up": 0x21,
    "page_down": 0x22,
    "up": 0x26,
    "down": 0x28,
    "left": 0x25,
    "right": 0x27,
    **{f"f{n}": 0x70 + n - 1 for n in range(1, 25)},
}
_OEM = {
    ";": 0xBA,
    "=": 0xBB,
    "+": 0xBB,
    ",": 0xBC,
    "-": 0xBD,
    ".": 0xBE,
    "/": 0xBF,
    "`": 0xC0,
    "[": 0xDB,
    "\\": 0xDC,
    "]": 0xDD,
    "'": 0xDE,
}


def vk_for(key: str) -> int:
    """The virtual key of a parsed hotkey's key; KeyError for a name Windows has no key for."""
    if len(key) == 1 and key.isascii() and key.isalnum():
        return ord(key.upper())  # VK_0..VK_9 and VK_A..VK_Z are the ASCII codes
    if key in _OEM:
        return _OEM[key]
    return _NAMED[key]


def mod_flags(modifiers: Iterable[str]) -> int:
    flags = 0
    for modifier in modifiers:
        flags |= MOD_FLAGS[modifier]
    return flags
