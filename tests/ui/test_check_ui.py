"""核对 tab in the running application: paste, parsed fields with warnings, ticks, the confirmation
message into the chat window, state per order, templates edited."""

from __future__ import annotations

import pytest

from tests.ui.conftest import open_tab

ORDER = "3852190467712"
PASTED = "张三，13812345678，浙江省 杭州市 西湖区 北山街道 文三路100号，310000"


@pytest.fixture
def app(agents_app):
    open_tab(agents_app, "核对")
    return agents_app


def start(app, text: str = PASTED):
    tab = app.checks.tab
    app.checks.open_order(ORDER)
    tab.paste_box.setPlainText(text)
    tab.parse_button.click()
    return tab


def test_paste_tick_and_one_click_puts_the_message_into_the_chat(app, im_target, qtbot):
    tab = start(app)
    assert [tab.fields[k].text() for k in ("name", "phone", "province", "city", "district", "street", "detail")] == [
        "张三",
        "13812345678",
        "浙江省",
        "杭州市",
        "西湖区",
        "北山街道",
        "文三路100号",
    ]
    assert tab.warnings_label.text() == ""
    assert tab.values["收货人"].text() == "张三" and tab.values["详细地址"].text() == "文三路100号"
    tab.values["规格(颜色/尺码)"].setText("雾霾蓝 M")
    tab.values["数量"].setText("1")
    tab.values["快递可达/指定快递"].setText("顺丰")
    for label in ("收货人", "手机号", "省市区街道", "详细地址", "规格(颜色/尺码)", "数量"):
        tab.ticks[label].setChecked(True)
    tab.message_button.click()
    text = tab.preview.toPlainText()
    assert "收货人：张三" in text and "电话：138****5678" in text and "13812345678" not in text
    assert "地址：浙江省杭州市西湖区北山街道文三路100号" in text and "规格：雾霾蓝 M" in text
    assert "快递：顺丰" in text and "赠品" not in text and "：无" not in text and "{" not in text  # blank: left out
    tab.send_button.click()
    qtbot.waitUntil(lambda: im_target.box != "", timeout=3000)
    assert im_target.box == text
    tab.mask_box.setChecked(False)
    tab.message_button.click()
    assert "电话：13812345678" in tab.preview.toPlainText()


def test_warnings_are_shown_inline_in_chinese(app):
    tab = start(app, "朝阳区建国路 王五 1381234567")
    warnings = tab.warnings_label.text()
    assert "多个城市" in warnings and "位数不对" in warnings and "门牌号" in warnings


def test_a_cod_order_gets_the_service_fee_line(app):
    tab = start(app)
    tab.values["货到付款服务费"].setText("8元")
    tab.message_button.click()
    assert "货到付款服务费" not in tab.preview.toPlainText()  # paid online: the line is not sent
    tab.cod_box.setChecked(True)
    tab.message_button.click()
    assert "货到付款服务费：8元" in tab.preview.toPlainText()


def test_masked_data_is_named_not_called_missing(app):
    tab = start(app, "收货人：张**，手机：186****5678，地址：浙江省杭州市西湖区***街道文三路100号，000000")
    assert (tab.fields["name"].text(), tab.fields["phone"].text(), tab.fields["postcode"].text()) == (
        "张**",
        "186****5678",
        "",
    )
    warnings = tab.warnings_label.text()
    assert "打码" in warnings and "没有找到" not in warnings and "masked" not in warnings


def test_state_is_saved_per_order_and_resumable(app):
    tab = start(app)
    tab.ticks["收货人"].setChecked(True)
    tab.values["赠品"].setText("袜子")
    tab.save_button.click()
    assert "还差" in tab.message.text()
    assert tab.incomplete.count() == 1 and ORDER in tab.incomplete.item(0).text()
    app.checks.open_order("999")
    assert tab.fields["name"].text() == "" and not tab.ticks["收货人"].isChecked()
    tab.incomplete.itemClicked.emit(tab.incomplete.item(0))
    assert tab.order_edit.text() == ORDER and tab.ticks["收货人"].isChecked()
    assert tab.values["赠品"].text() == "袜子" and tab.fields["detail"].text() == "文三路100号"
    for label, box in tab.ticks.items():
        if box.isVisible() or label != "货到付款服务费":
            box.setChecked(True)
    tab.save_button.click()
    assert "核对完成" in tab.message.text() and tab.incomplete.count() == 0


