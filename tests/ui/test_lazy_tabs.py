"""备注, 核对, 买家 and 统计 are built the first time the agent opens them (issue 17 item 6): until then the tab bar
holds only their names. What happened before (an order opened in 备注, the buyer in front, a language or settings
change) reaches them when they are built; a risky buyer in front is warned about without the 买家 tab, and
promises are reminded of without the 备注 tab."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.ui.check_tab import CheckTab
from desktop_assistant.ui.stats_tab import StatsTab
from desktop_assistant.ui.widgets import LazyTab
from tests.ui.conftest import open_tab

ORDER = "3852190467712"
TITLES = ["短语", "会话", "备注", "待办", "核对", "买家", "统计", "概览"]


@pytest.fixture
def app(agents_app):
    agents_app.build_features()  # every start-up step, as the panel is once idle
    return agents_app


def titles(app) -> list[str]:
    return [app.panel.tabs.tabText(i) for i in range(app.panel.tabs.count())]


def waiting(app) -> list[str]:
    """The titles of the tabs not built yet."""
    tabs = app.panel.tabs
    return [tabs.tabText(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), LazyTab)]


def test_checks_and_stats_are_not_built_at_start(app) -> None:
    assert not app.starting and titles(app) == TITLES
    assert app.checks is None and app.stats is None and not app.notes.notes_tab_built
    assert app.panel.findChildren(CheckTab) == [] and app.panel.findChildren(StatsTab) == []
    assert waiting(app) == ["备注", "核对", "买家", "统计"] and not app.buyers.tab_built
    assert app.checks not in app.features.registered and app.panel.tabs.currentIndex() == 0


def test_stats_is_built_and_computed_when_first_opened(app, clock) -> None:
    for nick in ("a", "b"):
        app.conversations.new_conversation(nick, "panel")
        clock.advance(seconds=30)
        app.conversations.replied("button")
    index = TITLES.index("统计")
    shown = open_tab(app, "统计")
    assert app.stats is not None and shown is app.stats.tab and app.panel.tabs.currentIndex() == index
    assert titles(app) == TITLES and app.stats in app.features.registered
    assert app.stats.stats is not None and app.stats.stats.figures["rounds"] == 2  # shown: computed
    assert waiting(app) == ["备注", "核对", "买家"] and app.checks is None
    open_tab(app, "短语")
    open_tab(app, "统计")
    assert app.panel.findChildren(StatsTab) == [app.stats.tab]  # built once


def test_checks_gets_the_order_and_the_buyer_named_before_it_was_opened(app) -> None:
    assert app._order_context() == {"buyer": "", "order_id": ""}  # no 备注 tab, no order: nothing to fill
    open_tab(app, "备注").open_order(ORDER, "tb_云朵朵")
    assert app.notes.notes_tab_built and app._order_context() == {"buyer": "tb_云朵朵", "order_id": ORDER}
    app.conversations.window_activated("AliIM.exe", "tb_小熊 - 云朵家居:小美", window_class="StandardFrame")
    assert app.buyers.active_nick == "tb_小熊"
    open_tab(app, "核对")
    assert app.checks.tab.order_edit.text() == ORDER and app.checks.tab.buyer_edit.text() == "tb_云朵朵"
    assert app.checks.check.order_id == ORDER


def test_checks_gets_the_buyer_in_front_when_no_order_was_opened(app) -> None:
    app.conversations.window_activated("AliIM.exe", "tb_小熊 - 云朵家居:小美", window_class="StandardFrame")
    open_tab(app, "核对")
    assert app.checks.tab.buyer_edit.text() == "tb_小熊" and app.checks.tab.order_edit.text() == ""


def test_checks_opened_before_buyers_was_built_still_hears_the_buyer(make_app) -> None:
    app = make_app(defer_features=True)
    assert app.open_database()
    app.build_ui()
    app.show()
    app.features_timer.stop()
    while app.starting and "核对" not in waiting(app):
        app._build_next_feature()
        app.features_timer.stop()
    assert app.buyers is None  # 核对 is in the bar, 买家 not built yet: the agent opens 核对 now
    open_tab(app, "核对")
    app.build_features()
    app.conversations.window_activated("AliIM.exe", "tb_小熊 - 云朵家居:小美", window_class="StandardFrame")
    assert app.checks.tab.buyer_edit.text() == "tb_小熊"


def test_a_blacklisted_buyer_in_front_is_warned_before_the_buyers_tab_was_ever_opened(app, clock, record) -> None:
    warned = record(app.buyers.warning)
    app.store.buyers.set_list("tb_云朵朵", "black", "职业差评", "B02", clock.now())
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert warned and warned[0][0] == "注意：黑名单买家" and "职业差评" in warned[0][1]
    assert not app.buyers.tab_built and waiting(app) == ["备注", "核对", "买家", "统计"]
    app.conversations.window_activated("AliIM.exe", "小熊 - 云朵家居:小美", window_class="StandardFrame")
    assert len(warned) == 1 and app.buyers.active_nick == "小熊"  # no record, nothing to say
    app.store.settings.set_many({"screen.level_medium": 70, "screen.level_high": 90})
    app.apply_settings(app.store.settings.all())  # the rules change without the tab
    shown = open_tab(app, "买家")
    assert shown is app.buyers.tab and app.buyers.tab_built and waiting(app) == ["备注", "核对", "统计"]
    assert shown.nick_edit.text() == "小熊"  # the buyer in front, looked up when the tab is built
    assert (shown.gauge.medium, shown.gauge.high) == (70, 90)  # with the rules of now
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert shown.nick_edit.text() == "tb_云朵朵" and len(warned) == 2  # built: it follows the chat in front


def test_promises_are_reminded_of_before_the_notes_tab_was_ever_opened(app, clock, record) -> None:
    from desktop_assistant.domain.promises import validated_promise

    notified = record(app.notes.notify)
    due = clock.now() + dt.timedelta(minutes=10)
    app.store.promises.add(validated_promise("回复到货时间", due, ORDER, "tb_云朵朵", clock.now()), "A01", clock.now())
    app.store.settings.set("promises.remind_minutes", 15)
    app.apply_settings(app.store.settings.all())  # the lead changes without the tab, and the tick follows it
    assert notified == [("承诺快到期", f"09:10 回复到货时间 ({ORDER} tb_云朵朵)")] and app.notes.badge == 1
    assert app.notes.timer.isActive() and not app.notes.notes_tab_built
    assert "待办 (1)" in titles(app)
    tab = open_tab(app, "备注")
    assert tab is app.notes.notes_tab and waiting(app) == ["核对", "买家", "统计"]


def test_language_and_settings_reach_the_tabs_before_and_after_they_are_built(app, qtbot) -> None:
    app.store.settings.set("language", "en")
    app.apply_settings(app.store.settings.all())  # nothing built to follow: no crash
    qtbot.waitUntil(
        lambda: waiting(app) == ["Notes", "Check", "Buyer", "Stats"]
    )  # the placeholders follow the language
    open_tab(app, "Stats")
    assert app.stats.tab.refresh_button.text() == "Refresh"  # built in the language of the moment
    open_tab(app, "Check")
    app.store.settings.set_many({"language": "zh_CN", "lists.remote_areas": "浙江省"})
    app.apply_settings(app.store.settings.all())
    qtbot.waitUntil(lambda: app.stats.tab.refresh_button.text() == "刷新")  # built, then switched: follows
    assert titles(app) == TITLES
    app.checks.tab.paste_box.setPlainText("张三 13812345678 浙江省杭州市西湖区文三路100号")
    app.checks.tab.parse_button.click()
    assert "偏远地区" in app.checks.tab.warnings_label.text()  # the settings reach the parser


def test_the_smoke_test_builds_every_waiting_tab_in_place(app) -> None:
    app.panel.build_lazy_tabs()
    assert waiting(app) == []
    assert app.checks is not None and app.stats is not None and titles(app) == TITLES
    assert app.panel.tabs.currentIndex() == 0  # nothing was opened for the agent
