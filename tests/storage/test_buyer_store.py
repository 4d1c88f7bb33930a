"""Buyer profiles in the real file: profile, receivers, tags, lists with history, shop facts, screenings."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.buyers import BuyerError, parse_blacklist
from desktop_assistant.domain.notes import validated_change
from desktop_assistant.domain.screening import Profile, Rules, screen

NOW = dt.datetime(2026, 11, 26, 10, 0)


@pytest.fixture
def store_now() -> dt.datetime:
    return NOW


def test_a_profile_round_trips_with_receivers_tags_and_screenings(store):
    buyers = store.buyers
    assert buyers.get("小明") is None
    profile = Profile(
        "小明",
        credit=41,
        positive_rate=70.0,
        registered_on=dt.date(2026, 11, 12),
        orders_count=3,
        refund_count=1,
        receiver_name="周杰伦",
        address="浙江省杭州市西湖区文三路",
        off_platform_contact=True,
    )
    buyers.save_profile(profile, "淘宝", "爱砍价", "A01", NOW)
    buyers.add_receiver("小明", "张三", "上海市浦东新区世纪大道100号", NOW + dt.timedelta(hours=1))
    buyers.set_tags("小明", [("会员等级", "VIP"), ("活动", "双11"), ("标签", "爱砍价"), ("标签", " ")], NOW)
    result = screen(profile, Rules(celebrities=frozenset({"周杰伦"})), today=NOW.date())
    buyers.record_screening(result, "A01", NOW)
    record = buyers.get("小明")
    assert record.platform == "淘宝" and record.notes == "爱砍价"
    assert record.profile.credit == 41 and record.profile.registered_on == dt.date(2026, 11, 12)
    assert record.profile.off_platform_contact is True and record.profile.no_bargain_many_items is False
    assert [(r.name, r.address) for r in record.receivers] == [
        ("张三", "上海市浦东新区世纪大道100号"),
        ("周杰伦", "浙江省杭州市西湖区文三路"),
    ]
    assert record.profile.receiver_name == "张三"  # the newest receiver is what screening reads
    assert record.tags == (("会员等级", "VIP"), ("标签", "爱砍价"), ("活动", "双11"))
    assert record.screenings[0].score == result.score and "receiver_celebrity" in record.screenings[0].codes
    buyers.save_profile(Profile("小明", credit=500), "淘宝", "", "A02", NOW)
    assert buyers.get("小明").profile.positive_rate is None and buyers.count() == 1


def test_lists_keep_their_history_and_feed_the_shop_facts(store):
    buyers = store.buyers
    buyers.set_list("坏人", "black", "恶意差评", "A01", NOW)
    buyers.set_list("坏人", "none", "误会", "A02", NOW + dt.timedelta(days=1))
    buyers.set_list("坏人", "white", "老客户", "A02", NOW + dt.timedelta(days=2))
    assert buyers.get("坏人").listing.status == "white"
    assert [(s, r, b) for s, r, b, _ in buyers.list_history("坏人")] == [
        ("black", "恶意差评", "A01"),
        ("none", "误会", "A02"),
        ("white", "老客户", "A02"),
    ]
    for order, flag in (("T1", 1), ("T2", 2), ("T3", 3), ("T4", 0)):
        store.notes.append(validated_change(order, flag, "x", "", "A01", "坏人"), NOW)
    facts = buyers.shop_facts("坏人")
    assert (facts.list_status, facts.list_reason, facts.flagged_orders) == ("white", "老客户", 2)
    assert buyers.all_shop_facts()["坏人"] == facts
    with pytest.raises(ValueError):
        buyers.set_list("x", "grey", "", "A01", NOW)


def test_blacklist_import_merges_all_or_nothing(store):
    buyers = store.buyers
    buyers.set_list("已拉黑", "black", "旧原因", "A01", NOW)
    buyers.set_list("好客户", "white", "", "A01", NOW)
    rows = parse_blacklist(
        [
            (1, ["买家", "原因", "登记人", "登记时间"]),
            (2, ["新坏人", "职业差评", "B02", "2026-11-01 09:00:00"]),
            (3, ["已拉黑", "新原因", "", ""]),
            (4, ["新坏人", "重复", "", ""]),
        ]
    )
    assert buyers.import_blacklist(rows, "A01", NOW, dry_run=True) == (1, 1)
    assert buyers.listing("新坏人") is None
    assert buyers.import_blacklist(rows, "A01", NOW) == (1, 1)
    entry = buyers.listing("新坏人")
    assert (entry.reason, entry.added_by, entry.added_at) == ("职业差评", "B02", dt.datetime(2026, 11, 1, 9))
    assert buyers.listing("已拉黑").reason == "旧原因"  # what is there is kept
    conflict = parse_blacklist([(1, ["nick"]), (2, ["又一个"]), (3, ["好客户"])])
    before = buyers.list_entries("black")
    with pytest.raises(BuyerError, match="第 3 行.*白名单"):
        buyers.import_blacklist(conflict, "A01", NOW)
    assert buyers.list_entries("black") == before and buyers.listing("又一个") is None


@pytest.mark.parametrize(
    "rows, message",
    [
        ([], "没有买家"),
        ([(1, ["原因"]), (2, ["x"])], "第 1 行.*昵称列"),
        ([(1, ["nick", "reason"]), (2, ["", "x"])], "第 2 行.*昵称"),
        ([(1, ["nick", "added_at"]), (2, ["a", "昨天"])], "第 2 行.*登记时间"),
        ([(1, ["nick"])], "没有买家"),
    ],
)
def test_bad_blacklist_files_name_the_line(rows, message):
    with pytest.raises(BuyerError, match=message):
        parse_blacklist(rows)


def test_retention_forgets_old_receivers_only(store):
    buyers = store.buyers
    buyers.save_profile(Profile("小明", credit=41), "", "", "A01", NOW)
    buyers.add_receiver("小明", "张三", "上海市浦东新区世纪大道100号", NOW - dt.timedelta(days=200))
    buyers.add_receiver("小明", "李四", "杭州市西湖区文三路1号", NOW - dt.timedelta(days=10))
    assert store.purge_personal_data(NOW).receivers == 1  # default: 180 days
    assert [r.name for r in buyers.get("小明").receivers] == ["李四"]
    assert buyers.get("小明").profile.credit == 41  # the profile itself stays
    store.settings.set("privacy.retention_days", "0")
    buyers.add_receiver("小明", "王五", "x", NOW - dt.timedelta(days=3000))
    assert store.purge_personal_data(NOW).total == 0


def test_every_screening_field_but_the_receiver_is_stored_and_read_back(store):
    from desktop_assistant.domain.screening import PROFILE_FIELDS, RECEIVER_FIELDS, STORED_PROFILE_FIELDS

    assert set(STORED_PROFILE_FIELDS) | set(RECEIVER_FIELDS) == set(PROFILE_FIELDS)
    profile = Profile(
        "小红",
        credit=12,
        positive_rate=98.5,
        registered_on=dt.date(2025, 1, 2),
        account_age_days=300,
        as_of=dt.date(2026, 11, 1),
        orders_count=9,
        refund_count=2,
        orders_last_7d=4,
        bad_reviews_given=3,
        off_platform_contact=True,
        no_bargain_many_items=True,
    )
    store.buyers.save_profile(profile, "", "", "A01", NOW)
    assert store.buyers.get("小红").profile == profile
