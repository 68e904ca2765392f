"""Paths -> cleaned articles: the one place that chains ingest and cleaning."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from reader.ingest import DEFAULT_MAX_BYTES, Document, IngestError, iter_documents

if TYPE_CHECKING:
    from summaries.model import Article


def load_articles(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, cleaned: dict[Document, list[Article]] | None = None
) -> Iterator[tuple[Document, list[Article]] | IngestError]:
    """Per input file: (document, its articles) or the error that file raised.

    A document found in `cleaned` (already cleaned elsewhere, e.g. by the app's head
    start) yields those articles instead of being cleaned again, once: the same
    document listed twice is cleaned the second time, so no two rows share articles.
    """
    for document in iter_documents(paths, max_bytes=max_bytes):
        if isinstance(document, IngestError):
            yield document
            continue
        articles = cleaned.pop(document, None) if cleaned else None
        if articles is None:
            # Imported at first use: the cleaning steps and their word lists take a
            # noticeable part of a second to load, which the head start's document skips.
            from reader.cleaning import clean

            articles = clean(document)
        _apply_container_metadata(document, articles)
        yield document, articles


def _apply_container_metadata(document: Document, articles: list[Article]) -> None:
    """A feed entry's own title/author/date fill what the text itself did not say."""
    for key, value in document.metadata:
        for article in articles:
            if getattr(article, key) is None:
                setattr(article, key, value)
