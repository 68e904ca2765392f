"""Focus goes where a newcomer expects: Tab cycles the article, the active panel and the
list (never the filter or the tab bar), and the list's filter takes keys only when asked."""

from __future__ import annotations

from textual.widgets import Input

from reader.app.screens.main import MainScreen
from reader.app.widgets.row_list import RowList
from reader.app.widgets.summary_list import SummaryList

from tui_support import make_app, pilot_test, settle


@pilot_test
async def test_tab_cycles_article_panel_and_list_and_never_types_into_the_filter(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(160, 50)) as pilot:  # wide: the list starts open
        await settle(pilot)
        screen: MainScreen = app.screen
        rows = screen.library.query_one("#rows", RowList)
        field = screen.library.query_one("#filter", Input)
        assert isinstance(app.focused, SummaryList)
        await pilot.press("tab")
        assert app.focused is rows
        await pilot.press("tab")
        assert app.focused is screen.view
        await pilot.press("tab")
        assert isinstance(app.focused, SummaryList)
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is rows
        await pilot.press("j", "k", "j")  # keys of the list, not text for the filter
        await settle(pilot)
        assert field.value == "" and screen.library.shown == list(range(len(screen.articles)))


@pilot_test
async def test_l_types_into_the_filter_esc_leaves_it_then_clears_it_and_q_quits(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(120, 36)) as pilot:  # the list starts closed
        await settle(pilot)
        screen: MainScreen = app.screen
        field = screen.library.query_one("#filter", Input)
        await pilot.press("l", *"zzzz")
        await settle(pilot)
        assert app.focused is field and field.value == "zzzz" and screen.library.shown == []
        await pilot.press("escape")
        assert app.focused is screen.library.query_one("#rows", RowList) and field.value == "zzzz"
        await pilot.press("escape")
        await settle(pilot)
        assert field.value == "" and screen.library.shown == list(range(len(screen.articles)))
        await pilot.press("n")  # a reader key again, not a character
        await settle(pilot)
        assert screen.current == 1 and field.value == ""
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
