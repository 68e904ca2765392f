"""The article, drawn with Textual's Line API: only visible lines are rendered.

Like Toolong's `LogLines`, the view keeps a cheap layout (which slice of the
cleaned text each screen line shows) and renders a line only when Textual asks
for it, so a long article scrolls and re-highlights without re-rendering the
whole document. Every highlight is a span over `Article.text`, which is what the
engine reports, so a summary sentence, a source mention or a section is shown
exactly where it is.

Article text is always wrapped in `rich.text.Text` (never parsed as markup) and
control characters are shown as their visible Unicode pictures, so `[bold]`,
`[@click=app.quit]` or an ANSI escape in an article is just characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.targets import Highlight
from reader.app.text_layout import overlay_style, styled_segments, visible_text, wrap_spans
from summaries.model import Article, Span, Stance

GUTTER = 3  # label letter, summary (or damage) mark, space
DAMAGE_MARK = "!"  # beside a sentence cleaning marked damaged (drawn dimmed)
LABEL_LETTERS = {"reporting": "R", "opinion": "O", "analysis": "A"}


@dataclass(frozen=True, slots=True)
class LayoutLine:
    """One screen line: a slice of the article text, or a header field, or a blank."""

    role: str  # "kicker" | "title" | "meta" | "body" | "blank"
    start: int = 0
    end: int = 0
    paragraph: int | None = None
    first: bool = False  # first line of its paragraph (the gutter shows the letter)
    header: str = ""


class ArticleView(ScrollView, can_focus=True):
    """A cleaned article with a sentence cursor, highlights and a paragraph-label gutter."""

    BINDINGS = [
        Binding("j,down", "next_sentence", "Next sentence", show=False),
        Binding("k,up", "previous_sentence", "Previous sentence", show=False),
        Binding("g,home", "first_sentence", "First sentence", show=False),
        Binding("G,end", "last_sentence", "Last sentence", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    COMPONENT_CLASSES = {
        "article-view--kicker",
        "article-view--title",
        "article-view--meta",
        "article-view--cursor",
        "article-view--match",
        "article-view--match-current",
        "article-view--source",
        "article-view--cue",
        "article-view--content",
        "article-view--section",
        "article-view--support",
        "article-view--evidence",
        "article-view--summary-mark",
        "article-view--damaged",
        "article-view--damage-mark",
        "article-view--gutter-reporting",
        "article-view--gutter-opinion",
        "article-view--gutter-analysis",
        "article-view--gutter-unknown",
    }

    class CursorMoved(Message):
        """The sentence cursor moved (by key, click or jump)."""

        def __init__(self, view: "ArticleView", sentence: int | None) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence

        @property
        def control(self) -> "ArticleView":
            return self.view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.cursor: int | None = None
        self._text = ""
        self._paragraph_labels: list[str | None] = []
        self._summary_sentences: frozenset[int] = frozenset()
        self._damaged: list[Span] = []  # sentences cleaning marked damaged, in text order
        self._damaged_starts: list[int] = []
        self._marks: list[Highlight] = []  # source/cue/content or section highlights
        self._matches: list[Span] = []
        self._match_index: int | None = None
        self._lines: list[LayoutLine] = []
        self._body_starts: list[int] = []  # text start of each body line, ascending
        self._body_lines: list[int] = []  # layout index of each body line
        self._layout_width = -1
        self._render_width = 0
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._overlay_styles: dict[str, Style] = {}
        # `rich_style` and component styles are recomputed after every refresh;
        # they only change with CSS, so they are cached until the next style update.
        self._styles: dict[str, Style] = {}

    # --- data in ---------------------------------------------------------

    def show(self, article: Article | None) -> None:
        """Display a new article, cursor on its first sentence, scrolled to the top."""
        self.article = article
        self._text = visible_text(article.text) if article else ""
        self.cursor = 0 if article and article.sentences else None
        self._paragraph_labels = [None] * (len(article.paragraphs) if article else 0)
        self._summary_sentences = frozenset()
        self._damaged = [s.span for s in article.sentences if s.damage] if article else []
        self._damaged_starts = [span.start for span in self._damaged]
        self._marks = []
        self._matches, self._match_index = [], None
        self._layout_width = -1
        self._relayout()
        self.scroll_to(y=0, animate=False)
        self.post_message(self.CursorMoved(self, self.cursor))

    def set_analysis(self, stance: Stance | None, summary_sentences: frozenset[int]) -> None:
        """Paragraph labels for the gutter and which sentences the summary cites."""
        if self.article is None:
            return
        self._paragraph_labels = paragraph_labels(self.article, stance)
        self._summary_sentences = summary_sentences
        self._invalidate()

    def set_marks(self, marks: list[Highlight]) -> None:
        if marks == self._marks:
            return
        changed = [Span(m.start, m.end) for m in self._marks + marks]
        self._marks = marks
        self._invalidate_spans(changed)

    # --- positions -------------------------------------------------------

    def line_of(self, position: int) -> int:
        """Layout line showing text offset `position` (the nearest body line before it)."""
        if not self._body_starts:
            return 0
        index = max(bisect_right(self._body_starts, position) - 1, 0)
        return self._body_lines[index]

    def visible_lines(self) -> range:
        top = round(self.scroll_y)
        return range(top, top + self.scrollable_content_region.height)

    def center_on(self, position: int) -> None:
        """Scroll so the line holding `position` sits in the middle of the view."""
        self._ensure_layout()
        line = self.line_of(position)
        self.scroll_to(y=max(line - self.scrollable_content_region.height // 2, 0), animate=False)

    def move_cursor(self, sentence: int | None, center: bool = True) -> None:
        """Put the sentence cursor on `sentence` and bring it into view."""
        if self.article is None or sentence is None or not self.article.sentences:
            return
        sentence = max(0, min(sentence, len(self.article.sentences) - 1))
        previous = self.cursor_span()
        self.cursor = sentence
        span = self.article.sentences[sentence]
        if center:
            self.center_on(span.start)
        else:
            self._scroll_into_view(span.start, span.end)
        # Only the lines of the old and the new cursor sentence change.
        self._invalidate_spans([span.span] + ([previous] if previous is not None else []))
        self.post_message(self.CursorMoved(self, sentence))

    def cursor_span(self) -> Span | None:
        if self.article is None or self.cursor is None:
            return None
        return self.article.sentences[self.cursor].span

    def _scroll_into_view(self, start: int, end: int) -> None:
        self._ensure_layout()
        first, last = self.line_of(start), self.line_of(max(end - 1, start))
        visible = self.visible_lines()
        if first < visible.start:
            self.scroll_to(y=first, animate=False)
        elif last >= visible.stop:
            self.scroll_to(y=max(min(first, last - len(visible) + 1), 0), animate=False)

    # --- search ----------------------------------------------------------

    def search(self, query: str) -> int:
        """Highlight every case-insensitive match; move to the first at or after the cursor."""
        self._matches, self._match_index = [], None
        if self.article and query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self._matches = [Span(m.start(), m.end()) for m in pattern.finditer(self.article.text)]
        if self._matches:
            here = self.cursor_span().start if self.cursor_span() else 0
            following = [i for i, m in enumerate(self._matches) if m.start >= here]
            self._go_to_match(following[0] if following else 0)
        else:
            self._invalidate()
        return len(self._matches)

    def next_match(self, step: int = 1) -> None:
        if self._matches:
            current = -step if self._match_index is None and step > 0 else (self._match_index or 0)
            self._go_to_match((current + step) % len(self._matches))

    @property
    def match_state(self) -> tuple[int | None, int]:
        """(1-based current match or None, number of matches)."""
        return (None if self._match_index is None else self._match_index + 1, len(self._matches))

    def _go_to_match(self, index: int) -> None:
        assert self.article is not None
        self._match_index = index
        match = self._matches[index]
        sentence = self.article.sentence_index_at(match.start)
        if sentence is not None:
            self.cursor = sentence
            self.post_message(self.CursorMoved(self, sentence))
        self.center_on(match.start)
        self._invalidate()

    # --- actions ---------------------------------------------------------

    def action_next_sentence(self) -> None:
        if self.cursor is not None:
            self.move_cursor(self.cursor + 1, center=False)

    def action_previous_sentence(self) -> None:
        if self.cursor is not None:
            self.move_cursor(self.cursor - 1, center=False)

    def action_first_sentence(self) -> None:
        self.move_cursor(0, center=False)
        self.scroll_to(y=0, animate=False)

    def action_last_sentence(self) -> None:
        if self.article and self.article.sentences:
            self.move_cursor(len(self.article.sentences) - 1, center=False)
            self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(0, min(self.scroll_y + direction * height, self.max_scroll_y)), animate=False)
        # Keep the cursor on screen: the first sentence starting on the new page.
        top = round(self.scroll_y)
        for line_index in range(top, min(top + height, len(self._lines))):
            line = self._lines[line_index]
            if line.role == "body" and self.article is not None:
                sentence = self.article.sentence_index_at(line.start)
                if sentence is not None:
                    self.cursor = sentence
                    self.post_message(self.CursorMoved(self, sentence))
                    break
        self._invalidate()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.article is None:
            return
        line_index = round(self.scroll_y) + offset.y
        if not 0 <= line_index < len(self._lines) or self._lines[line_index].role != "body":
            return
        line = self._lines[line_index]
        position = line.start + _index_at_cell(self._text[line.start : line.end], offset.x - GUTTER)
        sentence = self.article.sentence_index_at(position)
        if sentence is None:  # between sentences: the next one
            sentence = next((i for i, s in enumerate(self.article.sentences) if s.start >= position), None)
        if sentence is not None:
            self.move_cursor(sentence, center=False)

    # --- layout and rendering -------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        anchor = self.cursor_span()
        if self._layout_width != self._text_width():
            self._relayout()
            if anchor is not None:
                self._scroll_into_view(anchor.start, anchor.end)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()
        self._overlay_styles.clear()
        self._styles.clear()

    @property
    def base_style(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def component_style(self, component: str) -> Style:
        style = self._styles.get(component)
        if style is None:
            style = self._styles[component] = self.get_component_rich_style(component)
        return style

    def overlay_style(self, component: str) -> Style:
        style = self._overlay_styles.get(component)
        if style is None:
            style = self._overlay_styles[component] = overlay_style(self, component)
        return style

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - GUTTER - 1, 10)

    def _ensure_layout(self) -> None:
        if self._layout_width != self._text_width():
            self._relayout()

    def _relayout(self) -> None:
        width = self._text_width()
        self._layout_width = width
        self._lines = layout_article(self.article, self._text, width) if self.article else []
        body = [(line.start, i) for i, line in enumerate(self._lines) if line.role == "body"]
        self._body_starts = [start for start, _ in body]
        self._body_lines = [i for _, i in body]
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self._invalidate()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _invalidate_spans(self, spans: list[Span]) -> None:
        """Forget and repaint only the lines showing any of `spans` (Toolong style)."""
        if self._layout_width != self._text_width():
            self._relayout()
            return
        for span in spans:
            first, last = self.line_of(span.start), self.line_of(max(span.end - 1, span.start))
            for index in range(first, last + 1):
                self._cache.discard(index)
            self.refresh_lines(first, last - first + 1)

    def render_lines(self, crop):
        self._ensure_layout()  # once per paint, not once per line
        self._render_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_layout_line(index).adjust_cell_length(self._render_width or self.scrollable_content_region.width, self.base_style)
            self._cache[index] = strip
        return strip.apply_offsets(0, index)

    def _render_layout_line(self, index: int) -> Strip:
        base = self.base_style
        if index >= len(self._lines):
            return Strip.blank(0, base)
        line = self._lines[index]
        if line.role in ("kicker", "title", "meta"):
            text = Text(" " * GUTTER + line.header, style=base)
            text.stylize(self.overlay_style(f"article-view--{line.role}"), GUTTER)
            return Strip(text.render(self.app.console))
        if line.role != "body":
            return Strip(self._gutter(line), GUTTER) if line.paragraph is not None else Strip.blank(0, base)
        segments = self._gutter(line) + styled_segments(
            self._text, line.start, line.end, base, self._highlights_between(line.start, line.end)
        )
        return Strip(segments)

    def _gutter(self, line: LayoutLine) -> list[Segment]:
        assert self.article is not None and line.paragraph is not None
        label = self._paragraph_labels[line.paragraph] if line.paragraph < len(self._paragraph_labels) else None
        component = f"article-view--gutter-{label}" if label in LABEL_LETTERS else "article-view--gutter-unknown"
        letter = LABEL_LETTERS.get(label or "", "·") if line.first else " "
        if self._line_in_summary(line):
            mark = Segment("▍", self.base_style + self.overlay_style("article-view--summary-mark"))
        elif self._line_damaged(line):
            mark = Segment(DAMAGE_MARK, self.base_style + self.overlay_style("article-view--damage-mark"))
        else:
            mark = Segment(" ", self.base_style)
        return [Segment(letter, self.component_style(component)), mark, Segment(" ", self.base_style)]

    def _line_damaged(self, line: LayoutLine) -> bool:
        """Whether the line shows part of a sentence cleaning marked damaged."""
        if not self._damaged or line.role != "body":
            return False
        index = bisect_right(self._damaged_starts, max(line.end - 1, line.start)) - 1
        return index >= 0 and self._damaged[index].end > line.start

    def _line_in_summary(self, line: LayoutLine) -> bool:
        if not self._summary_sentences or self.article is None or line.role != "body":
            return False
        sentences = self.article.sentences
        for index in self._summary_sentences:
            if sentences[index].start < max(line.end, line.start + 1) and line.start < sentences[index].end:
                return True
        return False

    def _highlights_between(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Styled ranges clipped to [start, end), lowest priority first."""
        found: list[tuple[int, int, Style]] = []

        def add(span_start: int, span_end: int, component: str) -> None:
            s, e = max(span_start, start), min(span_end, end)
            if s < e:
                found.append((s, e, self.overlay_style(component)))

        for span in self._damaged:  # a few per article at most
            add(span.start, span.end, "article-view--damaged")
        for mark in self._marks:
            if mark.component == "article-view--section":
                add(mark.start, mark.end, mark.component)
        cursor = self.cursor_span()
        if cursor is not None:
            add(cursor.start, cursor.end, "article-view--cursor")
        for mark in self._marks:
            if mark.component != "article-view--section":
                add(mark.start, mark.end, mark.component)
        if self._matches:
            first = max(bisect_right([m.end for m in self._matches], start) - 1, 0)
            for i in range(first, len(self._matches)):
                match = self._matches[i]
                if match.start >= end:
                    break
                current = i == self._match_index
                add(match.start, match.end, "article-view--match-current" if current else "article-view--match")
        return found


