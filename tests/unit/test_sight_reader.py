"""The sight reader on the fake 接待中心's drawing, painted offscreen, with the real OCR."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    SIGHT,
    UNREAD_BADGE,
    Region,
    Regions,
    format_regions,
)
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers import sight_image as image
from desktop_assistant.os_integration.readers.base import ReaderUnavailable
from desktop_assistant.os_integration.readers.ocr import Ocr, OcrMissing
from desktop_assistant.os_integration.readers.sight import SightReader, parse_clock
from tests.e2e import fake_workbench as fake
from tests.unit.sight_scene import SceneGrabber, render

NOW = dt.datetime(2026, 12, 6, 10, 5, 0)
WINDOW = WindowRef(7, 100, fake.PROCESS, fake.TITLE)
REGIONS = Regions(Region(*fake.LIST_REGION), Region(*fake.HEADER_REGION), Region(*fake.MESSAGES_REGION))


@pytest.fixture(scope="module")
def ocr():
    return Ocr()


@pytest.fixture
def scene(qapp):
    return fake.Workbench()


OPEN: list[SightReader] = []


@pytest.fixture(autouse=True)
def close_readers():
    yield
    while OPEN:
        OPEN.pop().close()  # stops their worker threads


def make_reader(scene, ocr, **overrides):
    settings = {
        "reader.regions": format_regions({"千牛": REGIONS}),
        "reader.buyer_side": "left",
        "reader.capture_questions": False,
        "seller_accounts": "",
        **overrides,
    }
    grabber = SceneGrabber(scene)
    OPEN.append(SightReader(settings.get, grabber, lambda: ocr))
    return OPEN[-1], grabber


def poll(reader, now=NOW, window=WINDOW):
    """A hub poll and its rechecks: read, and read again while the reader says so (after waiting for the
    worker, so every read collects the job before it)."""
    events = reader.read(window, "千牛", now)
    for _ in range(10):
        if not reader.confirming():
            return events
        assert reader.wait(timeout=120)
        events += reader.read(window, "千牛", now)
    raise AssertionError("the reader kept asking to be read again")


def kinds(events):
    return [(e.kind, e.buyer) for e in events]


def messages_region(scene):
    x, y, w, h = fake.MESSAGES_REGION
    return render(scene)[y : y + h, x : x + w]


def test_bubbles_are_found_in_order_with_their_side_and_time_line(scene):
    scene.buyer("小熊爱吃鱼2023", "你好，这个有货吗", "10:01:02")
    scene.agent("亲，有货的，今天下单今天发", "10:01:30")
    scene.buyer("小熊爱吃鱼2023", "好的", "10:02:03")
    bubbles = image.find_bubbles(messages_region(scene))
    assert [b.left for b in bubbles] == [True, False, True]
    assert all(b.time_box is not None and b.time_box.y1 <= b.box.y0 for b in bubbles)
    assert len({b.key for b in bubbles}) == 3


def test_a_multi_line_bubble_is_one_bubble(scene):
    scene.buyer(
        "小熊爱吃鱼2023",
        "这件衣服有没有大一点的尺码，我平时穿XL，肩宽四十六厘米，胸围一百一十，请帮我看看哪个尺码合适，谢谢",
        "10:01:02",
    )
    (bubble,) = image.find_bubbles(messages_region(scene))
    assert bubble.box.h > 50


def test_badges_are_red_blobs_on_their_rows(scene):
    scene.find("jd_小王").badge = 3
    scene.find("倪好数码:小柒").badge = 120
    x, y, w, h = fake.LIST_REGION
    badges = image.find_badges(render(scene)[y : y + h, x : x + w])
    assert [b.y0 // fake.ROW_H for b in badges] == [1, 3]


def test_fingerprint_changes_only_with_the_picture(scene):
    before = image.fingerprint(messages_region(scene))
    assert image.fingerprint(messages_region(scene)) == before
    scene.buyer("小熊爱吃鱼2023", "在", "10:01:02")
    assert image.fingerprint(messages_region(scene)) != before


def test_active_buyer_only_after_two_equal_readings(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    assert not reader.confirming()
    assert reader.read(WINDOW, "千牛", NOW) == []  # grabbed; the worker reads it
    assert reader.confirming()  # the hub asks again soon, not at the next tick
    assert reader.wait(timeout=120)
    assert reader.read(WINDOW, "千牛", NOW) == []  # read once: grabbed again for the second reading
    assert reader.confirming()
    assert reader.wait(timeout=120)
    events = reader.read(WINDOW, "千牛", NOW)
    assert kinds(events) == [(ACTIVE_BUYER, "小熊爱吃鱼2023")]
    assert events[0].source == SIGHT and events[0].platform == "千牛"
    assert reader.confirming()  # the switch went out; its bubbles are read from the grab that followed
    assert reader.wait(timeout=120)
    assert reader.read(WINDOW, "千牛", NOW) == []  # no bubble here
    assert not reader.confirming()
    assert poll(reader) == []
    scene.switch("jd_小王")
    assert kinds(poll(reader)) == [(ACTIVE_BUYER, "jd_小王")]
    scene.switch("tb_12345678")  # Latin and digits only: a lower box than the header's CJK buttons
    assert kinds(poll(reader)) == [(ACTIVE_BUYER, "tb_12345678")]


def test_a_nick_is_confirmed_by_the_next_grab_and_events_keep_the_time_of_their_grab(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    later, latest = NOW + dt.timedelta(seconds=5), NOW + dt.timedelta(seconds=9)
    reader.read(WINDOW, "千牛", NOW)
    reader.wait(timeout=120)
    scene.switch("jd_小王")  # drawn between the two readings: the first nick is never confirmed
    reader.read(WINDOW, "千牛", later)
    reader.wait(timeout=120)
    assert reader.read(WINDOW, "千牛", latest) == []  # jd_小王 read once, grabbed again at `latest`
    reader.wait(timeout=120)
    events = reader.read(WINDOW, "千牛", latest + dt.timedelta(seconds=1))
    assert [(e.kind, e.buyer, e.at) for e in events] == [(ACTIVE_BUYER, "jd_小王", latest)]


def test_a_switch_goes_out_before_its_bubbles_are_read(scene, ocr):
    """The bubbles of the new conversation are read from the grab after the one that confirmed its nick, so the
    switch does not wait for them (a switch is followed within 1 s, docs/reading.md)."""
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:04:00")
    reader, _ = make_reader(scene, ocr)
    for _ in range(2):
        reader.read(WINDOW, "千牛", NOW)
        reader.wait(timeout=120)
    assert kinds(reader.read(WINDOW, "千牛", NOW)) == [(ACTIVE_BUYER, "小熊爱吃鱼2023")]
    reader.wait(timeout=120)
    assert kinds(reader.read(WINDOW, "千牛", NOW)) == [(BUYER_MESSAGE, "小熊爱吃鱼2023")]
    assert not reader.confirming()


def test_on_screen_at_start_only_unanswered_buyer_messages_count_at_their_printed_time(scene, ocr):
    scene.buyer("小熊爱吃鱼2023", "你好", "09:58:00")
    scene.agent("亲，在的", "09:58:20")
    scene.buyer("小熊爱吃鱼2023", "这个有货吗", "10:01:02")
    scene.buyer("小熊爱吃鱼2023", "急", "10:02:03")
    reader, _ = make_reader(scene, ocr)
    events = [e for e in poll(reader) if e.kind != ACTIVE_BUYER]
    assert [(e.kind, e.at) for e in events] == [
        (BUYER_MESSAGE, NOW.replace(minute=1, second=2)),
        (BUYER_MESSAGE, NOW.replace(minute=2, second=3)),
    ]
    assert all(e.text == "" for e in events)  # question capture is off


def test_each_new_bubble_gives_one_event_and_scrolling_repeats_none(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    seen = []
    for i in range(12):  # more than the area holds: older bubbles scroll out at the top
        if i % 2:
            scene.agent(f"好的亲{i}", f"10:05:{10 + i}")
        else:
            scene.buyer("小熊爱吃鱼2023", f"问题{i}", f"10:05:{10 + i}")
        events = poll(reader)
        seen += [e.kind for e in events]
        assert poll(reader) == []
    assert seen == [BUYER_MESSAGE, AGENT_MESSAGE] * 6


def test_the_same_text_twice_is_two_messages(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:05:01")
    assert kinds(poll(reader)) == [(BUYER_MESSAGE, "小熊爱吃鱼2023")]
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:05:02")
    assert kinds(poll(reader)) == [(BUYER_MESSAGE, "小熊爱吃鱼2023")]


def test_buyer_side_right_swaps_who_spoke(scene, ocr):
    scene.agent("您好", "10:00:00")  # drawn on the right: the buyer's, with this setting
    reader, _ = make_reader(scene, ocr, **{"reader.buyer_side": "right"})
    assert [e.kind for e in poll(reader)] == [ACTIVE_BUYER, BUYER_MESSAGE]
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:05:01")
    assert [e.kind for e in poll(reader)] == [AGENT_MESSAGE]


def test_question_capture_keeps_the_text(scene, ocr):
    reader, _ = make_reader(scene, ocr, **{"reader.capture_questions": True})
    poll(reader)
    scene.buyer("小熊爱吃鱼2023", "什么时候发货", "10:05:01")
    (event,) = poll(reader)
    assert event.text == "什么时候发货"


def test_a_badge_on_another_row_names_that_buyer_and_count(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    scene.find("tb_12345678").badge = 12
    events = poll(reader)
    assert [(e.kind, e.buyer, e.count) for e in events] == [(UNREAD_BADGE, "tb_12345678", 12)]
    assert poll(reader) == []
    scene.buyer("jd_小王", "在吗", "10:04:00")  # another conversation: its row gets a badge
    assert [(e.kind, e.buyer, e.count) for e in poll(reader)] == [(UNREAD_BADGE, "jd_小王", 1)]


def test_the_seller_is_never_a_buyer(scene, ocr):
    scene.switch(fake.SELLER)  # the seller's own account drawn where a buyer would be
    scene.find("小美").badge = 2
    reader, _ = make_reader(scene, ocr)
    events = poll(reader)
    assert all(e.buyer not in (fake.SELLER, "小美") for e in events)
    reader, _ = make_reader(scene, ocr, seller_accounts="jd_小王")
    scene.find("jd_小王").badge = 1
    events = poll(reader)
    assert all(e.buyer not in (fake.SELLER, "小美", "jd_小王") for e in events)


def test_unchanged_regions_are_not_analysed(scene, ocr, monkeypatch):
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    calls = []
    monkeypatch.setattr(image, "find_bubbles", lambda img: calls.append(img) or [])
    monkeypatch.setattr(ocr, "lines", lambda img: calls.append(img) or [])
    poll(reader)
    assert calls == []


def test_not_calibrated_missing_ocr_and_a_vanished_window_are_unavailable(scene, ocr):
    reader, grabber = make_reader(scene, ocr, **{"reader.regions": ""})
    with pytest.raises(ReaderUnavailable, match="尚未校准 千牛"):
        reader.read(WINDOW, "千牛", NOW)

    def missing():
        raise OcrMissing("No module named 'rapidocr'")

    reader = SightReader({"reader.regions": format_regions({"千牛": REGIONS})}.get, grabber, missing)
    assert reader.read(WINDOW, "千牛", NOW) == []  # the worker finds the OCR missing ...
    reader.wait(timeout=120)
    with pytest.raises(ReaderUnavailable, match="未安装文字识别组件"):
        reader.read(WINDOW, "千牛", NOW)  # ... and the next read raises it on the GUI thread, for the hub
    assert not reader.confirming()
    reader.close()
    reader, grabber = make_reader(scene, ocr)
    grabber.gone = True
    with pytest.raises(ReaderUnavailable, match="无法截取窗口画面"):
        reader.read(WINDOW, "千牛", NOW)
    assert not reader.confirming()  # nothing was handed to the worker


@pytest.mark.parametrize(
    "text, expected",
    [
        ("10:01:02", dt.datetime(2026, 12, 6, 10, 1, 2)),
        ("09:59", dt.datetime(2026, 12, 6, 9, 59)),
        ("23:59:00", dt.datetime(2026, 12, 5, 23, 59)),  # printed before midnight
        ("昨天 08:00", dt.datetime(2026, 12, 5, 8, 0)),
        ("2026-12-01 12:00:00", dt.datetime(2026, 12, 1, 12, 0)),
        ("在吗", None),
        ("25:61", None),
    ],
)
def test_parse_clock(text, expected):
    assert parse_clock(text, NOW) == expected


def test_the_ocr_module_loads_nothing_at_import():
    import subprocess
    import sys

    code = (
        "import sys; import desktop_assistant.os_integration.readers.sight; "
        "print('rapidocr' in sys.modules, 'onnxruntime' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_snapshot_tells_nick_badges_and_last_speaker(scene, ocr):
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:04:00")
    scene.find("jd_小王").badge = 2
    reader, _ = make_reader(scene, ocr)
    shot = reader.snapshot(WINDOW, "千牛")
    assert (shot.nick, shot.badges, shot.last_speaker) == ("小熊爱吃鱼2023", (("jd_小王", 2),), "buyer")
    scene.agent("在的", "10:04:10")
    assert reader.snapshot(WINDOW, "千牛").last_speaker == "agent"


def test_the_ocr_never_downloads(monkeypatch, qapp):
    from rapidocr.utils import download_file

    def no_network(*args, **kwargs):
        raise AssertionError("RapidOCR tried to download")

    monkeypatch.setattr(download_file.DownloadFile, "run", classmethod(no_network))
    engine = Ocr()
    scene = fake.Workbench()
    x, y, w, h = fake.HEADER_REGION
    assert "小熊爱吃鱼2023" in [line.text for line in engine.lines(render(scene)[y : y + h, x : x + w])]


def test_scrolling_up_to_old_messages_is_not_new_messages(scene, ocr):
    for i in range(10):  # a long history, most of it above the visible area
        scene.buyer("小熊爱吃鱼2023", f"老问题{i}", f"09:0{i}:00")
        scene.agent(f"老回答{i}", f"09:0{i}:30")
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    for offset in (4, 8, 12, 16, 6, 0):  # the agent reads back, then returns to the newest
        scene.scrolled = offset
        assert poll(reader) == [], offset
    scene.scrolled = 12
    poll(reader)
    scene.buyer("小熊爱吃鱼2023", "还在吗", "10:04:00")  # arrives while the agent looks at history
    assert poll(reader) == []  # not on screen: nothing to see yet
    scene.scrolled = 0
    events = poll(reader)
    assert [(e.kind, e.at) for e in events] == [(BUYER_MESSAGE, NOW.replace(minute=4))]


def test_close_drops_the_engine_and_the_next_read_loads_it_again(scene, ocr):
    loads = []
    reader = SightReader(
        {"reader.regions": format_regions({"千牛": REGIONS})}.get, SceneGrabber(scene), lambda: loads.append(1) or ocr
    )
    poll(reader)
    reader.close()
    assert loads == [1]
    assert kinds(poll(reader)) == [(ACTIVE_BUYER, "小熊爱吃鱼2023")]  # confirmed afresh
    assert loads == [1, 1]
    reader.close()


def test_idle_drops_only_the_engine(scene, ocr):
    loads = []
    reader = SightReader(
        {"reader.regions": format_regions({"千牛": REGIONS})}.get, SceneGrabber(scene), lambda: loads.append(1) or ocr
    )
    poll(reader)
    reader.idle()
    assert poll(reader) == []  # what was seen is kept: no second ACTIVE_BUYER
    assert loads == [1, 1]
    reader.close()


class ThreadedOcr:
    """The real OCR, noting the thread of every call; it can hold a call until released."""

    def __init__(self, ocr) -> None:
        self.ocr = ocr
        self.threads: set[int] = set()
        self.started = threading.Event()
        self.release = threading.Event()
        self.release.set()

    def _call(self, name, img):
        self.threads.add(threading.get_ident())
        self.started.set()
        assert self.release.wait(timeout=120)
        return getattr(self.ocr, name)(img)

    def lines(self, img):
        return self._call("lines", img)

    def line(self, img):
        return self._call("line", img)

    def text(self, img):
        return self._call("text", img)


def test_the_gui_thread_never_runs_the_ocr(scene, ocr):
    spy = ThreadedOcr(ocr)
    scene.buyer("小熊爱吃鱼2023", "在吗", "10:04:00")
    scene.find("jd_小王").badge = 2
    reader, _ = make_reader(scene, spy, **{"reader.capture_questions": True})
    events = poll(reader)
    scene.buyer("小熊爱吃鱼2023", "还在吗", "10:05:00")
    events += poll(reader)
    assert [e.kind for e in events] == [UNREAD_BADGE, ACTIVE_BUYER, BUYER_MESSAGE, BUYER_MESSAGE]
    assert reader.snapshot(WINDOW, "千牛").nick == "小熊爱吃鱼2023"
    assert spy.threads and threading.get_ident() not in spy.threads
    reader.close()


def test_close_while_a_job_runs_leaves_no_thread_behind(scene, ocr):
    before = {thread.ident for thread in threading.enumerate()}
    spy = ThreadedOcr(ocr)
    spy.release.clear()
    reader, _ = make_reader(scene, spy)
    reader.read(WINDOW, "千牛", NOW)
    assert spy.started.wait(timeout=120)  # the worker is inside the OCR
    assert not reader.wait(timeout=0)
    spy.release.set()
    reader.close()  # waits for the job and stops the worker
    assert {thread.ident for thread in threading.enumerate()} == before
    assert not reader.confirming()
    assert kinds(poll(reader)) == [(ACTIVE_BUYER, "小熊爱吃鱼2023")]  # a read after close starts afresh
    reader.close()
    assert {thread.ident for thread in threading.enumerate()} == before


def test_what_a_window_the_agent_left_showed_is_not_reported_for_the_next(scene, ocr):
    reader, _ = make_reader(scene, ocr)
    reader.read(WINDOW, "千牛", NOW)
    reader.wait(timeout=120)
    other = WindowRef(8, 100, fake.PROCESS, fake.TITLE)
    assert reader.read(other, "千牛", NOW) == []  # the job of window 7 is dropped; window 8 is grabbed
    assert kinds(poll(reader, window=other)) == [(ACTIVE_BUYER, "小熊爱吃鱼2023")]
    reader.close()


def test_a_blank_moment_in_the_message_area_does_not_replay_history(scene, ocr):
    for i in range(3):
        scene.buyer("小熊爱吃鱼2023", f"老问题{i}", f"09:0{i}:00")
        scene.agent(f"老回答{i}", f"09:0{i}:30")
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    history, scene.active.messages = scene.active.messages, []  # the client repaints, messages not drawn yet
    assert poll(reader) == []
    scene.active.messages = history
    assert poll(reader, NOW + dt.timedelta(seconds=1)) == []
    scene.buyer("小熊爱吃鱼2023", "新问题", "10:05:03")
    assert kinds(poll(reader, NOW + dt.timedelta(seconds=3))) == [(BUYER_MESSAGE, "小熊爱吃鱼2023")]


def test_history_drawn_after_the_header_is_not_new(scene, ocr):
    other = scene.find("jd_小王")
    for i in range(3):
        other.messages += [("buyer", f"老问题{i}", f"09:0{i}:00"), ("agent", f"老回答{i}", f"09:0{i}:30")]
    reader, _ = make_reader(scene, ocr)
    poll(reader)
    history, other.messages = other.messages, []
    scene.switch("jd_小王")  # the header is drawn at once, the messages are still loading
    assert kinds(poll(reader)) == [(ACTIVE_BUYER, "jd_小王")]
    other.messages = history
    assert poll(reader, NOW + dt.timedelta(seconds=1)) == []


def test_a_minimised_window_reads_nothing_and_loses_nothing(scene, ocr):
    scene.find("jd_小王").badge = 2
    reader, grabber = make_reader(scene, ocr)
    events = poll(reader)
    assert [(e.kind, e.buyer) for e in events if e.kind == UNREAD_BADGE] == [(UNREAD_BADGE, "jd_小王")]
    real = grabber.grab
    grabber.grab = lambda window, region: real(window, region) * 0  # minimised: black
    with pytest.raises(ReaderUnavailable, match="窗口画面为空"):
        poll(reader)
    grabber.grab = real
    assert poll(reader) == []  # the same badge, the same buyer: nothing new


def test_the_ocr_leaves_no_telemetry_behind(tmp_path):
    """onnxruntime 1.32 queues Microsoft 1DS telemetry events in ~/.cache/Microsoft/DeveloperTools for upload;
    the panel must open no network connection (docs/benchmarks.md) and write nothing of the sort."""
    import os
    import subprocess
    import sys

    code = (
        "from desktop_assistant.os_integration.readers.ocr import Ocr; import numpy as np; "
        "Ocr().lines(np.full((40, 120, 3), 255, np.uint8))"
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("ORT_DISABLE_TELEMETRY", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")] == []
