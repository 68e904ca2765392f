"""Paths -> cleaned articles -> analyses: the one place that chains ingest, cleaning
and the analysis engine. The CLI, the TUI and the library all read through here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from reader.ingest import DEFAULT_MAX_BYTES, Document, IngestError, iter_documents

if TYPE_CHECKING:
    from summaries.analysis import Analysis, Options
    from summaries.model import Article


def load_articles(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple[Document, list[Article]] | IngestError]:
    """Per input file: (document, its articles) or the error that file raised."""
    for document in iter_documents(paths, max_bytes=max_bytes):
        if isinstance(document, IngestError):
            yield document
            continue
        yield document, clean_document(document)


def clean_document(document: Document) -> list[Article]:
    """A document's articles, cleaned, with what its container said filled in."""
    # Imported at first use: the cleaning steps and their word lists take a
    # noticeable part of a second to load, which `reader --help` and the UI's first
    # frame should not pay.
    from reader.cleaning import clean

    articles = clean(document)
    _apply_container_metadata(document, articles)
    return articles


@lru_cache(maxsize=None)
def single_threaded_blas() -> None:
    """Keep numpy's BLAS on one thread, once per process.

    The engine's matrices are small (sentences x sentences): BLAS threads only add
    their start-up and spinning, which on a busy two-core machine took a first
    `linalg.solve` from milliseconds to a quarter of a second and starved the UI
    thread meanwhile; with a process per core, they only compete with each other.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # an optional speed-up; without it the engine is only slower
        return
    threadpool_limits(limits=1, user_api="blas")


def analyse_document(document: Document, articles: list[Article], options: Options) -> list[Analysis]:
    from summaries.analysis import Analysis

    single_threaded_blas()
    return [Analysis(article, options, document.notes) for article in articles]


def analyses(
    paths: list[str], options: Options, max_bytes: int = DEFAULT_MAX_BYTES, stages: tuple[str, ...] = ()
) -> Iterator[Analysis | IngestError]:
    """Every article of `paths`, analysed as `options` asks (`stages` computed now,
    the others when read), or the error of each input that could not be read."""
    for loaded in load_articles(paths, max_bytes=max_bytes):
        if isinstance(loaded, IngestError):
            yield loaded
            continue
        for analysis in analyse_document(*loaded, options):
            yield analysis.compute(stages)


def _apply_container_metadata(document: Document, articles: list[Article]) -> None:
    """A feed entry's own title/author/date fill what the text itself did not say."""
    for key, value in document.metadata:
        for article in articles:
            if getattr(article, key) is None:
                setattr(article, key, value)
