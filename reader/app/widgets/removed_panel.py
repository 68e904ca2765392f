"""What cleaning dropped or changed, and why; highlighting one shows where it was."""

from __future__ import annotations

import numpy as np
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.targets import Highlight, Target, sentence_near
from reader.app.text_layout import visible_text
from reader.app.widgets.panel import Panel
from reader.app.widgets.summary_list import LIST_KEYS
from summaries.analysis import Analysis
from summaries.model import Article, Removal, Span

EXCERPT = 70


class RemovedPanel(Panel, OptionList):
    TAB = "removed"
    TITLE = "Removed"
    NEEDS = ()  # what cleaning did is known before any analysis
    USES = NEEDS
    BINDINGS = LIST_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.removals: list[Removal] = []
        self._article: Article | None = None

    def show(self, article: Article, analysis: Analysis | None) -> None:
        self._article = article
        self.removals = sorted(article.removed, key=lambda r: (r.raw_start, r.raw_end))
        if not self.removals:
            self.set_options([Option(Content("Cleaning removed nothing."), disabled=True)])
            return
        self.set_options([Option(removal_prompt(removal)) for removal in self.removals])

    def show_message(self, reason: str) -> None:
        self.removals = []
        self.set_options([Option(Content(reason), disabled=True)])

    def on_focus(self) -> None:
        if self.highlighted is not None:
            self._announce(self.highlighted)

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce(event.option_index)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def _announce(self, index: int) -> None:
        if 0 <= index < len(self.removals) and self._article is not None:
            article = self._article
            position = nearest_clean_position(article, self.removals[index].raw_start)
            end = min(position + 1, len(article.text))
            target = Target(sentence_near(article, position), Span(position, end), (Highlight(position, end, "cue"),))
            self.post_message(Panel.ItemHighlighted(self, target))


def nearest_clean_position(article: Article, raw_offset: int) -> int:
    """The clean-text position whose raw origin is closest to `raw_offset`."""
    if not article.text:
        return 0
    return int(np.abs(article.offsets.offsets - raw_offset).argmin())


def removal_prompt(removal: Removal) -> Content:
    shown = visible_text(" ".join(removal.text.split()))
    shown = shown[:EXCERPT] + ("…" if len(shown) > EXCERPT else "")
    parts: list[str | tuple[str, str] | Content] = [(visible_text(removal.reason), "bold $warning"), "\n  ", Content(shown)]
    if removal.replacement is not None:
        parts += [("  → ", "$text-muted"), Content(visible_text(" ".join(removal.replacement.split()))[:EXCERPT])]
    return Content.assemble(*parts)
