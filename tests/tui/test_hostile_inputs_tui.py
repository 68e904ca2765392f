"""Hostile inputs in the reader: a FIFO among the files never blocks loading, a hostile
file name never reaches the terminal raw, and the reader still quits with q."""

from __future__ import annotations

import os
from pathlib import Path

from reader.app.screens.main import MainScreen

from tui_support import make_app, pilot_test, settle


@pilot_test
async def test_a_fifo_among_the_inputs_is_reported_and_the_good_file_opens(tmp_path: Path, seed_paths):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading would block forever
    app = make_app([str(fifo), seed_paths[1]])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        assert len(screen.articles) == 1 and screen.summary_list.items
        assert [error.name for error in screen.errors] == [str(fifo)] and "FIFO" in screen.errors[0].reason
        assert "1 unreadable" in screen.status_content().plain and "loading" not in screen.status_content().plain
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_escape_sequences_in_a_file_name_are_drawn_as_characters(tmp_path: Path):
    name = tmp_path / "story\x1b]0;pwned\x07\x9b2J.txt"
    name.write_text("The council met on Monday. The mayor said the plan would cut costs. Critics disagreed.\n")
    app = make_app([str(name)])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        status = app.screen.status_content().plain
        assert "story␛]0;pwned␇\ufffd2J.txt" in status
        assert not any(ch in status for ch in "\x1b\x07\x9b")
