"""What the subcommands share: argument types, error lines, the progress bar."""

from __future__ import annotations

import argparse
import sys
from typing import Callable

from reader.ingest import DEFAULT_MAX_BYTES, count_inputs
from reader.terminal import terminal_safe

FORMATS = ("text", "markdown", "json", "jsonl")
# Progress is worth drawing only when a run is long enough for a reader to wait.
PROGRESS_MIN_FILES = 20


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", help="files, directories (recursively) or - for stdin; default: bundled samples")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted (bytes)")


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.batch import default_jobs

    parser.add_argument(
        "--jobs", type=positive_int, default=default_jobs(), help="processes for many inputs (default: the machine's cores; 1: this one)"
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", type=dask_scheduler, help="run the inputs on the Dask cluster at ADDRESS (pip install 'news-reader[dask]')"
    )


def dask_scheduler(address: str) -> str:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        raise argparse.ArgumentTypeError("needs Dask: pip install 'news-reader[dask]'") from None
    return address


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def ratio(value: str) -> float:
    number = float(value)
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be in (0, 1]")
    return number


def error(message: object) -> None:
    """One line on stderr, made safe for the terminal."""
    print(f"reader: error: {terminal_safe(str(message))}", file=sys.stderr)


def progress(paths: list[str], what: str = "analysing") -> Callable[..., None]:
    """A progress callback: a Rich bar on an interactive stderr for long runs, else nothing.

    The inputs are counted (each directory walked once more) only for a terminal.
    """
    if not sys.stderr.isatty():
        return lambda done=False: None
    bar = ProgressBar(what, count_inputs(paths))

    def advance(done: bool = False) -> None:
        bar.close() if done else bar.advance()

    return advance


class ProgressBar:
    """A Rich progress bar on stderr when it is a terminal and the work is long enough
    to wait for (`PROGRESS_MIN_FILES` steps); its total may grow as more work is found
    (a refresh finds entries as feeds arrive), and it appears once the total is reached."""

    def __init__(self, what: str, total: int = 0) -> None:
        self._what = what
        self._total = total
        self._done = 0
        self._bar = None
        self._start_when_long()

    def _start_when_long(self) -> None:
        if self._bar is not None or self._total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import Progress

        # On stderr: stdout carries the output, often into a file while stderr is a terminal.
        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task(self._what, total=self._total, completed=self._done)
        self._bar.start()

    def grow(self, steps: int) -> None:
        self._total += steps
        if self._bar is not None:
            self._bar.update(self._task, total=self._total)
        self._start_when_long()

    def advance(self) -> None:
        self._done += 1
        if self._bar is not None:
            self._bar.advance(self._task)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
