"""Where a window's client area is on the screen now (for the calibration overlay over it).

The reader itself never needs this (it grabs relative to the window); only the overlay, which must sit
exactly over the client area, does. X11: the window's size and its origin translated to the root window;
Windows: GetClientRect + ClientToScreen.
"""

from __future__ import annotations

import sys


def client_area(
    window_id: int, platform: str = sys.platform, display: str | None = None
) -> tuple[int, int, int, int] | None:
    """(x, y, w, h) of the client area in screen pixels (x, y may be negative on a left monitor), or
    None when the window is gone or this platform has no way."""
    if platform == "win32":
        return _windows(window_id)
    if platform.startswith("linux"):
        return _x11(window_id, display)
    return None


def _x11(window_id: int, display: str | None) -> tuple[int, int, int, int] | None:
    from Xlib import display as xdisplay
    from Xlib import error

    try:
        connection = xdisplay.Display(display)
    except Exception:  # no DISPLAY, no server
        return None
    try:
        window = connection.create_resource_object("window", window_id)
        geometry = window.get_geometry()
        origin = connection.screen().root.translate_coords(window, 0, 0)
        return origin.x, origin.y, geometry.width, geometry.height
    except error.XError:
        return None
    finally:
        connection.close()


def _windows(hwnd: int) -> tuple[int, int, int, int] | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    user32 = ctypes.windll.user32
    rect, point = wintypes.RECT(), wintypes.POINT(0, 0)
    if not user32.GetClientRect(wintypes.HWND(hwnd), ctypes.byref(rect)):
        return None
    if not user32.ClientToScreen(wintypes.HWND(hwnd), ctypes.byref(point)):
        return None
    return point.x, point.y, rect.right - rect.left, rect.bottom - rect.top
