"""The address parser on the shapes the platforms really export (issue 16, item 4), on the bundled national
table: a municipality glued to its district, labels with full-width punctuation, Taobao's placeholder
postcode 000000, and masked data. Each shape is a class with many cases."""

from __future__ import annotations

import re

import pytest

from desktop_assistant.domain.address import parse_address
from desktop_assistant.resources_access import address_lists, division_index

FIELDS = ("name", "phone", "phone_ext", "province", "city", "district", "street", "detail", "postcode")
PUNCTUATION = re.compile(r"[,，:：;；。、|]")


def parsed(text: str) -> dict:
    return parse_address(text, division_index(), address_lists()).as_json()


def fields(text: str) -> tuple:
    result = parsed(text)
    return tuple(result[key] for key in FIELDS)


class TestMunicipalityGluedToDistrict:
    """重庆市渝北区…: no space or separator between the municipality and its district."""

    @pytest.mark.parametrize(
        "text, region",
        [
            ("北京市朝阳区建国路88号 王五 13812345678", ("北京市", "北京市", "朝阳区", "")),
            ("北京朝阳区建国路88号 王五 13812345678", ("北京市", "北京市", "朝阳区", "")),
            ("北京市北京市朝阳区建国路88号 王五 13812345678", ("北京市", "北京市", "朝阳区", "")),
            ("北京市海淀区中关村街道中关村大街27号 王五 13812345678", ("北京市", "北京市", "海淀区", "中关村街道")),
            ("上海浦东新区张江镇碧波路690号 李四 13912345678", ("上海市", "上海市", "浦东新区", "张江镇")),
            ("上海市浦东新区张江镇碧波路690号 李四 13912345678", ("上海市", "上海市", "浦东新区", "张江镇")),
            ("上海市黄浦区南京东路100号 李四 13912345678", ("上海市", "上海市", "黄浦区", "")),
            ("天津市和平区南京路1号 王五 13812345678", ("天津市", "天津市", "和平区", "")),
            ("天津滨海新区新港街道新港路1号 王五 13812345678", ("天津市", "天津市", "滨海新区", "新港街道")),
            ("重庆市渝中区解放碑街道民族路1号 张三 13812345678", ("重庆市", "重庆市", "渝中区", "解放碑街道")),
            ("重庆重庆市渝中区解放碑街道民族路1号 张三 13812345678", ("重庆市", "重庆市", "渝中区", "解放碑街道")),
            ("重庆市两江新区观音桥街道建新北路1号 张三 13812345678", ("重庆市", "重庆市", "两江新区", "观音桥街道")),
            ("重庆市石柱县南宾街道1号 张三 13812345678", ("重庆市", "重庆市", "石柱土家族自治县", "南宾街道")),
            # Former names (2021, 2025) that buyers' saved addresses and the platforms' pickers still carry:
            # kept as written, the street is found under the successors.
            ("重庆市渝北区龙溪街道金龙路1号 张三 13812345678", ("重庆市", "重庆市", "渝北区", "龙溪街道")),
            ("重庆市渝北区金龙路1号 张三 13812345678", ("重庆市", "重庆市", "渝北区", "")),
            ("重庆渝北区龙溪街道金龙路1号 张三 13812345678", ("重庆市", "重庆市", "渝北区", "龙溪街道")),
            ("重庆市江北区观音桥街道建新北路1号 张三 13812345678", ("重庆市", "重庆市", "江北区", "观音桥街道")),
            ("浙江省杭州市江干区凯旋街道凯旋路1号 张三 13812345678", ("浙江省", "杭州市", "江干区", "凯旋街道")),
            ("杭州市下城区文晖路1号 张三 13812345678", ("浙江省", "杭州市", "下城区", "")),
            ("福建省三明市梅列区列东街道1号 张三 13812345678", ("福建省", "三明市", "梅列区", "列东街道")),
        ],
    )
    def test_region(self, text, region):
        result = parsed(text)
        assert (result["province"], result["city"], result["district"], result["street"]) == region
        assert result["warnings"] == []
        assert result["detail"] and not result["detail"].startswith(region[2])

    def test_the_taobao_copy_with_placeholder_postcode(self):
        assert fields("张三，86-13812345678，重庆 重庆市 渝北区 龙溪街道 金龙路1号 ，000000") == (
            "张三",
            "13812345678",
            "",
            "重庆市",
            "重庆市",
            "渝北区",
            "龙溪街道",
            "金龙路1号",
            "",
        )

    def test_a_former_name_in_another_city_is_still_ambiguous_without_the_city(self):
        result = parsed("江北区 人民路1号 张三 13812345678")  # 宁波 江北区 exists; 重庆 江北区 did
        assert (result["city"], result["district"]) == ("", "江北区")
        assert "district_ambiguous" in result["warnings"]

    def test_ningbo_jiangbei_is_not_taken_for_chongqing(self):
        result = parsed("浙江省宁波市江北区人民路1号 张三 13812345678")
        assert (result["city"], result["district"], result["warnings"]) == ("宁波市", "江北区", [])