def layout_article(article: Article, text: str, width: int) -> list[LayoutLine]:
    """Every screen line of the article at `width` cells: header fields, then paragraphs."""
    lines: list[LayoutLine] = []
    for role, value in (("kicker", article.label), ("title", article.title), ("meta", _byline_and_date(article))):
        if value:
            for start, end in wrap_spans(visible_text(value), 0, len(value), width):
                lines.append(LayoutLine(role, header=visible_text(value)[start:end]))
    if lines:
        lines.append(LayoutLine("blank"))
    for index, paragraph in enumerate(article.paragraphs):
        if index:
            lines.append(LayoutLine("blank"))
        for number, (start, end) in enumerate(wrap_spans(text, paragraph.start, paragraph.end, width)):
            lines.append(LayoutLine("body", start, end, index, first=number == 0))
    return lines


def paragraph_labels(article: Article, stance: Stance | None) -> list[str | None]:
    """The label to show beside each paragraph: its section's, else its sentences' majority."""
    labels: list[str | None] = [None] * len(article.paragraphs)
    if stance is None:
        return labels
    for section in stance.sections:
        for index in range(section.first_paragraph, min(section.last_paragraph + 1, len(labels))):
            labels[index] = section.label
    votes: dict[int, list[str]] = {}
    for verdict in stance.sentences:
        if 0 <= verdict.sentence < len(article.sentences):
            votes.setdefault(article.sentences[verdict.sentence].paragraph, []).append(verdict.label)
    for paragraph, paragraph_votes in votes.items():
        if labels[paragraph] is None and paragraph < len(labels):
            labels[paragraph] = max(sorted(set(paragraph_votes)), key=paragraph_votes.count)
    return labels


def _byline_and_date(article: Article) -> str:
    return " · ".join(part for part in (article.byline, article.date) if part)


def _index_at_cell(text: str, cell: int) -> int:
    """Index of the character drawn at column `cell` of `text`."""
    total = 0
    for index, char in enumerate(text):
        total += cell_len(char)
        if total > cell:
            return index
    return max(len(text) - 1, 0)
