"""Work grows linearly with the length of the text: operations counted, never seconds.

Each test builds a long synthetic report from N and from 4N copies of a news item
(each copy with its own names, so nothing is an exact repeat) and counts what the
analysis did: quadratic work would grow sixteenfold, linear work fourfold.
"""

from __future__ import annotations

import numpy as np
import pytest

from summaries.citations import CitationAwareSelector, QuoteStates
from summaries.document import plain_article
from summaries.rankers import prepare, ranker
from summaries.rankers.default import DAMPING, _marginal_relevance, pagerank
from summaries.rankers.window import RADIUS, window_similarity
from summaries.segment import MAX_SENTENCE_CHARS, sentence_spans
from summaries.sources import extract_sources, linking
from summaries.stance import analyse_stance

LINEAR = 4.5  # growth allowed from N to 4N copies (quadratic would be 16)
SYLLABLES = ("ka", "lo", "mi", "ren", "ta", "vo", "shi", "dar", "nel", "po")


def coined(number: int, salt: int) -> str:
    """A made-up name, different for every number (and salt)."""
    digits = f"{number * 7 + salt:04d}"
    return "".join(SYLLABLES[int(d)] for d in digits).capitalize()


def news_item(i: int) -> str:
    first, last, company = coined(i, 1), coined(i, 2), coined(i, 3)
    mayor_first, mayor_last, town = coined(i, 4), coined(i, 5), coined(i, 6)
    return (
        f"{first} {last}, a spokesman for {company} Industries, said on Monday that the plan would go ahead. "
        f"“We are confident,” he said. “The figures are strong and the orders keep coming.”\n\n"
        f"{last} added that the company expected growth next year. The company said profits rose by a third.\n\n"
        "An insider at the plant revealed that some orders had stopped. "
        "The insider said workers were worried about their jobs.\n\n"
        "According to the annual report, sales fell in the north. Analysts said the decision surprised the markets.\n\n"
        f"{mayor_first} {mayor_last}, the mayor of {town}, told reporters that the town would support the plant. "
        "She said the jobs mattered more than anything else."
    )


def report(copies: int):
    return plain_article("\n\n".join(news_item(i) for i in range(copies)))


# --- named sources ---


def linking_work(article, monkeypatch) -> tuple[int, int]:
    """(entries the linker looked at, mentions linked) for one article."""
    made = []

    class Recording(linking.Linker):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(linking, "Linker", Recording)
    sources = extract_sources(article)
    [linker] = made
    return linker.comparisons, sum(len(s.mentions) for s in sources)


def test_linking_work_grows_linearly_with_the_text(monkeypatch):
    work, mentions = linking_work(report(20), monkeypatch)
    longer_work, longer_mentions = linking_work(report(80), monkeypatch)
    assert longer_mentions == 4 * mentions  # every copy linked alike: the same work to do
    assert longer_work <= LINEAR * work


# --- ranking and the citation step ---


def test_a_long_text_is_ranked_in_a_window_without_an_n_by_n_matrix():
    article = report(100)
    n = len(article.sentences)
    assert n > RADIUS + 1
    document = prepare(article)
    items = CitationAwareSelector(document).select(ranker("default")(document, 50), 50)
    assert len(items) == 50
    assert "similarity" not in document._cache  # no n x n matrix was built
    window = document.window_similarity()
    assert window.band.shape == (n, RADIUS)
    longer = prepare(report(400)).window_similarity()
    assert longer.pairs <= LINEAR * window.pairs


