"""The one main screen: article list, the article, and the analysis panels beside it.

Attributes go down (the screen hands each widget its article and analysis),
messages come up (a widget says what the user highlighted; the screen decides
what the article shows). Loading and analysis run in thread workers so the UI
never waits for them: files appear in the list as they load, and an article is
analysed when it is opened (the next one is prefetched).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, TabbedContent, TabPane
from textual.timer import Timer
from textual.worker import get_current_worker

from reader.app.widgets.article_list import ArticleList, file_label
from reader.app.widgets.article_view import ArticleView, Highlight, nearest_clean_position
from reader.app.widgets.footer import KeyFooter
from reader.app.widgets.removed_panel import RemovedPanel
from reader.app.widgets.sections_panel import SectionsPanel
from reader.app.widgets.sources_panel import SourcesPanel
from reader.app.widgets.summary_list import SummaryList
from reader.ingest import TEXT_SUFFIXES, IngestError
from reader.storage import ReadingState, article_key, default_state_path
from reader.app import engine
from summaries.model import Article, Span, Stance

if TYPE_CHECKING:
    from reader.app.headstart import HeadStart
    from summaries.analysis import ArticleAnalysis

NARROW_BELOW = 100  # columns: below this the article and the panels take turns
LIST_OPEN_FROM = 130  # columns: from this width the article list starts open
TABS = ("summary", "sources", "sections", "removed")
# Push a batch of loaded articles to the list at least this often (seconds).
LOAD_FLUSH_SECONDS = 0.1
# Write the reading position at most this often while the cursor moves (seconds);
# it is also written when the article changes and when the screen closes.
REMEMBER_AFTER_SECONDS = 0.5
# Analyses kept for recently opened articles (coming back is instant); older ones
# are dropped so a long session over a large library does not grow without bound.
KEEP_ANALYSES = 24
# Until the first article's summary is on screen, loading the other files and
# adding the stance wait for it (they compete for the one Python thread that runs
# at a time), but never longer than this (seconds).
FIRST_PAINT_WAIT = 3.0
# How long loading waits for the head start's first document before doing the
# work itself (seconds): far longer than it takes; only a stuck process hits it.
HEAD_START_WAIT = 10.0


class StatusBar(Widget):
    """One line of state: article, type, algorithm, length, cursor, search, loading.

    Not a Static: `Static.update` asks for a layout of the whole screen, and this
    line changes on every cursor move while its size never does.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def show(self, content: Content) -> None:
        if content.plain != self._content.plain or content.spans != self._content.spans:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content