class TestLabelsWithFullWidthPunctuation:
    """收货人：张三，手机：…: the punctuation after a label or a value never stays in a field."""

    @pytest.mark.parametrize(
        "text, expected",
        [
            (
                "收货人：张三，手机：13812345678，地址：重庆市渝中区解放碑街道民族路1号",
                ("张三", "13812345678", "", "重庆市", "重庆市", "渝中区", "解放碑街道", "民族路1号", ""),
            ),
            (
                "收货人：张三，手机：13812345678，所在地区：浙江省杭州市西湖区，详细地址：文三路100号，邮编：310000",
                ("张三", "13812345678", "", "浙江省", "杭州市", "西湖区", "", "文三路100号", "310000"),
            ),
            (
                "收货人：张三；手机号码：13812345678；收货地址：北京市朝阳区建国路88号；",
                ("张三", "13812345678", "", "北京市", "北京市", "朝阳区", "", "建国路88号", ""),
            ),
            (
                "收件人：李四。联系电话：13912345678。地址：上海市浦东新区张江镇碧波路690号。",
                ("李四", "13912345678", "", "上海市", "上海市", "浦东新区", "张江镇", "碧波路690号", ""),
            ),
            (
                "收货人：王小明、手机：13812345678、地址：浙江省杭州市西湖区文三路100号",
                ("王小明", "13812345678", "", "浙江省", "杭州市", "西湖区", "", "文三路100号", ""),
            ),
            (
                "收货人： 张三 ，手机： 13812345678 ，地址： 浙江省杭州市西湖区文三路100号 ，",
                ("张三", "13812345678", "", "浙江省", "杭州市", "西湖区", "", "文三路100号", ""),
            ),
            (
                "姓名：赵六，电话：13812345678-1234，地址：浙江省宁波市鄞州区天童南路588号",
                ("赵六", "13812345678", "1234", "浙江省", "宁波市", "鄞州区", "", "天童南路588号", ""),
            ),
            (
                "联系人：钱一，手机号：13812345678，所在地区：辽宁省朝阳市双塔区，详细地址：友谊大街1号",
                ("钱一", "13812345678", "", "辽宁省", "朝阳市", "双塔区", "", "友谊大街1号", ""),
            ),
            (
                "收货人：张三，\n手机：13812345678，\n地址：重庆市两江新区观音桥街道建新北路1号，\n邮编：000000",
                ("张三", "13812345678", "", "重庆市", "重庆市", "两江新区", "观音桥街道", "建新北路1号", ""),
            ),
            (
                "收货人：Anna Li，手机：13812345678，地址：浙江省杭州市西湖区文三路100号",
                ("Anna Li", "13812345678", "", "浙江省", "杭州市", "西湖区", "", "文三路100号", ""),
            ),
        ],
    )
    def test_fields(self, text, expected):
        result = parsed(text)
        assert tuple(result[key] for key in FIELDS) == expected
        assert result["warnings"] == []
        assert not any(PUNCTUATION.search(result[key]) for key in FIELDS)


class TestPlaceholderPostcode:
    """Taobao prints 000000 when the buyer gave no postcode: a postcode slot, never part of the address."""

    @pytest.mark.parametrize(
        "text",
        [
            "张三，13812345678，重庆市渝中区解放碑街道民族路1号，000000",
            "张三，86-13812345678，重庆 重庆市 渝中区 解放碑街道 民族路1号 ，000000",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号 000000",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号000000",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号（000000）",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号 邮编：000000",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号 邮编000000",
            "张三，13812345678，重庆市渝中区解放碑街道民族路1号，邮政编码：000000，",
            "000000，张三，13812345678，重庆市渝中区解放碑街道民族路1号",
            "收货地址：张三，86-13812345678，重庆 重庆市 渝中区 解放碑街道 民族路1号 ，000000",
        ],
    )
    def test_placeholder(self, text):
        assert fields(text) == ("张三", "13812345678", "", "重庆市", "重庆市", "渝中区", "解放碑街道", "民族路1号", "")
        assert parsed(text)["warnings"] == []

    @pytest.mark.parametrize(
        "text",
        [
            "张三，13812345678，重庆市渝中区解放碑街道民族路1号，400010",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号 邮编：400010",
            "张三 13812345678 重庆市渝中区解放碑街道民族路1号（400010）",
        ],
    )
    def test_a_real_postcode_is_kept(self, text):
        assert fields(text) == (
            "张三",
            "13812345678",
            "",
            "重庆市",
            "重庆市",
            "渝中区",
            "解放碑街道",
            "民族路1号",
            "400010",
        )


