"""The project's own ranker: what works for news, in a few vectorised steps.

A sentence scores for
- centrality: its PageRank in the graph of sentences weighted by the cosine
  similarity of their term-frequency vectors (TextRank/LexRank's idea, solved as one
  linear system over one matrix product instead of per-pair loops; for texts too
  long for an n x n matrix, the sum of its similarities instead),
- title overlap, and position (news is front-loaded),
each standardised within the article, less a penalty for opening with a pronoun or
connective that points back. Sentences are then taken greedily by maximal marginal
relevance, so one that repeats a sentence already taken drops down.

The weights were tuned on the BBC News Summary data (benchmarks/summaries.py):
centrality carries almost everything there; position and title only break near-ties.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summaries.citations import dangling_flags
from summaries.rankers.base import FULL_SIMILARITY_LIMIT, RankDocument, Ranked, by_score

DAMPING = 0.85


@dataclass(frozen=True, slots=True)
class Weights:
    centrality: float = 1.0
    title: float = 0.05
    position: float = 0.05
    dangling: float = 0.5  # in standard deviations of the score
    redundancy: float = 1.0  # MMR: cost per unit of cosine similarity to a taken sentence


def _standardised(values: np.ndarray) -> np.ndarray:
    centred = values - values.mean()
    spread = float(np.sqrt(centred @ centred / len(centred)))
    return centred / spread if spread > 0 else centred * 0.0


def pagerank(similarity: np.ndarray, damping: float = DAMPING) -> np.ndarray:
    """Stationary PageRank of a weighted graph without self-loops, solved directly.

    A sentence with no similar sentence spreads its weight evenly (a dangling node).
    """
    n = similarity.shape[0]
    weights = similarity - np.diag(np.diag(similarity))
    out = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, out, out=np.full_like(weights, 1.0 / n), where=out > 0)
    # p = (1 - d)/n + d * T^T p   <=>   (I - d T^T) p = (1 - d)/n
    return np.linalg.solve(np.eye(n) - damping * transition.T, np.full(n, (1.0 - damping) / n))


class DefaultRanker:
    name = "default"

    def __init__(self, weights: Weights = Weights()) -> None:
        self.weights = weights

    def scores(self, document: RankDocument) -> np.ndarray:
        w = self.weights
        n = len(document)
        counts, _ = document.term_counts()
        if n <= FULL_SIMILARITY_LIMIT:
            centrality = pagerank(document.similarity())
        else:  # very long text: degree centrality (sum of similarities), linear in n
            unit = document.unit_vectors()
            centrality = unit @ unit.sum(axis=0)
        title = (counts[:, document.title_columns()] > 0).sum(axis=1).astype(float)
        position = 1.0 / np.sqrt(np.arange(n) + 1.0)
        dangling = np.asarray(dangling_flags(document), dtype=float)
        return (
            w.centrality * _standardised(centrality)
            + w.title * _standardised(title)
            + w.position * _standardised(position)
            - w.dangling * dangling
        )

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        n = len(document)
        if n == 0:
            return []
        scores = self.scores(document)
        if n > FULL_SIMILARITY_LIMIT:  # very long text: by score; the citation step still drops repeats
            return by_score(scores)
        # Maximal marginal relevance for the sentences asked for and a few to spare (the
        # citation step may pass some over); the rest follow by score.
        redundancy = self.weights.redundancy
        closest = np.zeros(n)
        marginal = scores.copy()
        taken: list[int] = []
        for _ in range(min(n, sentences_count + 3)):
            best = int(marginal.argmax())
            taken.append(best)
            np.maximum(closest, document.similarity_row(best), out=closest)
            np.subtract(scores, redundancy * closest, out=marginal)
            marginal[taken] = -np.inf
        values = scores.tolist()
        ranking = [Ranked(i, values[i]) for i in taken]
        chosen = set(taken)
        ranking.extend(r for r in by_score(scores) if r.sentence not in chosen)
        return ranking
