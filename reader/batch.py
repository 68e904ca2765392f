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
import threading
from dataclasses import dataclass
from itertools import chain, islice
from queue import Queue
from typing import Any, Iterable, Iterator

from reader.ingest import Document, IngestError

# How many tasks may be in flight per worker: enough to keep every worker busy,
# few enough that memory stays flat on an archive of any size.
IN_FLIGHT_PER_WORKER = 4
# Documents sent to a worker in one task: a task's round trip costs about as much as
# analysing a short article, so short ones travel together (up to this many, or this
# many characters).
TASK_DOCUMENTS = 16
TASK_CHARACTERS = 64 * 1024

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


def run_documents(documents: list[Document], job: Job) -> list[list[Outcome]]:
    """`run_document` of each, in order: one task for a worker."""
    return [run_document(document, job) for document in documents]


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


def outcomes(
    items: Iterable[Document | IngestError], job: Job, jobs: int = 1, scheduler: str | None = None
) -> Iterator[list[Outcome]]:
    """The outcomes of each item (one list per item), in order: on the Dask cluster at
    `scheduler`, else on `jobs` processes (one: in this process; a pool only when there
    are at least two documents to share out)."""
    items = iter(items)
    _import_what_workers_need(job)
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

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context()) as pool:
        # The workers start now, while this is the only thread (forking a process
        # that runs other threads can copy a lock some thread holds).
        pool.submit(int).result()
        yield from _in_order(items, lambda documents: pool.submit(run_documents, documents, job), jobs)


def _on_cluster(items: Iterable[Document | IngestError], job: Job, address: str) -> Iterator[list[Outcome]]:
    from dask.distributed import Client

    with Client(address, set_as_default=False) as client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        # pure=False: the same document listed twice is analysed twice, like here.
        yield from _in_order(items, lambda documents: client.submit(run_documents, documents, job, pure=False), workers)


def _in_order(items: Iterable[Document | IngestError], submit: Any, workers: int) -> Iterator[list[Outcome]]:
    """Each item's outcomes in input order, as soon as it and everything before it are done.

    A thread reads the inputs and submits the documents in tasks (see `_tasks`), at most
    a window of them in flight; this thread takes the results in order. So results are
    written while a later input is still being read, even one that blocks (stdin)."""
    window = threading.Semaphore(workers * IN_FLIGHT_PER_WORKER)
    queue: Queue[Any] = Queue()

    def produce() -> None:
        try:
            for entry in _tasks(items):
                if not isinstance(entry, IngestError):
                    window.acquire()
                    entry = submit(entry)
                queue.put(entry)
        except BaseException as error:  # handed to the consumer, which raises it
            queue.put(_Failure(error))
        finally:
            queue.put(_END)

    threading.Thread(target=produce, name="reader-inputs", daemon=True).start()
    while (entry := queue.get()) is not _END:
        if isinstance(entry, _Failure):
            raise entry.error
        if isinstance(entry, IngestError):
            yield [("error", str(entry))]
            continue
        results = entry.result()
        window.release()
        yield from results


def _tasks(items: Iterable[Document | IngestError]) -> Iterator[list[Document] | IngestError]:
    """Documents grouped into tasks, errors on their own, in input order. The first tasks
    are small (1, 1, 2, 4, 8 documents) so the first results come out at once."""
    sizes = iter((1, 1, 2, 4, 8))
    task: list[Document] = []
    characters = 0
    for item in items:
        if isinstance(item, IngestError):
            if task:
                yield task
                task, characters = [], 0
            yield item
            continue
        task.append(item)
        characters += len(item.raw)
        if len(task) >= next(sizes, TASK_DOCUMENTS) or characters >= TASK_CHARACTERS:
            yield task
            task, characters = [], 0
    if task:
        yield task


class _Failure:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


def _context() -> multiprocessing.context.BaseContext:
    # Fork where it is safe (Linux, this process single-threaded): workers start with
    # the engine already imported instead of importing it each (~1 s of CPU apiece).
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        if threading.active_count() == 1:
            return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _import_what_workers_need(job: Job) -> None:
    """Import the cleaning and the stages' modules once, before any work (and before the
    workers fork), then freeze what the imports made: the garbage collector would
    otherwise walk those objects again at every full collection of a long run (a fifth
    of the time on a 5 MiB document), and forked workers would copy the pages it touches."""
    import gc

    import reader.cleaning  # noqa: F401
    import reader.render  # noqa: F401

    if job.stages:
        import summaries.sources  # noqa: F401
        import summaries.summarize  # noqa: F401
    if "stance" in job.stages:
        import summaries.stance  # noqa: F401
    gc.freeze()


def default_jobs() -> int:
    """The machine's core count (as many as this process may use)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
