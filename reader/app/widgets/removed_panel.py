"""What cleaning did: what it dropped or changed and why, and the sentences it marked
damaged (OCR damage it could not repair: shown dimmed, never summarised), in the order
of the input; highlighting one shows where it was."""

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
    TITLE = "Cleaning"
    NEEDS = ()  # what cleaning did is known before any analysis
    USES = NEEDS
    BINDINGS = LIST_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        # Each item: a Removal, or the index of a damaged sentence.
        self.removals: list[Removal | int] = []
        self._article: Article | None = None

    def show(self, article: Article, analysis: Analysis | None) -> None:
        self._article = article
        damaged = [i for i, s in enumerate(article.sentences) if s.damage]
        items: list[tuple[int, int, Removal | int]] = [(r.raw_start, r.raw_end, r) for r in article.removed]
        for index in damaged:
            sentence = article.sentences[index]
            raw = article.raw_span(sentence.start, sentence.end)
            items.append((raw.start, raw.end, index))
        items.sort(key=lambda item: (item[0], item[1], isinstance(item[2], int)))
        self.removals = [item for _, _, item in items]
        if not self.removals:
            self.set_options([Option(Content("Cleaning removed nothing."), disabled=True)])
            return
        self.set_options([Option(self._prompt(item)) for item in self.removals])

    def _prompt(self, item: Removal | int) -> Content:
        if isinstance(item, Removal):
            return removal_prompt(item)
        assert self._article is not None
        return damage_prompt(self._article, item)

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
            item = self.removals[index]
            if isinstance(item, int):  # a damaged sentence: the cursor goes onto it
                span = article.sentences[item].span
                self.post_message(Panel.ItemHighlighted(self, Target(item, span)))
                return
            position = nearest_clean_position(article, item.raw_start)
            end = min(position + 1, len(article.text))
            target = Target(sentence_near(article, position), Span(position, end), (Highlight(position, end, "cue"),))
            self.post_message(Panel.ItemHighlighted(self, target))


def nearest_clean_position(article: Article, raw_offset: int) -> int:
    """The clean-text position whose raw origin is closest to `raw_offset`."""
    if not article.text:
        return 0
    return int(np.abs(article.offsets.offsets - raw_offset).argmin())


def damage_prompt(article: Article, index: int) -> Content:
    """A damaged sentence: why, and how it starts."""
    sentence = article.sentences[index]
    shown = visible_text(" ".join(article.text[sentence.start : sentence.end].split()))
    shown = shown[:EXCERPT] + ("…" if len(shown) > EXCERPT else "")
    reason = visible_text(sentence.damage or "")
    return Content.assemble(("damaged, not summarised: ", "bold $error"), (reason, "$error"), "\n  ", Content(shown))


def removal_prompt(removal: Removal) -> Content:
    shown = visible_text(" ".join(removal.text.split()))
    shown = shown[:EXCERPT] + ("…" if len(shown) > EXCERPT else "")
    parts: list[str | tuple[str, str] | Content] = [(visible_text(removal.reason), "bold $warning"), "\n  ", Content(shown)]
    if removal.replacement is not None:
        parts += [("  → ", "$text-muted"), Content(visible_text(" ".join(removal.replacement.split()))[:EXCERPT])]
    return Content.assemble(*parts)
