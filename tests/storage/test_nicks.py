"""One nick rule (domain/nicks.py) for notes, promises, 催付, buyers and the schema: the same nick typed
composed (é) or decomposed (e + U+0301) is one buyer everywhere, and the limit is the schema's."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_assistant.domain.buyers import BuyerError, valid_nick
from desktop_assistant.domain.conversations import OPENED, Event
from desktop_assistant.domain.nicks import NICK_MAX_CHARS, normal_nick
from desktop_assistant.domain.notes import NoteError, validated_change
from desktop_assistant.domain.promises import PromiseError, validated_promise, validated_unpaid
from desktop_assistant.domain.screening import Profile
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store

NOW = dt.datetime(2026, 11, 26, 10, 0)
COMPOSED = "Caf\u00e9小熊"
DECOMPOSED = "Cafe\u0301小熊"


@pytest.fixture
def store(paths: Paths):
    opened = open_store(paths, NOW)
    yield opened
    opened.close()


def test_the_two_spellings_differ_until_normalised():
    assert COMPOSED != DECOMPOSED and len(DECOMPOSED) == len(COMPOSED) + 1
    assert normal_nick(f" {DECOMPOSED}\n") == COMPOSED


def test_decomposed_and_composed_are_one_buyer_across_notes_promises_and_buyers(store):
    store.buyers.set_list(COMPOSED, "black", "恶意差评", "A01", NOW)
    store.notes.append(validated_change("1001", 1, "纠纷", "", "A01", DECOMPOSED), NOW)
    promise = store.promises.add(
        validated_promise("明天发货", NOW + dt.timedelta(days=1), "1001", DECOMPOSED, NOW), "A01", NOW
    )
    order, nick, placed = validated_unpaid("1002", DECOMPOSED, NOW, NOW)
    unpaid = store.promises.add_unpaid(order, nick, placed, "A01")
    store.buyers.save_profile(Profile(DECOMPOSED, credit=41), "淘宝", "", "A01", NOW)

    assert store.notes.current("1001").buyer == COMPOSED
    assert (promise.buyer, unpaid.buyer) == (COMPOSED, COMPOSED)
    assert [n.current.order_id for n in store.notes.search(DECOMPOSED)] == ["1001"]
    for spelling in (COMPOSED, DECOMPOSED):
        facts = store.buyers.shop_facts(spelling)
        assert (facts.list_status, facts.flagged_orders) == ("black", 1)
        record = store.buyers.get(spelling)
        assert record is not None and record.profile.credit == 41 and record.listing.status == "black"
    assert store.db.execute("SELECT count(*) FROM buyer_profiles").fetchone()[0] == 1
    assert set(store.buyers.all_shop_facts()) == {COMPOSED}


def test_storage_normalises_a_nick_that_skipped_the_domain(store):
    """A caller that passes the raw nick (an unpaid order, a tag) still stores the buyer's one form."""
    unpaid = store.promises.add_unpaid("1003", f" {DECOMPOSED} ", NOW, "A01")
    store.buyers.set_tags(DECOMPOSED, [("标签", "老客")], NOW)
    assert unpaid.buyer == COMPOSED
    assert store.buyers.get(COMPOSED) is None  # tags alone are no record, but they are stored under it
    assert store.db.execute("SELECT nick FROM buyer_tags").fetchall() == [(COMPOSED,)]


@pytest.mark.parametrize(
    "check, error",
    [
        (valid_nick, BuyerError),
        (lambda nick: validated_change("1001", 1, "x", "", "A01", nick).buyer, NoteError),
        (lambda nick: validated_promise("x", NOW + dt.timedelta(hours=1), "", nick, NOW).buyer, PromiseError),
        (lambda nick: validated_unpaid("1001", nick, NOW, NOW)[1], PromiseError),
    ],
)
def test_every_place_applies_the_same_limit_after_nfc(check, error):
    longest = "e\u0301" * NICK_MAX_CHARS  # twice the limit as typed, the limit once composed
    assert check(longest) == "\u00e9" * NICK_MAX_CHARS
    with pytest.raises(error, match=f"最多 {NICK_MAX_CHARS} 个字"):
        check("x" * (NICK_MAX_CHARS + 1))
    with pytest.raises(error, match="NUL"):
        check("a\0b")


def test_the_schema_checks_the_same_limit(store):
    longest = "\u00e9" * NICK_MAX_CHARS
    store.conversations.record(Event(NOW, longest, OPENED))
    with pytest.raises(sqlite3.IntegrityError):
        store.conversations.record(Event(NOW, longest + "x", OPENED))
