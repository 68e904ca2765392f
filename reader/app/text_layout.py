"""Laying out text in terminal cells, for every widget that draws article text.

The article view and the summary list draw with Textual's Line API: they wrap text
once per width into (start, end) slices (`wrap_spans`) and render a slice as
segments with styled ranges laid over it (`styled_segments`). Article text is always
made visible first (`visible_text`: the TUI's terminal sanitiser), never parsed as
markup.
"""

from __future__ import annotations

from itertools import pairwise
import re

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.widget import Widget

from reader.terminal import screen_text

_TOKEN = re.compile(r"\S+\s*|\s+")


def visible_text(text: str) -> str:
    """`text` as the TUI draws it: every control character made visible, same length."""
    return screen_text(text)


def wrap_spans(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of text[start:end] to `width` cells, as (start, end) offsets.

    Line ends exclude trailing spaces; a word wider than the line is folded.
    A newline inside the range is a hard break.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    for piece in re.finditer(r"[^\n]+", text[start:end]):
        piece_start, piece_end = start + piece.start(), start + piece.end()
        line_start, line_end, cells = piece_start, piece_start, 0
        for token in _TOKEN.finditer(text, piece_start, piece_end):
            whole = token.group()
            word = whole.rstrip()
            if not word:  # leading white space
                cells += cell_len(whole)
                continue
            word_cells = cell_len(word)
            if cells and cells + word_cells > width:
                lines.append((line_start, line_end))
                line_start, cells = token.start(), 0
            if word_cells > width:  # fold a word too long for any line
                for position in range(token.start(), token.start() + len(word)):
                    char_cells = cell_len(text[position])
                    if cells and cells + char_cells > width:
                        lines.append((line_start, position))
                        line_start, cells = position, 0
                    cells += char_cells
            else:
                cells += word_cells
            line_end = token.start() + len(word)
            cells += cell_len(whole) - word_cells
        lines.append((line_start, max(line_end, line_start)))
    return lines


def styled_segments(text: str, start: int, end: int, base: Style, ranges: list[tuple[int, int, Style]]) -> list[Segment]:
    """text[start:end] as segments: `base`, with each range's style laid over it in
    order (later ranges win). Built directly: a rich Text per line costs ten times more."""
    if not ranges:
        return [Segment(text[start:end], base)] if end > start else []
    cuts = sorted({start, end, *(s for s, _, _ in ranges), *(e for _, e, _ in ranges)})
    segments: list[Segment] = []
    for left, right in pairwise(cuts):
        style = base
        for s, e, overlay in ranges:
            if s <= left and right <= e:
                style = style + overlay
        segments.append(Segment(text[left:right], style))
    return segments


def overlay_style(widget: Widget, component: str) -> Style:
    """A component's style to lay over text: only what its CSS sets, with
    translucent colours blended over the widget's background as drawn."""
    partial = widget.get_component_rich_style(component, partial=True)
    full = widget.get_component_rich_style(component)
    return partial.without_color + Style(
        color=full.color if partial.color else None, bgcolor=full.bgcolor if partial.bgcolor else None
    )
