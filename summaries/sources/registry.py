"""The sources linking has found so far, indexed by what linking asks of them.

Linking asks "the named source with these words", "the one-word sources this full
name fits", "the latest unnamed source called an insider", "the latest organisation
mentioned"... for every mention. Each question is answered from an index kept up to
date as sources are found, renamed or given a kind, so its cost does not grow with
the number of sources met before: a 5 MiB text links its mentions in linear time.

`comparisons` counts the index entries looked at, for tests that check that.
"""

from __future__ import annotations

import heapq
from bisect import insort
from dataclasses import dataclass, field
from typing import Callable

from summaries.sources.attribution import Attribution
from summaries.sources.names import name_ends, name_words, spellings


@dataclass(slots=True, eq=False)
class Entity:
    name: str
    kind: str
    descriptor: str | None
    key: frozenset[str]
    head: str = ""
    gender: str | None = None
    named: bool = False
    plural: bool = False
    mentions: list[Attribution] = field(default_factory=list)
    # other head nouns it has been called by ("the court documents" ... "the complaint")
    heads: set[str] = field(default_factory=set)
    order: int = 0  # place among the article's entities, in order of creation


# Entities `Registry.latest_mentioned` can be asked for.
RECENCY_CLASSES: dict[str, Callable[[Entity], bool]] = {
    "organisation": lambda e: e.named and e.kind in {"organisation", "unknown"},
    "media": lambda e: e.named and e.kind == "media",
}


