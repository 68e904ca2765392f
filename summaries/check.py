"""The editor's check: a given summary held against its article, claim by claim.

    check_summary(article, summary_text, sources) -> Check

The summary is split into claims with the project's segmentation (plus the glued
sentence ends extractive summaries often have: "...$10.9bn.For the full year").
Each claim is aligned to the article sentences that back it through an index of the
article's words (word stem -> sentences): a claim only ever meets the sentences that
share a word with it, each word's list cut at `MAX_POSTINGS`, so the work grows with
the lengths of the article and the summary, never with their product. The best
sentence comes first; a sentence that holds enough of what the others miss is added
(a claim that fuses two sentences lists both).

Words are weighed by how rare they are in English (wordfreq's Zipf scale): a claim is
`supported` when its support holds most of its weight, `partial` when it holds some,
`unsupported` when it holds little. Then the rules an editor would apply, each a
function below: numbers, names, quotations, attribution (with the named-sources
analysis of both texts) and negation. A claim with any such flag is at best `partial`;
a copy of article text (`verbatim`) is only looked at for an attribution it dropped.
The rules are written for real summaries (paraphrase, numbers in words or rounded,
names brought from other sentences, facts a source reported stated plainly), not for
one benchmark's edits. Article sentences whose `damage` is set (OCR damage) are never
used as support.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from os.path import commonprefix
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from summaries.document import PARAGRAPH, PARAGRAPH_BREAK
from summaries.model import Article, Check, Claim, ClaimSupport, Flag, Paragraph, Sentence, Source, Span
from summaries.segment import WORD, sentence_spans
from summaries.segment import stem as snowball_stem
from summaries.sources.cues import CUE_FORMS, cue_lemma
from summaries.sources.mentions import FUNCTION_WORDS, TITLES
from summaries.wordlist import zipf

# Shares of a claim's weighted words its support must hold.
SUPPORTED = 0.75
PARTIAL = 0.4
# A further sentence joins the support when it holds this share of what the others miss.
FUSED = 0.12
MAX_SUPPORT = 3
# Candidates examined closely per claim, and how many sentences of one word's list
# are visited (a word in more sentences than this says little about which one).
CANDIDATES = 8
MAX_POSTINGS = 400
# Shortest claim that can be `verbatim` as a part of a sentence (a whole sentence always can).
VERBATIM_MIN_WORDS = 4

# Sentences an extractive summary glued together: "$10.9bn.For", "said.\"The", "\"speculation\".SAIC".
_GLUED = re.compile(r"[.!?](?=[\"”“]?[A-Z])")
_QUOTE_MARKS = re.compile("[\"“”]")

NEGATORS = frozenset("not no never none nobody nothing neither nor without cannot".split())
_NOT_CONTENT = FUNCTION_WORDS | NEGATORS | frozenset("n't 's".split())
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
    "tn": 1e12, "trillion": 1e12,
}
_NUMBER = re.compile(
    r"(?<![\w.])(?:[$£€¥]\s?)?(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th)?"
    r"(?:\s?(bn|billion|mn|m|million|k|thousand|tn|trillion)\b)?(?:\s?(%|per ?cent\b))?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?:\s(thousand|million|billion|trillion)\b)?", re.IGNORECASE)

# Words and their opposites: a claim that says one where its support says the other
# reverses it. Forms listed so that no stemmer is needed for irregular verbs.
_OPPOSITES = (
    ("rise rises rose risen rising", "fall falls fell fallen falling drop drops dropped dropping decline declined declines"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing reduce reduced reduces"),
    ("accept accepts accepted accepting approve approved approves", "reject rejects rejected rejecting refuse refused refuses"),
    ("win wins won winning", "lose loses lost losing"),
    ("gain gains gained", "loss losses"),
    ("higher", "lower"),
    ("support supports supported", "oppose opposes opposed opposing"),
    ("allow allows allowed permit permitted", "ban bans banned forbid forbade prohibit prohibited"),
    ("profit profits", "loss losses"),
    ("guilty", "innocent"),
)
OPPOSITE: dict[str, frozenset[str]] = {}
for _one, _other in _OPPOSITES:
    for _word in _one.split():
        OPPOSITE[_word] = OPPOSITE.get(_word, frozenset()) | frozenset(_other.split())
    for _word in _other.split():
        OPPOSITE[_word] = OPPOSITE.get(_word, frozenset()) | frozenset(_one.split())

_QUOTE_CHARS = "\"“”‘’"


# ---------------------------------------------------------------- words


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A lower-case word's stem; number words as their digits; no possessive ending."""
    if word.endswith("'s"):
        word = word[:-2]
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    if any(ch.isdigit() for ch in word):
        return word.replace(",", "")
    return snowball_stem(word)


@lru_cache(maxsize=1 << 17)
def _forms(word: str) -> tuple[str, str]:
    """A word's lower-case form (straight apostrophe) and its stem (function words as they are)."""
    low = word.replace("’", "'").lower()
    return low, (stem(low) if low not in _NOT_CONTENT else low)


@lru_cache(maxsize=1 << 17)
def weight(word: str) -> float:
    """How much a word says: rare words much more than common ones."""
    return max(1.0, 8.0 - zipf(word))


