import pytest

from desktop_assistant.domain.pinyin import reading
from desktop_assistant.domain.search import PhraseSearchIndex, SearchEntry


def entry(pid: int, name: str, text: str = "", code: str = "", uses: int = 0, last: float = 0.0) -> SearchEntry:
    read = reading(name)
    return SearchEntry(pid, code, name, text or name, read.full, read.initials, uses, last)


@pytest.fixture
def index() -> PhraseSearchIndex:
    return PhraseSearchIndex(
        [
            entry(1, "欢迎语", "亲, 欢迎光临{店铺}", code="hy"),
            entry(2, "核对地址", "请核对收货地址", code="hd", uses=3),
            entry(3, "顺丰补差价", "顺丰需要补 5 元差价, SF 次日达", code="sf"),
            entry(4, "发货时间", "16:00 前付款当天发货", code="fh", uses=10),
            entry(5, "好评提醒", "麻烦给个五星好评哦", code="hp1", uses=1),
            entry(6, "快递到哪了", "帮您查一下快递", code="kd"),
            entry(7, "重庆发货仓", "我们在重庆有仓库", code="cq"),
        ]
    )


def test_pinyin_readings_are_phrase_aware() -> None:
    assert reading("欢迎光临").initials == "hygl"
    assert reading("重庆银行").full == "chongqingyinhang"  # not zhong / xing
    assert reading("顺丰 SF，７天").initials == "sfsf7t"  # letters, full-width digits kept


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("hy", 1),
        ("huanying", 1),
        ("HY", 1),
        ("欢迎", 1),
        ("hd", 2),
        ("hedui", 2),
        ("sf", 3),
        ("次日达", 3),
        ("cq", 7),
        ("chongqing", 7),
        ("kuaidi", 6),
        ("ｈｙ", 1),
    ],
)
def test_finds_by_code_pinyin_initials_and_text(index: PhraseSearchIndex, query: str, first: int) -> None:
    assert index.search(query)[0] == first


def test_exact_code_beats_prefix_beats_name_beats_body(index: PhraseSearchIndex) -> None:
    index.upsert(entry(8, "还有货吗", "好的, 这就发货", code="h"))
    index.upsert(entry(9, "好的", "好的亲", code="ok", uses=50))
    index.upsert(entry(13, "催付", "亲, 还没付款哦 (h5 页面也能付)", code="cf", uses=99))
    results = index.search("h")
    assert results[0] == 8  # exact code
    assert results.index(5) < results.index(9)  # code prefix (hp1) before name initials, despite uses
    assert results.index(9) < results.index(13)  # name before body text


def test_frequency_then_recency_break_ties(index: PhraseSearchIndex) -> None:
    index.upsert(entry(10, "发票", "可以开发票", code="fp", uses=0, last=100.0))
    index.upsert(entry(11, "发票抬头", "请提供发票抬头", code="fpt", uses=0, last=200.0))
    index.upsert(entry(12, "发票邮寄", "发票随货寄出", code="fpy", uses=5))
    assert index.search("fp")[0] == 10  # exact code first
    assert index.search("fap")[:3] == [12, 11, 10]  # same tier: uses, then the more recent


def test_incremental_typing_and_updates(index: PhraseSearchIndex) -> None:
    assert [index.search(q)[:1] for q in ("k", "ku", "kua", "kuai")] == [[6], [6], [6], [6]]
    assert index.search("kuaix") == []
    index.upsert(entry(6, "快递到哪了", "帮您查一下快递", code="kd", uses=1))
    index.remove(3)
    assert 3 not in index.search("sf") and index.search("kuaidi")[0] == 6


def test_empty_query_lists_most_used_first(index: PhraseSearchIndex) -> None:
    assert index.search("", limit=3) == [4, 2, 5]


def test_uses_reorder_without_a_rebuild_and_answer_as_a_fresh_index() -> None:
    """A paste changes only popularity: the index ranks the used phrases by their new counts (walks,
    sorted ranges and the empty query alike), also past the number it keeps before rebuilding."""
    import random
    from dataclasses import replace

    from desktop_assistant.domain import search

    rng = random.Random(4)
    words = ["欢迎", "快递", "好评", "退换", "发货", "顺丰", "重庆", "地址"]
    entries = {
        pid: entry(
            pid,
            rng.choice(words) + rng.choice(words),
            "".join(rng.choices(words, k=4)),
            code=f"c{pid}",
            uses=rng.randint(0, 5),
            last=float(rng.randint(0, 9)),
        )
        for pid in range(1, 400)
    }
    index = PhraseSearchIndex(entries.values())
    queries = ["", "c", "c1", "hy", "kd", "快递", "h", "退换发货", "zq", "c39"]
    index.search("")
    for step in range(search._MAX_REORDERED + 40):
        pid = rng.choice(list(entries))
        entries[pid] = replace(entries[pid], use_count=entries[pid].use_count + 1, last_used=float(10 + step))
        index.upsert(entries[pid])
        if step % 37 == 0 or step == search._MAX_REORDERED - 1:
            fresh = PhraseSearchIndex(entries.values())
            for query in queries:
                for limit in (1, 5, 50):
                    assert index.search(query, limit) == fresh.search(query, limit), (step, query, limit)
    assert index._reordered == {} or len(index._reordered) < search._MAX_REORDERED
