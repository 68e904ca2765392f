"""The library file: schema, deduplication, IDs, marks, reading positions (and their
migration from the older store), the analysis cache, and damaged or foreign files."""

from __future__ import annotations

import sqlite3
import threading
import time
import pytest

from library_support import write_articles
from reader.library import schema
from reader.library.cache import open_article, remember_analysis
from reader.library.errors import LibraryBusy, LibraryDamaged, LibraryError, NotALibrary, UnknownArticle
from reader.library.importer import import_sources, sources_from_paths
from reader.library.location import library_path, open_library
from reader.library.store import Library
from reader.library.versions import pipeline_version
from reader.storage import ReadingState, article_key


def _add(library: Library, paths, analyse: bool = False):
    return list(import_sources(library, sources_from_paths([str(p) for p in paths]), analyse=analyse, workers=0))


def test_new_library_has_the_schema_version_wal_and_foreign_keys(library, library_file):
    db = sqlite3.connect(library_file)
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert library.created


def test_library_path_follows_the_option_then_the_variable_then_the_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    assert library_path() == tmp_path / "data" / "library.sqlite3"
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env.sqlite3"))
    assert library_path() == tmp_path / "env.sqlite3"
    assert library_path(str(tmp_path / "given.sqlite3")) == tmp_path / "given.sqlite3"
    monkeypatch.delenv("READER_LIBRARY")
    monkeypatch.setenv("READER_DATA_DIR", "off")
    assert library_path() is None


def test_the_same_file_added_twice_or_copied_is_one_article(library, tmp_path):
    first = write_articles(tmp_path / "a", 3)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(first[0].read_bytes())
    added = _add(library, first)
    again = _add(library, [*first, copy])
    assert [s.status for o in added for s in o.stored] == ["added"] * 3
    assert all(s.status == "duplicate" for o in again for s in o.stored)
    assert library.count() == 3


def test_ids_are_short_stable_and_a_unique_prefix_finds_the_article(library, tmp_path):
    _add(library, write_articles(tmp_path, 5))
    rows = library.rows()
    assert all(len(row.key) == 6 and row.key == row.content_hash[:6] for row in rows)
    assert library.row(rows[0].key[:4]).id == rows[0].id or len({r.key[:4] for r in rows}) < len(rows)
    assert library.row(rows[1].key.upper()).id == rows[1].id
    with pytest.raises(UnknownArticle):
        library.row("zz")
    with pytest.raises(UnknownArticle):
        library.row("0000000")
    # Stable: reopening the library gives the same keys.
    keys = [row.key for row in rows]
    library.close()
    with Library(library.path) as again:
        assert [row.key for row in again.rows()] == keys


def test_rows_are_newest_first_and_marks_are_kept(library, tmp_path):
    paths = write_articles(tmp_path, 3)
    paths[1].write_text("Dated story\n\nMay 6, 2024\n\nThe council met. It agreed on the plan at last.\n", encoding="utf-8")
    _add(library, paths)
    rows = library.rows()
    dated = next(r for r in rows if r.date == "2024-05-06")
    assert rows[-1].id == dated.id  # undated rows count as added today: newer
    library.set_starred([dated.id], True)
    library.set_read([rows[0].id], True)
    assert [r.id for r in library.rows(starred=True)] == [dated.id]
    assert rows[0].id not in [r.id for r in library.rows(unread=True)]
    library.set_read([rows[0].id], False)
    assert library.fresh_row(rows[0]).read_at is None


def test_positions_of_the_older_store_are_moved_in_once(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    old = ReadingState(tmp_path / "state.sqlite3")
    old.remember(article_key("first article"), 7)
    old.remember(article_key("second article"), 3)
    old.close()
    with open_library(tmp_path / "library.sqlite3") as library:
        assert library.migrated_positions == 2
        assert library.position(article_key("first article")) == 7
        library.remember(article_key("first article"), 9)
    with open_library(tmp_path / "library.sqlite3") as library:
        assert library.migrated_positions == 0  # once: a later position is not overwritten
        assert library.position(article_key("first article")) == 9
    assert (tmp_path / "state.sqlite3").exists()  # the old file is left as it was


def test_a_damaged_older_store_does_not_stop_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    (tmp_path / "state.sqlite3").write_bytes(b"garbage, not a database" * 100)
    with open_library(tmp_path / "library.sqlite3") as library:
        assert library.migrated_positions == 0
        assert library.meta("positions-migrated").startswith("skipped")


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"this is not an SQLite file at all\n" * 200),
        lambda path: path.write_bytes(path.read_bytes()[:3000]),  # truncated
        lambda path: path.write_bytes(path.read_bytes()[:100] + b"\xff" * 4000 + path.read_bytes()[4100:]),
    ],
    ids=["garbage", "truncated", "overwritten-pages"],
)
def test_a_damaged_library_gives_a_clear_error_naming_the_file_and_changes_nothing(tmp_path, damage):
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library:
        _add(library, write_articles(tmp_path / "in", 30))
    damage(path)
    before = path.read_bytes()
    with pytest.raises(LibraryError) as raised, open_library(path) as library:
        library.rows()
        library.search("harbour")
    message = str(raised.value)
    assert str(path) in message and "\n" not in message
    if isinstance(raised.value, LibraryDamaged):
        assert "mv" in message and ".recover" in message
    assert path.read_bytes() == before


