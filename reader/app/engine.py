"""The analysis engine, imported when first needed rather than when the app starts.

`summaries` pulls in nltk, sumy, numpy and lexicons (well over half a second of
imports), and cleaning pulls in wordfreq; the UI can be on screen before any of
it is loaded. Workers call these on their threads, so the first paint never waits
for them; later calls are dictionary look-ups in `sys.modules`.

An article is analysed in two steps: `analyse_summary` (sources and summary, what
the first paint needs) and `add_stance` (the opinion/reporting model, whose tables
take about half a second to load on first use).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from reader.ingest import Document, IngestError
    from summaries.analysis import ArticleAnalysis
    from summaries.model import Article


def algorithms() -> tuple[str, ...]:
    from summaries.algorithms import ALGORITHMS

    return ALGORITHMS


@lru_cache(maxsize=None)
def single_threaded_blas() -> None:
    """Keep numpy's BLAS on one thread.

    The engine's matrices are small (sentences x sentences): BLAS threads only add
    their start-up and spinning, which on a busy two-core machine took a first
    `linalg.solve` from milliseconds to a quarter of a second and starved the UI
    thread meanwhile.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # an optional speed-up; without it the engine is only slower
        return
    threadpool_limits(limits=1, user_api="blas")


def analyse_summary(article: Article, algorithm: str = "default", sentences: int | None = None, ratio: float | None = None) -> ArticleAnalysis:
    """Sources and summary; `stance` is None until `add_stance`."""
    single_threaded_blas()
    from summaries.analysis import analyse_summary as first_step

    return first_step(article, algorithm, sentences=sentences, ratio=ratio)


# One stance at a time: the model's tables load on first use, and two workers
# arriving together (the current article's second step, the next one's prefetch)
# would each load a copy (tens of MB) for no gain, since Python runs one at a time.
_STANCE_LOCK = threading.Lock()


def add_stance(analysis: ArticleAnalysis) -> ArticleAnalysis:
    from summaries.analysis import add_stance as second_step

    with _STANCE_LOCK:
        return second_step(analysis)


def resummarize(analysis: ArticleAnalysis, algorithm: str, sentences: int | None = None) -> ArticleAnalysis:
    from summaries.analysis import resummarize as again

    return again(analysis, algorithm, sentences=sentences)


def load_articles(
    paths: list[str], max_bytes: int, cleaned: dict[Document, list[Article]] | None = None
) -> Iterator[tuple[Document, list[Article]] | IngestError]:
    from reader.library import load_articles as load

    return load(paths, max_bytes=max_bytes, cleaned=cleaned)
