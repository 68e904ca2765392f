"""Undo hyphenation that only exists because a line (or column) ended.

"fab-" + "ricated" becomes "fabricated" because that is a real word and "ricated"
is not; "state-" + "owned" stays "state-owned" because both halves are common
words and "stateowned" is unknown. Word frequencies come from wordfreq; a form the
document itself uses elsewhere ("e-mail" or "email") outweighs them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from summaries.wordlist import zipf as english_zipf

# A hyphen inside a compound keeps its halves when the joined word is this much
# rarer (in Zipf units, i.e. log10 per billion words) than the rarer half.
COMPOUND_MARGIN = 1.0
KNOWN_WORD_ZIPF = 1.5  # joined forms rarer than this count as unknown
RARE_HALF_ZIPF = 2.5  # mid-line hyphens are only undone when one half is this rare

_LETTER = re.compile(r"[^\W\d_]")  # a letter as the patterns here read one
_HEAD_WORD = re.compile(r"^([^\W\d_]+)")
_MID_LINE = re.compile(r"(?<![\w-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return english_zipf(word)


def is_break_hyphen(left: str, right: str, vocabulary: Mapping[str, int] = {}) -> bool:
    """True when `left-` at a line end + `right` is one word split by the layout."""
    joined = (left + right).lower()
    compound = f"{left}-{right}".lower()
    if compound in vocabulary and joined not in vocabulary:
        return False
    if joined in vocabulary and compound not in vocabulary:
        return True
    z_joined, z_left, z_right = zipf(joined), zipf(left.lower()), zipf(right.lower())
    if z_left == 0 or z_right == 0:
        # A half that is no word ("ricated") means the word itself was split.
        return True
    if z_joined < KNOWN_WORD_ZIPF:
        return False
    return z_joined >= min(z_left, z_right) - COMPOUND_MARGIN


def is_lost_line_break(left: str, right: str, vocabulary: Mapping[str, int] = {}) -> bool:
    """A hyphenated word in the middle of a line that is really a joined line break ("Mc-Caul").

    Stricter than at a line end: most mid-line hyphens are real compounds, so only
    join when one half is rare on its own and the joined word is a known word.
    """
    joined = (left + right).lower()
    if vocabulary.get(f"{left}-{right}".lower(), 0) >= 2:
        return False  # used as a compound more than here
    z_joined = zipf(joined)
    if z_joined < KNOWN_WORD_ZIPF and joined not in vocabulary:
        return False
    return min(zipf(left.lower()), zipf(right.lower())) < RARE_HALF_ZIPF and z_joined >= min(
        zipf(left.lower()), zipf(right.lower())
    ) - COMPOUND_MARGIN


def split_word_at_end(text: str) -> str | None:
    """The letters before a trailing hyphen ("allegedly fab-" -> "fab"), or None.
    Read from the end: a search from the start would cost the length of the text on
    every line a long paragraph is joined from."""
    if not text.endswith("-"):
        return None
    start = len(text) - 1
    while start > 0 and _LETTER.match(text, start - 1):
        start -= 1
    return text[start:-1] or None


def word_at_start(text: str) -> str | None:
    match = _HEAD_WORD.match(text)
    return match.group(1) if match else None


def mid_line_candidates(text: str):
    """(start, end, left, right) for each letters-hyphen-letters word in `text`."""
    for match in _MID_LINE.finditer(text):
        yield match.start(), match.end(), match.group(1), match.group(2)


def repair_lost_line_breaks(paragraphs, raw: str, vocabulary: Mapping[str, int]):
    """Join "Mc-Caul"-style words whose line-end hyphen the OCR kept while dropping the break."""
    from reader.cleaning.piece import changed

    removals = []
    for para in paragraphs:
        if "-" not in para.text:
            continue
        for start, end, left, right in reversed(list(mid_line_candidates(para.text))):
            if is_lost_line_break(left, right, vocabulary):
                hyphen = start + len(left)
                span = para.piece[start:end]
                removals.append(changed(raw, span.raw_start, span.raw_end, "stray hyphen of a lost line break", left + right))
                para.piece = para.piece[:hyphen].join(para.piece[hyphen + 1 :], "")
    return removals
