"""Turn paths (files, directories, `-` for stdin) into decoded documents, or clear errors.

A document's `raw` text is the decoded input: every raw offset the engine reports
indexes it. HTML input is reduced to its main text with trafilatura first; then
`raw` is that extracted text (offsets into markup would mean nothing to a reader).

Whatever the input, reading it never blocks and never loses text in silence: a
path that is not a regular file (a FIFO, a socket, a device) is refused before it
is read, an entry of a directory that cannot be read is reported, and every
decoding or conversion that is not plain UTF-8 leaves a note on the document.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from reader.html_text import block_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Encodings tried after UTF-8, in order. cp1252 covers most pasted Western text;
# latin-1 never fails, so it is the last resort and is reported as such.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)
# Deeper than this, lxml (and so trafilatura) stops building the tree and the text
# inside is invisible to it.
EXTRACTOR_MAX_DEPTH = 250


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


@dataclass(frozen=True, slots=True)
class Decoded:
    """An input's bytes and the text they decode to."""

    name: str
    data: bytes
    text: str
    encoding: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InputFormat:
    """One kind of input: how it is recognised, which files a directory walk reads as
    it, and what turns it into documents."""

    name: str
    sniff: re.Pattern[str] | None  # matched at the start of the decoded text; None: the fallback
    suffixes: tuple[str, ...]
    convert: Callable[[Decoded], list[Document | IngestError]]


def _plain_documents(decoded: Decoded) -> list[Document | IngestError]:
    """Plain text: the decoded text is the document."""
    return [Document(decoded.name, decoded.text, decoded.encoding, decoded.notes)]


def _html_documents(decoded: Decoded) -> list[Document | IngestError]:
    """HTML: the page's main text, found by trafilatura."""
    text, note = html_main_text(decoded.name, decoded.text)
    return [Document(decoded.name, text, decoded.encoding, decoded.notes + (note,))]


def _feed_documents(decoded: Decoded) -> list[Document | IngestError]:
    """RSS/Atom: one document per entry, parsed by feedparser from the bytes (it reads the XML encoding)."""
    return feed_documents(decoded.name, decoded.data, decoded.notes)


_LEADING_XML = r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
# Tried in order; the content decides, whatever the file is called.
FORMATS = (
    InputFormat(
        "RSS/Atom feed",
        re.compile(_LEADING_XML + r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE | re.DOTALL),
        (".rss", ".atom", ".xml"),
        _feed_documents,
    ),
    InputFormat(
        "HTML",
        re.compile(_LEADING_XML + r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE | re.DOTALL),
        (".html", ".htm"),
        _html_documents,
    ),
    InputFormat("plain text", None, (".txt", ".text", ".md"), _plain_documents),
)
SNIFF_CHARS = 4096
TEXT_SUFFIXES = tuple(suffix for input_format in reversed(FORMATS) for suffix in input_format.suffixes)


def input_format(text: str) -> InputFormat:
    """The format whose sniff matches the start of `text` (plain text when none does)."""
    head = text[:SNIFF_CHARS]
    return next(f for f in FORMATS if f.sniff is None or f.sniff.match(head))


# ---------------------------------------------------------------- inputs


