"""The rankers behind the common call: each returns a whole ranking of our own sentences."""

import subprocess
import sys

import numpy as np
import pytest

from summaries.document import plain_article
from summaries.algorithms import ALGORITHMS
from summaries.rankers import prepare, ranker
from summaries.rankers.base import term_tokens
from summaries.rankers.default import DefaultRanker, Weights, pagerank
from summaries.rankers.sumy_adapter import sumy_document

TEXT = (
    "The city council approved a new budget for public transport on Monday.\n\n"
    "The budget doubles spending on buses and adds two new tram lines.\n\n"
    "Council members argued for hours about the cost of the tram lines.\n\n"
    "Bus drivers welcomed the extra spending on buses.\n\n"
    "The weather was mild and sunny in the afternoon.\n\n"
    "The new tram lines and buses should run by next year, the council said."
)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_ranker_returns_every_sentence_once(algorithm):
    article = plain_article(TEXT, title="Council doubles bus spending")
    ranking = ranker(algorithm)(prepare(article), 2)
    assert sorted(r.sentence for r in ranking) == list(range(len(article.sentences)))
    assert all(isinstance(r.score, float) for r in ranking)


def test_rankers_are_built_once_and_shared():
    assert ranker("lexrank") is ranker("lexrank")
    assert ranker("default") is ranker("default")


def test_lead_ranks_in_article_order():
    article = plain_article(TEXT)
    assert [r.sentence for r in ranker("lead")(prepare(article), 3)] == list(range(len(article.sentences)))


def test_sumy_gets_our_sentences_and_words_with_the_title_as_heading():
    article = plain_article(TEXT, title="Council doubles bus spending")
    document = prepare(article)
    sumy = sumy_document(document)
    assert [str(s) for s in sumy.sentences] == document.texts
    assert [list(s.words) for s in sumy.sentences] == document.words
    assert [str(h) for h in sumy.headings] == ["Council doubles bus spending"]
    assert len(sumy.paragraphs) == len(article.paragraphs)


def test_repeated_sentences_stay_separate_in_sumy_rankings():
    text = "Prices rose again today in the shops. Prices rose again today in the shops. Wages did not rise at all."
    ranking = ranker("lexrank")(prepare(plain_article(text)), 2)
    assert sorted(r.sentence for r in ranking) == [0, 1, 2]


def test_edmundson_rewards_sentences_that_share_the_title_words():
    text = (
        "Officials met in the capital on a quiet Tuesday morning.\n\n"
        "The hospital strike ended after nurses accepted the pay offer.\n\n"
        "Officials met again in the capital on a quiet Wednesday morning."
    )
    with_title = ranker("edmundson")(prepare(plain_article(text, title="Nurses end hospital strike")), 1)
    assert with_title[0].sentence == 1


def test_pagerank_is_a_distribution_that_favours_the_hub():
    similarity = np.array(
        [[1.0, 0.5, 0.5, 0.5], [0.5, 1.0, 0.0, 0.0], [0.5, 0.0, 1.0, 0.0], [0.5, 0.0, 0.0, 1.0]]
    )
    rank = pagerank(similarity)
    assert rank.sum() == pytest.approx(1.0)
    assert int(rank.argmax()) == 0
    isolated = pagerank(np.eye(3))  # no edges at all: every sentence alike
    assert np.allclose(isolated, 1 / 3)


def test_default_ranker_puts_the_central_sentence_first():
    ranking = ranker("default")(prepare(plain_article(TEXT)), 2)
    assert ranking[0].sentence != 4  # the weather sentence shares nothing with the rest
    assert ranking[-1].sentence == 4