class TestMaskedData:
    """The platforms mask what an agent may not see (张**, 186****5678, ***街道): `masked`, not missing."""

    @pytest.mark.parametrize(
        "text, name, phone",
        [
            ("张**，186****5678，浙江省杭州市西湖区文三路100号", "张**", "186****5678"),
            ("收货人：张**，手机：186****5678，地址：浙江省杭州市西湖区文三路100号", "张**", "186****5678"),
            ("张*，13812345678，浙江省杭州市西湖区文三路100号", "张*", "13812345678"),
            ("*三，13812345678，浙江省杭州市西湖区文三路100号", "*三", "13812345678"),
            ("欧阳**，13812345678，浙江省杭州市西湖区文三路100号", "欧阳**", "13812345678"),
            ("张三，186****5678，浙江省杭州市西湖区文三路100号", "张三", "186****5678"),
            ("张三 浙江省杭州市西湖区文三路100号 86-186****5678", "张三", "186****5678"),
            ("张三，186****5678-1234，浙江省杭州市西湖区文三路100号", "张三", "186****5678"),
            ("张三，１８６＊＊＊＊５６７８，浙江省杭州市西湖区文三路100号", "张三", "186****5678"),
        ],
    )
    def test_masked_name_or_phone(self, text, name, phone):
        result = parsed(text)
        assert (result["name"], result["phone"]) == (name, phone)
        assert (result["province"], result["city"], result["district"]) == ("浙江省", "杭州市", "西湖区")
        assert result["detail"] == "文三路100号"
        assert result["warnings"] == ["masked"]

    @pytest.mark.parametrize(
        "text, detail",
        [
            ("张三，13812345678，浙江省杭州市西湖区***街道文三路100号", "***街道文三路100号"),
            ("张三，13812345678，浙江省杭州市西湖区文三路***号", "文三路***号"),
            ("张**，186****5678，浙江省杭州市西湖区********", "********"),
        ],
    )
    def test_masked_address(self, text, detail):
        result = parsed(text)
        assert result["detail"] == detail and result["district"] == "西湖区"
        assert "masked" in result["warnings"]
        assert not {"name_missing", "phone_missing", "phone_invalid"} & set(result["warnings"])

    @pytest.mark.parametrize(
        "text",
        [
            "**，***********，浙江省杭州市西湖区文三路100号",
            "收货人：**，手机：***********，地址：浙江省杭州市西湖区文三路100号",
            "张** 186****5678 浙江省 杭州市 西湖区 *** 000000",
            "收货人：张**\n手机号码：186****5678\n所在地区：浙江省杭州市西湖区北山街道\n详细地址：文三路***号",
        ],
    )
    def test_wholly_masked_parts_are_masked_not_missing_or_vague(self, text):
        result = parsed(text)
        assert result["warnings"] == ["masked"] and result["district"] == "西湖区"

    def test_masked_is_one_warning(self):
        assert parsed("张**，186****5678，浙江省杭州市西湖区***街道文三路100号")["warnings"] == ["masked"]

    def test_unmasked_text_never_warns_masked(self):
        assert "masked" not in parsed("张三，13812345678，浙江省杭州市西湖区文三路100号 3*5号箱")["warnings"]
        assert parsed("浙江省杭州市西湖区文三路100号 张三")["warnings"] == ["phone_missing"]


class TestCelebrityReceivers:
    """name_celebrity only for names hardly anyone else has; a shared name (marked * in the list) is a person."""

    @pytest.mark.parametrize(
        "name, warned",
        [
            ("周杰伦", True),
            ("刘德华", True),
            ("张杰", False),
            ("杨洋", False),
            ("刘涛", False),
            ("李娜", False),
            ("张伟", False),
        ],
    )
    def test_bundled_list(self, name, warned):
        warnings = parsed(f"{name}，13812345678，浙江省杭州市西湖区文三路100号")["warnings"]
        assert warnings == (["name_celebrity"] if warned else [])

    def test_the_shops_own_names(self):
        lists = address_lists(celebrities_extra="李雷*，韩梅梅，周杰伦*")
        warned = {
            name: parse_address(f"{name}，13812345678，浙江省杭州市西湖区文三路100号", division_index(), lists).warnings
            for name in ("李雷", "韩梅梅", "周杰伦")
        }
        assert warned == {"李雷": [], "韩梅梅": ["name_celebrity"], "周杰伦": []}
