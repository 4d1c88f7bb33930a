"""The address parser (docs/checklist.md) on a small division tree that holds the hard cases: a district name
in several cities (朝阳区, 鼓楼区), a city whose short form starts a district's name (朝阳市 / 朝阳区),
municipalities, ethnic autonomous regions, towns straight under a city (中山市), county-level cities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_assistant.domain.address import AddressLists, parse_address
from desktop_assistant.domain.divisions import DivisionIndex, short_name

ROWS = [
    ("33", "", 1, "浙江省"),
    ("3301", "33", 2, "杭州市"),
    ("330106", "3301", 3, "西湖区"),
    ("330106001", "330106", 4, "北山街道"),
    ("3302", "33", 2, "宁波市"),
    ("330212", "3302", 3, "鄞州区"),
    ("3307", "33", 2, "金华市"),
    ("330782", "3307", 3, "义乌市"),
    ("11", "", 1, "北京市"),
    ("1101", "11", 2, "市辖区"),
    ("110105", "1101", 3, "朝阳区"),
    ("110105026", "110105", 4, "望京街道"),
    ("21", "", 1, "辽宁省"),
    ("2113", "21", 2, "朝阳市"),
    ("211302", "2113", 3, "双塔区"),
    ("22", "", 1, "吉林省"),
    ("2201", "22", 2, "长春市"),
    ("220104", "2201", 3, "朝阳区"),
    ("32", "", 1, "江苏省"),
    ("3201", "32", 2, "南京市"),
    ("320106", "3201", 3, "鼓楼区"),
    ("35", "", 1, "福建省"),
    ("3501", "35", 2, "福州市"),
    ("350102", "3501", 3, "鼓楼区"),
    ("45", "", 1, "广西壮族自治区"),
    ("4501", "45", 2, "南宁市"),
    ("450103", "4501", 3, "青秀区"),
    ("15", "", 1, "内蒙古自治区"),
    ("1501", "15", 2, "呼和浩特市"),
    ("150102", "1501", 3, "新城区"),
    ("44", "", 1, "广东省"),
    ("4420", "44", 2, "中山市"),
    ("442000100", "4420", 4, "沙溪镇"),
]
INDEX = DivisionIndex(ROWS)
LISTS = AddressLists(frozenset({"周杰伦"}), frozenset({"内蒙古自治区"}), ("驿站", "快递柜"))
FIELDS = ("name", "phone", "phone_ext", "province", "city", "district", "street", "detail", "postcode")


def parsed(text: str) -> dict:
    return parse_address(text, INDEX, LISTS).as_json()


@pytest.mark.parametrize(
    "name, short",
    [
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),
        ("浙江省", "浙江"),
        ("杭州市", "杭州"),
        ("西湖区", "西湖"),
        ("延边朝鲜族自治州", "延边"),
        ("伊犁哈萨克自治州", "伊犁"),
        ("长白朝鲜族自治县", "长白"),
        ("恩施土家族苗族自治州", "恩施"),
        ("新疆维吾尔自治区", "新疆"),
        ("香港特别行政区", "香港"),
        ("北山街道", "北山"),
    ],
)
def test_short_names(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "张三，13812345678，浙江省 杭州市 西湖区 北山街道 文三路100号，310000",
            ("张三", "13812345678", "", "浙江省", "杭州市", "西湖区", "北山街道", "文三路100号", "310000"),
        ),
        (
            "收货人: 李四\n手机号码: 13912345678-1234\n所在地区: 北京市朝阳区望京街道\n详细地址: 望京SOHO T1 1205室",
            ("李四", "13912345678", "1234", "北京市", "北京市", "朝阳区", "望京街道", "望京SOHO T1 1205室", ""),
        ),
        (
            "浙江 宁波 鄞州区 天童南路588号 赵六 13812345678",
            ("赵六", "13812345678", "", "浙江省", "宁波市", "鄞州区", "", "天童南路588号", ""),
        ),
        (
            "广西南宁青秀区民族大道100号 周杰伦 １３８１２３４５６７８",
            ("周杰伦", "13812345678", "", "广西壮族自治区", "南宁市", "青秀区", "", "民族大道100号", ""),
        ),
        (
            "广东省中山市沙溪镇云汉轻纺城3楼 吴九 13812345678",
            ("吴九", "13812345678", "", "广东省", "中山市", "", "沙溪镇", "云汉轻纺城3楼", ""),
        ),
        (
            "义乌市稠州北路100号 郑十 13812345678",
            ("郑十", "13812345678", "", "浙江省", "金华市", "义乌市", "", "稠州北路100号", ""),
        ),
        (
            "13812345678 辽宁省朝阳市双塔区 友谊大街1号 钱一",
            ("钱一", "13812345678", "", "辽宁省", "朝阳市", "双塔区", "", "友谊大街1号", ""),
        ),
    ],
)
def test_fields(text, expected):
    result = parsed(text)
    assert tuple(result[key] for key in FIELDS) == expected
    assert result["warnings"] == ([] if "周杰伦" not in text else ["name_celebrity"])


@pytest.mark.parametrize(
    "text, district", [("朝阳区建国路88号 王五 13812345678", "朝阳区"), ("鼓楼区中山路1号 13812345678 钱八", "鼓楼区")]
)
def test_an_ambiguous_district_is_never_guessed(text, district):
    result = parsed(text)
    assert (result["province"], result["city"], result["district"]) == ("", "", district)  # as written
    assert result["warnings"] == ["district_ambiguous", "address_incomplete"] and result["detail"].endswith("号")


def test_a_city_settles_the_ambiguity():
    result = parsed("吉林省长春市朝阳区 人民大街1号 孙二 13812345678")
    assert (result["city"], result["district"], result["warnings"]) == ("长春市", "朝阳区", [])


def test_warnings():
    result = parsed("内蒙古呼和浩特新城区 菜鸟驿站 孙七 13812345678")
    assert result["name"] == "孙七" and result["detail"] == "菜鸟驿站"
    assert result["warnings"] == ["address_vague", "remote_area", "pickup_point"]
    assert parsed("浙江省杭州市西湖区文三路100号 张三")["warnings"] == ["phone_missing"]
    assert parsed("浙江省杭州市西湖区文三路100号 张三 1381234567")["warnings"] == ["phone_invalid"]
    assert parsed("浙江省杭州市西湖区文三路100号 13812345678")["warnings"] == ["name_missing"]
    assert parsed("文三路100号 张三 13812345678")["warnings"] == ["address_incomplete"]


def test_noise_and_full_width():
    result = parsed(
        "【收货人】：张三😀\u3000手机：＋８６ １３８ １２３４ ５６７８\u3000地址：浙江省杭州市西湖区文三路１００号"
    )
    assert (result["name"], result["phone"], result["district"], result["detail"]) == (
        "张三",
        "13812345678",
        "西湖区",
        "文三路100号",
    )


def test_100_kb_of_noise_is_parsed_as_nothing_useful():  # how fast: benchmarks/address.py
    result = parse_address("噪声abc123，" * 12_000, INDEX, LISTS)
    assert (result.phone, result.province, result.district) == ("", "", "")
    assert "phone_missing" in result.warnings and "address_incomplete" in result.warnings


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("浙江省杭州市西湖区北京朝阳鼓楼街道路号室0123456789 ,，:：\n收货人手机"), max_size=120
    )
)
def test_never_crashes(text):
    result = parse_address(text, INDEX, LISTS)
    assert set(result.as_json()) == {*FIELDS, "warnings"}
