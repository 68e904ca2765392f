"""The analysis engine of news-reader: citation-aware summaries, named sources, and
opinion versus reporting, for one article at a time. It never imports a UI.

The front door::

    from summaries import analyse

    analysis = analyse(article)            # an Article, or clean text (paragraphs
                                           # separated by blank lines)
    analysis.summary                       # [SummaryItem]: sentence spans, in article order
    analysis.sources                       # [Source]: who is quoted or cited, every Mention
    analysis.stance                        # Stance: per-sentence labels, Sections, type
    analysis.to_json(("summary", "sources", "stance"))   # the documented JSON schema
    analysis.check(summary_text)           # Check: any summary held against the article
    Analysis.from_json(obj)                # and back

    analyse(article, "lexrank", sentences=5)          # any of ALGORITHMS, any length
    analysis.with_options(Options("lead", ratio=0.3)) # sources and stance shared

Every stage is computed when first read, once (thread-safe); `analysis.ready(stage)`
says whether it has been, `analysis.timings` how long each took, and
`analysis.version` names the engine that computed it (it changes with any change of
the engine's code or data, so a cache knows when to re-analyse).

The data structures, defined once in `summaries.model`: `Article` (cleaned text, its
`OffsetMap` back to the raw input, `Paragraph`s, `Sentence`s, `Removal`s), `Span`, and
the results `SummaryItem`, `Source`/`Mention`, `Stance`/`SentenceStance`/`Section`.
Every result is a span over `Article.text`; `article.raw_span(start, end)` maps it to
the input. Cleaning raw input into an `Article` is the reader's job (`reader.cleaning`).

Importing this package is cheap: the analyses import their modules (nltk, numpy,
the stance model) when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summaries.algorithms import ALGORITHMS
from summaries.analysis import Analysis, Options, analyse
from summaries.model import (
    Article,
    Check,
    Claim,
    ClaimSupport,
    Flag,
    Mention,
    OffsetMap,
    Paragraph,
    RawSpan,
    Removal,
    Section,
    Sentence,
    SentenceStance,
    Source,
    Span,
    Stance,
    SummaryItem,
)
from summaries.version import SCHEMA_VERSION, engine_version

if TYPE_CHECKING:
    from summaries.document import plain_article

__all__ = [
    "ALGORITHMS",
    "Analysis",
    "Article",
    "Check",
    "Claim",
    "ClaimSupport",
    "Flag",
    "Mention",
    "OffsetMap",
    "Options",
    "Paragraph",
    "RawSpan",
    "Removal",
    "SCHEMA_VERSION",
    "Section",
    "Sentence",
    "SentenceStance",
    "Source",
    "Span",
    "Stance",
    "SummaryItem",
    "analyse",
    "engine_version",
    "plain_article",
]


def __getattr__(name: str) -> Any:
    # Segmentation imports nltk: only when asked for.
    if name == "plain_article":
        from summaries.document import plain_article

        return plain_article
    raise AttributeError(f"module 'summaries' has no attribute {name!r}")
