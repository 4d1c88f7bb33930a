"""Checklist templates and the confirmation message (docs/checklist.md)."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.checklist import (
    AFTERSALE,
    DEFAULT_TEMPLATES,
    PRESALE,
    ChecklistError,
    OrderCheck,
    parse_template,
    render_message,
    template_items_text,
    values_from_address,
)

ADDRESS = {
    "name": "张三",
    "phone": "13812345678",
    "phone_ext": "",
    "province": "北京市",
    "city": "北京市",
    "district": "朝阳区",
    "street": "望京街道",
    "detail": "阜通东大街6号",
    "postcode": "",
}


def presale():
    return parse_template(PRESALE, *DEFAULT_TEMPLATES[PRESALE])


def test_the_builtin_templates_have_the_designs_items():
    assert [i.label for i in presale().items] == [
        "收货人",
        "手机号",
        "省市区街道",
        "详细地址",
        "快递可达/指定快递",
        "规格(颜色/尺码)",
        "数量",
        "赠品",
        "发货时间承诺",
        "货到付款服务费",
        "备注已登记",
    ]
    assert [i.label for i in parse_template(AFTERSALE, *DEFAULT_TEMPLATES[AFTERSALE]).items] == [
        "联系买家",
        "核实情况",
        "安抚致歉",
        "协调方案",
        "跟进处理",
        "备案登记",
    ]
    assert [i.label for i in presale().items if i.cod_only] == ["货到付款服务费"]


def test_items_text_round_trips():
    template = presale()
    assert parse_template(template.name, template_items_text(template), template.message) == template


@pytest.mark.parametrize(
    "name, items, message, words",
    [
        ("", "a", "", "名称"),
        ("x" * 21, "a", "", "名称"),
        ("t", " \n ", "", "至少"),
        ("t", "a", "{b}", "{b}"),
    ],
)
def test_bad_templates(name, items, message, words):
    with pytest.raises(ChecklistError, match=words.replace("{", "\\{").replace("}", "\\}")):
        parse_template(name, items, message)


def test_message_masks_the_phone_and_leaves_blank_items_out():
    check = OrderCheck("T1", address=ADDRESS, values={"数量": "2", "赠品": "  "})
    text = render_message(presale(), check)
    assert "电话：138****5678" in text and "地址：北京市朝阳区望京街道阜通东大街6号" in text
    assert "数量：2" in text and "{" not in text
    assert "赠品" not in text and "规格" not in text and "快递：" not in text and "：无" not in text  # never "无"
    assert text.startswith("亲，跟您核对一下订单信息哦~\n收货人：张三\n") and text.endswith("有问题随时告诉我~")
    assert "\n\n" not in text
    assert "电话：13812345678" in render_message(presale(), check, masked=False)


def test_a_cod_order_carries_the_service_fee_line():
    values = {"数量": "1", "货到付款服务费": "8元（签收时付给快递员）"}
    cod = render_message(presale(), OrderCheck("T1", cod=True, address=ADDRESS, values=values))
    assert "货到付款服务费：8元（签收时付给快递员）" in cod
    assert cod.index("货到付款服务费") < cod.index("信息无误")
    paid = render_message(presale(), OrderCheck("T1", cod=False, address=ADDRESS, values=values))
    assert "货到付款" not in paid  # a value left from before the order was paid online is not sent
    assert "货到付款" not in render_message(presale(), OrderCheck("T1", cod=True, address=ADDRESS))


def test_a_line_keeps_its_filled_items_and_plain_lines_stay():
    template = parse_template("t", "赠品\n数量", "您好\n赠品：{赠品}，数量：{数量}\n只有赠品：{赠品}\n谢谢")
    text = render_message(template, OrderCheck("T1", values={"数量": "2"}))
    assert text == "您好\n赠品：，数量：2\n谢谢"


def test_privacy_extension_is_kept_with_the_mask():
    assert values_from_address({**ADDRESS, "phone_ext": "1234"})["手机号"] == "138****5678转1234"


def test_complete_and_missing_follow_cod():
    template = presale()
    check = OrderCheck("T1", ticks={i.label: True for i in template.items if not i.cod_only})
    assert check.complete(template) and check.missing(template) == []
    check.cod = True
    assert not check.complete(template) and check.missing(template) == ["货到付款服务费"]
