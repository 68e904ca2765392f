"""How linking compares names: their words, their key, their first and last word.

"Jin Xinjiang" and "Xinjiang Jin" share a key (the set of their lower-case words,
initials left out); a one-word mention fits a full name whose first or last word it
is, allowing one swapped pair of adjacent letters ("Zhuo" for "Zhou"): linking looks
each of a word's `spellings` up in indexes of those first and last words. The same
names come back throughout an article, so each answer is worked out once.
"""

from __future__ import annotations

import re
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s$")
_INITIAL = re.compile(r"[A-Z]\.")
_CACHED = 1 << 16
# No name has a word this long; past it a word's swapped spellings (as many as its
# letters, each as long) are not worth making.
MAX_SWAPPED = 40


@lru_cache(maxsize=_CACHED)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name without possessive endings ("Li's" -> "Li") or "&"."""
    return tuple(_POSSESSIVE.sub("", w) for w in name.split() if w != "&")


@lru_cache(maxsize=_CACHED)
def name_key(name: str) -> frozenset[str]:
    """What two spellings of one name share: its lower-case words, initials left out."""
    return frozenset(w.lower().rstrip(".") for w in name_words(name) if not _INITIAL.fullmatch(w))


@lru_cache(maxsize=_CACHED)
def name_ends(words: tuple[str, ...]) -> tuple[str, ...]:
    """The first and last word of a name (lower case, initials left out); () for none."""
    lowered = [w.lower() for w in words if not _INITIAL.fullmatch(w)]
    return (lowered[0], lowered[-1]) if lowered else ()


@lru_cache(maxsize=_CACHED)
def spellings(word: str) -> tuple[str, ...]:
    """`word` and, for a word of 4 to MAX_SWAPPED letters, every word that is `word` with
    one adjacent pair of different letters swapped ("zhou": "zhuo", "zohu", "hzou"):
    the spellings of one name that linking takes for the same, looked up in an index."""
    if not 4 <= len(word) <= MAX_SWAPPED:
        return (word,)
    return (word, *(word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(len(word) - 1) if word[k] != word[k + 1]))
