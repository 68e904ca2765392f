"""The footer shows the focused widget's keys, rebuilt only when they change (a
start-up saving); and the article's word wrap measures terminal cells."""

from __future__ import annotations

from itertools import pairwise
import re

from rich.cells import cell_len

from reader.app.text_layout import wrap_spans
from reader.app.widgets.footer import KeyFooter

from tui_support import make_app, pilot_test, settle


def _footer_keys(footer: KeyFooter) -> list[tuple[str, str]]:
    return [(key.key, key.description) for key in footer.query("FooterKey")]


@pilot_test
async def test_footer_keeps_its_keys_when_focus_moves_to_a_widget_with_the_same_keys(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        drawn = list(footer.children)
        assert ("n", "Next article") in _footer_keys(footer)
        await pilot.press("enter")  # summary -> article: other hidden keys, the same shown ones
        await settle(pilot)
        assert app.focused is app.screen.view
        assert list(footer.children) == drawn  # the very same key widgets: not rebuilt


@pilot_test
async def test_footer_shows_the_new_keys_when_focus_changes_them(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        await pilot.press("slash")  # the search field: typing keys are no longer bindings
        await settle(pilot)
        keys = _footer_keys(footer)
        assert ("n", "Next article") not in keys and ("slash", "Search") in keys
        await pilot.press("escape")
        await settle(pilot)
        assert ("n", "Next article") in _footer_keys(footer)


def _check_greedy_wrap(text: str, width: int) -> None:
    lines = wrap_spans(text, 0, len(text), width)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    assert [text[s:e] for s, e in lines if e > s] == [text[s:e].strip() for s, e in lines if e > s]
    for (start, end), following in pairwise(lines):
        assert cell_len(text[start:end]) <= width
        next_word = next(w for w in words if w[1] > following[0])
        if next_word[0] == following[0] and cell_len(text[next_word[0] : next_word[1]]) <= width:
            # Greedy: the next line's first word would not have fitted on this one.
            assert cell_len(text[start : next_word[1]]) > width
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_fills_lines_by_cells_for_one_cell_text():
    text = "The council met on Monday to decide the budget, and “the mayor” said it was fine. " * 6
    for width in (7, 20, 41, 80):
        _check_greedy_wrap(text.strip(), width)


def test_wrap_counts_wide_characters_as_two_cells():
    text = "市议会 周一 开会 决定 预算 市长 表示 计划 将 削减 成本 批评者 不同意"
    for width in (5, 9, 16):
        _check_greedy_wrap(text, width)
    assert wrap_spans("漢字漢字 漢字", 0, 7, 8) == [(0, 4), (5, 7)]
    assert wrap_spans("漢字漢字 漢字", 0, 7, 7) == [(0, 3), (3, 7)]  # a word wider than the line is folded
