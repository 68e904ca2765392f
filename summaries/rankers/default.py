"""The project's own ranker: what works for news, in a few vectorised steps.

A sentence scores for
- centrality: its PageRank in the graph of sentences weighted by the cosine
  similarity of their term-frequency vectors (TextRank/LexRank's idea, solved as one
  linear system over one matrix product instead of per-pair loops; for texts too
  long for an n x n matrix, the sum of its similarities instead),
- title overlap, and position (news is front-loaded),
- length, when the summary is short for the article: with few sentences to show,
  each must carry more (a three-sentence summary of a long article should not spend
  a slot on a one-line quote); the weight fades to nothing as the summary nears half
  the article,
each standardised within the article, less a penalty for opening with a pronoun or
connective that points back. Sentences are then taken greedily by maximal marginal
relevance, so one that repeats a sentence already taken drops down.

The weights were tuned on the BBC News Summary data (benchmarks/summaries.py):
centrality carries almost everything there; position and title only break near-ties.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from summaries.citations import dangling_flags
from summaries.rankers.base import RankDocument, Ranked, by_score

DAMPING = 0.85


@dataclass(frozen=True, slots=True)
class Weights:
    centrality: float = 1.0
    title: float = 0.05
    position: float = 0.05
    dangling: float = 0.5  # in standard deviations of the score
    redundancy: float = 1.0  # MMR: cost per unit of cosine similarity to a taken sentence
    length: float = 0.6  # at the shortest summaries; see `length_weight`
    length_fades_at: float = 0.5  # share of the article's sentences where the length weight reaches 0


def _standardised(values: np.ndarray) -> np.ndarray:
    centred = values - values.sum() / len(values)
    spread = math.sqrt(float(centred @ centred) / len(centred))
    return centred / spread if spread > 0 else centred * 0.0


@lru_cache(maxsize=256)
def _position(n: int) -> np.ndarray:
    """Standardised position prior for an article of n sentences (news is front-loaded)."""
    position = _standardised(1.0 / np.sqrt(np.arange(n) + 1.0))
    position.flags.writeable = False
    return position


def pagerank(similarity: np.ndarray, damping: float = DAMPING) -> np.ndarray:
    """Stationary PageRank of a weighted graph without self-loops, solved directly.

    A sentence with no similar sentence spreads its weight evenly (a dangling node).
    """
    n = similarity.shape[0]
    weights = similarity.copy()
    weights.flat[:: n + 1] = 0.0
    out = weights.sum(axis=1)
    if n and out.min() <= 0:
        isolated = out <= 0
        weights[isolated] = 1.0
        out[isolated] = n
    # p = (1 - d)/n + d * T^T p   <=>   (I - d T^T) p = (1 - d)/n,  with T = weights / out
    system = weights.T * (-damping / out)
    system.flat[:: n + 1] += 1.0
    return np.linalg.solve(system, np.full(n, (1.0 - damping) / n))


class DefaultRanker:
    name = "default"

    def __init__(self, weights: Weights = Weights()) -> None:
        self.weights = weights

    def length_weight(self, n: int, sentences_count: int | None) -> float:
        """How much sentence length counts for a summary of `sentences_count` of `n` sentences."""
        w = self.weights
        if not sentences_count or not w.length or not n:
            return 0.0
        return w.length * max(0.0, 1.0 - sentences_count / (w.length_fades_at * n))

    def scores(self, document: RankDocument, sentences_count: int | None = None) -> np.ndarray:
        """Each sentence's score; `sentences_count` (the summary's length) sets the length weight."""
        w = self.weights
        n = len(document)
        if not document.very_long:
            centrality = pagerank(document.similarity())
        else:  # very long text: degree centrality (sum of similarities), linear in n
            unit = document.unit_vectors()
            centrality = unit @ unit.sum(axis=0)
        scores = w.centrality * _standardised(centrality) + w.position * _position(n)
        title = document.title_columns()
        if title:
            counts, _ = document.term_counts()
            scores += w.title * _standardised(np.count_nonzero(counts[:, title], axis=1).astype(np.float64))
        length = self.length_weight(n, sentences_count)
        if length:
            scores += length * _standardised(np.log1p(np.asarray(document.term_sizes(), dtype=np.float64)))
        dangling = dangling_flags(document)
        if any(dangling):
            scores -= w.dangling * np.asarray(dangling, dtype=np.float64)
        return scores

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        n = len(document)
        if n == 0:
            return []
        scores = self.scores(document, sentences_count)
        if document.very_long:  # by score; the citation step still drops repeats
            return by_score(scores)
        # Maximal marginal relevance for the sentences asked for and a few to spare (the
        # citation step may pass some over); the rest follow by score.
        cost = document.similarity()
        if self.weights.redundancy != 1.0:
            cost = self.weights.redundancy * cost
        remaining = scores.copy()  # a taken sentence drops to -inf
        closest = np.zeros(n)  # highest cost of each sentence against those taken
        marginal = scores.copy()
        taken: list[int] = []
        for _ in range(min(n, sentences_count + 3)):
            best = int(marginal.argmax())
            taken.append(best)
            remaining[best] = -np.inf
            np.maximum(closest, cost[best], out=closest)
            np.subtract(remaining, closest, out=marginal)
        chosen = set(taken)
        order = taken + [i for i in np.argsort(-scores, kind="stable").tolist() if i not in chosen]
        values = scores.tolist()
        return [Ranked(i, values[i]) for i in order]
