"""One line of state under the article: article, type, algorithm, length, cursor, search, loading."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusBar(Widget):
    """Not a Static: `Static.update` asks for a layout of the whole screen, and this
    line changes on every cursor move while its size never does."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    def show(self, content: Content) -> None:
        if content.plain != self._content.plain or content.spans != self._content.spans:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content
