"""A long document: its text is on screen at once and keys are answered while its
analysis still runs (the analysis never runs on the UI thread)."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from summaries import analysis as engine
from summaries.model import Stance

from tui_support import make_app, pilot_test, settle

def long_report(paragraphs: int, seed: int = 7) -> str:
    """Varied made-up news prose (cleaning drops repeated paragraphs, so no copies)."""
    rng = random.Random(seed)
    who = ["The council", "The mayor", "A spokesman", "The union", "Residents", "The minister", "Local traders"]
    did = ["approved", "rejected", "questioned", "welcomed", "delayed", "announced", "reviewed"]
    what = ["a plan for", "new spending on", "a study of", "cuts to", "a vote on", "repairs to"]
    where = ["bus routes", "the harbour", "schools", "the library", "housing", "the old mill", "street lighting"]
    sentences = []
    for n in range(paragraphs * 3):
        sentences.append(
            f"{rng.choice(who)} {rng.choice(did)} {rng.choice(what)} {rng.choice(where)} "
            f"worth {rng.randint(2, 900)} million on day {n} of the session."
        )
    return "A long report\n\n" + "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"


@pilot_test
async def test_keys_are_answered_while_a_long_analysis_runs(tmp_path: Path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text(long_report(2000), encoding="utf-8")
    assert path.stat().st_size > 500_000
    running, release = threading.Event(), threading.Event()

    def busy_summary(analysis):
        running.set()
        count = 0
        while not release.is_set():  # pure Python work, as the engine's is
            count += 1
        return []

    monkeypatch.setitem(engine.COMPUTE, "summary", busy_summary)
    # The other stages are not what this test is about: quick stand-ins.
    monkeypatch.setitem(engine.COMPUTE, "sources", lambda analysis: [])
    monkeypatch.setitem(engine.COMPUTE, "stance", lambda analysis: Stance("News", (), [], []))
    app = make_app([str(path)])
    async with app.run_test(size=(120, 36)) as pilot:
        try:
            screen = app.screen
            for _ in range(600):  # the text is listed and shown while the analysis starts
                await pilot.pause(0.05)
                if running.is_set() and screen.view.article is not None:
                    break
            assert running.is_set() and screen.view.article is not None
            screen.view.focus()
            await pilot.pause()
            await pilot.press("j", "j", "j")
            for _ in range(100):  # answered within a second, while the analysis runs on
                if screen.view.cursor == 3:
                    break
                await pilot.pause(0.01)
            assert screen.view.cursor == 3 and not release.is_set()
            assert "analysing…" in screen.status_content().plain
        finally:
            release.set()  # the worker thread ends either way: the app waits for it on exit
        await settle(pilot)
        assert screen.summary_list.prompts == ["No summary."]
