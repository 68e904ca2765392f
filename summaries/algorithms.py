"""The summary algorithms by name: one table, importable without loading any of them.

Like sumy's `AVAILABLE_METHODS`, each name maps to what builds its ranker; the module
is imported only when the ranker is first asked for (sumy brings nltk and requests,
~0.3 s that the default ranker and the reader's first paint should not pay).
`ranker(name)(document, sentences_count)` returns sentences best first.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any, Callable

# sumy's extractive algorithms, run on our own sentences (summaries/rankers/sumy_adapter.py).
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson", "reduction")

# name -> (module, factory, arguments)
FACTORIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "default": ("summaries.rankers.default", "DefaultRanker", ()),
    "lead": ("summaries.rankers.lead", "LeadRanker", ()),
    **{name: ("summaries.rankers.sumy_adapter", "sumy_ranker", (name,)) for name in SUMY_ALGORITHMS},
}
ALGORITHMS = tuple(FACTORIES)


@lru_cache(maxsize=None)
def ranker(name: str) -> Callable[..., Any]:
    """The ranker called `name` (a `summaries.rankers.base.Ranker`), built once: sumy's
    stop words and stemmer are set up once."""
    try:
        module, factory, arguments = FACTORIES[name]
    except KeyError:
        raise ValueError(f"unknown algorithm {name!r}; choose from {', '.join(ALGORITHMS)}") from None
    return getattr(importlib.import_module(module), factory)(*arguments)
