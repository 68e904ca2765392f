"""One call per article that runs every analysis, for the TUI and the CLI alike.

`analyse_article` runs everything. The TUI runs it in two steps, so a summary can be
on screen before the slower opinion/reporting model has loaded: `analyse_summary`
(sources and summary; `stance` left None) then `add_stance`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from summaries.model import Article, Source, Stance, SummaryItem
from summaries.sources import extract_sources
from summaries.summarize import summarize


@dataclass(slots=True)
class ArticleAnalysis:
    article: Article
    sources: list[Source]
    stance: Stance | None  # None only between analyse_summary and add_stance
    summary: list[SummaryItem]
    algorithm: str


def analyse_summary(
    article: Article, algorithm: str = "default", sentences: int | None = None, ratio: float | None = None
) -> ArticleAnalysis:
    """Sources and summary; the stance is added by `add_stance`."""
    sources = extract_sources(article)
    summary = summarize(article, algorithm, sentences=sentences, ratio=ratio, sources=sources)
    return ArticleAnalysis(article, sources, None, summary, algorithm)


def stance_of(analysis: ArticleAnalysis) -> Stance:
    # Imported at first use: the stance model's modules are not needed for a summary.
    from summaries.stance import analyse_stance

    return analyse_stance(analysis.article, analysis.sources)


def add_stance(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """`analysis` with its stance (itself when it already has one)."""
    return analysis if analysis.stance is not None else replace(analysis, stance=stance_of(analysis))


def analyse_article(
    article: Article, algorithm: str = "default", sentences: int | None = None, ratio: float | None = None
) -> ArticleAnalysis:
    return add_stance(analyse_summary(article, algorithm, sentences=sentences, ratio=ratio))


def resummarize(analysis: ArticleAnalysis, algorithm: str, sentences: int | None = None, ratio: float | None = None) -> ArticleAnalysis:
    """A new summary for an analysed article, reusing its sources and stance."""
    summary = summarize(analysis.article, algorithm, sentences=sentences, ratio=ratio, sources=analysis.sources)
    return replace(analysis, summary=summary, algorithm=algorithm)
