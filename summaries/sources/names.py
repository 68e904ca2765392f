"""How linking compares names: their words, their key, their first and last word.

"Jin Xinjiang" and "Xinjiang Jin" share a key (the set of their lower-case words,
initials left out); a one-word mention fits a full name whose first or last word it
is, allowing one swapped pair of adjacent letters ("Zhuo" for "Zhou"). The same
names come back throughout an article, so each answer is worked out once.
"""

from __future__ import annotations

import re
from functools import lru_cache

_POSSESSIVE = re.compile(r"['’]s$")
_INITIAL = re.compile(r"[A-Z]\.")
_CACHED = 1 << 16


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


def one_swap(a: str, b: str) -> bool:
    """True when b is a with one adjacent pair of letters swapped ("Zhuo"/"Zhou")."""
    if len(a) != len(b) or len(a) < 4 or a == b:
        return False
    diffs = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


@lru_cache(maxsize=_CACHED)
def spellings(word: str) -> tuple[str, ...]:
    """`word` and every word that is `word` with one adjacent pair of letters swapped:
    the words w for which `word == w or one_swap(word, w)`, to look up in an index."""
    if len(word) < 4:
        return (word,)
    return (word, *(word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(len(word) - 1) if word[k] != word[k + 1]))


def matches_end(word: str, words: tuple[str, ...]) -> bool:
    """Whether `word` is the first or last word of the name `words`, or one swap away."""
    return any(word == w or one_swap(word, w) for w in name_ends(words))
