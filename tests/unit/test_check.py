"""The editor's check (summaries/check.py): each flag's rule, the alignment and the offsets."""

from dataclasses import dataclass, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from summaries import analyse
from summaries.check import claim_spans
from summaries.document import plain_article
from summaries.model import Article, Sentence

ARTICLE = (
    "The city council voted on Tuesday to expand Riverside Park by 12 hectares. "
    "The plan will cost £4.5m, officials said.\n\n"
    "\"This park will not be finished before 2027,\" said Mayor Jane Holloway. "
    "Critics did not accept the timetable.\n\n"
    "Opposition leader Tom Baker said the scheme was a waste of money. "
    "The council rejected a proposal to sell the land."
)


def check(summary: str, article: Article | None = None):
    analysis = analyse(article or plain_article(ARTICLE))
    return analysis.check(summary)


def kinds(result) -> list[str]:
    return [flag.kind for claim in result.claims for flag in claim.flags]


def sentence_text(index: int) -> str:
    article = plain_article(ARTICLE)
    s = article.sentences[index]
    return article.text[s.start : s.end]


def test_a_copied_sentence_is_verbatim_and_cites_the_sentence_it_was_copied_from():
    result = check(sentence_text(4))
    (claim,) = result.claims
    assert claim.status == "verbatim" and not claim.flags
    assert [s.sentence for s in claim.support] == [4]
    assert result.clean


def test_glued_sentences_of_an_extractive_summary_are_two_claims():
    result = check(sentence_text(0) + sentence_text(1))
    assert [c.status for c in result.claims] == ["verbatim", "verbatim"]
    assert [c.support[0].sentence for c in result.claims] == [0, 1]


def test_a_leftover_quote_mark_joins_the_claim_before_it_and_is_no_claim():
    text = 'He said "we won".". Next one.\n\n".'
    assert [text[s:e] for s, e in claim_spans(text)] == ['He said "we won".".', "Next one."]


def test_changed_amount_is_a_number_flag_with_the_article_amount_as_evidence():
    result = check("The plan will cost £5.5m, officials said.")
    (flag,) = result.claims[0].flags
    assert flag.kind == "number"
    assert result.summary_text[flag.start : flag.end] == "£5.5m"
    assert ARTICLE[flag.evidence[0].start : flag.evidence[0].end] == "£4.5m"


def test_same_number_written_in_words_is_no_flag():
    assert "number" not in kinds(check("The city council voted on Tuesday to expand Riverside Park by twelve hectares."))


def test_a_rounded_amount_is_no_flag_but_another_year_or_a_far_rounding_is():
    article = plain_article("Profits rose to $1.13bn in 2003, as 464,000 subscribers joined.")
    assert kinds(check("Profits rose to $1.1bn in 2003, as 460,000 subscribers joined.", article)) == []
    assert kinds(check("Profits rose to $1.13bn in 2000, as 500,000 subscribers joined.", article)) == ["number", "number"]


def test_name_the_article_never_mentions_is_a_name_flag():
    result = check("The city council voted on Tuesday to expand Lakeside Park by 12 hectares.")
    assert kinds(result) == ["name"]
    assert result.claims[0].status == "partial"


def test_one_quoted_person_named_for_another_of_the_article_is_a_name_flag():
    result = check("Jane Holloway said the scheme was a waste of money.")
    flag = next(f for f in result.claims[0].flags if f.kind == "name")
    assert result.summary_text[flag.start : flag.end] == "Jane Holloway"
    assert "Tom Baker" in flag.message


def test_a_place_named_elsewhere_in_the_article_is_no_name_flag():
    article = plain_article(
        "The event in France starts on 19 March.\n\nO'Sullivan hopes to run at the championships in St Etienne next month."
    )
    assert kinds(check("O'Sullivan hopes to run at the championships in France next month.", article)) == []


def test_the_adjective_of_a_place_the_article_names_is_no_name_flag():
    article = plain_article("The team from Ireland won bronze in Lisbon three years ago.")
    assert kinds(check("The Irish team won bronze in Lisbon three years ago.", article)) == []


def test_changed_words_inside_quotation_marks_are_a_quote_flag():
    result = check('"This garden will not be finished before 2027," said Mayor Jane Holloway.')
    assert "quote" in kinds(result)
    flag = next(f for f in result.claims[0].flags if f.kind == "quote")
    assert "garden" in result.summary_text[flag.start : flag.end]


def test_exact_partial_quotation_is_no_flag():
    assert "quote" not in kinds(check('Mayor Jane Holloway said the park "will not be finished before 2027".'))


def test_words_given_to_another_speaker_are_an_attribution_flag():
    result = check("Tom Baker said the park will not be finished before 2027.")
    flags = [f for f in result.claims[0].flags if f.kind == "attribution"]
    assert flags and result.summary_text[flags[0].start : flags[0].end] == "Tom Baker"
    assert any("Holloway" in ARTICLE[e.start : e.end] for e in flags[0].evidence)


