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


def test_top_level_windows_are_listed_for_reader_probe(xlib) -> None:
    driver, foreground = xlib
    root = driver.screen().root
    window = root.create_window(0, 0, 50, 50, 0, driver.screen().root_depth)
    window.change_property(
        driver.intern_atom("_NET_WM_NAME"), driver.intern_atom("UTF8_STRING"), 8, "小店:小美-接待中心".encode()
    )
    window.set_wm_class("aliworkbench", "Qt5152QWindowIcon")
    window.map()
    driver.sync()
    try:
        listed = {ref.id: ref for ref in foreground.windows()}
        assert listed[window.id].title == "小店:小美-接待中心"
        assert listed[window.id].window_class == "Qt5152QWindowIcon"
    finally:
        window.destroy()
        driver.sync()


def test_reader_probe_lists_windows_rules_and_readers(xlib, x_display, tmp_path) -> None:
    import json
    import os

    from tests.conftest import run_cli

    driver, _foreground = xlib
    root = driver.screen().root
    made = []
    for title, cls in (("小店:小美-接待中心", "Qt5152QWindowIcon"), ("小店:小美-千牛工作台", "Qt5152QWindowIcon")):
        window = root.create_window(0, 0, 50, 50, 0, driver.screen().root_depth)
        window.change_property(driver.intern_atom("_NET_WM_NAME"), driver.intern_atom("UTF8_STRING"), 8, title.encode())
        window.set_wm_class("aliworkbench", cls)
        window.change_property(driver.intern_atom("_NET_WM_PID"), 6, 32, [os.getpid()])
        window.map()
        made.append(window)
    driver.sync()
    env = {"DISPLAY": x_display}
    rules = (
        "千牛 | python* | 非聊天 | -千牛工作台$\n"  # this test process stands in for AliWorkbench.exe
        "千牛 | python* | 类=Qt5\\d+QWindowIcon | 聊天 | ^(?P<seller>\\S.*?)-接待中心$"
    )
    assert run_cli("--basedir", str(tmp_path), "config", "set", "conversation.title_rules", rules).returncode == 0
    try:
        result = run_cli("--basedir", str(tmp_path), "reader", "probe", "--json", env=env)
        assert result.returncode == 0, result.stderr
        listed = {entry["title"]: entry for entry in json.loads(result.stdout)}
        chat, home = listed["小店:小美-接待中心"], listed["小店:小美-千牛工作台"]
        assert (chat["client"], chat["chat_window"], chat["seller"], chat["class"]) == (
            "千牛",
            True,
            "小店:小美",
            "Qt5152QWindowIcon",
        )
        assert chat["rule_line"] == 2 and chat["readers"]["manual"] == {"buyer": "", "last_speaker": "", "badges": []}
        assert home["chat_window"] is False and home["readers"] == {}
        text = run_cli("--basedir", str(tmp_path), "reader", "probe", env=env)
        assert (
            text.returncode == 0 and "'小店:小美-接待中心': 聊天窗口; 规则第 2 行 (千牛); 卖家 小店:小美" in text.stdout
        )
        assert "manual: 不自动读取" in text.stdout
    finally:
        for window in made:
            window.destroy()
        driver.sync()
