"""Formatting residue of the tool the text was pasted or OCR'd through.

Markdown bold markers (`**`), backslash escapes (`\\$2,754`) and blockquote markers
(`> ` at a line start) are never part of an article's words; each removal is
recorded.
"""

from __future__ import annotations

import re

from reader.cleaning.piece import Line, Piece
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
    for match in reversed(list(pattern.finditer(piece.text))):
        span = piece[match.start() : match.end()]
        removals.append(Removal(span.raw_start, span.raw_end, reason, raw[span.raw_start : span.raw_end]))
        piece = Piece(piece.text[: match.start()] + piece.text[match.end() :], piece.offsets[: match.start()] + piece.offsets[match.end() :])
    return piece
