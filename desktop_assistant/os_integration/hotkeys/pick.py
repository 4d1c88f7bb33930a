"""Choose the hotkey backend for this platform (overridable by the `hotkey.backend` setting)."""

from __future__ import annotations

import sys
from importlib import metadata

from desktop_assistant.os_integration.hotkeys.base import HotkeyBackend


def default_backend_name(platform: str = sys.platform) -> str:
    return "keyboard" if platform == "win32" else "pynput"


def pick(setting: str = "auto", platform: str = sys.platform) -> HotkeyBackend:
    name = default_backend_name(platform) if setting == "auto" else setting
    if name == "keyboard":
        from desktop_assistant.os_integration.hotkeys.keyboard_backend import KeyboardBackend

        return KeyboardBackend()
    from desktop_assistant.os_integration.hotkeys.pynput_backend import PynputBackend

    return PynputBackend()


def describe_backends(platform: str = sys.platform) -> str:
    """For --long-version: the default backend and the installed versions, without hooking anything."""
    versions = []
    for package in ("pynput", "keyboard"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    return f"{default_backend_name(platform)} (default here); " + ", ".join(versions)
