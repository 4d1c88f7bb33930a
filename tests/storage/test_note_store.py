"""Order notes in the real SQLite file: append-only history, the current row, search."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_assistant.domain.notes import validated_change

T0 = dt.datetime(2026, 11, 23, 14, 5)


@pytest.fixture
def store_now() -> dt.datetime:
    return T0


def write(store, order, flag, text, reason="", agent="A01", buyer="", minutes=0):
    change = validated_change(order, flag, text, reason, agent, buyer, current=store.notes.current(order))
    return store.notes.append(change, T0 + dt.timedelta(minutes=minutes))


def test_three_versions_are_kept_with_who_and_when_and_the_newest_is_current(store):
    write(store, "T1001", 1, "赠袜子, 顺丰", buyer="云朵朵")
    write(store, "T1001", 1, "赠袜子, 顺丰, 周五前发", "买家催", agent="A02", minutes=2)
    write(store, "T1001", 2, "赠袜子, 改发韵达", "顺丰不到", minutes=9)
    history = store.notes.history("T1001")
    assert [(v.flag, v.text, v.reason, v.agent_id, v.at.strftime("%H:%M")) for v in history] == [
        (1, "赠袜子, 顺丰", "", "A01", "14:05"),
        (1, "赠袜子, 顺丰, 周五前发", "买家催", "A02", "14:07"),
        (2, "赠袜子, 改发韵达", "顺丰不到", "A01", "14:14"),
    ]
    assert store.notes.current("T1001") == history[-1]
    assert [v.buyer for v in history] == ["云朵朵"] * 3
    (listed,) = store.notes.recent()
    assert listed.versions == 3 and listed.current == history[-1]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE order_notes SET text = 'x'",
        "DELETE FROM order_notes",
        "UPDATE order_notes SET flag = 0 WHERE id = 1",
    ],
)
def test_the_database_itself_refuses_to_change_history(store, sql):
    write(store, "T1", 1, "赠品")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute(sql)
    assert [v.text for v in store.notes.history("T1")] == ["赠品"]


@pytest.mark.parametrize("column, value", [("flag", 6), ("text", "字" * 334), ("agent_id", "")])
def test_the_database_checks_the_rules_too(store, column, value):
    row = {"order_id": "T1", "flag": 1, "text": "x", "agent_id": "A01", "at": "2026-11-23 14:05:00", column: value}
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO order_notes (order_id, flag, text, agent_id, at) VALUES (?, ?, ?, ?, ?)",
            [row["order_id"], row["flag"], row["text"], row["agent_id"], row["at"]],
        )
    assert store.notes.count() == 0


def test_search_by_order_prefix_buyer_flag_and_text(store):
    write(store, "T1001", 1, "赠袜子, 顺丰", buyer="云朵朵")
    write(store, "T1002", 2, "买家说地址有误, 待确认", buyer="小熊")
    write(store, "X2001", 4, "缺货 等补", buyer="云朵朵")
    write(store, "T1002", 3, "已改地址", "买家确认新地址", minutes=1)

    def ids(query, flag=None):
        return sorted(note.current.order_id for note in store.notes.search(query, flag))

    assert ids("T100") == ["T1001", "T1002"]
    assert ids("云朵朵") == ["T1001", "X2001"]
    assert ids("袜子") == ["T1001"]
    assert ids("赠袜子") == ["T1001"]
    assert ids("地址") == ["T1002"]  # in an older version and in the reason of the newest
    assert ids("待确认") == ["T1002"]
    assert ids("子") == ["T1001"]
    assert ids("袜顺") == []  # both characters present, not adjacent
    assert ids("") == ["T1001", "T1002", "X2001"]
    assert ids("", flag=3) == ["T1002"]
    assert ids("云朵朵", flag=4) == ["X2001"]
    assert ids("地址", flag=2) == []  # the current flag is 3
    assert ids("没有这个") == []


def test_export_rows_are_every_version(store):
    write(store, "B2", 1, "b")
    write(store, "A1", 1, "a")
    write(store, "B2", 2, "b2", "改", minutes=1)
    assert [(v.order_id, v.text) for v in store.notes.export_rows()] == [("A1", "a"), ("B2", "b"), ("B2", "b2")]


def test_a_colour_filter_finds_text_matches_beyond_the_first_batch_of_candidates(store):
    write(store, "OLD5", 5, "顺丰 已退款")  # the oldest mention, the only purple one
    with store.db.atomic():  # one transaction: 2,500 newer grey mentions in front of it
        for n in range(2500):
            store.notes.append(validated_change(f"G{n}", 0, f"顺丰 第{n}单", "", "A01"), T0)
    assert [n.current.order_id for n in store.notes.search("顺丰", flag=5)] == ["OLD5"]
    assert len(store.notes.search("顺丰")) == 200  # a page, newest first
    assert store.notes.search("顺丰")[0].current.order_id == "G2499"
