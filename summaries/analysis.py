"""The one analysis pipeline: an article in, one result out, each stage computed lazily.

    analysis = analyse(article, algorithm="default")   # or analyse("plain text …")
    analysis.summary        # computed now (it needs the sources, computed first)
    analysis.stance         # computed now, once; later reads are free
    analysis.to_json(("summary",))                     # the documented JSON schema

The CLI, the renderers, the TUI, the library and the benchmarks all go through
`Analysis`. A stage (`sources`, `summary`, `stance`) runs the first time it is read and
never again, however many threads read it at once: each stage has its own lock, so
one thread can compute the stance while another reads the finished summary. The
result is immutable as seen from outside; `with_options` gives a new result for
another algorithm or length that shares the stages that do not depend on them.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from summaries.algorithms import ALGORITHMS
from summaries.model import Article, Check, Source, Stance, SummaryItem

# Stages that depend on the article only, and the one that also depends on the options.
ARTICLE_STAGES = ("sources", "stance")
OPTION_STAGES = ("summary",)
STAGES = ("sources", "summary", "stance")


@dataclass(frozen=True, slots=True)
class Options:
    """What a summary is asked for: the algorithm, and its length (sentences or ratio)."""

    algorithm: str = "default"
    sentences: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        if self.algorithm not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {self.algorithm!r}; choose from {', '.join(ALGORITHMS)}")
        if self.sentences is not None and self.ratio is not None:
            raise ValueError("give sentences or ratio, not both")
        if self.sentences is not None and self.sentences < 0:
            raise ValueError("sentences must not be negative")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise ValueError("ratio must be in (0, 1]")


@lru_cache(maxsize=None)
def single_threaded_blas() -> None:
    """Keep numpy's BLAS on one thread, once per process, before the first stage runs.

    The engine's matrices are small (sentences x sentences): BLAS threads only add
    their start-up and spinning (on a busy two-core machine a first `linalg.solve`
    took a quarter of a second instead of milliseconds, starving the reader's UI),
    and threaded BLAS sums in another order, so scores would differ in their last
    bits between processes. One thread makes every run compute the same numbers.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # without it the engine is only slower
        return
    threadpool_limits(limits=1, user_api="blas")


# --- the stages ------------------------------------------------------------
# Each is imported at first use: the engine's modules cost a noticeable part of a
# second to import, which `reader clean` and the reader's first frame should not pay.


def _sources(analysis: Analysis) -> list[Source]:
    from summaries.sources import extract_sources

    return extract_sources(analysis.article)


def _summary(analysis: Analysis) -> list[SummaryItem]:
    from summaries.summarize import summarize

    options = analysis.options
    return summarize(
        analysis.article, options.algorithm, sentences=options.sentences, ratio=options.ratio, sources=analysis.sources
    )


# One stance at a time in a process: the model's tables load on first use, and two
# threads arriving together would each load a copy (tens of MB) for no gain.
_STANCE_LOCK = threading.Lock()


def _stance(analysis: Analysis) -> Stance:
    from summaries.stance import analyse_stance

    sources = analysis.sources
    with _STANCE_LOCK:
        return analyse_stance(analysis.article, sources)


# Name -> how it is computed. Tests may replace an entry (e.g. a slow stance).
COMPUTE: dict[str, Callable[[Analysis], Any]] = {"sources": _sources, "summary": _summary, "stance": _stance}


class _Stages:
    """Values computed at most once each, with one lock per stage and their timings."""

    __slots__ = ("_values", "_seconds", "_locks", "_guard")

    def __init__(self, known: Mapping[str, Any] | None = None) -> None:
        self._values: dict[str, Any] = dict(known or {})
        self._seconds: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, name: str, compute: Callable[[], Any]) -> Any:
        try:
            return self._values[name]
        except KeyError:
            pass
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            if name not in self._values:
                began = time.perf_counter()
                value = compute()
                self._seconds[name] = time.perf_counter() - began
                self._values[name] = value
        return self._values[name]

    def ready(self, name: str) -> bool:
        return name in self._values

    def peek(self, name: str) -> Any:
        return self._values.get(name)

    def seconds(self) -> dict[str, float]:
        return dict(self._seconds)

    def known(self) -> dict[str, Any]:
        return dict(self._values)

    def __getstate__(self) -> tuple[dict[str, Any], dict[str, float]]:
        return self._values, self._seconds

    def __setstate__(self, state: tuple[dict[str, Any], dict[str, float]]) -> None:
        self._values, self._seconds = dict(state[0]), dict(state[1])
        self._locks, self._guard = {}, threading.Lock()


