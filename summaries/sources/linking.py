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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summaries.model import Article, Mention, Source
from summaries.sources.attribution import PREPOSITIONS, Attribution, SentenceTokens, apposition_after, clean_descriptor
from summaries.sources.mentions import (
    DETERMINERS,
    Lexicon,
    Phrase,
    description_starting_at,
    name_starting_at,
    noun_class,
    phrase_starting_at,
)

SOURCE_WINDOW = 5  # sentences back a pronoun may reach for a source already cited
CANDIDATE_WINDOW = 2  # sentences back for a person merely mentioned
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE = frozenset({"a", "an", "another", "one"})
ORGANISATION_HEADS = frozenset("company firm group app platform giant corporation business enterprise agency".split())


@dataclass(slots=True)
class Candidate:
    """A name or description met anywhere in the text (not necessarily a source)."""

    phrase: Phrase
    sentence: int
    descriptor: str | None
    subject_like: bool


@dataclass(slots=True)
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


def link_sources(article: Article, sentences: list[SentenceTokens], lexicon: Lexicon, attributions: list[Attribution]) -> list[Source]:
    candidates = scan_candidates(article.text, sentences, lexicon)
    linker = _Linker(candidates, article.text)
    for attribution in attributions:
        linker.add(attribution)
    return _sources(article, linker.entities, candidates)


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
            phrase = name_starting_at(tokens, i, lexicon)
            if phrase is not None:
                phrase = phrase_starting_at(tokens, i, lexicon) or phrase  # "Chinese authorities"
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
    return following.is_word and following.text.islower() and following.lower not in PREPOSITIONS | {"and", "or", "but"} | DETERMINERS


def _join(first: str | None, second: str | None) -> str | None:
    if first and second and second.lower() not in first.lower():
        return f"{first}, {second}"
    return first or second


def _words(name: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w) for w in name.split() if w not in {"&"}]


def _key(name: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _words(name) if not re.fullmatch(r"[A-Z]\.", w))


def _one_swap(a: str, b: str) -> bool:
    """True when b is a with one adjacent pair of letters swapped ("Zhuo"/"Zhou")."""
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    diffs = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


_IS_A = re.compile(
    r"\b([A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3})(?:,| is| was) (?:a|an|the)\b[^.;]{0,80}?\b("
    + "|".join(sorted(ORGANISATION_HEADS))
    + r")\b"
)


def _is_a_evidence(text: str) -> dict[str, list[tuple[frozenset[str], int]]]:
    """Names the text itself calls a company, firm, app...: "Zoom is a ... company"."""
    evidence: dict[str, list[tuple[frozenset[str], int]]] = {}
    for match in _IS_A.finditer(text):
        evidence.setdefault(match.group(2), []).append((_key(match.group(1)), match.start()))
    return evidence


