from reader.cleaning import hyphenation
from reader.cleaning.columns import join_lines, split_lines
from reader.cleaning.piece import Piece

from cleaning_helpers import clean_text

WRAPPED = """The company said on Monday that its
profits had risen sharply in the last
quarter, helped by strong sales in the
US and Europe.
Analysts had expected a smaller rise
and the shares jumped in early trade.
"""


def _paragraphs(raw: str) -> list[str]:
    lines = split_lines(Piece.from_raw(raw))
    paragraphs, _ = join_lines(lines, raw, {})
    return [p.text for p in paragraphs]


def test_wrapped_column_lines_are_joined_and_paragraph_ends_found_by_line_length():
    assert _paragraphs(WRAPPED) == [
        "The company said on Monday that its profits had risen sharply in the last quarter, "
        "helped by strong sales in the US and Europe.",
        "Analysts had expected a smaller rise and the shares jumped in early trade.",
    ]


def test_one_paragraph_per_line_paste_is_not_joined():
    raw = "First paragraph is a long line that ends here.\nSecond one also stands alone on its line.\n"
    assert _paragraphs(raw) == [
        "First paragraph is a long line that ends here.",
        "Second one also stands alone on its line.",
    ]


def test_lower_case_continuation_after_a_blank_line_is_joined():
    raw = "The ministry said future shipments would be subjected to\n\nextra testing, officials said.\n"
    assert _paragraphs(raw) == ["The ministry said future shipments would be subjected to extra testing, officials said."]


def test_hyphen_joined_only_when_joined_word_is_known():
    assert hyphenation.is_break_hyphen("fab", "ricated")
    assert not hyphenation.is_break_hyphen("state", "owned")
    assert hyphenation.is_break_hyphen("govern", "ment")


def test_document_usage_outweighs_word_frequency():
    assert not hyphenation.is_break_hyphen("e", "mail", {"e-mail": 2})
    assert hyphenation.is_break_hyphen("e", "mail", {"email": 1})


def test_end_of_line_hyphen_join_is_recorded_as_a_change():
    raw = "He and co-conspirators allegedly fab-\nricated evidence, prosecutors said in a statement.\n"
    [article] = clean_text(raw)
    assert "fabricated evidence" in article.text
    [change] = [r for r in article.removed if r.replacement]
    assert change.replacement == "fabricated" and change.text == "fab-\nricated"


def test_compound_split_at_line_end_keeps_its_hyphen():
    raw = "A major Chinese state-\nowned enterprise said it would cut jobs next year.\n"
    [article] = clean_text(raw)
    assert "state-owned enterprise" in article.text


def test_mid_line_hyphen_of_a_lost_line_break_is_undone_only_for_a_rare_half():
    assert hyphenation.is_lost_line_break("Mc", "Caul")
    assert not hyphenation.is_lost_line_break("e", "mail")
    assert not hyphenation.is_lost_line_break("state", "owned")
