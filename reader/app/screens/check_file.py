"""A small screen asking for the file of a summary to hold against the article on screen."""

from __future__ import annotations

from reader.app.screens.prompt import PromptScreen


class CheckFileScreen(PromptScreen):
    """Enter checks the summary in the file named (dismissed with the path); Esc cancels."""

    NAME = "check-file"
    QUESTION = "Check a summary of this article"
    PLACEHOLDER = "path/to/summary.txt"
    HINT = "Enter checks it  ·  Esc cancels  ·  C returns to the generated summary"
    DEFAULT_CSS = """
    CheckFileScreen { align: center middle; }
    #check-file { width: 72; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    #check-file-title { text-style: bold; }
    #check-file-hint { color: $text-muted; }
    """

    def problem(self, answer: str) -> str | None:
        return None if answer else "Type the path of a text file"
