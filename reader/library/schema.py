"""The library's tables, its full-text index, and the migrations between schema versions.

The schema version is SQLite's `PRAGMA user_version`; `application_id` marks the file
as a reader library, so another program's database is refused instead of altered.
Each migration runs in one transaction: a library is at one version or the next.

Tables:
- `inputs`: the bytes as read (a file, a web page's original HTML, a feed entry's
  content), compressed, once per distinct content (sha256).
- `articles`: one row per article: where it came from (`origin` path or URL, `url`,
  `feed_id`), its header fields, the short stable `key` users type, `heading` (what
  stands for the title of an untitled article: the text's first line), read/starred marks and times.
- `bodies`: each article's cleaned text and the decoded document it was cleaned from
  (to clean it again under a newer cleaning version), apart so lists stay small. `content_hash` (of the header fields and cleaned
  text) and `url` are unique: the same article added twice is one article.
- `analyses`: the cached analysis of each article (the engine's JSON with everything an
  exact rebuild needs), with the pipeline version that made it.
- `positions`: the last sentence read, by a hash of the text (`storage.article_key`),
  for library articles and for
  files opened without adding them (migrated from the older reading-state store).
- `feeds`: subscriptions, with the validators of conditional requests; `subscribed = 0`
  keeps a removed feed's name on the articles it brought.
- `search`: an FTS5 index over titles and text (of the `searchable` view), kept in
  step by triggers.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4E575244  # "NWRD"

_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    link TEXT,
    etag TEXT,
    last_modified TEXT,
    added REAL NOT NULL,
    checked REAL,
    failure TEXT,
    subscribed INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE inputs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    media TEXT NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    input_id INTEGER NOT NULL REFERENCES inputs(id),
    part INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL,
    url TEXT UNIQUE,
    feed_id INTEGER REFERENCES feeds(id),
    site TEXT,
    title TEXT,
    byline TEXT,
    date TEXT,
    label TEXT,
    type TEXT,
    heading TEXT,
    clean_version TEXT NOT NULL,
    added REAL NOT NULL,
    read_at REAL,
    starred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_feed ON articles(feed_id);
CREATE INDEX articles_input ON articles(input_id);
CREATE INDEX articles_newest ON articles(coalesce(date, date(added, 'unixepoch')) DESC, added DESC);

CREATE TABLE analyses (
    content_hash TEXT PRIMARY KEY
        REFERENCES articles(content_hash) ON DELETE CASCADE ON UPDATE CASCADE,
    version TEXT NOT NULL,
    data BLOB NOT NULL
);

-- The long columns apart: listing ten thousand articles reads small rows only.
CREATE TABLE bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    document BLOB NOT NULL
);

CREATE TABLE positions (
    key TEXT PRIMARY KEY,
    sentence INTEGER NOT NULL,
    updated REAL NOT NULL
);

CREATE VIEW searchable AS
    SELECT a.id AS id, coalesce(a.title, '') AS title, b.text AS text FROM articles a JOIN bodies b ON b.article_id = a.id;
CREATE VIRTUAL TABLE search USING fts5(
    title, text, content='searchable', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
-- An article is indexed once its body is stored (same transaction), and taken out of
-- the index before its row goes (its body still there to say what to take out).
CREATE TRIGGER body_indexed AFTER INSERT ON bodies BEGIN
    INSERT INTO search(rowid, title, text)
        VALUES (new.article_id, (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id), new.text);
END;
CREATE TRIGGER article_unindexed BEFORE DELETE ON articles BEGIN
    INSERT INTO search(search, rowid, title, text)
        SELECT 'delete', old.id, coalesce(old.title, ''), text FROM bodies WHERE article_id = old.id;
END;
"""

# (version it brings the library to, the SQL); a later schema adds an entry, never edits one.
MIGRATIONS: tuple[tuple[int, str], ...] = ((1, _V1),)
SCHEMA_VERSION = MIGRATIONS[-1][0]


def user_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def application_id(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def is_empty(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0


def migrate(db: sqlite3.Connection) -> list[int]:
    """Bring the schema to SCHEMA_VERSION, one transaction per step; the steps applied.

    The connection is in autocommit mode (isolation_level=None); each step is BEGIN
    IMMEDIATE … COMMIT, so two processes opening a new library do not both create it.
    """
    applied = []
    for version, sql in MIGRATIONS:
        if user_version(db) >= version:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            if user_version(db) >= version:  # another process migrated while we waited
                db.execute("ROLLBACK")
                continue
            for statement in _statements(sql):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def _statements(sql: str) -> list[str]:
    """The statements of a script (triggers hold `;` inside BEGIN … END)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
