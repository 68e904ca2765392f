"""`reader clean|summarize|sources|sections PATH...`: each article, cleaned and analysed.

Exit status: 0 when every input was read, 2 when any input could not be (each such
input gets a one-line error on stderr; the others are still processed).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Iterator

from reader.commands.common import add_input_arguments, error, positive_int, progress, ratio
from reader.ingest import IngestError
from reader.seeds import bundled_seed_paths
from summaries.algorithms import ALGORITHMS

if TYPE_CHECKING:
    from summaries.analysis import Analysis

# What each command shows: the engine's stages it computes and writes.
STAGES_SHOWN = {"clean": (), "summarize": ("summary",), "sources": ("sources",), "sections": ("stance",)}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_input_arguments(parser)
        parser.add_argument("--show-removed", action="store_true", help="also list what cleaning dropped and why")
        parser.set_defaults(run=run)
        return parser

    command("clean", "Print cleaned articles.")
    summarize = command("summarize", "Citation-aware extractive summary of each article.")
    summarize.add_argument("--algorithm", choices=ALGORITHMS, default="default")
    length = summarize.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive_int, help="summary length in sentences")
    length.add_argument("--ratio", type=ratio, help="summary length as a share of the article's sentences")
    command("sources", "Named sources each article quotes or cites, with every mention.")
    command("sections", "Opinion versus reporting: per sentence, sections, and article type.")


def run(args: argparse.Namespace) -> int:
    from reader.render import write

    paths = args.paths or bundled_seed_paths()
    failed = False

    def analysed() -> Iterator[Analysis]:
        nonlocal failed
        for item in analyse_all(args, paths):
            if isinstance(item, IngestError):
                failed = True
                error(item)
            else:
                yield item

    items = list(analysed())
    try:
        write(items, args.format, sys.stdout, parts=STAGES_SHOWN[args.command], show_removed=args.show_removed)
        sys.stdout.flush()
    except BrokenPipeError:
        # `reader ... | head` is normal use; the reader closed the pipe, not us.
        sys.stderr.close()
        return 0
    return 2 if failed else 0


def analyse_all(args: argparse.Namespace, paths: list[str]) -> Iterator[Analysis | IngestError]:
    from reader.pipeline import analyse_document, load_articles
    from summaries.analysis import Options

    options = Options(getattr(args, "algorithm", "default"), getattr(args, "sentences", None), getattr(args, "ratio", None))
    stages = STAGES_SHOWN[args.command]
    advance = progress(paths)
    for loaded in load_articles(paths, max_bytes=args.max_bytes):
        if isinstance(loaded, IngestError):
            yield loaded
        else:
            for analysis in analyse_document(*loaded, options):
                yield analysis.compute(stages)
        advance()
    advance(done=True)
