"""Property tests: cleaning never raises, every span it returns maps to valid raw offsets,
and every raw character is kept, lifted into a header field or recorded as removed."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sys
from pathlib import Path

from reader.cleaning import clean
from reader.ingest import Document

sys.path.insert(0, str(Path(__file__).parent / "unit"))
from cleaning_helpers import unaccounted  # noqa: E402

# Text built from the pieces that trip cleaners: line breaks, blank lines, hyphens at
# line ends, capitals, brackets, quotes, dates, escapes (C0 and C1, terminated or not) and
# arbitrary Unicode.
PIECES = st.sampled_from(
    ["\n", "\n\n", "-\n", " ", "-", "—", "“", "”", '"', "(", ")", "【", "】", ":", ".", "!", "?", "**", "\\$",
     "> ", "\x1b[1m", "\r\n", "\t", "OPINION", "By Jane Doe", "November 13, 2024", "Editor: X", "Ã©", "\u00ad",
     "\x1b]52;c;", "\x07", "\x9b", "\x9d", "\x9c", "\x90"]
)
WORDS = st.text(alphabet=string.ascii_letters + "’'0123456789 ", min_size=1, max_size=12)
TEXT = st.lists(st.one_of(PIECES, WORDS, st.text(max_size=6)), max_size=80).map("".join)


def _check(raw: str) -> None:
    articles = clean(Document(name="p.txt", raw=raw, encoding="utf-8"))
    for article in articles:
        assert len(article.offsets) == len(article.text)
        offsets = article.offsets.offsets
        if len(offsets):
            assert int(offsets.min()) >= 0 and int(offsets.max()) < len(raw)
        for span in list(article.paragraphs) + list(article.sentences):
            assert 0 <= span.start <= span.end <= len(article.text)
            raw_span = article.raw_span(span.start, span.end)
            assert 0 <= raw_span.start <= raw_span.end <= len(raw)
        for removal in article.removed:
            assert 0 <= removal.raw_start <= removal.raw_end <= len(raw)
            assert removal.text == raw[removal.raw_start : removal.raw_end]
        for field in article.fields.values():
            assert 0 <= field.start <= field.end <= len(raw)
    assert unaccounted(raw, articles) == ""


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_cleaning_structured_noise_never_raises_and_spans_stay_in_range(raw):
    _check(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_cleaning_arbitrary_unicode_never_raises_and_spans_stay_in_range(raw):
    _check(raw)
