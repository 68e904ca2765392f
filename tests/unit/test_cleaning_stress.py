"""The benchmark's corruption generator on small synthetic articles: cleaning must undo it."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from cleaning_helpers import clean_text

_SPEC = importlib.util.spec_from_file_location(
    "cleaning_benchmark", Path(__file__).resolve().parents[2] / "benchmarks" / "cleaning.py"
)
bench = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)

TITLE = "Regional airline expands routes after record year"
PARAGRAPHS = [
    "A regional airline has announced twelve new routes after carrying a record number of passengers "
    "during the past year, according to figures published on Thursday.",
    "The company said demand for short international flights had grown steadily, particularly among "
    "business travellers, and that its state-owned rival had struggled to keep up.",
    "Chief executive Maria Jensen said the expansion would create about three hundred jobs at the "
    "airports concerned. \"We are delighted with the performance of our staff,\" she said.",
    "Analysts welcomed the announcement but warned that rising fuel prices could squeeze profit margins "
    "during the coming winter, when passenger numbers traditionally fall.",
    "The airline expects to publish its full annual results in the spring, alongside details of "
    "further investment in its fleet of aircraft and maintenance facilities.",
]


@pytest.mark.parametrize("kind", bench.KINDS)
@pytest.mark.parametrize("seed", range(4))
def test_cleaning_undoes_each_corruption_kind(kind, seed):
    gold = bench.bag(TITLE + "\n" + "\n".join(PARAGRAPHS))
    messy = bench.corrupt(TITLE, PARAGRAPHS, kind, random.Random(f"{seed}:{kind}"))
    articles = clean_text(messy)
    cleaned = bench.bag("\n".join(f"{a.title or ''}\n{a.text}" for a in articles))
    assert bench.f1(bench.bag(messy), gold) < 0.99  # the corruption is real
    assert bench.f1(cleaned, gold) >= 0.99, (kind, seed, dict(cleaned - gold), dict(gold - cleaned))


def test_generated_column_wrap_respects_width_and_marks_split_words():
    lines = bench.wrap_with_hyphens(PARAGRAPHS[1], 30, random.Random(1))
    assert all(len(line) <= 30 for line in lines)
    assert any(line.endswith("-") for line in lines)
    assert " ".join(lines).replace("- ", "") .count("state") >= 1
