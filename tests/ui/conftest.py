from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop_assistant.app import Application
from desktop_assistant.domain.clock import FakeClock
from desktop_assistant.os_integration.fakes import FakeForeground, FakeKeyboardState, FakeKeySender, FakeTarget
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend
from desktop_assistant.os_integration.insertion import InsertionPipeline, Timing
from desktop_assistant.paths import Paths


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 11, 9, 0))


@pytest.fixture
def backend() -> FakeHotkeyBackend:
    return FakeHotkeyBackend()


@pytest.fixture
def store_now(clock: FakeClock) -> dt.datetime:
    return clock.now()


IM_WINDOW = WindowRef(
    id=7, pid=4242, process="AliWorkbench.exe", title="云朵家居:小美-接待中心", window_class="Qt5152QWindowIcon"
)
FAST = Timing(poll_ms=2, keys_up_timeout_ms=300, focus_timeout_ms=150, focus_settle_ms=2, settle_ms=2, send_gap_ms=5)


@pytest.fixture
def im_target() -> FakeTarget:
    """The IM client's input box, as the fake key sender pastes into it."""
    return FakeTarget()


@pytest.fixture
def make_app(qapp, paths: Paths, clock: FakeClock, backend: FakeHotkeyBackend, im_target: FakeTarget):
    """Build the application as app.run() does, with a fake hotkey backend and clock."""
    built: list[Application] = []

    def factory(**kwargs) -> Application:
        kwargs.setdefault("hotkey_backend_factory", lambda _setting: backend)
        kwargs.setdefault(
            "pipeline_factory",
            lambda options, parent: InsertionPipeline(
                FakeKeyboardState(),
                FakeKeySender(im_target),
                FakeForeground(IM_WINDOW),
                qapp.clipboard(),
                replace(options, restore_delay_ms=5),
                timing=FAST,
                platform="linux",
                parent=parent,
            ),
        )
        app = Application(qapp, paths, clock=clock, **kwargs)
        built.append(app)
        return app

    yield factory
    for app in built:
        app.shutdown()


@pytest.fixture
def record():
    """`record(signal)`: the list of every (title, message) a controller's notice signal emits, in order."""

    def recorder(signal) -> list[tuple[str, str]]:
        heard: list[tuple[str, str]] = []
        signal.connect(lambda title, message: heard.append((title, message)))
        return heard

    return recorder


AGENT = {"agent_name": "小王", "agent_id": "A01", "shop_name": "云朵家居旗舰店"}


def open_tab(app, title: str):
    """The agent clicks the tab named `title`; a tab built on first look (备注, 核对, 买家, 统计) is built then."""
    tabs = app.panel.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))
    return tabs.currentWidget()


@pytest.fixture
def agents_app(make_app):
    """The running app as agent 小王 (工号 A01) of 云朵家居旗舰店 uses it."""
    app = make_app()
    assert app.open_database()
    app.store.settings.set_many(AGENT)
    app.build_ui()
    app.show()
    return app


@pytest.fixture
def desk_app(make_app, qapp, im_target):
    """The started app on a desktop of fake windows: `desk_app(*windows, active=id)` gives (app, foreground,
    tracker); set `foreground.active_id` and call `tracker.refresh()` to bring a window to the front."""
    from desktop_assistant.os_integration.foreground import ForegroundTracker

    def build(*windows: WindowRef, active: int):
        foreground = FakeForeground(*windows, active=active)
        tracker = ForegroundTracker(foreground, own_pid=1)

        def pipeline(options, parent):
            made = InsertionPipeline(
                FakeKeyboardState(),
                FakeKeySender(im_target),
                foreground,
                qapp.clipboard(),
                options,
                timing=FAST,
                platform="linux",
                tracker=tracker,
                parent=parent,
            )
            tracker.setParent(made)
            return made

        app = make_app(pipeline_factory=pipeline)
        assert app.open_database()
        app.build_ui()
        app.show()
        return app, foreground, tracker

    return build
