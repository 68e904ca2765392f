"""OCR damage (issue 14): repairs recorded as changes, marks for what cannot be repaired.

Invented texts: a pull quote spliced word-wise into a body line, a heading glued to its
paragraph, column lines left open across blank lines, and damage left as it is.
"""

from __future__ import annotations

import string
from itertools import pairwise

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaning_helpers import clean_text, unaccounted
from reader.cleaning import glued, pipeline, splices
from summaries.model import Sentence

QUOTE = "The harbour board has never once published its accounts in full."
BODY = (
    "Residents asked the council to explain the storage of the old ferry fleet, which has "
    "cost the town more than it earned in any of the last ten years."
)
# BODY's lines (hyphenated at "stor-" / "age") with QUOTE's 18-character lines between
# them, read across the page into one raw line.
SPLICED = (
    "Residents asked the council to explain the stor- The harbour board age of the old ferry fleet, "
    "which has has never once cost the town more than it earned published its in any of the last ten years. "
    "accounts in full."
)
OTHER = (
    "The board meets every month in the town hall. " + QUOTE + " Its chairman said the figures would follow."
)


def _article(*paragraphs: str):
    [article] = clean_text("Ferry Costs\n\n" + "\n\n".join(paragraphs) + "\n")
    return article


def test_spliced_pull_quote_is_taken_out_and_the_word_split_around_it_rejoined():
    article = _article("The ferry fleet was laid up in 2019 after the last season ended.", SPLICED, OTHER)
    assert BODY in article.text
    assert article.text.count(QUOTE) == 1  # the quote's own place keeps it
    cut = [r.text for r in article.removed if r.reason == splices.REASON_SPLICE]
    assert cut == ["The harbour board", "has never once", "published its", "accounts in full."]
    [rejoined] = [r for r in article.removed if r.reason == splices.REASON_REJOINED]
    assert rejoined.replacement == "storage" and rejoined.text == "stor- The harbour board age"
    assert not any(s.damage for s in article.sentences)


def test_a_compound_split_around_a_spliced_quote_keeps_its_hyphen():
    body = SPLICED.replace("the stor- The harbour board age of", "the state- The harbour board owned")
    article = _article(body, OTHER)
    assert "explain the state-owned the old ferry fleet" in article.text
    [rejoined] = [r for r in article.removed if r.reason == splices.REASON_REJOINED]
    assert rejoined.replacement == "state-owned"


def test_shared_phrases_that_do_not_start_a_sentence_elsewhere_are_marked_not_cut():
    # A paragraph quoting the speech that the lead paraphrased: same words, in order,
    # with others between, but the lead's passage starts mid-sentence.
    lead = "Lord Smith said ministers were free to bring in bad Bills and to do whatever it likes and more besides."
    quote = (
        '"The executive is much too free to bring in a huge number of extremely bad Bills, a huge amount '
        'of regulation and to do whatever it likes - and whatever it likes is what gets headlines," he said.'
    )
    article = _article(lead, quote)
    assert quote in article.text
    assert not any(r.reason == splices.REASON_SPLICE for r in article.removed)
    [damaged] = [s for s in article.sentences if s.damage]
    assert damaged.damage == splices.DAMAGE_UNSURE


def test_heading_glued_to_its_paragraph_is_split_into_heading_and_paragraph():
    [article] = clean_text(
        "Quality Crisis\n\nThe first paragraph says what happened and why it matters to readers.\n\n"
        "Unethical Business PracticesJudging from the state of the economy, the effort failed.\n\n"
        "The last paragraph ends the article with a quote from the minister.\n"
    )
    heading = next(p for p in article.paragraphs if p.kind == "heading")
    assert article.span_text(heading) == "Unethical Business Practices"
    assert "Judging from the state of the economy, the effort failed." in article.text
    [change] = [r for r in article.removed if r.reason == glued.REASON]
    assert change.text == "sJ" and change.replacement == "s\n\nJ"


def test_camel_case_names_are_not_glued_headings():
    for line in ("ScanSoft and Gracenote are developing technology for film libraries.",
                 "Sony PlayStation sales rose sharply over the holiday season."):
        assert glued._glued_heading(line) is None


def test_column_lines_left_open_inside_a_list_join_across_blank_lines_before_a_capital():
    [article] = clean_text(
        "Party Units\n\nOfficials at IBM, PepsiCo, 3M, Dow\n\nChemical, Marriott, Nielsen, Mars, and\n\n"
        "MetLife didn't immediately respond to a\n\nrequest for comment.\n\nDefective Testing Kits\n\n"
        "On Aug. 25, the agency stated that the kits were faulty.\n"
    )
    texts = [article.span_text(p) for p in article.paragraphs]
    assert texts[0] == (
        "Officials at IBM, PepsiCo, 3M, Dow Chemical, Marriott, Nielsen, Mars, and MetLife "
        "didn't immediately respond to a request for comment."
    )
    assert texts[1] == "Defective Testing Kits"  # a heading is no open line


