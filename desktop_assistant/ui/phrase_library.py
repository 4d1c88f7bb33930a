"""The phrase library as the UI sees it: the repository plus the in-memory search index, one signal."""

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
        self._index = PhraseSearchIndex(repository.search_entries())

    def all(self) -> list[Phrase]:
        return self._repo.all()

    def groups(self) -> list[str]:
        return self._repo.groups()

    def get(self, phrase_id: int) -> Phrase:
        return self._repo.get(phrase_id)

    def search(self, query: str, limit: int = 50) -> list[Phrase]:
        return self._repo.get_many(self._index.search(query, limit))

    def search_ids(self, query: str, limit: int = 50) -> list[int]:
        return self._index.search(query, limit)

    def save(self, phrase: Phrase) -> Phrase:
        """Add (no id) or update; raises PhraseError with a message for the agent."""
        now = self._clock.now()
        saved = self._repo.add(phrase, now) if phrase.id is None else self._repo.update(phrase, now)
        self._index.upsert(self._repo.search_entry(saved))
        self.changed.emit()
        return saved

    def delete(self, phrase_id: int) -> None:
        self._repo.delete(phrase_id)
        self._index.remove(phrase_id)
        self.changed.emit()

    def move(self, phrase_id: int, group: str, index: int) -> None:
        self._repo.move(phrase_id, group, index, self._clock.now())
        self.changed.emit()

    def record_use(self, phrase_id: int) -> Phrase:
        used = self._repo.record_use(phrase_id, self._clock.now())
        self._index.upsert(self._repo.search_entry(used))
        self.changed.emit()
        return used

    def reload(self) -> None:
        """After a bulk change (import): rebuild the index from the database."""
        self._index = PhraseSearchIndex(self._repo.search_entries())
        self.changed.emit()