@dataclass(slots=True)
class Words:
    """The words of a stretch of text: lower-cased forms, stems, and where each is."""

    lower: list[str]
    stems: list[str]
    spans: list[tuple[int, int]]
    texts: list[str]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Words:
        matches = list(WORD.finditer(text, start, end))
        texts = [m.group() for m in matches]
        forms = [_forms(word) for word in texts]
        return cls([f[0] for f in forms], [f[1] for f in forms], [m.span() for m in matches], texts)

    def content(self) -> dict[str, float]:
        """Each content stem and its weight."""
        found: dict[str, float] = {}
        for low, st in zip(self.lower, self.stems, strict=True):
            if low not in _NOT_CONTENT and any(ch.isalnum() for ch in low):
                found[st] = max(found.get(st, 0.0), weight(low.removesuffix("'s")))
        return found

    def joined(self) -> str:
        return " " + " ".join(self.lower) + " "


# ---------------------------------------------------------------- claims


def claim_spans(text: str) -> list[tuple[int, int]]:
    """The summary's sentences (the project's segmentation, paragraph by paragraph),
    with glued sentence ends split too."""
    spans: list[tuple[int, int]] = []
    for paragraph in PARAGRAPH.finditer(text):
        for start, end in sentence_spans(text, paragraph.start(), paragraph.end()):
            cut = start
            for glue in _GLUED.finditer(text, start, end):
                split = _glued_end(text, cut, glue.start())
                if split is not None and split > cut:
                    spans.append((cut, split))
                    cut = split
            if end > cut:
                spans.append((cut, end))
    # A piece without a word (a closing quote and full stop left over) belongs to the
    # claim before it; none is a claim of its own.
    claims: list[tuple[int, int]] = []
    for start, end in spans:
        if WORD.search(text, start, end):
            claims.append((start, end))
        elif claims and not PARAGRAPH_BREAK.search(text, claims[-1][1], start):
            claims[-1] = (claims[-1][0], end)
    return claims


def _glued_end(text: str, cut: int, mark: int) -> int | None:
    """Where a sentence glued to the next one ends, given its final mark at `mark`; None
    when the mark ends no sentence (an initial as in "U.S.A", a lone letter)."""
    before = text[mark - 1] if mark > cut else " "
    if before.isspace() or (before.isupper() and (mark - 2 < cut or not text[mark - 2].isalnum())):
        return None
    after = text[mark + 1]
    if after not in "\"“”":
        return mark + 1
    # A quote mark after the full stop closes a quotation when the sentence so far has
    # an odd number of them; otherwise it opens the next sentence's.
    if after == "”" or (after == '"' and len(_QUOTE_MARKS.findall(text, cut, mark)) % 2 == 1):
        return mark + 2
    return mark + 1


def summary_article(text: str, spans: Sequence[tuple[int, int]] | None = None) -> Article:
    """The summary as an Article whose sentences are its claims, or the claims in
    `spans` only (for the named-sources analysis of the summary itself)."""
    import numpy as np

    from summaries.model import OffsetMap

    paragraphs = tuple(Paragraph(m.start(), m.end()) for m in PARAGRAPH.finditer(text))
    starts = [p.start for p in paragraphs]
    sentences = tuple(
        Sentence(start, end, max(0, bisect_right(starts, start) - 1)) for start, end in (claim_spans(text) if spans is None else spans)
    )
    return Article("<summary>", 0, text, OffsetMap(np.arange(len(text))), paragraphs, sentences, raw=text)


# ---------------------------------------------------------------- the article's index


