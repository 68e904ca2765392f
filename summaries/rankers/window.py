"""Sentence similarity within a window, for texts too long for an n x n matrix.

In an article of up to RADIUS + 1 sentences every sentence is compared with every
other (`RankDocument.similarity`, one matrix product). A longer text (a report, a
book chapter, a transcript: the reader takes up to 5 MiB, some 50,000 sentences)
compares each sentence with the RADIUS sentences before and after it: time and
memory grow with the length, and what is central is central to its part of the
text. The similarities are kept as a band, `band[i, d - 1]` = cosine similarity of
sentences i and i + d, and computed from the terms the pairs share (each term's
sentences, paired within the window), never from a product over all terms.

PageRank over that graph is solved by power iteration (each step two passes over
the band), and the greedy redundancy check of the default ranker keeps, per
sentence, its highest similarity to a sentence already taken.
"""

from __future__ import annotations

import heapq

import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

RADIUS = 300  # sentences either side; articles of up to RADIUS + 1 sentences compare all pairs
BLOCK = 4096  # sentences whose pairs are worked out together (bounds the temporary arrays)
TOLERANCE = 1e-10  # PageRank stops when an iteration moves the vector by less (L1)
MAX_ITERATIONS = 1000


class WindowSimilarity:
    """Cosine similarities of each sentence to those within `radius` sentences of it."""

    __slots__ = ("band", "below", "radius", "pairs")

    def __init__(self, band: np.ndarray) -> None:
        n, radius = band.shape
        self.band = band  # band[i, d - 1]: sentence i with sentence i + d (0 past the end)
        self.radius = radius
        # below[j, d - 1]: sentence j with sentence j - d, the same values read the other
        # way (a strided view of the band with `radius` zero rows in front, copied once).
        padded = np.concatenate([np.zeros((radius, radius), dtype=band.dtype), band]).ravel()
        item = padded.itemsize
        view = as_strided(
            padded[(radius - 1) * radius :],
            shape=(n, radius),
            strides=(radius * item, -(radius - 1) * item),
        )
        self.below = np.ascontiguousarray(view)
        # Sentence pairs whose similarity was worked out: what the window bounds.
        self.pairs = sum(max(0, n - d) for d in range(1, radius + 1))

    def __len__(self) -> int:
        return self.band.shape[0]

    def times(self, x: np.ndarray) -> np.ndarray:
        """The similarity matrix (zero diagonal) times the vector x."""
        n, radius = self.band.shape
        zeros = np.zeros(radius, dtype=x.dtype)
        after = sliding_window_view(np.concatenate([x[1:], zeros]), radius)[:n]  # after[i, k] = x[i + 1 + k]
        before = sliding_window_view(np.concatenate([zeros, x]), radius)[:n, ::-1]  # before[j, k] = x[j - 1 - k]
        return np.einsum("ik,ik->i", self.band, after, dtype=np.float64) + np.einsum(
            "ik,ik->i", self.below, before, dtype=np.float64
        )

    def row(self, i: int) -> tuple[slice, np.ndarray, slice, np.ndarray]:
        """Sentence i's similarities: (sentences after it, their values, sentences before it, theirs)."""
        n, radius = self.band.shape
        after = min(radius, n - 1 - i)
        before = min(radius, i)
        return (
            slice(i + 1, i + 1 + after),
            self.band[i, :after],
            slice(i - before, i),
            self.below[i, :before][::-1],
        )

    def pairs_at_least(self, threshold: float) -> list[tuple[int, int]]:
        """Pairs (i, j), i < j, whose similarity is at least `threshold`."""
        rows, offsets = np.nonzero(self.band >= threshold)
        return list(zip(rows.tolist(), (rows + offsets + 1).tolist(), strict=True))

    def pagerank(self, damping: float) -> np.ndarray:
        """PageRank of the window graph, as `default.pagerank` defines it for the full one:
        a sentence similar to none spreads its weight evenly over all sentences."""
        n = len(self)
        out = self.times(np.ones(n))
        isolated = out <= 0
        spread = np.where(isolated, 0.0, 1.0 / np.where(isolated, 1.0, out))
        rank = np.full(n, 1.0 / n)
        for _ in range(MAX_ITERATIONS):
            following = damping * self.times(rank * spread)
            following += (damping * rank[isolated].sum() + 1.0 - damping) / n
            moved = np.abs(following - rank).sum()
            rank = following
            if moved < TOLERANCE:
                break
        return rank

    def marginal_relevance(self, scores: list[float], count: int, redundancy: float = 1.0) -> list[int]:
        """The first `count` sentences of a greedy maximal-marginal-relevance pass: each
        time the one whose score less `redundancy` x its highest similarity to those
        taken is best (ties: the earlier sentence), as `default._marginal_relevance`.

        Each sentence's highest similarity is kept up to date when a neighbour is taken
        (a window's worth of work per pick); the heap holds margins that may be stale,
        and only the one on top is brought up to date.
        """
        closest = np.zeros(len(scores))
        heap = [(-score, i) for i, score in enumerate(scores)]
        heapq.heapify(heap)
        taken: list[int] = []
        while len(taken) < count and heap:
            key, i = heap[0]
            current = redundancy * float(closest[i]) - scores[i]
            if key == current:
                heapq.heappop(heap)
                taken.append(i)
                after, after_values, before, before_values = self.row(i)
                np.maximum(closest[after], after_values, out=closest[after])
                np.maximum(closest[before], before_values, out=closest[before])
            else:
                heapq.heapreplace(heap, (current, i))
        return taken


def window_similarity(rows: np.ndarray, columns: np.ndarray, weights: np.ndarray, n: int, radius: int = RADIUS) -> WindowSimilarity:
    """The band of similarities from a sparse sentence-term matrix: `rows[k]` (sentence),
    `columns[k]` (term), `weights[k]` (the term's share of the sentence's unit vector),
    sorted by row with at most one entry per (row, column).

    For each block of sentences, every term's sentences are paired with those up to
    `radius` after them: the k-th pass pairs each entry with the k-th next entry of
    the same term, and keeps only the entries whose pair was still in the window.
    """
    band = np.zeros((n, radius), dtype=np.float32)
    row_starts = np.searchsorted(rows, np.arange(n + 1))
    for first in range(0, n, BLOCK):
        last = min(n, first + BLOCK)  # pairs (i, j) with first <= i < last, i < j <= i + radius
        low, high = row_starts[first], row_starts[min(n, last + radius)]
        order = np.argsort(columns[low:high], kind="stable") + low  # by term, then sentence
        term, sentence, weight = columns[order], rows[order], weights[order]
        alive = np.flatnonzero(sentence < last)
        cells: list[np.ndarray] = []
        values: list[np.ndarray] = []
        step = 1
        while alive.size:
            partner = alive + step
            alive, partner = alive[partner < len(term)], partner[partner < len(term)]
            near = (term[partner] == term[alive]) & (sentence[partner] - sentence[alive] <= radius)
            alive, partner = alive[near], partner[near]
            cells.append((sentence[alive] - first) * radius + (sentence[partner] - sentence[alive] - 1))
            values.append(weight[alive] * weight[partner])
            step += 1
        if cells:
            block = np.bincount(np.concatenate(cells), weights=np.concatenate(values), minlength=(last - first) * radius)
            band[first:last] = block.reshape(last - first, radius)
    return WindowSimilarity(band)
