"""The reader on the library: marks, newest first, the list's full-text filter, the
library keys (s, m, r, u), reopening from the cache, and `reader` with no arguments."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.launch import library_app
from reader.app.screens.add_url import AddUrlScreen
from reader.app.screens.main import MainScreen
from reader.library.importer import import_sources, sources_from_paths
from reader.library.location import open_library
from reader.library.store import Library

from tui_support import pilot_test, settle

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "library"))
from local_server import LocalServer, page, rss  # noqa: E402

FIXED_TIME = 1_700_000_000.0  # 2023-11-14: rows without a date of their own show this day


def make_library(path: Path, seed_paths: list[str], analyse: bool = False):
    library = open_library(path, clock=lambda: FIXED_TIME)
    list(import_sources(library, sources_from_paths(seed_paths), analyse=analyse, workers=0))
    library.set_meta("seeded", "yes")
    return library


def library_reader(library, **kwargs) -> ReaderApp:
    app = ReaderApp(paths=[], library=library, **kwargs)
    app.animation_level = "none"
    return app


@pytest.fixture
def library(tmp_path, seed_paths):
    return make_library(tmp_path / "library.sqlite3", seed_paths)


@pilot_test
async def test_the_library_lists_newest_first_with_unread_marks_and_opens_the_first(library):
    app = library_reader(library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        rows = [screen.open[i].row for i in screen.library.shown]
        dates = [row.date or "2023-11-14" for row in rows]
        assert dates == sorted(dates, reverse=True) and len(rows) == library.count()
        assert screen.current == screen.library.shown[0]
        # Opening marks read; the others stay unread.
        assert screen.open[screen.current].row.read and library.rows(unread=True) and all(
            not r.read for r in library.rows(unread=True)
        )
        entries = screen.library.rows.entries
        assert entries[0].marks == "  " and all(e.marks == "● " for e in entries[1:])


@pilot_test
async def test_s_stars_and_m_marks_unread_and_both_are_kept(library):
    app = library_reader(library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        current = screen.open[screen.current].row.id
        await pilot.press("s", "m")
        await settle(pilot)
        assert screen.library.rows.entries[0].marks == "●★"
    with Library(library.path) as again:  # the app closed its library on exit
        row = next(r for r in again.rows() if r.id == current)
    assert row.starred and not row.read


@pilot_test
async def test_slash_in_the_list_searches_the_library(library):
    app = library_reader(library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        screen.library.rows.focus()
        await pilot.press("slash", *"zoom")
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
        shown = [screen.open[i].row.title for i in screen.library.shown]
        assert shown and "Zoom" in shown[0]
        assert [h.row.id for h in library.search("zoom*")] == [screen.open[i].row.id for i in screen.library.shown]
        await pilot.press("enter")
        await settle(pilot)
        assert "Zoom" in screen.view.article.title


@pilot_test
async def test_reopening_an_analysed_article_comes_from_the_cache(tmp_path, seed_paths, monkeypatch):
    from summaries import analysis as engine

    library = make_library(tmp_path / "library.sqlite3", seed_paths[:2], analyse=True)

    def refuse(analysis):
        raise AssertionError("computed although cached")

    monkeypatch.setattr(engine, "COMPUTE", {name: refuse for name in engine.COMPUTE})
    app = library_reader(library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        began = time.perf_counter()
        screen.open_article(screen.library.shown[1])
        opened = time.perf_counter() - began
        await settle(pilot)
        assert screen.summary_list.items and screen.analysis.ready("stance")
        assert opened < 1.0  # generous: the benchmark measures it; here no stage ran at all


@pilot_test
async def test_r_refreshes_the_feeds_and_lists_the_new_articles(library):
    server = LocalServer().start()
    try:
        body = "".join(f"<p>{'The ferry will run every hour from May, the operator said on Friday. ' * 12}</p>" for _ in range(3))
        url = server.route("/feed.xml", rss("Ferry News", [{"title": "Ferry timetable", "link": server.url("/ferry"), "description": "x", "content": body}]), content_type="application/rss+xml")
        library.subscribe(url)
        before = library.count()
        app = library_reader(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            screen: MainScreen = app.screen
            await pilot.press("r")
            await settle(pilot)
            await pilot.pause(0.2)
            await settle(pilot)
            assert screen.library_store.count() == before + 1
            titles = [screen.open[i].row.title for i in screen.library.shown]
            assert "Ferry timetable" in titles and screen.refreshing is None
    finally:
        server.stop()


@pilot_test
async def test_u_adds_a_web_page_and_opens_it(library):
    server = LocalServer().start()
    try:
        url = server.route("/story.html", page("Lighthouse repainted", ["The lighthouse was repainted red and white for the first time since 1990.", "Visitors can climb it again from June."]))
        app = library_reader(library)
        async with app.run_test(size=(160, 50)) as pilot:
            await settle(pilot)
            await pilot.press("u")
            await settle(pilot)
            assert isinstance(app.screen, AddUrlScreen)
            await pilot.press(*url, "enter")
            await settle(pilot)
            await pilot.pause(0.2)
            await settle(pilot)
            screen: MainScreen = app.screen
            assert screen.view.article.title == "Lighthouse repainted"
            assert screen.library_store.row_by_url(url) is not None
    finally:
        server.stop()


@pilot_test
async def test_without_a_library_the_library_keys_do_nothing(seed_paths):
    from tui_support import make_app

    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("u", "s", "m", "r")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.refreshing is None


def test_reader_with_no_arguments_adds_the_samples_on_first_run_only(tmp_path, monkeypatch, seed_paths):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path))
    app = library_app(None, [])
    try:
        assert app is not None and app.library.count() == 9  # the four samples hold nine articles
        key = app.library.rows()[0].key
        app.library.remove([app.library.row(key).id])
    finally:
        app.library.close()
    again = library_app(None, [])
    try:
        assert again.library.count() == 8  # not added again: what the reader removed stays removed
    finally:
        again.library.close()
    monkeypatch.setenv("READER_DATA_DIR", "off")
    assert library_app(None, []) is None  # no library: `reader` shows the samples as files


def test_add_opens_the_files_added_and_those_already_there(tmp_path, seed_paths, capsys):
    library_file = str(tmp_path / "library.sqlite3")
    first = library_app(library_file, seed_paths[:1])
    try:
        assert first.library.count() == len(first.scope) == 1
    finally:
        first.library.close()
    again = library_app(library_file, seed_paths[:2])  # the first is in already: still shown
    try:
        assert again.library.count() == 2 and len(again.scope) == 2
        assert again.library.meta("seeded") is None  # --add never adds the samples
    finally:
        again.library.close()
