"""A section heading the OCR glued to the first word of the text after it.

"Unethical Business PracticesJudging from China's current …": the heading's last
word and the paragraph's first meet at a case boundary with no space. Split there
when both halves are words and the glued form is none, and every word before the
seam is capitalised (a heading): "Unethical Business Practices" becomes a heading
paragraph of its own. A trade name written in camel case ("PlayStation",
"YouTube") is a word of its own in the word list and stays.

The OCR that glued a heading to a line has read that part of the page out of
order, so the sentence the line starts is marked damaged.
"""

from __future__ import annotations

import re

from reader.cleaning.hyphenation import zipf
from reader.cleaning.piece import Para, changed
from summaries.model import Removal

HEADING_MAX_WORDS = 8
HALF_MIN_ZIPF = 2.5  # both halves ordinary words
GLUED_MAX_ZIPF = 1.0  # the glued form no word
REASON = "heading glued to the text after it split off"
DAMAGE = "a heading was glued to this line: the text around it may be out of order"

# A heading word, then the glued pair: lower-case end of one word, capital start of the next.
_GLUED = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")


def split_glued_headings(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    result: list[Para] = []
    removals: list[Removal] = []
    for para in paragraphs:
        seam = _glued_heading(para.text)
        if seam is None:
            result.append(para)
            continue
        heading, rest = para.piece[:seam].strip(), para.piece[seam:].strip()
        glued = para.piece[seam - 1 : seam + 1]
        removals.append(changed(raw, glued.raw_start, glued.raw_end, REASON, f"{glued.text[0]}\n\n{glued.text[1]}"))
        first_word = rest[: len(rest.text.split(" ", 1)[0])]
        result.append(Para(heading, lines=1))
        result.append(Para(rest, lines=max(para.lines, 2), damage=[*para.damage, (first_word.raw_start, first_word.raw_end, DAMAGE)]))
    return result, removals


def _glued_heading(text: str) -> int | None:
    """Where the heading at the start of `text` ends, when a glued word follows it."""
    head = text[:200]
    for match in _GLUED.finditer(head):
        before = head[: match.start()].split()
        if not before or len(before) + 1 > HEADING_MAX_WORDS:
            return None  # a heading of two words at least: "ScanSoft and …" is a name
        if not all(word[:1].isupper() for word in before):
            return None
        left, right = match.group(1), match.group(2)
        if (
            zipf(left.lower()) >= HALF_MIN_ZIPF
            and zipf(right.lower()) >= HALF_MIN_ZIPF
            and zipf((left + right).lower()) <= GLUED_MAX_ZIPF
            and " " in text[match.end() :].strip()  # a paragraph follows, not a one-line title
        ):
            return match.start(2)
        return None
    return None
