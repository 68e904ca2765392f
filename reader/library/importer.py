"""Inputs -> cleaned (and, when asked, analysed) articles -> the library.

The work is split where it is cheapest: this process reads files and fetches pages
(I/O, threads), checks what the library already holds (the same bytes or the same
address are never cleaned twice), and writes each input in one transaction; the
cleaning and analysis, which are CPU work in Python, run in a pool of processes, one
per core, forked once the engine is loaded so each starts warm.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from reader.ingest import DEFAULT_MAX_BYTES, IngestError, article_files
from reader.library.cache import CACHED_STAGES, packed_analysis
from reader.library.documents import Page, media_of, pages_from_bytes, read_file
from reader.library.fetch import FetchError, fetch, http_client
from reader.library.store import Library, NewArticle, NewInput, Stored, pack_document
from reader.library.versions import cleaning_version, pipeline_version

# Below this many inputs a pool costs more (forking, sending results) than it saves.
POOL_FROM = 8
FETCH_THREADS = 8


@dataclass(slots=True)
class Source:
    """One input to import: bytes as read, where they came from, and what they are."""

    origin: str  # the path or URL as given
    data: bytes
    media: str  # "text", "html" or "feed" (see documents.media_of)
    url: str | None = None  # a web page's address (after redirects)
    feed_id: int | None = None
    site: str | None = None
    pages: list[Page] | None = None  # documents already made (a feed entry's), else made from `data`
    fallback: list[Page] | None = None  # used when `data` yields no document (a teaser's page)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(slots=True)
class Prepared:
    """What a worker made of a Source: its articles, or why there are none."""

    articles: list[NewArticle] = field(default_factory=list)
    site: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its stored articles, or one line saying why not."""

    origin: str
    stored: tuple[Stored, ...] = ()
    error: str | None = None
    skipped: str | None = None  # already in the library (same bytes or same address)


# ---------------------------------------------------------------- reading the inputs


def sources_from_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | IngestError]:
    """Each file (directories walked as `reader` walks them, `-` for stdin) as a Source."""
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield _source_or_error("<stdin>", data, max_bytes)
            continue
        target = Path(path)
        if target.is_dir():
            files = article_files(target)
            if not files:
                yield IngestError(path, "directory holds no .txt, .md or .html files")
            for file in files:
                yield _file_source(file, max_bytes)
        else:
            yield _file_source(target, max_bytes)


def _file_source(path: Path, max_bytes: int) -> Source | IngestError:
    try:
        data = read_file(path, max_bytes)
    except IngestError as error:
        return error
    return _source_or_error(str(path), data, max_bytes)


def _source_or_error(name: str, data: bytes, max_bytes: int) -> Source | IngestError:
    if len(data) > max_bytes:
        return IngestError(name, f"input is over the {max_bytes:,}-byte limit (see --max-bytes)")
    return Source(name, data, media_of(name, data))


def sources_from_urls(
    urls: list[str], max_bytes: int = DEFAULT_MAX_BYTES, *, client=None, threads: int = FETCH_THREADS
) -> Iterator[Source | FetchError]:
    """Each URL fetched (several at once), in the order given."""
    own = client is None
    client = client or http_client()
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(threads, len(urls)))) as pool:
            yield from pool.map(lambda u: _fetched_source(client, u, max_bytes), urls)
    finally:
        if own:
            client.close()


def _fetched_source(client, url: str, max_bytes: int) -> Source | FetchError:
    try:
        fetched = fetch(client, url, max_bytes=max_bytes)
    except FetchError as error:
        return error
    return Source(url, fetched.data, media_of(fetched.url, fetched.data, fetched.content_type), url=fetched.url)


# ---------------------------------------------------------------- cleaning and analysis


