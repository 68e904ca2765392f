"""Opinion/reporting sections: label, score and first words; highlighting one shows it."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.app.widgets.article_view import visible_text
from reader.app.widgets.summary_list import LIST_KEYS, label_style
from summaries.model import Article, Section, Stance

FIRST_WORDS = 8


class SectionsPanel(OptionList):
    BINDINGS = LIST_KEYS

    class SectionHighlighted(Message):
        def __init__(self, section: Section) -> None:
            super().__init__()
            self.section = section

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.sections: list[Section] = []


    def on_focus(self) -> None:
        index = (self.highlighted or 0) - 1
        if 0 <= index < len(self.sections):
            self.post_message(self.SectionHighlighted(self.sections[index]))

    def show_stance(self, article: Article, stance: Stance) -> None:
        self.sections = list(stance.sections)
        header = Content.assemble(("Type: ", "$text-muted"), (stance.article_type, "bold"))
        if stance.type_reasons:
            header += Content.assemble(("  (", "$text-muted"), ("; ".join(stance.type_reasons), "italic $text-muted"), (")", "$text-muted"))
        options = [Option(header, disabled=True)]
        options += [Option(section_prompt(article, section)) for section in self.sections]
        if not self.sections:
            options.append(Option(Content("No sections."), disabled=True))
        self.set_options(options)

    def clear_stance(self, message: str) -> None:
        self.sections = []
        self.set_options([Option(Content(message), disabled=True)])

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index - 1  # the type line comes first
        if 0 <= index < len(self.sections):
            self.post_message(self.SectionHighlighted(self.sections[index]))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()


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
        parts += ["\n  ", (", ".join(section.cues[:3]), "italic $text-muted")]
    return Content.assemble(*parts)
