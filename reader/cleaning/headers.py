"""Running page headers and footers, and bare page numbers.

A running header is a short line that is not a sentence and recurs in the file
with the same words (in any order, page numbers masked): "THE EPOCH TIMES Week 52,
2020" and "Week 52, 2020 THE EPOCH TIMES" are one header on facing pages.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.cleaning.piece import Line, dropped, word_list
from summaries.model import Removal

MAX_HEADER_WORDS = 10
MAX_HEADER_CHARS = 80
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—\s]*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s[|•·]\s")
_SENTENCE_END = re.compile(r"[.!?:;,\"”’)]$")


def header_signature(text: str) -> tuple[str, ...] | None:
    if len(text) > MAX_HEADER_CHARS or _SENTENCE_END.search(text):
        return None
    words = word_list(text)
    if not 1 <= len(words) <= MAX_HEADER_WORDS:
        return None
    return tuple(sorted(re.sub(r"\d+", "#", w) for w in words))


def drop_page_furniture(lines: list[Line], raw: str) -> tuple[list[Line], list[Removal]]:
    signatures = [header_signature(line.text) for line in lines]
    counts = Counter(s for s in signatures if s is not None)
    kept, removals = [], []
    for index, (line, signature) in enumerate(zip(lines, signatures, strict=True)):
        if _PAGE_NUMBER.match(line.text):
            removals.append(dropped(raw, line.piece, "page number"))
        elif signature is not None and _looks_like_furniture(line.text, signature, counts[signature]):
            removals.append(dropped(raw, line.piece, "running page header/footer"))
        elif signature is not None and index > 0 and _is_numbered_masthead(line, lines, index, signature):
            removals.append(dropped(raw, line.piece, "page header/footer"))
        elif signature is not None and _interrupts_sentence(lines, index, signature):
            removals.append(dropped(raw, line.piece, "page header/footer inside a sentence"))
        else:
            kept.append(line)
    return kept, removals


def _is_numbered_masthead(line: Line, lines: list[Line], index: int, signature: tuple[str, ...]) -> bool:
    """A header met once: a block of its own in capitals with a page or issue number."""
    standalone = line.gap_before and (index + 1 >= len(lines) or lines[index + 1].gap_before)
    if not standalone or len(signature) < 3 or not any("#" in w for w in signature):
        return False
    letters = [c for c in line.text if c.isalpha()]
    return sum(c.isupper() for c in letters) / max(len(letters), 1) >= 0.6


def _interrupts_sentence(lines: list[Line], index: int, signature: tuple[str, ...]) -> bool:
    """A header met once, but sitting where the page turned: mid-sentence, even mid-word."""
    if index == 0 or index + 1 >= len(lines):
        return False
    before, after = lines[index - 1].text, lines[index + 1].text
    last_word = before.rsplit(" ", 1)[-1]
    if not (before.endswith("-") or last_word[:1].islower()):
        return False  # after a title or a full stop, a line in capitals is a byline or kicker
    text = lines[index].text
    if not after[:1].islower() or text[:1].islower():
        return False
    letters = [c for c in text if c.isalpha()]
    mostly_caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.6
    return len(signature) >= 2 and (mostly_caps or bool(_SEPARATOR.search(text)))


def _looks_like_furniture(text: str, signature: tuple[str, ...], count: int) -> bool:
    # A repeated line carrying a page or issue number is furniture; one in
    # capitals only from its third appearance (two articles of an issue may share
    # a byline set in capitals); a single repeated word is too little to judge by.
    if len(signature) < 2 or count < 2:
        return False
    if any("#" in w for w in signature):
        return True
    letters = [c for c in text if c.isalpha()]
    mostly_caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.6
    return mostly_caps and count >= 3
