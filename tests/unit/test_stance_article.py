"""Article-level stance: sections and their smoothing, attribution from sources, article type."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from interview_support import as_interview

from summaries.document import plain_article
from summaries.model import Mention, Source, Span
from summaries.stance import analyse_stance
from summaries.stance.article_type import edit_distance, match_kicker
from summaries.stance.sections import smooth
from summaries.stance.weights import parse_weights, shipped_weights
from summaries.stance.features import FEATURES

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

REPORT = (
    "On March 3, 2021, the ministry announced that 4,200 workers at 12 plants received a 3 percent raise. "
    "The agreement was signed in Geneva by 14 delegates on Tuesday."
)
OPINION = (
    "Frankly, this absurd scheme is an utterly disgraceful waste of everyone's time! "
    "We must stop pretending that this disastrous policy is anything but a shameless power grab."
)
STRAY = "Frankly, this absurd scheme is an utterly disgraceful waste of everyone's time!"


def article_of(*paragraphs: str):
    return plain_article("\n\n".join(paragraphs))


def test_every_sentence_gets_a_verdict_in_order():
    article = article_of(REPORT, OPINION)
    stance = analyse_stance(article, [])
    assert [v.sentence for v in stance.sentences] == list(range(len(article.sentences)))
    assert {v.label for v in stance.sentences} == {"opinion", "reporting"}


def test_sections_are_maximal_runs_of_paragraphs_with_the_same_label():
    article = article_of(REPORT, REPORT, OPINION, OPINION, REPORT, REPORT)
    sections = analyse_stance(article, []).sections
    assert [(s.label, s.first_paragraph, s.last_paragraph) for s in sections] == [
        ("reporting", 0, 1),
        ("opinion", 2, 3),
        ("reporting", 4, 5),
    ]
    assert sections[1].start == article.paragraphs[2].start and sections[1].end == article.paragraphs[3].end
    assert sections[1].score > 0.5 > sections[0].score
    assert sections[1].cues


def test_one_stray_opinion_sentence_does_not_split_a_reporting_section():
    article = article_of(REPORT, REPORT, STRAY, REPORT, REPORT)
    stance = analyse_stance(article, [])
    assert any(v.label == "opinion" for v in stance.sentences)  # the sentence itself keeps its label
    assert [s.label for s in stance.sections] == ["reporting"]


def test_smoothing_keeps_a_paragraph_backed_by_more_than_one_sentence():
    labels = ["reporting", "opinion", "reporting"]
    assert smooth(labels, [2, 1, 2], set()) == ["reporting", "reporting", "reporting"]
    assert smooth(labels, [2, 2, 2], set()) == labels
    assert smooth(labels, [2, 1, 2], {1}) == labels


def test_attributed_opinion_from_sources_is_reporting_and_forms_analysis():
    view = "The reform is hopeless and the government should abandon it. Its reckless backers are utterly naive."
    article = article_of(REPORT, REPORT, view, view, REPORT, REPORT)
    own = analyse_stance(article, [])
    assert [s.label for s in own.sections][1] == "opinion"
    mentions = []
    for paragraph in (2, 3):
        for index in article.sentences_in(paragraph):
            sentence = article.sentences[index]
            mentions.append(Mention(sentence.start, sentence.start + 3, None, "believes", Span(sentence.start, sentence.end), index))
    sources = [Source("Li Linyi", "person", "economist", mentions)]
    stance = analyse_stance(article, sources)
    relayed = [stance.sentences[i] for p in (2, 3) for i in article.sentences_in(p)]
    assert all(v.label == "reporting" and v.cues[0] == "attributed to: Li Linyi" for v in relayed)
    assert [s.label for s in stance.sections] == ["reporting", "analysis", "reporting"]
    assert stance.sections[1].cues[0].startswith("attributed to: Li Linyi")
    assert stance.article_type == "News"


@pytest.mark.parametrize("label", ["OPINION", "Opinion", "OPINIOI", "0PINION"])
def test_opinion_kicker_makes_an_opinion_article_even_when_ocr_damaged(label):
    article = replace(article_of(REPORT, REPORT, REPORT), label=label)
    stance = analyse_stance(article, [])
    assert stance.article_type == "Opinion"
    assert stance.type_reasons[0].startswith(f"kicker: {label}")


def test_kicker_left_in_the_body_is_found_on_a_short_top_line():
    stance = analyse_stance(article_of("Workers produce masks at a factory.", "OPINIOI", REPORT, REPORT), [])
    assert stance.article_type == "Opinion"


def test_kicker_matching_uses_edit_distance_not_any_similar_word():
    assert edit_distance("OPINIOI", "OPINION") == 1
    assert match_kicker("OPINIOI") == "OPINION"
    assert match_kicker("ONION") is None
    assert match_kicker("The opinion of the court was clear") is None


def test_disclaimer_makes_an_opinion_article():
    disclaimer = "Views expressed in this article are the opinions of the author and do not necessarily reflect the views of The Times."
    stance = analyse_stance(article_of(REPORT, REPORT, disclaimer), [])
    assert stance.article_type == "Opinion"
    assert stance.type_reasons[0].startswith("disclaimer:")


def test_interview_turns_in_text_make_an_interview_and_answers_are_the_speakers():
    question = "Interviewer: What did you see during your years working at the plant?"
    answer = "Zhao Jie: We must stop pretending that this disastrous policy is anything but a shameless power grab."
    article = article_of(REPORT, question, answer, question, answer, question, answer)
    stance = analyse_stance(article, [])
    assert stance.article_type == "Interview"
    assert "Interviewer" in stance.type_reasons[0] and "Zhao Jie" in stance.type_reasons[0]
    answers = [stance.sentences[i] for p in (2, 4, 6) for i in article.sentences_in(p)]
    assert all(v.label == "reporting" and v.cues[0] == "attributed to: Zhao Jie" for v in answers)


def test_paragraph_kind_turn_marks_an_interview():
    article = as_interview(article_of(REPORT, REPORT, REPORT, REPORT, REPORT), [None, "Q", "Ann Lee", "Q", "Ann Lee"])
    stance = analyse_stance(article, [])
    assert stance.article_type == "Interview"


def test_field_lines_alone_are_not_interview_turns():
    notice = (
        "Aliases: Jin Xinjiang\tPlace of Birth: Hangzhou\nHair: Black\tEyes: Brown\nBuild: Medium\tSex: Male\n"
        "Race: Asian\tOccupation: Software Engineer"
    )
    appeal = "Xinjiang Jin is wanted for his alleged role in a conspiracy. If you have any information concerning this case, please contact the nearest office."
    stance = analyse_stance(article_of("WANTED BY THE FBI", notice, appeal), [])
    assert stance.article_type == "Notice"


def test_editors_note_paragraph_is_an_opinion_section():
    note = "Editor's Note: Recently, the ministry has been showcasing its achievements. Many of them were reported in 2024."
    stance = analyse_stance(article_of("A headline about the plant", note, REPORT, REPORT), [])
    note_section = next(s for s in stance.sections if s.first_paragraph <= 1 <= s.last_paragraph)
    assert note_section.label == "opinion"
    assert "editor's note" in note_section.cues


def test_share_of_opinion_sentences_decides_without_explicit_signals():
    assert analyse_stance(article_of(REPORT, REPORT, REPORT), []).article_type == "News"
    opinionated = analyse_stance(article_of(OPINION, OPINION, OPINION), [])
    assert opinionated.article_type == "Opinion"
    assert opinionated.type_reasons[0].startswith("opinion sentences:")


def test_headings_take_the_label_of_what_they_introduce():
    article = article_of(REPORT, REPORT, "The Price of Failure", OPINION, OPINION)
    paragraphs = tuple(replace(p, kind="heading") if i == 2 else p for i, p in enumerate(article.paragraphs))
    sections = analyse_stance(replace(article, paragraphs=paragraphs), []).sections
    assert [(s.label, s.first_paragraph) for s in sections] == [("reporting", 0), ("opinion", 2)]


def test_empty_article_has_no_sections():
    stance = analyse_stance(plain_article(""), [])
    assert stance.sentences == [] and stance.sections == [] and stance.article_type == "News"


def test_shipped_weights_load_and_name_every_feature():
    weights = shipped_weights()
    assert len(weights.weights) == len(FEATURES)
    assert any(w != 0 for w in weights.weights)


def test_weights_file_with_a_missing_feature_is_rejected():
    text = "bias 0.1\n" + "\n".join(f"{name} 0.5" for name in FEATURES[1:])
    with pytest.raises(ValueError, match=FEATURES[0]):
        parse_weights(text)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_article_with_ocr_damaged_kicker_is_opinion():
    from reader.pipeline import load_articles  # the real cleaning, whatever its splitting

    loaded = [item for item in load_articles([str(SEEDS / "003_338a9537a4cc869e.txt")]) if not isinstance(item, Exception)]
    articles = [a for _, batch in loaded for a in batch]
    quality = [a for a in articles if "Quality Crisis" in (a.title or "") or "Quality Crisis" in a.text[:2000]]
    assert quality
    assert analyse_stance(quality[0]).article_type == "Opinion"
