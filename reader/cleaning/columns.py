"""Lines -> paragraphs: undo the line breaks a column layout or a paste introduced.

Two layouts are told apart by line-length statistics of each block (lines between
blank lines): a *wrapped* block has most lines close to one width (a newspaper
column, a hard-wrapped paste), and there a line ends its paragraph only if it ends
a sentence and the next line's first word would have fitted on it. Elsewhere each
line is a paragraph. In both, a line that stops mid-sentence and a next line
(even after a blank, as when a column breaks) that starts in lower case are one
paragraph, and so are a line left open ("… Mars, and", "… 3M, Dow") and the next
even when it starts with a capital. End-of-line hyphens are undone by `hyphenation`.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import median
from typing import Mapping

from reader.cleaning import hyphenation
from reader.cleaning.piece import Line, Para, Piece, changed
from summaries.model import Removal

WRAPPED_MIN_LINES = 3
FULL_LINE_SHARE = 0.6  # a line this close to the block width counts as full
WRAPPED_MAX_WIDTH = 200  # longer "lines" are paragraphs, not a column
OPEN_LINE_MIN_CHARS = 20  # shorter lines may be labels or headings
OPEN_LINE_MAX_CHARS = 90  # longer ones are paragraphs, not a column's lines

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_VOCABULARY_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def split_lines(piece: Piece) -> list[Line]:
    """Non-blank lines, trimmed, with runs of spaces and tabs collapsed to one space."""
    lines: list[Line] = []
    gap = False
    position = 0
    for raw_line in piece.text.split("\n"):
        segment = piece[position : position + len(raw_line)]
        position += len(raw_line) + 1
        collapsed = _collapse_spaces(segment)
        if not collapsed.text:
            gap = bool(lines)
            continue
        lines.append(Line(collapsed, gap))
        gap = False
    return lines


def _collapse_spaces(piece: Piece) -> Piece:
    piece = piece.strip()
    if "  " not in piece.text and "\t" not in piece.text and "\u00a0" not in piece.text:
        return piece
    text, offsets, last = [], [], 0
    for match in _SPACES.finditer(piece.text):
        text.append(piece.text[last : match.start()] + " ")
        offsets.extend(piece.offsets[last : match.start()] + [piece.offsets[match.start()]])
        last = match.end()
    text.append(piece.text[last:])
    offsets.extend(piece.offsets[last:])
    return Piece("".join(text), offsets)


def document_vocabulary(lines: list[Line]) -> Counter[str]:
    """How often the document uses each word form (hyphenated ones whole) away from a line end."""
    vocabulary: Counter[str] = Counter()
    for line in lines:
        text = line.text[:-1] if line.text.endswith("-") else line.text
        vocabulary.update(w.lower() for w in _VOCABULARY_WORD.findall(text))
    return vocabulary


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def starts_lowercase(text: str) -> bool:
    return bool(text) and text[0].islower()


def _left_open(text: str) -> bool:
    """A line that stops mid-sentence inside a list: "Officials at IBM, PepsiCo, 3M, Dow",
    "Chemical, Marriott, Nielsen, Mars, and". A heading ("Defective Testing Kits") is not."""
    if not OPEN_LINE_MIN_CHARS <= len(text) <= OPEN_LINE_MAX_CHARS or ends_sentence(text) or not text[-1].isalnum():
        return False  # a label, a heading, a whole paragraph, or a line ending in punctuation
    # A list in progress: two commas or more, the last item one word or a conjunction, and
    # prose around it (a word in lower case), not a title-cased name line. (A line ending
    # "… against the" alone may meet another column's line: it is left as it is.)
    words = text.split()
    tail = text.rsplit(",", 1)[-1].split()
    if text.count(",") < 2 or len(tail) != 1:
        return False  # "Lord Scarman, 93, dies peacefully" is a headline, not a list
    return tail[-1] in ("and", "or") or any(w[:1].islower() for w in words[:-1])


def _is_caps_line(text: str) -> bool:
    """A kicker or byline in capitals ("WANG HE") ends its block even without a full stop."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(text.split()) <= 6


def _blocks(lines: list[Line]) -> list[list[int]]:
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not blocks or (line.gap_before and not line.after_drop):
            blocks.append([])
        blocks[-1].append(index)
    return blocks


def _block_width(lengths: list[int]) -> int:
    ordered = sorted(lengths)
    return ordered[int(0.9 * (len(ordered) - 1))]


def _wrapped_widths(lines: list[Line]) -> dict[int, int]:
    """Line index -> column width, for lines in blocks that look hard-wrapped."""
    widths: dict[int, int] = {}
    block_widths = []
    blocks = _blocks(lines)
    for block in blocks:
        if len(block) < WRAPPED_MIN_LINES:
            continue
        lengths = [len(lines[i].text) for i in block]
        width = _block_width(lengths)
        body = lengths[:-1]
        if width <= WRAPPED_MAX_WIDTH and sum(n >= FULL_LINE_SHARE * width for n in body) >= FULL_LINE_SHARE * len(body):
            block_widths.append(width)
            widths.update({i: width for i in block})
    if block_widths:
        # Short blocks (a two-line paragraph) share the width of the document's columns.
        typical = int(median(block_widths))
        for block in blocks:
            if len(block) == 2 and block[0] not in widths:
                first = len(lines[block[0]].text)
                if FULL_LINE_SHARE * typical <= first <= typical * 1.1:
                    widths.update({i: typical for i in block})
    return widths


