"""The one interface of the panels beside the article (Summary, Sources, Sections, Removed…).

The screen lists its panels once (screens/main.py, `PANELS`) and treats them alike:
it builds a tab for each, calls `show(article, analysis)` when the stages a panel
`NEEDS` are ready (and again when more become ready), `show_message(reason)` while
they are not or when they failed, and moves the article to whatever a panel reports with
`Panel.ItemHighlighted` (an item under the panel's cursor) or `Panel.ItemChosen`
(Enter on it: the article takes focus there).

Adding a panel is a new widget that subclasses its Textual base and `Panel`, and one
line in `PANELS`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.message import Message

if TYPE_CHECKING:
    from textual.widget import Widget

    from reader.app.targets import Target
    from summaries.analysis import Analysis
    from summaries.model import Article


class Panel:
    """Mixin for a panel widget; subclasses set the class attributes and the two calls."""

    TAB: ClassVar[str]  # the tab's id, also the name used by `action_tab`
    TITLE: ClassVar[str]  # the tab's label
    NEEDS: ClassVar[tuple[str, ...]] = ()  # engine stages `show` needs ("summary", "sources", "stance")
    USES: ClassVar[tuple[str, ...]] = ()  # stages it shows when ready (NEEDS and optional ones)
    # Filled only when its tab is shown (switching article then costs nothing for the
    # tabs nobody looks at); False for a panel other parts of the screen read at once.
    FILL_WHEN_SHOWN: ClassVar[bool] = True

    class ItemHighlighted(Message):
        """The panel's cursor is on an item: the article may show it."""

        def __init__(self, panel: Widget, target: Target) -> None:
            super().__init__()
            self.panel = panel
            self.target = target

        @property
        def control(self) -> Widget:
            return self.panel

    class ItemChosen(Message):
        """The reader chose an item: the article shows it and takes focus."""

        def __init__(self, panel: Widget, target: Target) -> None:
            super().__init__()
            self.panel = panel
            self.target = target

        @property
        def control(self) -> Widget:
            return self.panel

    def show(self, article: Article, analysis: Analysis | None) -> None:
        """Show what this panel shows of `article` (every stage in NEEDS is ready)."""
        raise NotImplementedError

    def show_message(self, reason: str) -> None:
        """Show `reason` ("Analysing…", a failure) instead of items.

        Not `clear`: Tree and others have a `clear()` of their own that they call."""
        raise NotImplementedError
