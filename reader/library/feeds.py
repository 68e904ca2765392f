"""Feeds: subscribing (with discovery from a site's page), and refreshing them all.

A refresh asks each feed only for what changed (ETag / Last-Modified), several feeds
at once in a bounded pool of threads; each new entry becomes an article, its full
page fetched (through trafilatura) when the feed carries only a teaser. A feed that
fails (network error, timeout, HTTP error, redirect loop, malformed feed) gives one
line and is recorded as failing; the others go on. A feed's validators are stored
only once its new entries are in the library, so a refresh cut short is simply
fetched again next time (entries already stored are known by their address).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin

from reader.ingest import DEFAULT_MAX_BYTES, Document, IngestError, feed_documents
from reader.library.documents import Page, media_of
from reader.library.fetch import ACCEPT_FEED, FetchError, Fetched, fetch, is_web_address
from reader.library.importer import FETCH_THREADS, Outcome, Source, import_sources
from reader.library.store import Feed, Library

# An entry with only a summary (no full content element) of fewer words than this
# (title included) is a teaser: its page is fetched.
TEASER_WORDS = 150
_FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class Entry:
    link: str | None
    document: Document
    content: bytes  # the entry's content as the feed gave it (its HTML)
    full: bool = False  # the feed gave the whole article (content:encoded, Atom content)

    @property
    def teaser(self) -> bool:
        return self.link is not None and not self.full and len(self.document.raw.split()) < TEASER_WORDS


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    entries: list[Entry]


@dataclass
class RefreshReport:
    """What a refresh did: a line per failure, and the counts a summary line gives."""

    feeds: int = 0
    unchanged: int = 0
    failed: int = 0
    added: int = 0
    lines: list[str] = field(default_factory=list)


class Progress:
    """What a refresh tells a progress bar: more steps found, one step done."""

    def __init__(self, grow: Callable[[int], None] = lambda n: None, advance: Callable[[], None] = lambda: None) -> None:
        self.grow = grow
        self.advance = advance


# ---------------------------------------------------------------- parsing


def parse_feed(url: str, data: bytes) -> ParsedFeed:
    """Entries of an RSS/Atom document with their links; IngestError when malformed.

    The entries' text comes from reader.ingest (which parses the feed itself); this
    parse only finds links and titles, so it skips feedparser's HTML sanitising,
    which is most of its time.
    """
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    documents = {int(d.name.rsplit("#", 1)[1]): d for d in feed_documents(url, data) if isinstance(d, Document)}
    if parsed.bozo and not documents:  # broken XML that yielded nothing readable
        raise IngestError(url, f"the XML is broken: {parsed.bozo_exception}")
    entries = []
    for number, raw_entry in enumerate(parsed.entries, start=1):
        document = documents.get(number)
        if document is None:  # an entry with neither title nor text
            continue
        link = raw_entry.get("link")
        link = urljoin(url, link) if link else None
        if link is not None and not is_web_address(link):
            link = None
        full = raw_entry.get("content", [{}])[0].get("value") or ""
        content = full or raw_entry.get("summary") or ""
        entries.append(Entry(link, document, content.encode("utf-8", "surrogatepass"), full=bool(full.strip())))
    head = parsed.get("feed", {})
    return ParsedFeed((head.get("title") or "").strip() or None, head.get("link"), entries)


def feed_link_in_page(url: str, html: bytes) -> str | None:
    """The first feed a web page links to (<link rel="alternate" type="application/rss+xml">)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several types for junk
        return None
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and (link.get("type") or "").lower() in _FEED_LINK_TYPES and link.get("href"):
            return urljoin(url, link.get("href"))
    return None


# ---------------------------------------------------------------- subscribing


def find_feed(client, url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, ParsedFeed]:
    """The feed at `url` (or the one the page at `url` links to), parsed; raises
    FetchError or IngestError with the reason it is not a feed."""
    fetched = fetch(client, url, max_bytes=max_bytes, accept=ACCEPT_FEED)
    media = media_of(fetched.url, fetched.data, fetched.content_type)
    if media == "html":
        found = feed_link_in_page(fetched.url, fetched.data)
        if found is None:
            raise IngestError(url, "a web page that links to no feed (give the feed's own address)")
        url = found
        fetched = fetch(client, url, max_bytes=max_bytes, accept=ACCEPT_FEED)
        media = media_of(fetched.url, fetched.data, fetched.content_type)
    if media != "feed":
        raise IngestError(url, "not an RSS or Atom feed")
    return url, parse_feed(url, fetched.data)


