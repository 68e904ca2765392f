"""How common an English word is (Zipf scale), from the list the wordfreq wheel ships.

Single words are looked up in wordfreq's own data file (`large_en.msgpack.gz`),
read here with the same arithmetic as `wordfreq.zipf_frequency`: importing wordfreq
itself costs about 0.15 s for its tokenizer, which a lone word does not need, and
the reader pays it before its first paint. Anything that is not a plain run of
letters still goes through wordfreq (tests/unit/test_wordlist.py checks both agree).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

LIST_FILE = Path("data") / "large_en.msgpack.gz"


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
    # wordfreq rounds a frequency to three significant digits, then Zipf is
    # log10(frequency) + 9, rounded to two decimals.
    frequency = round(frequency, math.floor(-math.log10(frequency)) + 3)
    return round(math.log10(frequency) + 9, 2)


@lru_cache(maxsize=1 << 16)  # asked of the same words throughout an article, and across articles
def zipf(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")`; 0.0 for a word it does not know."""
    parts = unicodedata.normalize("NFC", word).casefold().split("-")
    if all(part.isalpha() for part in parts):
        # A hyphenated word is its parts, combined as wordfreq combines tokens.
        table = _frequency_by_word()
        frequencies = [table.get(part, 0.0) for part in parts]
        if not all(frequencies):
            return 0.0
        return _zipf_of_frequency(1.0 / sum(1.0 / f for f in frequencies))
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