def test_another_programs_database_and_a_folder_are_refused(tmp_path):
    foreign = tmp_path / "other.sqlite3"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(NotALibrary, match="not a reader library"):
        Library(foreign)
    (tmp_path / "folder").mkdir()
    with pytest.raises(LibraryError, match="not a file"):
        Library(tmp_path / "folder")


def test_a_library_of_a_newer_schema_is_refused(library_file):
    Library(library_file).close()
    db = sqlite3.connect(library_file)
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(LibraryError, match="newer reader"):
        Library(library_file)


def test_a_second_writer_waits_for_the_first_then_says_the_library_is_busy(library_file, tmp_path):
    Library(library_file).close()
    holder = sqlite3.connect(library_file, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    paths = write_articles(tmp_path, 1)
    with Library(library_file, busy_seconds=0.3) as impatient:
        began = time.monotonic()
        with pytest.raises(LibraryBusy, match=str(library_file)):
            _add(impatient, paths)
        assert time.monotonic() - began >= 0.25  # it waited first
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    with Library(library_file, busy_seconds=10) as patient:
        assert [s.status for o in _add(patient, paths) for s in o.stored] == ["added"]
    holder.close()


def test_a_cached_analysis_reopens_without_computing_anything(library, tmp_path, monkeypatch):
    from summaries import analysis as engine

    _add(library, write_articles(tmp_path, 1), analyse=True)
    row = library.rows()[0]
    assert library.cached(row.content_hash)[0] == pipeline_version()
    monkeypatch.setattr(engine, "COMPUTE", {name: _refuse for name in engine.COMPUTE})
    opened = open_article(library, row)
    assert opened.cached and all(opened.analysis.ready(s) for s in ("sources", "summary", "stance"))
    assert opened.analysis.summary  # read from the cache, not computed


def test_a_newer_engine_keeps_the_cleaned_article_and_analyses_again(library, tmp_path, monkeypatch):
    from reader.library import cache

    _add(library, write_articles(tmp_path, 1), analyse=True)
    row = library.rows()[0]
    monkeypatch.setattr(cache, "pipeline_version", lambda: pipeline_version() + "-newer")
    opened = open_article(library, row)
    assert not opened.cached and not opened.analysis.ready("summary")
    assert opened.analysis.article.text == library.text(row)
    opened.analysis.compute(("sources", "summary", "stance"))
    assert remember_analysis(library, row, opened.analysis)
    assert library.cached(row.content_hash)[0] == pipeline_version() + "-newer"


def test_a_newer_cleaning_cleans_the_stored_document_again_keeping_key_and_marks(library, tmp_path, monkeypatch):
    from reader.library import cache

    _add(library, write_articles(tmp_path, 1))
    row = library.rows()[0]
    library.set_starred([row.id], True)
    monkeypatch.setattr(cache, "cleaning_version", lambda: "c-newer")
    monkeypatch.setattr(cache, "pipeline_version", lambda: "c-newer+" + pipeline_version().split("+", 1)[1])
    opened = open_article(library, row)
    assert opened.row.clean_version == "c-newer" and opened.row.key == row.key and opened.row.starred
    library.db.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # the index followed
    assert [hit.row.id for hit in library.search("harbour")] == [row.id]


def test_an_article_stored_without_analysis_opens_without_cleaning(library, tmp_path, monkeypatch):
    import reader.pipeline

    _add(library, write_articles(tmp_path, 1))
    row = library.rows()[0]
    monkeypatch.setattr(reader.pipeline, "clean_document", lambda document: pytest.fail("cleaned again"))
    opened = open_article(library, row)
    assert not opened.cached and opened.analysis.article.text == library.text(row)
    assert opened.analysis.summary  # computed now


def test_remove_deletes_the_article_its_cache_and_its_input(library, tmp_path):
    _add(library, write_articles(tmp_path, 2), analyse=True)
    first = library.rows()[0]
    assert library.remove([first.id]) == 1
    counts = [library.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "analyses", "inputs")]
    assert counts == [1, 1, 1]
    assert library.search("harbour") and all(hit.row.id != first.id for hit in library.search("harbour"))


def _refuse(analysis):
    raise AssertionError("a stage was computed although it was cached")
