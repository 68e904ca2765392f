"""Sentence rankers, one small class per algorithm behind one call, chosen by name.

`ranker(name)(document, sentences_count)` returns sentences best first (see base.py).
"""

from __future__ import annotations

from functools import lru_cache

from summaries.algorithms import ALGORITHMS, SUMY_ALGORITHMS
from summaries.rankers.base import RankDocument, Ranked, Ranker, prepare
from summaries.rankers.default import DefaultRanker
from summaries.rankers.lead import LeadRanker


@lru_cache(maxsize=None)
def ranker(name: str) -> Ranker:
    """The ranker called `name`, built once (sumy's stop words and stemmer are set up once)."""
    if name == "default":
        return DefaultRanker()
    if name == "lead":
        return LeadRanker()
    if name in SUMY_ALGORITHMS:
        # Imported on first use: sumy brings nltk and requests, ~0.3 s that the
        # default ranker (and the reader's first paint) should not pay.
        from summaries.rankers.sumy_adapter import sumy_ranker

        return sumy_ranker(name)
    raise ValueError(f"unknown algorithm {name!r}; choose from {', '.join(ALGORITHMS)}")


__all__ = ["ALGORITHMS", "RankDocument", "Ranked", "Ranker", "prepare", "ranker"]
