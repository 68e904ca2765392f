"""Snapshot tests: what the reader looks like. Regenerate after an intended change with
`.venv/bin/pytest tests/tui --snapshot-update` and review the SVGs under __snapshots__/."""

from __future__ import annotations

import pytest

from reader.seeds import bundled_seed_paths
from tui_support import keys, make_app

SEED_COUNT = len(bundled_seed_paths())


@pytest.mark.parametrize("seed", range(SEED_COUNT))
def test_main_view_on_each_seed(snap_compare, seed_paths, seed):
    assert snap_compare(make_app(seed_paths[seed : seed + 1]), run_before=keys(), terminal_size=(120, 36))


def test_wide_terminal_shows_article_list_article_and_summary(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths), run_before=keys(), terminal_size=(160, 50))


def test_narrow_terminal_shows_the_article_alone(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths), run_before=keys(), terminal_size=(80, 24))


def test_narrow_terminal_switches_to_the_summary(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths), run_before=keys("w"), terminal_size=(80, 24))


def test_summary_item_selected_and_its_sentence_highlighted_after_jump(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths[:1]), run_before=keys("down", "down"), terminal_size=(120, 36))


def test_help_screen_lists_keys(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths[:1]), run_before=keys("question_mark"), terminal_size=(100, 44))


def test_sources_panel_with_a_mention_highlighted(snap_compare, seed_paths):
    run_before = keys("2", "enter", "down")
    assert snap_compare(make_app(seed_paths[1:2]), run_before=run_before, terminal_size=(120, 36))


def test_sections_panel_with_a_section_highlighted(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths[3:4]), run_before=keys("3", "down"), terminal_size=(120, 36))


def test_article_with_markup_and_escape_characters(snap_compare, markup_file):
    assert snap_compare(make_app([markup_file]), run_before=keys(), terminal_size=(100, 24))


def test_removed_panel_lists_what_cleaning_dropped(snap_compare, markup_file):
    assert snap_compare(make_app([markup_file]), run_before=keys("4"), terminal_size=(100, 24))


def test_light_theme(snap_compare, seed_paths):
    assert snap_compare(make_app(seed_paths[2:3]), run_before=keys("t"), terminal_size=(120, 36))


def test_library_list_with_marks_newest_first(snap_compare, seed_paths, tmp_path):
    from reader.app.app import ReaderApp
    from reader.library.importer import import_sources, sources_from_paths
    from reader.library.location import open_library

    library = open_library(tmp_path / "library.sqlite3", clock=lambda: 1_700_000_000.0)
    list(import_sources(library, sources_from_paths(seed_paths), analyse=False, workers=0))
    starred = next(row for row in library.rows() if row.title and "Zoom" in row.title)
    library.set_starred([starred.id], True)
    app = ReaderApp(paths=[], library=library)
    app.animation_level = "none"
    assert snap_compare(app, run_before=keys(), terminal_size=(160, 50))
