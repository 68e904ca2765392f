"""Test help: an article whose paragraphs cleaning marked as interview turns."""

from __future__ import annotations

from dataclasses import replace

from summaries.model import Article


def as_interview(article: Article, speakers: list[str | None]) -> Article:
    """`article` with paragraph i a turn of speakers[i] (None: the paragraph is left as it is)."""
    paragraphs = tuple(
        p if who is None else replace(p, kind="turn", speaker=who) for p, who in zip(article.paragraphs, speakers, strict=True)
    )
    return replace(article, paragraphs=paragraphs)
