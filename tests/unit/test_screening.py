"""Screening rules (docs/screening.md): every rule at and around its threshold, list overrides, credit text,
impossible data reported not scored, and fuzzed input that never crashes the reader."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_assistant.domain.address import address_vague
from desktop_assistant.domain.buyers import BuyerError, profile_from_mapping, read_screening_input, valid_nick
from desktop_assistant.domain.screening import (
    DEFAULT_WEIGHTS,
    Profile,
    Rules,
    ShopFacts,
    machine_like_nick,
    parse_credit,
    parse_names,
    rules_from_settings,
    screen,
)

TODAY = dt.date(2026, 11, 26)
RULES = Rules(celebrities=frozenset({"周杰伦", "刘德华"}))


def codes(profile: Profile, shop: ShopFacts | None = None, rules: Rules = RULES) -> list[str]:
    return [r.code for r in screen(profile, rules, shop or ShopFacts(), TODAY).reasons]


def test_the_issue_example_is_high_with_three_plain_chinese_reasons():
    buyer = Profile("小明同学", positive_rate=70, registered_on=TODAY - dt.timedelta(days=14), receiver_name="周杰伦")
    result = screen(buyer, RULES, today=TODAY)
    assert [r.code for r in result.reasons] == ["positive_rate_low", "account_new", "receiver_celebrity"]
    assert (result.score, result.level) == (95, "high")
    assert "70%" in result.reasons[0].detail and "14 天" in result.reasons[1].detail
    assert "周杰伦" in result.reasons[2].detail
    assert "旺旺" in result.advice and "谨慎" in result.advice
    assert not any(word in r.detail for r in result.reasons for word in ("骗子", "差评师"))  # cautions, never accuses


@pytest.mark.parametrize(
    "rate, expected",
    [
        (79.9, ["positive_rate_low"]),
        (80, ["positive_rate_watch"]),
        (94.9, ["positive_rate_watch"]),
        (95, []),
        (0, ["positive_rate_low"]),
        (100, []),
    ],
)
def test_positive_rate_thresholds(rate, expected):
    assert codes(Profile("a", positive_rate=rate)) == expected


@pytest.mark.parametrize(
    "days, expected",
    [
        (0, ["account_new"]),
        (29, ["account_new"]),
        (30, ["account_young"]),
        (59, ["account_young"]),
        (60, []),
    ],
)
def test_account_age_thresholds_by_date_and_by_days(days, expected):
    assert codes(Profile("a", registered_on=TODAY - dt.timedelta(days=days))) == expected
    assert codes(Profile("a", account_age_days=days)) == expected


def test_age_is_measured_at_as_of_when_given():
    profile = Profile("a", registered_on=dt.date(2026, 1, 1), as_of=dt.date(2026, 1, 20))
    assert codes(profile) == ["account_new"]


@pytest.mark.parametrize("credit, expected", [(0, ["credit_low"]), (10, ["credit_low"]), (11, []), (None, [])])
def test_credit_threshold(credit, expected):
    assert codes(Profile("a", credit=credit)) == expected


@pytest.mark.parametrize(
    "text, points",
    [
        ("1心", 4),
        ("2心", 11),
        ("3心", 41),
        ("三颗心", 41),
        ("5心", 151),
        ("1钻", 251),
        ("2钻", 501),
        ("5钻石", 5001),
        ("冠", 10001),
        ("1皇冠", 10001),
        ("3冠", 50001),
        ("金冠", 500001),
        ("2金冠", 1000001),
        ("123", 123),
        (" 2 钻 ", 501),
        (7, 7),
    ],
)
def test_credit_text_becomes_points(text, points):
    assert parse_credit(text) == points


@pytest.mark.parametrize("text", ["6心", "心心", "abc", "", "-"])
def test_unknown_credit_text(text):
    assert parse_credit(text) is None


@pytest.mark.parametrize(
    "orders, refunds, hit",
    [
        (3, 1, True),  # 33 % with 3 orders
        (10, 3, True),  # exactly 30 %
        (10, 2, False),
        (2, 1, False),  # 50 % but under 3 orders
        (2, 2, False),
        (None, 5, False),  # a rate (issue 16): a count alone is not one
        (100, 5, False),
        (100, 30, True),
    ],
)
def test_refund_rule(orders, refunds, hit):
    assert ("refund_rate_high" in codes(Profile("a", orders_count=orders, refund_count=refunds))) is hit


@pytest.mark.parametrize(
    "nick, hit",
    [
        ("a8s7d6f5g4", True),
        ("abcdefghij", False),
        ("1234567890", False),
        ("a1b2c3d4e", False),
        ("abc1234567", False),
        ("tb_1234567x", False),
        ("小明a8s7d6f5g4", False),  # word + digits; CJK
    ],
)
def test_machine_made_nick(nick, hit):
    assert machine_like_nick(nick) is hit
    assert ("nickname_machine" in codes(Profile(nick))) is hit


@pytest.mark.parametrize(
    "address, vague",
    [
        ("浙江省杭州市西湖区文三路", True),
        ("浙江省杭州市西湖区文三路100号", False),
        ("北京市朝阳区望京SOHO T1 1205室", False),
        ("上海市浦东新区阳光小区五栋", False),
        ("海南省三亚市天涯区阳光小区", True),
        ("湖北省十堰市张湾区车城路三号", False),
        ("", False),
    ],
)
def test_vague_addresses(address, vague):
    assert address_vague(address) is vague
    assert ("address_vague" in codes(Profile("a", address=address))) is vague


@pytest.mark.parametrize(
    "field, threshold, code", [("orders_last_7d", 6, "burst_orders"), ("bad_reviews_given", 3, "bad_reviews_given")]
)
def test_count_thresholds(field, threshold, code):
    assert codes(Profile("a", **{field: threshold - 1})) == []
    assert codes(Profile("a", **{field: threshold})) == [code]


def test_flags_and_celebrities_and_shop_history():
    assert codes(Profile("a", off_platform_contact=True)) == ["off_platform_contact"]
    assert codes(Profile("a", no_bargain_many_items=True)) == ["no_bargain_many_items"]
    assert codes(Profile("a", receiver_name=" 刘德华 ")) == ["receiver_celebrity"]
    assert codes(Profile("a", receiver_name="刘德")) == []
    assert codes(Profile("a"), ShopFacts(flagged_orders=1)) == ["shop_history"]
    assert codes(Profile("a"), ShopFacts(flagged_orders=0)) == []


def test_score_is_capped_and_levels_follow_the_thresholds():
    heavy = Profile(
        "abc1234567",
        positive_rate=10,
        account_age_days=1,
        credit=0,
        refund_count=9,
        orders_last_7d=9,
        bad_reviews_given=9,
        off_platform_contact=True,
    )
    result = screen(heavy, RULES, today=TODAY)
    assert result.score == 100 and result.level == "high"
    assert screen(Profile("a", account_age_days=40, positive_rate=90), RULES, today=TODAY).level == "medium"  # 30
    assert screen(Profile("a", account_age_days=40, credit=5), RULES, today=TODAY).level == "low"  # 25


def test_blacklist_is_high_and_whitelist_low_whatever_else():
    black = screen(Profile("a"), RULES, ShopFacts("black", "恶意差评"), TODAY)
    assert black.level == "high" and black.score == 100 and "恶意差评" in black.reasons[0].detail
    quiet = Rules(weights={**DEFAULT_WEIGHTS, "blacklisted": 10})
    assert screen(Profile("a"), quiet, ShopFacts("black"), TODAY).level == "high"
    white = screen(Profile("a", positive_rate=10, account_age_days=1), RULES, ShopFacts("white"), TODAY)
    assert white.level == "low" and white.score == 65 and len(white.reasons) == 2  # hits still listed


def test_weights_and_thresholds_come_from_the_settings():
    values = {
        "screen.weight.account_new": 70,
        "screen.level_high": 70,
        "screen.level_medium": 50,
        "screen.celebrities_extra": "张三丰，李四",
    }
    rules = rules_from_settings(values, "# comment\n周杰伦\n")
    assert rules.celebrities == {"周杰伦", "张三丰", "李四"}
    result = screen(Profile("a", account_age_days=3), rules, today=TODAY)
    assert (result.score, result.level) == (70, "high")
    assert rules.weights["credit_low"] == 10


def test_impossible_data_is_reported_not_scored():
    result = screen(
        Profile("a", registered_on=TODAY + dt.timedelta(days=3), positive_rate=120, orders_last_7d=-2),
        RULES,
        today=TODAY,
    )
    assert result.reasons == () and result.score == 0
    details = [p.detail for p in result.problems]
    assert any("晚于参照日期" in d for d in details) and any("120%" in d for d in details)
    assert any("orders_last_7d" in d for d in details)
    assert result.as_json()["problems"] == details


def test_parse_names():
    assert parse_names("周杰伦, 刘德华\n# x\n王菲、那英 # singer") == {"周杰伦", "刘德华", "王菲", "那英"}


def test_input_fields_are_read_and_checked():
    profile = profile_from_mapping(
        {
            "nick": " 小明 ",
            "credit": "3心",
            "positive_rate": "70%",
            "registered_on": "2026-11-12",
            "orders_count": "3",
            "refund_count": 1.0,
            "off_platform_contact": "是",
        }
    )
    assert (profile.nick, profile.credit, profile.positive_rate, profile.registered_on) == (
        "小明",
        41,
        70.0,
        dt.date(2026, 11, 12),
    )
    assert profile.refund_count == 1 and profile.off_platform_contact is True
    for bad in (
        {"credit": "很多"},
        {"positive_rate": "高"},
        {"registered_on": "昨天"},
        {"orders_count": "3.5"},
        {"off_platform_contact": "maybe"},
        {"orders_count": True},
        {"positive_rate": "nan"},
    ):
        with pytest.raises(BuyerError):
            profile_from_mapping({"nick": "a", **bad})
    with pytest.raises(BuyerError, match="昵称"):
        profile_from_mapping({"credit": 5})


def test_json_lines_with_bad_lines_named_and_the_rest_read():
    text = (
        '{"nick": "a", "credit": 5}\n\nnot json\n[1]\n{"nick": ""}\n'
        '{"nick": "b", "positive_rate": "x"}\n{"nick": "c"}\n'
    )
    items = list(read_screening_input(text))
    assert [(line, type(item).__name__) for line, item in items] == [
        (1, "Profile"),
        (3, "BuyerError"),
        (4, "BuyerError"),
        (5, "BuyerError"),
        (6, "BuyerError"),
        (7, "Profile"),
    ]
    assert str(items[1][1]).startswith("第 3 行") and "positive_rate" in str(items[4][1])


def test_csv_with_chinese_headers():
    text = "\ufeff买家,好评率,注册日期,收货人\n小明,70,2026-11-12,周杰伦\n,90,,\n小红,99,,\n"
    items = list(read_screening_input(text))
    assert [line for line, _ in items] == [2, 3, 4]
    assert isinstance(items[1][1], BuyerError) and items[2][1].nick == "小红"
    assert items[0][1].receiver_name == "周杰伦"


values = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.floats(allow_nan=True), st.text(max_size=20)
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "nick",
                "credit",
                "positive_rate",
                "registered_on",
                "account_age_days",
                "as_of",
                "orders_count",
                "refund_count",
                "orders_last_7d",
                "bad_reviews_given",
                "receiver_name",
                "address",
                "off_platform_contact",
                "no_bargain_many_items",
                "other",
            ]
        ),
        values,
    )
)
def test_fuzzed_input_gives_a_screening_or_one_clear_error(record):
    try:
        line = json.dumps(record)
    except ValueError:
        return
    for _, item in read_screening_input(line + "\n"):
        if isinstance(item, BuyerError):
            assert str(item).startswith("第 1 行") and "\n" not in str(item)
        else:
            result = screen(item, RULES, today=TODAY)
            assert 0 <= result.score <= 100 and result.level in ("high", "medium", "low")
            json.dumps(result.as_json(), ensure_ascii=False)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_fuzzed_text_never_crashes_the_reader(text):
    for line, item in read_screening_input(text):
        assert line >= 1
        assert isinstance(item, (Profile, BuyerError))


@pytest.mark.parametrize("raw, problem", [("", "缺少买家昵称"), ("  ", "缺少买家昵称"), ("x" * 65, "最多 64 个字")])
def test_bad_nicks_are_refused_with_one_line(raw, problem):
    """One check for every nick: 买家, 会话 (window, clipboard, panel) and imports."""
    with pytest.raises(BuyerError, match=problem):
        valid_nick(raw)


def test_a_nick_is_trimmed_and_composed():
    assert valid_nick("  小熊 \n") == "小熊"
    assert valid_nick("Cafe\u0301") == "Café"  # NFC: the same nick typed or pasted from another program
