"""The phrase library as the UI sees it: the repository plus the in-memory substring index, one signal.

Nothing here reads the whole table at start: the lists read pages, hotkeys and codes are single queries.
The search runs in the database (storage/phrase_search.py) with a TextIndex of the stored folded names
and texts for its substring tiers, loaded on the first search or by `warm_up()` once the panel is idle.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.phrases import Phrase, PhraseRepository
from desktop_assistant.domain.search import TextIndex


class PhraseLibrary(QObject):
    changed = Signal()  # anything added, edited, removed, moved or used

    def __init__(self, repository: PhraseRepository, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repo = repository
        self._clock = clock
        self._loaded: TextIndex | None = None

    @property
    def _text(self) -> TextIndex:
        if self._loaded is None or self._loaded.outdated:
            self._loaded = TextIndex(self._repo.text_rows())
        return self._loaded

    def warm_up(self) -> None:
        """Load the substring index now (idle time after start), so the picker's first key does not wait."""
        self._text  # noqa: B018 (loads it)

    def all(self) -> list[Phrase]:
        return self._repo.all()

    def page(self, group: str, offset: int, limit: int) -> list[Phrase]:
        return self._repo.page(group, offset, limit)

    def groups(self) -> list[str]:
        return self._repo.groups()

    def get(self, phrase_id: int) -> Phrase:
        return self._repo.get(phrase_id)

    def with_code(self, code: str) -> Phrase | None:
        return self._repo.with_code(code)

    def with_hotkey(self, hotkey: str) -> Phrase | None:
        return self._repo.with_hotkey(hotkey)

    def hotkeys(self) -> dict[str, int]:
        """hotkey -> phrase id, for the phrases that have one (one query)."""
        return self._repo.hotkeys()

    def search(self, query: str, limit: int = 50) -> list[Phrase]:
        return self._repo.get_many(self.search_ids(query, limit))

    def search_ids(self, query: str, limit: int = 50, group: str = "") -> list[int]:
        """The best `limit` matches, best first; with `group`, those of them in that group."""
        ids = self._repo.search_ids(query, limit, self._text)
        return self._repo.in_group(ids, group) if group else ids

    def get_many(self, phrase_ids: list[int]) -> list[Phrase]:
        return self._repo.get_many(phrase_ids)

    def save(self, phrase: Phrase) -> Phrase:
        """Add (no id) or update; raises PhraseError with a message for the agent."""
        now = self._clock.now()
        saved = self._repo.add(phrase, now) if phrase.id is None else self._repo.update(phrase, now)
        self._upsert(saved)
        self.changed.emit()
        return saved

    def delete(self, phrase_id: int) -> None:
        self._repo.delete(phrase_id)
        if self._loaded is not None:
            self._loaded.remove(phrase_id)
        self.changed.emit()

    def move(self, phrase_id: int, group: str, index: int) -> None:
        self._repo.move(phrase_id, group, index, self._clock.now())
        self.changed.emit()

    def record_use(self, phrase_id: int) -> Phrase:
        used = self._repo.record_use(phrase_id, self._clock.now())  # the order is the database's: no index to touch
        self.changed.emit()
        return used

    def _upsert(self, phrase: Phrase) -> None:
        if self._loaded is not None:  # not loaded yet: it will read the stored row when it is
            assert phrase.id is not None
            self._loaded.update(*self._repo.text_row(phrase.id))

    def reload(self) -> None:
        """After a bulk change (import): the index is read again from the database when next searched."""
        self._loaded = None
        self.changed.emit()
