"""`words_up_to`: the word count, read no further than a limit (the length tests of cleaning)."""

from __future__ import annotations

import pytest

from reader.cleaning.piece import word_count, words_up_to


@pytest.mark.parametrize(
    "text",
    ["", "   ", "one", "don't stop — it’s fine", "a_b c", "x " * 50, "Photo: Reuters/AP", "١٢٣ word ۴"],
)
@pytest.mark.parametrize("limit", [0, 1, 3, 8, 13, 100])
def test_words_up_to_is_the_word_count_capped_at_the_limit(text, limit):
    assert words_up_to(text, limit) == min(word_count(text), limit)

