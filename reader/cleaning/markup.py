"""Formatting residue of the tool the text was pasted or OCR'd through.

Markdown bold markers (`**`), backslash escapes (`\\$2,754`) and blockquote markers
(`> ` at a line start) are never part of an article's words; each removal is
recorded.
"""

from __future__ import annotations

import re

from reader.cleaning.piece import Line, Piece, dropped
from summaries.model import Removal

_BOLD = re.compile(r"\*\*+|__(?=\w)|(?<=\w)__")
_ESCAPE = re.compile(r"\\(?=[$*_#\[\]()`>.!-])")
_QUOTE_MARKER = re.compile(r"^(?:>\s*)+")


def strip_markup(lines: list[Line], raw: str) -> tuple[list[Line], list[Removal]]:
    removals: list[Removal] = []
    kept: list[Line] = []
    for line in lines:
        piece = line.piece
        if "*" in piece.text or "_" in piece.text:
            piece = _remove(piece, _BOLD, "markup (bold marker)", raw, removals)
        if "\\" in piece.text:
            piece = _remove(piece, _ESCAPE, "markup (escape backslash)", raw, removals)
        if piece.text.startswith(">"):
            piece = _remove(piece, _QUOTE_MARKER, "markup (quote marker)", raw, removals)
        piece = piece.strip()
        if piece.text:
            kept.append(Line(piece, line.gap_before))
    return kept, removals


def _remove(piece: Piece, pattern: re.Pattern[str], reason: str, raw: str, removals: list[Removal]) -> Piece:
    spans = [match.span() for match in pattern.finditer(piece.text)]
    for start, end in reversed(spans):  # recorded last first, as always
        removals.append(dropped(raw, piece[start:end], reason))
    return piece.without(spans)
