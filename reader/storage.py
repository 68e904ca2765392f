"""Reading state kept between runs: where the reader was in each article.

Stored in SQLite under the platform's user data directory. `READER_DATA_DIR`
overrides the directory; `READER_DATA_DIR=off` keeps nothing (tests, read-only
machines). Articles are keyed by a hash of their cleaned text, so moving a file
keeps its place and editing it starts afresh.

A damaged store (not SQLite, truncated, corrupt, or another program's tables) is
moved aside to `state.sqlite3.damaged-<UTC time>` and a fresh one started; anything
else that stops the store (a directory in its place, no permission) is left as it
is. Either way `problem` holds one line saying so, for the reader to show once.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "news-reader"
POSITION_COLUMNS = ("article", "sentence")
# SQLite's own files beside the database (write-ahead log, shared memory): a
# damaged database's must move with it, or they would be replayed into the fresh one.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_DAMAGE_CODES = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def article_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_state_path() -> Path | None:
    override = os.environ.get("READER_DATA_DIR")
    if override == "off":
        return None
    base = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return base / "state.sqlite3"


class DamagedStore(Exception):
    """The file is not (or no longer) a reading-state database."""


class ReadingState:
    """Last sentence read per article. Any storage failure degrades to not remembering."""

    def __init__(self, path: Path | None, timeout: float = 5.0) -> None:
        """`timeout`: seconds to wait for another reader that holds the store's lock."""
        self._db: sqlite3.Connection | None = None
        self.problem: str | None = None  # one line for the user, when the store is not what it should be
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir():
                self.problem = f"reading positions are not kept: {path} is a directory, not the state file (move it away)"
                return
            try:
                self._db = _open(path, timeout)
            except DamagedStore as damage:
                aside = _move_aside(path)
                self._db = _open(path, timeout)
                self.problem = f"reading state {path} {damage}: moved to {aside.name}, started afresh"
        except (OSError, sqlite3.Error, DamagedStore) as error:
            self._db = None
            self.problem = f"reading positions are not kept: {path} cannot be used ({_describe(error)})"

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def position(self, key: str) -> int | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT sentence FROM position WHERE article = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else int(row[0])

    def remember(self, key: str, sentence: int) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT INTO position (article, sentence) VALUES (?, ?) "
                "ON CONFLICT(article) DO UPDATE SET sentence = excluded.sentence",
                (key, sentence),
            )
            self._db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _open(path: Path, timeout: float) -> sqlite3.Connection:
    """The store at `path`, checked and in write-ahead-log mode; raises DamagedStore."""
    db = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer; the first read of a non-database fails here
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise DamagedStore(f"is damaged (integrity check: {verdict})")
        _check_schema(db)
        db.execute("CREATE TABLE IF NOT EXISTS position (article TEXT PRIMARY KEY, sentence INTEGER NOT NULL)")
        db.commit()
    except sqlite3.DatabaseError as error:
        db.close()
        if getattr(error, "sqlite_errorname", None) in _DAMAGE_CODES:
            raise DamagedStore(f"is damaged ({error})") from None
        raise
    except DamagedStore:
        db.close()
        raise
    return db


def _check_schema(db: sqlite3.Connection) -> None:
    """The reader's table with its own columns, or an empty database: another program's
    database is not ours to write. (Tables a later version adds are left alone.)"""
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if tables and "position" not in tables:
        raise DamagedStore(f"holds another program's tables ({', '.join(sorted(tables))})")
    if "position" in tables:
        columns = tuple(row[1] for row in db.execute("PRAGMA table_info(position)"))
        if columns != POSITION_COLUMNS:
            raise DamagedStore(f"has a position table with other columns ({', '.join(columns)})")


def _move_aside(path: Path) -> Path:
    """Rename the damaged store (and SQLite's files beside it) out of the way; nothing is deleted."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.rename(aside)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(error)
