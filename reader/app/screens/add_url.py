"""A small screen asking for the address of a web page to add to the library."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.library.fetch import is_web_address


class AddUrlScreen(ModalScreen[str | None]):
    """Enter adds the page at the address typed (dismissed with it); Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-url"):
            yield Static("Add a web page to the library", id="add-url-title")
            yield Input(placeholder="https://…", id="add-url-input")
            yield Static("Enter adds it  ·  Esc cancels", id="add-url-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        url = event.value.strip()
        if is_web_address(url):
            self.dismiss(url)
        else:
            self.query_one("#add-url-hint", Static).update("An address starts with http:// or https://")

    def action_cancel(self) -> None:
        self.dismiss(None)