def test_redundancy_pushes_a_repeat_of_the_top_sentence_down():
    text = (
        "The council approved new tram lines and more buses for the city.\n\n"
        "The council approved new tram lines and more buses for the city today.\n\n"
        "Drivers expect shorter waits for buses.\n\n"
        "Residents hope trams reduce traffic.\n\n"
        "Shops near the council offices expect more trade."
    )
    document = prepare(plain_article(text))
    with_mmr = DefaultRanker(Weights(redundancy=3.0))(document, 2)
    without = DefaultRanker(Weights(redundancy=0.0))(document, 2)
    assert {without[0].sentence, without[1].sentence} == {0, 1}  # the two copies are the most central
    assert {with_mmr[0].sentence, with_mmr[1].sentence} != {0, 1}


def test_dangling_start_lowers_the_default_score():
    plain = "The council approved the new tram lines. Buses will run more often. Drivers approved the plan."
    dangling = "The council approved the new tram lines. They will run more often. Drivers approved the plan."
    score = lambda text: DefaultRanker().scores(prepare(plain_article(text)))[1]  # noqa: E731
    assert score(dangling) < score(plain)


def test_a_short_summary_prefers_the_sentence_that_says_more():
    # Two sentences about the same thing, equally placed; a one-line summary of a
    # long article takes the fuller one, a summary of half the article has no length preference.
    filler = "".join(f"Item {i} of the agenda was read out by the clerk.\n\n" for i in range(8))
    text = (
        filler
        + "The council approved the tram plan.\n\n"
        + "The council approved the tram plan, which adds two lines, forty stops and a depot by 2027.\n\n"
    )
    document = prepare(plain_article(text))
    short, full = len(document) - 2, len(document) - 1
    default = DefaultRanker()
    assert default.length_weight(len(document), 1) > 0
    assert default.length_weight(len(document), len(document) // 2) == 0
    one = default.scores(document, 1)
    half = default.scores(document, len(document) // 2)
    assert one[full] - one[short] > half[full] - half[short]
    no_length = DefaultRanker(Weights(length=0.0)).scores(document, 1)
    assert no_length[full] - no_length[short] == pytest.approx(half[full] - half[short])


def test_no_algorithm_needs_downloaded_nltk_data(tmp_path):
    code = (
        "from summaries.document import plain_article\n"
        "from summaries.algorithms import ALGORITHMS\n"
        "from summaries.summarize import summarize\n"
        f"article = plain_article({TEXT!r}, title='Council doubles bus spending')\n"
        "for name in ALGORITHMS:\n"
        "    assert summarize(article, name, sentences=2), name\n"
    )
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr


def test_terms_are_lower_cased_words_without_punctuation_or_quote_marks():
    assert term_tokens("“Don’t,” the U.S. 'hawks' said—twice, well-known £5m café.") == [
        b"don't", b"the", b"u", b"s", b"hawks", b"said", b"twice", b"well-known", b"5m", "café".encode(),
    ]


def test_term_matrix_counts_content_words_per_sentence_and_skips_function_words():
    document = prepare(plain_article("Buses and buses run. The trams run late."))
    counts, columns = document.term_counts()
    assert counts[0, columns.get(b"buses")] == 2
    assert counts[:, columns.get(b"run")].tolist() == [1, 1]
    assert columns.get(b"the") is None and columns.get(b"and") is None
    assert document.term_sizes() == [4, 4]


def test_default_ranking_does_not_depend_on_articles_ranked_before():
    article = plain_article(TEXT, title="Council doubles bus spending")
    first = ranker("default")(prepare(article), 3)
    other = "Storms closed schools across the north. Pupils stayed home while teachers marked exams online."
    ranker("default")(prepare(plain_article(other, title="Storms close schools")), 2)
    assert ranker("default")(prepare(article), 3) == first


def test_each_name_in_the_algorithm_table_builds_its_own_ranker_once():
    for name in ALGORITHMS:
        built = ranker(name)
        assert built.name == name and ranker(name) is built
    with pytest.raises(ValueError, match="unknown algorithm 'nope'; choose from default, lead"):
        ranker("nope")


def _random_similarity(n, seed):
    rng = np.random.default_rng(seed)
    counts = rng.poisson(0.3, size=(n, 3 * n)).astype(float)
    counts[n // 2] = 0.0  # a sentence without terms: a dangling node
    norms = np.sqrt((counts * counts).sum(axis=1))
    unit = counts / np.where(norms == 0, 1.0, norms)[:, None]
    return unit @ unit.T


@pytest.mark.parametrize("n", [2, 7, 30])
def test_pagerank_by_squaring_equals_the_linear_solve(n, monkeypatch):
    from summaries.rankers import default

    similarity = _random_similarity(n, n)
    monkeypatch.setattr(default, "SQUARING_UP_TO", 10**6)
    squared = pagerank(similarity)
    monkeypatch.setattr(default, "SQUARING_UP_TO", 0)
    solved = pagerank(similarity)
    assert np.allclose(squared, solved, rtol=0, atol=1e-12)


def _greedy_mmr(scores, cost, count):
    """Maximal marginal relevance the plain way: every margin updated at every pick."""
    remaining, closest, taken = scores.astype(float), np.zeros(len(scores)), []
    for _ in range(count):
        best = int((remaining - closest).argmax())
        taken.append(best)
        remaining[best] = -np.inf
        closest = np.maximum(closest, cost[best])
    return taken


@pytest.mark.parametrize("seed", range(20))
def test_lazy_marginal_relevance_takes_what_the_plain_greedy_takes(seed):
    from summaries.rankers.default import _marginal_relevance

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    cost = _random_similarity(n, seed)
    scores = np.round(rng.normal(size=n), 1)  # rounded: ties must go to the earlier sentence
    count = int(rng.integers(1, n + 1))
    assert _marginal_relevance(scores.tolist(), cost, count) == _greedy_mmr(scores, cost, count)


def test_similarity_is_the_same_with_or_without_leaving_out_single_sentence_terms(monkeypatch):
    from summaries.rankers import base

    article = plain_article(TEXT, title="Council doubles bus spending")
    monkeypatch.setattr(base, "SHARED_TERMS_FROM", 10**6)
    direct = prepare(article).similarity()
    monkeypatch.setattr(base, "SHARED_TERMS_FROM", 0)
    shared = prepare(article).similarity()
    assert np.allclose(direct, shared, rtol=0, atol=1e-12)
    assert np.allclose(np.diag(direct), 1.0)


def test_title_terms_in_quote_marks_match_the_same_words_in_sentences():
    article = plain_article("Bloggers chose blog as the word of the year. Editors were surprised.", title="'Blog' is word of the year")
    document = prepare(article)
    _, columns = document.term_counts()
    assert columns.get(b"blog") in document.title_columns()
    assert columns.get(b"year") in document.title_columns()


def test_the_speed_floor_of_the_benchmark_is_a_real_summary():
    # benchmarks/summaries.py times the cheapest ranking by shared words beside the
    # 20x LexRank budget; the figure means something only if that ranking really
    # summarises: exact sentences, in article order, the central ones first.
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "summaries.py"
    spec = importlib.util.spec_from_file_location("summaries_benchmark", path)
    benchmark = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = benchmark  # its dataclasses look their module up by name
    spec.loader.exec_module(benchmark)
    article = plain_article(
        "Buses and trams get more money from the council.\n\n"
        "The council gives buses and trams more money.\n\n"
        "Rain soaked Glasgow overnight.\n\n"
        "More money for buses and trams, the council said."
    )
    items = benchmark.floor_summary(article, 2)
    assert [i.sentence for i in items] == sorted(i.sentence for i in items)
    assert all((i.start, i.end) == (article.sentences[i.sentence].start, article.sentences[i.sentence].end) for i in items)
    assert 2 not in {i.sentence for i in items}  # shares no word with the rest
    assert len(benchmark.floor_summary(plain_article("One sentence only here."), 3)) == 1
