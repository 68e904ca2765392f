"""The one analysis pipeline: lazy stages computed once, one result type, its JSON both ways."""

from __future__ import annotations

import json
import pickle
import threading
from pathlib import Path

import pytest

from reader.pipeline import analyses
from summaries import Analysis, Options, analyse
from summaries import analysis as engine
from summaries.version import engine_version

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT = (
    "Council doubles bus spending\n\n"
    "The council voted on Monday to double spending on buses. "
    "\"This is the biggest investment in a decade,\" said Mayor Ana Ruiz.\n\n"
    "Critics said the plan was rushed. The opposition leader, Tom Hale, called it reckless.\n\n"
    "A final vote is expected next week."
)
ALL = ("summary", "sources", "stance")


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {name: 0 for name in engine.COMPUTE}
    for name, compute in list(engine.COMPUTE.items()):

        def counted(analysis, name=name, compute=compute):
            calls[name] += 1
            return compute(analysis)

        monkeypatch.setitem(engine.COMPUTE, name, counted)
    return calls


def test_stages_are_computed_when_read_and_only_once(monkeypatch):
    calls = _counting(monkeypatch)
    result = analyse(TEXT)
    assert not any(result.ready(stage) for stage in ALL) and sum(calls.values()) == 0
    assert result.summary and result.ready("sources") and not result.ready("stance")
    result.summary, result.sources, result.stance, result.stance  # noqa: B018
    assert calls == {"sources": 1, "summary": 1, "stance": 1}
    assert set(result.timings) == set(ALL) and all(seconds >= 0 for seconds in result.timings.values())


def test_threads_reading_one_stage_at_once_compute_it_once(monkeypatch):
    calls = _counting(monkeypatch)
    result = analyse(TEXT)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(result.summary)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls["summary"] == 1 and calls["sources"] == 1 and all(s is seen[0] for s in seen)


def test_other_options_share_sources_and_stance_but_not_the_summary(monkeypatch):
    calls = _counting(monkeypatch)
    first = analyse(TEXT).compute(ALL)
    other = first.with_options(Options("lead", sentences=1))
    assert len(other.summary) == 1 and other.sources is first.sources and other.stance is first.stance
    assert calls == {"sources": 1, "summary": 2, "stance": 1}
    assert first.with_options(first.options) is first


def test_unknown_algorithm_or_stage_fails_before_any_work():
    with pytest.raises(ValueError, match="unknown algorithm"):
        analyse(TEXT, "nope")
    with pytest.raises(ValueError, match="unknown stage"):
        analyse(TEXT).stage("nope")


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_json_rebuilds_the_same_result_for_cleaned_articles(seed):
    """Cleaned articles have a real offset map (text moved, lines joined, junk dropped)."""
    for result in analyses([str(seed)], Options()):
        cache = result.to_json(ALL, cache=True)
        assert cache["version"] == engine_version()
        rebuilt = Analysis.from_json(json.loads(json.dumps(cache)))
        assert rebuilt.to_json(ALL, cache=True) == cache
        assert all(rebuilt.ready(stage) for stage in ALL)  # nothing computed again
        # The plain schema (no offset map) rebuilds every sentence-level span exactly.
        plain = result.to_json(ALL)
        again = Analysis.from_json(plain).to_json(ALL)
        for key in ("paragraphs", "sentences", "summary", "sections", "removed", "text"):
            assert again[key] == plain[key]


def test_a_result_survives_pickling_with_what_it_computed():
    result = analyse(TEXT).compute(("summary",))
    copy = pickle.loads(pickle.dumps(result))
    assert copy.ready("summary") and copy.summary == result.summary and not copy.ready("stance")
    assert copy.stance.article_type  # its locks work again after the trip
