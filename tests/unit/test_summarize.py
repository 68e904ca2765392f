"""summarize(): spans, lengths and algorithm choice, on the seeds and on arbitrary text."""

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cleaning import clean
from reader.ingest import read_file
from summaries.document import plain_article
from summaries.algorithms import ALGORITHMS
from summaries.summarize import summarize, summary_length

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
TERMINAL = (".", "!", "?", "…")


@lru_cache(maxsize=None)
def seed_articles(path: Path):
    document = read_file(path)
    assert not isinstance(document, Exception), document
    return tuple(clean(document))


def assert_items_are_exact_sentence_spans(article, items):
    indexes = [item.sentence for item in items]
    assert indexes == sorted(set(indexes)), "items are unique and in article order"
    for item in items:
        sentence = article.sentences[item.sentence]
        assert (item.start, item.end) == (sentence.start, sentence.end)
        assert item.paragraph == sentence.paragraph
        assert 0 <= item.start < item.end <= len(article.text)
        raw = article.raw_span(item.start, item.end)
        assert 0 <= raw.start <= raw.end


def assert_reads_as_a_sentence(text):
    """Independent of the implementation's rules: what a summary sentence must look like."""
    words = text.split()
    assert len(words) >= 4, text
    assert text.rstrip("\"'”’»)]").endswith(TERMINAL), text
    assert not words[0][0].islower(), text
    letters = [c for c in text if c.isalpha()]
    assert sum(c.isupper() for c in letters) <= 0.5 * len(letters), text


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_every_algorithm_gives_exact_spans_and_no_junk_on_the_seeds(seed, algorithm):
    articles = seed_articles(seed)
    assert articles
    for article in articles:
        items = summarize(article, algorithm)
        assert_items_are_exact_sentence_spans(article, items)
        assert len(items) <= summary_length(article)
        for item in items:
            text = article.text[item.start : item.end]
            if item.reason is None:  # ranked in on its own; helpers may be short ("Dechy said.")
                assert_reads_as_a_sentence(text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_default_summary_fills_its_length_on_the_seeds(seed):
    for article in seed_articles(seed):
        if len(article.sentences) >= 10:
            assert len(summarize(article)) == summary_length(article)


_WORD = st.sampled_from(
    "the minister said he however this prices rose sharply “we will not” go back, "
    "‘quoted’ Ünïcödé café 2020 $1.5bn U.S. Mr. Dr. e.g. — … ; : ( ) CCP BBC".split(" ")
)
_SENTENCE = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(_WORD, min_size=1, max_size=14),
    st.sampled_from([".", "?", "!", "", "”", '."', ":"]),
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=5).map(" ".join)
_TEXT = st.builds(
    lambda lead, paragraphs, trail: lead + "\n\n".join(paragraphs) + trail,
    st.sampled_from(["", "\n", "  "]),
    st.lists(_PARAGRAPH, min_size=0, max_size=6),
    st.sampled_from(["", "\n", " \n\n"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_TEXT,
    algorithm=st.sampled_from(ALGORITHMS),
    sentences=st.one_of(st.none(), st.integers(0, 8)),
    title=st.one_of(st.none(), st.just("Prices rose sharply")),
)
def test_every_item_maps_to_its_span_for_arbitrary_text(text, algorithm, sentences, title):
    article = plain_article(text, title=title)
    items = summarize(article, algorithm, sentences=sentences)
    assert_items_are_exact_sentence_spans(article, items)
    assert len(items) <= summary_length(article, sentences)


def long_article(sentences: int):
    text = "\n\n".join(
        f"Reporters in town number {n} counted {n + 3} new shops, and the council said trade grew again."
        for n in range(sentences)
    )
    return plain_article(text)


def test_default_length_is_a_fifth_with_a_minimum_of_three():
    assert summary_length(long_article(40)) == 8
    assert summary_length(long_article(10)) == 3
    assert summary_length(long_article(2)) == 2  # never more than the article has


def test_sentences_and_ratio_set_the_length():
    article = long_article(40)
    assert summary_length(article, sentences=5) == 5
    assert summary_length(article, sentences=100) == 40
    assert summary_length(article, ratio=0.25) == 10
    assert summary_length(article, ratio=0.001) == 1
    with pytest.raises(ValueError):
        summary_length(article, ratio=1.5)
    with pytest.raises(ValueError):
        summary_length(article, sentences=-1)


def test_zero_sentences_and_empty_articles_give_empty_summaries():
    assert summarize(long_article(5), sentences=0) == []
    assert summarize(plain_article(""), "lexrank") == []


def test_unknown_algorithm_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown algorithm 'nope'"):
        summarize(long_article(5), "nope")


def test_algorithms_list_names_lead_default_and_every_sumy_algorithm():
    assert set(ALGORITHMS) == {
        "default", "lead", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson", "reduction",
    }
    assert ALGORITHMS[0] == "default"


def test_a_book_length_text_is_summarized_without_quadratic_matrices():
    from summaries.rankers import prepare

    text = "\n\n".join(
        f"Reporters in district {n} counted {n * 7 % 13} new shops, the council said on day {n}." for n in range(1600)
    )
    article = plain_article(text)
    assert prepare(article).windowed
    for algorithm in ("default", "lead"):
        items = summarize(article, algorithm, sentences=50)
        assert len(items) == 50
        assert_items_are_exact_sentence_spans(article, items)
