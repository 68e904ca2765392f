"""Bytes as read -> the documents cleaning takes: a web page's main text and metadata
(trafilatura), one document per feed entry, or decoded text (reader/ingest.py).

A web page keeps what trafilatura found of its title, author, date and site name; the
first three fill the header fields the text itself does not give, the site name is
shown beside the article in the library.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.ingest import DEFAULT_MAX_BYTES, Document, IngestError, decode, feed_documents

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE | re.DOTALL)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


@dataclass(frozen=True, slots=True)
class Page:
    """A document read from an input, and the site it says it belongs to (web pages)."""

    document: Document
    site: str | None = None


def media_of(name: str, data: bytes, content_type: str | None = None) -> str:
    """"feed", "html" or "text": what the bytes are, from the server's word, the start of
    the data, and (for files) the name's suffix."""
    head = data[:4096]
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if _FEED_START.match(head) or kind in _FEED_TYPES:
        return "feed"
    if kind in ("text/html", "application/xhtml+xml") or _HTML_START.match(head[:2048]):
        return "html"
    if not kind and name.lower().endswith(HTML_SUFFIXES) and b"<" in head:
        return "html"
    return "text"


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, or an IngestError naming it.

    Opened without blocking and refused unless it is a regular file: a FIFO or a
    device among the inputs must not hang an import.
    """
    name = str(path)
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except PermissionError:
        raise IngestError(name, "permission denied") from None
    except OSError as error:
        raise IngestError(name, error.strerror or str(error)) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(name, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(name, "not a regular file (a pipe, device or socket); nothing read")
        if info.st_size > max_bytes:
            raise IngestError(name, f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)")
        with os.fdopen(handle, "rb", closefd=True) as stream:
            handle = -1
            return stream.read(max_bytes + 1)
    finally:
        if handle >= 0:
            os.close(handle)


def pages_from_bytes(name: str, data: bytes, media: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Page]:
    """Every document in `data` (one per feed entry); raises IngestError when there is none."""
    if len(data) > max_bytes:
        raise IngestError(name, f"input is over the {max_bytes:,}-byte limit (see --max-bytes)")
    if media == "feed":
        return [Page(document) for document in feed_documents(name, data)]
    if media == "html":
        return [web_page(name, data)]
    return [Page(decode(name, data, max_bytes))]


def web_page(name: str, html: bytes) -> Page:
    """A web page's main text, title, author, date and site name, with trafilatura."""
    import trafilatura

    if not html.strip():
        raise IngestError(name, "empty page")
    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
    )
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        raise IngestError(name, "HTML page with no article text that could be extracted")
    metadata = [
        (field, value.strip())
        for field, value in (("title", found.title), ("byline", found.author), ("date", found.date))
        if isinstance(value, str) and value.strip()
    ]
    # trafilatura separates paragraphs with one newline; cleaning reads blank lines as breaks.
    raw = re.sub(r"\n+", "\n\n", text) + "\n"
    document = Document(
        name=name,
        raw=raw,
        encoding="utf-8",
        notes=("HTML: main text and metadata extracted with trafilatura",),
        metadata=tuple(metadata),
    )
    site = found.sitename.strip() if isinstance(found.sitename, str) and found.sitename.strip() else None
    return Page(document, site)
