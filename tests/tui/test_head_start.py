"""The head start (reader/app/headstart.py): a second process cleans and summarises the
first input document while the UI starts; the app shows exactly what it would have
made itself, and does the work itself whenever the head start cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import headstart
from reader.app.headstart import HeadStart
from reader.app.launch import reader_app
from reader.app.screens.main import MainScreen
from reader.cleaning import clean
from reader.ingest import iter_documents
from summaries.analysis import analyse

from tui_support import pilot_test, settle


@pytest.fixture(params=["fork", "spawn"], autouse=True)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with a forked process and with a fresh interpreter."""
    monkeypatch.setattr(headstart, "_can_fork", lambda: request.param == "fork")
    return request.param


@pytest.fixture
def collected(monkeypatch: pytest.MonkeyPatch) -> list:
    """What each HeadStart.result() call returned to the app."""
    results: list = []
    original = HeadStart.result

    def spy(self, timeout):
        results.append(original(self, timeout))
        return results[-1]

    monkeypatch.setattr(HeadStart, "result", spy)
    return results


def _article(path: Path, opening: str) -> str:
    path.write_text(
        f"{opening} The council met on Monday to decide the budget.\n\n"
        "The mayor said the plan would cut costs. Critics disagreed with her.\n\n"
        "A vote is expected next week, officials said.\n",
        encoding="utf-8",
    )
    return str(path)


def test_head_start_makes_what_the_app_would_make_itself(seed_paths):
    head = HeadStart.begin(seed_paths, "default", 5 * 1024 * 1024)
    assert head is not None
    made = head.result(timeout=60)
    assert made is not None
    document = next(iter(iter_documents(seed_paths)))
    assert made.document == document
    assert [a.text for a in made.articles] == [a.text for a in clean(document)]
    assert made.analysis is not None and made.analysis.article is made.articles[0]
    assert not made.analysis.ready("stance")  # the stance is the app's second step
    assert made.analysis.summary == analyse(clean(document)[0], "default").summary
    assert head.result(timeout=1) is None  # collected once


def test_no_head_start_for_standard_input_or_nothing():
    assert HeadStart.begin(["-"], "default", 1000) is None
    assert HeadStart.begin([], "default", 1000) is None


def test_no_head_start_for_a_long_document(tmp_path):
    """Its analysis would hold the whole list back; the app shows its text first instead."""
    long = tmp_path / "long.txt"
    long.write_text("The council met on Monday to decide the budget.\n\n" * (headstart.HEAD_START_MAX_BYTES // 40))
    assert HeadStart.begin([str(long)], "default", 50 * 1024 * 1024) is None


def test_head_start_on_an_unreadable_first_input_makes_nothing(tmp_path):
    head = HeadStart.begin([str(tmp_path / "missing.txt")], "default", 1000)
    assert head is not None and head.result(timeout=60) is None


@pilot_test
async def test_app_shows_the_head_start_summary_without_cleaning_again(seed_paths, collected, monkeypatch):
    app = reader_app(seed_paths[:2])
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        made = collected[0]
        assert made is not None
        assert screen.articles[: len(made.articles)] == made.articles  # the same objects: not cleaned again
        assert screen.articles[0] is made.articles[0]
        shown = [(item.sentence, item.start, item.end) for item in screen.summary_list.items]
        expected = analyse(clean(made.document)[0], "default").summary
        assert shown == [(item.sentence, item.start, item.end) for item in expected]
        # The stance still follows, and the rest of the input is loaded as usual.
        assert screen.analysis.ready("stance")
        assert screen.analysis.stance.article_type in screen.status_content().plain
        assert screen.loaded_files == screen.total_files == 2 and len(screen.articles) > len(made.articles)


@pilot_test
async def test_first_file_changed_after_the_head_start_read_it_is_cleaned_afresh(tmp_path, collected):
    path = _article(tmp_path / "story.txt", "Old opening sentence here.")
    app = reader_app([path])
    app.animation_level = "none"
    app.head_start.process.wait(60)  # it has read and cleaned the old text
    _article(tmp_path / "story.txt", "New opening sentence here.")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert collected[0] is not None and "Old opening" in collected[0].articles[0].text
        assert len(screen.articles) == 1 and screen.articles[0].text.startswith("New opening")
        assert screen.analysis is not None and screen.analysis.article is screen.articles[0]
        assert screen.summary_list.items


@pilot_test
async def test_app_loads_everything_itself_when_no_head_start_can_begin(tmp_path, seed_paths, monkeypatch):
    monkeypatch.setattr(headstart, "_can_fork", lambda: False)
    monkeypatch.setattr(headstart.sys, "executable", str(tmp_path / "no-such-python"))
    app = reader_app(seed_paths[:1])
    assert app.head_start is None
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert screen.articles and screen.summary_list.items and screen.analysis.ready("stance")


# The patch is in this process: only a forked head start sees it.
@pytest.mark.parametrize("backend", ["fork"], indirect=True)
@pilot_test
async def test_app_loads_everything_itself_when_the_head_start_fails(seed_paths, collected, monkeypatch):

    def broken(*args):
        raise RuntimeError("the head start failed")

    monkeypatch.setattr(headstart, "first_document", broken)
    app = reader_app(seed_paths[:1])
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert collected == [None]
        assert screen.articles and screen.summary_list.items and screen.analysis.ready("stance")


# The patch is in this process: only a forked head start sees it.
@pytest.mark.parametrize("backend", ["fork"], indirect=True)
def test_a_stuck_head_start_is_stopped_at_the_deadline(seed_paths, monkeypatch):
    import time

    monkeypatch.setattr(headstart, "first_document", lambda *args: time.sleep(60))
    head = HeadStart.begin(seed_paths, "default", 5 * 1024 * 1024)
    started = time.monotonic()
    assert head.result(timeout=0.3) is None
    assert time.monotonic() - started < 5 and head.process.poll() is not None


@pilot_test
async def test_quitting_at_once_stops_the_head_start(seed_paths):
    app = reader_app(seed_paths)
    process = app.head_start.process
    async with app.run_test(size=(120, 36)):
        pass
    assert process.poll() is not None


def test_an_injected_analyser_turns_the_head_start_off(seed_paths):
    head = HeadStart.begin(seed_paths, "default", 5 * 1024 * 1024)
    from reader.app.app import ReaderApp
    from summaries.analysis import Analysis

    app = ReaderApp(seed_paths, analyser=lambda article, options: Analysis(article, options), head_start=head)
    assert app.head_start is None and head.process.poll() is not None
