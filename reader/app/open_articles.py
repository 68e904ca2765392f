"""The articles the reader has open, what is known of each, and the workers that learn it.

`OpenArticles` owns one `ArticleState` per article (its analysis, why an analysis
failed, its reading-state key, and for a library article its row: the article itself
is read from the library, with its cached analysis, when first opened), keeps
analyses only for recently opened articles,
and runs the work in thread workers of its host (the main screen): loading the
inputs, analysing an article in two steps (sources and summary first, so the
summary can be on screen before the slower opinion/reporting model has loaded; then
the stance), and prefetching the next article. Workers report with the typed
messages below, posted to the host; the host's handlers call back in here on the UI
thread, so every state change happens on that one thread.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Callable

from textual.message import Message
from textual.worker import get_current_worker

from reader.ingest import IngestError, count_inputs
from reader.storage import article_key
from summaries.analysis import Analysis, Options

if TYPE_CHECKING:
    from textual.widget import Widget

    from reader.library.store import Library, Row
    from summaries.model import Article, Check

# Analyses kept for recently opened articles (coming back is instant); older ones
# are dropped so a long session over a large library does not grow without bound.
KEEP_ANALYSES = 24
# Push a batch of loaded articles to the list at least this often (seconds).
LOAD_FLUSH_SECONDS = 0.1
# Until the first article's summary is on screen, loading the other files and
# adding the stance wait for it (they compete for the one Python thread that runs
# at a time), but never longer than this (seconds).
FIRST_PAINT_WAIT = 3.0
# The stages the first step computes; when it fails, every panel needing them says so.
FIRST_STEP = ("sources", "summary", "stance")

Analyser = Callable[["Article", Options], Analysis]


def analyse_later(article: Article, options: Options) -> Analysis:
    """The default analyser: an `Analysis` whose stages are computed when read."""
    return Analysis(article, options)


@dataclass(eq=False)
class ArticleState:
    """Everything the reader holds for one open article."""

    article: Article | None  # None: a library row not opened yet
    analysis: Analysis | None = None  # the latest, for the options it was asked with
    failure: str | None = None  # why the summary (first step) failed
    stance_failure: str | None = None  # why the labels (second step) failed
    row: Row | None = None  # the library's row, for an article of the library
    # A summary given to hold against the article (its name, its text); its check once
    # made (with the article it was made on); the text a worker is checking now.
    given: tuple[str, str] | None = None
    check: tuple[Article, Check] | None = None
    checking: str | None = None

    @cached_property
    def reading_key(self) -> str:
        assert self.article is not None
        return article_key(self.article.text)


@dataclass(eq=False)
class _Paint:
    """A worker waiting until what it delivered has been painted (or the app closes)."""

    event: threading.Event = field(default_factory=threading.Event)


class OpenArticles:
    class Loading(Message):
        """How many input files there are, before any is read."""

        def __init__(self, total: int) -> None:
            super().__init__()
            self.total = total

    class Added(Message):
        """Articles read from `done` of `total` files."""

        def __init__(self, articles: list[Article], done: int, total: int) -> None:
            super().__init__()
            self.articles = articles
            self.done = done
            self.total = total

    class Listed(Message):
        """The library's rows (newest first, or as the session asked), articles not read yet."""

        def __init__(self, rows: list[Row]) -> None:
            super().__init__()
            self.rows = rows

    class Unreadable(Message):
        def __init__(self, error: IngestError) -> None:
            super().__init__()
            self.error = error

    class SummaryReady(Message):
        """The first step of an article's analysis (or a new summary of it) is done.

        The host sets `painted` once it has drawn it (or decided not to): the worker
        waits for that before the second step, so the two never compete."""

        def __init__(self, index: int, analysis: Analysis, painted: threading.Event | None) -> None:
            super().__init__()
            self.index = index
            self.analysis = analysis
            self.painted = painted

    class StanceReady(Message):
        def __init__(self, index: int, analysis: Analysis) -> None:
            super().__init__()
            self.index = index
            self.analysis = analysis

    class Failed(Message):
        """An analysis step failed; `stages` are the ones that cannot be shown."""

        def __init__(self, index: int, stages: tuple[str, ...], reason: str) -> None:
            super().__init__()
            self.index = index
            self.stages = stages
            self.reason = reason

    class Checked(Message):
        """A given summary held against article `index`: its check, or why it failed."""

        def __init__(self, index: int, article: Article, text: str, check: Check | None, problem: str | None) -> None:
            super().__init__()
            self.index = index
            self.article = article
            self.text = text
            self.check = check
            self.problem = problem

    def __init__(self, host: Widget, analyser: Analyser = analyse_later, library: Library | None = None) -> None:
        self.host = host
        self.analyser = analyser
        self.library = library
        self.states: list[ArticleState] = []
        self.articles: list[Article] = []  # of the files read (a library's are read when opened)
        self.row_index: dict[int, int] = {}  # library article id -> its state's index
        self._recent: OrderedDict[int, None] = OrderedDict()  # analysed articles, least recent first
        # Set once the first summary (or the reason there is none) has been painted.
        self.first_paint = threading.Event()
        self._paint_waits: set[threading.Event] = set()
        self._closing = False

    # --- state (UI thread) -----------------------------------------------

    def __len__(self) -> int:
        return len(self.states)

    def __getitem__(self, index: int) -> ArticleState:
        return self.states[index]

    def add(self, articles: list[Article]) -> None:
        self.states.extend(ArticleState(article) for article in articles)
        self.articles.extend(articles)

    def add_rows(self, rows: list[Row]) -> list[int]:
        """States for library rows not held yet; the index of every row's state, in order."""
        indexes = []
        for row in rows:
            if row.id not in self.row_index:
                self.row_index[row.id] = len(self.states)
                self.states.append(ArticleState(None, row=row))
            indexes.append(self.row_index[row.id])
        return indexes

    def open_row(self, index: int) -> None:
        """Read a library row's article (and its cached analysis) so it can be shown."""
        from reader.library.cache import open_article

        state = self.states[index]
        if state.article is not None or state.row is None or self.library is None:
            return
        opened = open_article(self.library, state.row)
        state.row, state.article = opened.row, opened.analysis.article
        if opened.cached:
            self.store(index, opened.analysis)

    def store(self, index: int, analysis: Analysis, keep: int | None = None) -> None:
        """Hold `analysis` for article `index`; forget the least recently used beyond
        KEEP_ANALYSES, never `index` itself nor `keep` (the article on screen)."""
        state = self.states[index]
        if state.article is None:  # a library row analysed ahead (prefetch)
            state.article = analysis.article
        state.analysis = analysis
        if analysis.ready("summary"):
            state.failure = None
        self.touch(index)
        while len(self._recent) > KEEP_ANALYSES:
            old = next((i for i in self._recent if i not in (index, keep)), None)
            if old is None:
                break
            del self._recent[old]
            self.states[old].analysis = None
            if self.states[old].row is not None:
                self.states[old].article = None  # read again from the library when reopened

    def touch(self, index: int) -> None:
        """Article `index` was opened: its analysis is now the most recently used."""
        if self.states[index].analysis is not None:
            self._recent[index] = None
            self._recent.move_to_end(index)

    def answers(self, index: int, options: Options) -> bool:
        """Whether the analysis held for `index` is the summary now asked for (compared by
        request, not by result: the engine may return fewer items than asked)."""
        analysis = self.states[index].analysis
        return analysis is not None and analysis.options == options

    def failed(self, index: int, stages: tuple[str, ...], reason: str) -> None:
        state = self.states[index]
        if "summary" in stages:
            state.failure = reason
        else:
            state.stance_failure = reason
        self.first_paint.set()

    # --- work (started on the UI thread, run on worker threads) -----------

    def load(self, paths: list[str], max_bytes: int) -> None:
        self._start(partial(self._load, paths, max_bytes), "load")

    def analyse(self, index: int, options: Options) -> None:
        """The summary of article `index` for `options`, then its stance."""
        group = "resummarize" if self.states[index].analysis is not None else "analyse"
        self._start(partial(self._first_step, index, options), group)

    def prefetch(self, index: int, options: Options) -> None:
        """Analyse article `index` completely in the background, so opening it is instant."""
        self._start(partial(self._prefetch, index, options), "prefetch")

    def check(self, index: int, analysis: Analysis, text: str) -> None:
        """Hold the summary `text` against the article in a worker (the check uses the
        analysis' named sources; the first check in a process also loads the stemmer)."""
        self[index].checking = text
        self.host.run_worker(partial(self._check, index, analysis, text), thread=True, group="check")

    def _check(self, index: int, analysis: Analysis, text: str) -> None:
        try:
            check = analysis.check(text)
        except Exception as problem:  # shown, never a crash of the reader
            self._post(self.Checked(index, analysis.article, text, None, str(problem)))
            return
        self._post(self.Checked(index, analysis.article, text, check, None))

    def close(self) -> None:
        """Release every worker waiting for a paint: the app is closing."""
        self._closing = True
        self.first_paint.set()
        for painted in list(self._paint_waits):
            painted.set()

    def _start(self, work: Callable[[], None], group: str) -> None:
        self.host.run_worker(work, thread=True, exclusive=True, group=group)

    def _post(self, message: Message) -> None:
        if not self._closing:
            self.host.post_message(message)

    def list_library(self, ids: list[int] | None) -> None:
        self._start(partial(self._list_library, ids), "load")

    def _list_library(self, ids: list[int] | None) -> None:
        assert self.library is not None
        self._post(self.Listed(self.library.rows(ids=ids)))

    def _load(self, paths: list[str], max_bytes: int) -> None:
        from reader.pipeline import load_articles

        total = count_inputs(paths)
        self._post(self.Loading(total))
        batch: list[Article] = []
        done, last_flush = 0, 0.0
        for loaded in load_articles(paths, max_bytes=max_bytes):
            done += 1
            if isinstance(loaded, IngestError):
                self._post(self.Unreadable(loaded))
            else:
                batch.extend(loaded[1])
            now = time.monotonic()
            if batch and now - last_flush >= LOAD_FLUSH_SECONDS:
                self._post(self.Added(batch, done, total))
                batch, last_flush = [], now
                # The first article is opened now: let its analysis run alone.
                self.first_paint.wait(FIRST_PAINT_WAIT)
        self._post(self.Added(batch, done, max(done, total)))

    def _first_step(self, index: int, options: Options) -> None:
        state = self.states[index]
        held = state.analysis
        try:
            analysis = held.with_options(options) if held is not None else self.analyser(state.article, options)
            analysis.summary  # noqa: B018 - computed here, on this thread
        except Exception as error:  # an engine bug must not take the reader down
            self._post(self.Failed(index, FIRST_STEP, f"{type(error).__name__}: {error}"))
            return
        painted = threading.Event()
        self._paint_waits.add(painted)
        self._post(self.SummaryReady(index, analysis, painted))
        self._second_step(index, analysis, painted)

    def _second_step(self, index: int, analysis: Analysis, painted: threading.Event) -> None:
        """The stance, once what came before it is on screen."""
        painted.wait(FIRST_PAINT_WAIT)
        self._paint_waits.discard(painted)
        if analysis.ready("stance"):
            return
        try:
            analysis.stance  # noqa: B018 - computed here, on this thread
        except Exception as error:
            self._post(self.Failed(index, ("stance",), f"{type(error).__name__}: {error}"))
            return
        self._remember(index, analysis)
        self._post(self.StanceReady(index, analysis))

    def _remember(self, index: int, analysis: Analysis) -> None:
        """Cache a library article's finished analysis, so reopening it is instant."""
        from reader.library.cache import remember_analysis
        from reader.library.errors import LibraryError

        row = self.states[index].row
        if self.library is None or row is None:
            return
        with contextlib.suppress(LibraryError):  # not cached: it is analysed again next time, nothing is lost
            remember_analysis(self.library, row, analysis)

    def _prefetch(self, index: int, options: Options) -> None:
        try:
            analysis = self._fresh_analysis(index, options)
            analysis.compute(("summary", "stance"))
            self._remember(index, analysis)
        except Exception:  # the article is analysed again (and the failure shown) when opened
            return
        if not get_current_worker().is_cancelled:
            self._post(self.SummaryReady(index, analysis, None))

    def _fresh_analysis(self, index: int, options: Options) -> Analysis:
        """An analysis of article `index` for `options`; a library row not opened yet is read
        here, off the UI thread, with its cached analysis when there is one."""
        state = self.states[index]
        if state.article is not None or state.row is None or self.library is None:
            return self.analyser(state.article, options)
        from reader.library.cache import open_article

        opened = open_article(self.library, state.row)
        if opened.cached:
            return opened.analysis.with_options(options)
        return self.analyser(opened.analysis.article, options)
