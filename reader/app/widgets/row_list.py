"""A list of many rows drawn with the Line API: only the visible rows are rendered.

Every row is two lines (its title, then its details), so the layout of ten thousand
rows is a multiplication, not ten thousand wraps: the list is shown at once however
large the library. A row longer than the width ends in "…". In the library a row
starts with its marks: ● unread, ★ starred.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.text_layout import overlay_style, visible_text

ROW_HEIGHT = 2
PADDING = 1  # cells left and right of a row's text
UNREAD, STARRED = "●", "★"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row: what the list shows of an article."""

    title: str
    details: str  # kind · date · where it came from
    unread: bool | None = None  # None: not a library article (no marks drawn)
    starred: bool = False

    @property
    def marks(self) -> str | None:
        if self.unread is None:
            return None
        return (UNREAD if self.unread else " ") + (STARRED if self.starred else " ")


class RowList(ScrollView, can_focus=True):
    """Rows of `Entry`, one highlighted; Enter or a click chooses it."""

    BINDINGS = [
        Binding("down", "cursor(1)", "Next row", show=False),
        Binding("up", "cursor(-1)", "Previous row", show=False),
        Binding("home", "first", "First row", show=False),
        Binding("end", "last", "Last row", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("enter", "choose", "Open article", show=False),
    ]
    COMPONENT_CLASSES = {"row-list--title", "row-list--details", "row-list--highlighted", "row-list--unread", "row-list--starred"}
    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        & > .row-list--title { text-style: bold; }
        & > .row-list--details { color: $text-muted; }
        & > .row-list--unread { color: $accent; text-style: bold; }
        & > .row-list--starred { color: $warning; text-style: bold; }
        & > .row-list--highlighted { background: $block-cursor-blurred-background; }
        &:focus > .row-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
    }
    """

    class Highlighted(Message):
        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    class Chosen(Message):
        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Any sequence: the article list hands a view whose entries are made when drawn.
        self.entries: Sequence[Entry] = ()
        self._highlighted: int | None = None
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}

    # --- data ------------------------------------------------------------

    def set_entries(self, entries: Sequence[Entry], highlighted: int | None = 0) -> None:
        self.entries = entries
        self._highlighted = None
        self._resize()
        self.scroll_to(y=0, animate=False)
        if len(self.entries) and highlighted is not None:
            self.highlighted = highlighted

    def grew(self) -> None:
        """The sequence shown has more entries at its end."""
        self._resize()
        if self._highlighted is None and len(self.entries):
            self.highlighted = 0

    def changed(self, position: int) -> None:
        """The entry at `position` is not what was drawn."""
        if 0 <= position < len(self.entries):
            self._refresh_row(position)

    def _resize(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self.entries) * ROW_HEIGHT)
        if size != self.virtual_size:
            self.virtual_size = size
        self._cache.clear()
        self.refresh()

    # --- the highlight ---------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, position: int | None) -> None:
        if position is None or not len(self.entries):
            return
        position = max(0, min(position, len(self.entries) - 1))
        if position == self._highlighted:
            return
        previous, self._highlighted = self._highlighted, position
        for row in (previous, position):
            if row is not None:
                self._refresh_row(row)
        self._scroll_to_row(position)
        self.post_message(self.Highlighted(position))

    def action_cursor(self, step: int) -> None:
        if len(self.entries):
            self.highlighted = 0 if self._highlighted is None else self._highlighted + step

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.entries) - 1

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self.action_cursor(direction * rows)

    def action_choose(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Chosen(self._highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (round(self.scroll_y) + offset.y) // ROW_HEIGHT
        if 0 <= row < len(self.entries):
            self.highlighted = row
            self.action_choose()

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    def _scroll_to_row(self, row: int) -> None:
        first, last = row * ROW_HEIGHT, row * ROW_HEIGHT + ROW_HEIGHT - 1
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + height:
            self.scroll_to(y=max(last - height + 1, 0), animate=False)

    # --- rendering -------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        for line in range(row * ROW_HEIGHT, row * ROW_HEIGHT + ROW_HEIGHT):
            self._cache.discard(line)
        self.refresh_lines(row * ROW_HEIGHT, ROW_HEIGHT)

    def _restyle(self) -> None:
        self._styles.clear()
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def on_resize(self) -> None:
        self._resize()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = overlay_style(self, name) if name else self.rich_style
        return style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        strip = self._cache.get(index)
        if strip is None:
            strip = self._cache[index] = self._render_row_line(index)
        return strip.apply_offsets(0, index)

    def _render_row_line(self, index: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        row, line = divmod(index, ROW_HEIGHT)
        if row >= len(self.entries):
            return Strip.blank(width, base)
        entry = self.entries[row]
        if row == self._highlighted:
            base = base + self._style("row-list--highlighted")
        segments = [Segment(" " * PADDING, base)]
        room = width - 2 * PADDING
        marks = entry.marks
        if marks is not None:
            if line == 0:
                segments += [
                    Segment(marks[0], base + self._style("row-list--unread")),
                    Segment(marks[1], base + self._style("row-list--starred")),
                    Segment(" ", base),
                ]
            else:
                segments.append(Segment("   ", base))
            room -= 3
        if line == 0:
            segments.append(Segment(_fit(visible_text(entry.title), room), base + self._style("row-list--title")))
        else:
            segments.append(Segment(_fit(visible_text(entry.details), room), base + self._style("row-list--details")))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)


def _fit(text: str, cells: int) -> str:
    """`text` on one line of at most `cells` cells, ending in "…" when it had to be cut."""
    text = " ".join(text.split())
    if cells <= 0:
        return ""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"
