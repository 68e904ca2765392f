"""Named sources: each with kind, descriptor and mention count; its mentions beneath.

Highlighting a source shows its first mention; highlighting a mention shows that
attribution in the article with the source, cue and content spans marked.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree

from reader.app.targets import Highlight, Target
from reader.app.text_layout import visible_text
from reader.app.widgets.panel import Panel
from summaries.analysis import Analysis
from summaries.model import Article, Mention, Source, Span


class SourcesPanel(Panel, Tree[tuple[int, int | None]]):
    """A tree of sources (in order of first appearance) and their mentions."""

    TAB = "sources"
    TITLE = "Sources"
    NEEDS = ("sources",)
    USES = NEEDS
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "First", show=False),
        Binding("G", "scroll_end", "Last", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Sources"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.sources: list[Source] = []

    def show(self, article: Article, analysis: Analysis | None) -> None:
        assert analysis is not None
        self.sources = list(analysis.sources)
        self.clear()
        if not self.sources:
            self.root.add_leaf(Text("No named sources found.", style="italic"), data=(-1, None))
            return
        for number, source in enumerate(self.sources):
            node = self.root.add(source_label(source), data=(number, None), expand=False)
            for index, mention in enumerate(source.mentions):
                node.add_leaf(mention_label(article, mention), data=(number, index))
        self.move_cursor(self.root.children[0] if self.root.children else None)

    def show_message(self, reason: str) -> None:
        self.sources = []
        self.clear()
        self.root.add_leaf(Text(reason, style="italic"), data=(-1, None))

    def on_focus(self) -> None:
        node = self.cursor_node
        if node is not None:
            self._announce(node.data)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        self._announce(event.node.data)

    def _announce(self, data: tuple[int, int | None] | None) -> None:
        if data is None:
            return
        number, index = data
        if 0 <= number < len(self.sources) and self.sources[number].mentions:
            self.post_message(Panel.ItemHighlighted(self, mention_target(self.sources[number].mentions[index or 0])))


def mention_target(mention: Mention) -> Target:
    """The mention's sentence, with its content, source and cue marked (cue on top)."""
    marks = [Highlight(mention.start, mention.end, "source")]
    if mention.cue is not None:
        marks.append(Highlight(mention.cue.start, mention.cue.end, "cue"))
    if mention.content is not None:
        marks.insert(0, Highlight(mention.content.start, mention.content.end, "content"))
    return Target(mention.sentence, Span(mention.start, mention.end), tuple(marks))


def source_label(source: Source) -> Text:
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(visible_text(source.name), style="bold")
    label.append(f"  {source.kind}", style="dim")
    label.append(f"  ×{len(source.mentions)}")
    if source.descriptor:
        label.append(f"  {visible_text(source.descriptor)}", style="italic")
    return label


def mention_label(article: Article, mention: Mention) -> Text:
    said = visible_text(article.text[mention.start : mention.end])
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(f"s{mention.sentence + 1} ", style="dim")
    label.append(said, style="bold")
    if mention.cue_text:
        label.append(f" {visible_text(mention.cue_text)}", style="italic")
    if mention.content is not None:
        label.append(": " + visible_text(article.text[mention.content.start : mention.content.end][:80]))
    return label
