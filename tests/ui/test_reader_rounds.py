"""Automatic rounds (docs/conversations.md + docs/reading.md): what the readers saw becomes conversations, rounds
and timers with no keypress; every stored event keeps its source; the seller's account is never a buyer."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.conversations import BUYER_WROTE, REPLIED, event_source, messages_of
from desktop_assistant.domain.kpi import kpis
from desktop_assistant.domain.reading import (
    ACTIVE_BUYER,
    AGENT_MESSAGE,
    BUYER_MESSAGE,
    SIGHT,
    UI_TREE,
    UNREAD_BADGE,
    ReaderEvent,
)
from tests.ui.conftest import open_tab

ALL = (dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1))


@pytest.fixture
def app(agents_app):
    return agents_app


def seen(kind: str, buyer: str, at: dt.datetime, source: str = SIGHT) -> ReaderEvent:
    return ReaderEvent(kind, buyer, at, source, "千牛")


def stored(app) -> list[tuple]:
    return [(e.buyer, e.kind, e.source, e.at) for e in app.store.conversations.events_between(*ALL)]


def test_a_buyer_bubble_starts_the_round_at_its_time_and_an_agent_bubble_ends_it(app, clock) -> None:
    conversations = app.conversations
    now = clock.now()
    conversations.reader_event(seen(ACTIVE_BUYER, "tb_云朵朵", now))
    assert conversations.active == "tb_云朵朵" and app.buyers.active_nick == "tb_云朵朵"
    assert stored(app) == []  # switching to a chat is no message: no round yet
    printed = now - dt.timedelta(seconds=40)  # the time printed beside the bubble, already on screen
    conversations.reader_event(seen(BUYER_MESSAGE, "tb_云朵朵", printed))
    conversations.reader_event(seen(BUYER_MESSAGE, "tb_云朵朵", now))  # a second message: same round
    assert conversations.board.conversations["tb_云朵朵"].waiting_since == printed
    conversations.tick()
    assert conversations.tab.model.index(0, 3).data() == "0:40"
    clock.advance(seconds=5)
    conversations.reader_event(seen(AGENT_MESSAGE, "tb_云朵朵", clock.now()))
    conversation = conversations.board.conversations["tb_云朵朵"]
    assert conversation.waiting_since is None and conversation.last_response_s == 45
    assert [(b, k, s) for b, k, s, _ in stored(app)] == [
        ("tb_云朵朵", BUYER_WROTE, SIGHT),
        ("tb_云朵朵", BUYER_WROTE, SIGHT),
        ("tb_云朵朵", REPLIED, SIGHT),
    ]
    conversations.reader_event(seen(BUYER_MESSAGE, "tb_云朵朵", printed))  # the same bubble read again
    assert conversations.board.conversations["tb_云朵朵"].waiting_since is None and len(stored(app)) == 3
    figures = kpis(messages_of(app.store.conversations.events_between(*ALL)), None)
    assert figures["rounds"] == 1 and figures["answered"] == 1 and figures["avg_response_s"] == 45.0


def test_a_badge_on_another_buyer_gives_that_buyer_a_timer_and_keeps_the_active_one(app, clock) -> None:
    conversations = app.conversations
    conversations.reader_event(seen(ACTIVE_BUYER, "小熊", clock.now()))
    conversations.reader_event(seen(UNREAD_BADGE, "老客户", clock.now(), UI_TREE))
    conversations.reader_event(seen(UNREAD_BADGE, "老客户", clock.now() + dt.timedelta(seconds=1), UI_TREE))
    assert conversations.active == "小熊"
    assert conversations.board.conversations["老客户"].waiting_since == clock.now()
    assert [(b, k, s) for b, k, s, _ in stored(app)] == [("老客户", BUYER_WROTE, UI_TREE)]  # one round, one message


def test_a_phrase_ends_the_round_and_its_bubble_is_not_a_second_reply(app, clock) -> None:
    conversations = app.conversations
    conversations.reader_event(seen(ACTIVE_BUYER, "小熊", clock.now()))
    conversations.reader_event(seen(BUYER_MESSAGE, "小熊", clock.now()))
    clock.advance(seconds=3)
    conversations.agent_pasted(1)  # a phrase pasted into the chat: source phrase
    clock.advance(seconds=1)
    conversations.reader_event(seen(AGENT_MESSAGE, "小熊", clock.now()))  # the same message, now a bubble
    assert [(k, event_source(s)) for _b, k, s, _ in stored(app)] == [(BUYER_WROTE, SIGHT), (REPLIED, "phrase")]
    conversations.reader_event(seen(AGENT_MESSAGE, "小熊", clock.now()))  # a further message of the agent
    assert [k for _b, k, _s, _ in stored(app)][-1] == REPLIED and len(stored(app)) == 3


def test_the_seller_never_becomes_a_buyer_from_a_reader(app, clock) -> None:
    conversations = app.conversations
    app.store.settings.set("seller_accounts", "倪好数码:小柒")
    conversations.window_activated("AliWorkbench.exe", "小店:小美-接待中心", window_class="Qt5152QWindowIcon")
    for nick in ("倪好数码:小柒", "倪好数码", "小店:小美", "小店"):
        conversations.reader_event(seen(ACTIVE_BUYER, nick, clock.now()))
        conversations.reader_event(seen(BUYER_MESSAGE, nick, clock.now()))
    assert conversations.board.conversations == {} and conversations.active == "" and stored(app) == []


def test_manual_events_still_work_and_map_onto_manual(app) -> None:
    conversations = app.conversations
    conversations.new_conversation("小熊", "panel")
    conversations.buyer_wrote("hotkey")
    conversations.replied("button")
    assert [event_source(s) for _b, _k, s, _ in stored(app)] == ["manual", "manual", "manual"]
    assert [s for _b, _k, s, _ in stored(app)] == ["panel", "hotkey", "button"]  # the detail is kept
    assert event_source("paste") == "phrase" and event_source("") == "manual" and event_source("window") == "manual"


def test_the_reader_hub_is_wired_to_the_conversations_and_the_strip(desk_app) -> None:
    from desktop_assistant.os_integration.foreground import WindowRef

    qianniu = WindowRef(9, 4243, "AliWorkbench.exe", "小店:小美-接待中心", False, "Qt5152QWindowIcon")
    notepad = WindowRef(10, 4244, "notepad.exe", "无标题 - 记事本")
    app, foreground, tracker = desk_app(notepad, qianniu, active=notepad.id)
    hub = app.reader_hub
    assert hub is not None and hub.timer.isActive()
    hub.poll()
    assert app.panel.status_strip.reader_label.isHidden()  # no chat window: nothing read, nothing said
    foreground.active_id = qianniu.id
    tracker.refresh()
    hub.poll()  # UI Automation is Windows only and sight is off: manual is live
    assert app.panel.status_strip.reader_label.text() == "读取：千牛 · 手动"
    assert "小店:小美" in app.conversations.seller_accounts()
    hub.reader_event.emit(seen(ACTIVE_BUYER, "小熊", dt.datetime(2026, 11, 11, 9, 0)))
    assert app.conversations.active == "小熊"


def test_the_stats_tab_filters_on_the_source_that_started_the_round(app, clock) -> None:
    conversations = app.conversations
    conversations.reader_event(seen(ACTIVE_BUYER, "小熊", clock.now()))
    conversations.reader_event(seen(BUYER_MESSAGE, "小熊", clock.now()))
    clock.advance(seconds=10)
    conversations.agent_pasted(1)
    conversations.new_conversation("老客户", "panel")
    clock.advance(seconds=50)
    conversations.replied("button")
    open_tab(app, "统计")
    tab = app.stats.tab
    assert [tab.source.itemText(i) for i in range(tab.source.count())] == [
        "全部来源",
        "界面元素读取",
        "屏幕识别读取",
        "手动",
    ]
    assert app.stats.refresh().figures["rounds"] == 2
    tab.source.setCurrentIndex(tab.source.findData("sight"))
    assert app.stats.stats.figures["rounds"] == 1 and app.stats.stats.figures["avg_response_s"] == 10.0
    tab.source.setCurrentIndex(tab.source.findData("manual"))
    assert app.stats.stats.figures["avg_response_s"] == 50.0
    tab.source.setCurrentIndex(tab.source.findData("ui_tree"))
    assert app.stats.stats.figures["rounds"] == 0
