"""Named sources: each with kind, descriptor and mention count; its mentions beneath.

Highlighting a source shows its first mention; highlighting a mention shows that
attribution in the article with the source, cue and content spans marked.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree

from reader.app.widgets.article_view import visible_text
from summaries.model import Article, Mention, Source


class SourcesPanel(Tree[tuple[int, int | None]]):
    """A tree of sources (in order of first appearance) and their mentions."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "First", show=False),
        Binding("G", "scroll_end", "Last", show=False),
    ]

    class MentionHighlighted(Message):
        def __init__(self, source: Source, mention: Mention) -> None:
            super().__init__()
            self.source = source
            self.mention = mention

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Sources"), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.sources: list[Source] = []


    def on_focus(self) -> None:
        node = self.cursor_node
        if node is not None and node.data is not None:
            number, index = node.data
            if 0 <= number < len(self.sources) and self.sources[number].mentions:
                source = self.sources[number]
                self.post_message(self.MentionHighlighted(source, source.mentions[index or 0]))

    def show_sources(self, article: Article, sources: list[Source]) -> None:
        self.sources = list(sources)
        self.clear()
        if not self.sources:
            self.root.add_leaf(Text("No named sources found.", style="italic"), data=(-1, None))
            return
        for number, source in enumerate(self.sources):
            node = self.root.add(source_label(source), data=(number, None), expand=False)
            for index, mention in enumerate(source.mentions):
                node.add_leaf(mention_label(article, mention), data=(number, index))
        self.move_cursor(self.root.children[0] if self.root.children else None)

    def clear_sources(self, message: str) -> None:
        self.sources = []
        self.clear()
        self.root.add_leaf(Text(message, style="italic"), data=(-1, None))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        if event.node.data is None:
            return
        number, index = event.node.data
        if 0 <= number < len(self.sources):
            source = self.sources[number]
            if source.mentions:
                self.post_message(self.MentionHighlighted(source, source.mentions[index or 0]))


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
        label.append(f" {mention.cue_text}", style="italic")
    if mention.content is not None:
        label.append(": " + visible_text(article.text[mention.content.start : mention.content.end][:80]))
    return label