# ---------------------------------------------------------------- refreshing


def refresh(
    library: Library,
    feeds: Iterable[Feed],
    client,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    analyse: bool = False,
    workers: int | None = None,
    threads: int = FETCH_THREADS,
    progress: Progress | None = None,
) -> Iterator[Outcome | str]:
    """Refresh `feeds`: yields each stored input's Outcome and one line per failure."""
    progress = progress or Progress()
    feeds = list(feeds)
    progress.grow(len(feeds))
    fetched: list[tuple[Feed, Fetched, ParsedFeed]] = []
    with ThreadPoolExecutor(max_workers=max(1, min(threads, len(feeds)))) as pool:
        futures = {pool.submit(_fetch_feed, client, feed, max_bytes): feed for feed in feeds}
        for future in as_completed(futures):
            feed = futures[future]
            progress.advance()
            result = future.result()
            if isinstance(result, str):
                library.feed_checked(feed, failure=result)
                yield f"feed {feed.display_title}: {result}"
            elif result is None:
                library.feed_checked(feed)  # not modified
            else:
                fetched.append((feed, *result))
        sources, lines = new_sources(library, fetched, client, pool, max_bytes, progress)
    yield from lines
    progress.grow(len(sources))
    yield from import_sources(library, sources, analyse=analyse, workers=workers, max_bytes=max_bytes, advance=progress.advance)
    for feed, response, parsed in fetched:
        library.feed_checked(
            feed, etag=response.etag, last_modified=response.last_modified, title=parsed.title, link=parsed.link, validators=True
        )


def _fetch_feed(client, feed: Feed, max_bytes: int) -> str | None | tuple[Fetched, ParsedFeed]:
    """The feed's new response and entries; None when not modified; else why it failed."""
    try:
        response = fetch(client, feed.url, max_bytes=max_bytes, accept=ACCEPT_FEED, etag=feed.etag, last_modified=feed.last_modified)
        if response.not_modified:
            return None
        if media_of(response.url, response.data, response.content_type) != "feed":
            return "not an RSS or Atom feed (the server sent something else)"
        return response, parse_feed(feed.url, response.data)
    except FetchError as error:
        return error.reason
    except IngestError as error:
        return f"malformed feed ({error.reason})"


def new_sources(
    library: Library,
    fetched: list[tuple[Feed, Fetched, ParsedFeed]],
    client,
    pool: ThreadPoolExecutor,
    max_bytes: int,
    progress: Progress,
) -> tuple[list[Source], list[str]]:
    """The new entries of every fetched feed as Sources (teasers' pages fetched meanwhile),
    and a line for each page that could not be fetched (its teaser is kept instead)."""
    links = [entry.link for _, _, parsed in fetched for entry in parsed.entries if entry.link]
    known = library.known_urls(links)
    new: list[tuple[Feed, Entry]] = []
    seen: set[str] = set()
    for feed, _, parsed in fetched:
        for entry in parsed.entries:
            if entry.link is not None and (entry.link in known or entry.link in seen):
                continue
            if entry.link is not None:
                seen.add(entry.link)
            new.append((feed, entry))
    teasers = [(feed, entry) for feed, entry in new if entry.teaser]
    progress.grow(len(teasers))
    pages = {}
    futures = {pool.submit(fetch, client, entry.link, max_bytes=max_bytes): entry.link for _, entry in teasers}
    lines = []
    for future in as_completed(futures):
        progress.advance()
        link = futures[future]
        try:
            pages[link] = future.result()
        except FetchError as error:
            lines.append(f"{error}; kept the feed's summary instead")
    sources = []
    for feed, entry in new:
        page = pages.get(entry.link) if entry.teaser else None
        if page is not None and media_of(page.url, page.data, page.content_type) == "html":
            fallback = [Page(entry.document)]  # if the page holds no article text after all
            sources.append(Source(entry.link, page.data, "html", url=entry.link, feed_id=feed.id, fallback=fallback))
        else:
            origin = entry.link or entry.document.name
            sources.append(Source(origin, entry.content, "feed-entry", url=entry.link, feed_id=feed.id, pages=[Page(entry.document)]))
    return sources, lines
