"""The summary as a list: one item per extracted sentence, with its citation marker.

Each item shows `¶N` (the 1-based paragraph it came from), the sentence, and when
the engine knows them the source it attributes to and its opinion/reporting label.
Moving the highlight asks the screen to show that sentence in the article.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
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


class SummaryList(OptionList):
    """Summary items; the one citing the article's cursor sentence is marked ▶."""

    BINDINGS = LIST_KEYS

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


    def on_focus(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.items):
            self.post_message(self.ItemHighlighted(self.items[self.highlighted], self.highlighted))

    def show_summary(self, article: Article, items: list[SummaryItem], stance: Stance | None) -> None:
        self._article = article
        self.items = list(items)
        self._labels = {verdict.sentence: verdict.label for verdict in stance.sentences} if stance else {}
        self.marked = None
        previous = self.highlighted
        self.set_options([Option(self._prompt(i)) for i in range(len(self.items))] or [Option(Content("No summary."), disabled=True)])
        if self.items:
            self.highlighted = min(previous or 0, len(self.items) - 1)

    def clear_summary(self, message: str) -> None:
        self.items, self.marked, self._article = [], None, None
        self.set_options([Option(Content(message), disabled=True)])

    def index_citing(self, sentence: int | None) -> int | None:
        return next((i for i, item in enumerate(self.items) if item.sentence == sentence), None)

    def mark(self, sentence: int | None) -> None:
        """Mark the item that cites `sentence` (or none)."""
        index = self.index_citing(sentence)
        if index == self.marked:
            return
        previous, self.marked = self.marked, index
        for changed in (previous, index):
            if changed is not None and changed < len(self.items):
                self.replace_option_prompt_at_index(changed, self._prompt(changed))

    def _prompt(self, index: int) -> Content:
        assert self._article is not None
        item = self.items[index]
        sentence = self._article.text[item.start : item.end]
        label = self._labels.get(item.sentence)
        parts: list[str | tuple[str, str] | Content] = [
            ("▶ " if index == self.marked else "  ", "bold $accent"),
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
        if self.items and event.option_index < len(self.items):
            self.post_message(self.ItemHighlighted(self.items[event.option_index], event.option_index))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.items and event.option_index < len(self.items):
            self.post_message(self.ItemChosen(self.items[event.option_index], event.option_index))
