"""Order-note search latency over 1,000,000 history rows (target: every search <= 50 ms).

    python benchmarks/notes.py [--rows 1000000] [--versions 5] [--runs 50] [--basedir DIR] [--json-out FILE]

Builds a database through open_store with --rows order_notes rows (--rows / --versions orders, each
edited --versions times, edits interleaved in time as in a shop): memo-style Chinese texts from
build_memo with gifts, couriers, reasons and tracking numbers, buyer nicks (some buyers with several
orders) and weighted flags. Rows go in through the very SQL NoteStore.append executes (the version,
then its terms in order_note_terms with rowid = id), in one transaction; the triggers keep
order_current. Then every query kind is run --runs times through NoteStore (order ids, nicks and
history use a different order each run). Prints the build, a table with PASS/FAIL per row against
50 ms, then one JSON object. `--basedir DIR` keeps the database there and reuses it if it already
holds --rows rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path
from fake_nicks import NICK_HEADS, NICK_TAILS  # benchmarks/ is the script's folder

from desktop_assistant.domain.notes import build_memo, index_terms
from desktop_assistant.paths import resolve_paths
from desktop_assistant.storage.store import Store, open_store

TARGET_MS = 50.0
NOW = dt.datetime(2026, 11, 30, 9, 0)
# NoteStore.append, verbatim.
INSERT_NOTE = "INSERT INTO order_notes (order_id, flag, text, reason, agent_id, buyer, at) VALUES (?, ?, ?, ?, ?, ?, ?)"
INSERT_TERMS = "INSERT INTO order_note_terms (rowid, terms) VALUES (?, ?)"

AGENTS = [
    (f"kf{n:02d}", name)
    for n, name in enumerate(
        ["小王", "小李", "阿敏", "婷婷", "大刘", "小周", "晓雪", "阿杰", "小陈", "圆圆", "老孙", "小美"], start=1
    )
]
GIFTS = [
    "小样两份",
    "保温杯",
    "定制书签",
    "湿巾一包",
    "试用装面膜",
    "冰箱贴",
    "帆布袋",
    "钥匙扣",
    "发圈三个",
    "手机支架",
    "润唇膏",
    "旅行装洗发水",
    "明信片",
    "收纳袋",
    "运费险",
]
RARE_GIFTS = ["景泰蓝手镯", "紫砂壶"]  # about 1 note in 2,000: the rare queries
COURIERS = ["顺丰", "顺丰到付", "中通", "圆通", "韵达", "申通", "京东物流", "邮政EMS", "极兔", "德邦"]
CHANGES = [
    "地址改为{city}",
    "收货人改为{name}",
    "颜色换成{colour}",
    "尺码改{size}",
    "加购一件",
    "改为自提",
    "电话改为新号码",
    "合并两单发货",
    "拆单先发现货",
    "备注开发票",
    "延迟到周末发货",
    "VIP客户优先发",
]
REASONS = [
    "买家要求改地址",
    "缺货换色",
    "补发赠品",
    "买家催发货",
    "退换中",
    "核实收货人",
    "承诺48小时内发货",
    "仓库漏发",
    "快递拒收",
    "买家拍错尺码",
    "价保补差",
    "VIP老客户",
    "差评预警",
    "地址超区",
]
CITIES = [
    "杭州市西湖区",
    "上海市浦东新区",
    "北京市朝阳区",
    "广州市天河区",
    "成都市武侯区",
    "武汉市洪山区",
    "南京市鼓楼区",
    "西安市雁塔区",
    "深圳市南山区",
    "长沙市岳麓区",
]
NAMES = ["张先生", "李女士", "王小姐", "刘阿姨", "陈同学", "赵师傅"]
COLOURS = ["雾霾蓝", "奶白色", "酒红色", "墨绿色", "燕麦色"]
SIZES = ["S", "M", "L", "XL", "XXL", "36码", "38码"]
TRACKING = [("SF", 12), ("JD", 13), ("YT", 13), ("ZTO", 12)]
FLAGS = [0, 1, 2, 3, 4, 5]
FLAG_WEIGHTS = [50, 15, 10, 10, 8, 7]


def make_nick(rng: random.Random) -> str:
    return f"{rng.choice(NICK_HEADS)}{rng.choice(NICK_TAILS)}{rng.randrange(100000)}"


def note_text(rng: random.Random, agent_name: str, at: dt.datetime) -> str:
    gift = rng.choice(RARE_GIFTS) if rng.random() < 0.0005 else (rng.choice(GIFTS) if rng.random() < 0.6 else "")
    ship = rng.choice(COURIERS) if rng.random() < 0.7 else ""
    if ship and rng.random() < 0.2:
        prefix, digits = rng.choice(TRACKING)
        ship += f" 补发单号{prefix}{rng.randrange(10**digits):0{digits}d}"
    changed = ""
    if rng.random() < 0.5:
        changed = rng.choice(CHANGES).format(
            city=rng.choice(CITIES), name=rng.choice(NAMES), colour=rng.choice(COLOURS), size=rng.choice(SIZES)
        )
    reason = rng.choice(REASONS) if rng.random() < 0.5 else ""
    return build_memo(agent_name, at, changed, gift, ship, reason)


def events(orders: int, versions: int, rng: random.Random) -> Iterator[tuple[float, int, int]]:
    """(minutes since start, order index, version) in time order: orders arrive steadily over 90 days,
    each edited again 5 minutes to 3 days after its previous version."""
    step = 90 * 24 * 60 / max(orders, 1)
    pending: list[tuple[float, int, int]] = []
    for order in range(orders):
        created = order * step
        while pending and pending[0][0] <= created:
            yield heapq.heappop(pending)
        yield created, order, 0
        at = created
        for version in range(1, versions):
            at += rng.uniform(5, 3 * 24 * 60)
            heapq.heappush(pending, (at, order, version))
    while pending:
        yield heapq.heappop(pending)


def draw_orders(rng: random.Random, rows: int, versions: int) -> dict:
    """Order ids (19 digits, rising like the platform's) and each order's buyer (some buyers have several)."""
    orders = rows // versions
    order_ids = []
    serial = 3_100_000_000
    for _ in range(orders):
        serial += rng.randint(1, 40)
        order_ids.append(f"{serial}{rng.randrange(10**9):09d}")
    nicks = [make_nick(rng) for _ in range(max(1, orders * 3 // 5))]
    return {"order_ids": order_ids, "buyers": [rng.choice(nicks) for _ in range(orders)]}


def build(store: Store, rows: int, versions: int, seed: int) -> dict:
    rng = random.Random(seed)
    data = draw_orders(rng, rows, versions)
    order_ids, buyers = data["order_ids"], data["buyers"]
    start = NOW - dt.timedelta(days=93)
    conn = store.db.conn
    conn.execute("BEGIN")
    try:
        for minutes, order, version in events(len(order_ids), versions, rng):
            at = start + dt.timedelta(minutes=minutes)
            agent_id, agent_name = rng.choice(AGENTS)
            text = note_text(rng, agent_name, at)
            reason = rng.choice(REASONS) if version else ""
            flag = rng.choices(FLAGS, FLAG_WEIGHTS)[0]
            stamp = at.replace(microsecond=0).isoformat(sep=" ")
            note_id = conn.execute(
                INSERT_NOTE, [order_ids[order], flag, text, reason, agent_id, buyers[order], stamp]
            ).lastrowid
            terms = index_terms(" ".join((text, reason)))
            if terms:
                conn.execute(INSERT_TERMS, [note_id, terms])
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise
    return data


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(call: Callable[[int], list], runs: int) -> tuple[list[float], int]:
    """Seconds per run, and the number of results of the first run (the example shown)."""
    samples, hits = [], 0
    for run in range(runs):
        started = time.perf_counter()
        found = call(run)
        samples.append(time.perf_counter() - started)
        if run == 0:
            hits = len(found)
    return samples, hits


def padded(text: str, width: int) -> str:
    """Left-aligned in `width` terminal columns (a Chinese character takes two), cut if longer."""
    out, used = "", 0
    for ch in text:
        cols = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + cols > width - 1:
            break
        out, used = out + ch, used + cols
    return out + " " * (width - used)


def file_mb(path: Path) -> float:
    files = [path, Path(f"{path}-wal")]
    return sum(p.stat().st_size for p in files if p.exists()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--basedir", help="keep the database here (reused if it already holds --rows rows)")
    parser.add_argument("--json-out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(args.basedir or tmp)
        store = open_store(paths, NOW)
        reused = store.notes.count() == args.rows
        started = time.perf_counter()
        if reused:
            # Rebuild the samples only (same seed, same draws); nothing is written.
            data = draw_orders(random.Random(args.seed), args.rows, args.versions)
        else:
            if store.notes.count():
                raise SystemExit(
                    f"{paths.db_path} holds {store.notes.count()} rows, not {args.rows}: use another --basedir"
                )
            data = build(store, args.rows, args.versions, args.seed)
        build_s = time.perf_counter() - started
        store.close()  # checkpoints the WAL into the file
        size_mb = file_mb(paths.db_path)
        store = open_store(paths, NOW)  # a fresh connection, as the app has after start-up
        try:
            orders = store.db.execute("SELECT count(*) FROM order_current").fetchone()[0]
            rows = store.notes.count()
            results = run_queries(store, data, args.runs)
        finally:
            store.close()
    summary = {
        "rows": rows,
        "orders": orders,
        "build_s": None if reused else round(build_s, 1),
        "file_mb": round(size_mb, 1),
        "runs": args.runs,
        "target_ms": TARGET_MS,
        "python": sys.version.split()[0],
        "queries": results,
    }
    print(
        f"rows {rows:,}  orders {orders:,}  build {'(reused)' if reused else f'{build_s:.1f}s'}  "
        f"file {size_mb:.1f} MB  runs {args.runs}"
    )
    print(
        f"{'query':30} {'example':28}{'hits':>5} {'median':>9} {'p95':>9} {'max':>9}  PASS if max <= {TARGET_MS:.0f} ms"
    )
    for name, row in results.items():
        print(
            f"{name:30} {padded(row['example'], 28)}{row['hits']:>5} {row['median_ms']:>7.2f}ms "
            f"{row['p95_ms']:>7.2f}ms {row['max_ms']:>7.2f}ms  {'PASS' if row['pass'] else 'FAIL'}"
        )
    failed = [name for name, row in results.items() if not row["pass"]]
    print("all PASS" if not failed else f"FAIL: {', '.join(failed)}")
    emit({"notes": summary}, args.json_out)
    return 0


def run_queries(store: Store, data: dict, runs: int) -> dict:
    notes = store.notes
    rng = random.Random(99)
    order_ids, buyers = data["order_ids"], data["buyers"]
    picks = [rng.randrange(len(order_ids)) for _ in range(runs)]
    kinds: list[tuple[str, str, Callable[[int], list]]] = [
        ("order id exact", order_ids[picks[0]], lambda run: notes.search(order_ids[picks[run]])),
        ("order id prefix (10 digits)", order_ids[picks[0]][:10], lambda run: notes.search(order_ids[picks[run]][:10])),
        ("buyer nick", buyers[picks[0]], lambda run: notes.search(buyers[picks[run]])),
        ("flag 1 only (recent)", "flag=1", lambda run: notes.recent(flag=1)),
        # 发 is in almost every memo (the builder's 【发】 label, 发货, 发票): the worst one-character query.
        ("text 1 char, in most notes", "发", lambda run: notes.search("发")),
        ("text 1 char common", "赠", lambda run: notes.search("赠")),
        ("text 1 char rare", "壶", lambda run: notes.search("壶")),
        ("text 2 chars common", "顺丰", lambda run: notes.search("顺丰")),
        ("text 2 chars rare", "泰蓝", lambda run: notes.search("泰蓝")),
        ("text 3+ chars", "要求改地址", lambda run: notes.search("要求改地址")),
        # The list's flag filter with a query (flag 0, 灰, is half of all orders).
        (
            "order id prefix + flag 0",
            order_ids[picks[0]][:10] + " flag=0",
            lambda run: notes.search(order_ids[picks[run]][:10], flag=0),
        ),
        ("buyer nick + flag 0", buyers[picks[0]] + " flag=0", lambda run: notes.search(buyers[picks[run]], flag=0)),
        ("text 2 chars + flag 0", "顺丰 flag=0", lambda run: notes.search("顺丰", flag=0)),
        ("text 2 chars + flag 5", "顺丰 flag=5", lambda run: notes.search("顺丰", flag=5)),
        ("ASCII word", "VIP", lambda run: notes.search("VIP")),
        ("ASCII tracking prefix", "SF", lambda run: notes.search("SF")),
        ("no hits", "火星快递", lambda run: notes.search("火星快递")),
        ("history of one order", order_ids[picks[0]], lambda run: notes.history(order_ids[picks[run]])),
    ]
    results = {}
    for name, example, call in kinds:
        samples, hits = measure(call, runs)
        ordered = sorted(samples)
        results[name] = {
            "example": example,
            "hits": hits,
            "median_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(percentile(ordered, 0.95) * 1000, 3),
            "max_ms": round(ordered[-1] * 1000, 3),
            "pass": ordered[-1] * 1000 <= TARGET_MS,
        }
    return results


if __name__ == "__main__":
    raise SystemExit(main())
