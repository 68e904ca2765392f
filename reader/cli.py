"""Command line: `reader [PATH...]` opens the TUI; subcommands run without it.

    reader clean PATH...       cleaned articles (and --show-removed)
    reader summarize PATH...   + citation-aware extractive summary
    reader sources PATH...     + named sources with every mention
    reader sections PATH...    + opinion/reporting per sentence and section, article type
    reader stance              one sentence per line on stdin -> JSON Lines verdicts

Each group of subcommands lives in its own module under reader/commands/.
"""

from __future__ import annotations

import argparse
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = command_parser()
    if argv and argv[0] in commands:
        args = parser.parse_args(argv)
        return args.run(args)
    return _run_app(argv, commands)


def command_parser() -> tuple[argparse.ArgumentParser, tuple[str, ...]]:
    """The parser of every subcommand, and their names."""
    parser = SafeArgumentParser(prog="reader", description="Analyses of news articles, without the TUI.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).add_parsers(sub)
    return parser, tuple(sub.choices)


def _run_app(argv: list[str], commands: tuple[str, ...]) -> int:
    parser = SafeArgumentParser(
        prog="reader",
        description="Terminal news reader with citation-aware summaries. "
        f"Subcommands: {', '.join(commands)} (see `reader COMMAND --help`).",
    )
    parser.add_argument("paths", nargs="*", help="files, directories or - for stdin; default: bundled samples")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default="default", help="summary algorithm")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    args = parser.parse_args(argv)
    from reader.app.launch import reader_app

    paths = args.paths or bundled_seed_paths()
    app = reader_app(paths, algorithm=args.algorithm, max_bytes=args.max_bytes)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