class SentenceWords:
    """The Words of each sentence, made when first asked for: most sentences are only
    ever looked up by their stems."""

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        self._text = text
        self._sentences = sentences
        self._made: dict[int, Words] = {}

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, index: int) -> Words:
        made = self._made.get(index)
        if made is None:
            sentence = self._sentences[index]
            made = self._made[index] = Words.of(self._text, sentence.start, sentence.end)
        return made

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class ArticleIndex:
    """An article's sentences as words, and which sentences hold each stem."""

    def __init__(self, article: Article, sources: Sequence[Source] = ()) -> None:
        self.article = article
        text = article.text
        self.usable = [not getattr(s, "damage", None) for s in article.sentences]
        self.words = SentenceWords(text, article.sentences)
        findall = WORD.findall
        self.stem_sets = [frozenset([_forms(w)[1] for w in findall(text, s.start, s.end)]) for s in article.sentences]
        self.postings: dict[str, list[int]] = {}
        for index, stems in enumerate(self.stem_sets):
            if self.usable[index]:
                for st in stems:
                    if st not in _NOT_CONTENT:
                        self.postings.setdefault(st, []).append(index)
        self._seen: tuple[set[str], set[str]] | None = None
        self._negated: dict[int, list[bool]] = {}
        self.mentions: dict[int, list[tuple[Source, object]]] = {}
        self.source_names: dict[str, set[str]] = {}  # a word of a named source's name -> the names
        for source in sources:
            for mention in source.mentions:
                self.mentions.setdefault(mention.sentence, []).append((source, mention))
            if source.kind in ("person", "organisation", "media") and source.name[:1].isupper():
                for word in _name_words(source.name) - _TITLE_WORDS:
                    self.source_names.setdefault(word, set()).add(source.name)

    def negated(self, sentence: int) -> list[bool]:
        """For each word of a sentence: whether a negation stands just before it (kept)."""
        found = self._negated.get(sentence)
        if found is None:
            found = self._negated[sentence] = _negated(self.words[sentence])
        return found

    def _vocabulary(self) -> tuple[set[str], set[str]]:
        """Every word of the article and its title, and the words it capitalises
        mid-sentence (worked out once, when the first name is looked up)."""
        if self._seen is None:
            seen: set[str] = set()
            capitalised: set[str] = set()
            for words in self.words:
                for position, (low, original) in enumerate(zip(words.lower, words.texts, strict=True)):
                    seen.add(low.removesuffix("'s"))
                    if position and original[:1].isupper():
                        capitalised.add(low.removesuffix("'s"))
            title = self.article.title or ""
            seen.update(w.removesuffix("'s") for w in Words.of(title, 0, len(title)).lower)
            self._seen = seen, capitalised
        return self._seen

    @property
    def capitalised(self) -> set[str]:
        return self._vocabulary()[1]

    def in_article(self, low: str) -> bool:
        return low in self._vocabulary()[0]

    def candidates(self, content: dict[str, float]) -> list[tuple[int, float]]:
        """The sentences sharing the most weight with `content`, best first, with that weight."""
        scores: dict[int, float] = {}
        for st, w in content.items():
            for index in self.postings.get(st, ())[:MAX_POSTINGS]:
                scores[index] = scores.get(index, 0.0) + w
        best = sorted(scores, key=lambda i: (-scores[i], i))[:CANDIDATES]
        return [(i, scores[i]) for i in best]


# ---------------------------------------------------------------- checking


def check_summary(article: Article, summary_text: str, sources: Sequence[Source] = (), index: ArticleIndex | None = None) -> Check:
    """`summary_text` held against `article`; `sources` are the article's named sources."""
    index = index or ArticleIndex(article, sources)
    claims = [_align_claim(index, summary_text, start, end) for start, end in claim_spans(summary_text)]
    # The summary's own named sources, for the claims that could give words to someone
    # other than the article does: those that are not a copy and have a verb of saying.
    asking = [c for c in claims if c.status not in ("verbatim", "unsupported") and any(w in CUE_FORMS or w == "according" for w in c.words.lower)]
    for number, found in _claim_sources(summary_text, asking).items():
        asking[number].mentions = found
    return Check(summary_text, tuple(_judge(index, claim) for claim in claims))


def _claim_sources(summary_text: str, claims: list[_Claim]) -> dict[int, list[tuple[Source, object]]]:
    """The named sources of `claims` (the summary's text, read as an article of those
    sentences), by the claim's number in `claims`."""
    if not claims:
        return {}
    from summaries.sources import extract_sources

    found: dict[int, list[tuple[Source, object]]] = {}
    for source in extract_sources(summary_article(summary_text, [(c.start, c.end) for c in claims])):
        for mention in source.mentions:
            found.setdefault(mention.sentence, []).append((source, mention))
    return found


@dataclass(slots=True)
class _Claim:
    text: str
    start: int
    end: int
    words: Words
    content: dict[str, float]
    total: float
    support: list[int]
    score: float = 0.0
    status: str = "unsupported"
    mentions: list = field(default_factory=list)


def _align_claim(index: ArticleIndex, text: str, start: int, end: int) -> _Claim:
    words = Words.of(text, start, end)
    content = words.content()
    total = sum(content.values())
    support = _align(index, content, total)
    claim = _Claim(text, start, end, words, content, total, support)
    claim.score = _covered(index, support, content) / total if total else 0.0
    held = frozenset().union(*(index.stem_sets[i] for i in support))
    matched = sum(1 for st in content if st in held)
    if not support or claim.score < PARTIAL or (matched < 2 and len(content) >= 2):
        claim.status = "unsupported"
    elif _verbatim(index, words, support[0]):
        claim.status = "verbatim"
    else:
        claim.status = "supported" if claim.score >= SUPPORTED else "partial"
    return claim


def _judge(index: ArticleIndex, claim: _Claim) -> Claim:
    status, support = claim.status, claim.support
    flags: list[Flag] = []
    if status == "unsupported":
        flags.append(Flag("unsupported", claim.start, claim.end, "nothing in the article supports this"))
        support = []  # nothing backs it: the nearest words are no support
    else:
        # A copy holds its support's numbers, names, quotations and negations: only
        # whether it keeps the attribution is left to look at.
        rules = (attribution_flags,) if status == "verbatim" else (number_flags, name_flags, quote_flags, attribution_flags, negation_flags)
        for rule in rules:
            flags.extend(rule(index, claim))
        if flags and status in ("verbatim", "supported"):
            status = "partial"
    backing = tuple(
        ClaimSupport(i, index.article.sentences[i].start, index.article.sentences[i].end, _share(index, i, claim.content, claim.total))
        for i in support
    )
    return Claim(claim.start, claim.end, status, round(claim.score, 6), backing, tuple(flags))


