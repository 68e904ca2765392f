"""The reader's library keys, and what the main screen asks of the library.

`LibraryKeys` is a part of the main screen: star (`s`), read/unread (`m`), refresh
the feeds (`r`, in a worker, progress on the status line), add a web page by its URL
(`u`, a small input screen). Without a library these keys are hidden and do nothing.
The functions below turn library rows into list entries, search the library as the
filter is typed, and open a row (marking it read).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.binding import Binding

from reader.app.screens.add_url import AddUrlScreen
from reader.app.widgets.row_list import Entry
from reader.library.errors import LibraryError
from reader.library.output import shown_date, where_from
from reader.library.positions import LibraryPositions
from reader.terminal import terminal_safe

if TYPE_CHECKING:
    from reader.app.screens.main import MainScreen
    from reader.library.store import Library, Row

BINDINGS = [
    Binding("s", "star", "Star"),
    Binding("m", "toggle_read", "Read/unread"),
    Binding("r", "refresh_feeds", "Refresh"),
    Binding("u", "add_url", "Add URL"),
]
ACTIONS = frozenset(binding.action for binding in BINDINGS)
_LAST_WORD = re.compile(r"(?:^|\s)(\w+)$")


def positions(library: Library | None) -> LibraryPositions:
    """Reading positions in `library`, else in the default library (opened for them alone)."""
    return LibraryPositions(library) if library is not None else positions_in(None)


def positions_in(name: str | None) -> LibraryPositions:
    """Reading positions in the library named (else the default one), opened for them
    alone; a library that cannot be used keeps none, and says why once."""
    from reader.library.location import library_path, open_library

    path = library_path(name)
    if path is None:
        return LibraryPositions(None)
    try:
        return LibraryPositions(open_library(path), owned=True)
    except LibraryError as problem:
        return LibraryPositions(None, problem=str(problem))


def where(row: Row) -> str:
    return where_from(row)


def entry(row: Row) -> Entry:
    details = [part for part in (row.type or row.label or "", shown_date(row), where_from(row)) if part]
    return Entry(row.display_title, " · ".join(details), unread=not row.read, starred=row.starred)


def as_you_type(text: str) -> str:
    """The filter's text as a search: its last word also matches longer words (prefix)."""
    return _LAST_WORD.sub(lambda m: m.group(0) + "*", text.rstrip()) if not text.endswith(" ") else text


def searcher(screen: MainScreen) -> Callable[[str], list[int]]:
    """Search for the list's filter: the matching articles' indexes, best first."""
    library = screen.library_store
    assert library is not None

    def search(text: str) -> list[int]:
        try:
            ids = library.search_ids(as_you_type(text))
        except LibraryError:
            return []
        index = screen.open.row_index
        return [index[i] for i in ids if i in index]

    return search


def open_row(screen: MainScreen, index: int) -> bool:
    """Make article `index` ready to show (read from the library if it is a row not
    opened yet) and mark it read; False, with a notice, when the library fails."""
    state = screen.open[index]
    if state.row is None:
        return True
    try:
        screen.open.open_row(index)
        if not state.row.read:
            library = screen.library_store
            assert library is not None
            library.set_read([state.row.id], True)
            state.row = replace(state.row, read_at=library.clock())
            screen.library.update_entry(index, entry(state.row))
    except LibraryError as problem:
        screen.notify(terminal_safe(str(problem)), title="Library", severity="error", markup=False)
        return False
    return True


