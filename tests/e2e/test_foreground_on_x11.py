"""Foreground tracking on a real X server when focus goes to nothing, to the desktop (the root window)
or to a window that vanishes: normal moments of a working day, never an error (issue 14)."""

from __future__ import annotations

import pytest

from desktop_assistant.os_integration.foreground import X11Foreground
from desktop_assistant.os_integration.x11 import X11Connection

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def driver(x_display: str):
    """The "other programs" moving focus around. One connection for the module: Xvfb resets itself when
    its last client leaves, and a connection made during that reset is refused."""
    from Xlib import display as xdisplay

    connection = xdisplay.Display(x_display)
    yield connection
    connection.close()


@pytest.fixture
def xlib(x_display: str, driver):
    connection = X11Connection(x_display)
    yield driver, X11Foreground(connection)
    connection.close()


def _focus(driver, window) -> None:
    from Xlib import X

    driver.set_input_focus(window, X.RevertToNone, X.CurrentTime)
    driver.sync()


def test_focus_on_the_root_window_is_no_window(xlib) -> None:
    driver, foreground = xlib
    _focus(driver, driver.screen().root)
    assert foreground.active() is None


def test_focus_on_nothing_and_on_pointer_root_is_no_window(xlib) -> None:
    from Xlib import X

    driver, foreground = xlib
    for target in (X.NONE, X.PointerRoot):
        _focus(driver, target)
        assert foreground.active() is None


def test_a_window_that_vanishes_is_no_window(xlib) -> None:
    driver, foreground = xlib
    root = driver.screen().root
    window = root.create_window(0, 0, 50, 50, 0, driver.screen().root_depth)
    window.change_property(driver.intern_atom("_NET_WM_NAME"), driver.intern_atom("UTF8_STRING"), 8, "小窗".encode())
    window.map()
    driver.sync()
    _focus(driver, window)
    seen = foreground.active()
    assert seen is not None and seen.id == window.id and seen.title == "小窗"
    window.destroy()  # focus reverts to None (RevertToNone)
    driver.sync()
    assert foreground.active() is None
    assert foreground.describe(window.id) is None
    assert foreground._toplevel(window.id) == 0
