"""Every article, one row each, filtered as you type.

A row shows the title, then the label or (once analysed) the article type, the date,
and where it came from (the file, with `#N` when one file holds several articles; in
the library the feed or site), with the library's unread/starred marks.

The filter matches the words typed against each row; given a `searcher` (the
library's full-text search) it asks that instead, off the UI thread, and shows the
matches best first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ProgressBar
from textual.worker import get_current_worker

from reader.app.widgets.row_list import Entry, RowList
from summaries.model import Article

Searcher = Callable[[str], list[int]]
EntryMaker = Callable[[int], Entry]


class _Shown(Sequence[Entry]):
    """The entries of the rows shown, made when first asked for (when drawn): listing
    ten thousand articles makes only the entries on screen."""

    def __init__(self, owner: ArticleList) -> None:
        self.owner = owner

    def __len__(self) -> int:
        return len(self.owner.shown)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self.owner.entry(index) for index in self.owner.shown[position]]
        return self.owner.entry(self.owner.shown[position])


def file_label(article: Article, several: bool) -> str:
    name = Path(article.file).name
    return f"{name}#{article.index + 1}" if several else name


class ArticleList(Vertical):
    """Filter box, the rows, and a progress bar while files are still loading.

    The filter takes focus only when asked (`focus_filter`, the screen's `l` and `/`,
    or a click on it): Tab moves between the rows, the article and the panels. Esc
    leaves the filter for the rows, and a second Esc clears it.
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next row", show=False),
        Binding("up", "move(-1)", "Previous row", show=False),
        Binding("escape", "leave_filter", "Leave the filter; again: clear it", show=False),
        Binding("slash", "search_list", "Search the list", show=False),
    ]

    class ArticleChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Entry | None] = []  # per article; None until asked for
        self._make: EntryMaker = lambda index: Entry("", "")  # set with the first rows
        self.order: list[int] = []  # article index of each row, unfiltered, in list order
        self.shown: list[int] = []  # article index of each visible row
        self.searcher: Searcher | None = None  # set by the screen for a library
        self._query = ""

    def compose(self) -> ComposeResult:
        field = Input(placeholder="Type to filter…", id="filter")
        field.can_focus = False
        yield field
        yield RowList(id="rows")
        bar = ProgressBar(show_eta=False, id="load-progress")
        bar.display = False  # until files are loading
        yield bar

    def on_mount(self) -> None:
        self.rows.set_entries(_Shown(self))

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    @property
    def query_text(self) -> str:
        return self.query_one("#filter", Input).value

    def use_search(self, searcher: Searcher, placeholder: str) -> None:
        self.searcher = searcher
        self.query_one("#filter", Input).placeholder = placeholder

    def focus_filter(self) -> None:
        field = self.query_one("#filter", Input)
        field.can_focus = True
        field.focus()

    def action_search_list(self) -> None:
        """`/` in the list searches the list (elsewhere it searches the article)."""
        self.focus_filter()

    def action_leave_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus:
            self.rows.focus()
        elif field.value:
            field.value = ""
        else:
            from textual.actions import SkipAction

            raise SkipAction()  # nothing to leave or clear: Esc means what it means elsewhere

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "filter":
            event.widget.can_focus = False  # out of the Tab order again

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "filter":
            self.focus_filter()

    # --- rows ------------------------------------------------------------

    def entry(self, index: int) -> Entry:
        """The row of article `index` (made now if it was not yet)."""
        made = self._entries[index]
        if made is None:
            made = self._entries[index] = self._make(index)
        return made

    def add_entries(self, count: int, make: EntryMaker, order: list[int] | None = None) -> None:
        """Rows for `count` more articles (`make(index)` gives one), shown after the
        others; or, with `order`, every row in that order (the library lists new
        articles first)."""
        first = len(self._entries)
        self._make = make
        self._entries.extend([None] * count)
        if order is not None:
            self.order = list(order)
            keep = self.highlighted_article
            self._refilter()
            self.highlight_article(keep) if keep is not None else None
            return
        new = list(range(first, len(self._entries)))
        self.order.extend(new)
        if self._query and self.searcher is not None:
            return  # a search shows its own matches; new rows join when it is cleared
        self.shown.extend(i for i in new if self._matches(i))
        self.rows.grew()

    def update_entry(self, index: int, entry: Entry) -> None:
        self._entries[index] = entry
        if index in self.shown:
            self.rows.changed(self.shown.index(index))

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#load-progress", ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        bar.display = done < total

    def highlight_article(self, index: int) -> None:
        if index in self.shown:
            self.rows.highlighted = self.shown.index(index)

    @property
    def highlighted_article(self) -> int | None:
        position = self.rows.highlighted
        return self.shown[position] if position is not None and position < len(self.shown) else None

    def _matches(self, index: int) -> bool:
        words = self._query.casefold().split()
        if not words:
            return True
        entry = self.entry(index)
        haystack = f"{entry.title} {entry.details}".casefold()
        return all(word in haystack for word in words)

    def _show(self, shown: list[int]) -> None:
        self.shown = shown
        self.rows.set_entries(_Shown(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._query = event.value
        self._refilter()

    def _refilter(self) -> None:
        if self.searcher is not None and self._query.strip():
            self._search(self._query)
        else:
            self._show([i for i in self.order if self._matches(i)])

    @work(thread=True, exclusive=True, group="filter")
    def _search(self, query: str) -> None:
        assert self.searcher is not None
        found = self.searcher(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._searched, query, found)

    def _searched(self, query: str, found: list[int]) -> None:
        if query == self._query:  # not overtaken by more typing
            self._show(found)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = self.highlighted_article
        if chosen is not None:
            self.post_message(self.ArticleChosen(chosen))

    def on_row_list_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        if event.position < len(self.shown):
            self.post_message(self.ArticleChosen(self.shown[event.position]))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()

    def action_move(self, step: int) -> None:
        self.rows.action_cursor(step)
