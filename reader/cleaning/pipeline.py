"""Bootstrap pipeline: blank-line paragraphs, nothing removed. Replaced by the real steps."""

from __future__ import annotations

import re

from reader.ingest import Document
from summaries.model import Article, OffsetMap, Paragraph
from summaries.segment import split_sentences


def clean(document: Document) -> list[Article]:
    raw = document.raw
    text_parts: list[str] = []
    offsets: list[int] = []
    paragraphs: list[Paragraph] = []
    for block in re.finditer(r"\S(?:.|\n(?!\s*\n))*", raw):
        if paragraphs:
            text_parts.append("\n\n")
            offsets.extend([block.start() - 1] * 2)
        start = sum(len(p) for p in text_parts)
        chunk = block.group(0)
        text_parts.append(chunk.replace("\n", " "))
        offsets.extend(range(block.start(), block.end()))
        paragraphs.append(Paragraph(start, start + len(chunk)))
    text = "".join(text_parts)
    return [
        Article(
            file=document.name,
            index=0,
            text=text,
            offsets=OffsetMap(offsets),
            paragraphs=tuple(paragraphs),
            sentences=split_sentences(text, paragraphs),
            raw=raw,
        )
    ]