class _Linker:
    def __init__(self, candidates: list[Candidate], text: str = "") -> None:
        self.candidates = candidates
        self.is_a = _is_a_evidence(text)
        self.entities: list[Entity] = []
        self.history: list[tuple[int, int, Entity]] = []  # (start, sentence, entity) of every linked mention

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
        self.history.append((phrase.start, attribution.sentence, entity))

    # --- names ---

    def _named(self, phrase: Phrase, attribution: Attribution) -> Entity:
        words = _words(phrase.name)
        name = " ".join(words)
        key = _key(name)
        descriptor = _join(phrase.descriptor, attribution.descriptor)
        if len(key) == 1:
            full = self._full_name_for(next(iter(key)), phrase.start)
            if full is not None:
                name, key, full_descriptor, full_kind = full
                descriptor = _join(descriptor, full_descriptor) if descriptor else full_descriptor
                phrase = Phrase(phrase.first, phrase.last, phrase.start, phrase.end, "name", full_kind if phrase.kind == "unknown" else phrase.kind, name, descriptor=descriptor, titled=phrase.titled)
        entity = next((e for e in self.entities if e.named and e.key == key), None)
        if entity is None and len(key) > 1:
            # an earlier one-word source now named in full
            singles = [e for e in self.entities if e.named and len(e.key) == 1 and _matches_end(next(iter(e.key)), words)]
            if len(singles) == 1:
                entity = singles[0]
                entity.name, entity.key = name, key
        if entity is None:
            entity = self._absorbing_anonymous(name, key, phrase.kind, descriptor)
        if entity is None:
            entity = Entity(name, phrase.kind, descriptor, key, named=True)
            self.entities.append(entity)
        elif descriptor and not entity.descriptor:
            entity.descriptor = descriptor
        if phrase.titled and entity.kind == "unknown":
            entity.kind = "person"
        if entity.kind == "unknown" and phrase.kind != "unknown":
            entity.kind = phrase.kind
        return entity

    def _full_name_for(self, word: str, before: int) -> tuple[str, frozenset[str], str | None, str] | None:
        """The one full name earlier in the text whose first or last word is `word`."""
        fits: dict[frozenset[str], tuple[str, str | None, str]] = {}
        for entity in self.entities:
            if entity.named and len(entity.key) > 1 and _matches_end(word, _words(entity.name)):
                fits.setdefault(entity.key, (entity.name, entity.descriptor, entity.kind))
        for candidate in self.candidates:
            if candidate.phrase.start >= before:
                break
            if candidate.phrase.form != "name" or candidate.phrase.kind not in {"person", "unknown"}:
                continue
            if "’s" in candidate.phrase.name or "'s" in candidate.phrase.name:
                continue  # "Mark’s Space-Time" names a programme, not a person
            words = _words(candidate.phrase.name)
            if len(words) > 1 and _matches_end(word, words):
                key = _key(candidate.phrase.name)
                name, descriptor, kind = fits.get(key, (" ".join(words), None, "person"))
                fits[key] = (name, descriptor or candidate.descriptor, kind)
        if len(fits) != 1:
            return None
        key, (name, descriptor, kind) = next(iter(fits.items()))
        return name, key, descriptor, kind

    def _absorbing_anonymous(self, name: str, key: frozenset[str], kind: str, descriptor: str | None) -> Entity | None:
        """'an insider' ... 'Insider Wang Gang': the unnamed source gets its name."""
        if not descriptor or kind not in {"person", "unknown"}:
            return None
        role = descriptor.split(",")[0].split()[-1].lower()
        for entity in reversed(self.entities):
            if not entity.named and not entity.plural and entity.kind == "anonymous" and entity.head == role:
                entity.name, entity.key, entity.named, entity.kind = name, key, True, "person"
                entity.descriptor = descriptor
                return entity
        return None

    # --- descriptions ---

    def _described(self, phrase: Phrase, attribution: Attribution) -> Entity:
        determiner = phrase.determiner
        name = phrase.name
        if determiner in DEFINITE or determiner in {"its", "their"}:
            linked = self._definite(phrase)
            if linked is not None:
                linked.heads.add(phrase.head)
                return linked
        elif determiner not in INDEFINITE:
            same = next((e for e in reversed(self.entities) if not e.named and e.name.lower() == name.lower()), None)
            if same is not None:
                return same
        kind = phrase.kind
        entity = Entity(name, kind, attribution.descriptor, frozenset(), head=phrase.head, plural=phrase.plural)
        self.entities.append(entity)
        return entity

    def _definite(self, phrase: Phrase) -> Entity | None:
        head = phrase.head
        modifiers = {w.lower() for w in phrase.name.split()[:-1]}
        for entity in reversed(self.entities):
            if (entity.head == head or head in entity.heads) and not entity.named:
                return entity
        if phrase.kind == "document":
            for entity in reversed(self.entities):
                if entity.kind == "document" and not entity.named and modifiers & {w.lower() for w in entity.name.split()}:
                    return entity
        if head in ORGANISATION_HEADS:
            described = self._described_as(head, phrase.start)
            recent = described or self._recent(lambda e: e.named and e.kind in {"organisation", "unknown"})
            if recent is not None:
                recent.kind = "organisation"
                return recent
        if phrase.kind == "media":
            return self._recent(lambda e: e.named and e.kind == "media")
        return None

    def _described_as(self, head: str, before: int) -> Entity | None:
        """The latest name the article calls a `head` ("Zoom is a ... company") before `before`."""
        for name_key, position in reversed(self.is_a.get(head, [])):
            if position < before:
                entity = next((e for e in self.entities if e.named and e.key == name_key), None)
                if entity is None:
                    name = next(c.phrase.name for c in self.candidates if _key(c.phrase.name) == name_key) if any(_key(c.phrase.name) == name_key for c in self.candidates) else " ".join(sorted(name_key))
                    entity = Entity(name, "organisation", None, name_key, named=True)
                    self.entities.append(entity)
                return entity
        return None

    def _recent(self, accept) -> Entity | None:
        for _, _, entity in reversed(self.history):
            if accept(entity):
                return entity
        return None

    # --- pronouns ---

    def _resolve_pronoun(self, phrase: Phrase, sentence: int) -> Entity | None:
        pronoun = phrase.head
        best: tuple[int, Entity | Candidate] | None = None
        for start, mention_sentence, entity in self.history:
            kind = self._person_or_not(entity) if pronoun in {"he", "she"} else entity.kind
            if start < phrase.start and sentence - mention_sentence <= SOURCE_WINDOW and _compatible(pronoun, kind, entity.plural, entity.gender):
                if best is None or start > best[0]:
                    best = (start, entity)
        for candidate in self.candidates:
            if candidate.phrase.start >= phrase.start:
                break
            if sentence - candidate.sentence > CANDIDATE_WINDOW or not candidate.subject_like:
                continue
            kind = candidate.phrase.kind
            if kind == "unknown" and pronoun in {"he", "she"}:
                kind = "person" if self._part_of_person_name(_key(candidate.phrase.name)) else "organisation"
            if not _compatible(pronoun, kind, candidate.phrase.plural, None):
                continue
            if best is None or candidate.phrase.start > best[0]:
                best = (candidate.phrase.start, candidate)
        if best is None:
            return None
        target = best[1]
        if isinstance(target, Candidate):
            target = self._entity_for_candidate(target)
        if pronoun in {"he", "she"}:
            target.gender = pronoun
            if target.kind == "unknown":
                target.kind = "person"
        elif pronoun == "it" and target.kind == "unknown":
            target.kind = "organisation"
        return target

    def _person_or_not(self, entity: Entity) -> str:
        if entity.kind != "unknown" or entity.gender is not None:
            return "person" if entity.gender is not None else entity.kind
        return "person" if self._part_of_person_name(entity.key) else "organisation"

    def _part_of_person_name(self, key: frozenset[str]) -> bool:
        if len(key) != 1:
            return False
        word = next(iter(key))
        return any(
            c.phrase.form == "name" and c.phrase.kind == "person" and len(_words(c.phrase.name)) > 1 and _matches_end(word, _words(c.phrase.name))
            for c in self.candidates
        )

    def _entity_for_candidate(self, candidate: Candidate) -> Entity:
        attribution = Attribution(candidate.phrase, candidate.sentence, None, None, None, candidate.descriptor)
        if candidate.phrase.form == "name":
            return self._named(candidate.phrase, attribution)
        return self._described(candidate.phrase, attribution)