def _share(index: ArticleIndex, sentence: int, content: dict[str, float], total: float) -> float:
    return round(_covered(index, [sentence], content) / total, 6) if total else 0.0


def _covered(index: ArticleIndex, support: Sequence[int], content: dict[str, float]) -> float:
    held = index.stem_sets[support[0]] if len(support) == 1 else frozenset().union(*(index.stem_sets[i] for i in support))
    return sum(w for st, w in content.items() if st in held)


def _align(index: ArticleIndex, content: dict[str, float], total: float) -> list[int]:
    """The sentences that back the claim, best first: the one holding most of its
    weight, then any that holds enough of what those before it miss."""
    scored = index.candidates(content)
    if not scored:
        return []
    # Most weight first; of equals, the sentence nearest the claim's length, then the first.
    best = max(scored, key=lambda pair: (round(pair[1], 9), -abs(len(index.stem_sets[pair[0]]) - len(content)), -pair[0]))[0]
    candidates = [i for i, _ in scored]
    support = [best]
    missing = {st: w for st, w in content.items() if st not in index.stem_sets[best]}
    while missing and len(support) < MAX_SUPPORT:
        gains = [(sum(w for st, w in missing.items() if st in index.stem_sets[i]), i) for i in candidates if i not in support]
        gains = [(g, i) for g, i in gains if g > 0]
        if not gains:
            break
        gain, chosen = max(gains, key=lambda pair: (pair[0], -pair[1]))
        holds = sum(1 for st in missing if st in index.stem_sets[chosen])
        if gain < FUSED * total or holds < 2:
            break
        support.append(chosen)
        missing = {st: w for st, w in missing.items() if st not in index.stem_sets[chosen]}
    return support


def _verbatim(index: ArticleIndex, words: Words, best: int) -> bool:
    """The claim's words are a run of the article's words, in the best sentence (with
    its neighbours, for a claim that runs across a sentence end)."""
    if not words.lower:
        return False
    claim = words.joined()
    sentence = index.words[best]
    if claim == sentence.joined():
        return True
    if len(words.lower) < VERBATIM_MIN_WORDS:
        return False
    lows = [index.words[i].lower for i in (best - 1, best, best + 1) if 0 <= i < len(index.words) and index.usable[i]]
    window = " " + " ".join(w for ws in lows for w in ws) + " "
    return claim in window


# ---------------------------------------------------------------- flags


def _span_of(index: ArticleIndex, sentence: int, position: int) -> Span:
    return Span(*index.words[sentence].spans[position])


def _sentence_span(index: ArticleIndex, sentence: int) -> Span:
    return index.article.sentences[sentence].span


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    base: float
    value: float
    scaled: bool
    digits: str = ""  # as written, without thousands separators


def numbers(text: str, start: int, end: int) -> list[Number]:
    """Numbers, amounts, percentages and years in text[start:end], with their values."""
    found = []
    for match in _NUMBER.finditer(text, start, end):
        digits = match.group(1).replace(",", "").rstrip(".")
        try:
            base = float(digits)
        except ValueError:
            continue
        scale = SCALES.get((match.group(2) or "").lower(), 1.0)
        found.append(Number(match.start(), match.end(), base, base * scale, match.group(2) is not None, digits))
    for match in _NUMBER_WORD.finditer(text, start, end):
        base = float(NUMBER_WORDS[match.group(1).lower()])
        scale = SCALES.get((match.group(2) or "").lower(), 1.0)
        found.append(Number(match.start(), match.end(), base, base * scale, match.group(2) is not None))
    return found


def _same_number(a: Number, b: Number) -> bool:
    """`a` (the claim's) says what `b` (the support's) says: the same value, the same
    figure with its scale left out, or `b` rounded ("$1.1bn" for "$1.13bn", "460,000"
    for "464,000"; summaries round)."""
    if abs(a.value - b.value) <= 1e-9 * max(abs(a.value), 1.0):
        return True
    if a.base == b.base and not (a.scaled and b.scaled):
        return True
    return _rounded(a, b)


# How far a rounded figure may be from the article's: "£500m" for "£464m" is no rounding.
ROUNDING = 0.05


def _rounded(a: Number, b: Number) -> bool:
    if not (a.digits and b.digits and a.base and b.base):
        return False
    scale_a, scale_b = a.value / a.base, b.value / b.base
    if abs(scale_a - scale_b) > 1e-6 * max(scale_a, scale_b) or abs(a.base - b.base) > ROUNDING * abs(b.base):
        return False  # given at another scale, or too far off to be a rounding
    if "." not in a.digits and 1900 <= a.base <= 2100 and not a.scaled:
        return False  # a year is never a rounding
    a_places, b_places = _decimals(a.digits), _decimals(b.digits)
    if a_places:
        return a_places < b_places and round(b.base, a_places) == a.base
    if b_places:
        return round(b.base) == a.base
    zeros = len(a.digits) - len(a.digits.rstrip("0"))
    b_zeros = len(b.digits) - len(b.digits.rstrip("0"))
    return zeros > b_zeros and round(b.base, -zeros) == a.base


def _decimals(digits: str) -> int:
    return len(digits.split(".")[1]) if "." in digits else 0


