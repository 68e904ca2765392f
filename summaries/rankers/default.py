"""The project's own ranker: what works for news, in a few vectorised steps.

A sentence scores for
- centrality: its PageRank in the graph of sentences weighted by the cosine
  similarity of their term-frequency vectors (TextRank/LexRank's idea, solved as one
  linear system over one matrix product instead of per-pair loops; in a text too
  long for an n x n matrix each sentence is linked to those in a window around it,
  see window.py),
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

import heapq
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from summaries.rankers.base import RankDocument, Ranked, by_score

DAMPING = 0.85
# PageRank by repeated squaring up to this many sentences, by a linear solve above
# (measured: squaring costs n^3 per product and wins only while calls dominate).
SQUARING_UP_TO = 48
SQUARINGS = 7


@dataclass(frozen=True, slots=True)
class Weights:
    centrality: float = 1.0
    title: float = 0.05
    position: float = 0.05
    dangling: float = 0.5  # in standard deviations of the score
    redundancy: float = 1.0  # MMR: cost per unit of cosine similarity to a taken sentence
    length: float = 0.6  # at the shortest summaries; see `length_weight`
    length_fades_at: float = 0.5  # share of the article's sentences where the length weight reaches 0


def _standardise_rows(rows: np.ndarray) -> None:
    """Each row to mean 0 and standard deviation 1, in place (a constant row to 0)."""
    n = rows.shape[1]
    rows -= np.add.reduce(rows, axis=1, keepdims=True) / n
    spread = np.sqrt(np.add.reduce(rows * rows, axis=1, keepdims=True) / n)
    rows /= np.maximum(spread, 1e-300)  # a constant row is all zeros by now, and stays so


@lru_cache(maxsize=256)
def _front_loading(n: int) -> np.ndarray:
    """Position prior for an article of n sentences, before standardising (news is front-loaded)."""
    position = 1.0 / np.sqrt(np.arange(n) + 1.0)
    position.flags.writeable = False
    return position


def pagerank(similarity: np.ndarray, damping: float = DAMPING) -> np.ndarray:
    """Stationary PageRank of a weighted graph without self-loops, computed exactly
    (to well below any difference that could change a ranking).

    A sentence with no similar sentence spreads its weight evenly (a dangling node).
    """
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    weights = similarity.copy()
    weights.flat[:: n + 1] = 0.0
    out = np.add.reduce(weights, axis=1)
    if np.minimum.reduce(out) <= 0:
        isolated = out <= 0
        weights[isolated] = 1.0
        out[isolated] = n
    if n <= SQUARING_UP_TO:
        # p is the fixed point of the column-stochastic G = d T^T + (1 - d)/n, with
        # T = weights / out; every column of G^m tends to p, within 2 d^m. Squaring G
        # SQUARINGS times (m = 128) is a few tiny products, cheaper for a short article
        # than the overhead of a linear solve, and as exact for ranking (d^128 < 1e-9).
        google = weights.T * (damping / out)
        google += (1.0 - damping) / n
        for _ in range(SQUARINGS):
            google = google @ google
        return google[:, 0].copy()
    # p = (1 - d)/n + d * T^T p   <=>   (I - d T^T) p = (1 - d)/n
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
        if n == 0:
            return np.zeros(0)
        # One row per feature; the first four are standardised together, then one
        # product with the weights sums them (a handful of array calls in all).
        features = np.zeros((5, n))
        if document.windowed:  # a long text: its sentences are compared within a window
            features[0] = document.window_similarity().pagerank(DAMPING)
        else:
            features[0] = pagerank(document.similarity())
        features[1] = _front_loading(n)
        features[2] = document.title_overlap()
        length = self.length_weight(n, sentences_count)
        if length:
            features[3] = np.log1p(document.term_sizes())
        features[4] = document.dangling_flags()
        _standardise_rows(features[:4])
        return np.array((w.centrality, w.position, w.title, length, -w.dangling)) @ features

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        n = len(document)
        if n == 0:
            return []
        scores = self.scores(document, sentences_count)
        # Maximal marginal relevance for the sentences asked for and a few to spare (the
        # citation step may pass some over); the rest follow by score.
        count = min(n, sentences_count + 3)
        if document.windowed:
            taken = document.window_similarity().marginal_relevance(scores.tolist(), count, self.weights.redundancy)
        else:
            cost = document.similarity()
            if self.weights.redundancy != 1.0:
                cost = self.weights.redundancy * cost
            taken = _marginal_relevance(scores.tolist(), cost, count)
        return by_score(scores, first=taken)


def _marginal_relevance(scores: list[float], cost: np.ndarray, count: int) -> list[int]:
    """The first `count` sentences of a greedy MMR: each time the one whose score less
    its highest cost against those taken is best (ties: the earlier sentence).

    Lazily: a sentence's margin only falls as sentences are taken, so a stale margin
    is an upper bound, and only the sentence on top of the heap is brought up to date.
    A short summary updates a few sentences, not every sentence for every pick.
    """
    heap = [(-score, i) for i, score in enumerate(scores)]
    heapq.heapify(heap)
    rows: list[list[float]] = []  # cost rows of the taken sentences, in order taken
    seen = [0] * len(scores)  # how many of `rows` each sentence's margin accounts for
    closest = [0.0] * len(scores)  # its highest cost against those
    taken: list[int] = []
    while len(taken) < count:
        _, i = heap[0]
        if seen[i] == len(rows):  # up to date, and no bound above it: the best
            heapq.heappop(heap)
            taken.append(i)
            rows.append(cost[i].tolist())
            continue
        c = closest[i]
        for row in rows[seen[i] :]:
            if row[i] > c:
                c = row[i]
        closest[i], seen[i] = c, len(rows)
        heapq.heapreplace(heap, (c - scores[i], i))
    return taken