class LibraryKeys:
    """Actions of the main screen that act on the library (mixed into MainScreen)."""

    def check_action(self: MainScreen, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ACTIONS:
            return self.library_store is not None  # False: hidden, as if there were no such key
        return True

    def _marked_target(self: MainScreen) -> int | None:
        """The row under the list's cursor when the list has focus, else the open article."""
        if self.library.has_focus_within and self.library.highlighted_article is not None:
            return self.library.highlighted_article
        return self.current

    def action_star(self: MainScreen) -> None:
        self._mark(starred=True)

    def action_toggle_read(self: MainScreen) -> None:
        self._mark(read=True)

    def _mark(self: MainScreen, *, starred: bool = False, read: bool = False) -> None:
        """Flip the starred or the read mark of the marked target, in the library and its row."""
        index = self._marked_target()
        library = self.library_store
        row = self.open[index].row if index is not None else None
        if row is None or library is None:
            return
        try:
            if starred:
                library.set_starred([row.id], not row.starred)
                row = replace(row, starred=not row.starred)
            if read:
                library.set_read([row.id], not row.read)
                row = replace(row, read_at=None if row.read else library.clock())
        except LibraryError as problem:
            self.notify(terminal_safe(str(problem)), title="Library", severity="error", markup=False)
            return
        self.open[index].row = row
        self.library.update_entry(index, entry(row))

    # --- refresh ---------------------------------------------------------

    def action_refresh_feeds(self: MainScreen) -> None:
        if self.library_store is None or self.refreshing:
            return
        self.refreshing = "refreshing feeds…"
        self._update_status()
        self._refresh_worker()

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh_worker(self: MainScreen) -> None:
        from reader.library.feeds import Progress, refresh
        from reader.library.fetch import http_client

        library = self.library_store
        counts = [0, 0]  # steps done, steps known

        def grow(steps: int) -> None:
            counts[1] += steps
            self.app.call_from_thread(self._refresh_progress, *counts)

        def advance() -> None:
            counts[0] += 1
            self.app.call_from_thread(self._refresh_progress, *counts)

        added, failures = 0, []
        try:
            feeds = library.feeds()
            with http_client() as client:
                for item in refresh(library, feeds, client, workers=0, progress=Progress(grow, advance)):
                    if isinstance(item, str):
                        failures.append(item)
                    else:
                        failures += [item.error] if item.error else []
                        added += sum(stored.status == "added" for stored in item.stored)
        except LibraryError as problem:
            failures.append(str(problem))
            feeds = []
        self.app.call_from_thread(self._refreshed, len(feeds), added, failures)

    def _refresh_progress(self: MainScreen, done: int, total: int) -> None:
        self.refreshing = f"refreshing {done}/{total}"
        self._update_status()

    def _refreshed(self: MainScreen, feeds: int, added: int, failures: list[str]) -> None:
        self.refreshing = None
        self.scope = None  # new articles are shown whatever the session began with
        self.open.list_library(None)
        if not feeds and not failures:
            self.notify("No feeds yet: add one with `reader feed add URL`.", title="Refresh", markup=False)
            return
        said = f"{added} new article{'s' * (added != 1)} from {feeds} feed{'s' * (feeds != 1)}"
        if failures:
            said += f"; {len(failures)} failed:\n" + "\n".join(terminal_safe(line) for line in failures[:4])
        self.notify(said, title="Refresh", severity="warning" if failures else "information", markup=False)

    # --- add a URL -------------------------------------------------------

    def action_add_url(self: MainScreen) -> None:
        if self.library_store is not None:
            self.app.push_screen(AddUrlScreen(), self._url_given)

    def _url_given(self: MainScreen, url: str | None) -> None:
        if url:
            self.refreshing = "adding the page…"
            self._update_status()
            self._add_url_worker(url)

    @work(thread=True, exclusive=True, group="add-url")
    def _add_url_worker(self: MainScreen, url: str) -> None:
        from reader.library.importer import import_sources, sources_from_urls

        try:
            outcomes = list(import_sources(self.library_store, sources_from_urls([url]), workers=0, analyse=False))
        except LibraryError as problem:
            self.app.call_from_thread(self._url_added, None, str(problem))
            return
        outcome = outcomes[0]
        key = outcome.stored[0].key if outcome.stored else None
        if key is None and outcome.skipped and self.library_store is not None:
            found = self.library_store.row_by_url(url)
            key = found.key if found is not None else None
        self.app.call_from_thread(self._url_added, key, outcome.error)

    def _url_added(self: MainScreen, key: str | None, problem: str | None) -> None:
        self.refreshing = None
        if key is None:
            self.notify(terminal_safe(problem or "nothing could be read from that address"), title="Add URL", severity="error", markup=False)
            self._update_status()
            return
        self.open_after_listing = key
        self.scope = None
        self.open.list_library(None)
