"""Bootstrap: lead-k only, until the rankers land."""

from __future__ import annotations

from summaries.model import Article, SummaryItem

ALGORITHMS = ("default", "lead")


def summary_length(article: Article, sentences: int | None = None, ratio: float | None = None) -> int:
    total = len(article.sentences)
    if sentences is not None:
        return min(sentences, total)
    if ratio is not None:
        return min(total, max(1, round(total * ratio)))
    return min(total, max(3, round(total * 0.2)))


def summarize(article, algorithm="default", sentences=None, ratio=None, sources=None) -> list[SummaryItem]:
    k = summary_length(article, sentences, ratio)
    return [SummaryItem(s.start, s.end, i, s.paragraph, 1.0) for i, s in enumerate(article.sentences[:k])]
