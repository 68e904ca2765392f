"""The cleaning pipeline: decoded input -> cleaned Articles with offset maps and removal records.

Steps run in a fixed order, each a small named callable that returns what it kept
plus `Removal` records (drops, or changes carrying a `replacement`):

  characters  unicode.repair_characters         escapes, control characters, mojibake
  lines       markup.strip_markup               **bold**, \\$ escapes, "> " markers
              headers.drop_page_furniture       running headers/footers, page numbers
              duplicates.drop_repeated_zones    pull quotes / column fragments repeated elsewhere
  paragraphs  columns.join_lines                column and paste line breaks, end-of-line hyphens
              hyphenation.repair_lost_line_breaks
              captions.drop_credited_captions
              junk.drop_editor_lines
  articles    split_issue.split_articles        one newspaper page -> several articles (+ lead captions)
  per article metadata.extract_header           label, title, byline, date lifted into fields
              junk.drop_repeated_heads, junk.drop_orphan_fragments, junk.drop_tail_junk
              duplicates.drop_duplicate_sentences
              metadata.repair_dropped_capital
              structure.classify                headings and interview turns

Every raw character ends up in an article's text, in one of its header fields, or
in a removal record (white space aside).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from reader.cleaning import captions, columns, duplicates, headers, hyphenation, junk, markup, metadata, structure
from reader.cleaning.piece import Header, Line, Para, Piece
from reader.cleaning.split_issue import Segment, split_articles
from reader.ingest import Document
from summaries.model import Article, OffsetMap, Paragraph, Removal
from summaries.segment import split_sentences

LineStep = Callable[[list[Line], str], tuple[list[Line], list[Removal]]]
ParaStep = Callable[[list[Para], str], tuple[list[Para], list[Removal]]]

LINE_STEPS: tuple[LineStep, ...] = (
    markup.strip_markup,
    headers.drop_page_furniture,
    duplicates.drop_repeated_zones,
)
FILE_PARAGRAPH_STEPS: tuple[ParaStep, ...] = (
    captions.drop_credited_captions,
    junk.drop_editor_lines,
)
ARTICLE_STEPS: tuple[ParaStep, ...] = (
    junk.drop_repeated_heads,
    junk.drop_orphan_fragments,
    junk.drop_tail_junk,
    duplicates.drop_duplicate_sentences,
)


def clean(document: Document) -> list[Article]:
    raw = document.raw
    piece, removals = _repair(raw)
    lines = columns.split_lines(piece)
    for step in LINE_STEPS:
        lines, dropped = _run_line_step(step, lines, raw)
        removals += dropped
    vocabulary = columns.document_vocabulary(lines)
    paragraphs, joined = columns.join_lines(lines, raw, vocabulary)
    removals += joined
    removals += hyphenation.repair_lost_line_breaks(paragraphs, raw, vocabulary)
    for step in FILE_PARAGRAPH_STEPS:
        paragraphs, dropped = step(paragraphs, raw)
        removals += dropped
    segments = split_articles(paragraphs, raw)
    articles = []
    for index, segment in enumerate(segments):
        # File-level records belong to the article whose raw range holds them.
        articles.append(_clean_segment(document, index, segment))
    _distribute(articles, segments, removals)
    return articles


def _repair(raw: str) -> tuple[Piece, list[Removal]]:
    from reader.cleaning.unicode import repair_characters

    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    return piece, removals


def _run_line_step(step: LineStep, lines: list[Line], raw: str) -> tuple[list[Line], list[Removal]]:
    kept, removals = step(lines, raw)
    if len(kept) != len(lines):
        # The line after a dropped one may have lost only furniture, not a paragraph break.
        kept_ids = {id(line) for line in kept}
        previous_dropped = False
        for line in lines:
            if id(line) not in kept_ids:
                previous_dropped = True
            elif previous_dropped:
                line.after_drop = True
                previous_dropped = False
    return kept, removals


def _clean_segment(document: Document, index: int, segment: Segment) -> Article:
    raw = document.raw
    header = segment.header
    removals = list(segment.removals)
    paragraphs, lifted = metadata.extract_header(segment.paragraphs, header, raw)
    removals += lifted
    for step in ARTICLE_STEPS:
        paragraphs, dropped = step(paragraphs, raw)
        removals += dropped
    if header.title and paragraphs and paragraphs[0].text[:1].islower():
        removals += metadata.repair_dropped_capital(paragraphs, raw)
    structure.classify(paragraphs)
    return _assemble(document, index, paragraphs, header, removals)


def _assemble(document: Document, index: int, paragraphs: list[Para], header: Header, removals: list[Removal]) -> Article:
    text_parts: list[str] = []
    offsets: list[int] = []
    spans: list[Paragraph] = []
    for para in paragraphs:
        if text_parts:
            text_parts.append("\n\n")
            offsets.extend([offsets[-1]] * 2)
        start = len(offsets)
        text_parts.append(para.text)
        offsets.extend(para.piece.offsets)
        spans.append(Paragraph(start, len(offsets), para.kind, para.speaker))
    text = "".join(text_parts)
    return Article(
        file=document.name,
        index=index,
        text=text,
        offsets=OffsetMap(np.asarray(offsets, dtype=np.int64)),
        paragraphs=tuple(spans),
        sentences=split_sentences(text, spans),
        title=header.title,
        byline=header.byline,
        date=header.date,
        label=header.label,
        removed=tuple(sorted(removals, key=lambda r: (r.raw_start, r.raw_end))),
        fields=dict(header.fields),
        raw=document.raw,
    )


def _distribute(articles: list[Article], segments: list[Segment], removals: list[Removal]) -> None:
    """Give each file-level removal to the article whose raw extent contains it (or precedes it)."""
    if not removals:
        return
    starts = []
    for article in articles:
        candidates = [int(article.offsets.offsets.min())] if len(article.offsets) else []
        candidates += [span.start for span in article.fields.values()]
        candidates += [r.raw_start for r in article.removed]
        starts.append(min(candidates) if candidates else 0)
    order = sorted(range(len(articles)), key=lambda i: starts[i])
    buckets: dict[int, list[Removal]] = {i: [] for i in range(len(articles))}
    for removal in removals:
        owner = order[0]
        for i in order:
            if starts[i] <= removal.raw_start:
                owner = i
        buckets[owner].append(removal)
    for i, article in enumerate(articles):
        if buckets[i]:
            article.removed = tuple(sorted(article.removed + tuple(buckets[i]), key=lambda r: (r.raw_start, r.raw_end)))
