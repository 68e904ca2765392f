"""Character-level repair: terminal escape codes, control characters, mojibake.

Runs first, on the whole decoded input. Every change is recorded with its raw span;
only the text ftfy or the control-character rules touch changes, and ASCII input
skips the ftfy pass entirely (it cannot hold mojibake).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

from reader.cleaning.piece import Piece, changed
from summaries.model import Removal

# CSI / OSC / single-character ESC sequences, as a terminal would eat them.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
# C0/C1 controls other than tab and line breaks, zero-width marks, BOMs, soft hyphens.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
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
    piece = _drop_matches(piece, raw, _ANSI, "terminal escape code", removals)
    piece = _normalise_line_breaks(piece)
    if not piece.text.isascii():
        piece = _repair_mojibake(piece, raw, removals)
    piece = _drop_matches(piece, raw, _INVISIBLE, "control or invisible character", removals)
    return piece, removals


def _drop_matches(piece: Piece, raw: str, pattern: re.Pattern[str], reason: str, removals: list[Removal]) -> Piece:
    matches = list(pattern.finditer(piece.text))
    if not matches:
        return piece
    text_parts, offsets, last = [], [], 0
    for match in matches:
        text_parts.append(piece.text[last : match.start()])
        offsets.extend(piece.offsets[last : match.start()])
        span = piece[match.start() : match.end()]
        if span.text:
            start, end = span.raw_start, span.raw_end
            removals.append(Removal(start, end, reason, raw[start:end]))
        last = match.end()
    text_parts.append(piece.text[last:])
    offsets.extend(piece.offsets[last:])
    return Piece("".join(text_parts), offsets)


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
        if line.isascii():
            out_text.append(segment.text)
            out_offsets.extend(segment.offsets)
            continue
        fixed = ftfy.fix_text(line, config=_MOJIBAKE_CONFIG)
        if fixed == line:
            out_text.append(segment.text)
            out_offsets.extend(segment.offsets)
            continue
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
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
