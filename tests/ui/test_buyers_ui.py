"""买家 tab in the running application: the issue's example buyer, one-click lists with who and when,
and the warning when a blacklisted buyer's chat window comes to the front."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_assistant.os_integration.foreground import WindowRef


@pytest.fixture
def app(agents_app, record):
    agents_app.warned = record(agents_app.buyers.warning)
    return agents_app


def fill(tab, **values) -> None:
    for name, value in values.items():
        widget = tab.ints.get(name) or getattr(tab, name)
        widget.setText(value)


def test_a_two_week_old_account_with_70_percent_and_a_celebrity_receiver_is_high_risk(app, clock, qtbot):
    tab = app.buyers.tab
    app.panel.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.nick_edit, "xiaoming")
    qtbot.keyClick(tab.nick_edit, Qt.Key.Key_Return)
    assert tab.gauge.score is None and "还没有资料" in tab.level_label.text()
    fill(
        tab,
        registered_on=(clock.now().date() - dt.timedelta(days=14)).isoformat(),
        positive_rate="70",
        receiver_name="周杰伦",
    )
    tab.save_button.click()
    assert tab.gauge.score == 95 and tab.gauge.level == "high"
    assert "高风险" in tab.level_label.text() and "旺旺" in tab.advice_label.text()
    lines = [tab.reasons.item(i).text() for i in range(tab.reasons.count())]
    assert len(lines) == 3
    assert lines[0].startswith("+35") and "70%" in lines[0]
    assert lines[1].startswith("+30") and "14 天" in lines[1]
    assert lines[2].startswith("+30") and "周杰伦" in lines[2]
    record = app.store.buyers.get("xiaoming")
    assert record.screenings[0].score == 95 and record.screenings[0].by == "A01"
    assert "筛查 95 分" in tab.history.item(0).text()


def test_blacklist_needs_a_reason_and_records_who_and_when(app, clock):
    tab = app.buyers.tab
    app.buyers.lookup("xiaoming")
    tab.black_button.click()
    assert "原因" in tab.message.text() and app.store.buyers.listing("xiaoming") is None
    tab.list_reason.setText("恶意差评, 要挟退款")
    tab.black_button.click()
    entry = app.store.buyers.listing("xiaoming")
    assert (entry.status, entry.reason, entry.added_by, entry.added_at) == (
        "black",
        "恶意差评, 要挟退款",
        "A01",
        clock.now(),
    )
    assert "黑名单" in tab.list_label.text() and "A01" in tab.list_label.text() and "09:00" in tab.list_label.text()
    assert tab.gauge.level == "high" and tab.reasons.item(0).text().startswith("+100")
    clock.advance(minutes=5)
    tab.list_reason.setText("误会")
    tab.unlist_button.click()
    assert app.store.buyers.listing("xiaoming") is None
    assert [status for status, *_ in app.store.buyers.list_history("xiaoming")] == ["black", "none"]
    assert "移出名单" in tab.history.item(0).text()


def test_a_blacklisted_buyer_is_flagged_when_their_chat_becomes_active(app, clock):
    app.store.buyers.set_list("tb_云朵朵", "black", "职业差评", "B02", clock.now())
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert app.warned and app.warned[0][0] == "注意：黑名单买家" and "职业差评" in app.warned[0][1]
    assert app.buyers.tab.nick_edit.text() == "tb_云朵朵" and app.buyers.tab.gauge.level == "high"
    assert "tb_云朵朵" in app.panel.status_strip.conversation_label.text()
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert len(app.warned) == 1  # the same chat staying in front is not announced again
    app.conversations.window_activated("AliIM.exe", "小熊 - 云朵家居:小美", window_class="StandardFrame")
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert len(app.warned) == 2


def test_the_foreground_tracker_feeds_the_active_buyer(desk_app):
    chat = WindowRef(id=9, pid=4243, process="AliIM.exe", title="小熊 - 云朵家居:小美", window_class="StandardFrame")
    other = WindowRef(id=10, pid=4244, process="notepad.exe", title="无标题 - 记事本")
    app, foreground, tracker = desk_app(other, chat, active=other.id)
    assert app.buyers.active_nick == ""
    foreground.active_id = chat.id
    tracker.refresh()
    assert app.buyers.active_nick == "小熊" and app.buyers.tab.nick_edit.text() == "小熊"


def test_the_buyer_of_an_order_opened_in_notes_is_looked_up(app):
    app.store.buyers.set_list("小熊", "white", "老客户", "A01", dt.datetime(2026, 11, 1))
    app.notes.notes_tab.open_order("T1", "小熊")
    assert app.buyers.tab.nick_edit.text() == "小熊" and "白名单" in app.buyers.tab.list_label.text()
    assert app.warned == []


def test_red_flagged_orders_count_as_shop_history(app):
    notes = app.notes.notes_tab
    notes.open_order("T1", "小熊")
    notes.flag_buttons[1].click()
    notes.text_edit.setPlainText("买家威胁差评")
    notes.save_button.click()
    screening = app.buyers.lookup("小熊")
    assert [r.code for r in screening.reasons] == ["shop_history"]


def test_bad_profile_input_is_one_line_and_writes_nothing(app):
    tab = app.buyers.tab
    app.buyers.lookup("xiaoming")
    fill(tab, positive_rate="很高")
    tab.save_button.click()
    assert "positive_rate" in tab.message.text() and app.store.buyers.get("xiaoming") is None


def test_tags_and_notes_are_kept(app):
    tab = app.buyers.tab
    app.buyers.lookup("xiaoming")
    tab.tag_buttons[("会员等级", "VIP")].setChecked(True)
    tab.tag_buttons[("活动", "双11")].setChecked(True)
    tab.free_tags.setText("爱砍价，退货多")
    tab.notes.setPlainText("喜欢蓝色")
    tab.save_button.click()
    app.buyers.lookup("someone else")
    app.buyers.lookup("xiaoming")
    assert tab.tag_buttons[("会员等级", "VIP")].isChecked() and not tab.tag_buttons[("会员等级", "普通")].isChecked()
    assert tab.free_tags.text() == "爱砍价, 退货多" and tab.notes.toPlainText() == "喜欢蓝色"


def test_english_ui(app, qtbot):
    app.store.settings.set_many({"language": "en"})
    app.apply_settings(app.store.settings.all())
    tab = app.buyers.tab
    qtbot.waitUntil(lambda: tab.black_button.text() == "Blacklist")
    app.store.buyers.set_list("x1", "black", "r", "A01", dt.datetime(2026, 11, 1))
    app.buyers.lookup("x1")
    assert tab.level_label.text().startswith("High risk")
    assert "blacklist" in tab.reasons.item(0).text().lower()


def test_blacklist_import_and_export_from_the_tab(app, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    tab = app.buyers.tab
    app.buyers.lookup("坏人甲")
    source = tmp_path / "black.csv"
    source.write_text("买家,原因\n坏人甲,职业差评\n坏人乙,\n", "utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    assert not app.buyers.import_file(source, confirm=True)
    assert app.store.buyers.listing("坏人甲") is None
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    assert app.buyers.import_file(source, confirm=True)
    assert "已加入黑名单 2 人" in tab.message.text() and "黑名单" in tab.list_label.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("买家,登记时间\n丙,昨天\n", "utf-8")
    assert not app.buyers.import_file(bad)
    assert "第 2 行" in tab.message.text() and app.store.buyers.listing("丙") is None
    out = tmp_path / "out.xlsx"
    assert app.buyers.export_file(out) == 2 and out.exists()
    assert app.buyers.export_file(tmp_path / "out.txt") is None and ".csv" in tab.message.text()


def test_the_chat_in_front_fills_the_buyer_placeholder(app, im_target, qtbot):
    cf3 = next(p for p in app.phrases.library.all() if p.code == "cf3")  # {买家}亲，您的订单{订单号}…
    app.notes.notes_tab.open_order("T1", "小熊")
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    app.phrases.insert(cf3.id)
    qtbot.waitUntil(lambda: im_target.box != "", timeout=3000)
    assert im_target.box.startswith("tb_云朵朵亲，您的订单还在")  # not 小熊's order
    im_target.box = ""
    app.notes.notes_tab.open_order("T2", "tb_云朵朵")
    app.phrases.insert(cf3.id)
    qtbot.waitUntil(lambda: im_target.box != "", timeout=3000)
    assert im_target.box.startswith("tb_云朵朵亲，您的订单T2还在")


def test_a_blacklisted_buyers_chat_in_front_before_the_buyers_tab_is_built_is_flagged(make_app, clock):
    """The tabs are built one per turn of the event loop after the panel shows: a chat window already in
    front names the active conversation before 买家 exists. Its buyer must still be looked up and flagged."""
    app = make_app(defer_features=True)
    assert app.open_database()
    app.store.buyers.set_list("tb_云朵朵", "black", "职业差评", "B02", clock.now())
    app.build_ui()
    app.show()
    app.features_timer.stop()  # the steps by hand: conversations first, a chat comes to the front, the rest
    app._build_next_feature()
    app.features_timer.stop()
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert app.buyers is None and app.conversations.active == "tb_云朵朵"
    app.build_features()
    assert app.buyers.active_nick == "tb_云朵朵" and app.buyers.tab.nick_edit.text() == "tb_云朵朵"
    assert "注意：黑名单买家" in app.panel.status_strip.conversation_label.text()
