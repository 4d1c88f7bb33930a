"""Buyer profiles, receivers seen, tags, the shop's black/white list (with its history) and screenings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from desktop_assistant.domain.buyers import (
    MSG_AT_LINE,
    MSG_LIST_CONFLICT,
    BlacklistRow,
    BuyerError,
    BuyerRecord,
    ListEntry,
    Receiver,
    ScreeningRecord,
)
from desktop_assistant.domain.nicks import normal_nick
from desktop_assistant.domain.screening import STORED_PROFILE_FIELDS, Profile, Screening, ShopFacts
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp

_PROFILE_COLUMNS = STORED_PROFILE_FIELDS
RED_OR_YELLOW = (1, 2)
SCREENINGS_SHOWN = 20


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _profile(row: Sequence[Any]) -> Profile:
    values = dict(zip(_PROFILE_COLUMNS, row, strict=True))
    for name in ("registered_on", "as_of"):
        values[name] = _date(values[name])
    for name in ("off_platform_contact", "no_bargain_many_items"):
        values[name] = bool(values[name])
    return Profile(**values)


def _entry(row: Sequence[Any]) -> ListEntry:
    nick, status, reason, by, at = row
    return ListEntry(nick, status, reason, by, dt.datetime.fromisoformat(at))


class BuyerStore:
    """Every nick in and out goes through domain/nicks.normal_nick (NFC), so one buyer is one row
    however the nick was typed."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- reading -------------------------------------------------------------------------------
    def get(self, nick: str) -> BuyerRecord | None:
        """The whole record, or None when the buyer is neither profiled nor on a list."""
        nick = normal_nick(nick)
        row = self._db.execute(
            f"SELECT {', '.join(_PROFILE_COLUMNS)}, platform, notes FROM buyer_profiles WHERE nick = ?", [nick]
        ).fetchone()
        listing = self.listing(nick)
        if row is None and listing is None:
            return None
        profile, platform, notes = (_profile(row[:-2]), row[-2], row[-1]) if row else (Profile(nick), "", "")
        receivers = tuple(
            Receiver(name, address, dt.datetime.fromisoformat(seen))
            for name, address, seen in self._db.execute(
                "SELECT name, address, last_seen FROM buyer_receivers WHERE nick = ? ORDER BY last_seen DESC", [nick]
            )
        )
        if receivers:  # screening reads the newest receiver
            profile = replace(profile, receiver_name=receivers[0].name, address=receivers[0].address)
        tags = tuple(
            (c, t)
            for c, t in self._db.execute(
                "SELECT category, tag FROM buyer_tags WHERE nick = ? ORDER BY category, added_at, tag", [nick]
            )
        )
        screenings = tuple(
            ScreeningRecord(dt.datetime.fromisoformat(at), score, level, tuple(json.loads(codes)), by)
            for at, score, level, codes, by in self._db.execute(
                "SELECT at, score, level, reasons, by FROM buyer_screenings WHERE nick = ? ORDER BY id DESC LIMIT ?",
                [nick, SCREENINGS_SHOWN],
            )
        )
        return BuyerRecord(profile, platform, notes, tags, receivers, listing, screenings)

    def listing(self, nick: str) -> ListEntry | None:
        row = self._db.execute(
            "SELECT nick, status, reason, added_by, added_at FROM buyer_lists WHERE nick = ?", [normal_nick(nick)]
        ).fetchone()
        return _entry(row) if row else None

    def list_entries(self, status: str) -> list[ListEntry]:
        rows = self._db.execute(
            "SELECT nick, status, reason, added_by, added_at FROM buyer_lists WHERE status = ? ORDER BY added_at, nick",
            [status],
        )
        return [_entry(row) for row in rows]

    def list_history(self, nick: str) -> list[tuple[str, str, str, dt.datetime]]:
        """(status, reason, by, at), oldest first."""
        rows = self._db.execute(
            "SELECT status, reason, by, at FROM buyer_list_events WHERE nick = ? ORDER BY id", [normal_nick(nick)]
        )
        return [(status, reason, by, dt.datetime.fromisoformat(at)) for status, reason, by, at in rows]

    def shop_facts(self, nick: str) -> ShopFacts:
        nick = normal_nick(nick)
        listing = self.listing(nick)
        flagged = self._db.execute(
            "SELECT count(*) FROM order_current WHERE buyer = ? AND flag IN (1, 2)", [nick]
        ).fetchone()[0]
        return ShopFacts(listing.status if listing else "", listing.reason if listing else "", flagged)

    def all_shop_facts(self) -> dict[str, ShopFacts]:
        """Every buyer the shop knows something about, in two queries: the batch `screen` path."""
        facts: dict[str, ShopFacts] = {}
        for nick, count in self._db.execute(
            "SELECT buyer, count(*) FROM order_current WHERE buyer != '' AND flag IN (1, 2) GROUP BY buyer"
        ):
            facts[nick] = ShopFacts(flagged_orders=count)
        for nick, status, reason in self._db.execute("SELECT nick, status, reason FROM buyer_lists"):
            facts[nick] = ShopFacts(status, reason, facts.get(nick, ShopFacts()).flagged_orders)
        return facts

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM buyer_profiles").fetchone()[0])

    # --- writing -------------------------------------------------------------------------------
    def save_profile(self, profile: Profile, platform: str, notes: str, by: str, at: dt.datetime) -> None:
        profile = replace(profile, nick=normal_nick(profile.nick))
        values = [getattr(profile, name) for name in _PROFILE_COLUMNS]
        values = [v.isoformat() if isinstance(v, dt.date) else int(v) if isinstance(v, bool) else v for v in values]
        columns = ", ".join(_PROFILE_COLUMNS)
        updates = ", ".join(
            f"{c} = excluded.{c}" for c in (*_PROFILE_COLUMNS[1:], "platform", "notes", "updated_at", "updated_by")
        )
        with self._db.atomic():
            self._db.execute(
                f"INSERT INTO buyer_profiles ({columns}, platform, notes, updated_at, updated_by) "
                f"VALUES ({', '.join('?' * (len(_PROFILE_COLUMNS) + 4))}) "
                f"ON CONFLICT (nick) DO UPDATE SET {updates}",
                [*values, platform, notes, stamp(at), by],
            )
            if profile.receiver_name or profile.address:
                self._add_receiver(profile.nick, profile.receiver_name, profile.address, at)

    def add_receiver(self, nick: str, name: str, address: str, at: dt.datetime) -> None:
        with self._db.atomic():
            self._add_receiver(normal_nick(nick), name, address, at)

    def _add_receiver(self, nick: str, name: str, address: str, at: dt.datetime) -> None:
        self._db.execute(
            "INSERT INTO buyer_receivers (nick, name, address, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (nick, name, address) DO UPDATE SET last_seen = excluded.last_seen",
            [nick, name.strip(), " ".join(address.split()), stamp(at), stamp(at)],
        )

    def set_tags(self, nick: str, tags: Sequence[tuple[str, str]], at: dt.datetime) -> None:
        nick = normal_nick(nick)
        with self._db.atomic():
            self._db.execute("DELETE FROM buyer_tags WHERE nick = ?", [nick])
            self._db.conn.executemany(
                "INSERT OR IGNORE INTO buyer_tags (nick, category, tag, added_at) VALUES (?, ?, ?, ?)",
                [(nick, category, tag, stamp(at)) for category, tag in tags if tag.strip()],
            )

    def set_list(self, nick: str, status: str, reason: str, by: str, at: dt.datetime) -> None:
        """status "black", "white" or "none" (taken off the list); every change is kept in the history."""
        if status not in ("black", "white", "none"):
            raise ValueError(status)
        with self._db.atomic():
            self._set_list(normal_nick(nick), status, reason, by, at)

    def _set_list(self, nick: str, status: str, reason: str, by: str, at: dt.datetime) -> None:
        if status == "none":
            self._db.execute("DELETE FROM buyer_lists WHERE nick = ?", [nick])
        else:
            self._db.execute(
                "INSERT INTO buyer_lists (nick, status, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (nick) DO UPDATE SET status = excluded.status, reason = excluded.reason, "
                "added_by = excluded.added_by, added_at = excluded.added_at",
                [nick, status, reason, by, stamp(at)],
            )
        self._db.execute(
            "INSERT INTO buyer_list_events (nick, status, reason, by, at) VALUES (?, ?, ?, ?, ?)",
            [nick, status, reason, by, stamp(at)],
        )

    def import_blacklist(
        self, rows: Iterable[BlacklistRow], by: str, at: dt.datetime, dry_run: bool = False
    ) -> tuple[int, int]:
        """Merge into the blacklist in one transaction: (added, already there). A whitelisted buyer in
        the file is refused (BuyerError naming the line) and nothing is written."""
        rows = list(rows)
        current = {e.nick: e for e in self.list_entries("black") + self.list_entries("white")}
        for row in rows:
            entry = current.get(row.nick)
            if entry is not None and entry.status == "white":
                raise BuyerError(MSG_AT_LINE, line=row.line, reason=BuyerError(MSG_LIST_CONFLICT, nick=row.nick))
        new = [row for row in rows if row.nick not in current]
        if not dry_run and new:
            with self._db.atomic():
                for row in new:
                    self._set_list(row.nick, "black", row.reason, row.added_by or by, row.added_at or at)
        return len(new), len(rows) - len(new)

    def purge_receivers(self, older_than: dt.datetime) -> int:
        """Forget receiver names and addresses not seen since `older_than` (the retention setting)."""
        with self._db.atomic():
            cursor = self._db.execute("DELETE FROM buyer_receivers WHERE last_seen < ?", [stamp(older_than)])
        return cursor.rowcount

    def record_screening(self, screening: Screening, by: str, at: dt.datetime) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO buyer_screenings (nick, at, score, level, reasons, by) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    normal_nick(screening.nick),
                    stamp(at),
                    screening.score,
                    screening.level,
                    json.dumps([r.code for r in screening.reasons]),
                    by,
                ],
            )