def number_flags(index: ArticleIndex, claim: _Claim) -> list[Flag]:
    """Numbers of the claim its support does not hold, each value as often as the claim
    gives it ("9-9" against "9-8"); and words with digits ("MP3", "G8") spelt otherwise."""
    article = index.article
    held = [n for i in claim.support for n in numbers(article.text, article.sentences[i].start, article.sentences[i].end)]
    evidence = tuple(Span(n.start, n.end) for n in held) or tuple(_sentence_span(index, i) for i in claim.support[:1])
    unused = list(held)
    flags = []
    found = numbers(claim.text, claim.start, claim.end)
    for number in found:
        match = next((other for other in unused if _same_number(number, other)), None)
        if match is not None:
            unused.remove(match)
            continue
        said = claim.text[number.start : number.end]
        what = "another value" if held else "no number"
        flags.append(Flag("number", number.start, number.end, f"{said!r}: its support gives {what}", evidence))
    support_words = {w for i in claim.support for w in index.words[i].lower}
    for low, (start, end) in zip(claim.words.lower, claim.words.spans, strict=True):
        mixed = any(ch.isdigit() for ch in low) and any(ch.isalpha() for ch in low)  # "3bn", "1990s"
        if mixed and low not in support_words and not any(n.start <= start < n.end for n in found):
            flags.append(Flag("number", start, end, f"{claim.text[start:end]!r} is not in its support", evidence))
    return flags


def _name_runs(claim: _Claim, index: ArticleIndex) -> list[tuple[int, int]]:
    """Runs of capitalised words in the claim (positions into its words) that name someone
    or something; a capitalised first word counts only when it is no common word."""
    words = claim.words
    runs: list[tuple[int, int]] = []
    first = 0
    position = 0
    while position < len(words.texts):
        if _is_name_word(words, position, position == first, index):
            stop = position + 1
            while stop < len(words.texts) and _is_name_word(words, stop, False, index) and _adjacent(claim.text, words, stop):
                stop += 1
            runs.append((position, stop))
            position = stop
        else:
            position += 1
    return runs


def _adjacent(text: str, words: Words, position: int) -> bool:
    between = text[words.spans[position - 1][1] : words.spans[position][0]]
    return between.strip() == ""


def _is_name_word(words: Words, position: int, first: bool, index: ArticleIndex) -> bool:
    original, low = words.texts[position], words.lower[position].removesuffix("'s")
    if not original[:1].isupper() or low in FUNCTION_WORDS or low in MONTHS_AND_DAYS or low in NEGATORS or low == "i":
        return False
    if any(ch.isdigit() for ch in low):
        return False
    if first:
        # A capitalised first word names only when it is no common word, or when a
        # name follows it ("Time Warner's profits").
        if low in index.capitalised or zipf(low) < 3.5:
            return True
        following = position + 1
        return following < len(words.texts) and words.texts[following][:1].isupper() and words.lower[following] not in FUNCTION_WORDS
    return True


def _support_names(index: ArticleIndex, support: list[int]) -> tuple[set[str], dict[str, Span]]:
    """Lower-case words of the support (and joined pairs of its capitalised words, so that
    "TimeWarner" meets "Time Warner"), and the spans of its capitalised words."""
    held: set[str] = set()
    names: dict[str, Span] = {}
    for i in support:
        words = index.words[i]
        previous = None
        for position, (low, original) in enumerate(zip(words.lower, words.texts, strict=True)):
            low = low.removesuffix("'s")
            held.add(low)
            if original[:1].isupper() and low not in FUNCTION_WORDS:
                if position:
                    names.setdefault(low, _span_of(index, i, position))
                if previous is not None:
                    held.add(previous + low)
                previous = low
            else:
                previous = None
    return held, names


def name_flags(index: ArticleIndex, claim: _Claim) -> list[Flag]:
    runs = _name_runs(claim, index)
    # A further support sentence vouches for names only when it also gives the claim
    # something besides them: one that holds nothing but the name is no support for it.
    named = {claim.words.stems[p] for begin, stop in runs for p in range(begin, stop)}
    first = index.stem_sets[claim.support[0]]
    vouching = [claim.support[0]] + [
        i for i in claim.support[1:] if len({st for st in claim.content if st in index.stem_sets[i] and st not in first} - named) >= 2
    ]
    held, _ = _support_names(index, vouching)
    # Names the claim leaves out of the sentence it mostly restates (a fused sentence
    # gives only a part, and its names need not come along).
    _, support_names = _support_names(index, claim.support[:1])
    claim_words = {w.removesuffix("'s") for w in claim.words.lower}
    dropped = {low: span for low, span in support_names.items() if low not in claim_words and low not in MONTHS_AND_DAYS}
    flags = []
    for begin, stop in runs:
        lows = [claim.words.lower[p].removesuffix("'s") for p in range(begin, stop)]
        if "".join(lows) in held:
            continue
        missing = [low for low in lows if low not in held and not _demonym_of(low, index)]
        if not missing:
            continue
        start, end = claim.words.spans[begin][0], claim.words.spans[stop - 1][1]
        said = claim.text[start:end]
        if not all(index.in_article(low) for low in missing):
            message = f"{said!r} is not named in the article"
            evidence: tuple[Span, ...] = tuple(dropped.values())
        elif (swapped := _swapped_source(index, missing, dropped, claim_words)) is not None:
            message = f"{said!r} is not in its support, which names {swapped}"
            evidence = tuple(span for low, span in dropped.items() if low in swapped.lower().split())
        else:
            # Named elsewhere in the article: the claim says who its support's "he" or
            # "it" is, or brings a name (a place, "France" for "St Etienne") from
            # another sentence, as summaries do.
            continue
        flags.append(Flag("name", start, end, message, evidence))
    return flags


