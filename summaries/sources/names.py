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
    """The words of a name without "&" and without the possessive ending of its last
    word ("Li's" -> "Li"); one inside the name is part of it ("People's Daily")."""
    words = [w for w in name.split() if w != "&"]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return tuple(words)


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


_NAME = r"[A-Z][\w’'.-]*(?:[ \t\u00a0]+[A-Z][\w’'.-]*){0,3}"
# "Aliases: A, B", "also known as B", "a.k.a. B": the text says two names are one person's.
# Found by its marker first (one cheap scan), then the names read on either side of it.
_ALIAS_MARKER = re.compile(r"\b(?:also known as|a\.k\.a\.|aka)\b|\b(?P<label>Aliases|Alias|AKA|A\.K\.A\.)[ \t\u00a0]*:")
_NAMES_AFTER = re.compile(rf"[ \t\u00a0]*(?P<names>{_NAME}(?:[ \t\u00a0]*(?:,|;|\bor\b|\band\b)[ \t\u00a0]*{_NAME}){{0,5}})")
_NAME_BEFORE = re.compile(rf"(?P<before>{_NAME}),?[ \t\u00a0]+\(?$")
_MARKER_WORDS = ("known as", "lias", "LIAS", "aka", "AKA", "a.k.a.", "A.K.A.")
_BEFORE_REACH = 120  # characters looked at before "also known as"
_ALIAS_SPLIT = re.compile(r"[ \t\u00a0]*(?:,|;|\bor\b|\band\b)[ \t\u00a0]*")


def alias_groups(text: str) -> dict[frozenset[str], tuple[frozenset[str], str]]:
    """For every name the text gives as another's alias ("Aliases: Jin Xinjiang, Julien
    Jin"; "Jin Xinjiang, also known as Julien Jin"): its key -> the key and name of the
    first name of its group. Groups that share a name are one group (union-find, so
    many alias lines cost linear time)."""
    parent: dict[frozenset[str], frozenset[str]] = {}
    names: dict[frozenset[str], str] = {}
    order: dict[frozenset[str], int] = {}

    def root(key: frozenset[str]) -> frozenset[str]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    if not any(marker in text for marker in _MARKER_WORDS):
        return {}  # most texts give no alias: a plain substring test says so fastest
    for marker in _ALIAS_MARKER.finditer(text):
        after = _NAMES_AFTER.match(text, marker.end())
        if after is None:
            continue
        found = [n for n in _ALIAS_SPLIT.split(after.group("names")) if n]
        if marker.group("label") is None:  # "Jin Xinjiang, also known as Julien Jin"
            before = _NAME_BEFORE.search(text, max(0, marker.start() - _BEFORE_REACH), marker.start())
            if before is None:
                continue
            found.insert(0, before.group("before"))
        keys = []
        for name in found:
            key = name_key(name)
            if len(key) > 1:
                keys.append(key)
                if key not in parent:
                    parent[key] = key
                    names[key] = " ".join(name_words(name))
                    order[key] = len(order)
        for key in keys[1:]:
            first, other = root(keys[0]), root(key)
            if first != other:  # the name met first stands for both groups
                later, earlier = sorted((first, other), key=order.__getitem__, reverse=True)
                parent[later] = earlier
    return {key: (root(key), names[root(key)]) for key in parent}
