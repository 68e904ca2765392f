"""Turn paths (files, directories, `-` for stdin) into decoded documents, or clear errors.

A document's `raw` text is the decoded input: every raw offset the engine reports
indexes it. HTML input is reduced to its main text with trafilatura first; then
`raw` is that extracted text (offsets into markup would mean nothing to a reader).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom")
# Encodings tried after UTF-8, in order. cp1252 covers most pasted Western text;
# latin-1 never fails, so it is the last resort and is reported as such.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Document:
    name: str  # path as given (or "<stdin>")
    raw: str
    encoding: str
    notes: tuple[str, ...] = ()  # e.g. "decoded as cp1252", "HTML: main text extracted"
    # Header fields known from the container (a feed entry's title, author, date),
    # used where cleaning finds none in the text.
    metadata: tuple[tuple[str, str], ...] = ()


class IngestError(Exception):
    """A file that cannot be read as an article; the message names the file."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def iter_documents(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | IngestError]:
    """Yield a Document or an IngestError per input file, in a stable order.

    Errors are yielded, not raised, so one bad file never stops the others.
    """
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _documents_or_error("<stdin>", stream.read(max_bytes + 1), max_bytes)
            continue
        target = Path(path)
        if target.is_dir():
            files = article_files(target)
            if not files:
                yield IngestError(path, "directory holds no .txt, .md or .html files")
            for file in files:
                yield from read_documents(file, max_bytes)
        else:
            yield from read_documents(target, max_bytes)


def article_files(directory: Path) -> list[Path]:
    """The files under `directory` read as articles, in a stable order."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def count_inputs(paths: list[str]) -> int:
    """How many files `iter_documents(paths)` will read (a directory counts its articles)."""
    return sum(len(article_files(Path(p))) if Path(p).is_dir() else 1 for p in paths)


def read_documents(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | IngestError]:
    """A file's documents: one for an article, one per entry for an RSS/Atom feed."""
    data = _read_bytes(path, max_bytes)
    if isinstance(data, IngestError):
        return [data]
    return _documents_or_error(str(path), data, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | IngestError:
    data = _read_bytes(path, max_bytes)
    if isinstance(data, IngestError):
        return data
    return _decode_or_error(str(path), data, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes | IngestError:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return IngestError(name, "no such file")
    except IsADirectoryError:
        return IngestError(name, "is a directory")
    except PermissionError:
        return IngestError(name, "permission denied")
    except OSError as error:
        return IngestError(name, error.strerror or str(error))
    return data


def _documents_or_error(name: str, data: bytes, max_bytes: int) -> list[Document | IngestError]:
    if _FEED_START.match(data[:4096]):
        try:
            return list(feed_documents(name, data))
        except IngestError as error:
            return [error]
    return [_decode_or_error(name, data, max_bytes)]


def _decode_or_error(name: str, data: bytes, max_bytes: int) -> Document | IngestError:
    try:
        return decode(name, data, max_bytes)
    except IngestError as error:
        return error


def decode(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        raise IngestError(name, f"input is over the {max_bytes:,}-byte limit (see --max-bytes)")
    if not data.strip():
        raise IngestError(name, "file is empty" if not data else "file holds only white space")
    if _looks_binary(data):
        raise IngestError(name, "binary file (not text); nothing read")
    text, encoding, notes = _decode_text(data)
    if _HTML_START.match(data[:2048]):
        text = _html_main_text(name, text)
        notes = notes + ("HTML: main text extracted with trafilatura",)
    return Document(name=name, raw=text, encoding=encoding, notes=notes)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16/32 text has NULs too; treat a BOM-marked file as text.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / max(len(head), 1) > 0.05


def _decode_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16", ("decoded as UTF-16 (byte-order mark)",)
    try:
        return data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError as error:
        first_bad = error.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding, (f"not valid UTF-8 (first bad byte at {first_bad}); decoded as {encoding}",)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _html_main_text(name: str, html: str) -> str:
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not extracted or not extracted.strip():
        raise IngestError(name, "HTML page with no article text that could be extracted")
    # trafilatura separates paragraphs with single newlines; the cleaner reads
    # blank lines as paragraph breaks, which is what extraction means here.
    return re.sub(r"\n+", "\n\n", extracted.strip()) + "\n"


def feed_documents(name: str, data: bytes) -> list[Document]:
    """One Document per RSS/Atom entry: its title, then its content as paragraphs."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"feed could not be parsed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        raise IngestError(name, reason)
    documents = []
    for number, entry in enumerate(feed.entries, start=1):
        html = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        body = _fragment_text(html) if html else ""
        title = (entry.get("title") or "").strip()
        if not (title or body):
            continue
        metadata = [("title", title)] if title else []
        if entry.get("author"):
            metadata.append(("byline", entry["author"].strip()))
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        if published:
            metadata.append(("date", f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"))
        raw = "\n\n".join(part for part in (title, body) if part) + "\n"
        documents.append(
            Document(name=f"{name}#{number}", raw=raw, encoding="utf-8", notes=("feed entry",), metadata=tuple(metadata))
        )
    return documents


def _fragment_text(html: str) -> str:
    """Text of an HTML fragment with one blank line between block elements."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types for junk; the entry is then plain text
        return html.strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    block_tags = ("p", "li", "h1", "h2", "h3", "h4", "blockquote", "pre")
    blocks = []
    for element in root.iter(*block_tags):
        if any(inner.tag in block_tags for inner in element.iterdescendants()):
            continue  # its inner blocks are taken one by one
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(b for b in blocks if b)
