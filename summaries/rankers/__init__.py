"""Sentence rankers, one small class per algorithm behind one call, chosen by name.

`ranker(name)(document, sentences_count)` returns sentences best first (see base.py).
"""

from __future__ import annotations

from functools import lru_cache

from summaries.algorithms import ALGORITHMS
from summaries.rankers.base import RankDocument, Ranked, Ranker, prepare
from summaries.rankers.default import DefaultRanker
from summaries.rankers.lead import LeadRanker
from summaries.rankers.sumy_adapter import SUMY_ALGORITHMS, sumy_ranker

# The names are defined once, lightly, for the command line; the rankers must match them.
if set(ALGORITHMS) != {"default", "lead", *SUMY_ALGORITHMS}:
    raise ImportError(f"summaries.algorithms.ALGORITHMS {ALGORITHMS} does not match the rankers")


@lru_cache(maxsize=None)
def ranker(name: str) -> Ranker:
    """The ranker called `name`, built once (sumy's stop words and stemmer are set up once)."""
    if name == "default":
        return DefaultRanker()
    if name == "lead":
        return LeadRanker()
    if name in SUMY_ALGORITHMS:
        return sumy_ranker(name)
    raise ValueError(f"unknown algorithm {name!r}; choose from {', '.join(ALGORITHMS)}")


__all__ = ["ALGORITHMS", "RankDocument", "Ranked", "Ranker", "prepare", "ranker"]
