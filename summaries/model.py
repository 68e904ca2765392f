"""The data structures the whole engine shares, defined once.

Every analysis result is a span over an article's *cleaned* text; the article's
`OffsetMap` turns any such span back into offsets of the decoded input file, so a
summary sentence, a source mention or a section can always be shown where it came
from in what the user actually gave us.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range [start, end) over an article's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class RawSpan:
    """Half-open range over the decoded input file (not the cleaned text)."""

    start: int
    end: int


class OffsetMap:
    """For every character of the cleaned text, the raw offset it came from.

    Characters that cleaning inserted (paragraph breaks, the space that replaces a
    line break) carry the raw offset of the character they stand in for, so every
    clean position has a raw position. Cleaning may also move text (a column
    fragment put back in reading order), so a span's raw range is the min/max of
    its characters' origins rather than a simple endpoint lookup.
    """

    __slots__ = ("_raw", "_ascending")

    def __init__(self, raw_offsets: Sequence[int] | np.ndarray) -> None:
        # int32: inputs are capped far below 2**31 characters, and a thousand open
        # articles should not pay 8 bytes per character for their maps.
        self._raw = np.asarray(raw_offsets, dtype=np.int32)
        if self._raw.ndim != 1:
            raise ValueError("raw offsets must be one-dimensional")
        self._ascending: bool | None = None  # whether no text was moved (worked out once, when asked)

    def __len__(self) -> int:
        return int(self._raw.shape[0])

    def raw_offset(self, position: int) -> int:
        return int(self._raw[position])

    def raw_span(self, start: int, end: int) -> RawSpan:
        if not 0 <= start <= end <= len(self):
            raise IndexError(f"span {start}..{end} outside text of length {len(self)}")
        if start == end:
            anchor = int(self._raw[start]) if start < len(self) else (int(self._raw[-1]) + 1 if len(self) else 0)
            return RawSpan(anchor, anchor)
        if self._ascending is None:
            self._ascending = bool(np.all(self._raw[1:] >= self._raw[:-1]))
        if self._ascending:  # the usual map: a span's first and last characters bound it
            return RawSpan(int(self._raw[start]), int(self._raw[end - 1]) + 1)
        window = self._raw[start:end]
        return RawSpan(int(window.min()), int(window.max()) + 1)

    @property
    def offsets(self) -> np.ndarray:
        return self._raw


@dataclass(frozen=True, slots=True)
class Removal:
    """Something cleaning dropped or changed, with why and where it was in the input."""

    raw_start: int
    raw_end: int
    reason: str
    text: str
    # For a change (e.g. OCR repair) rather than a drop: what the text became.
    replacement: str | None = None


# Speaker labels of the one who asks in an interview ("Interviewer:", "Q:"): their
# turns are prompts, neither a source's words nor the article's reporting.
INTERVIEWER_LABELS = frozenset({"interviewer", "q", "question", "reporter", "host"})


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    # "body", "heading" (a section heading inside the article), or "turn"
    # (an interview turn, whose speaker label stays in the text).
    kind: str = "body"
    speaker: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def asked(self) -> bool:
        """An interviewer's turn: a question or prompt put to the one interviewed."""
        return self.kind == "turn" and self.speaker is not None and self.speaker.lower() in INTERVIEWER_LABELS


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    # Why the sentence still shows damage cleaning could not repair (two columns read
    # into one line, a word split around another passage): shown, never summarised,
    # never counted as a source's words. None for clean text.
    damage: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Article:
    """One cleaned article. `text` is what the reader reads; everything else points into it."""

    file: str
    index: int
    text: str
    offsets: OffsetMap
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO 8601
    label: str | None = None  # kicker, e.g. "OPINION"
    removed: tuple[Removal, ...] = ()
    # Raw spans of the header fields (title, byline, date, label) that were lifted
    # out of the body into metadata: not removed, just moved.
    fields: dict[str, RawSpan] = field(default_factory=dict)
    raw: str = ""  # the decoded input file this article came from
    # Start offsets for position look-ups, derived once: sources and the article view
    # ask "which sentence is this?" for many positions of the same article.
    _sentence_starts: list[int] = field(init=False, repr=False, compare=False)
    _paragraph_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text):
            raise ValueError("offset map must cover every character of the text")
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def span_text(self, span: Span | Sentence | Paragraph) -> str:
        return self.text[span.start : span.end]

    def raw_span(self, start: int, end: int) -> RawSpan:
        return self.offsets.raw_span(start, end)

    def sentence_index_at(self, position: int) -> int | None:
        """Index of the sentence containing `position`, or None between sentences."""
        index = bisect_right(self._sentence_starts, position) - 1
        if index >= 0 and self.sentences[index].start <= position < self.sentences[index].end:
            return index
        return None

    def paragraph_index_at(self, position: int) -> int | None:
        index = bisect_right(self._paragraph_starts, position) - 1
        if index >= 0 and self.paragraphs[index].start <= position < self.paragraphs[index].end:
            return index
        return None

    def sentences_in(self, paragraph_index: int) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.paragraph == paragraph_index]

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        first = self.text.split("\n", 1)[0].strip()
        return (first[:60] + "…") if len(first) > 60 else (first or "(untitled)")