_DEMONYM_ENDINGS = ("ish", "ian", "ese", "an", "i", "ic", "ch")


def _demonym_of(low: str, index: ArticleIndex) -> bool:
    """"Irish" for "Ireland", "Chinese" for "China": a common adjective of a place the
    support (or the article) names, told by its ending and first two letters."""
    if not low.endswith(_DEMONYM_ENDINGS) or zipf(low) < 3.5:
        return False
    return any(_place_of(low, w) for w in index.capitalised)


def _place_of(demonym: str, place: str) -> bool:
    """"chinese"/"china", "european"/"europe": three letters in common at the start;
    short pairs two ("irish"/"ireland", "french"/"france")."""
    if demonym == place:
        return False
    shared = len(commonprefix((demonym, place)))
    return shared >= 3 or (shared == 2 and len(demonym) <= 6 and len(place) <= 7)


def _swapped_source(index: ArticleIndex, missing: list[str], dropped: dict[str, Span], claim_words: set[str]) -> str | None:
    """The source of the article the support names and the claim leaves out, when the
    claim names another of the article's sources instead (one person for another): the
    name of the one left out, else None. Two names sharing a word ("Mr Beith", "Alan
    Beith") are one person."""
    claimed = {name for low in missing for name in index.source_names.get(low, ())}
    if not claimed:
        return None
    left_out = {
        name for low in dropped for name in index.source_names.get(low, ()) if not _name_words(name) & claim_words
    } - claimed
    return ", ".join(sorted(left_out)) if left_out else None


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches of text[start:end]; a quote mark without its pair quotes up to
    the claim's end (an opening mark) or from its start (a closing one)."""
    marks = [m.start() for m in re.finditer(f"[{_QUOTE_CHARS}]", text[start:end])]
    marks = [start + m for m in marks if not _apostrophe(text, start + m)]
    spans = []
    pending: int | None = None
    for mark in marks:
        ch = text[mark]
        opening = ch in "“‘" or (ch == '"' and pending is None and not _closes(text, mark, start))
        if pending is None and opening:
            pending = mark + 1
        elif pending is not None:
            spans.append((pending, mark))
            pending = None
        else:
            spans.append((start, mark))
    if pending is not None:
        spans.append((pending, end))
    return [(s, e) for s, e in spans if WORD.search(text, s, e)]


def _apostrophe(text: str, position: int) -> bool:
    if text[position] not in "‘’":
        return False
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or text[position] == "’")


def _closes(text: str, mark: int, start: int) -> bool:
    """A straight quote mark that ends a quotation (a word before it, none after)."""
    before = text[mark - 1] if mark > start else " "
    after = text[mark + 1] if mark + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def quote_flags(index: ArticleIndex, claim: _Claim) -> list[Flag]:
    flags = []
    windows = []
    for i in claim.support:
        lows = [w for j in range(max(0, i - 2), min(len(index.words), i + 3)) if index.usable[j] for w in index.words[j].lower]
        windows.append(" " + " ".join(lows) + " ")
    for start, end in quoted_spans(claim.text, claim.start, claim.end):
        quoted = Words.of(claim.text, start, end)
        if any(quoted.joined() in window for window in windows):
            continue
        evidence = tuple(
            Span(s, e) for i in claim.support for s, e in quoted_spans(index.article.text, *_bounds(index, i))
        ) or tuple(_sentence_span(index, i) for i in claim.support[:1])
        flags.append(Flag("quote", start, end, "the quoted words are not the article's", evidence))
    return flags


def _bounds(index: ArticleIndex, sentence: int) -> tuple[int, int]:
    s = index.article.sentences[sentence]
    return s.start, s.end


_TITLE_WORDS = frozenset(w.rstrip(".") for w in TITLES)


def _name_words(text: str) -> set[str]:
    return {w.lower().removesuffix("'s").removesuffix("’s") for w in WORD.findall(text)} - FUNCTION_WORDS - _TITLE_WORDS


