"""A small screen asking for the file of a summary to hold against the article on screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class CheckFileScreen(ModalScreen[str | None]):
    """Enter checks the summary in the file named (dismissed with the path); Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    CheckFileScreen { align: center middle; }
    #check-file { width: 72; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    #check-file-title { text-style: bold; }
    #check-file-hint { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="check-file"):
            yield Static("Check a summary of this article", id="check-file-title")
            yield Input(placeholder="path/to/summary.txt", id="check-file-input")
            yield Static("Enter checks it  ·  Esc cancels  ·  C returns to the generated summary", id="check-file-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if path:
            self.dismiss(path)
        else:
            self.query_one("#check-file-hint", Static).update("Type the path of a text file")

    def action_cancel(self) -> None:
        self.dismiss(None)
