"""A real chat window of another process names a buyer in its title: the running panel makes that
buyer active, looks them up, and flags them when they are on the blacklist (docs/screening.md)."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.e2e.conftest import TargetWindow, log_text, panel_on_desktop, require, wait_for, xdotool

pytestmark = pytest.mark.e2e
require("openbox", modules=("tkinter",))


def test_a_blacklisted_buyers_chat_window_is_flagged(tmp_path) -> None:
    basedir = tmp_path / "data"
    blacklist = tmp_path / "black.csv"
    blacklist.write_text("买家,原因\n小明同学,恶意差评要挟\n", "utf-8")
    assert run_cli("--basedir", str(basedir), "blacklist", "import", str(blacklist)).returncode == 0
    windows: list[TargetWindow] = []
    with panel_on_desktop(tmp_path, basedir) as display:
        try:
            windows.append(TargetWindow(display, tmp_path, title="与 小熊 交谈中"))
            wait_for(lambda: "active buyer: 小熊" in log_text(basedir), timeout=10)
            first = xdotool(display, "getactivewindow").stdout.strip()
            assert "黑名单买家" not in log_text(basedir)
            (tmp_path / "second").mkdir()
            windows.append(TargetWindow(display, tmp_path / "second", title="与 小明同学 交谈中"))
            wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() not in ("", "0", first), timeout=10)
            second = xdotool(display, "getactivewindow").stdout.strip()
            wait_for(lambda: "active buyer: 小明同学" in log_text(basedir), timeout=10)
            wait_for(lambda: "注意：黑名单买家" in log_text(basedir), timeout=5)
            assert "恶意差评要挟" in log_text(basedir)
            # Back to the first chat and again to the blacklisted one: flagged each time it becomes active.
            xdotool(display, "windowactivate", "--sync", first)
            wait_for(lambda: log_text(basedir).count("active buyer: 小熊") == 2, timeout=10)
            xdotool(display, "windowactivate", "--sync", second)
            wait_for(lambda: log_text(basedir).count("注意：黑名单买家") == 2, timeout=10)
        finally:
            for window in windows:
                window.stop()
