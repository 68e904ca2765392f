"""`?`: every key, read from the bindings themselves so the list cannot go stale."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_COLUMN = 16


KeyGroups = list[tuple[str, list[Binding]]]


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; the groups come from whoever opens it (the app and its screen
    list their own bindings), so this screen imports neither."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def __init__(self, groups: KeyGroups) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(Content.styled("Keys  (Esc closes; ctrl+p lists every command)", "bold"), id="help-title")
            with VerticalScroll():
                yield Static(self.keys_content(), id="help-keys")

    def keys_content(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        for group, bindings in self.groups:
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
