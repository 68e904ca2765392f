"""All the text of an HTML page or fragment, block by block, with no depth limit.

For what a tree-building extractor cannot give: a feed entry's whole content (text
between and around its paragraphs included) and a page nested deeper than lxml
builds. The standard library's tokenizer never builds a tree, so nesting costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that start a new block of text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
# Elements whose content is not text a reader sees.
HIDDEN_TAGS = frozenset("head script style template noscript svg math iframe object".split())
# Elements that never have content, so never close.
VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.hidden = 0
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in VOID_TAGS:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.blocks.append([])
        elif tag == "br":
            self.blocks[-1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_TAGS:
            self.depth = max(0, self.depth - 1)
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.blocks[-1].append(data)


@dataclass(frozen=True, slots=True)
class BlockText:
    text: str  # every visible character, white space collapsed, a blank line between blocks
    depth: int  # how deep the elements nest (an element never closed counts as open)


def block_text(html: str) -> BlockText:
    """The visible text of `html`, one paragraph per block, a line break for `<br>`."""
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    paragraphs = []
    for block in collector.blocks:
        lines = (" ".join(line.split()) for line in "".join(block).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return BlockText("\n\n".join(paragraphs), collector.max_depth)
