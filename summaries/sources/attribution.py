"""What extract.py hands to linking.py: a sentence's tokens, one attribution, and how
a source's descriptor ("director of the institute") is read off the words after it.

Both steps read descriptors the same way (an attribution's subject, a name met
anywhere in the text), so the reading lives here, below both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summaries.model import Span
from summaries.sources.mentions import DETERMINERS, QUOTES, Phrase, Token, noun_class

PREPOSITIONS = frozenset("in at from of for with to by on about near inside within across".split())


@dataclass(slots=True)
class SentenceTokens:
    index: int
    start: int
    end: int
    tokens: list[Token]


@dataclass(slots=True)
class Attribution:
    phrase: Phrase
    sentence: int
    cue: Span | None
    cue_text: str | None
    content: Span | None
    descriptor: str | None = None  # apposition or parenthetical given right here


_APPOSITION_STOPS = frozenset({",", ".", ";", ":"}) | QUOTES
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def apposition_after(text: str, tokens: list[Token], last: int) -> str | None:
    """The description in commas right after tokens[last] ("Li Linyi, a commentator,"), if any."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return None
    start = last + 2
    opener = tokens[start]
    if not (opener.lower in DETERMINERS or opener.text[:1].islower()) or opener.lower in {"who", "which", "said", "says", "that"}:
        return None
    end = start
    while end + 1 < len(tokens) and tokens[end + 1].text not in _APPOSITION_STOPS and end - start < 20:
        end += 1
    if opener.lower not in DETERMINERS and not any(noun_class(t.lower) for t in tokens[start : end + 1]):
        return None  # a clause, not a description of the source
    return clean_descriptor(text[tokens[start].start : tokens[end].end])


def clean_descriptor(descriptor: str) -> str | None:
    """One-spaced, without edge commas or a leading article; None when nothing is left."""
    descriptor = _SPACES.sub(" ", descriptor).strip(" ,")
    descriptor = _ARTICLE.sub("", descriptor)
    return descriptor or None
