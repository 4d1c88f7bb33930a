"""The phrase library as the UI sees it: the repository plus the in-memory search index, one signal.

Nothing here reads the whole table at start: the lists read pages, hotkeys and codes are single queries,
and the in-memory index is loaded from the persisted one (folded text and pinyin, storage) on the first
search, or by `warm_up()` once the panel is idle.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_assistant.domain.clock import Clock
from desktop_assistant.domain.phrases import Phrase, PhraseRepository
from desktop_assistant.domain.search import PhraseSearchIndex


class PhraseLibrary(QObject):
    changed = Signal()  # anything added, edited, removed, moved or used

    def __init__(self, repository: PhraseRepository, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repo = repository
        self._clock = clock
        self._loaded: PhraseSearchIndex | None = None

    @property
    def _index(self) -> PhraseSearchIndex:
        if self._loaded is None:
            self._loaded = PhraseSearchIndex(self._repo.search_entries(), folded=True)
        return self._loaded

    def warm_up(self) -> None:
        """Load the search index now (idle time after start), so the picker's first key does not wait."""
        self._index.search("")

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
        return self._repo.get_many(self._index.search(query, limit))

    def search_ids(self, query: str, limit: int = 50, group: str = "") -> list[int]:
        """The best `limit` matches, best first; with `group`, those of them in that group."""
        ids = self._index.search(query, limit)
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
        used = self._repo.record_use(phrase_id, self._clock.now())
        self._upsert(used)
        self.changed.emit()
        return used

    def _upsert(self, phrase: Phrase) -> None:
        if self._loaded is not None:  # not loaded yet: it will read the stored row when it is
            self._loaded.upsert(self._repo.search_entry(phrase))

    def reload(self) -> None:
        """After a bulk change (import): the index is read again from the database when next searched."""
        self._loaded = None
        self.changed.emit()
