"""The reader reopens an article where it was left (kept in the library: reader/library/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.screens import main as main_screen
from reader.app.screens.main import MainScreen
from reader.library.store import Library
from reader.storage import article_key

from tui_support import make_app, pilot_test, settle


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


async def _read_to(paths: list[str], presses: int) -> tuple[int, str]:
    """Open the first article, move the article cursor down `presses` sentences, quit."""
    app = make_app(paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        screen.view.focus()
        await pilot.press(*["j"] * presses)
        await settle(pilot)
        cursor = screen.view.cursor
        key = article_key(screen.articles[0].text)
    return cursor, key


@pilot_test
async def test_reopening_an_article_restores_its_sentence_cursor(seed_paths, data_dir, monkeypatch):
    # No debounced write while reading: the position must be the one written on quit.
    monkeypatch.setattr(main_screen, "REMEMBER_AFTER_SECONDS", 3600.0)
    left_at, key = await _read_to(seed_paths[:1], 6)
    assert left_at == 6
    with Library(data_dir / "library.sqlite3") as stored:
        assert stored.position(key) == left_at  # written on quit, no waiting for the debounce

    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        view = screen.view
        assert view.cursor == left_at  # not moved to the first summary item when the analysis arrived
        sentence = view.article.sentences[left_at]
        assert view.line_of(sentence.start) in view.visible_lines()
        assert f"sentence {left_at + 1}/" in str(screen.status_content())


@pilot_test
async def test_switching_articles_remembers_the_position_of_the_one_left(seed_paths, data_dir):
    app = make_app(seed_paths[:2])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        screen.view.focus()
        await pilot.press("j", "j", "j")
        await settle(pilot)
        first_key = article_key(screen.articles[0].text)
        await pilot.press("n")
        await settle(pilot)
        assert screen.current == 1
        assert screen.reading.position(first_key) == 3
        await pilot.press("p")
        await settle(pilot)
        assert screen.current == 0 and screen.view.cursor == 3


@pilot_test
async def test_reading_state_off_keeps_nothing(seed_paths, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", "off")
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not app.screen.reading.enabled


@pilot_test
async def test_a_damaged_library_is_said_on_the_status_line_and_after_closing(seed_paths, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "library.sqlite3").write_text("not a database, just words someone saved here\n")
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert screen.articles and screen.summary_list.items  # reading goes on
        assert "positions not kept" in screen.status_content().plain
    assert len(app.closing_notes) == 1 and "library.sqlite3 is damaged" in app.closing_notes[0]
    assert (data_dir / "library.sqlite3").read_text().startswith("not a database")  # left as it was
