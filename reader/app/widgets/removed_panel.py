"""What cleaning dropped or changed, and why; highlighting one shows where it was."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.widgets.article_view import visible_text
from reader.app.widgets.summary_list import LIST_KEYS
from summaries.model import Article, Removal

EXCERPT = 70


class RemovedPanel(OptionList):
    BINDINGS = LIST_KEYS

    class RemovalHighlighted(Message):
        def __init__(self, removal: Removal) -> None:
            super().__init__()
            self.removal = removal

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.removals: list[Removal] = []


    def on_focus(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.removals):
            self.post_message(self.RemovalHighlighted(self.removals[self.highlighted]))

    def show_removals(self, article: Article) -> None:
        self.removals = sorted(article.removed, key=lambda r: (r.raw_start, r.raw_end))
        if not self.removals:
            self.set_options([Option(Content("Cleaning removed nothing."), disabled=True)])
            return
        self.set_options([Option(removal_prompt(removal)) for removal in self.removals])

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.removals):
            self.post_message(self.RemovalHighlighted(self.removals[event.option_index]))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()


def removal_prompt(removal: Removal) -> Content:
    shown = visible_text(" ".join(removal.text.split()))
    shown = shown[:EXCERPT] + ("…" if len(shown) > EXCERPT else "")
    parts: list[str | tuple[str, str] | Content] = [(removal.reason, "bold $warning"), "\n  ", Content(shown)]
    if removal.replacement is not None:
        parts += [("  → ", "$text-muted"), Content(visible_text(" ".join(removal.replacement.split()))[:EXCERPT])]
    return Content.assemble(*parts)
