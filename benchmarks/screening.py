"""Buyer screening throughput and profile look-up latency (docs/benchmarks.md: `screen` >= 20,000 profiles/s;
issue: a profile look-up <= 5 ms with 100,000 stored profiles).

    python benchmarks/screening.py [--profiles 200000] [--stored 100000] [--lookups 500] [--runs 3]
                                   [--quick] [--json-out FILE]

Screening: --profiles realistic profiles (docs/cli.md screening input: Chinese and machine-made nicks,
credit as points or level text 3心 / 2钻 / 1冠, 好评率, registration date or account age, as_of,
order / refund / burst / bad-review counts, receivers with some celebrity names, Chinese addresses
with some vague ones, the two behaviour flags) are written as JSON Lines and as CSV (Chinese header),
and a database gets a few thousand blacklist / whitelist entries and red / yellow flagged order notes
for buyers among them. Then, for each file:
  - CLI: `python -m desktop_assistant screen FILE --json --basedir DIR > /dev/null` in a real process
    (wall time, interpreter start-up included; the start-up alone is measured on a one-profile file);
  - in-process: what cli/buyers.run_screen does (decode, open_store, rules, all_shop_facts, then
    read_screening_input + screen + json.dumps written to a UTF-8 sink), plus each stage alone.
PASS if profiles/s >= 20,000 (median wall time over --runs). CPU seconds are shown as well (for the CLI on
POSIX only): on a busy machine wall time drops, CPU time much less; the load average is printed. The
generated mix is deliberately rich in risk signals (about 1.6 reasons per profile), which makes the
JSON output, and so the run, heavier than a typical shop's.

Look-up: a database filled through BuyerStore (save_profile with receivers for --stored profiles,
extra receivers, tags, black / white list with history, screenings, flagged notes), reopened, then
for random known, listed and unknown nicks: BuyerStore.get + shop_facts + list_history (the store
reads of one 买家 tab look-up), and the whole BuyersController.lookup path (get, shop_facts, screen,
get again, list_history). PASS if p95 <= 5 ms; the max is shown too.
Prints the tables with PASS/FAIL, then one JSON object.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path
from fake_nicks import NICK_HEADS, NICK_TAILS  # benchmarks/ is the script's folder

from desktop_assistant.cli.buyers import screen_stream, screening_context
from desktop_assistant.domain.buyers import read_screening_input, valid_nick
from desktop_assistant.domain.notes import NoteChange
from desktop_assistant.domain.screening import PROFILE_FIELDS, Profile, ShopFacts, rules_from_settings, screen
from desktop_assistant.domain.tables import decode_text
from desktop_assistant.paths import resolve_paths
from desktop_assistant.resources_access import resource_path
from desktop_assistant.storage.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
RATE_TARGET = 20_000.0  # profiles/s
LOOKUP_TARGET_MS = 5.0  # p95
NOW = dt.datetime(2026, 11, 30, 9, 0)
TODAY = NOW.date()

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露"
    "瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
)
REGIONS = [
    ("浙江省", "杭州市", ["西湖区", "余杭区", "滨江区"]),
    ("广东省", "广州市", ["天河区", "海珠区", "白云区"]),
    ("广东省", "深圳市", ["南山区", "福田区", "宝安区"]),
    ("江苏省", "南京市", ["鼓楼区", "玄武区"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "高新区"]),
    ("湖北省", "武汉市", ["洪山区", "江汉区"]),
    ("", "上海市", ["浦东新区", "徐汇区", "闵行区"]),
    ("", "北京市", ["朝阳区", "海淀区", "丰台区"]),
    ("海南省", "三亚市", ["吉阳区", "天涯区"]),
    ("湖北省", "十堰市", ["张湾区", "茅箭区"]),
    ("陕西省", "西安市", ["雁塔区", "未央区"]),
    ("山东省", "青岛市", ["市南区", "崂山区"]),
]
STREETS = [
    "文三路",
    "人民路",
    "解放大道",
    "中山北路",
    "科技园南路",
    "建设街",
    "学府路",
    "长江东路",
    "新华街道",
    "光明路",
]
COMPOUNDS = ["阳光花园", "金色家园", "翠苑小区", "世纪城", "幸福里", "万科城市花园", "碧桂园", "锦绣江南"]
VAGUE_TAILS = ["附近", "菜鸟驿站", "快递柜", "一带", "小区门口", "商业街", ""]
CREDIT_TEXT = [
    "1心",
    "2心",
    "3心",
    "4心",
    "5心",
    "1钻",
    "2钻",
    "3钻",
    "4钻",
    "5钻",
    "1冠",
    "2冠",
    "皇冠",
    "一颗心",
    "两钻",
    "金冠",
    "三钻",
]
CSV_HEADER = [
    "买家",
    "信用",
    "好评率",
    "注册日期",
    "账龄天数",
    "参照日期",
    "订单数",
    "退款数",
    "近7天订单",
    "给出差评",
    "收货人",
    "收货地址",
    "站外联系",
    "不议价加单",
]
FIELDS = PROFILE_FIELDS


# --- realistic input ---------------------------------------------------------------------------------
def celebrities() -> list[str]:
    text = resource_path("lists", "celebrities.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def make_nick(rng: random.Random, serial: int) -> str:
    """~12 % machine-made (letters and digits interleaved, >= 10 chars, no CJK), ~12 % platform defaults
    (tb + digits) and word + digits; the rest like real nicks. `serial` keeps them unique."""
    draw = rng.random()
    if draw < 0.12:
        return "".join(rng.choice("abcdefghijkmnpqrstuvwxyz") + str(rng.randrange(10)) for _ in range(5)) + f"x{serial}"
    if draw < 0.24:
        return f"tb{serial:010d}" if draw < 0.18 else f"{rng.choice(('xiaoming', 'autumn', 'lily'))}{serial}"
    return f"{rng.choice(NICK_HEADS)}{rng.choice(NICK_TAILS)}{serial}"


def make_name(rng: random.Random, stars: list[str]) -> str:
    if rng.random() < 0.03:
        return rng.choice(stars)
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def make_address(rng: random.Random) -> str:
    province, city, districts = rng.choice(REGIONS)
    head = f"{province}{city}{rng.choice(districts)}"
    if rng.random() < 0.1:  # vague: no number, no building / unit / room
        return f"{head}{rng.choice(STREETS)}{rng.choice(VAGUE_TAILS)}"
    road = f"{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    if rng.random() < 0.6:
        building = f"{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(101, 3203)}室"
        return f"{head}{road}{rng.choice(COMPOUNDS)}{building}"
    return f"{head} {road}"


def make_profile(rng: random.Random, nick: str, stars: list[str]) -> dict[str, Any]:
    """One screening input object (fields left out at random, as exports do)."""
    p: dict[str, Any] = {"nick": nick}
    r = rng.random()
    if r < 0.45:
        p["credit"] = rng.choice(CREDIT_TEXT)
    elif r < 0.9:
        p["credit"] = rng.choice([rng.randint(0, 10), rng.randint(11, 300), rng.randint(300, 60000)])
    if rng.random() < 0.9:
        p["positive_rate"] = rng.choice(
            [
                100,
                round(rng.uniform(95, 100), 2),
                round(rng.uniform(97, 100), 1),
                round(rng.uniform(80, 95), 2),
                round(rng.uniform(40, 80), 1),
            ]
        )
    as_of = TODAY - dt.timedelta(days=rng.randint(0, 30))
    if rng.random() < 0.4:
        p["as_of"] = as_of.isoformat()
    r = rng.random()
    if r < 0.6:
        age = rng.choice([rng.randint(1, 29), rng.randint(30, 59), rng.randint(60, 4000), rng.randint(400, 5000)])
        p["registered_on"] = (as_of - dt.timedelta(days=age)).isoformat()
    elif r < 0.9:
        p["account_age_days"] = rng.choice([rng.randint(0, 60), rng.randint(60, 5000)])
    if rng.random() < 0.85:
        orders = rng.choice([rng.randint(0, 5), rng.randint(5, 80), rng.randint(80, 2000)])
        p["orders_count"] = orders
        p["refund_count"] = min(orders, rng.choice([0, 0, 0, 1, 2, rng.randint(0, 12)]))
    if rng.random() < 0.7:
        p["orders_last_7d"] = rng.choice([0, 0, 1, 1, 2, 3, rng.randint(0, 15)])
    if rng.random() < 0.6:
        p["bad_reviews_given"] = rng.choice([0, 0, 0, 1, 2, rng.randint(0, 10)])
    if rng.random() < 0.9:
        p["receiver_name"] = make_name(rng, stars)
        p["address"] = make_address(rng)
    if rng.random() < 0.05:
        p["off_platform_contact"] = True
    elif rng.random() < 0.5:
        p["off_platform_contact"] = False
    if rng.random() < 0.05:
        p["no_bargain_many_items"] = True
    return p


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def write_inputs(directory: Path, count: int, seed: int) -> dict:
    """profiles.jsonl and profiles.csv (the same profiles), one.jsonl; returns the nicks."""
    rng = random.Random(seed)
    stars = celebrities()
    nicks = [make_nick(rng, serial) for serial in range(count)]
    profiles = [make_profile(rng, nick, stars) for nick in nicks]
    jsonl = directory / "profiles.jsonl"
    jsonl.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in profiles), encoding="utf-8")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for p in profiles:
        writer.writerow([csv_cell(p.get(name)) for name in FIELDS])
    csv_path = directory / "profiles.csv"
    csv_path.write_bytes(buffer.getvalue().encode("utf-8-sig"))  # Excel's UTF-8 with BOM
    one = directory / "one.jsonl"
    one.write_text(json.dumps(profiles[0], ensure_ascii=False) + "\n", encoding="utf-8")
    return {
        "nicks": nicks,
        "jsonl": jsonl,
        "csv": csv_path,
        "one": one,
        "jsonl_mb": jsonl.stat().st_size / 1e6,
        "csv_mb": csv_path.stat().st_size / 1e6,
    }


def order_id(rng: random.Random, serial: int) -> str:
    return f"{3_100_000_000 + serial * 17}{rng.randrange(10**9):09d}"


def add_flagged_notes(store: Store, rng: random.Random, buyers: list[str], count: int, start: int = 0) -> None:
    """`count` order notes for `buyers` (caller's transaction); about half red (1) or yellow (2)."""
    texts = [
        "买家说没收到货, 已核实物流",
        "要求退款不退货, 已拒绝",
        "说质量有问题但不给照片",
        "催发货, 承诺48小时内发",
        "改地址, 已改",
        "补发赠品",
        "差评预警: 反复要求加微信",
    ]
    for n in range(count):
        flag = rng.choices([0, 1, 2, 3, 4, 5], [25, 30, 20, 10, 10, 5])[0]
        change = NoteChange(order_id(rng, start + n), flag, rng.choice(texts), "", "kf01", rng.choice(buyers))
        store.notes.append(change, NOW - dt.timedelta(minutes=rng.randint(1, 90 * 24 * 60)))


def build_screen_db(paths, nicks: list[str], seed: int, black: int, white: int, notes: int) -> dict:
    rng = random.Random(seed + 1)
    picked = rng.sample(nicks, min(len(nicks), black + white))
    store = open_store(paths, NOW)
    try:
        with store.db.atomic():
            for i, nick in enumerate(picked):
                status = "black" if i < black else "white"
                store.buyers.set_list(
                    nick,
                    status,
                    "恶意差评" if status == "black" else "老客户",
                    "kf01",
                    NOW - dt.timedelta(days=rng.randint(1, 400)),
                )
            add_flagged_notes(store, rng, rng.sample(nicks, min(len(nicks), max(1, notes // 2))), notes)
        facts = len(store.buyers.all_shop_facts())
    finally:
        store.close()
    return {
        "black": min(black, len(picked)),
        "white": max(0, len(picked) - black),
        "notes": notes,
        "buyers_with_facts": facts,
    }


# --- screening throughput ----------------------------------------------------------------------------
def children_cpu() -> float | None:
    """CPU seconds (user + system) of finished child processes so far; None where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(path: Path, basedir: Path) -> tuple[float, float | None]:
    """Wall and CPU seconds of `python -m desktop_assistant screen FILE --json --basedir DIR > /dev/null`."""
    with open(os.devnull, "wb") as sink:
        cpu = children_cpu()
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "desktop_assistant", "screen", str(path), "--json", "--basedir", str(basedir)],
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.PIPE,
        )
        elapsed = time.perf_counter() - started
        after = children_cpu()
    if result.returncode != 0 or result.stderr:
        raise SystemExit(f"screen {path.name} failed: rc={result.returncode} {result.stderr.decode()[:500]}")
    return elapsed, None if cpu is None or after is None else after - cpu


def in_process(path: Path, paths) -> tuple[float, float, int]:
    """cli/buyers.run_screen's own work (--json), written to a UTF-8 sink like a redirected stdout:
    wall seconds, CPU seconds, profiles screened."""
    cpu = time.process_time()
    started = time.perf_counter()
    text = decode_text(path.read_bytes())[0]
    rules, facts = screening_context(paths)
    with open(os.devnull, "w", encoding="utf-8") as out, open(os.devnull, "w", encoding="utf-8") as err:
        screened, bad = screen_stream(text, rules, facts, True, out, err)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if bad:
        raise SystemExit(f"{path.name}: {bad} bad profiles in generated input")
    return elapsed, cpu, screened


def stages(path: Path, paths) -> dict[str, float]:
    """Seconds of each stage alone, on the whole file."""
    out: dict[str, float] = {}
    started = time.perf_counter()
    text = decode_text(path.read_bytes())[0]
    out["read+decode"] = time.perf_counter() - started
    started = time.perf_counter()
    rules, facts = screening_context(paths)
    out["open_store+rules+facts"] = time.perf_counter() - started
    started = time.perf_counter()
    profiles = [item for _line, item in read_screening_input(text)]
    out["read_screening_input"] = time.perf_counter() - started
    today, nothing = dt.date.today(), ShopFacts()
    started = time.perf_counter()
    results = [screen(p, rules, facts.get(p.nick, nothing), today) for p in profiles]
    out["screen"] = time.perf_counter() - started
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for r in results:
            sink.write(json.dumps(r.as_json(), ensure_ascii=False) + "\n")
    out["as_json+dumps+write"] = time.perf_counter() - started
    return out


def screening_bench(directory: Path, count: int, runs: int, seed: int, black: int, white: int, notes: int) -> dict:
    started = time.perf_counter()
    inputs = write_inputs(directory, count, seed)
    basedir = directory / "screen-db"
    db = build_screen_db(resolve_paths(str(basedir)), inputs["nicks"], seed, black, white, notes)
    build_s = time.perf_counter() - started
    paths = resolve_paths(str(basedir))
    startup = min(run_cli(inputs["one"], basedir)[0] for _ in range(max(3, runs)))
    rows: dict[str, dict] = {}
    for fmt in ("jsonl", "csv"):
        path = inputs[fmt]
        cli = [run_cli(path, basedir) for _ in range(runs)]
        proc = [in_process(path, paths) for _ in range(runs)]
        if proc[0][2] != count:
            raise SystemExit(f"{fmt}: screened {proc[0][2]} of {count}")
        for kind, samples, offset in (
            (f"CLI end to end ({fmt})", [(w, c) for w, c in cli], 0.0),
            (f"in-process run_screen loop ({fmt})", [(w, c) for w, c, _n in proc], 0.0),
            (f"CLI minus start-up ({fmt})", [(w, c) for w, c in cli], startup),
        ):
            wall = sorted(max(1e-9, w - offset) for w, _c in samples)
            cpus = [c for _w, c in samples if c is not None]
            median = statistics.median(wall)
            rows[kind] = {
                "seconds_median": round(median, 3),
                "seconds_best": round(wall[0], 3),
                "profiles_per_s": round(count / median),
                "best_profiles_per_s": round(count / wall[0]),
                "cpu_s_median": round(statistics.median(cpus), 3) if cpus and not offset else None,
                "profiles_per_cpu_s": round(count / statistics.median(cpus)) if cpus and not offset else None,
                # the start-up is subtracted from wall time only: that row is for information
                "pass": None if offset else count / median >= RATE_TARGET,
            }
    stage = {fmt: {k: round(v, 3) for k, v in stages(inputs[fmt], paths).items()} for fmt in ("jsonl", "csv")}
    return {
        "profiles": count,
        "runs": runs,
        "jsonl_mb": round(inputs["jsonl_mb"], 1),
        "csv_mb": round(inputs["csv_mb"], 1),
        "database": db,
        "build_s": round(build_s, 1),
        "cli_startup_s": round(startup, 3),
        "target_per_s": RATE_TARGET,
        "rows": rows,
        "stages_s": stage,
    }


# --- look-up latency ---------------------------------------------------------------------------------
TAGS = [
    ("会员等级", "普通"),
    ("会员等级", "资深"),
    ("会员等级", "VIP"),
    ("活动", "双11"),
    ("活动", "新客"),
    ("偏好", "价格"),
    ("偏好", "品牌"),
    ("标签", "爱砍价"),
    ("标签", "要发票"),
]


def build_lookup_db(paths, stored: int, seed: int) -> dict:
    """--stored profiles through BuyerStore in one transaction, as agents would have saved them over
    months: receivers (some buyers with 2-3), tags, list entries with history, screenings, notes."""
    from desktop_assistant.domain.buyers import profile_from_mapping

    rng = random.Random(seed + 2)
    stars = celebrities()
    rules = rules_from_settings({}, resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))
    nicks = [make_nick(rng, serial) for serial in range(stored)]
    listed: list[str] = []
    counts = {"profiles": 0, "extra_receivers": 0, "tagged": 0, "list_changes": 0, "screenings": 0, "notes": 0}
    store = open_store(paths, NOW)
    try:
        buyers = store.buyers
        with store.db.atomic():
            for nick in nicks:
                at = NOW - dt.timedelta(minutes=rng.randint(1, 365 * 24 * 60))
                profile = profile_from_mapping(make_profile(rng, nick, stars))
                buyers.save_profile(profile, "淘宝", "爱问发货时间" if rng.random() < 0.1 else "", "kf01", at)
                counts["profiles"] += 1
                for _ in range(rng.choice([0, 0, 0, 1, 2])):
                    buyers.add_receiver(
                        nick, make_name(rng, stars), make_address(rng), at + dt.timedelta(days=rng.randint(1, 60))
                    )
                    counts["extra_receivers"] += 1
                if rng.random() < 0.3:
                    buyers.set_tags(nick, rng.sample(TAGS, rng.randint(1, 3)), at)
                    counts["tagged"] += 1
                if rng.random() < 0.05:
                    listed.append(nick)
                    for status in rng.choice([["black"], ["white"], ["black", "none"], ["white", "none", "black"]]):
                        buyers.set_list(nick, status, "恶意差评" if status == "black" else "老客户", "kf01", at)
                        counts["list_changes"] += 1
                if rng.random() < 0.25:
                    result = screen(profile, rules, ShopFacts(), TODAY)
                    for _ in range(rng.randint(1, 4)):
                        buyers.record_screening(result, "kf01", at)
                        counts["screenings"] += 1
            notes = max(1, stored // 5)
            add_flagged_notes(store, rng, rng.sample(nicks, max(1, stored // 10)), notes)
            counts["notes"] = notes
    finally:
        store.close()  # checkpoints the WAL into the file
    return {"nicks": nicks, "listed": listed, "counts": counts}


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed_ms(call: Callable[[str], object], nicks: list[str]) -> list[float]:
    samples = []
    for nick in nicks:
        started = time.perf_counter()
        call(nick)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def lookup_bench(directory: Path, stored: int, lookups: int, seed: int) -> dict:
    paths = resolve_paths(str(directory / "lookup-db"))
    started = time.perf_counter()
    built = build_lookup_db(paths, stored, seed)
    build_s = time.perf_counter() - started
    size_mb = sum(p.stat().st_size for p in paths.data_dir.glob("*.sqlite3*")) / 1e6
    rng = random.Random(seed + 3)
    known = [rng.choice(built["nicks"]) for _ in range(lookups)]
    listed = [rng.choice(built["listed"]) for _ in range(lookups)] if built["listed"] else known
    unknown = [make_nick(rng, stored + 10_000_000 + n) for n in range(lookups)]
    rules = rules_from_settings({}, resource_path("lists", "celebrities.txt").read_text(encoding="utf-8"))
    store = open_store(paths, NOW)  # a fresh connection, as the app has after start-up
    try:
        buyers = store.buyers
        rows_stored = buyers.count()

        def reads(nick: str) -> None:
            buyers.get(nick)
            buyers.shop_facts(nick)
            buyers.list_history(nick)

        def tab_lookup(nick: str) -> None:  # BuyersController.lookup without the widgets
            nick = valid_nick(nick)
            record = buyers.get(nick)
            facts = buyers.shop_facts(nick)
            if record is not None or facts.flagged_orders or facts.list_status:
                screen(record.profile if record is not None else Profile(nick), rules, facts, TODAY)
            buyers.get(nick)
            buyers.list_history(nick)

        kinds = [
            ("get+shop_facts+list_history", "known nick", reads, known),
            ("get+shop_facts+list_history", "listed nick", reads, listed),
            ("get+shop_facts+list_history", "unknown nick", reads, unknown),
            ("tab lookup (get, facts, screen, history)", "known nick", tab_lookup, known),
            ("tab lookup (get, facts, screen, history)", "unknown nick", tab_lookup, unknown),
        ]
        results = {}
        for what, who, call, nicks in kinds:
            ordered = sorted(timed_ms(call, nicks))
            results[f"{what} / {who}"] = {
                "lookups": len(ordered),
                "median_ms": round(statistics.median(ordered), 3),
                "p95_ms": round(percentile(ordered, 0.95), 3),
                "max_ms": round(ordered[-1], 3),
                "pass": percentile(ordered, 0.95) <= LOOKUP_TARGET_MS,
            }
    finally:
        store.close()
    return {
        "stored": rows_stored,
        "build_s": round(build_s, 1),
        "file_mb": round(size_mb, 1),
        "counts": built["counts"],
        "target_p95_ms": LOOKUP_TARGET_MS,
        "queries": results,
    }


# --- report ------------------------------------------------------------------------------------------
def mark(ok: bool | None) -> str:
    return "" if ok is None else "PASS" if ok else "FAIL"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=200_000, help="profiles to screen")
    parser.add_argument("--stored", type=int, default=100_000, help="profiles in the look-up database")
    parser.add_argument("--lookups", type=int, default=500, help="look-ups per kind")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per screening row (median counts)")
    parser.add_argument("--black", type=int, default=3000)
    parser.add_argument("--white", type=int, default=1000)
    parser.add_argument("--notes", type=int, default=5000, help="order notes in the screening database")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--json-out")
    args = parser.parse_args()
    if args.quick:
        args.profiles, args.stored, args.lookups, args.runs = 5000, 2000, 100, 1
        args.black, args.white, args.notes = 100, 50, 200
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        screening = screening_bench(directory, args.profiles, args.runs, args.seed, args.black, args.white, args.notes)
        lookup = lookup_bench(directory, args.stored, args.lookups, args.seed)
    summary = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "screen": screening,
        "lookup": lookup,
    }

    db = screening["database"]
    print(
        f"screen: {screening['profiles']:,} profiles  JSON Lines {screening['jsonl_mb']} MB  "
        f"CSV {screening['csv_mb']} MB  database: {db['black']:,} black, {db['white']:,} white, "
        f"{db['notes']:,} notes ({db['buyers_with_facts']:,} buyers with shop facts)  build {screening['build_s']}s  "
        f"runs {screening['runs']}  CLI start-up {screening['cli_startup_s'] * 1000:.0f} ms"
    )
    print(
        f"python {summary['python']}  {summary['cpus']} CPUs  load average before {load_before}, "
        f"after {summary['load_average_after']} (wall times suffer on a busy machine; CPU time less)"
    )
    print(
        f"{'path':38} {'median':>9} {'best':>9} {'profiles/s':>11} {'best/s':>9} {'cpu':>8} {'per cpu-s':>10}  "
        f"PASS if median >= {RATE_TARGET:,.0f}/s"
    )
    for name, row in screening["rows"].items():
        cpu = f"{row['cpu_s_median']:>7.3f}s {row['profiles_per_cpu_s']:>10,}" if row["cpu_s_median"] else " " * 19
        print(
            f"{name:38} {row['seconds_median']:>8.3f}s {row['seconds_best']:>8.3f}s "
            f"{row['profiles_per_s']:>11,} {row['best_profiles_per_s']:>9,} {cpu}  {mark(row['pass'])}"
        )
    if args.quick:
        print("  (--quick: at this size the CLI rows measure interpreter start-up; a smoke run, not a verdict)")
    for fmt, parts in screening["stages_s"].items():
        print(f"  stages ({fmt}): " + ", ".join(f"{k} {v:.3f}s" for k, v in parts.items()))
    counts = lookup["counts"]
    print(
        f"\nlook-up: {lookup['stored']:,} stored profiles ({counts['extra_receivers']:,} extra receivers, "
        f"{counts['tagged']:,} tagged, {counts['list_changes']:,} list changes, {counts['screenings']:,} "
        f"screenings, {counts['notes']:,} notes)  build {lookup['build_s']}s  file {lookup['file_mb']} MB"
    )
    print(f"{'query':58} {'n':>4} {'median':>9} {'p95':>9} {'max':>9}  PASS if p95 <= {LOOKUP_TARGET_MS:.0f} ms")
    for name, row in lookup["queries"].items():
        print(
            f"{name:58} {row['lookups']:>4} {row['median_ms']:>7.3f}ms {row['p95_ms']:>7.3f}ms "
            f"{row['max_ms']:>7.3f}ms  {mark(row['pass'])}"
        )
    failed = [name for name, row in screening["rows"].items() if row["pass"] is False]
    failed += [name for name, row in lookup["queries"].items() if not row["pass"]]
    print("all PASS" if not failed else f"FAIL: {', '.join(failed)}")
    emit({"screening": summary}, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
