"""Character-level repair: terminal escape codes, control characters, mojibake.

Runs first, on the whole decoded input. Every change is recorded with its raw span;
only the text ftfy or the control-character rules touch changes, and ASCII input
skips the ftfy pass entirely (it cannot hold mojibake).

A terminal sequence that is never terminated ends at the line end: an OSC with no
BEL or ST must not take the article with it. C1 control characters (U+0080 to
U+009F) are often mojibake, so ftfy sees them first; those it leaves are controls
(U+009B is CSI, U+009D is OSC) and go like their ESC-introduced twins.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Iterator

import ftfy

from reader.cleaning.piece import Piece, changed, dropped
from summaries.model import Removal

REASON_ESCAPE = "terminal escape code"
REASON_CONTROL = "control or invisible character"
# CSI; OSC, DCS, SOS, PM and APC strings up to BEL, ST or the line (or page) end; other
# two-character ESC sequences; a lone ESC.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b\n\r\x0c]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
# The same introduced by C1 characters: CSI U+009B; DCS, SOS, OSC, PM, APC strings
# up to BEL, ST (U+009C) or the line end (escapes and CR are gone by then).
_C1_SEQUENCE = "\x9b[0-?]*[ -/]*[@-~]|[\x90\x98\x9d\x9e\x9f][^\x07\x9c\n]*[\x07\x9c]?"
# Mojibake of UTF-8 puts a C1 character only right after a lead or continuation
# byte read as Latin-1 or Windows-1252; any other C1 sequence is one before ftfy
# turns its U+009B or U+009C into Windows-1252 punctuation.
_MOJIBAKE_BYTE = "\x80-\xbf\xc2-\xf4" + bytes(range(0x80, 0xA0)).decode("windows-1252", errors="ignore")
_C1_SEQUENCE_NOT_MOJIBAKE = re.compile(f"(?<![{_MOJIBAKE_BYTE}])(?:{_C1_SEQUENCE})")
_C1_SEQUENCE_LEFT = re.compile(_C1_SEQUENCE)
# C0/C1 controls other than tab and line breaks, zero-width marks, BOMs, soft hyphens.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_MOJIBAKE_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair_characters(piece: Piece, raw: str) -> tuple[Piece, list[Removal]]:
    removals: list[Removal] = []
    piece = _drop_matches(piece, raw, _ANSI, REASON_ESCAPE, removals)
    piece = _normalise_line_breaks(piece)
    if not piece.text.isascii():
        piece = _drop_matches(piece, raw, _C1_SEQUENCE_NOT_MOJIBAKE, REASON_ESCAPE, removals)
        piece = _repair_mojibake(piece, raw, removals)
        piece = _drop_matches(piece, raw, _C1_SEQUENCE_LEFT, REASON_ESCAPE, removals)
    piece = _drop_matches(piece, raw, _INVISIBLE, REASON_CONTROL, removals)
    return piece, removals


def _drop_matches(piece: Piece, raw: str, pattern: re.Pattern[str], reason: str, removals: list[Removal]) -> Piece:
    spans = [match.span() for match in pattern.finditer(piece.text)]
    for start, end in spans:
        removals.append(dropped(raw, piece[start:end], reason))
    return piece.without(spans)


def _normalise_line_breaks(piece: Piece) -> Piece:
    """CR LF and lone CR become LF; form feeds become a blank line (a page break). White space only."""
    if "\r" not in piece.text and "\x0c" not in piece.text:
        return piece
    text, offsets = [], []
    for i, ch in enumerate(piece.text):
        if ch == "\r":
            if i + 1 < len(piece.text) and piece.text[i + 1] == "\n":
                continue
            ch = "\n"
        elif ch == "\x0c":
            text.append("\n")
            offsets.append(piece.offsets[i])
            ch = "\n"
        text.append(ch)
        offsets.append(piece.offsets[i])
    return Piece("".join(text), offsets)


def _repair_mojibake(piece: Piece, raw: str, removals: list[Removal]) -> Piece:
    """ftfy line by line; each changed stretch is aligned back to its raw characters."""
    out_text: list[str] = []
    out_offsets: list[int] = []
    position = 0
    for line in piece.text.splitlines(keepends=True):
        segment = piece[position : position + len(line)]
        position += len(line)
        fixed = line if line.isascii() else ftfy.fix_text(line, config=_MOJIBAKE_CONFIG)
        if fixed == line:
            out_text.append(segment.text)
            out_offsets.extend(segment.offsets)
            continue
        for tag, i1, i2, j1, j2 in aligned_opcodes(line, fixed):
            if tag == "equal":
                out_text.append(line[i1:i2])
                out_offsets.extend(segment.offsets[i1:i2])
                continue
            anchor = segment.offsets[i1] if i1 < len(line) else segment.offsets[-1]
            out_text.append(fixed[j1:j2])
            out_offsets.extend([anchor] * (j2 - j1))
            if i2 > i1:
                start, end = min(segment.offsets[i1:i2]), max(segment.offsets[i1:i2]) + 1
            else:
                start = end = anchor
            removals.append(changed(raw, start, end, "broken encoding repaired (ftfy)", fixed[j1:j2]))
    return Piece("".join(out_text), out_offsets)


# A repair replaces a few characters (one broken UTF-8 sequence at a time), so the
# texts fall back in step within this many characters, on this many agreeing ones.
_MAX_DRIFT = 128
_IN_STEP = 16


def aligned_opcodes(before: str, after: str) -> Iterator[tuple[str, int, int, int, int]]:
    """Opcodes as `SequenceMatcher(None, before, after).get_opcodes()` gives them for a line
    and its repair (an equal stretch may come in two pieces), in linear time.

    difflib compares every position with every other (hours on a long line of
    mojibake); a repair only changes short stretches, so walk both texts, and
    where they differ, find the nearest point where they agree again and let
    difflib align just the stretch between. Where they never agree within reach
    (a whole line re-decoded), the stretch is one replacement, a bounded step long.
    """
    i = j = 0
    while i < len(before) or j < len(after):
        same = _common_prefix_length(before, i, after, j)
        if same:
            yield ("equal", i, i + same, j, j + same)
            i, j = i + same, j + same
            continue
        in_step = _back_in_step(before, i, after, j)
        if in_step is None:
            i2, j2 = min(i + _MAX_DRIFT, len(before)), min(j + _MAX_DRIFT, len(after))
            yield ("replace" if i2 > i and j2 > j else "delete" if i2 > i else "insert", i, i2, j, j2)
        else:
            i2, j2 = in_step
            for tag, a1, a2, b1, b2 in SequenceMatcher(None, before[i:i2], after[j:j2], autojunk=False).get_opcodes():
                yield (tag, i + a1, i + a2, j + b1, j + b2)
        i, j = i2, j2


def _common_prefix_length(a: str, i: int, b: str, j: int) -> int:
    length, step = 0, 64
    while True:
        x, y = a[i + length : i + length + step], b[j + length : j + length + step]
        if x == y:
            length += len(x)
            if len(x) < step:
                return length
            step *= 2  # long equal runs are compared in ever larger blocks
            continue
        for c, d in zip(x, y, strict=False):
            if c != d:
                break
            length += 1
        return length


def _back_in_step(a: str, i: int, b: str, j: int) -> tuple[int, int] | None:
    """The nearest (i2, j2) past a difference at (i, j) where `_IN_STEP` characters agree
    (or both ends), or None when that is out of reach."""
    best, best_drift = (len(a), len(b)), len(a) - i + len(b) - j  # the ends always agree
    for skip_a in range(min(_MAX_DRIFT, len(a) - i - _IN_STEP) + 1):
        if skip_a >= best_drift:
            break
        window = a[i + skip_a : i + skip_a + _IN_STEP]
        found = b.find(window, j, j + min(_MAX_DRIFT, best_drift - skip_a) + _IN_STEP)
        if found >= 0 and skip_a + found - j < best_drift:
            best, best_drift = (i + skip_a, found), skip_a + found - j
    return best if best_drift <= 2 * _MAX_DRIFT else None
