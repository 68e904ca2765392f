"""Reading state kept between runs: where the reader was in each article.

Stored in SQLite under the platform's user data directory. `READER_DATA_DIR`
overrides the directory; `READER_DATA_DIR=off` keeps nothing (tests, read-only
machines). Articles are keyed by a hash of their cleaned text, so moving a file
keeps its place and editing it starts afresh.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "news-reader"


def article_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_state_path() -> Path | None:
    override = os.environ.get("READER_DATA_DIR")
    if override == "off":
        return None
    base = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return base / "state.sqlite3"


class ReadingState:
    """Last sentence read per article. Any storage failure degrades to not remembering."""

    def __init__(self, path: Path | None) -> None:
        self._db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._db.execute("CREATE TABLE IF NOT EXISTS position (article TEXT PRIMARY KEY, sentence INTEGER NOT NULL)")
            self._db.commit()
        except (OSError, sqlite3.Error):
            self._db = None

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
