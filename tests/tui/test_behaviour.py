"""Pilot tests for what a picture cannot show: scroll positions, highlights, state."""

from __future__ import annotations

import re

from textual.widgets import TabbedContent

from reader.app import library_keys
from reader.app.screens.main import MainScreen
from reader.app.text_layout import visible_text
from reader.app.targets import Highlight
from reader.app.widgets.article_view import ArticleView
from reader.app.widgets.summary_list import SummaryList
from summaries.analysis import Analysis, Options
from summaries.model import Mention, Source, Span, SummaryItem

from tui_support import make_app, pilot_test, settle


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _screen_lines(view: ArticleView) -> list[str]:
    return ["".join(segment.text for segment in view.render_line(y)) for y in range(view.scrollable_content_region.height)]


def styled_text(view: ArticleView, component: str) -> str:
    """Text drawn on screen with the background of `component`, in reading order."""
    background = view.overlay_style(component).bgcolor
    found = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            if segment.style is not None and segment.style.bgcolor == background and segment.text.strip():
                found.append(segment.text)
        found.append(" ")
    return _normalise("".join(found))


@pilot_test
async def test_moving_down_twice_in_summary_centres_and_highlights_third_sentence(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        summary = screen.summary_list
        assert summary.has_focus and len(summary.items) >= 3
        await pilot.press("down", "down")
        await settle(pilot)
        item = summary.items[2]
        view = screen.view
        assert view.cursor == item.sentence
        assert view.line_of(item.start) in view.visible_lines()
        assert view.line_of(item.end - 1) in view.visible_lines()
        sentence = view.article.text[item.start : item.end]
        assert styled_text(view, "article-view--cursor") == _normalise(sentence)


@pilot_test
async def test_enter_in_summary_focuses_article_at_that_sentence(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.view.has_focus
        assert screen.view.cursor == screen.summary_list.items[1].sentence


@pilot_test
async def test_article_cursor_marks_citing_summary_item_and_b_jumps_back(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        items = screen.summary_list.items
        number = next(i for i, item in enumerate(items) if item.sentence > 0 and i > 0)
        target = items[number]
        screen.view.focus()
        screen.view.move_cursor(target.sentence - 1)
        await pilot.press("j")
        await settle(pilot)
        assert screen.view.cursor == target.sentence
        assert screen.summary_list.marked == number
        await pilot.press("k")
        await settle(pilot)
        assert screen.summary_list.marked == screen.summary_list.index_citing(target.sentence - 1)
        await pilot.press("j", "b")
        await settle(pilot)
        assert screen.summary_list.has_focus
        assert screen.summary_list.highlighted == number


@pilot_test
async def test_length_keys_resummarise_with_one_more_and_one_fewer_sentence(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        before = len(screen.summary_list.items)
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.summary_list.items) == before + 1
        assert f"length {before + 1}" in str(screen.status_content())
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(screen.summary_list.items) == before - 1


@pilot_test
async def test_algorithm_key_resummarises_with_the_next_algorithm(seed_paths):
    from summaries.algorithms import ALGORITHMS

    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        await pilot.press("a")
        await settle(pilot)
        assert screen.analysis.algorithm == ALGORITHMS[1 % len(ALGORITHMS)]
        assert screen.algorithm == ALGORITHMS[1 % len(ALGORITHMS)]


@pilot_test
async def test_typing_in_the_filter_narrows_the_article_list(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        library = screen.library
        assert library.shown == list(range(len(screen.articles)))
        # A title word that no other row contains picks out one article.
        titles = [a.display_title.casefold() for a in screen.articles]
        word = next(
            w
            for i, title in enumerate(titles)
            for w in sorted(re.findall(r"[a-z]{5,}", title), key=len, reverse=True)
            if not any(w in other for j, other in enumerate(titles) if j != i)
        )
        expected = [i for i, title in enumerate(titles) if word in title]
        await pilot.press("l", *word)  # the list is open at this width: `l` goes to its filter
        await settle(pilot)
        assert library.shown == expected
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current == expected[0]


@pilot_test
async def test_n_and_p_switch_articles(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        await pilot.press("n")
        await settle(pilot)
        assert screen.current == 1 and screen.view.article is screen.articles[1]
        await pilot.press("p", "p")
        await settle(pilot)
        assert screen.current == 0


@pilot_test
async def test_search_highlights_matches_and_steps_through_them(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        text = screen.articles[0].text
        word = max(set(re.findall(r"[A-Za-z]{6,}", text)), key=lambda w: (len(re.findall(re.escape(w), text, re.I)), w))
        count = len(re.findall(re.escape(word), text, re.IGNORECASE))
        await pilot.press("slash", *word, "enter")
        await settle(pilot)
        assert screen.view.match_state[1] == count and count >= 2
        first = screen.view.match_state[0]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.view.match_state[0] == first % count + 1
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert screen.view.match_state[0] == first
        assert styled_text(screen.view, "article-view--match-current").casefold() == word.casefold()


def _analyser_with_one_source(article, options: Options) -> Analysis:
    """The real summary and stance, with one source made from the fourth sentence by a
    fixed rule: its first word is the source, its second the cue, the rest the content."""
    index = min(3, len(article.sentences) - 1)
    sentence = article.sentences[index]
    words = [m.span() for m in re.finditer(r"\S+", article.text[sentence.start : sentence.end])]
    (s0, e0), (s1, e1) = words[0], words[1]
    base = sentence.start
    mention = Mention(base + s0, base + e0, Span(base + s1, base + e1), article.text[base + s1 : base + e1],
                      Span(base + words[2][0], sentence.end), index)
    source = Source(article.text[base + s0 : base + e0], "person", "test descriptor", [mention])
    return Analysis(article, options, known={"sources": [source]})


@pilot_test
async def test_highlighting_a_source_shows_its_mention_with_source_cue_and_content(seed_paths):
    app = make_app(seed_paths[:1], analyser=_analyser_with_one_source)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        await pilot.press("2")
        await settle(pilot)
        mention = screen.analysis.sources[0].mentions[0]
        view = screen.view
        assert screen.query_one(TabbedContent).active == "sources"
        assert view.cursor == mention.sentence
        assert Highlight(mention.start, mention.end, "source") in view._marks
        assert Highlight(mention.cue.start, mention.cue.end, "cue") in view._marks
        assert view.line_of(mention.start) in view.visible_lines()
        assert styled_text(view, "article-view--source") == _normalise(view.article.text[mention.start : mention.end])


@pilot_test
async def test_narrow_terminal_shows_one_pane_and_w_switches(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        side = screen.query_one("#side")
        assert screen.has_class("narrow")
        assert screen.view.display_visible if hasattr(screen.view, "display_visible") else screen.view.region.width > 0
        assert side.region.width == 0
        await pilot.press("w")
        await settle(pilot)
        assert side.region.width == 80 and screen.view.region.width == 0
        await pilot.press("enter")  # choose the summary item: back to the article at it
        await settle(pilot)
        assert screen.view.region.width > 0 and screen.view.has_focus


@pilot_test
async def test_markup_and_escapes_in_article_are_shown_as_text_and_do_nothing(markup_file):
    app = make_app([markup_file])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen: MainScreen = app.screen
        view = screen.view
        drawn = "".join(
            segment.text for y in range(view.scrollable_content_region.height) for segment in view.render_line(y)
        )
        assert "[@click=app.quit]quit[/]" in drawn
        assert "[bold]is" in drawn
        assert "\x1b" not in drawn
        # Clicking on the text that looks like a click action must not run it.
        line = next(i for i, text in enumerate(_screen_lines(view)) if "[@click=" in text)
        column = _screen_lines(view)[line].index("[@click=")
        for x in range(column, column + len("[@click=app.quit]quit"), 5):
            await pilot.click(ArticleView, offset=(x, line))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        # Each summary item shows its sentence exactly as written, markup and all.
        prompts = " ".join(screen.summary_list.prompts)
        for item in screen.summary_list.items:
            assert visible_text(view.article.text[item.start : item.end]) in prompts


def _analyser_summarising_everything(article, options: Options) -> Analysis:
    items = [SummaryItem(s.start, s.end, i, s.paragraph, 1.0) for i, s in enumerate(article.sentences)]
    return Analysis(article, options, known={"summary": items})


@pilot_test
async def test_summary_items_show_markup_as_text(markup_file):
    app = make_app([markup_file], analyser=_analyser_summarising_everything)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        prompts = " ".join(app.screen.summary_list.prompts)
        assert "[@click=app.quit]quit[/]" in prompts and "[reverse]nothing special[/reverse]" in prompts
        await pilot.click(SummaryList, offset=(10, 1))
        await settle(pilot)
        assert app.is_running and app.return_code is None


@pilot_test
async def test_help_lists_every_key_binding(seed_paths):
    app = make_app(seed_paths[:1])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_text = str(app.screen.keys_content())
        for binding in MainScreen.BINDINGS + ArticleView.BINDINGS + SummaryList.BINDINGS:
            if binding.action in library_keys.ACTIONS:  # files opened outside the library: no such keys
                assert binding.description not in help_text
            else:
                assert binding.description in help_text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_command_palette_runs_an_action(seed_paths):
    app = make_app(seed_paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Next article")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.current == 1
