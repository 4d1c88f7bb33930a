"""The outgoing-text guard (docs/guard.md) against the bundled lists."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_assistant.domain.guard import (
    _FOLD,
    _LINK,
    ABSOLUTE,
    CASHBACK,
    CONTACT,
    Guard,
    GuardLists,
    _compile,
    blocking,
    fold,
    guard_from_texts,
    parse_list,
    words_by_category,
)
from desktop_assistant.resources_access import bundled_guard_lists, load_guard


@pytest.fixture(scope="module")
def guard() -> Guard:
    return load_guard({})


def found(guard: Guard, text: str, **kw) -> dict[str, list[str]]:
    return words_by_category(guard.check(text, **kw))


class TestContact:
    @pytest.mark.parametrize(
        "text, word",
        [
            ("亲，加我微信聊吧", "微信"),
            ("有事加我V信哦", "V信"),
            ("vx: abc123", "vx"),
            ("ＶＸ同号", "ＶＸ"),
            ("我的QQ123456", "QQ"),
            ("加扣扣详聊", "扣扣"),
            ("直接支付宝转账给我就行", "支付宝转账"),
            ("把银行卡号发我", "银行卡"),
        ],
    )
    def test_contact_words_block(self, guard, text, word):
        hits = guard.check(text)
        assert word in words_by_category(hits)[CONTACT]
        assert blocking(hits)

    def test_ascii_words_only_as_words(self, guard):
        assert found(guard, "型号 xvxx 和 qqq 只是型号") == {}

    def test_a_phone_number_blocks(self, guard):
        hits = guard.check("有问题打我电话 138 1234 5678")
        assert [(h.category, h.kind) for h in hits] == [(CONTACT, "phone")]

    def test_the_buyers_own_phone_passes(self, guard):
        text = "收货人: 张三, 电话 13812345678, 地址 ..."
        assert guard.check(text, allowed_phones=["+86 138-1234-5678"]) == []
        assert guard.check(text)  # anyone else's number is off-platform contact

    @pytest.mark.parametrize(
        "text",
        [
            "您的订单号 3456789012345678901 已发货",
            "快递单号 SF1234567890123, 请查收",
            "运单号 773245678901234",
            "邮编 310000",
            "手机号 186****5678 请确认",
        ],
    )
    def test_order_and_tracking_numbers_are_not_phones(self, guard, text):
        assert guard.check(text) == []

    def test_links_outside_the_platform(self, guard):
        assert found(guard, "详情看 https://example.com/x 吧") == {CONTACT: ["https://example.com/x"]}
        assert found(guard, "或者 www.shop.cn") == {CONTACT: ["www.shop.cn"]}
        assert found(guard, "看这里 abc-shop.top") == {CONTACT: ["abc-shop.top"]}

    def test_platform_links_pass(self, guard):
        assert guard.check("链接: https://item.taobao.com/item.htm?id=1 或 https://m.tb.cn/h.abc") == []
        assert guard.check("京东 https://item.jd.com/100.html") == []

    def test_refund_to_bank_card_is_ordinary(self, guard):
        assert guard.check("退款会原路退回银行卡, 请注意查收") == []
        assert guard.check("欢迎加我们店铺会员") == []


class TestCashback:
    @pytest.mark.parametrize(
        "text",
        [
            "好评返现5元",
            "给个五星好评送小礼品",
            "晒图后返2元红包",
            "好评截图返现",
            "追评发我返3元",
        ],
    )
    def test_blocks(self, guard, text):
        hits = guard.check(text)
        assert CASHBACK in words_by_category(hits)
        assert blocking(hits)

    def test_wildcard_stays_in_one_sentence(self, guard):
        assert guard.check("麻烦给个好评哦。送货的快递员会联系您") == []

    def test_asking_for_a_review_is_fine(self, guard):
        assert guard.check("亲，收到满意的话麻烦给个五星好评哦") == []


class TestAbsolute:
    @pytest.mark.parametrize(
        "text, word",
        [
            ("全网最低价", "全网最低"),
            ("这是最低价了", "最低价"),
            ("行业第一", "第一"),
            ("唯一正品", "唯一"),
            ("国家级工艺", "国家级"),
            ("顶级面料", "顶级"),
            ("100%纯棉", "100%"),
            ("１００％纯棉", "１００％"),
            ("永久保修", "永久"),
        ],
    )
    def test_warns(self, guard, text, word):
        hits = guard.check(text)
        assert words_by_category(hits) == {ABSOLUTE: [word]}
        assert not blocking(hits)

    @pytest.mark.parametrize(
        "text",
        [
            "最近快递量大",
            "最后一件了",
            "第一次购买",
            "有消息第一时间告诉您",
            "最晚明天发出",
            "您最好先量一下",
        ],
    )
    def test_ordinary_words_pass(self, guard, text):
        assert guard.check(text) == []


class TestSettings:
    def test_a_category_switched_off_finds_nothing(self):
        guard = load_guard({"guard.absolute": False})
        assert guard.check("全网最低价") == []
        assert guard.check("加我微信")

    def test_switching_contact_off_also_stops_phones_and_links(self):
        guard = load_guard({"guard.contact": False})
        assert guard.check("电话 13812345678 或 https://example.com") == []

    def test_extra_words_and_exceptions(self):
        guard = load_guard({"guard.contact_extra": "抖音号, 小红书", "guard.exceptions_extra": "第一"})
        assert words_by_category(guard.check("搜我抖音号")) == {CONTACT: ["抖音号"]}
        assert guard.check("行业第一") == []  # a listed word added to the exceptions is switched off

    def test_extra_domains(self):
        guard = load_guard({"guard.domains_extra": "myshop.com"})
        assert guard.check("https://www.myshop.com/a") == []


def test_hits_carry_spans_in_the_original_text(guard):
    text = "亲，ＶＸ：abc，全网最低价"
    for hit in guard.check(text):
        assert text[hit.start : hit.end] == hit.word


def test_fold_keeps_length():
    text = "ＡＢＣ　１００％ＶＸ"
    assert len(fold(text)) == len(text) and fold(text) == "abc 100%vx"


def test_parse_list_skips_comments_and_blanks():
    assert parse_list("# 注释\n微信\n\n QQ , 扣扣、V信\n") == ("微信", "qq", "扣扣", "v信")


def test_every_bundled_list_is_readable():
    lists = bundled_guard_lists()
    guard = guard_from_texts(lists, {})
    for category in (CONTACT, CASHBACK, ABSOLUTE):
        assert guard.lists.words[category], category
    assert "taobao.com" in guard.lists.allowed_domains


def test_an_empty_guard_finds_nothing():
    assert Guard(GuardLists({})).check("加我微信 全网最低价") == []


def test_the_settings_schema_has_every_guard_key():
    from desktop_assistant.domain.guard import GUARD_SETTING_KEYS
    from desktop_assistant.domain.settings import DEFAULTS, SECTIONS, SPECS

    assert all(key in DEFAULTS for key in GUARD_SETTING_KEYS)
    assert {SPECS[key].section for key in GUARD_SETTING_KEYS} == {"guard"} and "guard" in SECTIONS
    assert load_guard(DEFAULTS).check("加我微信")


# --- the fast paths (an import checks 50,000 texts) give what the full scans give -------------------
_GUARD_WORDS = load_guard({}).lists.words
_ALPHABET = sorted(
    {ch for words in _GUARD_WORDS.values() for w in words for ch in w} | set("ＶＸAZaz .:/，。0１\u3000")
)


@given(
    st.text(alphabet=_ALPHABET, max_size=40)
    | st.lists(
        st.sampled_from(sorted({w for ws in _GUARD_WORDS.values() for w in ws}) + ["，", "x", "最近", "www.", "a.cn"]),
        max_size=6,
    ).map("".join)
)
@settings(max_examples=400, deadline=None)
def test_the_letter_check_after_the_first_letter_finds_what_a_lookbehind_in_front_finds(text):
    # The plain form of the rule (no letter right before, none right after), written here as the reference.
    def plain(word: str) -> str:
        body = "[^，。！？；,.!?;\\n]{0,6}".join(re.escape(piece) for piece in word.split("*"))
        before = r"(?<![a-z])" if word[0].isascii() and word[0].isalpha() else ""
        after = r"(?![a-z])" if word[-1].isascii() and word[-1].isalpha() else ""
        return before + body + after

    folded = fold(text)
    for words in _GUARD_WORDS.values():
        ordered = sorted(set(words), key=len, reverse=True)
        reference = re.compile("|".join(plain(w) for w in ordered))
        assert [m.span() for m in _compile(words).finditer(folded)] == [m.span() for m in reference.finditer(folded)]


@given(st.text(alphabet="abwhtps.:/ 0，中", max_size=30))
@settings(max_examples=400, deadline=None)
def test_a_link_always_holds_a_dot_or_a_scheme(text):
    if _LINK.search(text):
        assert "." in text or "://" in text


@given(st.text(max_size=30) | st.text(alphabet="ＡＺａｚ　！～AZaz中，", max_size=30))
@settings(max_examples=400, deadline=None)
def test_fold_without_work_to_do_is_still_the_full_translation(text):
    assert fold(text) == text.translate(_FOLD)
