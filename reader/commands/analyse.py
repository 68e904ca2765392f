"""`reader clean|summarize|sources|sections PATH...`: each article, cleaned and analysed.

Exit status: 0 when every input was read, 2 when any input could not be (each such
input gets a one-line error on stderr; the others are still processed).
"""

from __future__ import annotations

import argparse
import sys
from collections import deque
from typing import Iterator

from reader.commands.common import add_batch_arguments, add_input_arguments, error, positive_int, progress, ratio
from reader.ingest import Document, IngestError, iter_inputs
from reader.seeds import bundled_seed_paths
from summaries.algorithms import ALGORITHMS

# What each command shows: the engine's stages it computes and writes.
STAGES_SHOWN = {"clean": (), "summarize": ("summary",), "sources": ("sources",), "sections": ("stance",)}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_input_arguments(parser)
        parser.add_argument("--show-removed", action="store_true", help="also list what cleaning dropped and why")
        add_batch_arguments(parser)
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
    from reader.batch import Job, outcomes
    from reader.render import OutputWriter

    paths = args.paths or bundled_seed_paths()
    job = Job(
        stages=STAGES_SHOWN[args.command],
        algorithm=getattr(args, "algorithm", "default"),
        sentences=getattr(args, "sentences", None),
        ratio=getattr(args, "ratio", None),
        fmt=args.format,
        show_removed=args.show_removed,
    )
    writer = OutputWriter(sys.stdout, args.format)
    advance = progress(paths)
    per_input: deque[int] = deque()  # items of each input read so far, to advance the bar per input
    failed = False

    def items() -> Iterator[Document | IngestError]:
        for found in iter_inputs(paths, max_bytes=args.max_bytes):
            per_input.append(len(found))
            yield from found

    try:
        for made in outcomes(items(), job, args.jobs, args.scheduler):
            for kind, text in made:
                if kind == "error":
                    failed = True
                    error(text)
                else:
                    writer.add(text)
            sys.stdout.flush()  # each input's articles as soon as they are made
            per_input[0] -= 1
            if not per_input[0]:
                per_input.popleft()
                advance()
        writer.close()
        sys.stdout.flush()
    except BrokenPipeError:
        # `reader ... | head` is normal use; the reader closed the pipe, not us.
        sys.stderr.close()
        return 0
    finally:
        advance(done=True)
    return 2 if failed else 0
