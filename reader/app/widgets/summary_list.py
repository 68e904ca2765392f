"""The summary as a list: one item per extracted sentence, with its citation marker.

Or, when the screen sets `check`, a given summary held against the article (`reader
ARTICLE --check SUMMARY`, or the c key): one item per claim with its status mark, the
paragraph of its first support and its flags under it; moving along the claims shows
their support in the article as summary items do, with further support and each
flag's evidence marked.

Each item shows `¶N` (the 1-based paragraph it came from), the sentence, and when
the engine knows them the source it attributes to and its opinion/reporting label.
Moving the highlight asks the screen to show that sentence in the article.

Drawn with the Line API, like the article view: the items are wrapped once per
width into (item, start, end) slices of each item's plain text, and a line is
rendered only when it is visible and not cached. Switching article re-wraps a few
sentences instead of re-rendering every prompt, and moving the highlight or the
mark repaints only the lines of the items involved.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.targets import Highlight, Target
from reader.render import FLAG_WORDS, STATUS_MARKS  # the same marks and words as `reader check` prints
from reader.app.text_layout import overlay_style, styled_segments, visible_text, wrap_spans
from reader.app.widgets.panel import Panel
from summaries.analysis import Analysis
from summaries.model import Article, Check, Claim, Span, Stance, SummaryItem

LIST_KEYS = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]

LABELS = ("opinion", "analysis", "reporting")


def label_style(label: str | None) -> str:
    return {"opinion": "$error", "analysis": "$secondary", "reporting": "$primary"}.get(label or "", "$text-muted")


MARK = "▶ "
PADDING = 0  # cells either side of an item's text (the side pane has its own border)


@dataclass(frozen=True, slots=True)
class ItemText:
    """An item's plain text and its styled ranges (component class names)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class ListLine:
    item: int  # index into the shown texts
    start: int
    end: int
    first: bool  # first line of its item (where the mark is drawn)


def item_text(article: Article, item: SummaryItem, label: str | None) -> ItemText:
    """`  ¶N sentence` and, when known, a second line `— source  label`."""
    parts: list[tuple[str, str | None]] = [
        (" " * len(MARK), None),  # where the mark is drawn
        (f"¶{item.paragraph + 1}", "summary-list--paragraph"),
        (" ", None),
        (visible_text(article.text[item.start : item.end]), None),
    ]
    details: list[tuple[str, str | None]] = []
    if item.attribution:
        details += [("— ", "summary-list--muted"), (visible_text(item.attribution), "summary-list--attribution")]
    if label:
        details += [("  " if details else "", None), (label, f"summary-list--{label if label in LABELS else 'unknown'}")]
    if details:
        parts += [("\n     ", None), *details]
    return _assemble(parts)


def _assemble(parts: list[tuple[str, str | None]]) -> ItemText:
    text, spans = "", []
    for piece, component in parts:
        if component and piece:
            spans.append((len(text), len(text) + len(piece), component))
        text += piece
    return ItemText(text, tuple(spans))


# What `check` holds while a worker checks the summary.
CHECKING = "Checking the summary…"


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """A checked claim as an item of the list: it cites its first support."""

    sentence: int | None
    start: int
    end: int
    claim: Claim


def claim_items(article: Article, check: Check) -> list[ClaimItem]:
    items = []
    for claim in check.claims:
        first = claim.support[0] if claim.support else None
        if first is not None:
            items.append(ClaimItem(first.sentence, first.start, first.end, claim))
        else:  # nothing backs it: the article stays where it is shown
            items.append(ClaimItem(None, 0, 0, claim))
    return items


def claim_text(article: Article, check: Check, claim: Claim) -> ItemText:
    """`  = ¶N claim` and a line per flag: `⚑ number: '3%': its support gives another value`."""
    cited = ",".join(dict.fromkeys(f"¶{article.sentences[s.sentence].paragraph + 1}" for s in claim.support)) or "¶–"
    parts: list[tuple[str, str | None]] = [
        (" " * len(MARK), None),
        (STATUS_MARKS[claim.status], f"summary-list--{claim.status}"),
        (" ", None),
        (cited, "summary-list--paragraph"),
        (" ", None),
        (visible_text(" ".join(check.summary_text[claim.start : claim.end].split())), None),
    ]
    for flag in claim.flags:
        parts += [("\n     ", None), (f"⚑ {FLAG_WORDS[flag.kind]}: ", "summary-list--flag")]
        parts.append((visible_text(flag.message), "summary-list--muted"))
    return _assemble(parts)