class Analysis:
    """An article with its analyses: sources, summary, stance (sentence labels, sections, type).

    Read a stage's attribute to get it (computed on first read); `ready(stage)` says
    whether reading it would return at once; `timings` holds the seconds each
    computed stage took. `notes` are what ingestion said about the input (e.g. its
    decoding), carried into the output.
    """

    __slots__ = ("article", "options", "notes", "_article_stages", "_option_stages")

    def __init__(
        self,
        article: Article,
        options: Options = Options(),
        notes: tuple[str, ...] = (),
        *,
        known: Mapping[str, Any] | None = None,
        _shared: _Stages | None = None,
    ) -> None:
        known = dict(known or {})
        unknown = set(known) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stages {sorted(unknown)}; stages are {', '.join(STAGES)}")
        self.article = article
        self.options = options
        self.notes = tuple(notes)
        self._article_stages = _shared if _shared is not None else _Stages()
        for name in ARTICLE_STAGES:
            if name in known:
                self._article_stages._values[name] = known[name]
        self._option_stages = _Stages({name: known[name] for name in OPTION_STAGES if name in known})

    # --- stages ----------------------------------------------------------

    def _stages_of(self, name: str) -> _Stages:
        if name in ARTICLE_STAGES:
            return self._article_stages
        if name in OPTION_STAGES:
            return self._option_stages
        raise ValueError(f"unknown stage {name!r}; stages are {', '.join(STAGES)}")

    def stage(self, name: str) -> Any:
        """The value of stage `name`, computed now if it has not been."""
        return self._stages_of(name).get(name, lambda: self._compute(name))

    def _compute(self, name: str) -> Any:
        single_threaded_blas()
        return COMPUTE[name](self)

    @property
    def sources(self) -> list[Source]:
        return self.stage("sources")

    @property
    def summary(self) -> list[SummaryItem]:
        return self.stage("summary")

    @property
    def stance(self) -> Stance:
        return self.stage("stance")

    def ready(self, name: str) -> bool:
        return self._stages_of(name).ready(name)

    def check(self, summary_text: str) -> Check:
        """`summary_text` (any summary of this article) held against the article, claim
        by claim (summaries/check.py); uses the sources stage. Not cached: a summary is
        checked once, and the TUI keeps the result it shows."""
        from summaries.check import check_summary

        single_threaded_blas()
        return check_summary(self.article, summary_text, self.sources)

    def compute(self, names: Iterable[str]) -> Analysis:
        """Compute `names` now (in pipeline order); returns self, for chaining."""
        wanted = set(names)
        for name in STAGES:
            if name in wanted:
                self.stage(name)
        return self

    @property
    def algorithm(self) -> str:
        return self.options.algorithm

    @property
    def timings(self) -> dict[str, float]:
        return {**self._article_stages.seconds(), **self._option_stages.seconds()}

    @property
    def version(self) -> str:
        from summaries.version import engine_version

        return engine_version()

    def with_options(self, options: Options) -> Analysis:
        """The same article summarised as `options` asks; sources and stance are shared
        (computed once for both, whichever asks first)."""
        if options == self.options:
            return self
        return Analysis(self.article, options, self.notes, _shared=self._article_stages)

    # --- JSON ------------------------------------------------------------

    def to_json(self, parts: Iterable[str] = (), *, cache: bool = False, check: Check | None = None) -> dict[str, Any]:
        """The article object of the documented schema, with the stages in `parts`
        (computed if needed). `cache=True` adds what an exact rebuild needs; `check`
        adds a summary's check (`summary_text`, `claims`, `report`)."""
        from summaries.schema import article_object

        parts = tuple(parts)
        extra = None
        if cache:
            options = self.options
            extra = {
                "version": self.version,
                "options": {"algorithm": options.algorithm, "sentences": options.sentences, "ratio": options.ratio},
            }
        return article_object(
            self.article,
            self.notes,
            algorithm=self.options.algorithm,
            summary=self.summary if "summary" in parts else None,
            sources=self.sources if "sources" in parts else None,
            stance=self.stance if "stance" in parts else None,
            cache=extra,
            check=check,
        )

    @classmethod
    def from_json(cls, obj: Mapping[str, Any], raw: str | None = None) -> Analysis:
        """Rebuild a result from `to_json` output (see summaries/schema.py for how exact)."""
        from summaries.schema import article_from_object, stages_from_object

        article = article_from_object(obj, raw)
        wanted = obj.get("options") or {"algorithm": obj.get("algorithm", "default")}
        options = Options(wanted.get("algorithm", "default"), wanted.get("sentences"), wanted.get("ratio"))
        return cls(article, options, tuple(obj.get("notes", ())), known=stages_from_object(obj, article))

    # --- pickling (process pools and Dask send results between processes)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "options": self.options,
            "notes": self.notes,
            "article_stages": self._article_stages,
            "option_stages": self._option_stages,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.article = state["article"]
        self.options = state["options"]
        self.notes = state["notes"]
        self._article_stages = state["article_stages"]
        self._option_stages = state["option_stages"]

    def __repr__(self) -> str:
        done = [name for name in STAGES if self.ready(name)]
        return f"Analysis({self.article.file!r}#{self.article.index}, {self.options}, computed={done})"


def analyse(
    article: Article | str,
    algorithm: str = "default",
    sentences: int | None = None,
    ratio: float | None = None,
    *,
    stages: Iterable[str] = (),
    notes: tuple[str, ...] = (),
) -> Analysis:
    """The analysis of `article` (an Article, or clean plain text with paragraphs
    separated by blank lines); `stages` are computed now, the others when read."""
    if isinstance(article, str):
        from summaries.document import plain_article

        article = plain_article(article)
    options = Options(algorithm, sentences, ratio)
    return Analysis(article, options, notes).compute(stages)
