from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.app import Application
from desktop_assistant.domain.clock import FakeClock
from desktop_assistant.os_integration.hotkeys.fake import FakeHotkeyBackend
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 11, 9, 0))


@pytest.fixture
def backend() -> FakeHotkeyBackend:
    return FakeHotkeyBackend()


@pytest.fixture
def store(paths: Paths, clock: FakeClock):
    opened = open_store(paths, clock.now())
    yield opened
    opened.close()


@pytest.fixture
def make_app(qapp, paths: Paths, clock: FakeClock, backend: FakeHotkeyBackend):
    """Build the application as app.run() does, with a fake hotkey backend and clock."""
    built: list[Application] = []

    def factory(**kwargs) -> Application:
        kwargs.setdefault("hotkey_backend_factory", lambda _setting: backend)
        app = Application(qapp, paths, clock=clock, **kwargs)
        built.append(app)
        return app

    yield factory
    for app in built:
        app.shutdown()
