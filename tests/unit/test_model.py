import numpy as np
import pytest

from summaries.document import plain_article
from summaries.model import OffsetMap, Span


def test_span_rejects_negative_or_reversed_ranges():
    with pytest.raises(ValueError):
        Span(5, 3)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_span_overlap_is_half_open():
    assert Span(0, 5).overlaps(Span(4, 6))
    assert not Span(0, 5).overlaps(Span(5, 6))


def test_offset_map_raw_span_uses_min_and_max_of_moved_text():
    # clean chars 0..3 came from raw 10..13, chars 4..5 from raw 2..3 (text moved by cleaning)
    offsets = OffsetMap([10, 11, 12, 13, 2, 3])
    assert offsets.raw_span(0, 4) == (offsets.raw_span(0, 4).__class__(10, 14))
    span = offsets.raw_span(2, 6)
    assert (span.start, span.end) == (2, 14)


def test_offset_map_empty_span_anchors_at_position():
    offsets = OffsetMap([4, 5, 6])
    assert (offsets.raw_span(1, 1).start, offsets.raw_span(1, 1).end) == (5, 5)
    assert offsets.raw_span(3, 3).start == 7


def test_offset_map_rejects_out_of_range_span():
    with pytest.raises(IndexError):
        OffsetMap([0, 1]).raw_span(0, 3)


def test_article_requires_an_offset_for_every_character():
    article = plain_article("One. Two.")
    with pytest.raises(ValueError):
        type(article)(file="x", index=0, text="abc", offsets=OffsetMap(np.arange(2)), paragraphs=(), sentences=())


def test_sentence_and_paragraph_lookup_by_position():
    article = plain_article("First one. Second one.\n\nThird here.")
    assert article.sentence_index_at(0) == 0
    assert article.sentence_index_at(12) == 1
    assert article.sentence_index_at(10) is None  # the space between sentences
    assert article.paragraph_index_at(25) == 1
    assert article.sentences_in(1) == [2]