def test_the_cod_item_only_for_cash_on_delivery(app):
    tab = start(app)
    tab.show()
    assert not tab.ticks["货到付款服务费"].isVisible()
    tab.cod_box.setChecked(True)
    assert tab.ticks["货到付款服务费"].isVisible()
    app.checks.save()
    assert "货到付款服务费" in tab.message.text()


def test_the_after_sales_template_and_editing_templates(app):
    tab = start(app)
    tab.template_box.setCurrentText("售后")
    assert list(tab.ticks) == ["联系买家", "核实情况", "安抚致歉", "协调方案", "跟进处理", "备案登记"]
    tab.values["核实情况"].setText("杯子运输破损")
    tab.values["协调方案"].setText("补发一个")
    tab.message_button.click()
    assert "杯子运输破损" in tab.preview.toPlainText() and "补发一个" in tab.preview.toPlainText()
    dialog = app.checks.edit_template()
    items, message, error = dialog.items, dialog.message, dialog.error
    message.setPlainText("亲，{不存在}")
    dialog.save()
    assert "不存在" in error.text() and dialog.isVisible()
    items.setPlainText("联系买家\n核实情况\n回访")
    message.setPlainText("亲，已为您处理：{核实情况}，稍后回访~")
    dialog.save()
    assert list(tab.ticks) == ["联系买家", "核实情况", "回访"]
    tab.values["核实情况"].setText("已补发")
    tab.message_button.click()
    assert tab.preview.toPlainText() == "亲，已为您处理：已补发，稍后回访~"
    assert [t.name for t in app.store.checks.templates()] == ["售前核对", "售后"]


def test_the_order_opened_in_notes_comes_over(app):
    app.notes.notes_tab.open_order(ORDER, "tb_云朵朵")
    assert app.checks.tab.order_edit.text() == ORDER and app.checks.tab.buyer_edit.text() == "tb_云朵朵"


def test_a_bad_order_id_is_refused_inline(app):
    assert not app.checks.open_order("T 1")
    assert "订单号" in app.checks.tab.message.text()


def test_one_click_sends_the_message_of_the_form_as_it_is_now(app, im_target, qtbot):
    tab = start(app)
    tab.values["赠品"].setText("袜子")
    tab.send_button.click()  # no preview made: one click makes and sends it
    qtbot.waitUntil(lambda: "赠品：袜子" in im_target.box, timeout=3000)
    im_target.box = ""
    tab.values["赠品"].setText("帽子")
    tab.send_button.click()  # the preview shows the old message: the form wins
    qtbot.waitUntil(lambda: "赠品：帽子" in im_target.box, timeout=3000)
    im_target.box = ""
    tab.preview.setPlainText("亲，手写的核对")
    tab.send_button.click()  # edited by hand: sent as edited
    qtbot.waitUntil(lambda: im_target.box == "亲，手写的核对", timeout=3000)


def test_the_lists_come_from_the_settings(app):
    app.store.settings.set_many({"lists.remote_areas": "浙江省", "lists.pickup_words": "门卫室"})
    tab = start(app, "张三 13812345678 浙江省杭州市西湖区文三路100号门卫室")
    assert "偏远地区" in tab.warnings_label.text() and "代收点" in tab.warnings_label.text()


def test_the_buyer_of_the_chat_in_front_comes_over(app):
    app.checks.open_order(ORDER)
    app.conversations.window_activated("AliIM.exe", "tb_云朵朵 - 云朵家居:小美", window_class="StandardFrame")
    assert app.checks.tab.buyer_edit.text() == "tb_云朵朵"
