"""Merging attribution mentions into sources (entities), in order of appearance.

Rules, each general:
- Names: a mention with the same words (in any order: "Jin Xinjiang" / "Xinjiang Jin")
  is the same source. A one-word mention matches the first or the last word of a
  full name met earlier in the article (surname-first names: "Li" of "Li Linyi",
  "Wang" of "Wang Gang"; western ones: "Demers" of "John C. Demers"), tolerating one
  swapped pair of letters ("Zhuo" for "Zhou"). When two different full names fit,
  the mention is not guessed: it stays a source of its own.
- Descriptions: "the"/"this" descriptions link to the latest source with the same head
  noun ("an FBI agent" ... "the FBI agent"; "the court complaint" ... "the complaint");
  "the company"/"the firm" link to the latest organisation ("Zoom"). "a"/"an"/"another"
  always start a new source. A name introduced with a role that heads an earlier
  anonymous source takes it over ("an insider" ... "Insider Wang Gang (pseudonym)").
- Pronoun subjects of a cue resolve to the latest compatible source mention in the
  five sentences before, or a subject-position person met in the two sentences
  before ("a workshop director discovered ... He later revealed"); unresolved
  pronouns are dropped.
- The article's own byline is never a source.

Every look-up goes through an index (registry.py for the sources found so far; here
the names met in the text by their first and last word, and the mentions by
sentence), so linking a mention costs about the same however long the text is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from summaries.model import Article, Mention, Source
from summaries.sources.attribution import PREPOSITIONS, Attribution, SentenceTokens, apposition_after, clean_descriptor
from summaries.sources.mentions import (
    DETERMINERS,
    FUNCTION_WORDS,
    Lexicon,
    Phrase,
    description_starting_at,
    name_or_description,
    name_starting_at,
    noun_class,
)
from summaries.sources.names import alias_groups, name_ends, name_key, name_words, spellings
from summaries.sources.registry import Entity, Registry

SOURCE_WINDOW = 5  # sentences back a pronoun may reach for a source already cited
CANDIDATE_WINDOW = 2  # sentences back for a person merely mentioned
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another", "one"})
ORGANISATION_HEADS = frozenset("company firm group app platform giant corporation business enterprise agency".split())
_NOT_BEFORE_A_VERB = PREPOSITIONS | {"and", "or", "but"} | DETERMINERS
_DESCRIPTOR_WORD = re.compile(r"[\w-]+")


@dataclass(slots=True)
class Candidate:
    """A name or description met anywhere in the text (not necessarily a source)."""

    phrase: Phrase
    sentence: int
    descriptor: str | None
    subject_like: bool


def link_sources(article: Article, sentences: list[SentenceTokens], lexicon: Lexicon, attributions: list[Attribution]) -> list[Source]:
    candidates = scan_candidates(article.text, sentences, lexicon)
    linker = Linker(candidates, article.text)
    for attribution in attributions:
        linker.add(attribution)
    return linker.sources(article.byline)


def scan_candidates(text: str, sentences: list[SentenceTokens], lexicon: Lexicon) -> list[Candidate]:
    found: list[Candidate] = []
    for sentence in sentences:
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not token.capitalised and token.lower not in DETERMINERS:
                i += 1  # neither a name (capitalised) nor a description (a determiner) starts here
                continue
            # a lower-case determiner starts no name: only descriptions are tried there
            phrase = name_starting_at(tokens, i, lexicon) if token.capitalised else None
            if phrase is not None:
                phrase = name_or_description(tokens, i, phrase, lexicon)  # "Chinese authorities"
            if phrase is None and token.lower in DETERMINERS:
                phrase = description_starting_at(tokens, i, lexicon)
                if phrase is not None and phrase.first != i:
                    phrase = None
            if phrase is None:
                i += 1
                continue
            descriptor = phrase.descriptor
            after = phrase.last + 1
            if after + 2 < len(tokens) and tokens[after].text == "(" and tokens[after + 1].text[:1].islower():
                closing = next((k for k in range(after + 1, min(len(tokens), after + 8)) if tokens[k].text == ")"), None)
                if closing is not None:
                    descriptor = _join(descriptor, clean_descriptor(text[tokens[after + 1].start : tokens[closing - 1].end]))
                    after = closing + 1
            if phrase.form == "name":
                descriptor = _join(descriptor, apposition_after(text, tokens, after - 1))
            subject_like = _subject_like(tokens, phrase, after)
            found.append(Candidate(phrase, sentence.index, descriptor, subject_like))
            i = max(after, phrase.last + 1)
    return found


def _subject_like(tokens, phrase: Phrase, after: int) -> bool:
    if after >= len(tokens) or phrase.first > 0 and tokens[phrase.first - 1].lower in PREPOSITIONS:
        return False
    following = tokens[after]
    if following.text == ",":
        return all(not t.is_word or t.capitalised for t in tokens[: phrase.first])
    return following.is_word and following.text.islower() and following.lower not in _NOT_BEFORE_A_VERB


def _join(first: str | None, second: str | None) -> str | None:
    if first and second and second.lower() not in first.lower():
        return f"{first}, {second}"
    return first or second


_IS_A = re.compile(
    r"\b([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3})(?:,| is| was) (?:a|an|the)\b[^.;]{0,80}?\b("
    + "|".join(sorted(ORGANISATION_HEADS))
    + r")\b"
)


# Words that open a sentence before a comma ("Instead, the firm ...") and are no name.
_OPENING_ADVERBS = frozenset(
    "instead nevertheless nonetheless therefore thus furthermore besides otherwise indeed likewise hence "
    "today yesterday tonight now then later earlier first second finally overall again recently currently "
    "previously similarly additionally separately ultimately importantly notably".split()
)


def _is_opener(name: str) -> bool:
    lowered = name.lower()
    return " " not in lowered and (lowered in FUNCTION_WORDS or lowered in _OPENING_ADVERBS)


def _is_a_evidence(text: str) -> dict[str, tuple[list[int], list[frozenset[str]]]]:
    """Names the text itself calls a company, firm, app...: "Zoom is a ... company";
    per head noun, where each is said (in order) and the name's key."""
    evidence: dict[str, tuple[list[int], list[frozenset[str]]]] = {}
    for match in _IS_A.finditer(text):
        if _is_opener(match.group(1)):
            continue  # "However, the company said": a sentence's opening word, not a name
        positions, keys = evidence.setdefault(match.group(2), ([], []))
        positions.append(match.start())
        keys.append(name_key(match.group(1)))
    return evidence