class Registry:
    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.comparisons = 0
        # named entities
        self._by_key: dict[frozenset[str], list[Entity]] = {}
        self._singles: dict[str, list[Entity]] = {}  # one-word names, by that word
        self._full_by_end: dict[str, list[Entity]] = {}  # longer names, by first and last word
        # unnamed entities (lists in creation order, or kept sorted by it)
        self._anonymous: dict[str, list[Entity]] = {}  # people described, by head noun
        self._unnamed_by_name: dict[str, list[Entity]] = {}
        self._unnamed_by_head: dict[str, list[tuple[int, Entity]]] = {}
        self._documents_by_word: dict[str, list[Entity]] = {}
        # recency: each entity's latest mention, and per class a heap of (-mention, push, entity)
        self._last_mention: dict[int, int] = {}
        self._recent: dict[str, list[tuple[int, int, Entity]]] = {name: [] for name in RECENCY_CLASSES}
        self._pushes = 0

    # --- adding and changing entities ---

    def add(self, entity: Entity) -> Entity:
        entity.order = len(self.entities)
        self.entities.append(entity)
        if entity.named:
            self._register_named(entity)
        else:
            if entity.kind == "anonymous" and not entity.plural:
                self._anonymous.setdefault(entity.head, []).append(entity)
            self._unnamed_by_name.setdefault(entity.name.lower(), []).append(entity)
            self._unnamed_by_head.setdefault(entity.head, []).append((entity.order, entity))
            if entity.kind == "document":
                for word in {w.lower() for w in entity.name.split()}:
                    self._documents_by_word.setdefault(word, []).append(entity)
        return entity

    def _register_named(self, entity: Entity) -> None:
        self._by_key.setdefault(entity.key, []).append(entity)
        if len(entity.key) == 1:
            self._singles.setdefault(next(iter(entity.key)), []).append(entity)
        elif len(entity.key) > 1:
            for end in set(name_ends(name_words(entity.name))):
                self._full_by_end.setdefault(end, []).append(entity)

    def _unregister_named(self, entity: Entity) -> None:
        self._by_key[entity.key].remove(entity)
        if len(entity.key) == 1:
            self._singles[next(iter(entity.key))].remove(entity)
        elif len(entity.key) > 1:
            for end in set(name_ends(name_words(entity.name))):
                self._full_by_end[end].remove(entity)

    def rename(self, entity: Entity, name: str, key: frozenset[str]) -> None:
        """A named entity's fuller name ("Wang" ... "Wang Gang")."""
        self._unregister_named(entity)
        entity.name, entity.key = name, key
        self._register_named(entity)

    def name_anonymous(self, entity: Entity, name: str, key: frozenset[str], descriptor: str) -> None:
        """An unnamed person gets a name ("an insider" ... "Insider Wang Gang"). It stays in
        the unnamed indexes, where look-ups pass over named entities."""
        entity.name, entity.key, entity.named, entity.kind = name, key, True, "person"
        entity.descriptor = descriptor
        self._register_named(entity)
        self._kind_changed(entity)

    def set_kind(self, entity: Entity, kind: str) -> None:
        entity.kind = kind
        self._kind_changed(entity)

    def add_head(self, entity: Entity, head: str) -> None:
        """Another head noun the entity is called by."""
        if head not in entity.heads and head != entity.head and not entity.named:
            insort(self._unnamed_by_head.setdefault(head, []), (entity.order, entity), key=lambda pair: pair[0])
        entity.heads.add(head)

    # --- named entities ---

    def named_with_key(self, key: frozenset[str]) -> Entity | None:
        """The first named entity (in order of creation) with this key."""
        found = self._by_key.get(key)
        self.comparisons += len(found) if found else 1
        return min(found, key=lambda e: e.order) if found else None

    def singles_fitting(self, words: tuple[str, ...]) -> list[Entity]:
        """Named one-word entities whose word is the first or last of `words` (or one swap away)."""
        found: dict[int, Entity] = {}
        for end in name_ends(words):
            for spelling in spellings(end):
                for entity in self._singles.get(spelling, ()):
                    self.comparisons += 1
                    found.setdefault(entity.order, entity)
        return list(found.values())

    def full_names_fitting(self, word: str) -> list[Entity]:
        """Named entities of two or more words whose first or last word is `word` (or
        one swap away), in order of creation."""
        found: dict[int, Entity] = {}
        for spelling in spellings(word):
            for entity in self._full_by_end.get(spelling, ()):
                self.comparisons += 1
                found.setdefault(entity.order, entity)
        return [found[order] for order in sorted(found)]

    # --- unnamed entities: the latest one asked for ---

    def _latest_unnamed(self, entities: list[Entity] | None) -> Entity | None:
        """The last unnamed entity of a list in creation order (named ones are dropped on the way)."""
        while entities:
            self.comparisons += 1
            if not entities[-1].named:
                return entities[-1]
            entities.pop()
        return None

    def latest_anonymous(self, head: str) -> Entity | None:
        """The latest unnamed, single, anonymous entity with this head noun ("an insider")."""
        return self._latest_unnamed(self._anonymous.get(head))

    def latest_unnamed_called(self, name: str) -> Entity | None:
        return self._latest_unnamed(self._unnamed_by_name.get(name.lower()))

    def latest_unnamed_with_head(self, head: str) -> Entity | None:
        """The latest unnamed entity with `head` as its head noun or among the others it was called by."""
        pairs = self._unnamed_by_head.get(head)
        while pairs:
            self.comparisons += 1
            if not pairs[-1][1].named:
                return pairs[-1][1]
            pairs.pop()
        return None

    def latest_document_sharing(self, words: set[str]) -> Entity | None:
        """The latest unnamed document whose name has one of `words` (lower case)."""
        latest = None
        for word in words:
            entities = self._documents_by_word.get(word)
            self.comparisons += 1
            if entities and (latest is None or entities[-1].order > latest.order):
                latest = entities[-1]
        return latest

    # --- recency ---

    def mentioned(self, entity: Entity, position: int) -> None:
        """`entity` was mentioned as the `position`-th linked mention."""
        self._last_mention[entity.order] = position
        self._push(entity)

    def _kind_changed(self, entity: Entity) -> None:
        if entity.order in self._last_mention:
            self._push(entity)

    def _push(self, entity: Entity) -> None:
        position = self._last_mention[entity.order]
        for name, belongs in RECENCY_CLASSES.items():
            if belongs(entity):
                self._pushes += 1  # unique: entries never compare entities
                heapq.heappush(self._recent[name], (-position, self._pushes, entity))

    def latest_mentioned(self, name: str) -> Entity | None:
        """The entity of class `name` (see RECENCY_CLASSES) mentioned last. Heap entries
        go stale when an entity is mentioned again or changes kind, and are dropped
        when they come to the top."""
        heap = self._recent[name]
        belongs = RECENCY_CLASSES[name]
        while heap:
            self.comparisons += 1
            position, _, entity = heap[0]
            if self._last_mention[entity.order] == -position and belongs(entity):
                return entity
            heapq.heappop(heap)
        return None