def attribution_flags(index: ArticleIndex, claim: _Claim) -> list[Flag]:
    article = index.article
    flags = []
    # Words given to another source than the article gives them to: who says them in
    # the support sentence that holds most of what is said (the claim's words but the
    # speaker's and the verb's); a fused sentence may quote someone else.
    speakers = _speakers(index, claim) if claim.status != "verbatim" else []
    said_there: list = []
    if speakers:
        told = {stem(w) for who, *_ in speakers for w in who} | {st for low, st in zip(claim.words.lower, claim.words.stems, strict=True) if low in CUE_FORMS}
        what = {st: w for st, w in claim.content.items() if st not in told}
        where = max(claim.support, key=lambda i: (_covered(index, [i], what), -claim.support.index(i)))
        said_there = list(index.mentions.get(where, ()))
    if speakers and not said_there:
        flags.extend(_named_before_verb(index, claim, where, speakers))
    for who, start, end, name in speakers:
        if not said_there:
            break
        if any(who & (_name_words(s.name) | _name_words(s.descriptor or "") | _name_words(article.text[m.start : m.end])) for s, m in said_there):
            continue
        names = ", ".join(sorted({s.name for s, _ in said_there}))
        evidence = tuple(_mention_spans(said_there))
        flags.append(Flag("attribution", start, end, f"the article gives these words to {names}, not {name}", evidence))
    # An attributed view stated as fact: the claim keeps the words, drops who said them.
    if not claim.mentions and not any(w in CUE_FORMS or w in _ATTRIBUTING for w in claim.words.lower):
        best = claim.support[0]
        claim_words = {w.removesuffix("'s") for w in claim.words.lower}
        for source, mention in index.mentions.get(best, ()):
            if mention.cue is None or mention.cue_text == ":":
                continue  # an interview turn: the whole article is its speakers' words
            content = mention.content or _quoted_beside(index, best, mention)
            if content is None:
                continue
            if _name_words(article.text[mention.start : mention.end]) & claim_words:
                continue  # the source is named (its words may be read otherwise)
            if _share_inside(index, best, content, claim.content) >= 0.6 and _a_view(index, content, mention, claim):
                evidence = tuple(_mention_spans([(source, mention)]))
                flags.append(
                    Flag("attribution", claim.start, claim.end, f"states as fact what the article attributes to {source.name}", evidence)
                )
                break
    return flags


def _named_before_verb(index: ArticleIndex, claim: _Claim, sentence: int, speakers) -> list[Flag]:
    """When the named-sources analysis found no one in the support: a name right before
    the claim's own verb of saying there ("Richard Thomas totally condemned"), who is
    not the claim's speaker."""
    verbs = {st for low, st in zip(claim.words.lower, claim.words.stems, strict=True) if low in CUE_FORMS}
    words = index.words[sentence]
    there = {w.removesuffix("'s") for w in words.lower}
    for position, st in enumerate(words.stems):
        if st not in verbs or words.lower[position] not in CUE_FORMS:
            continue
        before = position - 1
        while before > 0 and words.lower[before].endswith("ly"):
            before -= 1
        if before < 1 or not words.texts[before][:1].isupper() or words.lower[before] in FUNCTION_WORDS:
            continue
        for who, start, end, name in speakers:
            if who & there:
                continue
            said = index.article.text[words.spans[before][0] : words.spans[position][1]]
            evidence = (Span(words.spans[before][0], words.spans[position][1]),)
            return [Flag("attribution", start, end, f"the article gives this to another: {said!r}, not {name}", evidence)]
    return []


# Verbs that report what happened rather than a view: a fact a source gave ("the company
# said profits rose") may be stated without it, as summaries do.
NEUTRAL_CUES = frozenset("say tell report announce state add note explain show find disclose reveal confirm publish release unveil".split())
# How likely the claim, read on its own, is an opinion (summaries/stance) for it to be
# one the article gives to someone; below the stance's own 0.5, as a view in a source's
# words is often put plainly ("the scheme was a waste of money").
VIEW_SCORE = 0.4


def _quoted_beside(index: ArticleIndex, sentence: int, mention) -> Span | None:
    """What a source says in quotation marks in its sentence, when the named-sources
    analysis gave the mention no content ("“...,” Parsons said")."""
    for start, end in quoted_spans(index.article.text, *_bounds(index, sentence)):
        if end <= mention.start or start >= mention.end:
            return Span(start, end)
    return None


def _a_view(index: ArticleIndex, content: Span, mention, claim: _Claim) -> bool:
    """The attributed words are a view: quoted, given by a verb of belief or argument
    ("warned", "believes"), or the claim reads as an opinion."""
    text = index.article.text
    before = text[max(0, content.start - 2) : content.start]
    after = text[content.end : content.end + 2]
    if any(ch in _QUOTE_CHARS for ch in before + after + text[content.start : content.start + 1]):
        return True
    if mention.cue_text and cue_lemma(mention.cue_text.split()[-1]) not in NEUTRAL_CUES:
        return True
    from summaries.stance import classify_sentence

    return classify_sentence(claim.text[claim.start : claim.end]).score >= VIEW_SCORE


