"""Screening without false alarms (issue 16, item 5; docs/screening.md): ordinary good buyers stay `low`, the
risky ones stay `high`, with the bundled celebrity list and the default weights as a shop gets them."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.screening import Profile, machine_like_nick, parse_credit, rules_from_settings, screen
from desktop_assistant.resources_access import resource_path

TODAY = dt.date(2026, 11, 26)


def rules(values: dict | None = None):
    return rules_from_settings(values or {}, resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))


def years(n: float) -> dt.date:
    return TODAY - dt.timedelta(days=int(n * 365))


def buyer(
    nick: str,
    credit: str,
    rate: float,
    registered: dt.date,
    orders: int,
    refunds: int,
    receiver: str,
    address: str = "浙江省杭州市西湖区文三路100号",
    last_7d: int = 1,
) -> Profile:
    return Profile(
        nick,
        credit=parse_credit(credit),
        positive_rate=rate,
        registered_on=registered,
        orders_count=orders,
        refund_count=refunds,
        orders_last_7d=last_7d,
        bad_reviews_given=0,
        receiver_name=receiver,
        address=address,
        as_of=TODAY,
    )


GOOD = [  # old accounts, high 好评率, many orders, default-shaped and pinyin nicks, common names
    buyer("tb5566778899", "3钻", 99, years(8), 980, 12, "杨洋"),
    buyer("zhangwei2008", "2钻", 99.5, years(12), 640, 9, "张伟"),
    buyer("autumn2015", "5心", 100, years(6), 120, 3, "刘涛"),
    buyer("xiaoming1990", "1钻", 98.7, years(9), 310, 5, "王小明"),
    buyer("t_1500000000", "4心", 100, years(3), 75, 2, "张杰", "北京市朝阳区望京街道阜通东大街6号院3号楼1单元502室"),
    buyer("jd_4a8f2c9e1b0d", "3心", 100, years(4), 48, 1, "李娜"),
    buyer("jd_a1b2c3d4e5", "2心", 97, years(2), 20, 1, "刘翔", "上海市浦东新区张江镇碧波路690号"),
    buyer("tb_88123456", "1冠", 99.9, years(15), 12000, 160, "王菲"),
    buyer("wangfang_1988", "4钻", 99.2, years(11), 2300, 40, "王芳"),
    buyer("lily19950315", "5心", 100, years(5), 160, 4, "李丽"),
    buyer("chen_jie88", "3钻", 98.9, years(10), 1200, 30, "陈杰"),
    buyer("小熊爱吃鱼", "2钻", 99, years(7), 700, 14, "孙杨"),
    buyer("云朵朵2019", "4心", 100, years(7), 90, 2, "黎明"),
    buyer("阳光男孩", "1钻", 96, years(13), 260, 6, "王源"),
    buyer("tb835172946", "3心", 100, years(1.5), 45, 0, "赵敏"),
    buyer("summer_2021", "2心", 100, years(5), 25, 1, "杨紫"),
    buyer("huangxiaoli", "5钻", 99.6, years(14), 6000, 80, "黄晓丽"),
    buyer("mike2024", "3心", 100, years(0.5), 41, 1, "韩红"),
    buyer("abc123456", "4心", 98, years(4), 88, 3, "赵薇"),
    buyer("蓝色星空1990", "1冠", 99.8, years(16), 15000, 210, "刘强"),
    buyer("tb2233445566778", "2钻", 99.1, years(9), 800, 20, "孙俪"),
    buyer("pdd_13579", "5心", 100, years(3), 150, 5, "汪峰"),
]


@pytest.mark.parametrize("profile", GOOD, ids=[p.nick for p in GOOD])
def test_ordinary_good_buyers_screen_low(profile):
    result = screen(profile, rules(), today=TODAY)
    assert result.level == "low", [(r.code, r.weight) for r in result.reasons]


def test_the_set_is_broad():
    assert len(GOOD) >= 20
    assert sum(p.receiver_name in rules().celebrities for p in GOOD) >= 10  # names the list marks as shared
    assert sum(p.orders_count >= 500 and p.refund_count >= 5 for p in GOOD) >= 5


def test_a_three_diamond_buyer_with_a_common_name_and_99_percent_is_low():
    result = screen(buyer("tb5566778899", "3钻", 99, years(8), 980, 12, "杨洋"), rules(), today=TODAY)
    assert result.level == "low" and [(r.code, r.weight) for r in result.reasons] == [("receiver_celebrity", 10)]


HIGH = [
    Profile("小明同学", positive_rate=70, registered_on=TODAY - dt.timedelta(days=14), receiver_name="周杰伦"),
    Profile("a8s7d6f5g4", credit=0, account_age_days=5, orders_count=6, refund_count=4, bad_reviews_given=5),
    Profile(
        "x7k2m9p4q1z8",
        positive_rate=78,
        account_age_days=20,
        receiver_name="刘德华",
        address="浙江省杭州市西湖区文三路",
    ),
    Profile("q1w2e3r4t5y6", credit=3, account_age_days=12, orders_last_7d=8, off_platform_contact=True),
    Profile("买家007", positive_rate=60, orders_count=10, refund_count=5, bad_reviews_given=4),
]


@pytest.mark.parametrize("profile", HIGH, ids=[p.nick for p in HIGH])
def test_risky_buyers_stay_high(profile):
    assert screen(profile, rules(), today=TODAY).level == "high"


@pytest.mark.parametrize(
    "orders, refunds, hit",
    [
        (3, 1, True),  # 33 % with 3 orders
        (10, 3, True),  # exactly 30 %
        (6, 4, True),
        (10, 2, False),
        (2, 1, False),  # 50 % but under 3 orders
        (2, 2, False),
        (None, 5, False),  # a count alone is not a rate
        (None, 50, False),
        (100, 5, False),
        (980, 12, False),  # a loyal buyer
        (0, 0, False),
    ],
)
def test_refund_rate(orders, refunds, hit):
    result = screen(Profile("a", orders_count=orders, refund_count=refunds), rules(), today=TODAY)
    assert ("refund_rate_high" in [r.code for r in result.reasons]) is hit
    if hit:
        assert "%" in result.reasons[0].detail


@pytest.mark.parametrize(
    "nick",
    [
        "zhangwei2008",
        "autumn2015",
        "tb5566778899",
        "xiaoming1990",
        "t_1500000000",
        "tb_1234567x",
        "jd_4a8f2c9e1b0d",
        "JD_A1B2C3D4E5F6",
        "jd_a1b2c3d4e5",
        "abc1234567",
        "abcdefghij",
        "1234567890",
        "a1b2c3d4e",
        "小明a1b2c3d4e5",
        "wangfang_1988",
        "lily19950315",
        "chen_jie88",
        "tb2233445566778",
        "pdd_13579",
        "mike2024",
    ],
)
def test_platform_defaults_and_word_plus_digits_are_not_machine_made(nick):
    assert not machine_like_nick(nick)


@pytest.mark.parametrize(
    "nick", ["a8s7d6f5g4", "x7k2m9p4q1z8", "q1w2e3r4t5y6", "k3j4h5g6f7", "abc123def456", "9f8e7d6c5b"]
)
def test_random_interleaving_is_machine_made(nick):
    assert machine_like_nick(nick)


def test_the_celebrity_list_weighs_shared_names_lighter():
    shop = rules()
    assert {"杨洋", "刘涛", "张杰"} <= shop.common_celebrities and {"周杰伦", "刘德华"} <= shop.celebrities
    assert not shop.common_celebrities & {"周杰伦", "刘德华", "易烊千玺"}
    weights = {
        name: screen(Profile("a", receiver_name=name), shop, today=TODAY).reasons[0].weight
        for name in ("杨洋", "刘涛", "张杰", "周杰伦", "刘德华")
    }
    assert weights == {"杨洋": 10, "刘涛": 10, "张杰": 10, "周杰伦": 30, "刘德华": 30}
    assert screen(Profile("a", receiver_name="杨洋"), shop, today=TODAY).level == "low"
    tuned = rules({"screen.weight.receiver_celebrity_common": 0, "screen.celebrities_extra": "李雷*，韩梅梅"})
    assert screen(Profile("a", receiver_name="杨洋"), tuned, today=TODAY).score == 0
    assert "李雷" in tuned.common_celebrities and "韩梅梅" in tuned.celebrities - tuned.common_celebrities