class MainScreen(Screen):
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
        Binding("l", "toggle_list", "Articles"),
        Binding("w", "switch_pane", "Switch pane", show=False),
        Binding("1", "tab('summary')", "Summary tab", show=False),
        Binding("2", "tab('sources')", "Sources tab", show=False),
        Binding("3", "tab('sections')", "Sections tab", show=False),
        Binding("4", "tab('removed')", "Removed tab", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("escape", "close_search", "Close search", show=False),
    ]

    def __init__(self, paths: list[str], algorithm: str, max_bytes: int, head_start: HeadStart | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.head_start = head_start
        self.algorithm = algorithm  # checked against the engine's names when it is loaded
        self.max_bytes = max_bytes
        self.length: int | None = None  # summary sentences; None = the engine's default
        self.articles: list[Article] = []
        self.analyses: dict[int, ArticleAnalysis] = {}  # least recently used first
        self.requests: dict[int, tuple[str, int | None]] = {}  # what each held analysis was asked for
        self.failures: dict[int, str] = {}  # article index -> why its analysis failed
        self.stance_failures: dict[int, str] = {}  # article index -> why its labels failed
        self.errors: list[IngestError] = []
        self.current: int | None = None
        self.loaded_files = 0
        self.total_files = 0
        self.reading = ReadingState(None)  # opened on mount
        self._keys: dict[int, str] = {}  # article index -> reading-state key
        self._restored: int | None = None  # article whose cursor came from the reading state
        self._remember_timer: Timer | None = None
        # (article index, sentence) the article view last reported: what is stored on
        # quit, when the view itself is already unmounted (children go before the screen).
        self._cursor: tuple[int, int] | None = None
        # Set once the first summary (or the reason there is none) has been painted.
        self._first_paint = threading.Event()
        self._paint_waits: set[threading.Event] = set()  # workers waiting for a repaint
        # Hidden tabs are filled when shown: tab id -> the call that fills it.
        self._pending_fills: dict[str, Callable[[], None]] = {}

    # --- composition -----------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleList(id="library")
            yield ArticleView(id="article")
            with Vertical(id="side"):
                with TabbedContent(id="tabs", initial="summary"):
                    with TabPane("Summary", id="summary"):
                        yield SummaryList(id="summary-list")
                    with TabPane("Sources", id="sources"):
                        yield SourcesPanel(id="sources-panel")
                    with TabPane("Sections", id="sections"):
                        yield SectionsPanel(id="sections-panel")
                    with TabPane("Removed", id="removed"):
                        yield RemovedPanel(id="removed-panel")
        search = Input(placeholder="Search the article (Enter; Esc closes)", id="search")
        search.display = False
        yield search
        yield StatusBar(id="status")
        yield KeyFooter()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def summary_list(self) -> SummaryList:
        return self.query_one(SummaryList)

    @property
    def library(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.reading = ReadingState(default_state_path())
        self._apply_width(self.app.size.width, initial=True)
        self.summary_list.clear_summary("Loading…")
        self.query_one(SourcesPanel).clear_sources("Loading…")
        self.query_one(SectionsPanel).clear_stance("Loading…")
        self.summary_list.focus()
        self._update_status()
        self.call_after_refresh(self.load_library)  # after the first frame

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int, initial: bool = False) -> None:
        self.set_class(width < NARROW_BELOW, "narrow")
        if initial:
            self.set_class(width >= LIST_OPEN_FROM, "list-open")

    # --- loading ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load_library(self) -> None:
        import time

        total = count_input_files(self.paths)
        self._deliver(self._loading_progress, 0, total)
        head = self.head_start.result(HEAD_START_WAIT) if self.head_start is not None else None
        cleaned = {head.document: head.articles} if head is not None else {}
        batch: list[Article] = []
        done, last_flush = 0, 0.0
        for loaded in engine.load_articles(self.paths, max_bytes=self.max_bytes, cleaned=cleaned):
            done += 1
            if isinstance(loaded, IngestError):
                self._deliver(self.errors.append, loaded)
            else:
                if head is not None and head.analysis is not None and loaded[1] is head.articles and done == 1:
                    # Held before the article is listed, so opening it shows the summary at once.
                    self._deliver(self._hold_head_start, head.analysis, (head.algorithm, None))
                batch.extend(loaded[1])
            now = time.monotonic()
            if batch and now - last_flush >= LOAD_FLUSH_SECONDS:
                self._deliver(self._add_articles, batch, done, total)
                batch, last_flush = [], now
                # The first article is opened now: let its analysis run alone.
                self._first_paint.wait(FIRST_PAINT_WAIT)
        self._deliver(self._add_articles, batch, done, max(done, total))

    def _hold_head_start(self, analysis: ArticleAnalysis, request: tuple[str, int | None]) -> None:
        """The first article's summary, made by the head start; its stance follows the paint."""
        self.analyses[0] = analysis
        self.requests[0] = request
        self.label_first_article(analysis)

    @work(thread=True, exclusive=True, group="label")
    def label_first_article(self, analysis: ArticleAnalysis) -> None:
        self._first_paint.wait(FIRST_PAINT_WAIT)
        self._add_stance(0, analysis)

    def _loading_progress(self, done: int, total: int) -> None:
        self.loaded_files, self.total_files = done, total
        self.library.set_progress(done, total)
        self._update_status()

    def _add_articles(self, articles: list[Article], done: int, total: int) -> None:
        self.articles.extend(articles)
        self.library.add_articles(articles)
        self._loading_progress(done, total)
        if self.current is None and self.articles:
            self.open_article(0)
        elif self.current is None and done >= total:
            self.summary_list.clear_summary("No articles could be read." if self.errors else "No articles.")
            self._first_paint.set()
        else:
            self._prefetch_next()  # the next article may only just have arrived
        if done >= total and self.errors:
            self.notify("\n".join(str(error) for error in self.errors[:5]), title="Could not read", severity="warning")

    # --- opening and analysing ------------------------------------------

    def open_article(self, index: int) -> None:
        if not 0 <= index < len(self.articles):
            return
        with self.app.batch_update():  # one repaint for the article and every panel
            self._open_article(index)

    def _open_article(self, index: int) -> None:
        self.remember_position()  # of the article being left
        self.current = index
        article = self.articles[index]
        self.view.show(article)
        self._restore_position(index)
        self._fill_panel("removed", lambda: self.query_one(RemovedPanel).show_removals(article))
        self.library.highlight_article(index)
        analysis = self.analyses.pop(index, None)
        if analysis is not None:
            self.analyses[index] = analysis  # now the most recently used
        if analysis is not None and self._is_current_summary(index):
            self._show_analysis(analysis)
            self.call_after_refresh(self._first_paint.set)  # a held first summary (the head start's)
            # After the repaint: a prefetch worker started now would compete with the
            # repaint for the interpreter and slow the switch the reader is waiting on.
            self.call_after_refresh(self._prefetch_next)
        else:
            self.summary_list.clear_summary("Analysing…")
            self._fill_panel("sources", lambda: self.query_one(SourcesPanel).clear_sources("Analysing…"))
            self._fill_panel("sections", lambda: self.query_one(SectionsPanel).clear_stance("Analysing…"))
            if analysis is not None:
                self.resummarize_article(index)
            else:
                self.analyse_article(index)
        self._update_status()

    def _is_current_summary(self, index: int) -> bool:
        """Whether the analysis held for `index` answers the algorithm and length now asked for.

        Compared by request, not by result: the engine may return fewer items than asked.
        """
        return self.requests.get(index) == (self.algorithm, self._wanted_length(self.articles[index]))

    def _wanted_length(self, article: Article) -> int | None:
        return None if self.length is None else min(self.length, len(article.sentences))

    @work(thread=True, exclusive=True, group="analyse")
    def analyse_article(self, index: int) -> None:
        self._run_analysis(index, prefetch=False)

    @work(thread=True, exclusive=True, group="prefetch")
    def prefetch_article(self, index: int) -> None:
        self._run_analysis(index, prefetch=True)

    def _run_analysis(self, index: int, prefetch: bool) -> None:
        """Sources and summary, shown as soon as they are ready; then the stance.

        The app's analyser may leave the stance out (the default does: its model
        loads slowly the first time); it is then added here, after the summary has
        been painted. A prefetch delivers once, complete.
        """
        names = engine.algorithms()
        if self.algorithm not in names:
            self.algorithm = names[0]
        article = self.articles[index]
        request = (self.algorithm, self._wanted_length(article))
        try:
            analysis = self.app.analyser(article, request[0], sentences=request[1])
            if prefetch:
                analysis = engine.add_stance(analysis)
        except Exception as error:  # an engine bug must not take the reader down
            if not prefetch:
                self._deliver(self._analysis_failed, index, error)
            return
        if prefetch:
            if not get_current_worker().is_cancelled:
                self._deliver(self._analysed, index, analysis, request)
            return
        self._deliver(self._analysed, index, analysis, request)
        if analysis.stance is None:
            self._wait_for_paint()
            self._add_stance(index, analysis)

    def _add_stance(self, index: int, analysis: ArticleAnalysis) -> None:
        """The second step, on a worker's thread: the stance, delivered to the screen."""
        try:
            stance = engine.add_stance(analysis).stance
        except Exception as error:
            self._deliver(self._stance_failed, index, error)
            return
        self._deliver(self._stance_ready, index, analysis.article, stance)

    def _wait_for_paint(self) -> None:
        """Block this worker until the screen has repainted (what was delivered is visible)."""
        painted = threading.Event()
        self._paint_waits.add(painted)
        self._deliver(self.call_after_refresh, painted.set)
        painted.wait(FIRST_PAINT_WAIT)
        self._paint_waits.discard(painted)

    @work(thread=True, exclusive=True, group="resummarize")
    def resummarize_article(self, index: int) -> None:
        analysis = self.analyses[index]
        request = (self.algorithm, self._wanted_length(analysis.article))
        try:
            new = engine.resummarize(analysis, request[0], sentences=request[1])
        except Exception as error:
            self._deliver(self._analysis_failed, index, error)
            return
        self._deliver(self._analysed, index, new, request)

    def _deliver(self, callback, *args) -> None:
        """Hand a worker's result to the UI thread, unless the app is closing."""

        def guarded() -> None:
            try:
                callback(*args)
            except NoMatches:  # the screen was torn down while the worker ran
                pass

        try:
            self.app.call_from_thread(guarded)
        except RuntimeError:  # the app's loop has already stopped
            pass

    def _analysis_failed(self, index: int, error: Exception) -> None:
        self.failures[index] = f"{type(error).__name__}: {error}"
        self._first_paint.set()
        if index == self.current:
            message = f"Analysis failed: {self.failures[index]}"
            self.summary_list.clear_summary(message)
            self._fill_panel("sources", lambda: self.query_one(SourcesPanel).clear_sources(message))
            self._fill_panel("sections", lambda: self.query_one(SectionsPanel).clear_stance(message))
            self._update_status()

    def _analysed(self, index: int, analysis: ArticleAnalysis, request: tuple[str, int | None]) -> None:
        # Kept even when the user moved on: it makes coming back instant.
        held = self.analyses.pop(index, None)
        if analysis.stance is None and held is not None and held.article is analysis.article and held.stance is not None:
            analysis = replace(analysis, stance=held.stance)  # a re-summary of an article whose stance came first
        self.analyses[index] = analysis
        self.requests[index] = request
        for old in [i for i in self.analyses if i not in (index, self.current)][: max(len(self.analyses) - KEEP_ANALYSES, 0)]:
            del self.analyses[old]
            del self.requests[old]
        if analysis.stance is not None:
            self.library.set_type(index, analysis.stance.article_type)
        if index != self.current:
            return
        if not self._is_current_summary(index):
            self.resummarize_article(index)
            return
        with self.app.batch_update():
            self._show_analysis(analysis)
        self.call_after_refresh(self._first_paint.set)
        self.call_after_refresh(self._prefetch_next)  # after this paint, not competing with it

    def _stance_ready(self, index: int, article: Article, stance: Stance) -> None:
        """The second step of an analysis: the stance joins whatever summary is held now."""
        held = self.analyses.get(index)
        if held is None or held.article is not article:
            return
        self.analyses[index] = held = replace(held, stance=stance)
        self.library.set_type(index, stance.article_type)
        if index == self.current:
            with self.app.batch_update():
                self._show_stance(held)
                self._update_status()

    def _stance_failed(self, index: int, error: Exception) -> None:
        self.stance_failures[index] = message = f"Labels failed: {type(error).__name__}: {error}"
        if index == self.current:
            self._fill_panel("sections", lambda: self.query_one(SectionsPanel).clear_stance(message))
            self._update_status()

    def _prefetch_next(self) -> None:
        """Analyse the article after the current one, so `n` shows it at once."""
        if self.current is None or self.current not in self.analyses:
            return
        following = self.current + 1
        if following < len(self.articles) and following not in self.analyses:
            self.prefetch_article(following)

    def _show_analysis(self, analysis: ArticleAnalysis) -> None:
        article = analysis.article
        stance = analysis.stance
        self.view.set_analysis(stance, frozenset(item.sentence for item in analysis.summary))
        # After a restored position, highlight the summary item nearest the cursor
        # without jumping away from where the reader was.
        near = self.view.cursor if self._restored == self.current else None
        self.summary_list.show_summary(article, analysis.summary, stance, near=near)
        self.summary_list.mark(self.view.cursor)
        self._fill_panel("sources", lambda: self.query_one(SourcesPanel).show_sources(article, analysis.sources))
        if stance is None:
            self._fill_panel("sections", lambda: self.query_one(SectionsPanel).clear_stance("Analysing…"))
        else:
            self._fill_panel("sections", lambda: self.query_one(SectionsPanel).show_stance(article, stance))
        self._update_status()

    def _show_stance(self, analysis: ArticleAnalysis) -> None:
        """What the stance adds to a shown summary: the gutter, the labels, the sections."""
        assert analysis.stance is not None
        self.view.set_analysis(analysis.stance, frozenset(item.sentence for item in analysis.summary))
        self.summary_list.set_labels(analysis.stance)
        stance = analysis.stance
        self._fill_panel("sections", lambda: self.query_one(SectionsPanel).show_stance(analysis.article, stance))

    def _fill_panel(self, tab: str, fill: Callable[[], None]) -> None:
        """Fill the panel of `tab` now when it is shown, else when it is next shown
        (switching article then costs nothing for the tabs nobody looks at)."""
        if self.query_one(TabbedContent).active == tab:
            self._pending_fills.pop(tab, None)
            fill()
        else:
            self._pending_fills[tab] = fill

    def _fill_pending(self, tab: str) -> None:
        fill = self._pending_fills.pop(tab, None)
        if fill is not None:
            fill()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._fill_pending(event.pane.id or "")

    @property
    def analysis(self) -> ArticleAnalysis | None:
        return None if self.current is None else self.analyses.get(self.current)

    # --- messages from the widgets ---------------------------------------

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        self.open_article(event.index)
        if self.has_class("narrow"):
            self.remove_class("list-open")
        self.summary_list.focus() if not self.has_class("narrow") else self.view.focus()

    def on_summary_list_item_highlighted(self, event: SummaryList.ItemHighlighted) -> None:
        if self.summary_list.has_focus:
            self.jump_to(event.item.sentence, Span(event.item.start, event.item.end))

    def on_summary_list_item_chosen(self, event: SummaryList.ItemChosen) -> None:
        self.jump_to(event.item.sentence, Span(event.item.start, event.item.end))
        self._show_article_pane()
        self.view.focus()

    def on_sources_panel_mention_highlighted(self, event: SourcesPanel.MentionHighlighted) -> None:
        if not self.query_one(SourcesPanel).has_focus:
            return
        mention = event.mention
        marks = [Highlight(mention.start, mention.end, "article-view--source")]
        if mention.cue is not None:
            marks.append(Highlight(mention.cue.start, mention.cue.end, "article-view--cue"))
        if mention.content is not None:
            marks.insert(0, Highlight(mention.content.start, mention.content.end, "article-view--content"))
        self.jump_to(mention.sentence, Span(mention.start, mention.end), marks)

    def on_sections_panel_section_highlighted(self, event: SectionsPanel.SectionHighlighted) -> None:
        section = event.section
        article = self.articles[self.current] if self.current is not None else None
        if article is None or not self.query_one(SectionsPanel).has_focus:
            return
        sentence = _sentence_from(article, section.start)
        self.jump_to(sentence, Span(section.start, section.end), [Highlight(section.start, section.end, "article-view--section")])

    def on_removed_panel_removal_highlighted(self, event: RemovedPanel.RemovalHighlighted) -> None:
        if self.current is None or not self.query_one(RemovedPanel).has_focus:
            return
        article = self.articles[self.current]
        position = nearest_clean_position(article, event.removal.raw_start)
        end = min(position + 1, len(article.text))
        self.jump_to(_sentence_from(article, position), Span(position, end), [Highlight(position, end, "article-view--cue")])

    def on_article_view_cursor_moved(self, event: ArticleView.CursorMoved) -> None:
        self.summary_list.mark(event.sentence)
        self._update_status()
        if self.current is not None and event.sentence is not None:
            self._cursor = (self.current, event.sentence)
        if self.reading.enabled and self._remember_timer is None:
            self._remember_timer = self.set_timer(REMEMBER_AFTER_SECONDS, self.remember_position)

    # --- reading position ------------------------------------------------

    def _key(self, index: int) -> str:
        key = self._keys.get(index)
        if key is None:
            key = self._keys[index] = article_key(self.articles[index].text)
        return key

    def _restore_position(self, index: int) -> None:
        """Put the cursor where the reader left this article last time."""
        self._restored = None
        if not self.reading.enabled:
            return
        sentence = self.reading.position(self._key(index))
        if sentence is not None and 0 < sentence < len(self.articles[index].sentences):
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
        key = self._key(index)
        if self.reading.position(key) != sentence:
            self.reading.remember(key, sentence)

    def on_unmount(self) -> None:
        # Workers still waiting for a paint or the head start may finish (the app waits
        # for them on exit).
        if self.head_start is not None:
            self.head_start.cancel()
        self._first_paint.set()
        for painted in list(self._paint_waits):
            painted.set()
        self.remember_position()  # reads no widget: they are gone by now
        self.reading.close()

    def jump_to(self, sentence: int | None, target: Span, marks: list[Highlight] | None = None) -> None:
        """Show `target` centred in the article, cursor on its sentence, with `marks` drawn."""
        self.view.set_marks(marks or [])
        if sentence is not None:
            self.view.move_cursor(sentence, center=False)
        self.view.center_on(target.start)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        found = self.view.search(event.value)
        if not found:
            self.notify(f"No match for {event.value!r}", severity="warning")
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
        rows = self.library.shown or list(range(len(self.articles)))
        if not rows:
            return
        if self.current in rows:
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
        if analysis is None:
            return
        total = len(analysis.article.sentences)
        # From the requested length, not the shown one: key repeat outruns re-summarising.
        current = len(analysis.summary) if self.length is None else min(self.length, total)
        self.length = max(1, min(current + step, total))
        if self.length != len(analysis.summary):
            self.resummarize_article(self.current)
        self._update_status()

    def action_next_algorithm(self) -> None:
        names = engine.algorithms()
        following = names.index(self.algorithm) + 1 if self.algorithm in names else 0
        self.set_algorithm(names[following % len(names)])

    def set_algorithm(self, name: str) -> None:
        if name not in engine.algorithms():
            return
        self.algorithm = name
        if self.current is not None and self.analysis is not None:
            self.resummarize_article(self.current)
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
        self.query_one(TabbedContent).active = "summary"
        self.remove_class("side-pane") if not self.has_class("narrow") else self.add_class("side-pane")
        self.summary_list.focus()
        self.summary_list.highlighted = index

    def action_toggle_list(self) -> None:
        self.toggle_class("list-open")
        if self.has_class("list-open"):
            self.library.query_one("#filter", Input).focus()
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
        panel = {"summary": SummaryList, "sources": SourcesPanel, "sections": SectionsPanel, "removed": RemovedPanel}
        self.query_one(panel[self.query_one(TabbedContent).active]).focus()

    def _show_article_pane(self) -> None:
        self.remove_class("side-pane")
        if self.has_class("narrow"):
            self.remove_class("list-open")

    # --- footer state ----------------------------------------------------

    def _update_status(self) -> None:
        self.query_one(StatusBar).show(self.status_content())

    def status_content(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        if self.current is not None:
            article = self.articles[self.current]
            several = sum(1 for a in self.articles if a.file == article.file) > 1
            parts += [(f"{self.current + 1}/{len(self.articles)}", "bold"), f" {file_label(article, several)}"]
            analysis = self.analysis
            if analysis is not None and analysis.stance is not None:
                parts += ["  ", (analysis.stance.article_type, "bold $accent")]
            elif analysis is not None and self.current in self.stance_failures:
                parts += ["  ", ("labels failed", "bold $error")]
            elif analysis is not None:
                parts += ["  ", ("labelling…", "italic $text-muted")]
            elif self.current in self.failures:
                parts += ["  ", ("analysis failed", "bold $error")]
            else:
                parts += ["  ", ("analysing…", "italic $warning")]
        parts += ["  ", ("algorithm ", "$text-muted"), self.algorithm]
        analysis = self.analysis
        count = len(analysis.summary) if analysis is not None else None
        if count is not None:
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
        return Content.assemble(*parts)


def _sentence_from(article: Article, position: int) -> int | None:
    """The sentence holding `position`, else the next one, else the last."""
    found = article.sentence_index_at(position)
    if found is not None:
        return found
    following = next((i for i, s in enumerate(article.sentences) if s.start >= position), None)
    return following if following is not None else (len(article.sentences) - 1 if article.sentences else None)


def count_input_files(paths: list[str]) -> int:
    """How many files `paths` names (for the loading progress), counted like ingest does."""
    total = 0
    for path in paths:
        target = Path(path)
        if path != "-" and target.is_dir():
            total += sum(1 for p in target.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES) or 1
        else:
            total += 1
    return total
