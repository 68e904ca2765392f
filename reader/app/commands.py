"""Command palette entries: every key action, every algorithm, every article."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider

from summaries.algorithms import ALGORITHMS


class ReaderCommands(Provider):
    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        from reader.app.screens.main import MainScreen

        screen = self.screen
        app = self.app
        if not isinstance(screen, MainScreen):
            return
        for binding in screen.BINDINGS + app.BINDINGS:
            if binding.description and binding.action not in ("command_palette", "close_search"):
                key = ", ".join(app.get_key_display(type(binding)(k, binding.action)) for k in binding.key.split(","))
                target = screen if binding in screen.BINDINGS else app
                yield binding.description, f"key {binding.key_display or key}", partial(target.run_action, binding.action)
        for name in ALGORITHMS:
            yield f"Algorithm: {name}", "re-summarise with this algorithm", partial(screen.set_algorithm, name)
        for index, article in enumerate(screen.articles):
            yield f"Open: {article.display_title}", article.file, partial(screen.open_article, index)

    async def discover(self) -> Hits:
        for name, help_text, callback in self.commands():
            if not name.startswith("Open: "):
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
