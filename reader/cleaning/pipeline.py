"""The cleaning pipeline: decoded input -> cleaned Articles with offset maps and removal records.

Steps run in a fixed order, each a small named callable that returns what it kept
plus `Removal` records (drops, or changes carrying a `replacement`):

  characters  unicode.repair_characters         escapes, control characters, mojibake
  lines       markup.strip_markup               **bold**, \\$ escapes, "> " markers
              headers.drop_page_furniture       running headers/footers, page numbers
              duplicates.drop_repeated_zones    pull quotes / column fragments repeated elsewhere
  paragraphs  columns.join_lines                column and paste line breaks, end-of-line hyphens
              hyphenation.repair_lost_line_breaks
              splices.repair_spliced_passages   a pull quote read word-wise into a body line
              glued.split_glued_headings        "PracticesJudging": heading + paragraph
              captions.drop_credited_captions
              junk.drop_editor_lines
  articles    split_issue.split_articles        one newspaper page -> several articles (+ lead captions)
  per article metadata.extract_header           label, title, byline, date lifted into fields
              junk.drop_repeated_heads, junk.drop_orphan_fragments, junk.drop_tail_junk
              duplicates.drop_duplicate_sentences
              metadata.repair_dropped_capital
              structure.classify                headings and interview turns
  sentences   damage the steps could not repair marks the sentences holding it

Every raw character ends up in an article's text, in one of its header fields, or
in a removal record (white space aside).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Callable

import numpy as np

from reader.cleaning import (
    captions,
    columns,
    duplicates,
    glued,
    headers,
    hyphenation,
    junk,
    markup,
    metadata,
    splices,
    structure,
)
from reader.cleaning.piece import Header, Line, Para, Piece
from reader.cleaning.split_issue import Segment, split_articles
from reader.ingest import Document
from summaries.model import Article, OffsetMap, Paragraph, Removal, Sentence
from summaries.segment import split_sentences

LineStep = Callable[[list[Line], str], tuple[list[Line], list[Removal]]]
ParaStep = Callable[[list[Para], str], tuple[list[Para], list[Removal]]]

LINE_STEPS: tuple[LineStep, ...] = (
    markup.strip_markup,
    headers.drop_page_furniture,
    duplicates.drop_repeated_zones,
)
FILE_PARAGRAPH_STEPS: tuple[ParaStep, ...] = (
    glued.split_glued_headings,
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
    removals += splices.repair_spliced_passages(paragraphs, raw, vocabulary)
    for step in FILE_PARAGRAPH_STEPS:
        paragraphs, dropped = step(paragraphs, raw)
        removals += dropped
    # Damage is kept by raw span: later steps may split, trim or regroup paragraphs.
    damage = sorted(d for para in paragraphs for d in para.damage)
    segments = split_articles(paragraphs, raw)
    articles = []
    for index, segment in enumerate(segments):
        # File-level records belong to the article whose raw range holds them.
        articles.append(_clean_segment(document, index, segment, damage))
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


def _clean_segment(document: Document, index: int, segment: Segment, damage: list[tuple[int, int, str]]) -> Article:
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
    return _assemble(document, index, paragraphs, header, removals, damage)


def _assemble(
    document: Document,
    index: int,
    paragraphs: list[Para],
    header: Header,
    removals: list[Removal],
    damage: list[tuple[int, int, str]] = (),
) -> Article:
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
    raw_offsets = np.asarray(offsets, dtype=np.int64)
    sentences = split_sentences(text, spans)
    if damage:
        sentences = mark_damage(sentences, raw_offsets, damage)
    return Article(
        file=document.name,
        index=index,
        text=text,
        offsets=OffsetMap(raw_offsets),
        paragraphs=tuple(spans),
        sentences=sentences,
        title=header.title,
        byline=header.byline,
        date=header.date,
        label=header.label,
        removed=tuple(sorted(removals, key=lambda r: (r.raw_start, r.raw_end))),
        fields=dict(header.fields),
        raw=document.raw,
    )


def mark_damage(
    sentences: tuple[Sentence, ...], raw_offsets: np.ndarray, damage: list[tuple[int, int, str]]
) -> tuple[Sentence, ...]:
    """The sentences, those holding a character from a damaged raw span (sorted by
    start) carrying its reason. Text and spans are unchanged: marking only adds the reason."""
    merged: list[tuple[int, int, str]] = []
    for start, end, why in damage:  # overlapping spans become one (the first reason)
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        elif start < end:
            merged.append((start, end, why))
    if not merged:
        return sentences
    damage = merged
    starts = np.asarray([d[0] for d in damage], dtype=np.int64)
    ends = np.asarray([d[1] for d in damage], dtype=np.int64)
    # Each clean character's damage span: the last that starts at or before its origin.
    which = np.searchsorted(starts, raw_offsets, side="right") - 1
    hit = (which >= 0) & (raw_offsets < ends[np.maximum(which, 0)])
    positions = np.flatnonzero(hit)
    if not len(positions):
        return sentences
    sentence_starts = [s.start for s in sentences]
    reasons: dict[int, str] = {}
    for position in positions.tolist():
        i = bisect_right(sentence_starts, position) - 1
        if i >= 0 and position < sentences[i].end and i not in reasons:
            reasons[i] = damage[int(which[position])][2]
    return tuple(replace(s, damage=reasons[i]) if i in reasons else s for i, s in enumerate(sentences))


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
