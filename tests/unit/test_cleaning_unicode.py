from reader.cleaning.piece import Piece
from reader.cleaning.unicode import repair_characters

from cleaning_helpers import clean_text


def test_mojibake_is_repaired_and_recorded_with_its_raw_span():
    raw = "The firmâ€™s profits rose.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "The firm’s profits rose.\n"
    assert len(removals) == 1 and removals[0].replacement == "’"
    assert raw[removals[0].raw_start : removals[0].raw_end] == "â€™"
    # The repaired apostrophe maps back to where the broken bytes were.
    assert piece.offsets[piece.text.index("’")] == raw.index("â")


def test_terminal_escapes_and_control_characters_are_dropped_and_recorded():
    raw = "Shares \x1b[1mrose\x1b[0m sharply\x07 on Monday.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "Shares rose sharply on Monday.\n"
    assert {r.reason for r in removals} == {"terminal escape code", "control or invisible character"}
    assert all(r.replacement is None for r in removals)


def test_ascii_text_passes_through_unchanged():
    raw = "Plain text, nothing to fix.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == raw and piece.offsets == list(range(len(raw))) and removals == []


def test_markup_residue_is_removed_from_article_text():
    [article] = clean_text("Prices rose to \\$2,754 from **record** lows in the first quarter of the year.\n")
    assert article.text == "Prices rose to $2,754 from record lows in the first quarter of the year."
    assert {r.reason for r in article.removed} == {"markup (escape backslash)", "markup (bold marker)"}
