"""Postal addresses inside free note text (issue 15 retention): found by the division-table rule of
domain.address_spans, masked in place; words that merely name a place are left alone."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.address_spans import address_spans
from desktop_assistant.domain.retention import is_masking, mask_personal
from desktop_assistant.resources_access import division_index


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in address_spans(text, division_index())]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "改地址：浙江省杭州市西湖区文三路 1 号 3 幢 2 单元 501 室，电话 13812345678",
            "浙江省杭州市西湖区文三路 1 号 3 幢 2 单元 501 室",
        ),
        ("买家要求改到杭州市西湖区文三路1号华星大厦3楼，明天发", "杭州市西湖区文三路1号华星大厦3楼"),
        ("寄到北京市朝阳区建国门外大街1号国贸大厦A座1201", "北京市朝阳区建国门外大街1号国贸大厦A座1201"),
        (
            "顺丰发广州，地址广州天河区体育西路103号维多利广场B座2203 收件人李四",
            "广州天河区体育西路103号维多利广场B座2203",
        ),
        ("客户在宁波鄞州区姜山镇陈鉴桥村18号，周五送", "宁波鄞州区姜山镇陈鉴桥村18号"),
        ("送到东莞长安镇乌沙社区兴发路12号", "东莞长安镇乌沙社区兴发路12号"),
        ("退货地址：深圳市南山区科技园南区8栋", "深圳市南山区科技园南区8栋"),
        ("杭州西湖区文三路1号的快递明天3号到", "杭州西湖区文三路1号"),  # ends at the address, not the date
        ("补发到上海市浦东新区张杨路５００号", "上海市浦东新区张杨路５００号"),  # full-width digits
    ],
)
def test_addresses_in_note_texts_are_found(text: str, address: str) -> None:
    assert found(text) == [address]
    masked = mask_personal(text, division_index())
    assert is_masking(text, masked) and address not in masked
    assert masked.replace("*", "").strip() != ""  # the rest of the note still reads


@pytest.mark.parametrize(
    "text",
    [
        "杭州发货",  # a place, not an address
        "杭州仓3号发货",  # no street between the place and the number
        "杭州市3号发货",  # the 3rd of the month
        "上海市3号线地铁站附近",  # a metro line
        "江苏发的3号线",
        "成都发货，3号到",  # the number is in the next clause
        "文三路1号",  # no region from the division table: not detected (documented)
        "浙江省杭州市西湖区",  # a region without a street and number is not masked
        "买家说尺码偏小，换 L 码，3 号之前发出",
        "已退款 128 元，订单 3 件，赠品 2 号色",
    ],
)
def test_false_positives_are_left_alone(text: str) -> None:
    assert found(text) == []
    assert mask_personal(text, division_index()) == text


def test_two_addresses_and_a_phone_in_one_note() -> None:
    text = "原地址杭州市西湖区文三路1号，改为宁波市海曙区中山西路88号，电话 13812345678"
    assert found(text) == ["杭州市西湖区文三路1号", "宁波市海曙区中山西路88号"]
    masked = mask_personal(text, division_index())
    assert masked.startswith("原地址") and "改为" in masked and "13812345678" not in masked
    assert len(masked) == len(text)
