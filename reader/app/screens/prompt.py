"""A small modal screen asking one question on one line (a path, an address)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Enter dismisses the screen with the answer typed, unless `problem` finds one with
    it (then the hint line says what); Esc cancels (dismissed with None). Subclasses
    name the question and its parts; widget ids are NAME, NAME-title, NAME-input, NAME-hint."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    NAME = ""
    QUESTION = ""
    PLACEHOLDER = ""
    HINT = ""

    def compose(self) -> ComposeResult:
        with Vertical(id=self.NAME):
            yield Static(self.QUESTION, id=f"{self.NAME}-title")
            yield Input(placeholder=self.PLACEHOLDER, id=f"{self.NAME}-input")
            yield Static(self.HINT, id=f"{self.NAME}-hint", markup=False)

    def problem(self, answer: str) -> str | None:
        """What is wrong with `answer`, said to the user; None when it will do."""
        return None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        answer = event.value.strip()
        problem = self.problem(answer)
        if problem is None:
            self.dismiss(answer)
        else:
            self.query_one(f"#{self.NAME}-hint", Static).update(problem)

    def action_cancel(self) -> None:
        self.dismiss(None)
