"""Text that remembers where every character came from.

Every cleaning step works on `Piece`s: a string plus, per character, its offset in
the decoded input (`raw`). Slicing and joining keep the two in step, so the
pipeline can hand the finished article an exact clean->raw offset map and every
step can say precisely which raw span it dropped or changed.
"""

from __future__ import annotations

import re
from itertools import islice
from dataclasses import dataclass, field
from typing import Sequence

from summaries.model import Removal

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Piece:
    """A string and the raw offset of each of its characters."""

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: Sequence[int]) -> None:
        if len(text) != len(offsets):
            raise ValueError("a piece needs one raw offset per character")
        self.text = text
        self.offsets = list(offsets)

    @classmethod
    def _of(cls, text: str, offsets: list[int]) -> "Piece":
        """A piece from parts already in step (slices of a piece): no check, no copy."""
        piece = cls.__new__(cls)
        piece.text = text
        piece.offsets = offsets
        return piece

    @classmethod
    def from_raw(cls, raw: str, start: int = 0, end: int | None = None) -> "Piece":
        end = len(raw) if end is None else end
        return cls(raw[start:end], range(start, end))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, index: slice) -> "Piece":
        return Piece._of(self.text[index], self.offsets[index])

    def __repr__(self) -> str:
        return f"Piece({self.text!r})"

    @property
    def raw_start(self) -> int:
        return min(self.offsets)

    @property
    def raw_end(self) -> int:
        return max(self.offsets) + 1

    def strip(self) -> "Piece":
        """Without leading and trailing white space (as `str.strip` sees it)."""
        text = self.text
        if not text or not (text[0].isspace() or text[-1].isspace()):
            return self
        end = len(text.rstrip())
        start = end - len(text[:end].lstrip())
        return self if start == 0 and end == len(text) else self[start:end]

    def join(self, other: "Piece", separator: str = " ") -> "Piece":
        """self + separator + other; separator characters stand in for the seam's raw offset."""
        if not self.text:
            return other
        if not other.text:
            return self
        anchor = self.offsets[-1]
        return Piece(self.text + separator + other.text, self.offsets + [anchor] * len(separator) + other.offsets)

    def without(self, spans: Sequence[tuple[int, int]]) -> "Piece":
        """This piece less the text[start:end] of each span (sorted, disjoint), in one pass."""
        if not spans:
            return self
        kept, last = [], 0
        for start, end in spans:
            kept.append(self[last:start])
            last = end
        kept.append(self[last:])
        return Piece._of("".join(k.text for k in kept), [o for k in kept for o in k.offsets])

    def replace_span(self, start: int, end: int, replacement: str) -> "Piece":
        """Swap text[start:end] for `replacement`; new characters map to the replaced span's raw start."""
        if start < end or start < len(self.offsets):  # noqa: SIM108 - the fallback needs its own reading
            anchor = self.offsets[start]
        else:
            anchor = self.offsets[-1] if self.offsets else 0
        return Piece(
            self.text[:start] + replacement + self.text[end:],
            self.offsets[:start] + [anchor] * len(replacement) + self.offsets[end:],
        )


@dataclass(slots=True)
class Line:
    """One non-blank input line (whitespace trimmed and collapsed)."""

    piece: Piece
    gap_before: bool  # a blank line separates it from the previous line
    # Page furniture between it and the previous line was dropped: the gap may be
    # the furniture's, not a paragraph break.
    after_drop: bool = False

    @property
    def text(self) -> str:
        return self.piece.text


@dataclass(slots=True)
class Para:
    """A paragraph being cleaned: body, heading, or an interview turn."""

    piece: Piece
    kind: str = "body"
    speaker: str | None = None
    # Raw line count it was built from; a paragraph of one line is a candidate
    # heading, title or caption, a long wrapped one never is.
    lines: int = 1
    # Damage cleaning could not repair: (raw start, raw end, why). The sentences that
    # hold such a span are marked damaged.
    damage: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.piece.text


@dataclass(slots=True)
class Header:
    """Metadata lifted out of an article's text, with the raw spans it came from."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    label: str | None = None
    fields: dict = field(default_factory=dict)


def dropped(raw: str, piece: Piece, reason: str) -> Removal:
    start, end = piece.raw_start, piece.raw_end
    return Removal(start, end, reason, raw[start:end])


def changed(raw: str, start: int, end: int, reason: str, replacement: str) -> Removal:
    return Removal(start, end, reason, raw[start:end], replacement)


def word_list(text: str) -> list[str]:
    """Lower-cased words with apostrophes unified: the unit of every repetition test."""
    words = _WORD.findall(text.lower())
    return [w.replace("’", "'") for w in words] if "’" in text else words


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def words_up_to(text: str, limit: int) -> int:
    """`min(word_count(text), limit)`, reading no further than the `limit`th word: the
    length tests ask about a few words, of paragraphs that are often long."""
    return sum(1 for _ in islice(_WORD.finditer(text), limit))
