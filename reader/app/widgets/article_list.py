"""Every article from the inputs, one row each, filtered as you type.

A row shows the title, the label or (once analysed) the article type, the date,
and the file it came from, with `#N` when one file holds several articles.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, ProgressBar
from textual.widgets.option_list import Option

from reader.app.text_layout import visible_text
from summaries.model import Article


def file_label(article: Article, several: bool) -> str:
    name = Path(article.file).name
    return f"{name}#{article.index + 1}" if several else name


class ArticleList(Vertical):
    """Filter box, the rows, and a progress bar while files are still loading.

    The filter takes focus only when asked (`focus_filter`, the screen's `l`, or a
    click on it): Tab moves between the rows, the article and the panels. Esc leaves
    the filter for the rows, and a second Esc clears it.
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next row", show=False),
        Binding("up", "move(-1)", "Previous row", show=False),
        Binding("escape", "leave_filter", "Leave the filter; again: clear it", show=False),
    ]

    class ArticleChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        self.types: dict[int, str] = {}
        self.shown: list[int] = []  # article index of each visible row
        self._per_file: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        field = Input(placeholder="Type to filter…", id="filter")
        field.can_focus = False
        yield field
        yield OptionList(id="rows", markup=False)
        yield ProgressBar(show_eta=False, id="load-progress")

    @property
    def query_text(self) -> str:
        return self.query_one("#filter", Input).value

    def focus_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.can_focus = True
        field.focus()

    def action_leave_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:
            self.query_one("#rows", OptionList).focus()
        elif field.value:
            field.value = ""
        else:
            raise SkipAction()  # nothing to leave or clear: Esc means what it means elsewhere

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "filter":
            event.widget.can_focus = False  # out of the Tab order again

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "filter":
            self.focus_filter()

    def several_in_file(self, article: Article) -> bool:
        """Whether the article's file holds more than one article (rows then say which)."""
        return self._per_file.get(article.file, 1) > 1

    def add_articles(self, articles: list[Article]) -> None:
        rows = self.query_one("#rows", OptionList)
        first = len(self.articles)
        self.articles.extend(articles)
        for article in articles:
            self._per_file[article.file] = self._per_file.get(article.file, 0) + 1
        new = [i for i in range(first, len(self.articles)) if self._matches(i)]
        self.shown.extend(new)
        rows.add_options([Option(self._prompt(i)) for i in new])
        if rows.highlighted is None and self.shown:
            rows.highlighted = 0

    def set_type(self, index: int, article_type: str) -> None:
        self.types[index] = article_type
        if index in self.shown:
            self.query_one("#rows", OptionList).replace_option_prompt_at_index(self.shown.index(index), self._prompt(index))

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#load-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        bar.display = done < total

    def highlight_article(self, index: int) -> None:
        if index in self.shown:
            self.query_one("#rows", OptionList).highlighted = self.shown.index(index)

    def _matches(self, index: int) -> bool:
        words = self.query_text.casefold().split()
        if not words:
            return True
        haystack = " ".join(str(part) for part in self._row_parts(index)).casefold()
        return all(word in haystack for word in words)

    def _row_parts(self, index: int) -> tuple[str, str, str, str]:
        article = self.articles[index]
        kind = self.types.get(index) or article.label or ""
        several = self.several_in_file(article)
        return article.display_title, kind, article.date or "", file_label(article, several)

    def _prompt(self, index: int) -> Content:
        title, kind, date, file = self._row_parts(index)
        details = [part for part in (kind, date, file) if part]
        return Content.assemble((visible_text(title), "bold"), "\n", (visible_text(" · ".join(details)), "$text-muted"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        rows = self.query_one("#rows", OptionList)
        self.shown = [i for i in range(len(self.articles)) if self._matches(i)]
        rows.set_options([Option(self._prompt(i)) for i in self.shown])
        if self.shown:
            rows.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        rows = self.query_one("#rows", OptionList)
        if rows.highlighted is not None and self.shown:
            self.post_message(self.ArticleChosen(self.shown[rows.highlighted]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.shown):
            self.post_message(self.ArticleChosen(self.shown[event.option_index]))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_move(self, step: int) -> None:
        rows = self.query_one("#rows", OptionList)
        if rows.option_count:
            rows.highlighted = max(0, min((rows.highlighted or 0) + step, rows.option_count - 1))
