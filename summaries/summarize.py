"""Extractive summaries of an article, by any ranker, made citation-aware.

    summarize(article, "lexrank", ratio=0.3, sources=sources) -> list[SummaryItem]

Every item is exactly one sentence span of `article.text`, in article order.
"""

from __future__ import annotations

from summaries.citations import CitationAwareSelector
from summaries.model import Article, Source, SummaryItem
from summaries.algorithms import ranker
from summaries.rankers import prepare

DEFAULT_RATIO = 0.2
DEFAULT_MINIMUM = 3


def summary_length(article: Article, sentences: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to show: `sentences`, else `ratio` of the article's, else
    about a fifth with a minimum of three; never more than the article has."""
    total = len(article.sentences)
    if sentences is not None:
        if sentences < 0:
            raise ValueError("sentences must not be negative")
        return min(sentences, total)
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("ratio must be in (0, 1]")
        return min(total, max(1, round(total * ratio)))
    return min(total, max(DEFAULT_MINIMUM, round(total * DEFAULT_RATIO)))


def summarize(
    article: Article,
    algorithm: str = "default",
    sentences: int | None = None,
    ratio: float | None = None,
    sources: list[Source] | None = None,
) -> list[SummaryItem]:
    rank = ranker(algorithm)  # unknown names fail before any work
    count = summary_length(article, sentences, ratio)
    if count == 0:
        return []
    document = prepare(article)
    return CitationAwareSelector(document, sources).select(rank(document, count), count)

