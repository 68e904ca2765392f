"""Shared helpers for the cleaning tests (not a test module)."""

from __future__ import annotations

from reader.cleaning import clean
from reader.ingest import Document
from summaries.model import Article


def clean_text(raw: str, name: str = "t.txt") -> list[Article]:
    return clean(Document(name=name, raw=raw, encoding="utf-8"))


def unaccounted(raw: str, articles: list[Article]) -> str:
    """Non-space raw characters that are in no article text, header field or removal record."""
    covered = bytearray(len(raw))
    for article in articles:
        for offset in article.offsets.offsets:
            covered[int(offset)] = 1
        for span in article.fields.values():
            covered[span.start : span.end] = b"\x01" * (span.end - span.start)
        for removal in article.removed:
            covered[removal.raw_start : removal.raw_end] = b"\x01" * (removal.raw_end - removal.raw_start)
    return "".join(ch for ch, seen in zip(raw, covered, strict=True) if not seen and not ch.isspace())
