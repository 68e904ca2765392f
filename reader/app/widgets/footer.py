"""The key footer: Textual's Footer, rebuilt only when the keys it shows change, and
at most once per repaint.

Textual's Footer recomposes (mounting a widget per key) on every change of the
screen's bindings. Starting the reader announces five such changes before the first
frame (the screen, its tabs, focus), and moving focus between the summary and the
article announces one each time although the footer keys stay the same; each
rebuild styles twenty keys, tens of milliseconds for the same picture. So a change
schedules one rebuild after the next refresh, which happens only if the bindings
then differ from the ones last drawn.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _rebuild_pending = False
    _drawn: object = None  # the bindings the current keys were composed from

    def compose(self) -> ComposeResult:
        self._drawn = self._bindings_shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        # As Footer.bindings_changed (textual 8.2.8), with the rebuilds coalesced.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self._bindings_shown() != self._drawn:
            await self.recompose()

    def _bindings_shown(self) -> object:
        """Everything of the active bindings that Footer.compose draws from."""
        if not self._bindings_ready:
            return None
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.action, binding.description, self.app.get_key_display(binding), binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )
