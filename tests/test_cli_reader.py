"""`conversations export` (kpi on it gives the 统计 numbers) and `reader calibrate`, as real commands."""

from __future__ import annotations

import datetime as dt
import json

from desktop_assistant.domain.conversations import BUYER_WROTE, CLOSED, OPENED, REPLIED, Event
from desktop_assistant.domain.kpi import DEFAULT_HOURS
from desktop_assistant.domain.reading import Region, Regions, parse_regions
from desktop_assistant.domain.stats import Period, stats_for
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli
from tests.test_cli import assert_one_line_error, ok

DAY = dt.datetime(2026, 11, 11)


def t(day: int, hour: int, minute: int, second: float = 0) -> dt.datetime:
    return DAY + dt.timedelta(days=day, hours=hour, minutes=minute, seconds=second)


EVENTS = [
    Event(t(0, 9, 0), "tb_云朵朵", BUYER_WROTE, "千牛", "A01", "sight"),
    Event(t(0, 9, 0, 20), "tb_云朵朵", BUYER_WROTE, "千牛", "A01", "sight"),
    Event(t(0, 9, 0, 42.5), "tb_云朵朵", REPLIED, "千牛", "A01", "phrase"),
    Event(t(0, 9, 5), "小熊", OPENED, "", "A01", "clipboard"),
    Event(t(0, 9, 9), "小熊", REPLIED, "", "A01", "hotkey"),
    Event(t(0, 9, 10), "小熊", CLOSED, "", "A01", "button"),
    Event(t(0, 7, 0), "早起", BUYER_WROTE, "千牛", "B07", "ui_tree"),  # before service hours
    Event(t(1, 10, 0), "老客户", BUYER_WROTE, "千牛", "B07", "ui_tree"),
    Event(t(1, 10, 2), "老客户", REPLIED, "千牛", "B07", "sight"),
    Event(t(1, 11, 0), "等着", BUYER_WROTE, "千牛", "B07", "sight"),  # never answered
]


def stored(tmp_path) -> str:
    store = open_store(Paths(tmp_path / "data"), DAY)
    store.conversations.record_many(EVENTS)
    store.close()
    return str(tmp_path / "data")


def test_export_then_kpi_gives_the_stats_numbers(tmp_path) -> None:
    base = stored(tmp_path)
    out = tmp_path / "log.csv"
    assert ok(run_cli("--basedir", base, "conversations", "export", str(out))).strip() == f"已导出 9 条消息到 {out}"
    lines = out.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "time,buyer,sender,agent,source"
    assert lines[1] == "2026-11-11 07:00:00.000,早起,buyer,B07,ui_tree"
    assert [line.rsplit(",", 1)[1] for line in lines[1:]] == [
        "ui_tree",
        "sight",
        "sight",
        "phrase",
        "manual",
        "manual",
        "ui_tree",
        "sight",
        "sight",
    ]
    stats = stats_for(EVENTS, Period(t(0, 0, 0), t(2, 0, 0), 2), hours=DEFAULT_HOURS)
    assert json.loads(ok(run_cli("--basedir", base, "kpi", str(out), "--json"))) == stats.figures
    assert stats.figures["rounds"] == 4 and set(stats.figures["agents"]) == {"A01", "B07"}


def test_export_to_stdout_and_since(tmp_path) -> None:
    base = stored(tmp_path)
    text = ok(run_cli("--basedir", base, "conversations", "export", "-", "--since", "2026-11-12"))
    assert text.lstrip("\ufeff").splitlines() == [
        "time,buyer,sender,agent,source",
        "2026-11-12 10:00:00.000,老客户,buyer,B07,ui_tree",
        "2026-11-12 10:02:00.000,老客户,agent,B07,sight",
        "2026-11-12 11:00:00.000,等着,buyer,B07,sight",
    ]
    assert_one_line_error(run_cli("--basedir", base, "conversations", "export", "-", "--since", "昨天"))
    assert_one_line_error(run_cli("--basedir", base, "conversations", "export", str(tmp_path / "nope" / "x.csv")))


def test_calibrate_stores_the_regions_of_a_client(tmp_path) -> None:
    base = str(tmp_path / "data")
    ok(
        run_cli(
            "--basedir",
            base,
            "reader",
            "calibrate",
            "千牛",
            "--list",
            "0,60,240,700",
            "--header",
            "250,60,600,40",
            "--messages",
            "250,100,600,500",
        )
    )
    ok(
        run_cli(
            "--basedir",
            base,
            "reader",
            "calibrate",
            "拼多多",
            "--list",
            "0,0,10,10",
            "--header",
            "0,0,10,10",
            "--messages",
            "0,0,10,10",
        )
    )
    value = json.loads(ok(run_cli("--basedir", base, "config", "get", "reader.regions")))
    regions = parse_regions(json.dumps(value))
    assert regions["千牛"] == Regions(Region(0, 60, 240, 700), Region(250, 60, 600, 40), Region(250, 100, 600, 500))
    assert set(regions) == {"千牛", "拼多多"}


def test_calibrate_refuses_an_unknown_client_and_bad_regions(tmp_path) -> None:
    base = str(tmp_path / "data")
    boxes = ["--list", "0,0,10,10", "--header", "0,0,10,10", "--messages", "0,0,10,10"]
    unknown = run_cli("--basedir", base, "reader", "calibrate", "微信", *boxes)
    assert_one_line_error(unknown)
    assert "千牛" in unknown.stderr  # the clients there are
    bad = run_cli("--basedir", base, "reader", "calibrate", "千牛", "--list", "0,0,0,10", *boxes[2:])
    assert_one_line_error(bad)
    assert "X,Y,W,H" in bad.stderr
    assert_one_line_error(run_cli("--basedir", base, "reader", "calibrate", "千牛", "--list", "1,2,3,4"))
    assert ok(run_cli("--basedir", base, "config", "get", "reader.regions")).strip() == ""


def test_probe_without_a_desktop_says_so(tmp_path) -> None:
    env = {"DISPLAY": ""}  # no X server: nothing to list (Windows lists with EnumWindows)
    assert (
        ok(run_cli("--basedir", str(tmp_path), "reader", "probe", env=env)).strip()
        == "没有可列出的窗口 (没有图形桌面, 或此平台不支持)"
    )
    assert json.loads(ok(run_cli("--basedir", str(tmp_path), "reader", "probe", "--json", env=env))) == []


def test_probe_asks_the_sight_reader_what_its_regions_show_now() -> None:
    """A sight read hands the pixels to its worker and returns the events at a later read: the probe, which
    reads once, takes the reader's snapshot instead."""
    from desktop_assistant.cli.reader import _read_once
    from desktop_assistant.os_integration.readers.sight import SightSnapshot

    class Sight:
        source = "sight"

        def snapshot(self, window, client):
            assert client == "千牛"
            return SightSnapshot("小熊爱吃鱼2023", (("jd_小王", 2),), "buyer")

        def read(self, window, client, now):
            return []

    assert _read_once(Sight(), object(), "千牛", DAY) == {
        "buyer": "小熊爱吃鱼2023",
        "last_speaker": "buyer",
        "badges": [{"buyer": "jd_小王", "count": 2}],
    }

    class Tree:  # the UI Automation reader has a snapshot too, of another shape: a probe reads it
        source = "ui_tree"

        def snapshot(self, window, client, now):
            raise AssertionError("the probe reads the tree, it takes no snapshot of it")

        def read(self, window, client, now):
            return []

    assert _read_once(Tree(), object(), "千牛", DAY) == {"buyer": "", "last_speaker": "", "badges": []}
