"""The library file: one SQLite database (WAL, foreign keys on, schema in schema.py).

Every write is one transaction (`BEGIN IMMEDIATE … COMMIT`): an input and all its
articles go in together or not at all, whatever kills the process. A second process
writing at the same time waits up to `BUSY_SECONDS`, then gets `LibraryBusy`; readers
never wait (WAL). Every SQLite failure becomes a `LibraryError` that names the file:
a damaged file is never written to, and nothing is deleted except by `remove`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from reader.ingest import Document
from reader.storage import article_key
from reader.library import schema
from reader.library.errors import LibraryBusy, LibraryDamaged, LibraryError, NotALibrary, UnknownArticle

BUSY_SECONDS = 10.0
OPEN_RETRY_SECONDS = 0.05  # between tries to open a library another process is creating
KEY_LENGTH = 6  # hex digits of the content hash in a new article's key (longer on a clash)
# Rank title matches above text matches.
TITLE_WEIGHT, TEXT_WEIGHT = 5.0, 1.0
SNIPPET_WORDS = 16
SNIPPET_MARKS = ("**", "**")

_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}

_ROW_COLUMNS = """
    a.id, a.key, a.content_hash, a.title, a.date, a.origin, a.url, f.title, a.site, a.label,
    a.type, a.read_at, a.starred, a.added, a.part, a.clean_version, a.heading
"""
_ROW_FROM = "FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"
_NEWEST_FIRST = "ORDER BY coalesce(a.date, date(a.added, 'unixepoch')) DESC, a.added DESC, a.id DESC"


@dataclass(frozen=True, slots=True)
class Row:
    """An article as lists show it (no text, no analysis)."""

    id: int
    key: str
    content_hash: str
    title: str | None
    date: str | None
    origin: str
    url: str | None
    feed: str | None
    site: str | None
    label: str | None
    type: str | None
    read_at: float | None
    starred: bool
    added: float
    part: int
    clean_version: str
    heading: str | None = None  # what stands for the title of an untitled article

    @property
    def read(self) -> bool:
        return self.read_at is not None

    @property
    def display_title(self) -> str:
        return self.title or self.heading or "(untitled)"


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the row, its place in the ranking (1 = best), bm25 score, snippet."""

    row: Row
    rank: int
    score: float
    snippet: str


def content_hash(article) -> str:
    """What identifies an article's content: its header fields and cleaned text (two
    articles with the same text and different titles are two articles)."""
    fields = [article.title, article.byline, article.date, article.label, article.text]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class NewArticle:
    """A cleaned article ready to store (made in a worker process: plain data only)."""

    content_hash: str
    text: str
    title: str | None
    byline: str | None
    date: str | None
    label: str | None
    part: int
    document: bytes  # packed Document it was cleaned from (see pack_document)
    clean_version: str
    analysis: bytes | None = None  # packed cache JSON, when analysed at import
    version: str | None = None  # the pipeline version that made `analysis`
    article_type: str | None = None
    display_title: str = ""  # the title, else what the reader shows for an untitled article

    @classmethod
    def cleaned(cls, article, part: int, document: bytes, clean_version: str) -> NewArticle:
        """From a cleaned `summaries.model.Article` (the `part`-th of its document)."""
        return cls(
            content_hash=content_hash(article),
            text=article.text,
            title=article.title,
            byline=article.byline,
            date=article.date,
            label=article.label,
            part=part,
            document=document,
            clean_version=clean_version,
            display_title=article.display_title,
        )


@dataclass(slots=True)
class NewInput:
    """One input (a file, a page, a feed entry) and the articles cleaned from it."""

    origin: str
    data: bytes
    sha256: str
    media: str
    articles: list[NewArticle] = field(default_factory=list)
    url: str | None = None
    feed_id: int | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Stored:
    """What became of one article of an input: `added`, or `duplicate` of `key`."""

    status: str
    key: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    link: str | None
    etag: str | None
    last_modified: str | None
    added: float
    checked: float | None
    failure: str | None
    subscribed: bool
    articles: int = 0
    unread: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.url


