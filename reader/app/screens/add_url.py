"""A small screen asking for the address of a web page to add to the library."""

from __future__ import annotations

from reader.app.screens.prompt import PromptScreen
from reader.library.fetch import is_web_address


class AddUrlScreen(PromptScreen):
    """Enter adds the page at the address typed (dismissed with it); Esc cancels."""

    NAME = "add-url"
    QUESTION = "Add a web page to the library"
    PLACEHOLDER = "https://…"
    HINT = "Enter adds it  ·  Esc cancels"

    def problem(self, answer: str) -> str | None:
        return None if is_web_address(answer) else "An address starts with http:// or https://"
