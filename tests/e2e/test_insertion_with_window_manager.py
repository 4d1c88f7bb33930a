"""The EWMH path: a window manager (openbox) provides _NET_ACTIVE_WINDOW and reparents windows into
frames. The foreground window is read from it, focus is given back with a _NET_ACTIVE_WINDOW client
message, and a hotkey still inserts the exact text. Own Xvfb, so the frames do not disturb other tests."""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import TargetWindow, desktop_env, require, start_openbox, start_xvfb, wait_for, xdotool
from tests.e2e.test_insertion_on_x11 import GREETING, GREETING_BODY, start_driver, toplevel_of

pytestmark = pytest.mark.e2e

require("openbox", "xclip", modules=("tkinter", "Xlib"))


def net_active_window(display: str) -> int:
    from Xlib import X
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display)
    try:
        prop = connection.screen().root.get_full_property(
            connection.intern_atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType
        )
        return int(prop.value[0]) if prop is not None and len(prop.value) else 0
    finally:
        connection.close()


@pytest.fixture(scope="module")
def wm(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("wm")
    server, display = start_xvfb()
    openbox = start_openbox(desktop_env(display, workdir / "home"))
    from desktop_assistant.os_integration.foreground import X11Foreground
    from desktop_assistant.os_integration.x11 import X11Connection

    connection = X11Connection(display)
    foreground = X11Foreground(connection)
    try:
        wait_for(foreground._ewmh_active_supported, timeout=15)
        target = TargetWindow(display, workdir)
        wait_for(lambda: net_active_window(display) != 0, timeout=10)
        yield display, workdir, target, foreground
        target.stop()
    finally:
        connection.close()
        openbox.terminate()
        openbox.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


def test_the_foreground_window_comes_from_net_active_window(wm) -> None:
    display, _, target, foreground = wm
    active = foreground.active()
    assert active is not None and active.id == net_active_window(display)
    assert active.title == "目标窗口" and active.pid == target.proc.process.pid
    assert active.process.startswith("python")
    frame = toplevel_of(display, active.id)
    assert frame != active.id  # openbox reparented the client into its frame; we report the client


def test_hotkey_and_panel_click_with_a_window_manager(wm) -> None:
    display, workdir, target, foreground = wm
    im = foreground.active()
    driver = start_driver(display, workdir, {"greet": {"hotkey": "ctrl+alt+1", "text": GREETING_BODY}})
    try:
        assert driver.expect("ready")["state"] == "active"
        target.clear()
        assert xdotool(display, "key", "ctrl+alt+1").returncode == 0
        driver.expect("inserted", tag="greet")
        driver.expect("idle")
        assert target.content() == GREETING

        target.clear()
        driver.send("panel")
        panel = driver.expect("panel")["window"]
        assert xdotool(display, "windowactivate", "--sync", str(panel)).returncode == 0
        wait_for(lambda: net_active_window(display) == panel, timeout=5)
        time.sleep(0.4)  # the tracker has seen the panel
        driver.send("insert greet")
        driver.expect("inserted", tag="greet")
        driver.expect("idle")
        assert net_active_window(display) == im.id  # focus given back through the window manager
        assert target.content() == GREETING
    finally:
        code = driver.stop()
    assert code == 0, driver.process.stderr.read()