def test_an_attributed_opinion_stated_as_fact_is_an_attribution_flag():
    result = check("The scheme was a waste of money.")
    assert kinds(result) == ["attribution"]


def test_a_quotation_stated_as_fact_is_an_attribution_flag():
    result = check("This park will not be finished before 2027.")
    assert kinds(result) == ["attribution"]
    assert "Jane Holloway" in result.claims[0].flags[0].message


def test_a_fact_a_source_reported_may_be_stated_without_it():
    assert kinds(check("The plan will cost £4.5m.")) == []


def test_the_same_opinion_with_its_source_is_no_flag():
    assert kinds(check("Tom Baker said the scheme was a waste of money.")) == []


def test_inserted_negation_is_a_negation_flag():
    result = check("The council did not reject a proposal to sell the land.")
    assert kinds(result) == ["negation"]


def test_removed_negation_is_a_negation_flag():
    assert kinds(check("Critics did accept the timetable.")) == ["negation"]


def test_a_word_for_its_opposite_is_a_negation_flag():
    assert kinds(check("The council accepted a proposal to sell the land.")) == ["negation"]


def test_opposite_words_the_support_also_holds_are_no_flag():
    article = plain_article("Shares in the retailer fell sharply after its annual profits rose by a tenth.")
    assert kinds(check("The retailer's annual profits rose by a tenth and its shares fell sharply.", article)) == []


def test_a_sentence_from_elsewhere_is_unsupported_with_no_support():
    result = check("Football fans celebrated a late winning goal in the derby.")
    (claim,) = result.claims
    assert claim.status == "unsupported" and claim.support == ()
    assert kinds(result) == ["unsupported"]


def test_a_claim_fusing_two_sentences_lists_both_best_first():
    result = check("The city council voted to expand Riverside Park, and Tom Baker said the scheme was a waste of money.")
    (claim,) = result.claims
    assert claim.status != "unsupported"
    assert {s.sentence for s in claim.support} == {0, 4}


def test_a_paraphrase_is_supported_without_flags():
    result = check("Officials said the plan would cost £4.5m.")
    assert result.claims[0].status == "supported" and not result.claims[0].flags


def test_damaged_sentences_are_never_support():
    @dataclass(frozen=True, slots=True)
    class DamagedSentence(Sentence):
        damage: str | None = None

    article = plain_article(ARTICLE)
    sentences = list(article.sentences)
    s = sentences[4]
    sentences[4] = DamagedSentence(s.start, s.end, s.paragraph, damage="ocr")
    damaged = replace(article, sentences=tuple(sentences))
    result = check(sentence_text(4), damaged)
    assert all(support.sentence != 4 for claim in result.claims for support in claim.support)
    assert check(sentence_text(4)).claims[0].support[0].sentence == 4


def assert_offsets(result, article: Article) -> None:
    text = result.summary_text
    for claim, (start, end) in zip(result.claims, claim_spans(text), strict=True):
        assert (claim.start, claim.end) == (start, end)
        assert text[claim.start : claim.end].strip() == text[claim.start : claim.end]
        for support in claim.support:
            sentence = article.sentences[support.sentence]
            assert (support.start, support.end) == (sentence.start, sentence.end)
        for flag in claim.flags:
            assert claim.start <= flag.start <= flag.end <= claim.end
            for span in flag.evidence:
                assert 0 <= span.start < span.end <= len(article.text)


def test_every_offset_indexes_its_own_text():
    article = plain_article(ARTICLE)
    summary = (
        "The plan will cost £5.5m, officials said. Tom Baker said the park will not be finished before 2027. "
        "The scheme was a waste of money.\n\nFootball fans celebrated."
    )
    assert_offsets(check(summary, article), article)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=6), st.sampled_from(["", " ", "\n\n"]))
def test_any_extract_of_the_article_is_verbatim_with_exact_offsets(picked, glue):
    article = plain_article(ARTICLE)
    summary = glue.join(sentence_text(i) for i in picked)
    result = check(summary, article)
    assert_offsets(result, article)
    assert [c.status for c in result.claims] == ["verbatim"] * len(picked)
    assert [c.support[0].sentence for c in result.claims] == picked


def test_check_json_has_claims_and_report():
    analysis = analyse(plain_article(ARTICLE))
    result = analysis.check("The plan will cost £5.5m, officials said.")
    obj = analysis.to_json((), check=result)
    (claim,) = obj["claims"]
    assert claim["text"] == obj["summary_text"][claim["start"] : claim["end"]]
    support = claim["support"][0]
    assert obj["text"][support["start"] : support["end"]] == sentence_text(1)
    assert set(support) == {"sentence", "start", "end", "raw_start", "raw_end", "score"}
    assert set(claim["flags"][0]) >= {"kind", "text", "start", "end", "evidence"}
    assert obj["report"] == {"claims": 1, "verbatim": 0, "supported": 0, "partial": 1, "unsupported": 0, "flags": 1}