def join_lines(lines: list[Line], raw: str, vocabulary: Mapping[str, int]) -> tuple[list[Para], list[Removal]]:
    widths = _wrapped_widths(lines)
    growing: list[_GrowingParagraph] = []
    removals: list[Removal] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        if previous is None or not _continues(previous, line, widths.get(index - 1), widths.get(index)):
            growing.append(_GrowingParagraph(line.piece))
        else:
            _join(growing[-1], line.piece, raw, vocabulary, removals)
        previous = line
    return [paragraph.done() for paragraph in growing], removals


class _GrowingParagraph:
    """A paragraph's text and raw offsets as its lines are joined: appended in place and
    made a Piece once (a new Piece per line copies the whole paragraph each time, which
    is quadratic in a paragraph of thousands of lines). Joining reads only its end."""

    # Characters of the end a join looks at: the hyphenated word and the last dash (a
    # "word" of more letters than this is read from its last TAIL-odd letters).
    TAIL = 64

    def __init__(self, first: Piece) -> None:
        self.parts = [first.text]
        self.offsets = list(first.offsets)
        self.length = len(first.text)
        self.lines = 1

    def tail(self) -> str:
        """At least the last TAIL characters (all of them when shorter)."""
        parts, size = [], 0
        for part in reversed(self.parts):
            parts.append(part)
            size += len(part)
            if size >= self.TAIL:
                break
        return "".join(reversed(parts))

    def append(self, separator: str, piece: Piece) -> None:
        if not piece.text:
            return
        if self.length:  # separator characters stand in for the seam's raw offset (Piece.join)
            self.parts.append(separator)
            self.offsets.extend([self.offsets[-1]] * len(separator))
            self.length += len(separator)
        self.parts.append(piece.text)
        self.offsets.extend(piece.offsets)
        self.length += len(piece.text)

    def drop_last_character(self) -> None:
        while not self.parts[-1]:
            self.parts.pop()
        self.parts[-1] = self.parts[-1][:-1]
        self.offsets.pop()
        self.length -= 1

    def done(self) -> Para:
        return Para(Piece._of("".join(self.parts), self.offsets), lines=self.lines)


def _join(left: _GrowingParagraph, right: Piece, raw: str, vocabulary: Mapping[str, int], removals: list[Removal]) -> None:
    left.lines += 1
    text = left.tail()
    head = hyphenation.word_at_start(right.text)
    tail = hyphenation.split_word_at_end(text) if text.endswith("-") else None
    if tail and head:
        if hyphenation.is_break_hyphen(tail, head, vocabulary):
            # "fab-" + "ricated": drop the hyphen, no space.
            start = left.offsets[-len(tail) - 1]
            end = right.offsets[len(head) - 1] + 1
            removals.append(changed(raw, start, end, "line-end hyphenation undone", tail + head))
            left.drop_last_character()
            left.append("", right)
            return
        left.append("", right)
        return
    if text.endswith(("—", "–")) or right.text.startswith(("—", "–")):
        left.append("", right)
    elif text.endswith("-") and text[-2:-1].isdigit():
        left.append("", right)  # "500,000-" / "strong"
    else:
        left.append(" ", right)


def _continues(previous: Line, line: Line, width_before: int | None, width: int | None) -> bool:
    before, after = previous.text, line.text
    if before.endswith("-") and hyphenation.split_word_at_end(before) and starts_lowercase(after):
        return True
    if starts_lowercase(after) and not ends_sentence(before) and not _is_caps_line(before):
        return True
    if not ends_sentence(before) and len(before) > 60 and len(after.split()) <= 3 and ends_sentence(after):
        return True  # 'Quality Improvement' / 'Actions."': the sentence's last word, cut off by the column
    if _left_open(before) and not _is_caps_line(before) and after[:1].isupper():
        return True  # 'Officials at IBM, PepsiCo, 3M, Dow' / 'Chemical, Marriott, …': a column line after a blank
    soft_gap = not line.gap_before or line.after_drop
    if width_before is None or width is None or not soft_gap:
        return False
    first_word = after.split(" ", 1)[0]
    would_have_fitted = len(before) + 1 + len(first_word) <= width_before
    if not would_have_fitted:
        return True
    return starts_lowercase(after)


def _joined(left: Piece, right: Piece, raw: str, vocabulary: Mapping[str, int], removals: list[Removal]) -> Piece:
    text = left.text
    head = hyphenation.word_at_start(right.text)
    tail = hyphenation.split_word_at_end(text) if text.endswith("-") else None
    if tail and head:
        if hyphenation.is_break_hyphen(tail, head, vocabulary):
            # "fab-" + "ricated": drop the hyphen, no space.
            start = left.offsets[len(text) - 1 - len(tail)]
            end = right.offsets[len(head) - 1] + 1
            removals.append(changed(raw, start, end, "line-end hyphenation undone", tail + head))
            return left[: len(text) - 1].join(right, "")
        return left.join(right, "")
    if text.endswith(("—", "–")) or right.text.startswith(("—", "–")):
        return left.join(right, "")
    if text.endswith("-") and text[-2:-1].isdigit():
        return left.join(right, "")  # "500,000-" / "strong"
    return left.join(right, " ")
