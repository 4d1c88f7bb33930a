"""备注 and 待办 in the running application: versions with who and when, the byte counter, the memo
line, promise reminders before they are due (fake clock), and 催付 with its phrase one click away."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_assistant.domain.promises import validated_promise
from tests.ui.conftest import open_tab

ORDER = "3852190467712"


@pytest.fixture
def app(agents_app, record):
    agents_app.notified = record(agents_app.notes.notify)
    return agents_app


def write(tab, text: str, flag: int, reason: str = "") -> None:
    tab.flag_buttons[flag].click()
    tab.text_edit.setPlainText(text)
    tab.reason_edit.setText(reason)
    tab.save_button.click()


def test_flag_red_change_twice_and_see_three_versions_with_who_and_when(app, clock, qtbot):
    tab = app.notes.notes_tab
    app.panel.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.order_edit, ORDER)
    qtbot.keyClick(tab.order_edit, Qt.Key.Key_Return)
    assert "还没有备注" in tab.current_chip.text()
    tab.buyer_edit.setText("tb_云朵朵")
    write(tab, "赠袜子, 顺丰", 1, "买家要求")
    clock.advance(minutes=3)
    app.store.settings.set("agent_id", "B07")
    write(tab, "赠袜子, 顺丰, 周五前发", 1, "买家催")
    clock.advance(minutes=10)
    write(tab, "赠袜子, 改发韵达", 2, "顺丰不到")
    assert tab.history.count() == 3
    newest, middle, oldest = (tab.history.item(i).text() for i in range(3))
    assert "第 3 版" in newest and "09:13" in newest and "B07" in newest and "黄" in newest and "顺丰不到" in newest
    assert "第 2 版" in middle and "09:03" in middle and "B07" in middle and "周五前发" in middle
    assert "第 1 版" in oldest and "09:00" in oldest and "A01" in oldest and "红" in oldest and "赠袜子, 顺丰" in oldest
    assert "黄" in tab.current_chip.text() and "可疑订单" in tab.current_chip.text()
    assert [v.text for v in app.store.notes.history(ORDER)] == [
        "赠袜子, 顺丰",
        "赠袜子, 顺丰, 周五前发",
        "赠袜子, 改发韵达",
    ]


def test_a_change_without_a_reason_is_refused_inline_and_writes_nothing(app):
    tab = app.notes.notes_tab
    tab.open_order(ORDER)
    write(tab, "赠袜子", 1)
    write(tab, "赠袜子和帽子", 1)
    assert "变动事由" in tab.message.text()
    assert [v.text for v in app.store.notes.history(ORDER)] == ["赠袜子"]


def test_the_counter_shows_bytes_left_and_refuses_more_than_1000(app):
    tab = app.notes.notes_tab
    tab.open_order(ORDER)
    tab.text_edit.setPlainText("赠" * 300)  # 900 of the 1000 bytes (the empty box says 1000 left)
    assert tab.counter.text() == "还可输入 100 字节" and tab.save_button.isEnabled()
    tab.text_edit.setPlainText("赠" * 334)
    assert "超出 2 字节" in tab.counter.text() and not tab.save_button.isEnabled()
    tab.save()  # even if called directly
    assert app.store.notes.history(ORDER) == []


def test_search_by_text_buyer_and_flag_colour(app, qtbot):
    tab = app.notes.notes_tab
    for order, buyer, flag, text in (
        (ORDER, "tb_云朵朵", 1, "赠袜子, 顺丰"),
        ("3852190000001", "小熊", 3, "退换中 换大一码"),
    ):
        tab.open_order(order)
        tab.buyer_edit.setText(buyer)
        write(tab, text, flag)
    tab.search_box.setText("袜子")  # typed: the search runs after a short pause
    qtbot.waitUntil(lambda: tab.results.count() == 1)
    assert ORDER in tab.results.item(0).text()
    tab.search_box.setText("小熊")
    tab.refresh_results()
    assert tab.results.count() == 1 and "3852190000001" in tab.results.item(0).text()
    tab.search_box.clear()
    tab.flag_filter.setCurrentIndex(tab.flag_filter.findData(1))
    assert [tab.results.item(i).text().split()[0] for i in range(tab.results.count())] == [ORDER]
    tab.results.itemClicked.emit(tab.results.item(0))
    assert tab.order_edit.text() == ORDER and tab.text_edit.toPlainText() == "赠袜子, 顺丰"


def test_memo_line_is_copied_and_can_go_into_the_note(app, clock, qapp):
    tab = app.notes.notes_tab
    tab.open_order(ORDER)
    tab.text_edit.setPlainText("赠袜子")
    dialog = app.notes.open_memo()
    dialog.changed_edit.setText("地址改为杭州")
    dialog.gift_edit.setText("袜子")
    dialog.ship_edit.setText("顺丰")
    dialog.reason_edit.setText("买家要求")
    expected = "【客服】小王 11-11 09:00 【改】地址改为杭州 【赠】袜子 【发】顺丰 【因】买家要求"
    assert dialog.preview.text() == expected
    dialog.copy_button.click()
    assert qapp.clipboard().text() == expected
    dialog.use_button.click()
    assert tab.text_edit.toPlainText() == "赠袜子\n" + expected


def test_a_promise_due_in_ten_minutes_reminds_before_it_is_due(app, clock):
    app.notes.notes_tab.open_order(ORDER)
    dialog = app.notes.open_promise_dialog(ORDER, "tb_云朵朵")
    dialog.text_edit.setText("十分钟后回复买家到货时间")
    dialog.set_due(clock.now() + dt.timedelta(minutes=10))
    dialog._check()
    assert app.store.promises.open()[0].text == "十分钟后回复买家到货时间"
    clock.advance(minutes=4)
    app.notes.tick()
    assert app.notified == [] and app.notes.badge == 0
    clock.advance(minutes=1)  # five minutes before due: the default lead
    app.notes.tick()
    assert app.notified == [("承诺快到期", f"09:10 十分钟后回复买家到货时间 ({ORDER} tb_云朵朵)")]
    assert app.notes.badge == 1 and "待办 (1)" in app.panel.tabs.tabText(app.panel.tabs.indexOf(app.notes.agenda_tab))
    app.notes.tick()
    assert len(app.notified) == 1  # once
    clock.advance(minutes=6)
    app.notes.tick()
    assert app.notified[-1][0] == "承诺已超时"
    assert app.tray._overdue == ["09:10 十分钟后回复买家到货时间"]
    item = app.notes.agenda_tab.promise_list.item(0)
    assert "已超时 1 分钟" in item.text()
    app.notes.agenda_tab.promise_list.setCurrentItem(item)
    app.notes.agenda_tab.done_button.click()
    assert app.notes.badge == 0 and app.tray._overdue == [] and app.store.promises.open() == []


def test_overdue_promises_stay_listed_after_a_restart_without_repeating_the_reminder(make_app, app, clock, monkeypatch):
    now = clock.now()
    app.store.promises.add(validated_promise("回电话", now + dt.timedelta(minutes=1), "", "熊", now), "A01", now)
    clock.advance(minutes=30)
    app.notes.tick()
    assert [title for title, _ in app.notified] == ["承诺已超时"]
    app.shutdown()
    again = make_app()
    assert again.open_database()
    heard: list[str] = []
    monkeypatch.setattr(again, "_notify", lambda title, _message: heard.append(title))  # before it is connected
    again.build_ui()
    again.show()
    assert heard == [] and "已超时 29 分钟" in again.notes.agenda_tab.promise_list.item(0).text()


def test_bad_promise_input_is_shown_in_the_dialog(app, clock):
    dialog = app.notes.open_promise_dialog()
    dialog.set_due(clock.now() - dt.timedelta(minutes=5))
    dialog.text_edit.setText("x")
    dialog._check()
    assert "已经过了" in dialog.error.text() and dialog.isVisible()
    assert app.store.promises.open() == []


def test_unpaid_order_reminds_and_sends_the_urge_phrase_with_order_and_buyer(app, clock, im_target, qtbot):
    agenda = app.notes.agenda_tab
    clock.advance(hours=8)  # 17:00, after the 16:00 cut-off: the general phrase (cf3) with {买家}{订单号}
    agenda.order_edit.setText(ORDER)
    agenda.buyer_edit.setText("tb_云朵朵")
    agenda.placed_minutes.setValue(5)
    agenda.add_unpaid_button.click()
    assert "已加入催付" in agenda.message.text() and agenda.unpaid_list.count() == 1
    assert "下次提醒 17:10" in agenda.unpaid_list.item(0).text()
    agenda.order_edit.setText(ORDER)
    agenda.add_unpaid_button.click()
    assert "已在催付列表" in agenda.message.text() and len(app.store.promises.open_unpaid()) == 1
    clock.advance(minutes=10)
    app.notes.tick()
    assert app.notified == [("该催付了", f"{ORDER} tb_云朵朵：在「待办」点「发催付话术」")]
    agenda.unpaid_list.setCurrentRow(0)
    agenda.urge_button.click()
    qtbot.waitUntil(lambda: ORDER in im_target.box, timeout=3000)
    assert im_target.box.startswith("tb_云朵朵亲，您的订单" + ORDER)
    agenda.paid_button.click()
    assert app.store.promises.open_unpaid() == [] and agenda.unpaid_list.count() == 0


def test_before_the_cutoff_the_same_day_phrase_is_sent(app, clock, im_target, qtbot):
    app.notes.add_unpaid(ORDER, "", 0)
    agenda = app.notes.agenda_tab
    agenda.unpaid_list.setCurrentRow(0)
    agenda.urge_button.click()
    qtbot.waitUntil(lambda: "今天就能发货" in im_target.box, timeout=3000)


def test_a_missing_urge_phrase_is_explained(app):
    app.store.settings.set("urge.phrase_before_cutoff", "nope")
    app.notes.add_unpaid(ORDER, "", 0)
    app.notes.urge(app.store.promises.open_unpaid()[0].id)
    assert "nope" in app.notes.agenda_tab.message.text()


def test_the_open_order_fills_the_order_placeholder_of_any_phrase(app, im_target, qtbot):
    tab = app.notes.notes_tab
    tab.open_order(ORDER, "tb_云朵朵")
    cf3 = next(p for p in app.phrases.library.all() if p.code == "cf3")
    app.phrases.insert(cf3.id)
    qtbot.waitUntil(lambda: ORDER in im_target.box, timeout=3000)
    assert "tb_云朵朵" in im_target.box


def test_english_ui(app, qtbot):
    tab = open_tab(app, "备注")  # built, then switched
    values = {**app.store.settings.all(), "language": "en"}
    app.store.settings.set_many({"language": "en"})
    app.apply_settings(values)
    qtbot.waitUntil(lambda: tab.save_button.text() == "Save note")
    qtbot.waitUntil(lambda: app.panel.tabs.tabText(app.panel.tabs.indexOf(tab)) == "Notes")
    assert app.notes.agenda_tab.new_promise_button.text() == "New promise…"
    tab.open_order(ORDER)
    write(tab, "x", 1)
    write(tab, "y", 1)
    assert tab.message.text() == "Changing an existing note needs a reason"
