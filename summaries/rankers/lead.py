"""Lead-k: the first sentences, the classic news baseline (news is front-loaded)."""

from __future__ import annotations

from summaries.rankers.base import RankDocument, Ranked


class LeadRanker:
    name = "lead"

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        n = len(document)
        return [Ranked(i, float(n - i)) for i in range(n)]
