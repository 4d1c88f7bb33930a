"""One lazily opened python-xlib connection for GUI-thread queries (foreground window, keymap, XTEST).

Hook threads open their own connections: python-xlib connections are not shared across threads here.
"""

from __future__ import annotations

import os
from typing import Any

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable


class X11Connection:
    def __init__(self, display_name: str | None = None) -> None:
        self._display_name = display_name
        self._display: Any = None
        self._atoms: dict[str, int] = {}

    @property
    def display(self) -> Any:
        if self._display is None:
            name = self._display_name or os.environ.get("DISPLAY", "")
            if not name:
                raise PlatformUnavailable("DISPLAY is not set")
            try:
                from Xlib import display as xdisplay

                self._display = xdisplay.Display(name)
            except Exception as exc:  # ImportError, DisplayNameError, ConnectionClosedError
                raise PlatformUnavailable(f"cannot open X display {name!r}: {exc}") from None
        return self._display

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.display.intern_atom(name)
        return self._atoms[name]

    @property
    def root(self) -> Any:
        return self.display.screen().root

    def close(self) -> None:
        if self._display is not None:
            try:
                self._display.close()
            except Exception:
                pass
            self._display = None
            self._atoms.clear()


def modifier_masks(display: Any) -> dict[str, int]:
    """Which X modifier bit carries Alt, Super, NumLock and ScrollLock on this server's mapping."""
    from Xlib import XK, X

    masks = {
        "shift": X.ShiftMask,
        "lock": X.LockMask,
        "ctrl": X.ControlMask,
        "alt": 0,
        "win": 0,
        "numlock": 0,
        "scrolllock": 0,
    }
    wanted = {
        XK.XK_Alt_L: "alt",
        XK.XK_Alt_R: "alt",
        XK.XK_Meta_L: "alt",
        XK.XK_Meta_R: "alt",
        XK.XK_Super_L: "win",
        XK.XK_Super_R: "win",
        XK.XK_Hyper_L: "win",
        XK.XK_Hyper_R: "win",
        XK.XK_Num_Lock: "numlock",
        XK.XK_Scroll_Lock: "scrolllock",
    }
    mapping = display.get_modifier_mapping()
    for index in range(3, 8):  # Mod1..Mod5
        for keycode in mapping[index]:
            if not keycode:
                continue
            for column in range(4):
                name = wanted.get(display.keycode_to_keysym(keycode, column))
                if name and not masks[name]:
                    masks[name] = 1 << index
    if not masks["alt"]:
        masks["alt"] = X.Mod1Mask
    if not masks["win"]:
        masks["win"] = X.Mod4Mask
    return masks
