"""Opinion versus reporting (placeholder until the stance issue lands)."""

from __future__ import annotations

from summaries.model import Article, SentenceStance, Source, Stance


def classify_sentence(text: str) -> SentenceStance:
    return SentenceStance(0, "reporting", 0.0, ())


def analyse_stance(article: Article, sources: list[Source] | None = None) -> Stance:
    verdicts = [SentenceStance(i, "reporting", 0.0, ()) for i, _ in enumerate(article.sentences)]
    return Stance("News", ("placeholder",), verdicts, [])
