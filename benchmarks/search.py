"""Picker search latency per keystroke at 1k / 10k / 50k phrases (target: p95 <= 5 ms at 50k).

    python benchmarks/search.py [--sizes 1000,10000,50000] [--json-out FILE]

Phrases are generated from common characters with realistic lengths (titles 4-10 characters, bodies
20-80) and imported into a fresh database as `phrases import` does; the search is the picker's (the
database plus the in-memory TextIndex). Every query is typed keystroke by keystroke,
as in the picker: each prefix is one measured search. Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time

from bench_json import emit  # benchmarks/ is the script's folder, first on sys.path

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.domain.search import TextIndex
from desktop_assistant.paths import resolve_paths
from desktop_assistant.storage.store import open_store

COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
    "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题程展五果料象员革位入常文总次品式活设及管特件长求老头基资"
    "边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车"
    "例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫"
    "且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克"
    "何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调"
    "满县局照参红细引听该铁价严顺丰递货款退换"
)
NOW = dt.datetime(2026, 11, 30, 9, 0)
QUERIES = [
    "hy",
    "huanying",
    "kuaidi",
    "sf",
    "c123",
    "c4",
    "de",
    "的",
    "快递",
    "zq",
    "xiangqing",
    "z",
    "zhongguo",
    "a",
    "qwxz",
    "yy",
    "c49999",
    "fh",
    "tuihuo",
    "退换",
    "cf1",
    "7tian",
]


def make_phrases(count: int, seed: int = 11) -> list[Phrase]:
    rng = random.Random(seed)
    phrases = []
    for pid in range(count):
        title = "".join(rng.choice(COMMON) for _ in range(rng.randint(4, 10)))
        text = "".join(rng.choice(COMMON) for _ in range(rng.randint(20, 80)))
        if pid % 7 == 0:
            text += f" {rng.randint(1, 48)}小时内发货 SF"
        used = NOW - dt.timedelta(minutes=rng.randrange(500_000))
        phrases.append(
            Phrase(text, group="售前", title=title, code=f"c{pid}", use_count=rng.randint(0, 200), last_used=used)
        )
    return phrases


def measure(store, text: TextIndex, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                store.phrases.search_ids(query[:end], 30, text)
                samples.append(time.perf_counter() - started)
    return samples


def percentile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json-out")
    args = parser.parse_args()
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(resolve_paths(tmp), NOW)
            store.phrases.insert_many(make_phrases(size), NOW)
            started = time.perf_counter()
            text = TextIndex(store.phrases.text_rows())  # what the picker loads in idle time
            build = time.perf_counter() - started
            ordered = sorted(measure(store, text, args.rounds))
            store.close()
        results[str(size)] = {
            "keystrokes": len(ordered),
            "median_ms": round(statistics.median(ordered) * 1000, 3),
            "p95_ms": round(percentile(ordered, 0.95) * 1000, 3),
            "max_ms": round(ordered[-1] * 1000, 3),
            "index_build_s": round(build, 3),
        }
    print(
        f"{'phrases':>8} {'keystrokes':>10} {'median':>9} {'p95':>9} {'max':>9} {'index build':>12}"
        "   target p95 <= 5 ms"
    )
    for size, row in results.items():
        print(
            f"{size:>8} {row['keystrokes']:>10} {row['median_ms']:>7.2f}ms {row['p95_ms']:>7.2f}ms "
            f"{row['max_ms']:>7.2f}ms {row['index_build_s']:>11.2f}s"
        )
    emit({"search": results}, args.json_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
