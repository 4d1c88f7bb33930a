"""The foreground tracker and the process-name lookup (X11's /proc part) with fakes."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_assistant.os_integration.fakes import FakeForeground
from desktop_assistant.os_integration.foreground import ForegroundTracker, NoForeground, WindowRef, process_name
from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

IM = WindowRef(1, 4242, "AliWorkbench.exe", "千牛")
NOTEPAD = WindowRef(2, 4343, "notepad.exe", "记事本")
PANEL = WindowRef(3, os.getpid(), "python3", "客服助手")


def test_remembers_the_last_window_that_is_not_ours(qapp) -> None:
    foreground = FakeForeground(IM, NOTEPAD, PANEL, active=IM.id)
    tracker = ForegroundTracker(foreground)
    seen: list[object] = []
    tracker.changed.connect(seen.append)
    tracker.refresh()
    foreground.active_id = PANEL.id
    tracker.refresh()
    assert tracker.active == PANEL and tracker.last_external == IM and tracker.is_own(PANEL)
    foreground.active_id = NOTEPAD.id
    tracker.refresh()
    tracker.refresh()  # unchanged: no second signal
    foreground.active_id = None
    tracker.refresh()
    assert tracker.last_external == NOTEPAD
    assert seen == [IM, PANEL, NOTEPAD, None]


def test_polls_while_started(qtbot) -> None:
    foreground = FakeForeground(IM, NOTEPAD, active=IM.id)
    tracker = ForegroundTracker(foreground, interval_ms=5)
    tracker.start()
    foreground.active_id = NOTEPAD.id
    qtbot.waitUntil(lambda: tracker.last_external == NOTEPAD, timeout=2000)
    tracker.stop()


def test_stops_quietly_without_a_display(qapp) -> None:
    class Broken(NoForeground):
        def active(self):
            raise PlatformUnavailable("DISPLAY is not set")

    tracker = ForegroundTracker(Broken(), interval_ms=5)
    tracker.start()
    assert tracker.active is None and not tracker._timer.isActive()


def test_process_name_from_proc(tmp_path: Path) -> None:
    short = tmp_path / "100"
    short.mkdir()
    (short / "comm").write_text("xterm\n")
    long = tmp_path / "200"
    long.mkdir()
    (long / "comm").write_text("gnome-terminal-\n")  # the kernel cuts comm at 15 characters
    (long / "cmdline").write_bytes(b"/usr/libexec/gnome-terminal-server\0--app-id\0")
    assert process_name(100, tmp_path) == "xterm"
    assert process_name(200, tmp_path) == "gnome-terminal-server"
    assert process_name(300, tmp_path) == "" and process_name(0, tmp_path) == ""
    assert process_name(os.getpid()) != ""


def test_the_fake_lists_its_windows_as_the_real_foregrounds_do() -> None:
    # `reader probe` asks a Foreground for windows(); the fake used to hide that method behind a dict.
    foreground = FakeForeground(IM, NOTEPAD)
    assert foreground.windows() == [IM, NOTEPAD]
    foreground.close(IM.id)
    assert foreground.windows() == [NOTEPAD] and not foreground.exists(IM)
