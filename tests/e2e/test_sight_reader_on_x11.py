"""The sight reader against the fake 千牛 接待中心 on a real X server with a window manager: the real
capture (QScreen.grabWindow) and the real OCR, in processes of their own as in the field."""

from __future__ import annotations

import time

import pytest

from tests.e2e.conftest import REPO, LineProcess, desktop_env, require, start_openbox, start_xvfb, wait_for

pytestmark = pytest.mark.e2e

require("openbox", modules=("Xlib", "rapidocr"))

INTERVAL_MS = 500  # the default of reader.interval_ms


class Desk:
    def __init__(self, display: str) -> None:
        from tests.e2e.workbench_driver import FakeWorkbench

        self.display = display
        self.fake = FakeWorkbench(display)
        self.reader = LineProcess(
            [
                "-m",
                "tests.e2e.sight_runner",
                str(self.fake.window),
                self.fake.regions_setting(),
                "--interval",
                str(INTERVAL_MS),
            ],
            display,
            cwd=REPO,
        )
        self.reader.expect("ready", timeout=60)

    def events(self) -> list[dict]:
        return [record for record in self.reader.seen if record.get("event") == "reader"]

    def expect(self, kind: str, timeout: float = 10.0, **fields) -> dict:
        return self.reader.expect("reader", timeout=timeout, kind=kind, **fields)


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("sight")
    server, display = start_xvfb()
    openbox = start_openbox(desktop_env(display, workdir / "home"))
    desk = None
    try:
        desk = Desk(display)
        desk.expect("active_buyer", buyer=desk.fake.first_buyers[0], timeout=30)
        yield desk
    finally:
        if desk is not None:
            desk.reader.stop()
            desk.fake.stop()
        openbox.terminate()
        openbox.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


def test_the_fake_is_a_qianniu_window_by_process_and_title(desk):
    from desktop_assistant.os_integration.foreground import X11Foreground
    from desktop_assistant.os_integration.x11 import X11Connection

    window = X11Foreground(X11Connection(desk.display)).describe(desk.fake.window)
    assert (window.process, window.title) == ("AliWorkbench.exe", "小店:小美-接待中心")


def test_a_buyer_message_is_seen_within_a_second(desk):
    nick = desk.fake.first_buyers[0]
    desk.fake.buyer(nick, "你好，这个有货吗")
    drawn = time.monotonic()
    event = desk.expect("buyer_message", buyer=nick)
    assert event["t"] - drawn <= 1.0
    desk.fake.agent("亲，有货的")
    desk.expect("agent_message", buyer=nick)


def test_switching_conversation_moves_the_active_buyer(desk):
    """docs/reading.md: a switch is followed within 1 s at reader.interval_ms = 500. The analysis runs on the
    reader's worker; the poll that finds the nick read once grabs again at once, and the runner (like the
    hub) reads again RECHECK_MS later while the worker is busy or a nick waits."""
    took = []
    for nick in (desk.fake.first_buyers[2], desk.fake.first_buyers[0], desk.fake.first_buyers[1]):
        desk.fake.switch(nick)
        switched = time.monotonic()
        took.append(desk.expect("active_buyer", buyer=nick)["t"] - switched)
    print("switch drawn -> active buyer: " + ", ".join(f"{t:.3f} s" for t in took))
    # the OCR on a shared 2-core machine that other jobs load: the same tolerance as the day test
    assert max(took) <= 1.0 + 0.4, took


def test_a_badge_on_another_row_names_that_buyer(desk):
    nick = desk.fake.first_buyers[2]
    desk.fake.badge(nick, 3)
    event = desk.expect("unread_badge", buyer=nick)
    assert event["count"] == 3
    other = desk.fake.first_buyers[3]
    desk.fake.buyer(other, "在吗")  # a message in another conversation: its row gets a badge
    assert desk.expect("unread_badge", buyer=other)["count"] == 1


def test_reading_goes_on_when_the_window_moves(desk):
    from desktop_assistant.os_integration.readers.window_area import client_area

    x, y, w, h = client_area(desk.fake.window, display=desk.display)
    assert (w, h) == (1000, 700)
    desk.fake.move(400, 250)
    wait_for(lambda: client_area(desk.fake.window, display=desk.display)[:2] != (x, y), timeout=5)
    nick = desk.fake.first_buyers[1]
    desk.fake.buyer(nick, "发什么快递")
    desk.expect("buyer_message", buyer=nick)


def test_the_seller_in_the_title_never_becomes_a_buyer(desk):
    wait_for(lambda: desk.reader.lines.empty(), timeout=5)
    buyers = {event["buyer"] for event in desk.events()}
    assert buyers and not buyers & {desk.fake.seller, desk.fake.seller.split(":")[1], desk.fake.title}
    assert not [record for record in desk.reader.seen if record.get("event") == "unavailable"]


def test_the_calibration_overlay_sits_on_the_client_area_and_reads_it(desk):
    from desktop_assistant.domain.reading import parse_regions
    from desktop_assistant.os_integration.readers.window_area import client_area

    desk.fake.badge(desk.fake.first_buyers[3], 5)
    area = client_area(desk.fake.window, display=desk.display)
    runner = LineProcess(
        ["-m", "tests.e2e.calibration_runner", str(desk.fake.window), "千牛", desk.fake.regions_setting()],
        desk.display,
        cwd=REPO,
    )
    try:
        shown = runner.expect("overlay", timeout=60)
        assert tuple(shown["geometry"]) == area
        assert f"读到买家：{desk.fake.first_buyers[1]}" in shown["reading"]
        assert f"{desk.fake.first_buyers[3]}(5)" in shown["reading"]
        saved = runner.expect("saved")
        assert parse_regions(saved["regions"])["千牛"] == desk.fake.regions
    finally:
        runner.stop()