def prepare(source: Source, analyse: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> Prepared:
    """Clean (and analyse) every article of `source`: the CPU work, run in a worker."""
    from reader.pipeline import clean_document

    try:
        pages = source.pages if source.pages is not None else pages_from_bytes(source.origin, source.data, source.media, max_bytes)
    except IngestError as error:
        if not source.fallback:
            return Prepared(error=error.reason)
        pages = source.fallback
    prepared = Prepared(site=source.site or next((p.site for p in pages if p.site), None))
    for page in pages:
        document = page.document
        packed = pack_document(document)
        try:
            articles = clean_document(document)
        except Exception as error:  # a cleaning bug must not stop the other inputs
            return Prepared(error=f"cleaning failed ({type(error).__name__}: {error})")
        for part, article in enumerate(articles):
            new = NewArticle.cleaned(article, part, packed, cleaning_version())
            cache_analysis(new, article, document.notes, analyse)
            prepared.articles.append(new)
    if not prepared.articles:
        prepared.error = "no article text in it after cleaning"
    return prepared


def cache_analysis(new: NewArticle, article, notes: tuple[str, ...], analyse: bool) -> None:
    """Store the cleaned article in the cache form (offsets and all, so opening it needs
    no cleaning), with every stage when `analyse`. If the engine fails on the article,
    it is stored all the same and analysed when opened (where the failure is shown)."""
    from summaries.analysis import Analysis

    analysis = Analysis(article, notes=notes)
    try:
        if analyse:
            analysis.compute(CACHED_STAGES)
            new.article_type = analysis.stance.article_type
        new.analysis = packed_analysis(analysis, CACHED_STAGES if analyse else ())
    except Exception:
        new.analysis, new.article_type = packed_analysis(Analysis(article, notes=notes), ()), None
    new.version = pipeline_version()


def _prepare_task(task: tuple[Source, bool, int]) -> Prepared:
    return prepare(*task)


# ---------------------------------------------------------------- the import


def import_sources(
    library: Library,
    sources: Iterable[Source | IngestError | FetchError],
    *,
    analyse: bool = True,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    advance: Callable[[], None] = lambda: None,
) -> Iterator[Outcome]:
    """Store every source's articles (each input in one transaction), yielding what
    became of each input as it is stored. `workers`: processes for cleaning and
    analysis (default: one per core; 0 or 1: in this process)."""
    pending: list[Source] = []
    for item in sources:
        if isinstance(item, (IngestError, FetchError)):
            advance()
            yield Outcome(getattr(item, "name", None) or getattr(item, "url", ""), error=str(item))
            continue
        known = _already_known(library, item)
        if known is not None:
            advance()
            yield known
            continue
        pending.append(item)
    copies = _copies(pending)
    originals = set(copies.values())
    stored_of: dict[int, tuple[Stored, ...]] = {}  # what each copied input gave
    made = _prepared([s for i, s in enumerate(pending) if i not in copies], analyse, workers, max_bytes)
    try:
        for index, source in enumerate(pending):
            original = copies.get(index)
            if original is not None and stored_of.get(original):
                advance()
                yield Outcome(source.origin, stored=tuple(Stored("duplicate", s.key, s.title) for s in stored_of[original]))
                continue
            prepared = prepare(source, analyse, max_bytes) if original is not None else next(made)
            advance()
            if prepared.error is not None:
                yield Outcome(source.origin, error=f"{source.origin}: {prepared.error}")
                continue
            new = NewInput(
                origin=source.origin,
                data=source.data,
                sha256=source.sha256,
                media=source.media,
                articles=prepared.articles,
                url=source.url,
                feed_id=source.feed_id,
                site=prepared.site,
            )
            stored = tuple(library.add(new))
            if index in originals:
                stored_of[index] = stored
            yield Outcome(source.origin, stored=stored)
    finally:
        made.close()  # the pool's processes end


def _copies(pending: list[Source]) -> dict[int, int]:
    """Which inputs repeat the bytes of an earlier one (read as the same kind of
    document): their index -> the earlier one's. A copy gives what its original gave,
    its articles (now duplicates), so it is not cleaned and analysed again (a folder
    may hold the same file twice). Pages and feed entries are always prepared."""
    first: dict[tuple[str, str], int] = {}
    copies: dict[int, int] = {}
    for index, source in enumerate(pending):
        if source.url is None and source.pages is None and source.feed_id is None:
            copies[index] = first.setdefault((source.sha256, source.media), index)
    return {index: original for index, original in copies.items() if index != original}


def _already_known(library: Library, source: Source) -> Outcome | None:
    """An input the library holds already (the same address, or the same bytes), with
    its articles as duplicates: nothing to clean again."""
    if source.url is not None:
        row = library.row_by_url(source.url)
        if row is not None:
            return Outcome(source.origin, (Stored("duplicate", row.key, row.title),), skipped="already in the library")
    if source.pages is None:
        known = library.articles_of_input(source.sha256)
        if known:
            return Outcome(source.origin, tuple(known), skipped="already in the library")
    return None


def _prepared(sources: list[Source], analyse: bool, workers: int | None, max_bytes: int) -> Iterator[Prepared]:
    """`prepare` of each source, in order: in a pool of processes when it pays."""
    if workers is None:
        workers = os.cpu_count() or 1
    if workers <= 1 or len(sources) < POOL_FROM or not _can_fork():
        for source in sources:
            yield prepare(source, analyse, max_bytes)
        return
    # The first in this process: the engine (and its models) load once, before the
    # fork, so every worker starts with them.
    yield prepare(sources[0], analyse, max_bytes)
    # What the engine loaded is kept for the whole run: frozen, the collector never
    # walks it again in a worker (nor touches, and so copies, its pages).
    gc.freeze()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        tasks = ((source, analyse, max_bytes) for source in sources[1:])
        yield from pool.map(_prepare_task, tasks, chunksize=4)


def _can_fork() -> bool:
    # Forking copies only the calling thread: safe while there is no other (the CLI).
    return sys.platform.startswith("linux") and threading.active_count() == 1
