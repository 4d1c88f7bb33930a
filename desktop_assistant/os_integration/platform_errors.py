"""The one error the insertion adapters raise when the OS part they need is missing or refuses."""

from __future__ import annotations


class PlatformUnavailable(RuntimeError):
    """No display, no library, or the OS refused; the message says which (for the log)."""