def test_window_as_wide_as_the_text_gives_the_full_similarity_pagerank_and_mmr():
    article = report(4)
    document = prepare(article)
    n = len(document)
    full = document.similarity().copy()
    np.fill_diagonal(full, 0.0)
    rows, columns = np.nonzero(document.term_counts()[0])
    counts = document.term_counts()[0][rows, columns]
    window = window_similarity(rows, columns, counts / document.norms()[rows], n, radius=n - 1)
    same = np.zeros((n, n))  # the window's values, as a full matrix
    for i in range(n):
        after, after_values, before, before_values = window.row(i)
        same[i, after], same[i, before] = after_values, before_values
    assert np.allclose(same, full, rtol=0, atol=1e-6)  # the band holds float32
    assert np.allclose(window.pagerank(DAMPING), pagerank(document.similarity()), rtol=0, atol=1e-9)
    scores = np.round(np.random.default_rng(3).normal(size=n), 1).tolist()  # ties: the earlier sentence
    assert window.marginal_relevance(scores, n) == _marginal_relevance(scores, same, n)


def test_a_quote_left_open_is_followed_once_not_once_per_sentence(monkeypatch):
    # One paragraph: an unclosed quote mark, then many bare quoted sentences. Each one's
    # attribution is looked for where the quote closes, at the paragraph's end.
    def looked_at(sentences: int) -> int:
        text = "“" + " ".join(f"The council will spend {i} million on roads." for i in range(sentences))
        document = prepare(plain_article(text))
        selector = CitationAwareSelector(document)
        calls = []
        original = QuoteStates.__getitem__
        monkeypatch.setattr(QuoteStates, "__getitem__", lambda self, i: calls.append(i) or original(self, i))
        for index in range(sentences):
            selector.requirements(index)
        monkeypatch.setattr(QuoteStates, "__getitem__", original)
        return len(calls)

    assert looked_at(400) <= LINEAR * looked_at(100)


def test_sumy_document_reads_each_sentences_words_once(monkeypatch):
    from summaries.rankers.base import RankDocument
    from summaries.rankers.sumy_adapter import sumy_document

    def reads(copies: int) -> int:
        calls = []
        original = RankDocument.sentence_words
        monkeypatch.setattr(RankDocument, "sentence_words", lambda self, i: calls.append(i) or original(self, i))
        sumy_document(prepare(report(copies)))
        monkeypatch.setattr(RankDocument, "sentence_words", original)
        return len(calls)

    assert reads(80) <= LINEAR * reads(20)


# --- opinion and reporting ---


class CountingSentences(tuple):
    """The article's sentences, counting every pass over all of them."""

    passes = 0

    def __iter__(self):
        CountingSentences.passes += 1
        return super().__iter__()


def sentence_passes(article) -> int:
    article.sentences = CountingSentences(article.sentences)
    CountingSentences.passes = 0
    analyse_stance(article)
    return CountingSentences.passes


def test_sections_read_the_sentences_a_fixed_number_of_times():
    assert sentence_passes(report(80)) == sentence_passes(report(20))


def test_an_interview_is_read_a_fixed_number_of_times():
    def interview(turns: int):
        return plain_article("\n\n".join(
            f"Interviewer: What happened in {coined(i, 8)} last year?\n\n"
            f"{coined(1, 9)}: The town built a bridge and the shops opened again in spring."
            for i in range(turns)
        ))

    assert sentence_passes(interview(80)) == sentence_passes(interview(20))


# --- segmentation ---


@pytest.mark.parametrize("separator", [" ", "\n", ""])
def test_a_run_without_sentence_ends_is_cut_into_sentences_of_bounded_length(separator):
    words = [f"word{i}" for i in range(3000)]
    text = separator.join(words)
    pieces = [text[start:end] for start, end in sentence_spans(text)]
    assert len(pieces) > 1 and max(map(len, pieces)) <= MAX_SENTENCE_CHARS
    assert separator.join(pieces) == text  # nothing lost but the spaces cut at
    if separator:  # cut where the text has a space, never inside a word
        assert all(word in words for piece in pieces for word in piece.split(separator))


def test_ordinary_sentences_are_not_cut():
    sentence = "The council said the new bridge would open in spring, " * 30 + "and cost less."
    assert len(sentence) < MAX_SENTENCE_CHARS
    assert sentence_spans(sentence) == [(0, len(sentence))]
