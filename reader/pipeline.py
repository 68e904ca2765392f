"""Paths -> cleaned articles -> analyses: the one place that chains ingest, cleaning
and the analysis engine. The CLI, the TUI and the library all read through here.
"""

from __future__ import annotations

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


def analyse_document(document: Document, articles: list[Article], options: Options) -> list[Analysis]:
    from summaries.analysis import Analysis

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


def article_objects(
    source: str,
    stages: tuple[str, ...] = ("summary",),
    algorithm: str = "default",
    sentences: int | None = None,
    ratio: float | None = None,
    *,
    text: bool = False,
    name: str = "<text>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[dict]:
    """The analysis as a plain function: a path (or, with `text=True`, an input's text)
    -> one article object per article, in the documented schema, with `stages` added.

    Picklable, importable, no state: a distributed engine can map it over an archive,
    e.g. `dask.bag.from_sequence(paths).map(article_objects).flatten()`. An input that
    cannot be read gives one object `{"file": ..., "error": ...}` instead of failing.
    """
    from reader.ingest import decode
    from summaries.analysis import Options

    options = Options(algorithm, sentences, ratio)
    if text:
        try:
            documents: list[Document | IngestError] = [decode(name, source.encode("utf-8"), max_bytes)]
        except IngestError as error:
            documents = [error]
    else:
        documents = list(iter_documents([str(source)], max_bytes=max_bytes))
    objects: list[dict] = []
    for document in documents:
        if isinstance(document, IngestError):
            objects.append({"file": document.name, "error": document.reason})
            continue
        for analysis in analyse_document(document, clean_document(document), options):
            objects.append(analysis.to_json(stages))
    return objects
