"""The one main screen: article list, the article, and the analysis panels beside it.

Attributes go down (the screen hands each panel the article and its analysis),
messages come up (a panel says which item is under its cursor; the screen decides
what the article shows). The panels are listed once, in `PANELS`, and treated alike
through their common interface (widgets/panel.py). What is known of each article,
and the workers that learn it, belong to `OpenArticles` (open_articles.py); its
messages arrive here and are shown.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TabbedContent, TabPane
from textual.widgets._tabbed_content import ContentTabs

from reader.app import library_keys
from reader.app.open_articles import ArticleState, OpenArticles, analyse_later
from reader.app.targets import Target
from reader.app.widgets.article_list import ArticleList, file_label
from reader.app.widgets.article_view import ArticleView
from reader.app.widgets.row_list import Entry
from reader.app.widgets.footer import KeyFooter
from reader.app.widgets.panel import Panel
from reader.app.widgets.removed_panel import RemovedPanel
from reader.app.widgets.sections_panel import SectionsPanel
from reader.app.widgets.sources_panel import SourcesPanel
from reader.app.widgets.status_bar import StatusBar
from reader.app.widgets.summary_list import CHECKING, LIST_KEYS, SummaryList
from reader.ingest import IngestError
from reader.library.positions import LibraryPositions
from reader.terminal import terminal_safe
from summaries.algorithms import ALGORITHMS
from summaries.analysis import Analysis, Options

if TYPE_CHECKING:
    from reader.app.open_articles import Analyser
    from reader.library.store import Library
    from summaries.model import Article, Check

# The panels beside the article, in tab order (keys 1, 2, 3, …). A new panel is a
# widget implementing widgets/panel.py and one entry here.
PANELS: tuple[type[Panel], ...] = (SummaryList, SourcesPanel, SectionsPanel, RemovedPanel)

NARROW_BELOW = 100  # columns: below this the article and the panels take turns
LIST_OPEN_FROM = 130  # columns: from this width the article list starts open
# Write the reading position at most this often while the cursor moves (seconds);
# it is also written when the article changes and when the screen closes.
REMEMBER_AFTER_SECONDS = 0.5


def _tab_bindings() -> list[Binding]:
    return [
        Binding(str(number), f"tab('{panel.TAB}')", f"{panel.TITLE} tab", show=False)
        for number, panel in enumerate(PANELS, start=1)
    ]


class MainScreen(library_keys.LibraryKeys, Screen):
    BINDINGS = [
        Binding("n", "next_article", "Next article"),
        Binding("p", "previous_article", "Prev article"),
        Binding("plus,equals_sign", "longer", "Longer", key_display="+"),
        Binding("minus", "shorter", "Shorter", key_display="-"),
        Binding("a", "next_algorithm", "Algorithm"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("right_square_bracket", "next_match", "Next match", show=False, key_display="]"),
        Binding("left_square_bracket", "previous_match", "Previous match", show=False, key_display="["),
        Binding("b", "back_to_summary", "Back to summary", show=False),
        Binding("c", "check_summary", "Check a summary", show=False),
        Binding("C", "generated_summary", "Generated summary", show=False),
        Binding("l", "toggle_list", "Articles"),
        Binding("w", "switch_pane", "Switch pane", show=False),
        *_tab_bindings(),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("escape", "close_search", "Close search", show=False),
        *library_keys.BINDINGS,
    ]

    def __init__(
        self,
        paths: list[str],
        algorithm: str,
        max_bytes: int,
        analyser: Analyser = analyse_later,
        *,
        library: Library | None = None,
        scope: list[int] | None = None,
        positions: LibraryPositions | None = None,
        check: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.library_store = library  # given: the screen shows the library's articles, not `paths`
        self.scope = scope  # only these library articles (by id), in this order
        self.algorithm = algorithm if algorithm in ALGORITHMS else ALGORITHMS[0]
        self.max_bytes = max_bytes
        self.length: int | None = None  # summary sentences; None = the engine's default
        self.open = OpenArticles(self, analyser, library)
        self.errors: list[IngestError] = []
        self.current: int | None = None
        self.loaded_files = 0
        self.total_files = 0
        # Where each article was left; opened on mount unless given.
        self.reading = positions if positions is not None else LibraryPositions(None)
        self._own_positions = positions is None
        self.refreshing: str | None = None  # what a library refresh is doing, for the status line
        self.open_after_listing: str | None = None  # the key of an article just added (u)
        self._restored: int | None = None  # article whose cursor came from the reading state
        self._remember_timer: Timer | None = None
        # (article index, sentence) the article view last reported: what is stored on
        # quit, when the view itself is already unmounted (children go before the screen).
        self._cursor: tuple[int, int] | None = None
        # Hidden tabs are filled when shown: tab id -> the call that fills it.
        self._pending_fills: dict[str, Callable[[], None]] = {}
        # What each panel shows now (see `_fill_key`): a panel is refilled only when it changes.
        self._filled: dict[str, tuple] = {}
        self._per_file: dict[str, int] = {}  # articles per input file, for the rows' `#N`
        self._types: dict[int, str] = {}  # article type of each analysed file article
        # The summary given on the command line (name, text): held against the first
        # article opened (each article's given summary lives in its ArticleState).
        self._check_asked = check

    # --- composition -----------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleList(id="library")
            yield ArticleView(id="article")
            with Vertical(id="side"), TabbedContent(id="tabs", initial=PANELS[0].TAB):
                for panel in PANELS:
                    with TabPane(panel.TITLE, id=panel.TAB):
                        yield panel(id=f"{panel.TAB}-panel")
        search = Input(placeholder="Search the article (Enter; Esc closes)", id="search")
        search.display = False
        yield search
        yield StatusBar(id="status")
        yield KeyFooter()

    @classmethod
    def key_groups(cls) -> list[tuple[str, list[Binding]]]:
        """The keys of this screen's parts, for the help screen."""
        titles = ", ".join(panel.TITLE for panel in PANELS)
        return [
            ("Article (sentence cursor)", list(ArticleView.BINDINGS)),
            (f"{titles} lists", [*LIST_KEYS, Binding("enter", "select", "Show in the article")]),
            ("Article list (l: type to filter)", [*ArticleList.BINDINGS, Binding("enter", "select", "Open article")]),
        ]

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def summary_list(self) -> SummaryList:
        return self.query_one(SummaryList)

    @property
    def library(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def panels(self) -> list[Widget]:
        return [self.query_one(f"#{panel.TAB}-panel") for panel in PANELS]

    @property
    def articles(self) -> list[Article]:
        return self.open.articles

    @property
    def analysis(self) -> Analysis | None:
        return None if self.current is None else self.open[self.current].analysis

    def on_mount(self) -> None:
        if self._own_positions:
            self.reading = library_keys.positions(self.library_store)
        if self.reading.problem:
            self.notify(terminal_safe(self.reading.problem), title="Reading positions are not kept", severity="warning", markup=False)
        if self.library_store is not None:
            self.library.use_search(library_keys.searcher(self), "Search the library…")
        # Tab moves between the article, the active panel and the list, not the tab bar.
        self.query_one(ContentTabs).can_focus = False
        self._apply_width(self.app.size.width, initial=True)
        for panel in self.panels:
            if panel.NEEDS:
                panel.show_message("Loading…")
                self._filled[panel.TAB] = ("message", None, "Loading…")
        self.summary_list.focus()
        self._update_status()
        if self.library_store is not None:
            self.open.list_library(self.scope)
        else:
            self.call_after_refresh(self.open.load, self.paths, self.max_bytes)  # after the first frame

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int, initial: bool = False) -> None:
        self.set_class(width < NARROW_BELOW, "narrow")
        if initial:
            self.set_class(width >= LIST_OPEN_FROM, "list-open")

    # --- loading ---------------------------------------------------------

    def on_open_articles_loading(self, message: OpenArticles.Loading) -> None:
        self._loading_progress(0, message.total)

    def on_open_articles_unreadable(self, message: OpenArticles.Unreadable) -> None:
        self.errors.append(message.error)

    def _loading_progress(self, done: int, total: int) -> None:
        self.loaded_files, self.total_files = done, total
        self.library.set_progress(done, total)
        self._update_status()

    def on_open_articles_added(self, message: OpenArticles.Added) -> None:
        first = len(self.open)
        self.open.add(message.articles)
        for article in message.articles:
            self._per_file[article.file] = self._per_file.get(article.file, 0) + 1
        self.library.add_entries(len(self.open) - first, self.entry)
        self._loading_progress(message.done, message.total)
        if self.current is None and self.articles:
            self.open_article(0)
        elif self.current is None and message.done >= message.total:
            self.summary_list.show_message("No articles could be read." if self.errors else "No articles.")
            self.open.first_paint.set()
        else:
            self._prefetch_next()  # the next article may only just have arrived
        if message.done >= message.total and self.errors:
            shown = "\n".join(terminal_safe(str(error)) for error in self.errors[:5])
            self.notify(shown, title="Could not read", severity="warning", markup=False)

    def on_open_articles_listed(self, message: OpenArticles.Listed) -> None:
        """The library's rows: listed in their order (new ones first after a refresh)."""
        indexes = self.open.add_rows(message.rows)
        known = len(self.library.order)
        self.library.add_entries(len(self.open) - known, self.entry, order=indexes)
        if not indexes:
            self.open.first_paint.set()
        added = next((i for i in indexes if self.open[i].row.key == self.open_after_listing), None)
        self.open_after_listing = None
        if added is not None:
            self.open_article(added)
        elif self.current is None and indexes:
            self.open_article(indexes[0])
        elif self.current is None:
            self.summary_list.show_message("The library is empty: add articles with `reader add PATH|URL` or the u key.")
        self._update_status()

    # --- list rows -------------------------------------------------------

    def several_in_file(self, article: Article) -> bool:
        """Whether the article's file holds more than one article (rows then say which)."""
        return self._per_file.get(article.file, 1) > 1

    def entry(self, index: int) -> Entry:
        """What the list shows of article `index`."""
        state = self.open[index]
        if state.row is not None:
            return library_keys.entry(state.row)
        article = state.article
        assert article is not None
        kind = self._types.get(index) or article.label or ""
        details = [part for part in (kind, article.date or "", file_label(article, self.several_in_file(article))) if part]
        return Entry(article.display_title, " · ".join(details))

    def set_type(self, index: int, article_type: str) -> None:
        if self.open[index].row is None:
            self._types[index] = article_type
        self.library.update_entry(index, self.entry(index))

    # --- opening and analysing ------------------------------------------

    def open_article(self, index: int) -> None:
        if not 0 <= index < len(self.open):
            return
        with self.app.batch_update():  # one repaint for the article and every panel
            self._open_article(index)

    def _open_article(self, index: int) -> None:
        self.remember_position()  # of the article being left
        if not library_keys.open_row(self, index):
            return
        self.current = index
        state = self.open[index]
        if self._check_asked is not None:
            state.given, self._check_asked = self._check_asked, None
        self.view.show(state.article)
        self._restore_position(index)
        self.library.highlight_article(index)
        self.open.touch(index)
        if self.open.answers(index, self.wanted_options(index)):
            self._show(index)
            self.call_after_refresh(self.open.first_paint.set)  # a held first summary (the library's cache)
            # After the repaint: a prefetch worker started now would compete with the
            # repaint for the interpreter and slow the switch the reader is waiting on.
            self.call_after_refresh(self._prefetch_next)
        else:
            self._show(index, waiting="Analysing…")
            self.open.analyse(index, self.wanted_options(index))
        self._update_status()

    def wanted_options(self, index: int) -> Options:
        """The summary asked for now: the algorithm, and the length if one was chosen."""
        sentences = None if self.length is None else min(self.length, len(self.open[index].article.sentences))
        return Options(self.algorithm, sentences)

    def _show(self, index: int, waiting: str | None = None) -> None:
        """Show article `index`'s analysis in the view and every panel, as far as it goes;
        a panel whose stages are not ready shows `waiting` (or the failure)."""
        state = self.open[index]
        analysis = state.analysis if waiting is None else None
        stance = analysis.stance if analysis is not None and analysis.ready("stance") else None
        check = self.check_of(index, analysis)
        self.summary_list.check = check
        if isinstance(check, str):
            summary = frozenset()
        elif check is not None:
            summary = frozenset(s.sentence for claim in check.claims for s in claim.support)
        else:
            summary = frozenset(item.sentence for item in analysis.summary) if analysis is not None else frozenset()
        if analysis is not None:
            self.view.set_analysis(stance, summary)
        self.summary_list.restored_cursor = self.view.cursor if self._restored == index else None
        for panel in self.panels:
            key, fill = self._panel_fill(panel, state, analysis, waiting)
            self._fill_panel(panel, key, fill)
        if analysis is not None:
            self.summary_list.mark(self.view.cursor)
        self._update_status()

    def check_of(self, index: int, analysis: Analysis | None) -> Check | str | None:
        """The check of the summary given for article `index`, None when none is given,
        or CHECKING while a worker makes it (once the analysis is here: the check uses
        its named sources)."""
        state = self.open[index]
        if state.given is None:
            return None
        if analysis is None:
            return CHECKING
        text = state.given[1]
        if state.check is not None and state.check[0] is analysis.article and state.check[1].summary_text == text:
            return state.check[1]
        if state.checking != text:
            self.open.check(index, analysis, text)
        return CHECKING

    def on_open_articles_checked(self, message: OpenArticles.Checked) -> None:
        state = self.open[message.index]
        if state.checking == message.text:
            state.checking = None
        if state.given is None or state.given[1] != message.text:
            return  # the reader has moved on to another summary
        if message.check is None:
            state.given = None
            self.notify(terminal_safe(f"The summary could not be checked: {message.problem}"), severity="error", markup=False)
        else:
            state.check = (message.article, message.check)
        if message.index == self.current:
            with self.app.batch_update():
                self._show(message.index)

    def action_check_summary(self) -> None:
        """Ask for a summary file and hold it against the article on screen."""
        if self.current is None:
            return
        from reader.app.screens.check_file import CheckFileScreen

        index = self.current
        self.app.push_screen(CheckFileScreen(), lambda path: self._check_file_given(index, path))

    def _check_file_given(self, index: int, path: str | None) -> None:
        if path is None:
            return
        from reader.commands.check import CheckInputError, read_summary, validate

        try:
            text = read_summary(path, self.max_bytes)
            validate(text, self.open[index].article.text)
        except CheckInputError as problem:
            self.notify(terminal_safe(str(problem)), severity="error", markup=False)
            return
        self.open[index].given = (path, text)
        if index == self.current:
            self._show_summary_tab(index)

    def action_generated_summary(self) -> None:
        """Back from a checked summary to the generated one."""
        if self.current is None or self.open[self.current].given is None:
            return
        state = self.open[self.current]
        state.given = state.check = None
        self._show_summary_tab(self.current)

    def _show_summary_tab(self, index: int) -> None:
        with self.app.batch_update():
            self._show(index, waiting=None if self.open[index].analysis is not None else "Analysing…")
        self.query_one(TabbedContent).active = SummaryList.TAB
        self.summary_list.focus()

    def _panel_fill(
        self, panel: Widget, state: ArticleState, analysis: Analysis | None, waiting: str | None
    ) -> tuple[tuple, Callable[[], None]]:
        """What `panel` should show now for `state` (its items, or why there are none),
        with a key that is the same exactly when the panel would show the same."""
        article = state.article
        if not panel.NEEDS or (analysis is not None and all(analysis.ready(stage) for stage in panel.NEEDS)):
            # The stage values it shows: a new summary refills the summary list, the
            # stance arriving refills what shows labels, and nothing else.
            used = () if analysis is None else tuple(analysis.stage(s) for s in panel.USES if analysis.ready(s))
            return ("show", article, used, getattr(panel, "check", None)), lambda: panel.show(article, analysis)
        if state.failure is not None:
            message = f"Analysis failed: {state.failure}"
        elif state.stance_failure is not None and "stance" in panel.NEEDS:
            message = f"Labels failed: {state.stance_failure}"
        else:
            message = waiting or "Analysing…"
        return ("message", article, message), lambda: panel.show_message(message)

    def _fill_panel(self, panel: Widget, key: tuple, fill: Callable[[], None]) -> None:
        """Fill `panel` now when its tab is shown (or it is always kept filled), else
        when its tab is next shown: switching article then costs nothing for the tabs
        nobody looks at. A panel already showing `key` is left as it is (its cursor too)."""
        tab = panel.TAB
        if self._filled.get(tab) == key:
            self._pending_fills.pop(tab, None)
            return

        def filled() -> None:
            fill()
            self._filled[tab] = key

        if not panel.FILL_WHEN_SHOWN or self.query_one(TabbedContent).active == tab:
            self._pending_fills.pop(tab, None)
            filled()
        else:
            self._pending_fills[tab] = filled

    def _fill_pending(self, tab: str) -> None:
        fill = self._pending_fills.pop(tab, None)
        if fill is not None:
            fill()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._fill_pending(event.pane.id or "")

    def on_open_articles_summary_ready(self, message: OpenArticles.SummaryReady) -> None:
        index, analysis = message.index, message.analysis
        # Kept even when the user moved on: it makes coming back instant.
        self.open.store(index, analysis, keep=self.current)
        if analysis.ready("stance"):
            self.set_type(index, analysis.stance.article_type)
        if index != self.current:
            self._painted(message)
            return
        if not self.open.answers(index, self.wanted_options(index)):
            self._painted(message)
            self.open.analyse(index, self.wanted_options(index))
            return
        with self.app.batch_update():
            self._show(index)
        self.call_after_refresh(self._painted, message)
        self.call_after_refresh(self.open.first_paint.set)
        self.call_after_refresh(self._prefetch_next)  # after this paint, not competing with it

    def _painted(self, message: OpenArticles.SummaryReady) -> None:
        if message.painted is not None:
            message.painted.set()

    def on_open_articles_stance_ready(self, message: OpenArticles.StanceReady) -> None:
        """The second step of an analysis: the stance joins whatever summary is held now."""
        held = self.open[message.index].analysis
        if held is None or held.article is not message.analysis.article or not held.ready("stance"):
            return
        self.set_type(message.index, held.stance.article_type)
        if message.index == self.current:
            with self.app.batch_update():
                self._show(message.index)

    def on_open_articles_failed(self, message: OpenArticles.Failed) -> None:
        self.open.failed(message.index, message.stages, message.reason)
        if message.index == self.current:
            self._show(message.index, waiting="Analysing…" if "summary" in message.stages else None)

    def _prefetch_next(self) -> None:
        """Analyse the article after the current one, so `n` shows it at once."""
        if self.current is None or self.open[self.current].analysis is None:
            return
        following = self.current + 1
        if following < len(self.open) and self.open[following].analysis is None:
            self.open.prefetch(following, self.wanted_options(following))

    # --- messages from the widgets ---------------------------------------

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.index)
        if self.has_class("narrow"):
            self.remove_class("list-open")
        self.summary_list.focus() if not self.has_class("narrow") else self.view.focus()

    def on_panel_item_highlighted(self, event: Panel.ItemHighlighted) -> None:
        if event.panel.has_focus and self.current is not None:
            self.jump_to(event.target)

    def on_panel_item_chosen(self, event: Panel.ItemChosen) -> None:
        self.jump_to(event.target)
        self._show_article_pane()
        self.view.focus()

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self.summary_list.mark(event.sentence)
        self._update_status()
        if self.current is not None and event.sentence is not None:
            self._cursor = (self.current, event.sentence)
        if self.reading.enabled and self._remember_timer is None:
            self._remember_timer = self.set_timer(REMEMBER_AFTER_SECONDS, self.remember_position)

    # --- reading position ------------------------------------------------

    def _restore_position(self, index: int) -> None:
        """Put the cursor where the reader left this article last time."""
        self._restored = None
        if not self.reading.enabled:
            return
        sentence = self.reading.position(self.open[index].reading_key)
        if sentence is not None and 0 < sentence < len(self.open[index].article.sentences):
            self.view.move_cursor(sentence, center=True)
            self._restored = index

    def remember_position(self) -> None:
        """Store the cursor the article view last reported (skipped when it is already stored)."""
        if self._remember_timer is not None:
            self._remember_timer.stop()
            self._remember_timer = None
        if not self.reading.enabled or self._cursor is None:
            return
        index, sentence = self._cursor
        key = self.open[index].reading_key
        if self.reading.position(key) != sentence:
            self.reading.remember(key, sentence)

    def on_unmount(self) -> None:
        # Workers still waiting for a paint may finish (the app waits for them on exit).
        self.open.close()
        self.remember_position()  # reads no widget: they are gone by now
        if self.reading.problem:  # said on the terminal once the reader has closed
            self.app.closing_notes.append(f"reading positions were not kept: {self.reading.problem}")
        self.reading.close()

    def jump_to(self, target: Target) -> None:
        """Show `target` centred in the article, cursor on its sentence, with its marks drawn."""
        self.view.set_marks(list(target.marks))
        if target.sentence is not None:
            self.view.move_cursor(target.sentence, center=False)
        self.view.center_on(target.span.start)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        found = self.view.search(event.value)
        if not found:
            self.notify(f"No match for {terminal_safe(event.value)!r}", severity="warning", markup=False)
        event.input.display = False
        self._show_article_pane()
        self.view.focus()
        self._update_status()

    # --- actions ---------------------------------------------------------

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _step_article(self, step: int) -> None:
        """The next/previous article among the rows the filter shows."""
        rows = self.library.shown or list(range(len(self.open)))
        if not rows:
            return
        if self.current in rows:  # noqa: SIM108 - two cases read better as two branches
            position = rows.index(self.current) + step
        else:
            position = 0 if step > 0 else len(rows) - 1
        if 0 <= position < len(rows):
            self.open_article(rows[position])

    def action_longer(self) -> None:
        self._change_length(1)

    def action_shorter(self) -> None:
        self._change_length(-1)

    def _change_length(self, step: int) -> None:
        analysis = self.analysis
        if analysis is None or not analysis.ready("summary"):
            return
        total = len(analysis.article.sentences)
        # From the requested length, not the shown one: key repeat outruns re-summarising.
        current = len(analysis.summary) if self.length is None else min(self.length, total)
        self.length = max(1, min(current + step, total))
        if self.length != len(analysis.summary):
            self.open.analyse(self.current, self.wanted_options(self.current))
        self._update_status()

    def action_next_algorithm(self) -> None:
        following = ALGORITHMS.index(self.algorithm) + 1 if self.algorithm in ALGORITHMS else 0
        self.set_algorithm(ALGORITHMS[following % len(ALGORITHMS)])

    def set_algorithm(self, name: str) -> None:
        if name not in ALGORITHMS:
            return
        self.algorithm = name
        if self.current is not None and self.analysis is not None:
            self.open.analyse(self.current, self.wanted_options(self.current))
        self._update_status()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def action_close_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.view.focus()

    def action_next_match(self) -> None:
        self.view.next_match(1)
        self._update_status()

    def action_previous_match(self) -> None:
        self.view.next_match(-1)
        self._update_status()

    def action_back_to_summary(self) -> None:
        items = self.summary_list.items
        if not items or self.view.cursor is None:
            return
        cursor = self.view.cursor
        index = self.summary_list.index_citing(cursor)
        if index is None:  # the cursor is on an uncited sentence: the nearest item
            index = min(range(len(items)), key=lambda i: (abs(items[i].sentence - cursor), items[i].sentence))
        self.query_one(TabbedContent).active = SummaryList.TAB
        self.remove_class("side-pane") if not self.has_class("narrow") else self.add_class("side-pane")
        self.summary_list.focus()
        self.summary_list.highlighted = index

    def action_toggle_list(self) -> None:
        """Open the list and type in its filter; from inside the list, close it."""
        if self.has_class("list-open") and not self.library.has_focus_within:
            self.library.focus_filter()
            return
        self.toggle_class("list-open")
        if self.has_class("list-open"):
            self.library.focus_filter()
        elif self.has_class("narrow") and not self.has_class("side-pane"):
            self.view.focus()
        else:
            self.summary_list.focus()

    def action_switch_pane(self) -> None:
        """In a narrow terminal: show the article or the panels."""
        self.toggle_class("side-pane")
        if self.has_class("side-pane"):
            self._focus_active_panel()
        else:
            self.view.focus()

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = name
        self._fill_pending(name)  # before the panel takes focus and reports its highlight
        if self.has_class("narrow"):
            self.add_class("side-pane")
        self._focus_active_panel()

    def action_toggle_theme(self) -> None:
        self.app.theme = "textual-light" if self.app.current_theme.dark else "textual-dark"

    def _focus_active_panel(self) -> None:
        self.query_one(f"#{self.query_one(TabbedContent).active}-panel").focus()

    def _show_article_pane(self) -> None:
        self.remove_class("side-pane")
        if self.has_class("narrow"):
            self.remove_class("list-open")

    # --- footer state ----------------------------------------------------

    def _update_status(self) -> None:
        with contextlib.suppress(NoMatches):  # a message arrived as the screen was torn down
            self.query_one(StatusBar).show(self.status_content())

    def status_content(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        analysis = self.analysis
        if self.current is not None:
            state = self.open[self.current]
            article = state.article
            where = library_keys.where(state.row) if state.row is not None else file_label(article, self.several_in_file(article))
            parts += [(f"{self.current + 1}/{len(self.open)}", "bold"), f" {terminal_safe(where)}"]
            if analysis is not None and analysis.ready("stance"):
                parts += ["  ", (analysis.stance.article_type, "bold $accent")]
            elif analysis is not None and state.stance_failure is not None:
                parts += ["  ", ("labels failed", "bold $error")]
            elif analysis is not None:
                parts += ["  ", ("labelling…", "italic $text-muted")]
            elif state.failure is not None:
                parts += ["  ", ("analysis failed", "bold $error")]
            else:
                parts += ["  ", ("analysing…", "italic $warning")]
        held = self.open[self.current] if self.current is not None else None
        if held is not None and held.given is not None and held.check is not None:
            report = held.check[1].report()
            name = held.given[0]
            parts += ["  ", ("checking ", "$text-muted"), terminal_safe(name), f" ({report['claims']} claims, {report['flags']} flags)"]
        parts += ["  ", ("algorithm ", "$text-muted"), self.algorithm]
        if analysis is not None and analysis.ready("summary"):
            count = len(analysis.summary)
            parts += ["  ", ("length ", "$text-muted"), f"{count}" + (" (auto)" if self.length is None else "")]
        if self.view.article is not None and self.view.cursor is not None:
            parts += ["  ", ("sentence ", "$text-muted"), f"{self.view.cursor + 1}/{len(self.view.article.sentences)}"]
        current_match, matches = self.view.match_state
        if matches:
            parts += ["  ", ("match ", "$text-muted"), f"{current_match or 0}/{matches}"]
        if self.loaded_files < self.total_files:
            parts += ["  ", (f"loading {self.loaded_files}/{self.total_files} files", "italic $warning")]
        if self.errors:
            parts += ["  ", (f"{len(self.errors)} unreadable", "$error")]
        if self.reading.problem:
            parts += ["  ", ("positions not kept", "$warning")]
        if self.refreshing:
            parts += ["  ", (terminal_safe(self.refreshing), "italic $warning")]
        return Content.assemble(*parts)
