"""Opinion versus reporting: every sentence, sections, and the article's type, with evidence.

`classify_sentence(text)` judges one sentence on its own; `analyse_stance(article,
sources)` judges an article's sentences in context (attributed views are reporting),
groups paragraphs into opinion / reporting / analysis sections and names the
article's type. features.py says what a sentence shows, embedding.py how its overall
wording reads (static word vectors shipped in the `wordllama` wheel, read offline),
weights.py how much each counts (fitted by benchmarks/stance.py), sections.py and
article_type.py build the article-level results.
"""

from __future__ import annotations

from summaries.stance.analyse import analyse_stance
from summaries.stance.sentences import classify_sentence

__all__ = ["analyse_stance", "classify_sentence"]