class SummaryList(Panel, ScrollView, can_focus=True):
    """Summary items; the one citing the article's cursor sentence is marked ▶."""

    TAB = "summary"
    TITLE = "Summary"
    NEEDS = ("summary",)
    USES = ("summary", "stance")  # labels once the stance is ready
    FILL_WHEN_SHOWN = False  # the screen reads its items (`b`, the ▶ mark) whatever the tab

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Show in the article", show=False),
    ]
    COMPONENT_CLASSES = {
        "summary-list--highlighted",
        "summary-list--mark",
        "summary-list--message",
        "summary-list--paragraph",
        "summary-list--muted",
        "summary-list--attribution",
        "summary-list--opinion",
        "summary-list--analysis",
        "summary-list--reporting",
        "summary-list--unknown",
        "summary-list--verbatim",
        "summary-list--supported",
        "summary-list--partial",
        "summary-list--unsupported",
        "summary-list--flag",
    }
    DEFAULT_CSS = """
    SummaryList {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        & > .summary-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .summary-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .summary-list--mark { color: $accent; text-style: bold; }
        & > .summary-list--message { color: $text-disabled; }
        & > .summary-list--paragraph { color: $accent; text-style: bold; }
        & > .summary-list--muted { color: $text-muted; }
        & > .summary-list--attribution { text-style: italic; }
        & > .summary-list--opinion { color: $error; text-style: bold; }
        & > .summary-list--analysis { color: $secondary; text-style: bold; }
        & > .summary-list--reporting { color: $primary; text-style: bold; }
        & > .summary-list--unknown { color: $text-muted; text-style: bold; }
        & > .summary-list--verbatim { color: $success; text-style: bold; }
        & > .summary-list--supported { color: $success; text-style: bold; }
        & > .summary-list--partial { color: $warning; text-style: bold; }
        & > .summary-list--unsupported { color: $error; text-style: bold; }
        & > .summary-list--flag { color: $error; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[SummaryItem] = []
        self.marked: int | None = None
        self._article: Article | None = None
        self._labels: dict[int, str] = {}
        self._texts: list[ItemText] = []  # one per item, or the one message line
        self._highlighted: int | None = None
        self._lines: list[ListLine] = []
        self._first_line: list[int] = []  # per item: its first line
        self._layout_width = -1
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}
        # Set by the screen when the article view's cursor was restored from the
        # reading state: the item nearest it is highlighted without a jump.
        self.restored_cursor: int | None = None
        # Set by the screen: a given summary's check, shown instead of the summary (or
        # CHECKING while it is made).
        self.check: Check | str | None = None
        self._shown_check: Check | None = None

    # --- data in ---------------------------------------------------------

    def show(self, article: Article, analysis: Analysis | None) -> None:
        assert analysis is not None
        if isinstance(self.check, str):
            self.clear_summary(self.check)
            return
        if self.check is not None:
            self.show_check(article, self.check)
            return
        self._shown_check = None
        items = analysis.summary
        stance = analysis.stance if analysis.ready("stance") else None
        if article is self._article and items == self.items:
            self.set_labels(stance)  # the same summary, now with its labels
        else:
            self.show_summary(article, items, stance, near=self.restored_cursor)

    def show_message(self, reason: str) -> None:
        self.clear_summary(reason)

    def show_summary(self, article: Article, items: list[SummaryItem], stance: Stance | None, near: int | None = None) -> None:
        """Show `items`; with `near` (a sentence), highlight the item closest to it
        without asking for a jump (the article stays where it is)."""
        previous = self._highlighted
        self._article = article
        self.items = list(items)
        self._labels = _labels(stance)
        self.marked = None
        self._set_texts([self._item_text(i) for i in range(len(self.items))] or [_message("No summary.")])
        self._highlighted = None
        if self.items and near is not None:
            quiet = min(range(len(self.items)), key=lambda i: (abs(self.items[i].sentence - near), i))
            self._move_highlight(quiet, announce=False)
        elif self.items:
            self.highlighted = min(previous or 0, len(self.items) - 1)

    def show_check(self, article: Article, check: Check) -> None:
        """Show `check`'s claims instead of the summary."""
        if article is self._article and check == self._shown_check:
            return
        previous = self._highlighted if article is self._article else None
        self._article = article
        self._shown_check = check
        self.items = claim_items(article, check)
        self._labels = {}
        self.marked = None
        self._set_texts([self._item_text(i) for i in range(len(self.items))] or [_message("The summary has no sentences.")])
        self._highlighted = None
        if self.items:
            self._move_highlight(min(previous or 0, len(self.items) - 1), announce=self.has_focus)

    def set_labels(self, stance: Stance | None) -> None:
        """The opinion/reporting labels arrived after the items: redraw with them."""
        if self._shown_check is not None:
            return  # a checked summary carries no labels
        self._labels = _labels(stance)
        if self.items and self._article is not None:
            self._set_texts([self._item_text(i) for i in range(len(self.items))])

    def clear_summary(self, message: str) -> None:
        self.items, self.marked, self._article, self._highlighted = [], None, None, None
        self._shown_check = None
        self._set_texts([_message(message)])

    @property
    def prompts(self) -> list[str]:
        """The plain text of every shown line group (an item, or the message)."""
        return [text.text for text in self._texts]

    def index_citing(self, sentence: int | None) -> int | None:
        return next((i for i, item in enumerate(self.items) if item.sentence == sentence), None)

    def mark(self, sentence: int | None) -> None:
        """Mark the item that cites `sentence` (or none)."""
        index = self.index_citing(sentence)
        if index != self.marked:
            changed = [i for i in (self.marked, index) if i is not None]
            self.marked = index
            self._refresh_items(changed, first_only=True)

    # --- the highlight ---------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is None or not self.items:
            return
        self._move_highlight(max(0, min(index, len(self.items) - 1)), announce=True)

    def _move_highlight(self, index: int, announce: bool) -> None:
        if index == self._highlighted:
            return
        changed = [i for i in (self._highlighted, index) if i is not None]
        self._highlighted = index
        self._refresh_items(changed)
        self._scroll_to_item(index)
        if announce:
            self.post_message(Panel.ItemHighlighted(self, self.target(index)))

    def on_focus(self) -> None:
        self._invalidate()  # the highlight's colours depend on focus
        if self._highlighted is not None and self._highlighted < len(self.items):
            self.post_message(Panel.ItemHighlighted(self, self.target(self._highlighted)))

    def on_blur(self) -> None:
        self._invalidate()

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self.highlighted = 0

    def action_last(self) -> None:
        self.highlighted = len(self.items) - 1

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        if self._highlighted is not None and self._highlighted < len(self.items):
            self.post_message(Panel.ItemChosen(self, self.target(self._highlighted)))

    def target(self, index: int) -> Target:
        item = self.items[index]
        if isinstance(item, ClaimItem):
            claim = item.claim
            marks = [Highlight(s.start, s.end, "support") for s in claim.support[1:]]
            marks += [Highlight(e.start, e.end, "evidence") for flag in claim.flags for e in flag.evidence]
            return Target(item.sentence, Span(item.start, item.end), tuple(marks))
        return Target(item.sentence, Span(item.start, item.end))

    def _step(self, step: int) -> None:
        if self.items:
            self.highlighted = 0 if self._highlighted is None else self._highlighted + step

    def _page(self, direction: int) -> None:
        """The item a screen further on, as far as lines go."""
        if not self.items:
            return
        self._ensure_layout()
        here = self._first_line[self._highlighted or 0]
        target = max(0, min(here + direction * self.scrollable_content_region.height, len(self._lines) - 1))
        self.highlighted = self._lines[target].item

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.items:
            return
        index = round(self.scroll_y) + offset.y
        if 0 <= index < len(self._lines):
            self.highlighted = self._lines[index].item
            self.action_select()

    # --- layout and rendering -------------------------------------------

    def _item_text(self, index: int) -> ItemText:
        assert self._article is not None
        item = self.items[index]
        if isinstance(item, ClaimItem):
            assert self._shown_check is not None
            return claim_text(self._article, self._shown_check, item.claim)
        return item_text(self._article, item, self._labels.get(item.sentence))

    def _set_texts(self, texts: list[ItemText]) -> None:
        self._texts = texts
        self._relayout()
        self.scroll_to(y=0, animate=False)

    def _text_width(self) -> int:
        return max(self.scrollable_content_region.width - 2 * PADDING, 4)

    def _ensure_layout(self) -> None:
        if self._layout_width != self._text_width():
            self._relayout()

    def _relayout(self) -> None:
        width = self._layout_width = self._text_width()
        self._lines, self._first_line = [], []
        for number, text in enumerate(self._texts):
            self._first_line.append(len(self._lines))
            spans = wrap_spans(text.text, 0, len(text.text), width) or [(0, 0)]
            self._lines += [ListLine(number, start, end, i == 0) for i, (start, end) in enumerate(spans)]
        size = Size(self.scrollable_content_region.width, len(self._lines))
        if size != self.virtual_size:
            self.virtual_size = size
        self._invalidate()

    def _invalidate(self) -> None:
        self._cache.clear()
        self.refresh()

    def _refresh_items(self, items: list[int], first_only: bool = False) -> None:
        """Forget and repaint the lines of `items` only."""
        if self._layout_width != self._text_width():
            self._relayout()
            return
        for item in items:
            if item >= len(self._first_line):
                continue
            first = self._first_line[item]
            last = first if first_only else (self._first_line[item + 1] - 1 if item + 1 < len(self._first_line) else len(self._lines) - 1)
            for index in range(first, last + 1):
                self._cache.discard(index)
            self.refresh_lines(first, last - first + 1)

    def _scroll_to_item(self, item: int) -> None:
        self._ensure_layout()
        if item >= len(self._first_line):
            return
        first = self._first_line[item]
        last = self._first_line[item + 1] - 1 if item + 1 < len(self._first_line) else len(self._lines) - 1
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + height:
            self.scroll_to(y=max(min(first, last - height + 1), 0), animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _style(self, name: str) -> Style:
        """The widget's style ("") or a component's, to lay over it (cached until CSS changes)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = overlay_style(self, name) if name else self.rich_style
        return style

    def render_lines(self, crop):
        self._ensure_layout()  # once per paint, not once per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        strip = self._cache.get(index)
        if strip is None:
            strip = self._cache[index] = self._render_list_line(index)
        return strip.apply_offsets(0, index)

    def _render_list_line(self, index: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        text = self._texts[line.item]
        if self.items and line.item == self._highlighted:
            base = base + self._style("summary-list--highlighted")
        if not self.items:
            base = base + self._style("summary-list--message")
        ranges = [(max(s, line.start), min(e, line.end), self._style(c)) for s, e, c in text.spans if s < line.end and line.start < e]
        segments = styled_segments(text.text, line.start, line.end, base, ranges)
        if line.first and self.items and line.item == self.marked:
            segments = [Segment(MARK, base + self._style("summary-list--mark")), *_drop_cells(segments, len(MARK))]
        if PADDING:
            segments = [Segment(" " * PADDING, base), *segments]
        return Strip(segments).adjust_cell_length(width, base)


def _labels(stance: Stance | None) -> dict[int, str]:
    return {verdict.sentence: verdict.label for verdict in stance.sentences} if stance else {}


def _message(message: str) -> ItemText:
    return ItemText(message, ())


def _drop_cells(segments: list[Segment], cells: int) -> list[Segment]:
    """`segments` without their first `cells` cells (the mark slot is plain spaces)."""
    return list(Strip(segments).crop(cells, Strip(segments).cell_length))