def pack(value: object) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"))


def unpack(blob: bytes) -> object:
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


def pack_document(document: Document) -> bytes:
    return pack(
        {
            "name": document.name,
            "raw": document.raw,
            "encoding": document.encoding,
            "notes": list(document.notes),
            "metadata": [list(pair) for pair in document.metadata],
        }
    )


def unpack_document(blob: bytes) -> Document:
    obj = unpack(blob)
    return Document(
        name=obj["name"],
        raw=obj["raw"],
        encoding=obj["encoding"],
        notes=tuple(obj["notes"]),
        metadata=tuple((key, value) for key, value in obj["metadata"]),
    )


class Library:
    """An open library file. Safe to share between threads (one lock serialises calls)."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time, busy_seconds: float = BUSY_SECONDS) -> None:
        self.path = Path(path)
        self.clock = clock
        self.busy_seconds = busy_seconds
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        # Set when this open created the library, or migrated the old reading positions.
        self.created = False
        self.migrated_positions = 0
        self._open()

    # --- opening ---------------------------------------------------------

    def _open(self) -> None:
        """Open (or create) the file. Another process may be creating the same library at
        this moment: SQLite answers some steps of that (the switch to WAL) with "busy" at
        once instead of waiting, so the whole opening is tried again until the wait is over."""
        if self.path.exists() and not self.path.is_file():
            raise LibraryError(f"cannot open the library {self.path}: it is not a file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"cannot create the library's folder {self.path.parent}: {error.strerror or error}") from None
        deadline = time.monotonic() + self.busy_seconds
        while True:
            try:
                self._open_once()
                return
            except LibraryBusy:
                self.close()
                if time.monotonic() >= deadline:
                    raise
                time.sleep(OPEN_RETRY_SECONDS)

    def _open_once(self) -> None:
        existed = self.path.exists() and self.path.stat().st_size > 0
        with self._errors():
            db = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None, check_same_thread=False)
            self._db = db
            if existed:
                try:
                    self._check_foreign(db)
                except NotALibrary:
                    # A library another process is creating can look so for a moment: read
                    # it again under the write lock, which its creator holds until done.
                    db.execute("BEGIN IMMEDIATE")
                    try:
                        self._check_foreign(db)
                    finally:
                        db.execute("ROLLBACK")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise LibraryError(f"cannot use the library {self.path}: its folder does not allow SQLite's WAL mode")
            db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
            version = schema.user_version(db)
            if version > schema.SCHEMA_VERSION:
                raise LibraryError(
                    f"the library {self.path} was written by a newer reader (schema {version}; this one knows "
                    f"up to {schema.SCHEMA_VERSION}); upgrade the reader to use it"
                )
            self.created = 1 in schema.migrate(db)

    def _check_foreign(self, db: sqlite3.Connection) -> None:
        """Refuse another program's database (it would be altered by our schema)."""
        if schema.application_id(db) not in (0, schema.APPLICATION_ID):
            raise NotALibrary(self.path, "an SQLite database of another program")
        if schema.application_id(db) == 0 and not schema.is_empty(db):
            raise NotALibrary(self.path, "an SQLite database of another program")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                try:
                    self._db.close()
                finally:
                    self._db = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- errors and transactions -----------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except LibraryError:
            raise
        except sqlite3.Error as error:
            raise self._translate(error) from None

    def _translate(self, error: sqlite3.Error) -> LibraryError:
        code = getattr(error, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        message = str(error)
        if primary in _DAMAGE_CODES or "malformed" in message or "not a database" in message:
            return LibraryDamaged(self.path, message)
        if primary in _BUSY_CODES or "locked" in message:
            return LibraryBusy(self.path, self.busy_seconds)
        if primary == sqlite3.SQLITE_READONLY:
            return LibraryError(f"the library {self.path} is read-only ({message})")
        if primary == sqlite3.SQLITE_FULL:
            return LibraryError(f"the disk holding the library {self.path} is full")
        return LibraryError(f"the library {self.path}: {message}")

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise LibraryError(f"the library {self.path} is closed")
        return self._db

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            yield self.db

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside is committed together or not at all."""
        with self._lock, self._errors():
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # --- meta ------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._reading() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self._writing() as db:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    # --- adding ----------------------------------------------------------

    def articles_of_input(self, sha256: str) -> list[Stored]:
        """The articles an input with these bytes gave, as duplicates (none: a new input)."""
        with self._reading() as db:
            found = db.execute(
                "SELECT a.key, a.title FROM articles a JOIN inputs i ON i.id = a.input_id WHERE i.sha256 = ? ORDER BY a.part",
                (sha256,),
            ).fetchall()
        return [Stored("duplicate", key, title) for key, title in found]

    def row_by_url(self, url: str) -> Row | None:
        with self._reading() as db:
            found = db.execute(f"SELECT {_ROW_COLUMNS} {_ROW_FROM} WHERE a.url = ?", (url,)).fetchone()
        return None if found is None else _row(found)

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of `urls` are already an article's address."""
        known: set[str] = set()
        with self._reading() as db:
            for start in range(0, len(urls), 500):
                chunk = list(urls[start : start + 500])
                marks = ",".join("?" * len(chunk))
                known.update(r[0] for r in db.execute(f"SELECT url FROM articles WHERE url IN ({marks})", chunk))
        return known

    def add(self, new: NewInput) -> list[Stored]:
        """Store an input and its articles in one transaction; an article whose content or
        URL is already in the library is reported as a duplicate of that one."""
        now = self.clock()
        results = []
        with self._writing() as db:
            input_id = None  # stored with its first new article: no input is kept for nothing
            for number, article in enumerate(new.articles):
                url = new.url if number == 0 else None  # a page's address belongs to its first article
                same = db.execute(
                    "SELECT key, title FROM articles WHERE content_hash = ? OR (url IS NOT NULL AND url = ?)",
                    (article.content_hash, url),
                ).fetchone()
                if same is not None:
                    results.append(Stored("duplicate", same[0], same[1]))
                    continue
                key = self._new_key(db, article.content_hash)
                input_id = input_id or self._input_id(db, new)
                cursor = db.execute(
                    "INSERT INTO articles (key, content_hash, input_id, part, origin, url, feed_id, site, title, byline,"
                    " date, label, type, heading, clean_version, added)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key, article.content_hash, input_id, article.part, new.origin, url, new.feed_id, new.site,
                        article.title, article.byline, article.date, article.label, article.article_type,
                        article.display_title, article.clean_version, now,
                    ),
                )
                db.execute(
                    "INSERT INTO bodies (article_id, text, document) VALUES (?, ?, ?)",
                    (cursor.lastrowid, article.text, article.document),
                )
                if article.analysis is not None and article.version is not None:
                    db.execute(
                        "INSERT INTO analyses (content_hash, version, data) VALUES (?, ?, ?)",
                        (article.content_hash, article.version, article.analysis),
                    )
                results.append(Stored("added", key, article.title))
        return results

    def _input_id(self, db: sqlite3.Connection, new: NewInput) -> int:
        found = db.execute("SELECT id FROM inputs WHERE sha256 = ?", (new.sha256,)).fetchone()
        if found is not None:
            return int(found[0])
        cursor = db.execute(
            "INSERT INTO inputs (sha256, media, data) VALUES (?, ?, ?)", (new.sha256, new.media, zlib.compress(new.data))
        )
        return int(cursor.lastrowid)

    def _new_key(self, db: sqlite3.Connection, content_hash: str) -> str:
        for length in range(KEY_LENGTH, len(content_hash) + 1):
            key = content_hash[:length]
            if db.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone() is None:
                return key
        raise LibraryError(f"the library {self.path}: no free key for an article")  # pragma: no cover

    # --- reading ---------------------------------------------------------

    def rows(
        self,
        *,
        unread: bool = False,
        starred: bool = False,
        feed: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[Row]:
        """Articles newest first (by their date, else when added), filtered as asked."""
        where, values = self._filters(unread, starred, feed)
        with self._reading() as db:
            found = [_row(r) for r in db.execute(f"SELECT {_ROW_COLUMNS} {_ROW_FROM} {where} {_NEWEST_FIRST}", values)]
        if ids is not None:
            by_id = {row.id: row for row in found}
            return [by_id[i] for i in ids if i in by_id]
        return found

    def _filters(self, unread: bool, starred: bool, feed: str | None) -> tuple[str, list[object]]:
        clauses, values = [], []
        if unread:
            clauses.append("a.read_at IS NULL")
        if starred:
            clauses.append("a.starred = 1")
        if feed is not None:
            clauses.append("a.feed_id IN (SELECT id FROM feeds WHERE url = ? OR title LIKE ? ESCAPE '\\')")
            values += [feed, f"%{_like_escape(feed)}%"]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", values

    def row(self, reference: str) -> Row:
        """The article whose key is `reference`, or starts with it (if only one does)."""
        prefix = reference.strip().lower()
        if not prefix or any(c not in "0123456789abcdef" for c in prefix):
            raise UnknownArticle(f"no article {reference!r} in the library (an ID is a few hex digits, as `reader list` shows)")
        with self._reading() as db:
            found = db.execute(
                f"SELECT {_ROW_COLUMNS} {_ROW_FROM} WHERE a.key >= ? AND a.key < ? ORDER BY length(a.key) LIMIT 3",
                (prefix, prefix + "g"),
            ).fetchall()
        exact = [r for r in found if r[1] == prefix]
        if exact:
            return _row(exact[0])
        if not found:
            raise UnknownArticle(f"no article {reference!r} in the library")
        if len(found) > 1:
            raise UnknownArticle(f"{reference!r} matches several articles ({', '.join(r[1] for r in found)}…); give more of the ID")
        return _row(found[0])

    def count(self) -> int:
        with self._reading() as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def text(self, row: Row) -> str:
        with self._reading() as db:
            found = db.execute("SELECT text FROM bodies WHERE article_id = ?", (row.id,)).fetchone()
        if found is None:
            raise UnknownArticle(f"article {row.key} is no longer in the library")
        return found[0]

    def document(self, row: Row) -> Document:
        with self._reading() as db:
            found = db.execute("SELECT document FROM bodies WHERE article_id = ?", (row.id,)).fetchone()
        if found is None:
            raise UnknownArticle(f"article {row.key} is no longer in the library")
        return unpack_document(found[0])

    def input_bytes(self, row: Row) -> tuple[str, bytes]:
        """The media type and bytes as read of the input `row` came from."""
        with self._reading() as db:
            media, data = db.execute(
                "SELECT i.media, i.data FROM inputs i JOIN articles a ON a.input_id = i.id WHERE a.id = ?", (row.id,)
            ).fetchone()
        return media, zlib.decompress(data)

    # --- search ----------------------------------------------------------

    def search(self, query: str, *, limit: int | None = None, snippets: bool = True) -> list[Hit]:
        """Articles matching `query` (FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*),
        best first by bm25 (title matches weigh more); a query that is not valid FTS5
        syntax is searched as its words, each taken literally."""
        try:
            return self._search(query, limit, snippets)
        except _BadQuery:
            literal = literal_query(query)
        return self._search(literal, limit, snippets) if literal else []

    def _search(self, query: str, limit: int | None, snippets: bool) -> list[Hit]:
        if not query.strip():
            return []
        ranked = self._ranked(query, limit)
        if not ranked:
            return []
        ids = [article_id for article_id, _ in ranked]
        marks = ",".join("?" * len(ids))
        with self._reading() as db:
            rows = {r[0]: _row(r) for r in db.execute(f"SELECT {_ROW_COLUMNS} {_ROW_FROM} WHERE a.id IN ({marks})", ids)}
            found = {}
            if snippets:  # for the rows shown only: a snippet reads the article's text
                sql = (
                    f"SELECT rowid, snippet(search, -1, '{SNIPPET_MARKS[0]}', '{SNIPPET_MARKS[1]}', '…', {SNIPPET_WORDS})"
                    f" FROM search WHERE search MATCH ? AND rowid IN ({marks})"
                )
                found = dict(db.execute(sql, (query, *ids)).fetchall())
        # Snippets keep the article's line breaks; a result is shown on one line.
        return [
            Hit(rows[i], rank, score, " ".join(found.get(i, "").split()))
            for rank, (i, score) in enumerate(ranked, start=1)
            if i in rows
        ]

    def _ranked(self, query: str, limit: int | None) -> list[tuple[int, float]]:
        """(article id, score) of the matches, best first: the index alone, no article read."""
        sql = (
            f"SELECT rowid, -bm25(search, {TITLE_WEIGHT}, {TEXT_WEIGHT}) AS score FROM search"
            " WHERE search MATCH ? ORDER BY score DESC, rowid LIMIT ?"
        )
        with self._lock:
            try:
                return self.db.execute(sql, (query, -1 if limit is None else limit)).fetchall()
            except sqlite3.OperationalError as error:
                translated = self._translate(error)
                if isinstance(translated, (LibraryBusy, LibraryDamaged)):
                    raise translated from None
                raise _BadQuery(str(error)) from None  # FTS5 syntax: unbalanced quote, stray operator…
            except sqlite3.Error as error:
                raise self._translate(error) from None

    def search_ids(self, query: str) -> list[int]:
        """Ids of the articles matching `query`, best first (for a list filter: no rows read)."""
        try:
            ranked = self._ranked(query, None) if query.strip() else []
        except _BadQuery:
            literal = literal_query(query)
            ranked = self._ranked(literal, None) if literal else []
        return [article_id for article_id, _ in ranked]

    # --- marks -----------------------------------------------------------

    def set_read(self, ids: Sequence[int], read: bool) -> None:
        now = self.clock() if read else None
        with self._writing() as db:
            db.executemany(
                "UPDATE articles SET read_at = CASE WHEN ? IS NULL THEN NULL ELSE coalesce(read_at, ?) END WHERE id = ?",
                [(now, now, i) for i in ids],
            )

    def set_starred(self, ids: Sequence[int], starred: bool) -> None:
        with self._writing() as db:
            db.executemany("UPDATE articles SET starred = ? WHERE id = ?", [(int(starred), i) for i in ids])

    def fresh_row(self, row: Row) -> Row:
        with self._reading() as db:
            found = db.execute(f"SELECT {_ROW_COLUMNS} {_ROW_FROM} WHERE a.id = ?", (row.id,)).fetchone()
        if found is None:
            raise UnknownArticle(f"article {row.key} is no longer in the library")
        return _row(found)

    # --- reading positions -----------------------------------------------

    def position(self, key: str) -> int | None:
        """The sentence last read in the article whose text has this `article_key`."""
        with self._reading() as db:
            found = db.execute("SELECT sentence FROM positions WHERE key = ?", (key,)).fetchone()
        return None if found is None else int(found[0])

    def remember(self, key: str, sentence: int) -> None:
        with self._writing() as db:
            db.execute(
                "INSERT INTO positions (key, sentence, updated) VALUES (?, ?, ?)"
                " ON CONFLICT(key) DO UPDATE SET sentence = excluded.sentence, updated = excluded.updated",
                (key, sentence, self.clock()),
            )

    def import_positions(self, positions: Sequence[tuple[str, int]], marker: str) -> int:
        """Positions from the older store, each kept unless one is already known; `marker`
        is recorded in the same transaction so they are imported once."""
        with self._writing() as db:
            before = db.total_changes
            db.executemany(
                "INSERT OR IGNORE INTO positions (key, sentence, updated) VALUES (?, ?, ?)",
                [(key, sentence, self.clock()) for key, sentence in positions],
            )
            imported = db.total_changes - before
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('positions-migrated', ?)", (marker,))
        return imported

    # --- the analysis cache ----------------------------------------------

    def cached(self, content_hash: str) -> tuple[str, bytes] | None:
        """(pipeline version, packed analysis) cached for the article, if any."""
        with self._reading() as db:
            found = db.execute("SELECT version, data FROM analyses WHERE content_hash = ?", (content_hash,)).fetchone()
        return None if found is None else (found[0], found[1])

    def store_analysis(self, row: Row, version: str, data: bytes, article_type: str | None) -> None:
        """Cache an analysis of `row` (replacing any older version's)."""
        with self._writing() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (row.id,)).fetchone() is None:
                return  # removed meanwhile
            db.execute(
                "INSERT INTO analyses (content_hash, version, data) VALUES (?, ?, ?)"
                " ON CONFLICT(content_hash) DO UPDATE SET version = excluded.version, data = excluded.data",
                (row.content_hash, version, data),
            )
            db.execute("UPDATE articles SET type = ? WHERE id = ?", (article_type, row.id))

    def recleaned(self, row: Row, article: NewArticle) -> Row:
        """Replace a row's cleaned text and fields with a newer cleaning's (its key, marks and
        reading position stay); when the new text equals another article's, keep the old."""
        with self._writing() as db:
            clash = db.execute(
                "SELECT 1 FROM articles WHERE content_hash = ? AND id != ?", (article.content_hash, row.id)
            ).fetchone()
            if clash is not None:
                return row
            old_title, old_text = db.execute(
                "SELECT coalesce(a.title, ''), b.text FROM articles a JOIN bodies b ON b.article_id = a.id WHERE a.id = ?", (row.id,)
            ).fetchone()
            # The index follows by hand: an update is rare, and touches both tables.
            db.execute("INSERT INTO search(search, rowid, title, text) VALUES ('delete', ?, ?, ?)", (row.id, old_title, old_text))
            db.execute(
                "UPDATE articles SET content_hash = ?, heading = ?, title = ?, byline = ?, date = ?, label = ?,"
                " clean_version = ?, type = NULL WHERE id = ?",
                (article.content_hash, article.display_title, article.title, article.byline, article.date,
                 article.label, article.clean_version, row.id),
            )
            db.execute("UPDATE bodies SET text = ? WHERE article_id = ?", (article.text, row.id))
            db.execute(
                "INSERT INTO search(rowid, title, text) VALUES (?, ?, ?)", (row.id, article.title or "", article.text)
            )
            db.execute("DELETE FROM analyses WHERE content_hash = ?", (article.content_hash,))
            db.execute(
                "INSERT OR IGNORE INTO positions (key, sentence, updated) SELECT ?, sentence, updated FROM positions WHERE key = ?",
                (article_key(article.text), article_key(old_text)),
            )
        return self.fresh_row(row)

    # --- removing --------------------------------------------------------

    def remove(self, ids: Sequence[int]) -> int:
        """Delete articles (their cached analyses, and inputs no other article came from)."""
        with self._writing() as db:
            removed = 0
            for article_id in ids:
                found = db.execute("SELECT input_id FROM articles WHERE id = ?", (article_id,)).fetchone()
                if found is None:
                    continue
                db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
                db.execute("DELETE FROM inputs WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE input_id = ?)", (found[0], found[0]))
                removed += 1
        return removed

    # --- feeds -----------------------------------------------------------

    def subscribe(self, url: str, title: str | None = None, link: str | None = None) -> tuple[Feed, bool]:
        """The feed at `url`, subscribed (again); True when it was not subscribed before."""
        with self._writing() as db:
            found = db.execute("SELECT subscribed FROM feeds WHERE url = ?", (url,)).fetchone()
            if found is None:
                db.execute("INSERT INTO feeds (url, title, link, added) VALUES (?, ?, ?, ?)", (url, title, link, self.clock()))
            else:
                db.execute(
                    "UPDATE feeds SET subscribed = 1, title = coalesce(?, title), link = coalesce(?, link) WHERE url = ?",
                    (title, link, url),
                )
        return self.feed(url), found is None or not found[0]

    def feeds(self, *, subscribed: bool = True) -> list[Feed]:
        sql = (
            "SELECT f.id, f.url, f.title, f.link, f.etag, f.last_modified, f.added, f.checked, f.failure, f.subscribed,"
            " count(a.id), count(a.id) - count(a.read_at) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id"
            f" {'WHERE f.subscribed = 1' if subscribed else ''} GROUP BY f.id ORDER BY lower(coalesce(f.title, f.url)), f.id"
        )
        with self._reading() as db:
            return [_feed(r) for r in db.execute(sql)]

    def feed(self, reference: str) -> Feed:
        """A subscribed feed by its number, URL, or (a unique part of) its title."""
        every = self.feeds(subscribed=False)
        subscribed = [f for f in every if f.subscribed]
        for feed in every:
            if feed.url == reference:
                return feed
        if reference.isdigit():
            for feed in subscribed:
                if feed.id == int(reference):
                    return feed
        named = [f for f in subscribed if f.title and reference.casefold() in f.title.casefold()]
        if len(named) == 1:
            return named[0]
        if named:
            raise LibraryError(f"{reference!r} names several feeds ({', '.join(f.display_title for f in named[:3])}); give its URL or number")
        raise LibraryError(f"no feed {reference!r} among the subscriptions (see `reader feed list`)")

    def unsubscribe(self, feed: Feed) -> None:
        """Stop refreshing a feed; its articles stay, with its name."""
        with self._writing() as db:
            db.execute("UPDATE feeds SET subscribed = 0, etag = NULL, last_modified = NULL WHERE id = ?", (feed.id,))

    def feed_checked(
        self,
        feed: Feed,
        *,
        failure: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        link: str | None = None,
        validators: bool = False,
    ) -> None:
        """Record a refresh of `feed`: its failure, or (with `validators`) the ETag and
        Last-Modified of the response whose entries are now all stored."""
        with self._writing() as db:
            db.execute(
                "UPDATE feeds SET checked = ?, failure = ?, title = coalesce(?, title), link = coalesce(?, link) WHERE id = ?",
                (self.clock(), failure, title, link, feed.id),
            )
            if validators:
                db.execute("UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?", (etag, last_modified, feed.id))


class _BadQuery(Exception):
    """A search query SQLite's FTS5 cannot parse."""


def _row(r: Sequence) -> Row:
    return Row(
        id=r[0], key=r[1], content_hash=r[2], title=r[3], date=r[4], origin=r[5], url=r[6], feed=r[7], site=r[8],
        label=r[9], type=r[10], read_at=r[11], starred=bool(r[12]), added=r[13], part=r[14], clean_version=r[15],
        heading=r[16],
    )


def _feed(r: Sequence) -> Feed:
    return Feed(
        id=r[0], url=r[1], title=r[2], link=r[3], etag=r[4], last_modified=r[5], added=r[6], checked=r[7],
        failure=r[8], subscribed=bool(r[9]), articles=r[10], unread=r[11],
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def literal_query(query: str) -> str:
    """`query` as FTS5 text in which every word is a literal term (quotes doubled)."""
    words = query.replace('"', " ").split()
    return " ".join(f'"{word}"' for word in words)
