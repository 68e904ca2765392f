"""Build an Article from already-clean plain text (paragraphs separated by blank lines).

Used for text that needs no cleaning (evaluation corpora, tests, `reader stance`):
the offset map is the identity, so raw offsets equal clean offsets.
"""

from __future__ import annotations

import re

import numpy as np

from summaries.model import Article, OffsetMap, Paragraph
from summaries.segment import split_sentences

# A blank line (only spaces or tabs on it) ends a paragraph.
_BLANK_LINE = r"[ \t]*\n"
PARAGRAPH_BREAK = re.compile(r"\n" + _BLANK_LINE)
# A paragraph: text up to a blank line.
PARAGRAPH = re.compile(rf"\S(?:.|\n(?!{_BLANK_LINE}))*")


def plain_article(text: str, file: str = "<text>", index: int = 0, title: str | None = None) -> Article:
    paragraphs = tuple(Paragraph(m.start(), _rstrip_end(text, m.end())) for m in PARAGRAPH.finditer(text))
    return Article(
        file=file,
        index=index,
        text=text,
        offsets=OffsetMap(np.arange(len(text), dtype=np.int64)),
        paragraphs=paragraphs,
        sentences=split_sentences(text, paragraphs),
        title=title,
        raw=text,
    )


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
