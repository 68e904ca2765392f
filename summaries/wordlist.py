"""How common an English word is (Zipf scale), from the list the wordfreq wheel ships.

Single words are looked up in wordfreq's own data file (`large_en.msgpack.gz`),
read here with the same arithmetic as `wordfreq.zipf_frequency`: importing wordfreq
itself costs about 0.15 s for its tokenizer and 0.4 s for its own copy of the list,
which a lone word does not need, and the reader pays it before its first paint.
Anything but a run of letters, hyphenated runs of letters and negations such as
"don't" is cut into tokens by wordfreq's own tokenizer, and its digits weighed by
wordfreq's rule (tests/unit/test_wordlist.py checks both agree).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

LIST_FILE = Path("data") / "large_en.msgpack.gz"
# "don't", "isn't": wordfreq keeps such a word whole (no vowel follows the apostrophe)
# and looks it up with a straight apostrophe, as the list stores it.
_NEGATED = re.compile(r"[^\W\d_]+n't")


@lru_cache(maxsize=1)
def _frequency_by_word() -> dict[str, float]:
    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq, which ships the English word list, is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / LIST_FILE
    with gzip.open(path, "rb") as handle:
        header, *buckets = msgpack.load(handle, raw=False)
    if header != {"format": "cB", "version": 1}:
        raise ValueError(f"unexpected word list format in {path}: {header}")
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        frequency = 10 ** (-index / 100)  # bucket i holds words at -i centibels
        for word in bucket:
            table[word] = frequency  # as wordfreq: a later bucket wins
    return table


def _zipf_of_frequency(frequency: float) -> float:
    # As wordfreq: no frequency below its floor (1e-9, Zipf 0), rounded to three
    # significant digits, then Zipf is log10(frequency) + 9 rounded to two decimals.
    frequency = max(frequency, 1e-9)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


@lru_cache(maxsize=1 << 16)  # asked of the same words throughout an article, and across articles
def zipf(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")`; 0.0 for a word it does not know."""
    parts = unicodedata.normalize("NFC", word).casefold().replace("’", "'").split("-")
    if all(part.isalpha() or _NEGATED.fullmatch(part) for part in parts):
        # A hyphenated word is its parts, combined as wordfreq combines tokens.
        return _combined(parts)
    return _combined_as_wordfreq_tokens(word)


def _combined(tokens: list[str], digits: tuple[str, ...] = ()) -> float:
    """The Zipf value of tokens looked up together: 1/f = 1/f1 + 1/f2 + ... (wordfreq's
    rule); `digits[i]`, when given, is the token as written before its digits were smashed."""
    table = _frequency_by_word()
    one_over = 0.0
    for i, token in enumerate(tokens):
        frequency = table.get(token)
        if not frequency:
            return 0.0
        if digits and digits[i] != token:
            from wordfreq.numbers import digit_freq

            frequency *= digit_freq(digits[i])
        one_over += 1.0 / frequency
    return _zipf_of_frequency(1.0 / one_over)


def _combined_as_wordfreq_tokens(word: str) -> float:
    """For any other word, wordfreq's own tokens (and its rule for digits), looked up in
    this module's copy of the list rather than in wordfreq's (building that copy
    costs about 0.4 s)."""
    from wordfreq import lossy_tokenize
    from wordfreq.numbers import smash_numbers

    tokens = lossy_tokenize(word, "en")
    if not tokens:
        return 0.0
    return _combined([smash_numbers(t) for t in tokens], tuple(tokens))
