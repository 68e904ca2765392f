"""The summary as a list: one item per extracted sentence, with its citation marker.

Each item shows `¶N` (the 1-based paragraph it came from), the sentence, and when
the engine knows them the source it attributes to and its opinion/reporting label.
Moving the highlight asks the screen to show that sentence in the article.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.widgets.article_view import visible_text
from summaries.model import Article, Stance, SummaryItem

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]


def label_style(label: str | None) -> str:
    return {"opinion": "$error", "analysis": "$secondary", "reporting": "$primary"}.get(label or "", "$text-muted")


MARK = "▶ "


class SummaryList(OptionList):
    """Summary items; the one citing the article's cursor sentence is marked ▶.

    The mark is drawn over the rendered line rather than put in the prompt, so
    moving it repaints two lines from the option cache instead of re-rendering
    every option (OptionList clears its whole cache when a prompt changes).
    """

    BINDINGS = LIST_KEYS
    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {"summary-list--mark"}
    DEFAULT_CSS = """
    SummaryList > .summary-list--mark { color: $accent; text-style: bold; }
    """

    class ItemHighlighted(Message):
        def __init__(self, item: SummaryItem, index: int) -> None:
            super().__init__()
            self.item = item
            self.index = index

    class ItemChosen(Message):
        def __init__(self, item: SummaryItem, index: int) -> None:
            super().__init__()
            self.item = item
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.items: list[SummaryItem] = []
        self.marked: int | None = None
        self._article: Article | None = None
        self._labels: dict[int, str] = {}
        self._mark_line: int | None = None
        self._measured_width = -1
        self._quiet: int | None = None  # a highlight set by the program, not moved by the user


    def on_focus(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.items):
            self.post_message(self.ItemHighlighted(self.items[self.highlighted], self.highlighted))

    def show_summary(self, article: Article, items: list[SummaryItem], stance: Stance | None, near: int | None = None) -> None:
        """Show `items`; with `near` (a sentence), highlight the item closest to it
        without asking for a jump (the article stays where it is)."""
        self._article = article
        self.items = list(items)
        self._labels = {verdict.sentence: verdict.label for verdict in stance.sentences} if stance else {}
        self.marked = None
        previous = self.highlighted
        self.set_options([Option(self._prompt(i)) for i in range(len(self.items))] or [Option(Content("No summary."), disabled=True)])
        if self.items and near is not None:
            self._quiet = min(range(len(self.items)), key=lambda i: (abs(self.items[i].sentence - near), i))
            self.highlighted = self._quiet
        elif self.items:
            self.highlighted = min(previous or 0, len(self.items) - 1)

    def clear_summary(self, message: str) -> None:
        self.items, self.marked, self._article = [], None, None
        self.set_options([Option(Content(message), disabled=True)])

    def index_citing(self, sentence: int | None) -> int | None:
        return next((i for i, item in enumerate(self.items) if item.sentence == sentence), None)

    def mark(self, sentence: int | None) -> None:
        """Mark the item that cites `sentence` (or none)."""
        index = self.index_citing(sentence)
        if index != self.marked:
            self.marked = index
            self.refresh()  # visible lines come from the option cache; only the mark is redrawn

    def render_lines(self, crop):
        # OptionList measures option heights once; a scrollbar appearing narrows the
        # text without a resize event, so re-measure when the width moved.
        width = self.scrollable_content_region.width
        if width != self._measured_width:
            self._measured_width = width
            self._clear_caches()
        # Which screen line carries the mark, worked out once per paint.
        self._mark_line = None
        if self.marked is not None and self.items and self.marked < self.option_count:
            self._mark_line = self._index_to_line.get(self.marked)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self._mark_line is None or self.scroll_offset.y + y != self._mark_line:
            return strip
        left = self.get_component_styles("option-list--option").padding.left
        before, slot, after = strip.divide([left, left + len(MARK), strip.cell_length])
        base = next((segment.style for segment in slot if segment.style is not None), None)
        style = self.get_component_rich_style("summary-list--mark", partial=True)
        mark = Strip([Segment(MARK, base + style if base is not None else style)], len(MARK))
        return Strip.join([before, mark, after])

    def _prompt(self, index: int) -> Content:
        assert self._article is not None
        item = self.items[index]
        sentence = self._article.text[item.start : item.end]
        label = self._labels.get(item.sentence)
        parts: list[str | tuple[str, str] | Content] = [
            " " * len(MARK),  # where the mark is drawn
            (f"¶{item.paragraph + 1}", "bold $accent"),
            " ",
            Content(visible_text(sentence)),
        ]
        details: list[str | tuple[str, str] | Content] = []
        if item.attribution:
            details += [("— ", "$text-muted"), (visible_text(item.attribution), "italic")]
        if label:
            details += ["  " if details else "", (label, f"bold {label_style(label)}")]
        if details:
            parts += ["\n     ", *details]
        return Content.assemble(*parts)

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        quiet, self._quiet = self._quiet, None
        if quiet == event.option_index:
            return
        if self.items and event.option_index < len(self.items):
            self.post_message(self.ItemHighlighted(self.items[event.option_index], event.option_index))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.items and event.option_index < len(self.items):
            self.post_message(self.ItemChosen(self.items[event.option_index], event.option_index))
