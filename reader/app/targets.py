"""Places in the article that a panel asks the article view to show.

A panel item (a summary sentence, a source mention, a section, a removal) becomes a
`Target`: the sentence to put the cursor on, the span to centre, and the spans to
mark, each with the kind of mark the article view draws for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from summaries.model import Article, Span

# The marks the article view knows how to draw (its CSS has a class for each):
# "support" is a further sentence backing a checked claim, "evidence" what a flag rests on.
MARK_KINDS = ("source", "cue", "content", "section", "support", "evidence")


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # one of MARK_KINDS

    @property
    def component(self) -> str:
        return f"article-view--{self.kind}"


@dataclass(frozen=True, slots=True)
class Target:
    sentence: int | None
    span: Span
    marks: tuple[Highlight, ...] = ()


def sentence_near(article: Article, position: int) -> int | None:
    """The sentence holding `position`, else the next one, else the last."""
    found = article.sentence_index_at(position)
    if found is not None:
        return found
    following = next((i for i, s in enumerate(article.sentences) if s.start >= position), None)
    return following if following is not None else (len(article.sentences) - 1 if article.sentences else None)