def _speakers(index: ArticleIndex, claim: _Claim) -> list[tuple[set[str], int, int, str]]:
    """Who the claim gives words to, by name: the named-sources analysis of the summary,
    and any name run right before or after a verb of saying ("Google said", "said Smith")."""
    found = []
    for source, mention in claim.mentions:
        said = claim.text[mention.start : mention.end]
        if source.kind == "anonymous" or not any(w[:1].isupper() for w in WORD.findall(said)):
            continue  # "the company said": a description, which the article may name otherwise
        who = _name_words(source.name) | _name_words(said)
        if who:
            found.append((who, mention.start, mention.end, source.name))
    lower = claim.words.lower
    for begin, stop in _name_runs(claim, index):
        before = lower[begin - 1] if begin else ""
        after = lower[stop] if stop < len(lower) else ""
        start, end = claim.words.spans[begin][0], claim.words.spans[stop - 1][1]
        closes = end >= claim.end or claim.text[end : end + 1] in (",", ".", ";", ":")
        said_by = before in _SAID_BY and closes  # ", said Smith." (not "told Reuters.")
        says = after in _ATTRIBUTING or (after in CUE_FORMS and after.endswith(("ed", "s")) and before not in _OBJECT_OF)
        attributed = says or said_by or (begin >= 2 and lower[begin - 2 : begin] == ["according", "to"])
        if attributed and not any(s <= start < e for _, s, e, _ in found):
            found.append((_name_words(claim.text[start:end]), start, end, claim.text[start:end]))
    return found


_OBJECT_OF = frozenset("to with by from for at of about against".split())
_SAID_BY = frozenset("said says added insisted warned explained continued".split())
_ATTRIBUTING = frozenset("said says say told according claimed claims argued believes believe thinks insisted added warned".split())


def _mention_spans(pairs) -> Iterable[Span]:
    for _, mention in pairs:
        yield Span(mention.start, mention.end)
        if mention.cue is not None:
            yield mention.cue


def _share_inside(index: ArticleIndex, sentence: int, content: Span, claim_content: dict[str, float]) -> float:
    """The share of the claim's weight it shares with the sentence that lies inside `content`."""
    words = index.words[sentence]
    inside, total = set(), 0.0
    for st, (s, e) in zip(words.stems, words.spans, strict=True):
        if content.start <= s and e <= content.end:
            inside.add(st)
    shared = {st: w for st, w in claim_content.items() if st in index.stem_sets[sentence]}
    total = sum(shared.values())
    return sum(w for st, w in shared.items() if st in inside) / total if total else 0.0


def _negated(words: Words) -> list[bool]:
    """For each word: whether an odd number of negations stand between it and the content
    word before it ("did not accept", "was not no agreement": not negated; an adverb
    in between, "not really accept", passes the negation on)."""
    flags = []
    count = 0
    for low in words.lower:
        if _is_negator(low):
            count += 1
            flags.append(False)
        elif low in _NOT_CONTENT:
            flags.append(False)
        else:
            flags.append(count % 2 == 1)
            if not low.endswith("ly"):
                count = 0
    return flags


def _is_negator(low: str) -> bool:
    return low in NEGATORS or low.endswith("n't")


def negation_flags(index: ArticleIndex, claim: _Claim) -> list[Flag]:
    words = claim.words
    claim_negated = _negated(words)
    states: dict[str, list[tuple[bool, Span]]] = {}
    opposite_forms: dict[str, Span] = {}
    for i in claim.support:
        sentence = index.words[i]
        for position, (low, st, negated) in enumerate(zip(sentence.lower, sentence.stems, index.negated(i), strict=True)):
            if low in _NOT_CONTENT:
                continue
            states.setdefault(st, []).append((negated, _negator_span(index, i, position)))
            opposite_forms.setdefault(low, _span_of(index, i, position))
    counts: dict[str, list[int]] = {}  # stem -> [occurrences, negated ones] in the claim
    for low, st, negated in zip(words.lower, words.stems, claim_negated, strict=True):
        if low not in _NOT_CONTENT:
            count = counts.setdefault(st, [0, 0])
            count[0] += 1
            count[1] += negated
    flags = []
    seen: set[str] = set()
    for position, (low, st, negated) in enumerate(zip(words.lower, words.stems, claim_negated, strict=True)):
        if low in _NOT_CONTENT or st in seen or st not in claim.content:
            continue
        there = states.get(st)
        start, end = words.spans[position]
        if there:
            occurrences, negations = counts[st]
            negated_there = sum(n for n, _ in there)
            if negated and not negated_there:
                seen.add(st)
                negator = _claim_negator(words, position)
                flags.append(Flag("negation", negator[0], end, "negates what its support says", tuple(s for _, s in there)))
            elif negated_there and negations < negated_there and occurrences >= len(there):
                seen.add(st)
                spans = tuple(s for n, s in there if n)
                flags.append(Flag("negation", start, end, "its support says the opposite (negated)", spans))
            continue
        opposites = [opposite_forms[o] for o in OPPOSITE.get(low, ()) if o in opposite_forms]
        if opposites and not negated:
            seen.add(st)
            flags.append(Flag("negation", start, end, f"{claim.text[start:end]!r}: its support says the opposite", tuple(opposites)))
    return flags


def _claim_negator(words: Words, position: int) -> tuple[int, int]:
    for back in range(position - 1, max(-1, position - 6), -1):
        if _is_negator(words.lower[back]):
            return words.spans[back]
    return words.spans[position]


def _negator_span(index: ArticleIndex, sentence: int, position: int) -> Span:
    words = index.words[sentence]
    for back in range(position - 1, max(-1, position - 6), -1):
        if _is_negator(words.lower[back]):
            return Span(words.spans[back][0], words.spans[position][1])
    return Span(*words.spans[position])