def iter_inputs(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[list[Document | IngestError]]:
    """Per input (a file named or found in a directory, or stdin), in a stable order:
    its documents (a feed has one per entry) and errors. Errors are yielded, not
    raised, so one bad input never stops the others."""
    for source in _sources(paths):
        if isinstance(source, IngestError):
            yield [source]
        elif source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield documents_from_bytes("<stdin>", stream.read(max_bytes + 1), max_bytes)
        else:
            yield read_documents(source, max_bytes)


def iter_documents(
    paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Document | IngestError]:
    """Every document or error of every input, in a stable order."""
    for documents in iter_inputs(paths, max_bytes, stdin):
        yield from documents


def count_inputs(paths: list[str]) -> int:
    """How many inputs `iter_inputs(paths)` yields (directories are walked, nothing is read)."""
    return sum(1 for _ in _sources(paths))


def _sources(paths: list[str]) -> Iterator[str | Path | IngestError]:
    for path in paths:
        if path == "-":
            yield path
        elif Path(path).is_dir():
            found = article_files(Path(path))
            if not found:
                yield IngestError(path, f"directory holds no article files ({', '.join(TEXT_SUFFIXES)})")
            yield from found
        else:
            yield Path(path)


def article_files(directory: Path) -> list[Path | IngestError]:
    """The files under `directory` read as articles, in a stable order, and an error for
    each entry named like one (or a FIFO, socket or device) that cannot be read as a file.

    Symbolic links to files are read; links to directories are reported, not followed
    (no loops), as are broken links and link loops.
    """
    found: list[tuple[Path, Path | IngestError]] = []
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            found.append((folder, IngestError(str(folder), f"directory cannot be read ({_reason(error)})")))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
                continue
            named_like_article = path.suffix.lower() in TEXT_SUFFIXES
            problem = None if entry.is_file(follow_symlinks=False) else _entry_problem(path)
            if problem is None:  # a file, or a link to one
                if named_like_article:
                    found.append((path, path))
            elif named_like_article or not entry.is_symlink() or entry.is_dir():
                # Links named like anything else stay unread in silence, as other files do.
                found.append((path, IngestError(str(path), problem)))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _entry_problem(path: Path) -> str | None:
    """Why a directory entry that is not a plain file cannot be read as one (None: a link to a file)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _open_failure(path, error)
    if stat.S_ISDIR(mode):
        return "symbolic link to a directory, not followed (give its path to read it)"
    return _not_a_regular_file(mode)


# ---------------------------------------------------------------- files and streams


def read_documents(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | IngestError]:
    """A file's documents: one for an article, one per entry for an RSS/Atom feed."""
    data = _read_bytes(path, max_bytes)
    if isinstance(data, IngestError):
        return [data]
    return documents_from_bytes(str(path), data, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | IngestError:
    """A file's first document (an article file has only one), or its error."""
    return read_documents(path, max_bytes)[0]


def read_text_stream(stream: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES, name: str = "<stdin>") -> Document | IngestError:
    """A stream decoded exactly as a file is (encodings, UTF-16, the size limit), kept as
    plain text: for `reader stance`, which reads one sentence per line."""
    try:
        decoded = _decode(name, stream.read(max_bytes + 1), max_bytes)
    except IngestError as error:
        return error
    return _plain_documents(decoded)[0]


def documents_from_bytes(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | IngestError]:
    """An input's bytes decoded, recognised by `FORMATS` and converted into documents."""
    try:
        decoded = _decode(name, data, max_bytes)
        return input_format(decoded.text).convert(decoded)
    except IngestError as error:
        return [error]


def decode(name: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The first document `data` holds; raises IngestError."""
    first = documents_from_bytes(name, data, max_bytes)[0]
    if isinstance(first, IngestError):
        raise first
    return first


def _read_bytes(path: Path, max_bytes: int) -> bytes | IngestError:
    """A regular file's bytes. Anything else is refused before it is opened, and the
    open itself never blocks (a FIFO swapped in meanwhile is caught after it)."""
    name = str(path)
    try:
        problem = _not_a_regular_file(os.stat(path).st_mode)
        if problem is None:
            descriptor = os.open(path, os.O_RDONLY | _NON_BLOCKING_OPEN)
            with os.fdopen(descriptor, "rb") as handle:
                status = os.fstat(handle.fileno())
                problem = _not_a_regular_file(status.st_mode)
                if problem is None and status.st_size > max_bytes:
                    problem = f"file is {status.st_size:,} bytes, over the {max_bytes:,}-byte limit (see --max-bytes)"
                if problem is None:
                    return handle.read(max_bytes + 1)
    except OSError as error:
        problem = _open_failure(path, error)
    return IngestError(name, problem)


_NON_BLOCKING_OPEN = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_FILE_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file; not read (for a pipe, use - and standard input)"),
    (stat.S_ISSOCK, "is a socket, not a regular file; not read"),
    (stat.S_ISCHR, "is a character device, not a regular file; not read"),
    (stat.S_ISBLK, "is a block device, not a regular file; not read"),
)


def _not_a_regular_file(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((reason for test, reason in _FILE_KINDS if test(mode)), "is not a regular file; not read")


def _open_failure(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return f"broken symbolic link (its target {os.readlink(path)} does not exist)"
        return "no such file"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EISDIR:
        return "is a directory"
    return _reason(error)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# ---------------------------------------------------------------- decoding


def _decode(name: str, data: bytes, max_bytes: int) -> Decoded:
    if len(data) > max_bytes:
        raise IngestError(name, f"input is over the {max_bytes:,}-byte limit (see --max-bytes)")
    if not data:
        raise IngestError(name, f"{_kind_of_input(name)} is empty")
    text, encoding, notes = _decode_text(name, data)
    if not text.strip():
        raise IngestError(name, f"{_kind_of_input(name)} holds only white space" if text else f"{_kind_of_input(name)} is empty")
    return Decoded(name, data, text, encoding, notes)


def _kind_of_input(name: str) -> str:
    return "input" if name == "<stdin>" else "file"


def _decode_text(name: str, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    for mark, encoding, label in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding), encoding, (f"decoded as {label} (byte-order mark)",)
            except UnicodeDecodeError as error:
                raise IngestError(name, f"starts with a {label} byte-order mark but is not {label} (bad bytes at {error.start})") from None
    utf16 = _utf16_by_nul_pattern(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise IngestError(name, "binary file (not text); nothing read")
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


def _utf16_by_nul_pattern(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """UTF-16 without a byte-order mark, told by its NUL bytes: the high byte of every
    Latin character is 0, so NULs fill one byte position of each pair and not the other."""
    head = data[: 8192]
    pairs = len(head) // 2
    if pairs < 2 or b"\x00" not in head:
        return None
    even_nuls, odd_nuls = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.01 * pairs:
        encoding, label = "utf-16-le", "UTF-16 LE"
    elif even_nuls >= 0.3 * pairs and odd_nuls <= 0.01 * pairs:
        encoding, label = "utf-16-be", "UTF-16 BE"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _control_share(text[:4096]) > 0.05:
        return None  # 16-bit binary data, not text
    return text, encoding, (f"decoded as {label} (no byte-order mark; told by its NUL bytes)",)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head or _control_share(head) > 0.05


def _control_share(head: bytes | str) -> float:
    """Share of C0 controls other than tab, line breaks, form feed and ESC."""
    codes = head if isinstance(head, bytes) else map(ord, head)
    control = sum(1 for code in codes if code < 32 and code not in (9, 10, 12, 13, 27))
    return control / max(len(head), 1)


# ---------------------------------------------------------------- HTML


def html_main_text(name: str, html: str) -> tuple[str, str]:
    """An HTML page's main text, paragraphs separated by blank lines, and a note on how it was found."""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if extracted and extracted.strip():
        # trafilatura separates paragraphs with single newlines; the cleaner reads
        # blank lines as paragraph breaks, which is what extraction means here.
        return re.sub(r"\n+", "\n\n", extracted.strip()) + "\n", "HTML: main text extracted with trafilatura"
    page = block_text(html)
    if page.depth > EXTRACTOR_MAX_DEPTH and page.text:
        return page.text + "\n", f"HTML: nested {page.depth:,} elements deep, beyond what trafilatura reads; all of the page's text kept"
    raise IngestError(name, "HTML page with no article text that could be extracted")


# ---------------------------------------------------------------- feeds


def feed_documents(name: str, data: bytes, notes: tuple[str, ...] = ()) -> list[Document | IngestError]:
    """One Document per RSS/Atom entry (its title, then its content as paragraphs), and
    an error naming the entries with neither."""
    import feedparser

    repaired = _close_unterminated_cdata(data)
    feed = feedparser.parse(data if repaired is None else repaired)
    if repaired is not None:
        notes += ("feed: a CDATA section was never closed; it was closed at the end of the file",)
    elif feed.bozo:
        notes += (f"feed: not well-formed ({feed.bozo_exception}); read leniently",)
    if not feed.entries:
        reason = f"feed could not be parsed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        raise IngestError(name, reason)
    documents: list[Document | IngestError] = []
    empty = []
    for number, entry in enumerate(feed.entries, start=1):
        content = entry.get("content") or [{}]
        html = content[0].get("value") or entry.get("summary") or ""
        body = block_text(html).text if html else ""
        title = (entry.get("title") or "").strip()
        if not (title or body):
            empty.append(number)
            continue
        raw = "\n\n".join(part for part in (title, body) if part) + "\n"
        documents.append(Document(f"{name}#{number}", raw, "utf-8", notes + ("feed entry",), _entry_metadata(entry, title)))
    if empty:
        if not documents:
            which = "its only entry has" if len(empty) == 1 else f"all {len(empty)} entries have"
        else:
            which = f"entry {empty[0]} has" if len(empty) == 1 else f"entries {', '.join(map(str, empty))} have"
        documents.append(IngestError(name, f"feed: {which} no title and no text"))
    return documents


def _entry_metadata(entry, title: str) -> tuple[tuple[str, str], ...]:
    metadata = [("title", title)] if title else []
    if entry.get("author"):
        metadata.append(("byline", entry["author"].strip()))
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if published:
        metadata.append(("date", f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}"))
    return tuple(metadata)


_MARKUP_NOT_TAGS = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<![^>]*>", re.DOTALL)
_TAG = re.compile(rb"<(/?)([A-Za-z_][\w:.-]*)[^>]*?(/?)>")


def _close_unterminated_cdata(data: bytes) -> bytes | None:
    """`data` with a CDATA section that runs to the end of the file closed, and the
    elements open where it began, so a parser keeps its text (None: nothing to close)."""
    position = 0
    while (start := data.find(b"<![CDATA[", position)) >= 0:
        end = data.find(b"]]>", start)
        if end < 0:
            break
        position = end + 3
    else:
        return None
    open_tags: list[bytes] = []
    for match in _TAG.finditer(_MARKUP_NOT_TAGS.sub(b"", data[:start])):
        closing, tag, self_closing = match.groups()
        if self_closing:
            continue
        if not closing:
            open_tags.append(tag)
        elif tag in open_tags:
            del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag) :]
    return data + b"]]>" + b"".join(b"</" + tag + b">" for tag in reversed(open_tags))