def test_two_columns_in_one_line_and_a_word_split_around_others_are_marked_damaged():
    article = _article(
        "Citing the port's expanded in-Westfield 4G rollout, the report questioned the timing. "
        "Residents welcomed the delay.",
        "The attacks were routed through a state-controlled opera- an emailed statement said on Monday.",
        "Both pre- and post-war plans were shown to the committee on Tuesday.",
    )
    marks = {article.text[s.start : s.end][:20]: s.damage for s in article.sentences}
    assert marks["Citing the port's ex"] == splices.DAMAGE_TWO_COLUMNS
    assert marks["The attacks were rou"] == splices.DAMAGE_SPLIT_WORD
    assert marks["Residents welcomed t"] is None and marks["Both pre- and post-w"] is None


def test_clean_text_is_never_marked():
    article = _article(
        "The council met on Tuesday to discuss the new harbour. Officials said the plan would cost more.",
        "The state-owned ferry company, which runs a well-known route, said profits rose in the second half.",
        "The mayor said the council would decide next month after a public hearing on the costs.",
    )
    assert not any(s.damage for s in article.sentences) and not article.removed


def test_line_end_hyphen_read_inside_a_line_is_undone_when_the_word_list_knows_the_word():
    article = _article("The strengthening yen was making expo- rts less competitive, observers said on Monday.")
    assert "making exports less competitive" in article.text
    [change] = [r for r in article.removed if r.reason == splices.REASON_LINE_END]
    assert change.text == "expo- rts" and change.replacement == "exports"


# ---------------------------------------------------------------- properties

PIECES = st.sampled_from(
    [" ", "\n", "\n\n", "- ", "-", "stor- ", "in-Westfield ", "opera- an ", "PracticesJudging ", ", ", ". ", "The ",
     "Officials at IBM, PepsiCo, 3M, Dow\n\n", "Chemical, Mars, and\n\n", QUOTE + " ", "has never once ", "age "]
)
WORDS = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=10)
TEXT = st.lists(st.one_of(PIECES, WORDS), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_marking_never_changes_the_text_or_any_span(raw):
    marked = clean_text(raw)
    original = pipeline.mark_damage
    pipeline.mark_damage = lambda sentences, offsets, damage: sentences
    try:
        unmarked = clean_text(raw)
    finally:
        pipeline.mark_damage = original
    assert len(marked) == len(unmarked)
    for a, b in zip(marked, unmarked, strict=True):
        assert a.text == b.text and a.paragraphs == b.paragraphs and a.removed == b.removed
        assert np.array_equal(a.offsets.offsets, b.offsets.offsets)
        assert [(s.start, s.end, s.paragraph) for s in a.sentences] == [(s.start, s.end, s.paragraph) for s in b.sentences]
        assert all(s.damage is None for s in b.sentences)
    assert unaccounted(raw, marked) == ""


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 10), st.sampled_from(["a", "b"])), max_size=6),
)
def test_mark_damage_keeps_every_span_and_marks_only_sentences_holding_damage(cuts, damage):
    offsets = np.arange(100, dtype=np.int64)
    bounds = sorted(set(cuts))
    sentences = tuple(Sentence(s, e, 0) for s, e in pairwise(bounds))
    spans = sorted((start, start + length, why) for start, length, why in damage)
    marked = pipeline.mark_damage(sentences, offsets, spans) if spans else sentences
    assert [(s.start, s.end, s.paragraph) for s in marked] == [(s.start, s.end, s.paragraph) for s in sentences]
    for sentence in marked:
        hit = any(sentence.start < e and s < sentence.end for s, e, _ in spans if s < e)
        assert (sentence.damage is not None) == hit


# ---------------------------------------------------------------- linear work


def _splice_work(lines: int, monkeypatch) -> int:
    """Word comparisons the splice search makes on one paragraph of `lines` column
    lines (a repeated sentence, the worst case: every word pair is found elsewhere)."""
    calls = [0]
    match = splices._match

    def counting(token, word):
        calls[0] += 1
        return match(token, word)

    monkeypatch.setattr(splices, "_match", counting)
    paragraph = " ".join(["the council said the plan would go ahead as planned"] * lines)
    tokens = [splices.tokens_of(t) for t in (paragraph, "The council said the plan would go ahead as planned.")]
    splices.find_chains(tokens)
    return calls[0]


def test_splice_search_work_grows_linearly_with_a_long_paragraph(monkeypatch):
    small, large = _splice_work(3000, monkeypatch), _splice_work(12000, monkeypatch)
    assert large <= 4.5 * small


# ---------------------------------------------------------------- what a damaged sentence is not


def test_a_damaged_sentence_is_no_source_mentions_content():
    from dataclasses import replace

    from summaries.document import plain_article
    from summaries.sources import extract_sources

    article = plain_article("Residents welcomed the plan. The mayor said the harbour would cost more than expected.\n")
    [clean_mention] = [m for s in extract_sources(article) for m in s.mentions]
    assert clean_mention.content is not None
    article.sentences = (article.sentences[0], replace(article.sentences[1], damage=splices.DAMAGE_TWO_COLUMNS))
    mentions = [m for s in extract_sources(article) for m in s.mentions]
    assert mentions and all(m.content is None for m in mentions)