# --- analysis results: every one is a span (or a list of spans) over Article.text ---


@dataclass(frozen=True, slots=True)
class SummaryItem:
    start: int
    end: int
    sentence: int
    paragraph: int
    score: float
    attribution: str | None = None  # name of the source the sentence attributes to
    # Why the item is here besides its own rank: e.g. "antecedent of 12", "attribution of 7".
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One attribution of a source: who (span), the cue, the content, in which sentence."""

    start: int
    end: int
    cue: Span | None
    cue_text: str | None
    content: Span | None
    sentence: int


@dataclass(slots=True)
class Source:
    name: str
    kind: str  # person | organisation | media | document | anonymous
    descriptor: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SentenceStance:
    sentence: int
    label: str  # "opinion" | "reporting"
    score: float  # probability of opinion, in [0, 1]
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    label: str  # "opinion" | "reporting" | "analysis"
    start: int
    end: int
    score: float
    cues: tuple[str, ...] = ()
    first_paragraph: int = 0
    last_paragraph: int = 0


@dataclass(slots=True)
class Stance:
    article_type: str  # News | Opinion | Analysis | Interview | Notice
    type_reasons: tuple[str, ...]
    sentences: list[SentenceStance]
    sections: list[Section]


# --- the editor's check of a given summary against its article ---


@dataclass(frozen=True, slots=True)
class ClaimSupport:
    """An article sentence that backs a claim (the whole sentence, as a summary item is)."""

    sentence: int
    start: int
    end: int
    score: float  # share of the claim's weighted words this sentence holds, in [0, 1]


@dataclass(frozen=True, slots=True)
class Flag:
    """What an editor must look at in a claim: `start`/`end` index the summary text,
    `evidence` are spans of the article's text."""

    kind: str  # number | name | quote | attribution | negation | unsupported
    start: int
    end: int
    message: str
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of a summary (`start`/`end` index the summary text) and its verdict."""

    start: int
    end: int
    status: str  # verbatim | supported | partial | unsupported
    score: float  # share of the claim's weighted words its support holds
    support: tuple[ClaimSupport, ...]
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class Check:
    """A summary held against its article, claim by claim."""

    summary_text: str
    claims: tuple[Claim, ...]

    def report(self) -> dict[str, int]:
        counts = {"claims": len(self.claims), "verbatim": 0, "supported": 0, "partial": 0, "unsupported": 0}
        for claim in self.claims:
            counts[claim.status] += 1
        counts["flags"] = sum(len(claim.flags) for claim in self.claims)
        return counts

    @property
    def clean(self) -> bool:
        """Every claim verbatim or supported, with no flag (exit status 0 of `reader check`)."""
        return all(c.status in ("verbatim", "supported") and not c.flags for c in self.claims)
