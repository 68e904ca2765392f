"""Paths -> cleaned articles: the one place that chains ingest and cleaning."""

from __future__ import annotations

from typing import Iterator

from reader.cleaning import clean
from reader.ingest import DEFAULT_MAX_BYTES, Document, IngestError, iter_documents
from summaries.model import Article


def load_articles(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[Document, list[Article]] | IngestError]:
    """Per input file: (document, its articles) or the error that file raised."""
    for document in iter_documents(paths, max_bytes=max_bytes):
        if isinstance(document, IngestError):
            yield document
        else:
            articles = clean(document)
            _apply_container_metadata(document, articles)
            yield document, articles


def _apply_container_metadata(document: Document, articles: list[Article]) -> None:
    """A feed entry's own title/author/date fill what the text itself did not say."""
    for key, value in document.metadata:
        for article in articles:
            if getattr(article, key) is None:
                setattr(article, key, value)
