"""Article context in stance: quotations and attributions that carry on, the article's
and a heading's prior, runs of opinion that smoothing must not swallow, interviews by exchange."""

from __future__ import annotations

from dataclasses import replace

from summaries.document import plain_article
from summaries.model import Mention, Source, Span
from summaries.stance import analyse_stance
from summaries.stance.analyse import DECLARED_OPINION_PRIOR, quotation_runs
from summaries.stance.sections import keep_supported_runs
from summaries.stance.sentences import judge

REPORT = (
    "On March 3, 2021, the ministry announced that 4,200 workers at 12 plants received a 3 percent raise. "
    "The agreement was signed in Geneva by 14 delegates on Tuesday."
)
FACT = "The factory cut its orders by half in May 2023."
MILD = "Officials treat every complaint as a nuisance."  # evaluative wording, below one half on its own
STRONG = (
    "Frankly, this absurd scheme is an utterly disgraceful waste of everyone's time! "
    "We must stop pretending that this disastrous policy is anything but a shameless power grab."
)


def article_of(*paragraphs: str):
    return plain_article("\n\n".join(paragraphs))


def mention_on(article, index: int, cue: str = "According to") -> Mention:
    sentence = article.sentences[index]
    return Mention(sentence.start, sentence.start + 3, None, cue, Span(sentence.start, sentence.end), index)


def sentence_of(article, stance, text: str):
    index = next(i for i, s in enumerate(article.sentences) if article.span_text(s) == text)
    return stance.sentences[index]


def test_multi_sentence_quotation_continues_the_previous_sources_turn():
    said = "According to Wang, the big state firms have cut their orders to small suppliers."
    quote = "“For example, our plant lost two contracts in May. We are desperately struggling. The pressure is overwhelming.”"
    article = article_of(REPORT, said, quote, REPORT)
    sources = [Source("Wang Gang", "person", "insider", [mention_on(article, article.sentences_in(1)[0])])]
    stance = analyse_stance(article, sources)
    for index in article.sentences_in(2):
        assert stance.sentences[index].label == "reporting"
        assert stance.sentences[index].cues[0] == "attributed to: Wang Gang"


def test_balanced_scare_quotes_do_not_start_a_quotation_run():
    article = article_of('The regime hunts for "perpetrators" again. It blames the "hostile forces" too. It never learns.')
    assert quotation_runs(article) == []


def test_quotation_left_open_at_a_paragraph_end_runs_on_only_into_a_quoted_paragraph():
    stray = article_of('He wrote "this is the end. Nothing follows. The policy failed.', REPORT)
    assert quotation_runs(stray) == []
    continued = article_of('“This is the end. Nothing follows.', "“The policy failed,” he said.")
    assert quotation_runs(continued) == [[0, 1]]


def test_paragraph_opening_with_an_attribution_continues_in_that_voice_in_news():
    account = f"According to Wang, the big state firms have cut their orders. {STRONG}"
    article = article_of(REPORT, account, REPORT)
    sources = [Source("Wang Gang", "person", "insider", [mention_on(article, article.sentences_in(1)[0])])]
    stance = analyse_stance(article, sources)
    assert all(stance.sentences[i].cues[0] == "attributed to: Wang Gang" for i in article.sentences_in(1))
    # …but not in a piece that declares itself opinion: there the author argues after citing.
    opinion_piece = replace(article, label="OPINION")
    stance = analyse_stance(opinion_piece, sources)
    assert [stance.sentences[i].label for i in article.sentences_in(1)[1:]] == ["opinion", "opinion"]


def test_declared_opinion_article_tips_unattributed_evaluative_sentences_only():
    assert judge(MILD).opinion_probability < 0.5 and judge(MILD).evaluative
    article = article_of(f"{MILD} {FACT}", REPORT)
    plain = analyse_stance(article, [])
    declared = analyse_stance(replace(article, label="OPINION"), [])
    assert sentence_of(article, plain, MILD).label == "reporting"
    mild = sentence_of(article, declared, MILD)
    assert mild.score > sentence_of(article, plain, MILD).score
    assert "opinion article (kicker: OPINION)" in mild.cues
    # a sentence citing figures keeps its verdict whatever the article's type
    assert sentence_of(article, declared, FACT).score == sentence_of(article, plain, FACT).score


def test_prior_moves_the_log_odds_by_the_documented_amount():
    verdict = judge(MILD)
    shifted = verdict.with_prior(DECLARED_OPINION_PRIOR, "test")
    odds = lambda p: p / (1 - p)  # noqa: E731
    assert abs(odds(shifted.score) / odds(verdict.score) - 2.718281828) < 1e-6


def test_evaluative_heading_leans_its_block_toward_opinion_until_the_next_heading():
    article = article_of("A Disgraceful And Hopeless Failure", f"{MILD} {MILD}", "Plant Figures", f"{MILD} {MILD}")
    paragraphs = tuple(replace(p, kind="heading") if i in (0, 2) else p for i, p in enumerate(article.paragraphs))
    headed = replace(article, paragraphs=paragraphs)
    assert judge("A Disgraceful And Hopeless Failure").label == "opinion"
    assert judge("Plant Figures").label == "reporting"
    stance = analyse_stance(headed, [])
    under_evaluative = [stance.sentences[i] for i in headed.sentences_in(1)]
    under_plain = [stance.sentences[i] for i in headed.sentences_in(3)]
    assert all(v.label == "opinion" for v in under_evaluative)
    assert all(v.label == "reporting" for v in under_plain)


def test_blending_does_not_swallow_a_run_of_supported_opinion_paragraphs():
    own = ["reporting", "opinion", "opinion", "reporting"]
    blended = ["reporting", "reporting", "reporting", "reporting"]
    assert keep_supported_runs(blended, own, [2, 2, 2, 2]) == own
    # a lone paragraph, or one backed by a single sentence, is left to the blend
    assert keep_supported_runs(blended, own, [2, 1, 2, 2]) == blended
    assert keep_supported_runs(blended, ["reporting", "opinion", "reporting", "reporting"], [2, 2, 2, 2]) == blended


def test_half_opinion_paragraphs_in_a_row_form_an_opinion_section():
    half = f"{STRONG} {REPORT}"
    article = article_of(REPORT, REPORT, half, half, REPORT, REPORT)
    sections = analyse_stance(article, []).sections
    assert [(s.label, s.first_paragraph, s.last_paragraph) for s in sections] == [
        ("reporting", 0, 1),
        ("opinion", 2, 3),
        ("reporting", 4, 5),
    ]


def test_interview_sections_follow_exchanges_account_is_reporting_evaluation_is_analysis():
    ask = "Interviewer: What did you see during your years working at the plant?"
    account = "Zhao Jie: I worked on the production line from 2012 to 2018 and then moved to the technical department in Luoyang."
    more = "In 2019 the plant received 40 orders for helmets and 12 for drone parts."
    judgement = "Zhao Jie: Frankly, the whole system is an utterly disgraceful and hopeless mess, and we must stop pretending otherwise."
    article = article_of(REPORT, ask, account, more, ask, judgement, STRONG, ask, account, more)
    stance = analyse_stance(article, [])
    assert stance.article_type == "Interview"
    assert [(s.label, s.first_paragraph) for s in stance.sections] == [
        ("reporting", 0),
        ("analysis", 4),
        ("reporting", 7),
    ]
