"""Command line: `reader [PATH...]` opens the TUI; subcommands run one analysis each.

    reader clean PATH...       cleaned articles (and --show-removed)
    reader summarize PATH...   + citation-aware extractive summary
    reader sources PATH...     + named sources with every mention
    reader sections PATH...    + opinion/reporting per sentence and section, article type
    reader stance              one sentence per line on stdin -> JSON Lines verdicts

Exit status: 0 when every input was read, 2 when any input could not be (each
such input gets a one-line error on stderr; the others are still processed).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Iterator, Sequence

from reader import __version__
from reader.ingest import DEFAULT_MAX_BYTES, IngestError, count_inputs
from reader.render import Analysed, write
from reader.seeds import bundled_seed_paths
from reader.terminal import json_safe, terminal_safe
from summaries.algorithms import ALGORITHMS
from summaries.model import Article

COMMANDS = ("clean", "summarize", "sources", "sections", "stance")
FORMATS = ("text", "markdown", "json", "jsonl")
# Progress is worth drawing only when a run is long enough for a reader to wait.
PROGRESS_MIN_FILES = 20


class SafeArgumentParser(argparse.ArgumentParser):
    """argparse, with its usage and error lines (which quote the arguments) made terminal-safe."""

    def _print_message(self, message: str, file=None) -> None:
        super()._print_message(terminal_safe(message) if message else message, file)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return _run_command(argv)
    return _run_app(argv)


def _run_app(argv: list[str]) -> int:
    parser = SafeArgumentParser(
        prog="reader",
        description="Terminal news reader with citation-aware summaries. "
        f"Subcommands: {', '.join(COMMANDS)} (see `reader COMMAND --help`).",
    )
    parser.add_argument("paths", nargs="*", help="files, directories (*.txt) or - for stdin; default: bundled samples")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default="default", help="summary algorithm")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    args = parser.parse_args(argv)
    from reader.app.launch import reader_app

    paths = args.paths or bundled_seed_paths()
    app = reader_app(paths, algorithm=args.algorithm, max_bytes=args.max_bytes)
    app.run()
    return app.return_code or 0


def _parser() -> argparse.ArgumentParser:
    parser = SafeArgumentParser(prog="reader", description="Analyses of news articles, without the TUI.")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_inputs(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("paths", nargs="*", help="files, directories (*.txt, recursively) or - for stdin; default: bundled samples")
        p.add_argument("--format", choices=FORMATS, default="text")
        p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted (bytes)")
        p.add_argument("--show-removed", action="store_true", help="also list what cleaning dropped and why")
        return p

    with_inputs("clean", "Print cleaned articles.")
    summarize = with_inputs("summarize", "Citation-aware extractive summary of each article.")
    summarize.add_argument("--algorithm", choices=ALGORITHMS, default="default")
    length = summarize.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=_positive_int, help="summary length in sentences")
    length.add_argument("--ratio", type=_ratio, help="summary length as a share of the article's sentences")
    with_inputs("sources", "Named sources each article quotes or cites, with every mention.")
    with_inputs("sections", "Opinion versus reporting: per sentence, sections, and article type.")
    stance = sub.add_parser(
        "stance",
        help="Label sentences read one per line from stdin.",
        description="Reads one sentence per line on standard input; writes one JSON object per line.",
    )
    stance.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input accepted (bytes)")
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _ratio(value: str) -> float:
    number = float(value)
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be in (0, 1]")
    return number


def _run_command(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "stance":
        return _run_stance(args.max_bytes)
    paths = args.paths or bundled_seed_paths()
    failed = False
    items = []
    for analysed in _analyse_all(args, paths):
        if isinstance(analysed, IngestError):
            failed = True
            print(f"reader: error: {terminal_safe(str(analysed))}", file=sys.stderr)
        else:
            items.append(analysed)
    parts = {"clean": {"article"}, "summarize": {"summary"}, "sources": {"sources"}, "sections": {"sections"}}[args.command]
    try:
        write(items, args.format, sys.stdout, parts=frozenset(parts), show_removed=args.show_removed)
        sys.stdout.flush()
    except BrokenPipeError:
        # `reader ... | head` is normal use; the reader closed the pipe, not us.
        sys.stderr.close()
        return 0
    return 2 if failed else 0


def _analyse_all(args: argparse.Namespace, paths: list[str]) -> Iterator[Analysed | IngestError]:
    from reader.library import load_articles

    progress = _progress(paths)
    for loaded in load_articles(paths, max_bytes=args.max_bytes):
        if isinstance(loaded, IngestError):
            yield loaded
        else:
            document, articles = loaded
            for article in articles:
                yield analyse(article, args.command, args, notes=document.notes)
        progress()
    progress(done=True)


def analyse(article: Article, command: str, args: argparse.Namespace, notes: tuple[str, ...] = ()) -> Analysed:
    """Run what `command` needs; sources are computed once and feed summary and stance."""
    item = Analysed(article=article, notes=notes)
    if command == "clean":
        return item
    # Imported here: the engine's imports cost a noticeable part of a second, which
    # `reader clean` and the TUI's first paint should not pay.
    from summaries.sources import extract_sources
    from summaries.stance import analyse_stance
    from summaries.summarize import summarize

    sources = extract_sources(article)
    if command == "sources":
        item.sources = sources
    elif command == "summarize":
        item.algorithm = args.algorithm
        item.summary = summarize(article, args.algorithm, sentences=args.sentences, ratio=args.ratio, sources=sources)
    elif command == "sections":
        item.stance = analyse_stance(article, sources)
    return item


def _progress(paths: list[str]):
    """A progress callback: a Rich bar on an interactive stderr for long runs, else nothing.

    The inputs are counted (each directory walked once more) only for a terminal.
    """
    if not sys.stderr.isatty() or (total := count_inputs(paths)) < PROGRESS_MIN_FILES:
        return lambda done=False: None
    from rich.console import Console
    from rich.progress import Progress

    # On stderr: stdout carries the output, often into a file while stderr is a terminal.
    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("analysing", total=total)
    bar.start()

    def advance(done: bool = False) -> None:
        if done:
            bar.stop()
        else:
            bar.advance(task)

    return advance


def _run_stance(max_bytes: int) -> int:
    from reader.ingest import read_text_stream
    from summaries.stance import classify_sentence

    document = read_text_stream(sys.stdin.buffer, max_bytes)  # decoded exactly as a file is
    if isinstance(document, IngestError):
        print(f"reader: error: {terminal_safe(str(document))}", file=sys.stderr)
        return 2
    for note in document.notes:
        print(f"reader: note: <stdin>: {terminal_safe(note)}", file=sys.stderr)
    for line in document.raw.splitlines():
        sentence = line.strip()
        if not sentence:
            continue
        verdict = classify_sentence(sentence)
        record = {"sentence": sentence, "label": verdict.label, "score": round(verdict.score, 4), "cues": list(verdict.cues)}
        print(json_safe(json.dumps(record, ensure_ascii=False)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
