"""The analysis engine, imported when first needed rather than when the app starts.

`summaries` pulls in nltk, sumy, numpy and lexicons (well over half a second of
imports), and cleaning pulls in wordfreq; the UI can be on screen before any of
it is loaded. Workers call these on their threads, so the first paint never waits
for them; later calls are dictionary look-ups in `sys.modules`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from reader.ingest import Document, IngestError
    from summaries.analysis import ArticleAnalysis
    from summaries.model import Article


def algorithms() -> tuple[str, ...]:
    from summaries.summarize import ALGORITHMS

    return ALGORITHMS


def analyse_article(article: Article, algorithm: str = "default", sentences: int | None = None, ratio: float | None = None) -> ArticleAnalysis:
    from summaries.analysis import analyse_article as analyse

    return analyse(article, algorithm, sentences=sentences, ratio=ratio)


def resummarize(analysis: ArticleAnalysis, algorithm: str, sentences: int | None = None) -> ArticleAnalysis:
    from summaries.analysis import resummarize as again

    return again(analysis, algorithm, sentences=sentences)


def load_articles(paths: list[str], max_bytes: int) -> Iterator[tuple[Document, list[Article]] | IngestError]:
    from reader.library import load_articles as load

    return load(paths, max_bytes=max_bytes)
