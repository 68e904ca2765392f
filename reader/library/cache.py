"""An article of the library as an `Analysis`: from the cache when it was made by the
current pipeline, else rebuilt as far as still valid and computed again.

The cache is keyed by the article's content hash and the pipeline version (cleaning +
engine). An article stored without its analysis (a refresh's) is cached as the cleaned
article alone, so opening it needs no cleaning, only the analysis. Under a newer engine the cached cleaned article is reused and only the stages
are computed again; under a newer cleaning the stored document is cleaned again (the
row's text and fields follow; its key, marks and reading position stay).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.library.store import Library, NewArticle, Row, content_hash, pack, unpack
from reader.library.versions import cleaning_part, cleaning_version, pipeline_version

if TYPE_CHECKING:
    from summaries.analysis import Analysis

# The stages cached: everything `reader show` and the reader display.
CACHED_STAGES = ("sources", "summary", "stance")


@dataclass(frozen=True, slots=True)
class Opened:
    row: Row  # as it is now (a new cleaning may have changed its text)
    analysis: Analysis  # the stages known so far; the others are computed when read
    cached: bool  # every cached stage is known: nothing left to compute


def open_article(library: Library, row: Row) -> Opened:
    """The article of `row` and what of its analysis is still valid."""
    from summaries.analysis import Analysis, Options

    found = library.cached(row.content_hash)
    if found is not None:
        version, blob = found
        if version == pipeline_version():
            analysis = Analysis.from_json(unpack(blob))
            return Opened(row, analysis, all(analysis.ready(stage) for stage in CACHED_STAGES))
        if cleaning_part(version) == cleaning_version() == row.clean_version:
            try:
                stale = Analysis.from_json(unpack(blob))
            except (KeyError, TypeError, ValueError):  # an older schema: clean again below
                pass
            else:
                return Opened(row, Analysis(stale.article, Options(), stale.notes), False)
    return _cleaned_again(library, row)


def _cleaned_again(library: Library, row: Row) -> Opened:
    from reader.pipeline import clean_document
    from summaries.analysis import Analysis, Options

    document = library.document(row)
    articles = clean_document(document)
    if not articles:  # a newer cleaning finds nothing: show the stored text as it was
        from summaries.document import plain_article

        return Opened(row, Analysis(plain_article(library.text(row)), Options(), document.notes), False)
    article = articles[min(row.part, len(articles) - 1)]
    if row.clean_version != cleaning_version() or content_hash(article) != row.content_hash:
        # The document is unchanged (and not written by `recleaned`).
        row = library.recleaned(row, NewArticle.cleaned(article, row.part, b"", cleaning_version()))
    return Opened(row, Analysis(article, Options(), document.notes), False)


def analysed(library: Library, row: Row) -> Analysis:
    """The complete analysis of `row` (every cached stage), cached now if it was not."""
    opened = open_article(library, row)
    if not opened.cached:
        opened.analysis.compute(CACHED_STAGES)
        remember_analysis(library, opened.row, opened.analysis)
    return opened.analysis


def remember_analysis(library: Library, row: Row, analysis: Analysis) -> bool:
    """Cache `analysis` for `row` when it is the default one and every stage is computed."""
    from summaries.analysis import Options

    if analysis.options != Options() or not all(analysis.ready(stage) for stage in CACHED_STAGES):
        return False
    if content_hash(analysis.article) != row.content_hash:
        return False  # made from another text than the row now holds
    if not analysis.notes and library.document(row).notes:
        # Made from the article alone (as the reader analyses it): the notes of its
        # decoding belong in the cached result, which `reader show` writes.
        from summaries.analysis import Analysis

        known = {stage: analysis.stage(stage) for stage in CACHED_STAGES}
        analysis = Analysis(analysis.article, analysis.options, library.document(row).notes, known=known)
    library.store_analysis(row, pipeline_version(), packed_analysis(analysis), analysis.stance.article_type)
    return True


def packed_analysis(analysis: Analysis, stages: tuple[str, ...] = CACHED_STAGES) -> bytes:
    """The cache form of an analysis (with `stages`): the engine's JSON with what an exact
    rebuild needs (offset map included)."""
    return pack(analysis.to_json(stages, cache=True))
