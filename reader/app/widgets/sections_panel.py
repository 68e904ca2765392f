"""Opinion/reporting sections: label, score and first words; highlighting one shows it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.targets import Highlight, Target, sentence_near
from reader.app.text_layout import visible_text
from reader.app.widgets.panel import Panel
from reader.app.widgets.summary_list import LIST_KEYS, label_style
from summaries.analysis import Analysis
from summaries.model import Article, Section, Span

FIRST_WORDS = 8


class SectionsPanel(Panel, OptionList):
    TAB = "sections"
    TITLE = "Sections"
    NEEDS = ("stance",)
    USES = NEEDS
    BINDINGS = LIST_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.sections: list[Section] = []
        self._article: Article | None = None

    def show(self, article: Article, analysis: Analysis | None) -> None:
        assert analysis is not None
        stance = analysis.stance
        self._article = article
        self.sections = list(stance.sections)
        header = Content.assemble(("Type: ", "$text-muted"), (stance.article_type, "bold"))
        if stance.type_reasons:
            header += Content.assemble(("  (", "$text-muted"), ("; ".join(stance.type_reasons), "italic $text-muted"), (")", "$text-muted"))
        options = [Option(header, disabled=True)]
        options += [Option(section_prompt(article, section)) for section in self.sections]
        if not self.sections:
            options.append(Option(Content("No sections."), disabled=True))
        self.set_options(options)

    def show_message(self, reason: str) -> None:
        self.sections = []
        self.set_options([Option(Content(reason), disabled=True)])

    def on_focus(self) -> None:
        self._announce((self.highlighted or 0) - 1)

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce(event.option_index - 1)  # the type line comes first

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()

    def _announce(self, index: int) -> None:
        if 0 <= index < len(self.sections) and self._article is not None:
            section = self.sections[index]
            span = Span(section.start, section.end)
            target = Target(sentence_near(self._article, section.start), span, (Highlight(span.start, span.end, "section"),))
            self.post_message(Panel.ItemHighlighted(self, target))


def section_prompt(article: Article, section: Section) -> Content:
    words = article.text[section.start : section.end].split()
    first = " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")
    paragraphs = f"¶{section.first_paragraph + 1}" + (
        f"–{section.last_paragraph + 1}" if section.last_paragraph != section.first_paragraph else ""
    )
    parts: list[str | tuple[str, str] | Content] = [
        (section.label, f"bold {label_style(section.label)}"),
        f" {section.score:.2f} ",
        (paragraphs, "$accent"),
        " ",
        Content(visible_text(first)),
    ]
    if section.cues:
        parts += ["\n  ", (visible_text(", ".join(section.cues[:3])), "italic $text-muted")]
    return Content.assemble(*parts)
