"""The reader hub with fake readers: which window, which readers in which order, fallback and retry,
the read-twice rule for the active buyer, buyer-less bubbles, and message text only with capture on."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from desktop_assistant.domain.clock import FakeClock
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    MANUAL,
    SIGHT,
    UI_TREE,
    UNREAD_BADGE,
    ReaderEvent,
    Region,
    Regions,
    format_regions,
)
from desktop_assistant.domain.settings import DEFAULTS
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers.base import Reader, ReaderUnavailable
from desktop_assistant.os_integration.readers.hub import (
    IDLE_RELEASE_MS,
    RECHECK_MS,
    RETRY_AFTER,
    ReaderHub,
    chat_client,
)
from desktop_assistant.os_integration.readers.manual import ManualReader

T0 = dt.datetime(2026, 12, 7, 10, 0, 0)
QIANNIU = WindowRef(7, 4242, "AliWorkbench.exe", "倪好数码:小柒-接待中心", False, "Qt5152QWindowIcon")
HOME = WindowRef(8, 4242, "AliWorkbench.exe", "倪好数码:小柒-千牛工作台", False, "Qt5152QWindowIcon")
NOTEPAD = WindowRef(9, 5000, "notepad.exe", "记事本")
BOX = Region(0, 0, 10, 10)


class FakeReader(Reader):
    """Returns the next scripted poll: a list of events, or an exception to raise."""

    def __init__(self, source: str, polls=()) -> None:
        self.source = source
        self.polls = list(polls)
        self.calls: list[tuple[int, str]] = []
        self.closed = False
        self.idled = 0

    def idle(self) -> None:
        self.idled += 1

    def read(self, window, client, now):
        self.calls.append((window.id, client))
        result = self.polls.pop(0) if self.polls else []
        if isinstance(result, Exception):
            raise result
        return result

    def close(self) -> None:
        self.closed = True


def ev(kind: str, buyer: str = "", source: str = SIGHT, text: str = "", at: dt.datetime = T0) -> ReaderEvent:
    return ReaderEvent(kind, buyer, at, source, "", text)


@pytest.fixture
def make_hub(qapp):
    def make(window=QIANNIU, calibrated=("千牛",), **settings):
        values = {
            **DEFAULTS,
            "reader.sight": True,
            "reader.regions": format_regions({c: Regions(BOX, BOX, BOX) for c in calibrated}),
            **settings,
        }
        tracker = SimpleNamespace(last_external=window)
        readers = {UI_TREE: FakeReader(UI_TREE), SIGHT: FakeReader(SIGHT), MANUAL: ManualReader()}
        clock = FakeClock(T0)
        hub = ReaderHub(tracker, {k: (lambda r=r: r) for k, r in readers.items()}, values, clock)
        seen, live = [], []
        hub.reader_event.connect(seen.append)
        hub.live_changed.connect(lambda *args: live.append(args))
        return SimpleNamespace(hub=hub, tracker=tracker, readers=readers, clock=clock, seen=seen, live=live)

    return make


def test_no_chat_window_no_work(make_hub) -> None:
    for window in (None, NOTEPAD, HOME):  # nothing, another program, the workbench home
        t = make_hub(window)
        assert t.hub.poll() == [] and t.hub.live == ("", "", "")
        assert t.readers[UI_TREE].calls == [] and t.readers[SIGHT].calls == []


def test_readers_in_order_with_fallback_and_retry(make_hub) -> None:
    t = make_hub()
    t.readers[UI_TREE].polls = [ReaderUnavailable("千牛 界面元素不可读"), ReaderUnavailable("仍不可读")]
    t.readers[SIGHT].polls = [[ev(BUYER_MESSAGE, "tb_云朵朵")]]
    assert t.hub.sources_for("千牛") == [UI_TREE, SIGHT, MANUAL]
    assert [e.kind for e in t.hub.poll()] == [BUYER_MESSAGE]
    assert t.live == [("千牛", SIGHT, "千牛 界面元素不可读")]
    t.hub.poll()  # ui_tree is not asked again at once
    assert t.readers[UI_TREE].calls == [(7, "千牛")] and len(t.readers[SIGHT].calls) == 2
    t.clock.advance(seconds=RETRY_AFTER.total_seconds())
    t.readers[UI_TREE].polls = [[]]
    t.hub.poll()
    assert len(t.readers[UI_TREE].calls) == 2 and t.live[-1] == ("千牛", UI_TREE, "")


def test_a_reader_that_stays_unavailable_is_logged_once_per_reason(make_hub, caplog) -> None:
    """Retried every RETRY_AFTER all day (UI Automation off Windows, a 千牛 build it cannot read): the log
    says so when the reason is new, not 360 times an hour."""
    t = make_hub()
    caplog.set_level("INFO", logger="desktop_assistant.os_integration.readers.hub")
    for reason in (
        "界面元素读取只在 Windows 上可用",
        "界面元素读取只在 Windows 上可用",
        "千牛 界面元素不可读",
        "千牛 界面元素不可读",
    ):
        t.readers[UI_TREE].polls = [ReaderUnavailable(reason)]
        t.hub.poll()
        t.clock.advance(seconds=RETRY_AFTER.total_seconds())
    assert len(t.readers[UI_TREE].calls) == 4
    assert [r.getMessage() for r in caplog.records if "unavailable" in r.getMessage()] == [
        "ui_tree reader unavailable for 千牛: 界面元素读取只在 Windows 上可用",
        "ui_tree reader unavailable for 千牛: 千牛 界面元素不可读",
    ]


def test_sight_only_when_on_and_calibrated_else_manual(make_hub) -> None:
    t = make_hub(calibrated=(), **{"reader.ui_tree": False})
    assert t.hub.sources_for("千牛") == [MANUAL]
    t.hub.poll()
    assert t.live == [("千牛", MANUAL, "")] and t.readers[SIGHT].calls == []
    t = make_hub(**{"reader.ui_tree": False, "reader.sight": False})
    assert t.hub.sources_for("千牛") == [MANUAL]


def test_a_nick_read_once_is_read_again_soon_not_at_the_next_tick(make_hub) -> None:
    """Read twice before it counts: the second read comes RECHECK_MS later, so a switch is followed within
    1 s (docs/reading.md) even when it was drawn just after a tick (two ticks and the OCR took up to 1.3 s)."""
    t = make_hub(**{"reader.ui_tree": False})
    sight = t.readers[SIGHT]
    sight.confirming = lambda: True
    t.hub.poll()
    assert not t.hub.recheck.isActive()  # a hub that is not running does not start to
    t.hub.start()
    t.hub.poll()
    assert t.hub.recheck.isActive() and t.hub.recheck.interval() == RECHECK_MS < t.hub.timer.interval() / 2
    sight.confirming = lambda: False
    t.hub.recheck.stop()
    t.hub.poll()
    assert not t.hub.recheck.isActive()
    sight.confirming = lambda: True
    t.hub.poll()
    t.hub.stop()
    assert not t.hub.recheck.isActive()


def test_a_reader_that_cannot_be_built_hands_over(make_hub, qapp) -> None:
    def broken():
        raise ReaderUnavailable("未安装 OCR")

    hub = ReaderHub(
        SimpleNamespace(last_external=QIANNIU),
        {SIGHT: broken, MANUAL: ManualReader},
        {**DEFAULTS, "reader.sight": True, "reader.regions": format_regions({"千牛": Regions(BOX, BOX, BOX)})},
        FakeClock(T0),
    )
    hub.poll()
    assert hub.live == ("千牛", MANUAL, "未安装 OCR")


def test_the_active_buyer_switches_on_the_readers_confirmed_nick_at_once(make_hub) -> None:
    # Readers confirm (read twice) before they report: a second confirmation here would cost a poll.
    t = make_hub(**{"reader.ui_tree": False})
    t.readers[SIGHT].polls = [
        [ev(ACTIVE_BUYER, "小熊")],
        [],
        [ev(ACTIVE_BUYER, "小熊")],  # reported again (a reader restarted): no second switch
        [ev(ACTIVE_BUYER, "")],  # nothing readable: never a switch to nobody
        [ev(ACTIVE_BUYER, "tb_b")],
    ]
    results = [[(e.kind, e.buyer) for e in t.hub.poll()] for _ in range(5)]
    assert results == [[(ACTIVE_BUYER, "小熊")], [], [], [], [(ACTIVE_BUYER, "tb_b")]]
    assert all(e.platform == "千牛" and e.source == SIGHT for e in t.seen)


def test_bubbles_without_a_buyer_belong_to_the_open_chat(make_hub) -> None:
    t = make_hub(**{"reader.ui_tree": False})
    t.readers[SIGHT].polls = [
        [ev(BUYER_MESSAGE)],  # no buyer known yet: nobody to time
        [ev(ACTIVE_BUYER, "小熊"), ev(BUYER_MESSAGE)],
        [ev(ACTIVE_BUYER, "tb_b"), ev(BUYER_MESSAGE), ev(UNREAD_BADGE, "老客户", at=T0)],
        [ev(AGENT_MESSAGE), ev(BUYER_MESSAGE, "小熊")],  # a bubble the reader names keeps its buyer
    ]
    got = [[(e.kind, e.buyer) for e in t.hub.poll()] for _ in range(4)]
    assert got == [
        [],
        [(ACTIVE_BUYER, "小熊"), (BUYER_MESSAGE, "小熊")],
        [(ACTIVE_BUYER, "tb_b"), (BUYER_MESSAGE, "tb_b"), (UNREAD_BADGE, "老客户")],
        [(AGENT_MESSAGE, "tb_b"), (BUYER_MESSAGE, "小熊")],
    ]


def test_message_text_is_kept_only_with_question_capture_on(make_hub) -> None:
    for capture, expected in ((False, ""), (True, "有货吗")):
        t = make_hub(**{"reader.ui_tree": False, "reader.capture_questions": capture})
        t.readers[SIGHT].polls = [[ev(BUYER_MESSAGE, "小熊", text="有货吗")]]
        [event] = t.hub.poll()
        assert event.text == expected and t.seen[0].text == expected


def test_settings_change_the_rules_and_stop_closes_the_readers(make_hub) -> None:
    t = make_hub(**{"reader.ui_tree": False})
    t.hub.poll()
    assert t.live[-1][:2] == ("千牛", SIGHT)
    t.hub.apply_settings({**DEFAULTS, "conversation.title_rules": "京东 | dd*.exe | 聊天 | 咚咚"})
    t.hub.poll()
    assert t.live[-1] == ("", "", "")  # 千牛 is no client any more
    assert t.hub.timer.interval() == DEFAULTS["reader.interval_ms"]
    t.hub.start()
    assert t.hub.timer.isActive()
    t.hub.stop()
    assert t.readers[SIGHT].closed and not t.hub.timer.isActive()


def test_the_status_strip_says_which_reader_is_live(qapp) -> None:
    from desktop_assistant.ui.status_strip import StatusStrip

    strip = StatusStrip()
    assert strip.reader_label.isHidden()
    strip.set_reader("千牛", SIGHT, "千牛 界面元素不可读")
    assert strip.reader_label.text() == "读取：千牛 · 屏幕识别" and not strip.reader_label.isHidden()
    assert strip.reader_label.toolTip() == "千牛 界面元素不可读"
    strip.set_reader("千牛", MANUAL)
    assert strip.reader_label.text() == "读取：千牛 · 手动"
    strip.set_reader("", "", "")
    assert strip.reader_label.isHidden()


def test_without_a_chat_window_for_a_while_the_readers_let_go_of_what_they_can_reload(make_hub) -> None:
    h = make_hub(**{"reader.ui_tree": False})
    h.hub.poll()  # sight read the chat window
    assert h.hub.release.interval() == IDLE_RELEASE_MS
    h.tracker.last_external = NOTEPAD
    h.hub.poll()
    assert h.hub.release.isActive()
    h.hub.poll()  # still away: the timer is not started again
    h.hub.release.timeout.emit()  # (IDLE_RELEASE_MS passed)
    assert h.readers[SIGHT].idled == 1 and not h.readers[SIGHT].closed
    h.tracker.last_external = QIANNIU
    h.hub.poll()
    h.tracker.last_external = NOTEPAD
    h.hub.poll()
    assert h.hub.release.isActive()
    h.tracker.last_external = QIANNIU
    h.hub.poll()  # back before the time is up: nothing is released
    assert not h.hub.release.isActive()


def test_the_client_of_a_window_is_found_by_the_title_rules_as_the_hub_does() -> None:
    rules = str(DEFAULTS["conversation.title_rules"])
    assert chat_client(QIANNIU, rules) == "千牛"
    assert chat_client(HOME, rules) == ""  # 千牛's home: the same process, no chat window
    assert chat_client(NOTEPAD, rules) == "" and chat_client(None, rules) == ""
    assert chat_client(QIANNIU, "千牛 | aliworkbench* | 聊天 | (") == ""  # unusable rules: nothing
