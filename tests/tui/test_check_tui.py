"""The editor's check in the reader (`reader ARTICLE --check SUMMARY`, the c and C keys):
snapshots of a clean check and of one with every kind of flag, and how the claims move
the article. Regenerate with `.venv/bin/pytest tests/tui --snapshot-update`."""

from __future__ import annotations

import pytest

from reader.app.widgets.summary_list import ClaimItem
from tui_support import keys, make_app, pilot_test, settle

ARTICLE = (
    "Council expands the park\n\n"
    "The city council voted on Tuesday to expand Riverside Park by 12 hectares. "
    "The plan will cost £4.5m, officials said.\n\n"
    "\"This park will not be finished before 2027,\" said Mayor Jane Holloway. "
    "Critics did not accept the timetable.\n\n"
    "Opposition leader Tom Baker said the scheme was a waste of money. "
    "The council rejected a proposal to sell the land.\n"
)
CLEAN = "The council voted on Tuesday to expand Riverside Park by 12 hectares. The plan will cost £4.5m, officials said."
EVERY_FLAG = (
    "The plan will cost £5.5m, officials said. "
    "The city council voted to expand Lakeside Park by 12 hectares. "
    '"This garden will not be finished before 2027," said Mayor Jane Holloway. '
    "Tom Baker said the park will not be finished before 2027. "
    "Critics did accept the timetable. "
    "Football fans celebrated a late winning goal in the derby."
)


@pytest.fixture
def article_file(tmp_path) -> str:
    path = tmp_path / "park.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def test_clean_check_marks_each_claim_verbatim_or_supported(snap_compare, article_file):
    app = make_app([article_file], check=("summary.txt", CLEAN))
    assert snap_compare(app, run_before=keys(), terminal_size=(130, 30))


def test_check_with_every_kind_of_flag_and_a_flags_evidence_marked(snap_compare, article_file):
    app = make_app([article_file], check=("summary.txt", EVERY_FLAG))
    assert snap_compare(app, run_before=keys("down", "down", "down"), terminal_size=(130, 36))


@pilot_test
async def test_claims_jump_to_their_support_and_mark_the_evidence(article_file):
    app = make_app([article_file], check=("summary.txt", EVERY_FLAG))
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        items = screen.summary_list.items
        assert [item.claim.status for item in items] == ["partial"] * 5 + ["unsupported"]
        kinds = [flag.kind for item in items for flag in item.claim.flags]
        assert set(kinds) == {"number", "name", "quote", "attribution", "negation", "unsupported"}
        screen.summary_list.focus()
        await pilot.press("home")
        await settle(pilot)
        first = items[0]
        assert isinstance(first, ClaimItem)
        assert screen.view.cursor == first.sentence == 1
        marks = screen.view._marks
        assert [(m.kind, screen.view.article.text[m.start : m.end]) for m in marks] == [("evidence", "£4.5m")]


@pilot_test
async def test_c_loads_a_summary_file_and_shift_c_returns_to_the_generated_summary(article_file, tmp_path):
    summary = tmp_path / "given.txt"
    summary.write_text(EVERY_FLAG, encoding="utf-8")
    app = make_app([article_file])
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        generated = list(screen.summary_list.items)
        assert generated and not isinstance(generated[0], ClaimItem)
        await pilot.press("c")
        await settle(pilot)
        for character in str(summary):
            await pilot.press(character)
        await pilot.press("enter")
        await settle(pilot)
        assert all(isinstance(item, ClaimItem) for item in screen.summary_list.items)
        assert len(screen.summary_list.items) == 6
        assert "checking" in str(screen.status_content())
        await pilot.press("C")
        await settle(pilot)
        assert screen.summary_list.items == generated
        assert "checking" not in str(screen.status_content())


@pilot_test
async def test_an_unreadable_summary_file_is_reported_and_the_summary_stays(article_file, tmp_path):
    app = make_app([article_file])
    async with app.run_test(size=(130, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        generated = list(screen.summary_list.items)
        await pilot.press("c")
        await settle(pilot)
        for character in str(tmp_path / "missing.txt"):
            await pilot.press(character)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.summary_list.items == generated
        assert any("no such file" in str(n.message) for n in app._notifications)


def test_the_check_is_made_in_a_worker_and_the_panel_says_so_meanwhile(article_file, monkeypatch):
    import threading

    from summaries.analysis import Analysis

    release = threading.Event()
    original = Analysis.check

    def slow_check(self, summary_text):
        release.wait(10)
        return original(self, summary_text)

    monkeypatch.setattr(Analysis, "check", slow_check)

    @pilot_test
    async def body() -> None:
        app = make_app([article_file], check=("summary.txt", CLEAN))
        async with app.run_test(size=(130, 36)) as pilot:
            for _ in range(50):  # until the analysis is shown and the check is waiting
                await pilot.pause(0.05)
                if app.screen.summary_list.prompts == ["Checking the summary…"]:
                    break
            assert app.screen.summary_list.prompts == ["Checking the summary…"]
            release.set()
            await settle(pilot)
            assert [item.claim.status for item in app.screen.summary_list.items] == ["supported", "verbatim"]

    body()
