import datetime as dt

import pytest

from desktop_assistant.domain.phrases import Phrase, PhraseError
from desktop_assistant.domain.search import TextIndex
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.storage.store import Store

NOW = dt.datetime(2026, 11, 11, 9, 30)


@pytest.fixture
def phrases(store: Store):
    repo = PhraseStore(store.db)
    for phrase in repo.all():  # start from an empty library whatever the first run installed
        repo.delete(phrase.id)
    store.db.execute("DELETE FROM phrase_groups")
    return repo


def test_add_keeps_group_order_and_positions(phrases: PhraseStore) -> None:
    a = phrases.add(Phrase(text="亲, 在的", group="售前", code="zd"), NOW)
    b = phrases.add(Phrase(text="已发货", group="物流"), NOW)
    c = phrases.add(Phrase(text="欢迎光临", group="售前", title="欢迎", hotkey="ctrl+alt+1"), NOW)
    assert [p.id for p in phrases.all()] == [a.id, c.id, b.id]
    assert phrases.groups()[-2:] == ["售前", "物流"]
    assert phrases.hotkeys() == {"ctrl+alt+1": c.id}


def test_codes_and_hotkeys_are_unique(phrases: PhraseStore) -> None:
    phrases.add(Phrase(text="一", code="hy", hotkey="ctrl+alt+1"), NOW)
    with pytest.raises(PhraseError, match="hy"):
        phrases.add(Phrase(text="二", code="HY"), NOW)
    with pytest.raises(PhraseError, match="ctrl\\+alt\\+1"):
        phrases.add(Phrase(text="三", hotkey="Alt+Ctrl+1"), NOW)
    assert phrases.count() == 1


def test_update_use_and_search_entries(phrases: PhraseStore) -> None:
    saved = phrases.add(Phrase(text="顺丰需补差价", group="物流", title="顺丰补差价", code="sf"), NOW)
    edited = phrases.update(Phrase(**{**saved.__dict__, "title": "重庆发顺丰"}), NOW)
    assert edited.title == "重庆发顺丰" and edited.id == saved.id
    used = phrases.record_use(saved.id, NOW + dt.timedelta(minutes=5))
    assert used.use_count == 1 and used.last_used == NOW + dt.timedelta(minutes=5)
    [row] = phrases.text_rows()
    assert row == (saved.id, "重庆发顺丰", "cqfsf\x1fchongqingfashunfeng", "顺丰需补差价")
    assert phrases.search_ids("chongqing") == [saved.id]
    assert phrases.search_ids("chongqing", text=TextIndex(phrases.text_rows())) == [saved.id]


def test_move_reorders_within_and_across_groups(phrases: PhraseStore) -> None:
    ids = [phrases.add(Phrase(text=f"售前{n}", group="售前"), NOW).id for n in range(3)]
    other = phrases.add(Phrase(text="售后0", group="售后"), NOW).id
    phrases.move(ids[2], "售前", 0, NOW)
    phrases.move(other, "售前", 1, NOW)
    assert [p.text for p in phrases.all() if p.group == "售前"] == ["售前2", "售后0", "售前0", "售前1"]
    phrases.move_group("售后", 0)
    assert phrases.groups()[0] == "售后"


def test_rename_group_refuses_an_existing_name(phrases: PhraseStore) -> None:
    phrases.add(Phrase(text="x", group="售前"), NOW)
    phrases.add(Phrase(text="y", group="售后"), NOW)
    with pytest.raises(PhraseError):
        phrases.rename_group("售前", "售后")
    phrases.rename_group("售前", "售前咨询")
    assert "售前咨询" in phrases.groups()


def test_get_many_keeps_the_order_asked_for(phrases: PhraseStore) -> None:
    ids = [phrases.add(Phrase(text=f"短语{n}"), NOW).id for n in range(4)]
    assert [p.text for p in phrases.get_many([ids[2], ids[0], 9999, ids[3]])] == ["短语2", "短语0", "短语3"]
    assert phrases.get_many([]) == []


def test_insert_many_adds_in_bulk_in_group_order_with_the_search_columns(phrases: PhraseStore) -> None:
    first = phrases.add(Phrase(text="已有的", group="售前", code="yy"), NOW)
    ids = phrases.insert_many(
        [
            Phrase(text=f"第{n}条", group="售前" if n % 2 else "物流", title=f"重庆{n}", code=f"b{n}")
            for n in range(300)
        ],
        NOW,
    )
    assert len(ids) == 300 and phrases.count() == 301
    in_group = [p for p in phrases.all() if p.group == "售前"]
    assert in_group[0].id == first.id and [p.position for p in in_group] == list(range(151))
    assert phrases.search_ids("chongqing7", limit=3)[0] == ids[7]
    assert [p.id for p in phrases.search("b29")] == [ids[29], *ids[290:300]]  # exact code, then prefixes


def test_insert_many_refuses_a_taken_code_as_add_does_and_writes_nothing(phrases: PhraseStore) -> None:
    phrases.add(Phrase(text="已有的", title="老的", code="yy"), NOW)
    with pytest.raises(PhraseError, match="yy.*老的"):
        phrases.insert_many([Phrase(text="新一", code="n1"), Phrase(text="新二", code="YY")], NOW)
    with pytest.raises(PhraseError, match="ctrl\\+alt\\+2"):
        phrases.insert_many([Phrase(text="新一", hotkey="ctrl+alt+2"), Phrase(text="新二", hotkey="ctrl+alt+2")], NOW)
    assert phrases.count() == 1


def test_pages_cut_the_library_in_its_order_across_groups(phrases: PhraseStore) -> None:
    for n in range(23):
        phrases.add(Phrase(text=f"第{n}条", group=["售前", "物流", "售后"][n % 3], code=f"p{n}"), NOW)
    phrases.move_group("售后", 0)
    everything = [p.id for p in phrases.all()]
    for size in (1, 4, 7, 30):
        pages = [p.id for offset in range(0, 30, size) for p in phrases.page("", offset, size)]
        assert pages == everything
    assert [p.id for p in phrases.page("物流", 2, 3)] == [p.id for p in phrases.all() if p.group == "物流"][2:5]
    assert phrases.page("没有的组", 0, 5) == []
