"""Phrases and their ordered groups. Pinyin for search is computed here, once, when a phrase is written."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.phrases import Phrase, PhraseError, validated
from desktop_assistant.domain.pinyin import reading
from desktop_assistant.domain.search import TextIndex
from desktop_assistant.storage.bulk import plain_indexes_built_after, worth_it
from desktop_assistant.storage.phrase_search import NAME_CHARS, TEXT_ROWS, name_of, search_columns, search_ids
from desktop_assistant.storage.rows import inserted_id
from desktop_assistant.storage.sqlite_lib import sqlite_utils

MSG_CODE_TAKEN = QT_TRANSLATE_NOOP("Messages", "快捷编码 {code} 已被短语「{other}」使用")
MSG_HOTKEY_TAKEN = QT_TRANSLATE_NOOP("Messages", "快捷键 {hotkey} 已被短语「{other}」使用")
MSG_NO_SUCH_PHRASE = QT_TRANSLATE_NOOP("Messages", "短语不存在 (id {id})")

PROGRESS_ROWS = 1_000  # a bulk insert reports this often: 50,000 rows take seconds
_COLUMNS = "p.id, g.name, p.title, p.code, p.body, p.hotkey, p.use_count, p.last_used, p.position, p.sample"


__all__ = ["NAME_CHARS", "PhraseStore", "search_name"]
_ORDER = "ORDER BY g.position, g.id, p.position, p.id"


def search_name(phrase: Phrase) -> str:
    return name_of(phrase.title, phrase.text)


def _phrase(row: tuple[Any, ...]) -> Phrase:
    pid, group, title, code, body, hotkey, use_count, last_used, position, sample = row
    return Phrase(
        text=body,
        group=group,
        title=title,
        code=code,
        hotkey=hotkey,
        id=pid,
        use_count=use_count,
        last_used=dt.datetime.fromisoformat(last_used) if last_used else None,
        position=position,
        sample=bool(sample),
    )


# The columns a new phrase fills, in the order of _new_row (the id is SQLite's, or given in front).
_NEW_COLUMNS = (
    "group_id, title, code, body, hotkey, use_count, last_used, position, "
    "created_at, updated_at, name_full, name_initials, search_name, search_text, sample"
)
_NEW_VALUES = ", ".join("?" * (_NEW_COLUMNS.count(",") + 1))


def _new_row(phrase: Phrase, group_id: int, position: int, stamp: str) -> tuple[object, ...]:
    """The values of _NEW_COLUMNS for a phrase added now (`stamp`), with its search columns."""
    read = reading(search_name(phrase))
    return (
        group_id,
        phrase.title,
        phrase.code,
        phrase.text,
        phrase.hotkey,
        phrase.use_count,
        phrase.last_used.isoformat(timespec="seconds") if phrase.last_used else None,
        position,
        stamp,
        stamp,
        read.full,
        read.initials,
        *search_columns(phrase.title, phrase.text),
        int(phrase.sample),
    )


class PhraseStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- reading -----------------------------------------------------------------------------
    def groups(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT name FROM phrase_groups ORDER BY position, id")]

    def all(self) -> list[Phrase]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM phrases p JOIN phrase_groups g ON g.id = p.group_id {_ORDER}")
        return [_phrase(row) for row in rows]

    def page(self, group: str, offset: int, limit: int) -> list[Phrase]:
        """Rows offset..offset+limit of the library in its order (of one group when `group`): the lists
        read as they scroll, never the whole table."""
        # Group by group, each read through its (group_id, position) index: sorting the whole join to cut a
        # page from it would read every row.
        where, params = ("WHERE name = ?", [group]) if group else ("", [])
        group_ids = [
            row[0] for row in self._db.execute(f"SELECT id FROM phrase_groups {where} ORDER BY position, id", params)
        ]
        found: list[Phrase] = []
        for group_id in group_ids:
            if len(found) >= limit:
                break
            if offset:  # a whole group before the page is skipped by its count (index only)
                size = self._db.execute("SELECT count(*) FROM phrases WHERE group_id = ?", [group_id]).fetchone()[0]
                if size <= offset:
                    offset -= size
                    continue
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM phrases p JOIN phrase_groups g ON g.id = p.group_id WHERE p.group_id = ? "
                "ORDER BY p.position, p.id LIMIT ? OFFSET ?",
                [group_id, limit - len(found), offset],
            )
            found.extend(_phrase(row) for row in rows)
            offset = 0
        return found

    def with_code(self, code: str) -> Phrase | None:
        row = self._db.execute("SELECT id FROM phrases WHERE code = ? AND code != ''", [code]).fetchone()
        return self.get(row[0]) if row else None

    def with_hotkey(self, hotkey: str) -> Phrase | None:
        row = self._db.execute("SELECT id FROM phrases WHERE hotkey = ? AND hotkey != ''", [hotkey]).fetchone()
        return self.get(row[0]) if row else None

    def search_ids(self, query: str, limit: int = 50, text: TextIndex | None = None) -> list[int]:
        """The best `limit` matches, best first (storage/phrase_search.py); `text`: the in-memory substring
        index, which callers that search once (the CLI) go without."""
        return search_ids(self._db, query, limit, text)

    def search(self, query: str, limit: int = 50) -> list[Phrase]:
        return self.get_many(self.search_ids(query, limit))

    def get(self, phrase_id: int) -> Phrase:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM phrases p JOIN phrase_groups g ON g.id = p.group_id WHERE p.id = ?", [phrase_id]
        ).fetchone()
        if row is None:
            raise PhraseError(MSG_NO_SUCH_PHRASE, id=phrase_id)
        return _phrase(row)

    def get_many(self, phrase_ids: list[int]) -> list[Phrase]:
        """Phrases in the order given (one query: the picker asks on every keystroke)."""
        if not phrase_ids:
            return []
        marks = ",".join("?" * len(phrase_ids))
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM phrases p JOIN phrase_groups g ON g.id = p.group_id WHERE p.id IN ({marks})",
            list(phrase_ids),
        )
        found = {phrase.id: phrase for phrase in map(_phrase, rows)}
        return [found[pid] for pid in phrase_ids if pid in found]

    def in_group(self, phrase_ids: list[int], group: str) -> list[int]:
        """Those of `phrase_ids` in `group`, in the order given."""
        marks = ",".join("?" * len(phrase_ids))
        inside = (
            {
                row[0]
                for row in self._db.execute(
                    "SELECT p.id FROM phrases p JOIN phrase_groups g ON g.id = p.group_id"
                    f" WHERE g.name = ? AND p.id IN ({marks})",
                    [group, *phrase_ids],
                )
            }
            if phrase_ids
            else set()
        )
        return [pid for pid in phrase_ids if pid in inside]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM phrases").fetchone()[0])

    def hotkeys(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT hotkey, id FROM phrases WHERE hotkey != ''").fetchall())

    def text_rows(self) -> Iterator[tuple[int, str, str, str]]:
        """(id, name, "initials\\x1ffull pinyin", text) as stored, folded, in id order: what TextIndex holds (read as it
        asks: 50,000 rows never sit in memory as a list)."""
        return iter(self._db.execute(f"{TEXT_ROWS} ORDER BY id"))

    def text_row(self, phrase_id: int) -> tuple[int, str, str, str]:
        pid, name, pinyin, text = self._db.execute(f"{TEXT_ROWS} WHERE id = ?", [phrase_id]).fetchone()
        return int(pid), str(name), str(pinyin), str(text)

    # --- writing -----------------------------------------------------------------------------
    def ensure_group(self, name: str) -> int:
        row = self._db.execute("SELECT id FROM phrase_groups WHERE name = ?", [name]).fetchone()
        if row:
            return int(row[0])
        with self._db.atomic():
            position = self._db.execute("SELECT coalesce(max(position), -1) + 1 FROM phrase_groups").fetchone()[0]
            return inserted_id(
                self._db.execute("INSERT INTO phrase_groups (name, position) VALUES (?, ?)", [name, position])
            )

    def _check_unique(self, phrase: Phrase) -> None:
        for column, value, template in (
            ("code", phrase.code, MSG_CODE_TAKEN),
            ("hotkey", phrase.hotkey, MSG_HOTKEY_TAKEN),
        ):
            if not value:
                continue
            row = self._db.execute(
                f"SELECT id, title, body FROM phrases WHERE {column} = ? AND {column} != '' AND id IS NOT ?",
                [value, phrase.id],
            ).fetchone()
            if row:
                other = row[1] or " ".join(row[2].split())[:20]
                raise PhraseError(template, **{column: value, "other": other})

    def _next_position(self, group_id: int) -> int:
        """The position after the last phrase of the group: a phrase added or moved there goes last."""
        position: int = self._db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM phrases WHERE group_id = ?", [group_id]
        ).fetchone()[0]
        return position

    def add(self, phrase: Phrase, now: dt.datetime) -> Phrase:
        phrase = validated(replace(phrase, id=None))
        with self._db.atomic():
            self._check_unique(phrase)
            group_id = self.ensure_group(phrase.group)
            stamp = now.isoformat(timespec="seconds")
            cursor = self._db.execute(
                f"INSERT INTO phrases ({_NEW_COLUMNS}) VALUES ({_NEW_VALUES})",
                _new_row(phrase, group_id, self._next_position(group_id), stamp),
            )
        return self.get(inserted_id(cursor))

    def add_many(self, phrases: Iterable[Phrase], now: dt.datetime) -> list[Phrase]:
        """All or nothing: one transaction for the lot."""
        with self._db.atomic():
            return self.get_many(self.insert_many(phrases, now))

    def insert_many(
        self, phrases: Iterable[Phrase], now: dt.datetime, progress: Callable[[int], None] | None = None
    ) -> list[int]:
        """Add in bulk (an import of 50,000 rows): one executemany, the search columns computed for all,
        all or nothing. A taken code or hotkey raises the same PhraseError as add(). `progress(rows written)`
        is called every PROGRESS_ROWS rows."""
        batch = [validated(phrase if phrase.id is None else replace(phrase, id=None)) for phrase in phrases]
        with self._db.atomic():
            for column in ("code", "hotkey"):
                taken = {row[0] for row in self._db.execute(f"SELECT {column} FROM phrases WHERE {column} != ''")}
                for phrase in batch:
                    value = getattr(phrase, column)
                    if value and value in taken:
                        self._check_unique(phrase)  # raises with the owner's name
                        raise PhraseError(
                            MSG_CODE_TAKEN if column == "code" else MSG_HOTKEY_TAKEN,
                            **{column: value, "other": search_name(phrase)[:20]},
                        )
                    taken.add(value)
            next_id = self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM phrases").fetchone()[0]
            group_ids = {name: self.ensure_group(name) for name in dict.fromkeys(p.group for p in batch)}
            positions = dict(
                self._db.execute("SELECT group_id, max(position) + 1 FROM phrases GROUP BY group_id").fetchall()
            )
            stamp = now.isoformat(timespec="seconds")

            # Made as executemany asks: 50,000 rows never sit in memory as one list.
            def rows() -> Iterator[tuple[object, ...]]:
                for offset, phrase in enumerate(batch):
                    if progress is not None and offset % PROGRESS_ROWS == 0:
                        progress(offset)
                    group_id = group_ids[phrase.group]
                    position = positions.get(group_id, 0)
                    positions[group_id] = position + 1
                    yield (next_id + offset, *_new_row(phrase, group_id, position, stamp))

            stored = self._db.execute("SELECT count(*) FROM phrases").fetchone()[0]
            bulk = (
                plain_indexes_built_after(self._db.conn, "phrases") if worth_it(len(batch), stored) else nullcontext()
            )
            with bulk:
                self._db.conn.executemany(
                    f"INSERT INTO phrases (id, {_NEW_COLUMNS}) VALUES (?, {_NEW_VALUES})",
                    rows(),
                )
        return list(range(next_id, next_id + len(batch)))

    def update(self, phrase: Phrase, now: dt.datetime, *, sample: bool = False) -> Phrase:
        """Write the phrase; it is the agent's from now on, unless `sample` (a default reworded by a release)."""
        phrase_id = phrase.id
        assert phrase_id is not None
        current = self.get(phrase_id)
        phrase = validated(phrase)
        with self._db.atomic():
            self._check_unique(phrase)
            group_id = self.ensure_group(phrase.group)
            position = current.position
            if phrase.group != current.group:
                position = self._next_position(group_id)
            read = reading(search_name(phrase))
            self._db.execute(
                "UPDATE phrases SET group_id = ?, title = ?, code = ?, body = ?, hotkey = ?, position = ?, "
                "updated_at = ?, name_full = ?, name_initials = ?, search_name = ?, search_text = ?, sample = ? "
                "WHERE id = ?",
                [
                    group_id,
                    phrase.title,
                    phrase.code,
                    phrase.text,
                    phrase.hotkey,
                    position,
                    now.isoformat(timespec="seconds"),
                    read.full,
                    read.initials,
                    *search_columns(phrase.title, phrase.text),
                    int(sample),
                    phrase_id,
                ],
            )
        return self.get(phrase_id)

    def mark_samples(self) -> None:
        """Every phrase is a sample: the default library just installed into an empty library."""
        with self._db.atomic():
            self._db.execute("UPDATE phrases SET sample = 1")

    def delete(self, phrase_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM phrases WHERE id = ?", [phrase_id])

    def record_use(self, phrase_id: int, when: dt.datetime) -> Phrase:
        with self._db.atomic():
            self._db.execute(
                "UPDATE phrases SET use_count = use_count + 1, last_used = ?, sample = 0 WHERE id = ?",
                [when.isoformat(timespec="seconds"), phrase_id],
            )
        return self.get(phrase_id)

    def move(self, phrase_id: int, group: str, index: int, now: dt.datetime) -> None:
        """Put the phrase at `index` within `group` (drag and drop); the others keep their order."""
        with self._db.atomic():
            group_id = self.ensure_group(group)
            ids = [
                row[0]
                for row in self._db.execute(
                    "SELECT id FROM phrases WHERE group_id = ? AND id != ? ORDER BY position, id", [group_id, phrase_id]
                )
            ]
            ids.insert(max(0, min(index, len(ids))), phrase_id)
            self._db.execute(
                "UPDATE phrases SET group_id = ?, updated_at = ?, sample = 0 WHERE id = ?",
                [group_id, now.isoformat(timespec="seconds"), phrase_id],
            )
            self._db.conn.executemany(
                "UPDATE phrases SET position = ? WHERE id = ?", [(position, pid) for position, pid in enumerate(ids)]
            )

    def move_group(self, name: str, index: int) -> None:
        with self._db.atomic():
            names = [g for g in self.groups() if g != name]
            names.insert(max(0, min(index, len(names))), name)
            self._db.conn.executemany(
                "UPDATE phrase_groups SET position = ? WHERE name = ?",
                [(position, g) for position, g in enumerate(names)],
            )

    def rename_group(self, old: str, new: str) -> None:
        new = " ".join(new.split())
        try:
            with self._db.atomic():
                self._db.execute("UPDATE phrase_groups SET name = ? WHERE name = ?", [new, old])
        except sqlite3.IntegrityError:
            raise PhraseError(QT_TRANSLATE_NOOP("Messages", "分组 {name} 已存在"), name=new) from None
