"""The first paint does not wait for the slow parts: the summary is shown before the
stance (labels, gutter, sections) and hidden panels are filled only when shown."""

from __future__ import annotations

import threading

from textual.widgets import TabbedContent

from reader.app.screens.main import MainScreen
from reader.app.widgets.sources_panel import SourcesPanel
from summaries import analysis as engine
from summaries.model import SentenceStance, Stance

from tui_support import make_app, pilot_test, settle


def _every_sentence_opinion(analysis) -> Stance:
    """A stance made by a fixed rule (not the model): every sentence is opinion."""
    article = analysis.article
    verdicts = [SentenceStance(i, "opinion", 0.9) for i in range(len(article.sentences))]
    return Stance("Opinion", ("test rule",), verdicts, [])


@pilot_test
async def test_summary_is_shown_before_the_stance_and_labels_follow(seed_paths, monkeypatch):
    release = threading.Event()

    def slow_stance(analysis):
        release.wait(10)
        return _every_sentence_opinion(analysis)

    monkeypatch.setitem(engine.COMPUTE, "stance", slow_stance)
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        screen: MainScreen = app.screen
        for _ in range(400):  # the summary arrives while the stance is still held back
            await pilot.pause(0.02)
            if screen.summary_list.items:
                break
        assert screen.summary_list.items and not screen.analysis.ready("stance")
        assert "labelling…" in screen.status_content().plain
        assert not any(line.endswith("opinion") for line in screen.summary_list.prompts)
        release.set()
        await settle(pilot)
        assert screen.analysis.ready("stance") and screen.analysis.stance.article_type == "Opinion"
        assert "Opinion" in screen.status_content().plain
        assert all(prompt.rstrip().endswith("opinion") for prompt in screen.summary_list.prompts)


@pilot_test
async def test_hidden_sources_tab_is_filled_for_the_shown_article_when_opened(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        panel = screen.query_one(SourcesPanel)
        await pilot.press("n")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "summary"
        assert "sources" in screen._pending_fills  # not filled while nobody looks at it
        await pilot.press("2")
        await settle(pilot)
        assert "sources" not in screen._pending_fills
        assert panel.sources == screen.analysis.sources
