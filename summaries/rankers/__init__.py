"""Sentence rankers, one small class per algorithm behind one call.

`ranker(name)(document, sentences_count)` returns sentences best first (see base.py);
the names and what builds each are in summaries/algorithms.py.
"""

from __future__ import annotations

from summaries.algorithms import ranker
from summaries.rankers.base import RankDocument, Ranked, Ranker, prepare

__all__ = ["RankDocument", "Ranked", "Ranker", "prepare", "ranker"]
