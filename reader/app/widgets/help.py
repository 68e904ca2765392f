"""`?`: every key, read from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_COLUMN = 16


def binding_groups() -> list[tuple[str, list[Binding]]]:
    from reader.app.app import ReaderApp
    from reader.app.screens.main import MainScreen
    from reader.app.widgets.article_list import ArticleList
    from reader.app.widgets.article_view import ArticleView
    from reader.app.widgets.summary_list import LIST_KEYS

    return [
        ("Anywhere", [*ReaderApp.BINDINGS, *MainScreen.BINDINGS]),
        ("Article (sentence cursor)", list(ArticleView.BINDINGS)),
        ("Summary, Sources, Sections, Removed lists", [*LIST_KEYS, Binding("enter", "select", "Show in the article")]),
        ("Article list (type to filter)", [*ArticleList.BINDINGS, Binding("enter", "select", "Open article")]),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content.styled("Keys  (Esc closes; ctrl+p lists every command)", "bold"), id="help-title")
            with VerticalScroll():
                yield Static(self.keys_content(), id="help-keys")

    def keys_content(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        for group, bindings in binding_groups():
            parts += [(group, "bold $accent"), "\n"]
            for binding in bindings:
                if not binding.description:
                    continue
                keys = binding.key_display or " ".join(
                    self.app.get_key_display(Binding(key, binding.action)) for key in binding.key.split(",")
                )
                if "," in binding.key and binding.key_display:
                    keys = " ".join(
                        [binding.key_display]
                        + [self.app.get_key_display(Binding(k, binding.action)) for k in binding.key.split(",")[1:]]
                    )
                parts += ["  ", (keys.ljust(KEY_COLUMN), "bold"), binding.description, "\n"]
            parts.append("\n")
        parts += [("Mouse", "bold $accent"), "\n  click any row, tab or sentence to select it\n"]
        return Content.assemble(*parts)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
