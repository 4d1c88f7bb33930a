"""Choose the hotkey backend for this platform (overridable by the `hotkey.backend` setting).

Windows: `native` (RegisterHotKey: the modifiers stay real, one press per hold, a combo another
program holds is reported). `keyboard` (a low-level hook) is the Windows alternative: it can take a
combo another program registered first, since a hook sees the key before the system's hotkeys do.
Linux with an X display: `x11` (XGrabKey, so the combo never reaches the chat box). macOS, or Linux
without DISPLAY: `pynput`. `pynput` and `keyboard` stay selectable by name everywhere.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend

BACKENDS = ("native", "keyboard", "x11", "pynput")


def default_backend_name(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    if platform == "win32":
        return "native"
    if platform.startswith("linux") and environ.get("DISPLAY"):
        return "x11"
    return "pynput"


def pick(
    setting: str = "auto", platform: str = sys.platform, environ: Mapping[str, str] | None = None
) -> HotkeyBackend:
    name = default_backend_name(platform, environ) if setting == "auto" else setting
    if name == "native":
        from desktop_assistant.os_integration.hotkeys.native_backend import NativeHotkeyBackend

        return NativeHotkeyBackend()
    if name == "keyboard":
        from desktop_assistant.os_integration.hotkeys.keyboard_backend import KeyboardBackend

        return KeyboardBackend()
    if name == "x11":
        from desktop_assistant.os_integration.hotkeys.x11_backend import X11GrabBackend

        return X11GrabBackend()
    from desktop_assistant.os_integration.hotkeys.pynput_backend import PynputBackend

    return PynputBackend()


def describe_backends(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> str:
    """For --long-version: the default backend and the installed versions, without hooking anything."""
    from importlib import metadata  # only --long-version needs it; ~13 ms at start otherwise

    versions = []
    for package in ("pynput", "keyboard", "python-xlib"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    name = default_backend_name(platform, environ)
    how = {"native": "RegisterHotKey", "keyboard": "low-level hook", "x11": "XGrabKey"}.get(name)
    return f"{name} (default here{'; ' + how if how else ''}); " + ", ".join(versions)
