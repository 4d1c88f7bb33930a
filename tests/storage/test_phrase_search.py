"""The phrase search (storage/phrase_search.py): tiers, popularity, and the in-memory TextIndex kept
beside the database. The hypothesis state machine (tests/ui/test_phrase_index_consistency.py) holds it to
a plain scan; these are the readable cases."""

import datetime as dt

import pytest

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.domain.pinyin import reading
from desktop_assistant.domain.search import TextIndex
from desktop_assistant.paths import Paths
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.storage.store import open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)


class Library:
    """The store plus a TextIndex kept as PhraseLibrary keeps it; every search asked both ways."""

    def __init__(self, repo: PhraseStore) -> None:
        self.repo = repo
        self.text = TextIndex(repo.text_rows())

    def add(self, title: str, text: str = "", code: str = "", uses: int = 0, minutes: int = 0) -> int:
        used = NOW + dt.timedelta(minutes=minutes) if minutes else None
        phrase = self.repo.add(Phrase(text or title, title=title, code=code, use_count=uses, last_used=used), NOW)
        assert phrase.id is not None
        self.text.update(*self.repo.text_row(phrase.id))
        return phrase.id

    def search(self, query: str, limit: int = 50) -> list[int]:
        with_index = self.repo.search_ids(query, limit, self.text)
        assert with_index == self.repo.search_ids(query, limit)
        return with_index


@pytest.fixture
def library(paths: Paths):
    store = open_store(paths, NOW)
    repo = store.phrases
    for phrase in repo.all():
        repo.delete(phrase.id)
    lib = Library(repo)
    lib.add("欢迎语", "亲, 欢迎光临{店铺}", code="hy")
    lib.add("核对地址", "请核对收货地址", code="hd", uses=3)
    lib.add("顺丰补差价", "顺丰需要补 5 元差价, SF 次日达", code="sf")
    lib.add("发货时间", "16:00 前付款当天发货", code="fh", uses=10)
    lib.add("好评提醒", "麻烦给个五星好评哦", code="hp1", uses=1)
    lib.add("快递到哪了", "帮您查一下快递", code="kd")
    lib.add("重庆发货仓", "我们在重庆有仓库", code="cq")
    yield lib
    store.close()


def test_pinyin_readings_are_phrase_aware() -> None:
    assert reading("欢迎光临").initials == "hygl"
    assert reading("重庆银行").full == "chongqingyinhang"  # not zhong / xing
    assert reading("顺丰 SF，７天").initials == "sfsf7t"  # letters, full-width digits kept


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("hy", 0),
        ("huanying", 0),
        ("HY", 0),
        ("欢迎", 0),
        ("hd", 1),
        ("hedui", 1),
        ("sf", 2),
        ("次日达", 2),
        ("cq", 6),
        ("chongqing", 6),
        ("kuaidi", 5),
        ("ｈｙ", 0),
    ],
)
def test_finds_by_code_pinyin_initials_and_text(library: Library, query: str, first: int) -> None:
    ids = library.search("")
    by_title = {library.repo.get(pid).title: pid for pid in ids}
    titles = ["欢迎语", "核对地址", "顺丰补差价", "发货时间", "好评提醒", "快递到哪了", "重庆发货仓"]
    assert library.search(query)[0] == by_title[titles[first]]


def test_exact_code_beats_prefix_beats_name_beats_body(library: Library) -> None:
    exact = library.add("还有货吗", "好的, 这就发货", code="h")
    named = library.add("好的", "好的亲", code="ok", uses=50)
    body = library.add("催付", "亲, 还没付款哦 (h5 页面也能付)", code="cf", uses=99)
    code_prefix = library.repo.with_code("hp1").id
    results = library.search("h")
    assert results[0] == exact
    assert results.index(code_prefix) < results.index(named)  # code prefix before name initials, despite uses
    assert results.index(named) < results.index(body)  # name before body text


def test_frequency_then_recency_break_ties(library: Library) -> None:
    older = library.add("发票", "可以开发票", code="fp", minutes=1)
    newer = library.add("发票抬头", "请提供发票抬头", code="fpt", minutes=2)
    used = library.add("发票邮寄", "发票随货寄出", code="fpy", uses=5)
    assert library.search("fp")[0] == older  # exact code first
    assert library.search("fap")[:3] == [used, newer, older]  # same tier: uses, then the more recent


def test_edits_and_deletes_reach_the_text_index(library: Library) -> None:
    kd = library.repo.with_code("kd")
    assert [library.search(q)[:1] for q in ("k", "ku", "kua", "kuai")] == [[kd.id]] * 4
    assert library.search("kuaix") == []
    edited = library.repo.update(Phrase(**{**kd.__dict__, "title": "物流查询", "text": "帮您查一下物流"}), NOW)
    library.text.update(*library.repo.text_row(edited.id))
    assert library.search("kuaidi") == [] and library.search("wuliu") == [kd.id]
    sf = library.repo.with_code("sf").id
    library.repo.delete(sf)
    library.text.remove(sf)
    assert library.search("sf") == [] and library.search("次日达") == []


def test_empty_query_lists_most_used_first(library: Library) -> None:
    top = [library.repo.with_code(code).id for code in ("fh", "hd", "hp1")]
    assert library.search("", limit=3) == top


def test_text_index_ascii_runs_and_prefixes() -> None:
    from desktop_assistant.domain.search import NAME_FIELDS, TEXT_FIELDS

    index = TextIndex([(1, "顺丰", "sf\x1fshunfeng", "顺丰 sf次日达"), (2, "快递", "kd\x1fkuaidi", "已发 顺丰")])
    assert index.holding(TEXT_FIELDS, "sf", 10) == {1}  # the ASCII runs of the text
    assert index.holding(TEXT_FIELDS, "顺丰", 10) == {1, 2}
    assert index.holding(TEXT_FIELDS, "顺丰", 1) is None  # more than the cap
    assert index.holds(2, NAME_FIELDS, "kuai", prefix=True) and not index.holds(2, NAME_FIELDS, "uai", prefix=True)
    assert index.holds(2, NAME_FIELDS, "uai") and not index.holds(1, NAME_FIELDS, "kd")
    index.update(2, "快递", "kd\x1fkuaidi", "已发 韵达")
    assert index.holding(TEXT_FIELDS, "顺丰", 10) == {1} and index.holding(TEXT_FIELDS, "韵达", 10) == {2}
    index.remove(1)
    assert index.holding(TEXT_FIELDS, "顺丰", 10) == set() and not index.holds(1, NAME_FIELDS, "sf")


def test_migration_m010_indexes_an_existing_file(paths: Paths) -> None:
    """A file from before m010 (the indexes missing) gets them when opened, and searches as a new one."""
    indexes = {"phrases_by_search_name", "phrases_by_name_initials", "phrases_by_name_full", "phrases_popularity_by_id"}
    store = open_store(paths, NOW)
    pid = store.phrases.add(Phrase("鑫淼测试正文", title="鑫淼测试", code="zz9"), NOW).id
    for name in indexes:
        store.db.execute(f"DROP INDEX {name}")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_phrase_search_indexes'")
    store.db.execute("PRAGMA user_version = 9")
    store.close()
    store = open_store(paths, NOW)
    try:
        assert store.pre_migration_copy is not None
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert indexes <= names
        assert store.phrases.search_ids("zz9") == [pid]
        assert store.phrases.search_ids("xinmiao") == [pid]
        assert store.phrases.search_ids("测试正", text=TextIndex(store.phrases.text_rows())) == [pid]
    finally:
        store.close()
