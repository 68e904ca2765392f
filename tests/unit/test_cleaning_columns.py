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


def _wrapped_paragraph(lines: int) -> str:
    words = "the council voted on tuesday to expand the park beside the river".split()
    out = []
    for i in range(lines):
        line = " ".join(words[(i + k) % len(words)] for k in range(8))
        out.append(line + (" coun-" if i % 4 == 3 else ""))
        if i % 4 == 3:
            out.append("cil " + line)
    return "\n".join(out) + "\n"


def test_joining_a_long_paragraph_reads_only_the_end_of_what_is_joined(monkeypatch):
    # Each join looks at the paragraph's last characters, not the whole paragraph so far:
    # reading it all made a paragraph of 12,000 lines take minutes (quadratic).
    read: list[int] = []
    tail_word = hyphenation.split_word_at_end
    monkeypatch.setattr(hyphenation, "split_word_at_end", lambda text: read.append(len(text)) or tail_word(text))
    raw = _wrapped_paragraph(2000)
    lines = split_lines(Piece.from_raw(raw))
    paragraphs, removals = join_lines(lines, raw, {})
    assert len(paragraphs) == 1 and len(removals) == 500  # every "coun-" / "cil" rejoined, recorded
    assert read and max(read) < 200


def test_a_long_paragraph_joins_as_line_by_line_pieces_would():
    raw = _wrapped_paragraph(300)
    lines = split_lines(Piece.from_raw(raw))
    paragraphs, removals = join_lines(lines, raw, {})
    [paragraph] = paragraphs
    expected = lines[0].piece
    for line in lines[1:]:
        if expected.text.endswith("coun-"):
            expected = expected[: len(expected.text) - 1].join(line.piece, "")
        else:
            expected = expected.join(line.piece, " ")
    assert paragraph.text == expected.text and paragraph.piece.offsets == expected.offsets
    assert paragraph.lines == len(lines)
    assert all(raw[r.raw_start : r.raw_end].replace("\n", "") == "coun-cil" for r in removals)