class CandidateIndex:
    """The candidates (names and descriptions met in the text) by sentence and by name,
    each table built when first needed (most articles need few of them).

    Candidates come in text order: their sentences never decrease, so a window of
    sentences is a bisection away; `reach[k]` is the furthest start among the first
    k + 1, so "the candidates before position p" ends at a bisection too.
    """

    def __init__(self, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        self._sentences: list[int] | None = None
        self._reach: list[int] | None = None
        self._person_name_ends: set[str] | None = None
        self._first_keys: dict[str, list[tuple[int, frozenset[str], str]]] | None = None
        self._first_descriptors: dict[str, list[tuple[int, frozenset[str], str]]] = {}
        self._first_name_by_key: dict[frozenset[str], str] | None = None

    def before(self, position: int) -> int:
        """How many candidates come before the first one starting at `position` or later."""
        if self._reach is None:
            self._reach = list(accumulate((c.phrase.start for c in self.candidates), max))
        return bisect_left(self._reach, position)

    def near(self, sentence: int, position: int) -> range:
        """Indexes of the candidates before `position` in the CANDIDATE_WINDOW sentences up to `sentence`."""
        if self._sentences is None:
            self._sentences = [c.sentence for c in self.candidates]
        return range(bisect_left(self._sentences, sentence - CANDIDATE_WINDOW), self.before(position))

    def part_of_person_name(self, word: str) -> bool:
        """Whether `word` is (one swap away from) the first or last word of a person's full name."""
        if self._person_name_ends is None:
            self._person_name_ends = {
                end
                for c in self.candidates
                if c.phrase.form == "name" and c.phrase.kind == "person" and len(name_words(c.phrase.name)) > 1
                for end in name_ends(name_words(c.phrase.name))
            }
        return any(spelling in self._person_name_ends for spelling in spellings(word))

    def first_keys(self, end: str) -> list[tuple[int, frozenset[str], str]]:
        """For the full names that may be a person's whose first or last word is `end`:
        where each key is met first (candidate index, key, name), in text order."""
        if self._first_keys is None:
            self._index_full_names()
        return self._first_keys.get(end, [])

    def first_descriptors(self, end: str) -> list[tuple[int, frozenset[str], str]]:
        """The same names: where a candidate with each key first carries a descriptor."""
        if self._first_keys is None:
            self._index_full_names()
        return self._first_descriptors.get(end, [])

    def _index_full_names(self) -> None:
        self._first_keys = {}
        seen_keys: set[tuple[str, frozenset[str]]] = set()
        seen_descriptors: set[tuple[str, frozenset[str]]] = set()
        for index, candidate in enumerate(self.candidates):
            phrase = candidate.phrase
            if phrase.form != "name" or phrase.kind not in {"person", "unknown"}:
                continue
            if "’s" in phrase.name or "'s" in phrase.name:
                continue  # "Mark’s Space-Time" names a programme, not a person
            words = name_words(phrase.name)
            if len(words) < 2:
                continue
            key = name_key(phrase.name)
            for end in set(name_ends(words)):
                if (end, key) not in seen_keys:
                    seen_keys.add((end, key))
                    self._first_keys.setdefault(end, []).append((index, key, " ".join(words)))
                if candidate.descriptor and (end, key) not in seen_descriptors:
                    seen_descriptors.add((end, key))
                    self._first_descriptors.setdefault(end, []).append((index, key, candidate.descriptor))

    def first_name_with_key(self, key: frozenset[str]) -> str | None:
        if self._first_name_by_key is None:
            self._first_name_by_key = {}
            for candidate in self.candidates:
                self._first_name_by_key.setdefault(name_key(candidate.phrase.name), candidate.phrase.name)
        return self._first_name_by_key.get(key)


class Linker:
    def __init__(self, candidates: list[Candidate], text: str = "") -> None:
        self.candidates = CandidateIndex(candidates)
        self._text = text
        self._is_a: dict[str, tuple[list[int], list[frozenset[str]]]] | None = None  # when first asked
        self._aliases: dict[frozenset[str], tuple[frozenset[str], str]] | None = None  # likewise
        self.registry = Registry()
        self.linked = 0  # mentions linked so far
        # (start, order linked, entity) of every linked mention, by sentence
        self._mentions_by_sentence: dict[int, list[tuple[int, int, Entity]]] = {}
        self._last_sentence = -1
        self._comparisons = 0

    @property
    def comparisons(self) -> int:
        """Index entries and candidates looked at so far (for the tests of linear growth)."""
        return self._comparisons + self.registry.comparisons

    @property
    def entities(self) -> list[Entity]:
        return self.registry.entities

    # --- entry ---

    def add(self, attribution: Attribution) -> None:
        phrase = attribution.phrase
        if phrase.form == "pronoun":
            entity = self._resolve_pronoun(phrase, attribution.sentence)
        elif phrase.form == "name":
            entity = self._named(phrase, attribution)
        else:
            entity = self._described(phrase, attribution)
        if entity is None:
            return
        entity.mentions.append(attribution)
        self._mentions_by_sentence.setdefault(attribution.sentence, []).append((phrase.start, self.linked, entity))
        self._last_sentence = max(self._last_sentence, attribution.sentence)
        self.registry.mentioned(entity, self.linked)
        self.linked += 1

    # --- names ---

    def _named(self, phrase: Phrase, attribution: Attribution) -> Entity:
        words = name_words(phrase.name)
        name = " ".join(words)
        key = name_key(name)
        descriptor = _join(phrase.descriptor, attribution.descriptor)
        if len(key) == 1:
            full = self._full_name_for(next(iter(key)), phrase.start)
            if full is not None:
                name, key, full_descriptor, full_kind = full
                descriptor = _join(descriptor, full_descriptor) if descriptor else full_descriptor
                phrase = Phrase(phrase.first, phrase.last, phrase.start, phrase.end, "name", full_kind if phrase.kind == "unknown" else phrase.kind, name, descriptor=descriptor, titled=phrase.titled)
        key, name = self._alias(key, name)
        registry = self.registry
        entity = registry.named_with_key(key)
        if entity is None and len(key) > 1:
            # an earlier one-word source now named in full
            singles = registry.singles_fitting(words)
            if len(singles) == 1:
                entity = singles[0]
                registry.rename(entity, name, key)
        if entity is None:
            entity = self._absorbing_anonymous(name, key, phrase.kind, descriptor)
        if entity is None:
            entity = registry.add(Entity(name, phrase.kind, descriptor, key, named=True))
        elif descriptor and not entity.descriptor:
            entity.descriptor = descriptor
        if phrase.titled and entity.kind == "unknown":
            registry.set_kind(entity, "person")
        if entity.kind == "unknown" and phrase.kind != "unknown":
            registry.set_kind(entity, phrase.kind)
        return entity

    def _alias(self, key: frozenset[str], name: str) -> tuple[frozenset[str], str]:
        """The key and name that stand for a name the text gives as an alias of another
        ("Aliases: Jin Xinjiang, Julien Jin"); the name's own otherwise."""
        if self._aliases is None:
            self._aliases = alias_groups(self._text)
        return self._aliases.get(key, (key, name))

    def _full_name_for(self, word: str, before: int) -> tuple[str, frozenset[str], str | None, str] | None:
        """The one full name earlier in the text whose first or last word is `word`:
        among the named sources, and the people's names met before position `before`."""
        fits: dict[frozenset[str], tuple[str, str | None, str]] = {}
        for entity in self.registry.full_names_fitting(word):
            fits.setdefault(self._alias(entity.key, entity.name)[0], (entity.name, entity.descriptor, entity.kind))
            if len(fits) > 1:
                return None
        candidates = self.candidates
        stop = candidates.before(before)
        firsts: dict[frozenset[str], tuple[int, str]] = {}  # key -> (candidate index, name)
        for spelling in spellings(word):
            for index, key, name in candidates.first_keys(spelling):
                self._comparisons += 1
                if index >= stop:
                    break
                key, name = self._alias(key, name)
                if key not in firsts or index < firsts[key][0]:
                    firsts[key] = (index, name)
                if len(fits.keys() | firsts.keys()) > 1:
                    return None
        if len(fits.keys() | firsts.keys()) != 1:
            return None
        key = next(iter(fits.keys() | firsts.keys()))
        name, descriptor, kind = fits.get(key) or (firsts[key][1], None, "person")
        if not descriptor and key in firsts:
            descriptor = self._first_descriptor(word, key, stop)
        return name, key, descriptor, kind

    def _first_descriptor(self, word: str, key: frozenset[str], stop: int) -> str | None:
        """The descriptor of the first candidate before `stop` with this key and a
        descriptor, among those whose first or last word is `word` (or one swap away)."""
        first: tuple[int, str] | None = None
        for spelling in spellings(word):
            for index, found_key, descriptor in self.candidates.first_descriptors(spelling):
                self._comparisons += 1
                if index >= stop:
                    break
                if found_key == key and (first is None or index < first[0]):
                    first = (index, descriptor)
        return first[1] if first else None

    def _absorbing_anonymous(self, name: str, key: frozenset[str], kind: str, descriptor: str | None) -> Entity | None:
        """'an insider' ... 'Insider Wang Gang': the unnamed source gets its name."""
        if not descriptor or kind not in {"person", "unknown"}:
            return None
        role = descriptor.split(",")[0].split()[-1].lower()
        entity = self.registry.latest_anonymous(role)
        if entity is not None:
            self.registry.name_anonymous(entity, name, key, descriptor)
        return entity

    # --- descriptions ---

    def _described(self, phrase: Phrase, attribution: Attribution) -> Entity:
        determiner = phrase.determiner
        name = phrase.name
        if determiner in DEFINITE or determiner in {"its", "their"}:
            linked = self._definite(phrase)
            if linked is not None:
                self.registry.add_head(linked, phrase.head)
                return linked
        elif determiner not in INDEFINITE:
            same = self.registry.latest_unnamed_called(name)
            if same is not None:
                return same
        kind = phrase.kind
        return self.registry.add(Entity(name, kind, attribution.descriptor, frozenset(), head=phrase.head, plural=phrase.plural))

    def _definite(self, phrase: Phrase) -> Entity | None:
        head = phrase.head
        registry = self.registry
        same_head = registry.latest_unnamed_with_head(head)
        if same_head is not None:
            return same_head
        if phrase.kind == "document":
            document = registry.latest_document_sharing({w.lower() for w in phrase.name.split()[:-1]})
            if document is not None:
                return document
        if head in ORGANISATION_HEADS:
            recent = self._described_as(head, phrase.start) or registry.latest_mentioned("organisation")
            if recent is not None:
                registry.set_kind(recent, "organisation")
                return recent
        if phrase.kind == "media":
            return registry.latest_mentioned("media")
        return None

    def _described_as(self, head: str, before: int) -> Entity | None:
        """The latest name the article calls a `head` ("Zoom is a ... company") before `before`."""
        if self._is_a is None:
            self._is_a = _is_a_evidence(self._text)
        positions, keys = self._is_a.get(head, ((), ()))
        found = bisect_left(positions, before)
        if not found:
            return None
        key = keys[found - 1]
        entity = self.registry.named_with_key(key)
        if entity is None:
            name = self.candidates.first_name_with_key(key) or " ".join(sorted(key))
            entity = self.registry.add(Entity(name, "organisation", None, key, named=True))
        return entity

    # --- pronouns ---

    def _resolve_pronoun(self, phrase: Phrase, sentence: int) -> Entity | None:
        pronoun = phrase.head
        best: tuple[int, int, Entity | Candidate] | None = None  # (start, -order linked, target)
        for mention_sentence in range(sentence - SOURCE_WINDOW, self._last_sentence + 1):
            for start, order, entity in self._mentions_by_sentence.get(mention_sentence, ()):
                self._comparisons += 1
                if start >= phrase.start:
                    continue
                kind = self._person_or_not(entity) if pronoun in {"he", "she"} else entity.kind
                # The latest mention wins; of two at one place, the one linked first.
                if _compatible(pronoun, kind, entity.plural, entity.gender) and (best is None or (start, -order) > best[:2]):
                    best = (start, -order, entity)
        candidates = self.candidates.candidates
        for index in self.candidates.near(sentence, phrase.start):
            self._comparisons += 1
            candidate = candidates[index]
            if not candidate.subject_like:
                continue
            kind = candidate.phrase.kind
            if kind == "unknown" and pronoun in {"he", "she"}:
                kind = "person" if self._part_of_person_name(name_key(candidate.phrase.name)) else "organisation"
            if not _compatible(pronoun, kind, candidate.phrase.plural, None):
                continue
            if best is None or candidate.phrase.start > best[0]:
                best = (candidate.phrase.start, 0, candidate)
        if best is None:
            return None
        target = best[2]
        if isinstance(target, Candidate):
            target = self._entity_for_candidate(target)
        if pronoun in {"he", "she"}:
            target.gender = pronoun
            if target.kind == "unknown":
                self.registry.set_kind(target, "person")
        elif pronoun == "it" and target.kind == "unknown":
            self.registry.set_kind(target, "organisation")
        return target

    def _person_or_not(self, entity: Entity) -> str:
        if entity.kind != "unknown" or entity.gender is not None:
            return "person" if entity.gender is not None else entity.kind
        return "person" if self._part_of_person_name(entity.key) else "organisation"

    def _part_of_person_name(self, key: frozenset[str]) -> bool:
        return len(key) == 1 and self.candidates.part_of_person_name(next(iter(key)))

    def _entity_for_candidate(self, candidate: Candidate) -> Entity:
        attribution = Attribution(candidate.phrase, candidate.sentence, None, None, None, candidate.descriptor)
        if candidate.phrase.form == "name":
            return self._named(candidate.phrase, attribution)
        return self._described(candidate.phrase, attribution)

    # --- the result ---

    def sources(self, byline: str | None) -> list[Source]:
        """Every entity with a mention, as a Source; the byline's author is none."""
        author = name_key(byline) if byline else frozenset()
        sources: list[Source] = []
        for entity in self.entities:
            if not entity.mentions:
                continue
            if author and entity.named and entity.key and entity.key <= author:
                continue
            kind = entity.kind
            if kind == "unknown":
                kind = self._settle_unknown(entity)
            mentions = sorted(
                (Mention(a.phrase.start, a.phrase.end, a.cue, a.cue_text, a.content, a.sentence) for a in entity.mentions),
                key=lambda m: m.start,
            )
            sources.append(Source(entity.name, kind, entity.descriptor, mentions))
        sources.sort(key=lambda s: s.mentions[0].start)
        return sources

    def _settle_unknown(self, entity: Entity) -> str:
        """A one-word name never tied to a full name, a title or "he"/"she": people in news
        are introduced by full name, so such a source is taken for an organisation or
        country ("Ukraine accused", "Zoom said") unless its descriptor names a person's role."""
        if entity.gender is not None:
            return "person"
        if self._part_of_person_name(entity.key):
            return "person"  # part of a person's full name, even if which one is unclear
        if entity.descriptor:
            words = _DESCRIPTOR_WORD.findall(entity.descriptor.split(" of ")[0].split(",")[0])
            if any(noun_class(w) == "person" for w in words):
                return "person"
        return "organisation"


def _compatible(pronoun: str, kind: str, plural: bool, gender: str | None) -> bool:
    if pronoun in {"he", "she"}:
        if gender not in {None, pronoun} or plural:
            return False
        return kind in {"person", "unknown", "anonymous"}
    if pronoun == "they":
        return plural and kind not in {"document", "media"} or kind == "organisation"
    if pronoun == "it":
        return kind == "unknown" or kind in {"organisation", "media", "document"} and not plural
    return False
