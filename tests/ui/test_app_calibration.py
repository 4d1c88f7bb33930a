"""app.py offers the sight reader's calibration for the chat window the agent was last in."""

from __future__ import annotations

from dataclasses import replace

from desktop_assistant.os_integration.fakes import FakeForeground, FakeKeyboardState, FakeKeySender
from desktop_assistant.os_integration.foreground import ForegroundTracker, WindowRef
from desktop_assistant.os_integration.insertion import InsertionPipeline
from desktop_assistant.ui import calibration
from tests.ui.conftest import FAST

QIANNIU = WindowRef(id=7, pid=4242, process="AliWorkbench.exe", title="小店:小美-接待中心")
NOTEPAD = WindowRef(id=8, pid=4343, process="notepad.exe", title="无标题 - 记事本")


def app_beside(make_app, qapp, im_target, window: WindowRef | None):
    def pipeline(options, parent):
        foreground = FakeForeground(*([window] if window else []))
        tracker = ForegroundTracker(foreground, own_pid=1, parent=parent)
        tracker.refresh()
        return InsertionPipeline(
            FakeKeyboardState(),
            FakeKeySender(im_target),
            foreground,
            qapp.clipboard(),
            replace(options, restore_delay_ms=5),
            timing=FAST,
            platform="linux",
            tracker=tracker,
            parent=parent,
        )

    app = make_app(pipeline_factory=pipeline)
    assert app.open_database()
    app.build_ui()
    return app


def test_calibration_opens_for_the_last_chat_window_and_its_client(
    qtbot, make_app, qapp, im_target, monkeypatch
) -> None:
    calls = []
    monkeypatch.setattr(calibration, "start_calibration", lambda *args: calls.append(args) or "")
    app = app_beside(make_app, qapp, im_target, QIANNIU)
    app._calibrate_reader()
    ((settings, window, client, _parent),) = calls
    assert (window, client) == (QIANNIU, "千牛") and settings is app.store.settings


def test_without_a_chat_window_the_agent_is_told(qtbot, make_app, qapp, im_target) -> None:
    app = app_beside(make_app, qapp, im_target, NOTEPAD)
    app._calibrate_reader()
    assert "请先点一下聊天窗口" in app.panel.status_strip.conversation_label.text()


def test_the_clients_home_window_is_no_chat_window_to_calibrate(qtbot, make_app, qapp, im_target) -> None:
    """The client is found by the title rules as the reader hub finds it, not by the process alone: 千牛's
    home (千牛工作台) is not where the regions are."""
    home = WindowRef(id=9, pid=4242, process="AliWorkbench.exe", title="小店:小美 - 千牛工作台")
    app = app_beside(make_app, qapp, im_target, home)
    app._calibrate_reader()
    assert "请先点一下聊天窗口" in app.panel.status_strip.conversation_label.text()
