"""Command line: `reader [PATH...]` opens the TUI; subcommands run without it.

    reader clean PATH...       cleaned articles (and --show-removed)
    reader summarize PATH...   + citation-aware extractive summary
    reader sources PATH...     + named sources with every mention
    reader sections PATH...    + opinion/reporting per sentence and section, article type
    reader stance              one sentence per line on stdin -> JSON Lines verdicts
    reader add|list|search|show|export|remove, feed …, refresh   the library

`reader` alone opens the library (the bundled samples are added on first run);
`reader PATH...` opens files without adding them (`--add` adds them first).
Each group of subcommands lives in its own module under reader/commands/.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from typing import Sequence

from reader import __version__
from reader.commands import COMMAND_MODULES
from reader.ingest import DEFAULT_MAX_BYTES
from reader.seeds import bundled_seed_paths
from reader.terminal import terminal_safe
from summaries.algorithms import ALGORITHMS


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse, with its usage and error lines (which quote the arguments) made terminal-safe."""

    def _print_message(self, message: str, file=None) -> None:
        super()._print_message(terminal_safe(message) if message else message, file)


# Cleaning and analysis make many small objects that live as long as their article: the
# collector's default (a pass every 700 new objects) spent a quarter of `reader clean`'s
# time on 100,000 short paragraphs walking them again. Cycles are still collected.
GC_THRESHOLD = (20_000, 10, 10)


def main(argv: Sequence[str] | None = None) -> int:
    gc.set_threshold(*GC_THRESHOLD)
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = command_parser()
    if _command_name(argv) in commands:
        args = parser.parse_args(argv)
        return args.run(args)
    return _run_app(argv, commands)


def _command_name(argv: list[str]) -> str | None:
    """The first argument that is not an option (`--library PATH` may come before it)."""
    words = iter(argv)
    for word in words:
        if word == "--library":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library", metavar="PATH", help="the library file (default: $READER_LIBRARY, else library.sqlite3 in the user's data directory)"
    )


def command_parser() -> tuple[argparse.ArgumentParser, tuple[str, ...]]:
    """The parser of every subcommand, and their names."""
    parser = SafeArgumentParser(prog="reader", description="Analyses of news articles, without the TUI.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _library_option(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).add_parsers(sub)
    return parser, tuple(sub.choices)


def _run_app(argv: list[str], commands: tuple[str, ...]) -> int:
    parser = SafeArgumentParser(
        prog="reader",
        description="Terminal news reader with citation-aware summaries. With no PATH it opens the "
        f"library. Subcommands: {', '.join(commands)} (see `reader COMMAND --help`).",
    )
    parser.add_argument("paths", nargs="*", help="files, directories or - for stdin, opened without adding them to the library")
    parser.add_argument("--add", action="store_true", help="add the PATHs to the library first, then read them there")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default="default", help="summary algorithm")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted")
    parser.add_argument(
        "--check", metavar="SUMMARY", help="hold this summary (a file, or - for stdin) against the (first) article, in place of its own"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _library_option(parser)
    args = parser.parse_args(argv)
    if args.add and not args.paths:
        parser.error("--add needs the PATHs to add")
    if args.check is not None and (args.add or not args.paths):
        parser.error("--check needs the ARTICLE it summarises (and no --add)")
    from reader.app.launch import reader_app, library_app
    from reader.commands.common import error
    from reader.library.errors import LibraryError

    check = None
    if args.check is not None:
        from reader.commands.check import CheckInputError, read_summary, validate

        try:
            text = read_summary(args.check, args.max_bytes)
            validate(text)  # the article is not read yet: its length is not known here
        except CheckInputError as problem:
            error(problem)
            return 2
        check = ("<stdin>" if args.check == "-" else args.check, text)
    try:
        if args.paths and not args.add:
            app = reader_app(args.paths, algorithm=args.algorithm, max_bytes=args.max_bytes, library=args.library, check=check)
        else:
            app = library_app(args.library, args.paths, algorithm=args.algorithm, max_bytes=args.max_bytes)
    except LibraryError as problem:
        error(problem)
        return 2
    if app is None:  # READER_DATA_DIR=off and no library named: the samples, as files
        app = reader_app(bundled_seed_paths(), algorithm=args.algorithm, max_bytes=args.max_bytes, library=None)
    app.run()
    for note in app.closing_notes:
        error(note)
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
