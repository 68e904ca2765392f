"""Many inputs at once: in this process, on a pool of processes, or on a Dask cluster.

Input documents are read here, in order, and each is cleaned, analysed and formatted
by `run_document` wherever it runs; the results come back in input order and are
yielded as soon as every earlier one is done, so output streams while later inputs
are still being read. An input that cannot be read, or whose analysis fails, yields
an error and never stops the others. The result does not depend on where the work
ran: the same `run_document`, the same deterministic engine.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Iterable, Iterator, Protocol

from reader.ingest import Document, IngestError

# How many inputs may be in flight per worker: enough to keep every worker busy,
# few enough that memory stays flat on an archive of any size.
IN_FLIGHT_PER_WORKER = 4

Outcome = tuple[str, str]  # ("article", formatted article) or ("error", one-line message)


@dataclass(frozen=True, slots=True)
class Job:
    """What to make of each document: the stages, the summary options, the output format."""

    stages: tuple[str, ...]
    algorithm: str = "default"
    sentences: int | None = None
    ratio: float | None = None
    fmt: str = "jsonl"
    show_removed: bool = False


def run_document(document: Document, job: Job) -> list[Outcome]:
    """Clean, analyse and format one document; the unit of work of every way of running."""
    from reader.pipeline import analyse_document, clean_document
    from reader.render import article_output
    from summaries.analysis import Options

    try:
        options = Options(job.algorithm, job.sentences, job.ratio)
        made = []
        for analysis in analyse_document(document, clean_document(document), options):
            made.append(("article", article_output(analysis.compute(job.stages), job.fmt, job.stages, job.show_removed)))
        return made
    except Exception as error:  # an engine bug fails this input, not the run
        return [("error", f"{document.name}: analysis failed ({type(error).__name__}: {error})")]


class _Future(Protocol):
    def done(self) -> bool: ...
    def result(self) -> list[Outcome]: ...


def outcomes(
    items: Iterable[Document | IngestError], job: Job, jobs: int = 1, scheduler: str | None = None
) -> Iterator[list[Outcome]]:
    """The outcomes of each item (one list per item), in order: on the Dask cluster at
    `scheduler`, else on `jobs` processes (one: in this process; a pool only when there
    are at least two documents to share out)."""
    items = iter(items)
    if scheduler is not None:
        yield from _on_cluster(items, job, scheduler)
        return
    first = list(islice(_documents_until(items, 2), 2)) if jobs > 1 else []
    head = chain(first, items)
    if sum(isinstance(item, Document) for item in first) < 2:
        yield from _here(head, job)
    else:
        yield from _on_pool(head, job, jobs)


def _documents_until(items: Iterator[Document | IngestError], count: int) -> Iterator[Document | IngestError]:
    """Items up to and including the `count`th document (errors before it come along)."""
    seen = 0
    for item in items:
        yield item
        seen += isinstance(item, Document)
        if seen >= count:
            return


def _here(items: Iterable[Document | IngestError], job: Job) -> Iterator[list[Outcome]]:
    for item in items:
        yield [("error", str(item))] if isinstance(item, IngestError) else run_document(item, job)


def _on_pool(items: Iterable[Document | IngestError], job: Job, jobs: int) -> Iterator[list[Outcome]]:
    from concurrent.futures import ProcessPoolExecutor

    _import_what_workers_need(job)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        yield from _in_order(items, lambda document: pool.submit(run_document, document, job), jobs)


def _on_cluster(items: Iterable[Document | IngestError], job: Job, address: str) -> Iterator[list[Outcome]]:
    from dask.distributed import Client

    with Client(address, set_as_default=False) as client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        # pure=False: the same document listed twice is analysed twice, like here.
        yield from _in_order(items, lambda document: client.submit(run_document, document, job, pure=False), workers)


def _in_order(items: Iterable[Document | IngestError], submit: Any, workers: int) -> Iterator[list[Outcome]]:
    """Submit each document, keep a bounded window in flight, yield results in order."""
    pending: deque[_Future | IngestError] = deque()
    window = workers * IN_FLIGHT_PER_WORKER
    for item in items:
        pending.append(item if isinstance(item, IngestError) else submit(item))
        while pending and (len(pending) > window or _ready(pending[0])):
            yield _outcome(pending.popleft())
    while pending:
        yield _outcome(pending.popleft())


def _ready(entry: _Future | IngestError) -> bool:
    return isinstance(entry, IngestError) or entry.done()


def _outcome(entry: _Future | IngestError) -> list[Outcome]:
    return [("error", str(entry))] if isinstance(entry, IngestError) else entry.result()


def _context() -> multiprocessing.context.BaseContext:
    # Fork where it is safe (Linux, this process single-threaded): workers start with
    # the engine already imported instead of importing it each (~1 s of CPU apiece).
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        import threading

        if threading.active_count() == 1:
            return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _import_what_workers_need(job: Job) -> None:
    """Import the cleaning and the stages' modules once, here, before the workers fork."""
    import reader.cleaning  # noqa: F401
    import reader.render  # noqa: F401

    if job.stages:
        import summaries.sources  # noqa: F401
        import summaries.summarize  # noqa: F401
    if "stance" in job.stages:
        import summaries.stance  # noqa: F401


def default_jobs() -> int:
    """The machine's core count (as many as this process may use)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
