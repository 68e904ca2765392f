"""The Textual app: thin. It holds the inputs and opens the main screen."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Callable

from textual.app import App
from textual.binding import Binding

from reader.app.commands import ReaderCommands
from reader.app.open_articles import analyse_later
from reader.app.screens.help import HelpScreen
from reader.app.screens.main import MainScreen
from reader.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from reader.app.open_articles import Analyser
    from reader.library.positions import LibraryPositions
    from reader.library.store import Library


class ReaderApp(App[int]):
    """`reader [PATH...]`: articles, their summaries, sources and sections, side by side.

    Given a `library`, the articles are the library's (`scope`: only those ids), and
    the app closes the library when it exits.
    """

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(
        self,
        paths: list[str],
        algorithm: str = "default",
        max_bytes: int = DEFAULT_MAX_BYTES,
        *,
        analyser: Analyser = analyse_later,
        library: Library | None = None,
        scope: list[int] | None = None,
        positions: LibraryPositions | None = None,
        check: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.check = check  # (name, text) of a summary to hold against the first article
        self.library = library
        self.scope = scope
        self.positions = positions
        self.algorithm = algorithm
        self.max_bytes = max_bytes
        # Injectable so tests can feed the panels analyses the engine does not make.
        self.analyser = analyser
        self.theme = "textual-dark"
        # What the reader must still tell its user when it has closed (on stderr).
        self.closing_notes: list[str] = []

    def run(self, *args: Any, loop: asyncio.AbstractEventLoop | None = None, **kwargs: Any) -> int | None:
        """Run on a loop whose worker threads nobody waits for on quit.

        Thread workers run in the loop's default executor, and at exit Python joins a
        ThreadPoolExecutor's threads: `q` during a long analysis would restore the
        terminal and then hang until the analysis ended (tens of seconds on a long
        document). Nothing a worker computes is needed once the reader closes (the
        reading position is written by the screen itself).
        """
        if loop is not None:
            return super().run(*args, loop=loop, **kwargs)
        loop = asyncio.new_event_loop()
        loop.set_default_executor(AbandonedOnExit())
        try:
            return super().run(*args, loop=loop, **kwargs)
        finally:
            loop.close()

    def on_mount(self) -> None:
        screen = MainScreen(
            self.paths,
            self.algorithm,
            self.max_bytes,
            self.analyser,
            library=self.library,
            scope=self.scope,
            positions=self.positions,
            check=self.check,
        )
        self.push_screen(screen)

    def on_unmount(self) -> None:
        if self.library is not None:
            self.library.close()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screen_keys = [b for b in self.screen.BINDINGS if self.screen.check_action(b.action, ()) is not False]
        groups = [("Anywhere", [*self.BINDINGS, *screen_keys])]
        if isinstance(self.screen, MainScreen):
            groups += self.screen.key_groups()
        self.push_screen(HelpScreen(groups))



class AbandonedOnExit(ThreadPoolExecutor):
    """Each call on a new daemon thread, which the interpreter does not wait for at exit.

    A ThreadPoolExecutor only in name (asyncio accepts no other as a loop's default):
    its pool is never used, so no thread is registered for joining at exit."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()

        def call() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # handed to whoever waits on the future
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=call, name="reader-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass  # the threads are daemons: nothing to join
