"""A sentence cleaning marked damaged: drawn dimmed with a mark in the gutter, listed with
its reason in the Cleaning tab, never in the summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.widgets.article_view import DAMAGE_MARK, ArticleView
from reader.app.widgets.removed_panel import RemovedPanel
from reader.app.widgets.summary_list import SummaryList
from tui_support import keys, make_app, pilot_test, settle

# "in-Westfield": a column's line end read straight into another column's line.
DAMAGED = "Citing the port's expanded in-Westfield 4G rollout, the report questioned the timing of the works."


@pytest.fixture
def damaged_file(tmp_path: Path) -> str:
    path = tmp_path / "harbour.txt"
    path.write_text(
        "Harbour Plans\n\n"
        "The council met on Tuesday to discuss the new harbour. Officials said the plan would cost more than expected.\n\n"
        f"{DAMAGED} Residents welcomed the delay.\n\n"
        "The mayor said the council would decide next month after a public hearing on the costs.\n",
        encoding="utf-8",
    )
    return str(path)


def test_damaged_sentence_dimmed_with_a_gutter_mark_and_its_reason_in_the_cleaning_tab(snap_compare, damaged_file):
    assert snap_compare(make_app([damaged_file]), run_before=keys("4"), terminal_size=(120, 30))


@pilot_test
async def test_damaged_sentence_is_marked_listed_and_never_summarised(damaged_file):
    app = make_app([damaged_file])
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        article = view.article
        [damaged] = [i for i, s in enumerate(article.sentences) if s.damage]
        assert article.text[article.sentences[damaged].start : article.sentences[damaged].end] == DAMAGED
        body = [i for i, line in enumerate(view._lines) if line.role == "body"]
        marks = [view._render_layout_line(i).text[1] for i in body]
        damaged_lines = [i for i in body if view._line_damaged(view._lines[i])]
        assert damaged_lines and all(view._render_layout_line(i).text[1] == DAMAGE_MARK for i in damaged_lines)
        assert marks.count(DAMAGE_MARK) == len(damaged_lines)
        summary = app.screen.query_one(SummaryList)
        assert summary.items and all(item.sentence != damaged for item in summary.items)
        await pilot.press("4")  # the Cleaning tab is filled when it is shown
        await settle(pilot)
        panel = app.screen.query_one(RemovedPanel)
        assert damaged in panel.removals