def _matches_end(word: str, words: list[str]) -> bool:
    lowered = [w.lower() for w in words if not re.fullmatch(r"[A-Z]\.", w)]
    if not lowered:
        return False
    return any(word == w or _one_swap(word, w) for w in (lowered[0], lowered[-1]))


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


def _sources(article: Article, entities: list[Entity], candidates: list[Candidate]) -> list[Source]:
    byline = _key(article.byline) if article.byline else frozenset()
    sources: list[Source] = []
    for entity in entities:
        if not entity.mentions:
            continue
        if byline and entity.named and entity.key and entity.key <= byline:
            continue
        kind = entity.kind
        if kind == "unknown":
            kind = _settle_unknown(entity, candidates)
        mentions = sorted(
            (
                Mention(a.phrase.start, a.phrase.end, a.cue, a.cue_text, a.content, a.sentence)
                for a in entity.mentions
            ),
            key=lambda m: m.start,
        )
        sources.append(Source(entity.name, kind, entity.descriptor, mentions))
    sources.sort(key=lambda s: s.mentions[0].start)
    return sources


def _settle_unknown(entity: Entity, candidates: list[Candidate]) -> str:
    """A one-word name never tied to a full name, a title or "he"/"she": people in news
    are introduced by full name, so such a source is taken for an organisation or
    country ("Ukraine accused", "Zoom said") unless its descriptor names a person's role."""
    if entity.gender is not None:
        return "person"
    word = next(iter(entity.key)) if len(entity.key) == 1 else None
    if word and any(c.phrase.form == "name" and c.phrase.kind == "person" and len(_words(c.phrase.name)) > 1 and _matches_end(word, _words(c.phrase.name)) for c in candidates):
        return "person"  # part of a person's full name, even if which one is unclear
    if entity.descriptor:
        words = re.findall(r"[\w-]+", entity.descriptor.split(" of ")[0].split(",")[0])
        if any(noun_class(w) == "person" for w in words):
            return "person"
    return "organisation"
