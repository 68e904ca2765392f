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


def test_an_unterminated_osc_ends_at_the_line_end_and_the_article_survives():
    body = "Ministers met on Tuesday to agree the budget.\n\nThe vote passed by a wide margin.\n"
    raw = "\x1b]52;c;aGVsbG8=\n" + body
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "\n" + body
    [removal] = removals
    assert (removal.reason, removal.text) == ("terminal escape code", "\x1b]52;c;aGVsbG8=")


def test_string_sequences_end_at_their_terminator():
    raw = "A \x1b]0;TITLE\x07title, a \x1bPtmux;payload\x1b\\ and \x1b_apc\x1b\\ end.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "A title, a  and  end.\n"
    assert [r.text for r in removals] == ["\x1b]0;TITLE\x07", "\x1bPtmux;payload\x1b\\", "\x1b_apc\x1b\\"]


def test_c1_escape_sequences_are_removed_whole_and_recorded():
    # U+009B is CSI, U+009D OSC and U+0090 DCS, ended by BEL, ST (U+009C) or the line end.
    raw = "Shares \x9b31mrose\x9b0m sharply \x9d0;TITLE\x9cand \x90payload\x07fell \x81back.\n\x9d52;c;unended\nNext line.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "Shares rose sharply and fell back.\n\nNext line.\n"
    assert [(r.reason, r.text) for r in removals] == [
        ("terminal escape code", "\x9b31m"),
        ("terminal escape code", "\x9b0m"),
        ("terminal escape code", "\x9d0;TITLE\x9c"),
        ("terminal escape code", "\x90payload\x07"),
        ("terminal escape code", "\x9d52;c;unended"),
        ("control or invisible character", "\x81"),
    ]


def test_c1_characters_inside_mojibake_are_left_for_ftfy_to_repair():
    raw = "He said \u00e2\x80\x9cyes\u00e2\x80\x9d to the plan.\n"  # “ and ” as UTF-8 read as Latin-1
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "He said “yes” to the plan.\n"
    assert {r.reason for r in removals} == {"broken encoding repaired (ftfy)"}


def test_cp1252_quotes_read_as_latin_1_are_still_repaired_by_ftfy():
    raw = "He said \x93yes\x94 to the plan.\n"
    piece, removals = repair_characters(Piece.from_raw(raw), raw)
    assert piece.text == "He said “yes” to the plan.\n"
    assert all(r.reason == "broken encoding repaired (ftfy)" for r in removals)


def test_repair_alignment_agrees_with_difflib_and_stays_linear_on_a_long_line(monkeypatch):
    from difflib import SequenceMatcher

    from reader.cleaning import unicode

    line = "The cafÃ© and the firmâ€™s Â£5 plan, naÃ¯ve or not. " * 3
    fixed = "The café and the firm’s £5 plan, naïve or not. " * 3
    assert list(unicode.aligned_opcodes(line, fixed)) == SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()

    # 24,000 repairs on one line: difflib on the whole line takes hours; the walk
    # hands difflib each repair alone, so the work grows with the line, not its square.
    compared = []

    def counting_matcher(junk, a, b, autojunk):
        compared.append(len(a) + len(b))
        return SequenceMatcher(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(unicode, "SequenceMatcher", counting_matcher)
    long_line, long_fixed = line * 2000, fixed * 2000
    opcodes = list(unicode.aligned_opcodes(long_line, long_fixed))
    assert sum(tag != "equal" for tag, *_ in opcodes) == 4 * 3 * 2000
    assert all(long_line[i1:i2] == long_fixed[j1:j2] for tag, i1, i2, j1, j2 in opcodes if tag == "equal")
    assert max(compared) <= 4 * unicode._MAX_DRIFT and sum(compared) < len(long_line) + len(long_fixed)
