"""One call per article that runs every analysis, for the TUI and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass

from summaries.model import Article, Source, Stance, SummaryItem
from summaries.sources import extract_sources
from summaries.stance import analyse_stance
from summaries.summarize import summarize


@dataclass(slots=True)
class ArticleAnalysis:
    article: Article
    sources: list[Source]
    stance: Stance
    summary: list[SummaryItem]
    algorithm: str


def analyse_article(
    article: Article, algorithm: str = "default", sentences: int | None = None, ratio: float | None = None
) -> ArticleAnalysis:
    sources = extract_sources(article)
    stance = analyse_stance(article, sources)
    summary = summarize(article, algorithm, sentences=sentences, ratio=ratio, sources=sources)
    return ArticleAnalysis(article, sources, stance, summary, algorithm)


def resummarize(analysis: ArticleAnalysis, algorithm: str, sentences: int | None = None, ratio: float | None = None) -> ArticleAnalysis:
    """A new summary for an analysed article, reusing its sources and stance."""
    summary = summarize(analysis.article, algorithm, sentences=sentences, ratio=ratio, sources=analysis.sources)
    return ArticleAnalysis(analysis.article, analysis.sources, analysis.stance, summary, algorithm)
