"""`reader check ARTICLE SUMMARY`: an editor's check of any summary against its article.

Each sentence of SUMMARY (a file, or - for stdin) becomes a claim, aligned to the
article sentences that back it and flagged where the article does not say what it
says (summaries/check.py). With several articles in ARTICLE, `--index N` picks one.

Exit status: 0 when every claim is verbatim or supported and nothing is flagged, 1
otherwise (a flag, or a claim only partly supported), 2 when an input cannot be read or
is no summary of the article (empty, without words, or longer than the article).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands.common import FORMATS, error
from reader.ingest import DEFAULT_MAX_BYTES, IngestError
from reader.terminal import terminal_safe


class CheckInputError(Exception):
    """An input `reader check` cannot work with, said in one line."""


def add_parsers(sub: argparse._SubParsersAction) -> None:
    help_text = "Hold a summary against its article, sentence by sentence."
    parser = sub.add_parser("check", help=help_text, description=help_text)
    parser.add_argument("article", metavar="ARTICLE", help="the article: a file, or - for stdin")
    parser.add_argument("summary", metavar="SUMMARY", help="the summary: a file, or - for stdin")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--index", type=_index, default=0, metavar="N", help="which article of ARTICLE (0-based; default 0)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input file accepted (bytes)")
    parser.set_defaults(run=run)


def _index(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def run(args: argparse.Namespace) -> int:
    from reader.render import check_output, write_checks

    if args.article == "-" and args.summary == "-":
        error("ARTICLE and SUMMARY cannot both be - (stdin)")
        return 2
    try:
        analysis = load_article(args.article, args.index, args.max_bytes)
        summary = read_summary(args.summary, args.max_bytes)
        validate(summary, analysis.article.text)
    except CheckInputError as problem:
        error(problem)
        return 2
    check = analysis.check(summary)
    try:
        write_checks([check_output(analysis, check, args.format)], args.format, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
    return 0 if check.clean else 1


def load_article(path: str, index: int, max_bytes: int):
    """The analysis of article `index` of the input at `path`."""
    from reader.pipeline import analyse_document, clean_document
    from summaries.analysis import Options

    document = _read(path, max_bytes)
    articles = clean_document(document)
    if not articles:
        raise CheckInputError(f"{path}: no article text found")
    if index >= len(articles):
        raise CheckInputError(f"{path} holds {len(articles)} article(s): --index {index} is out of range")
    return analyse_document(document, articles[index : index + 1], Options())[0]


def read_summary(path: str, max_bytes: int) -> str:
    return _read(path, max_bytes, plain=True).raw


def _read(path: str, max_bytes: int, plain: bool = False):
    """The input at `path` (- for stdin) as one document; a summary is kept as plain text."""
    from reader.ingest import documents_from_bytes, read_file, read_text_stream

    if path == "-" and plain:
        document = read_text_stream(sys.stdin.buffer, max_bytes)
    elif path == "-":
        document = documents_from_bytes("<stdin>", sys.stdin.buffer.read(max_bytes + 1), max_bytes)[0]
    else:
        document = read_file(Path(path), max_bytes)
    if isinstance(document, IngestError):
        raise CheckInputError(str(document))
    for note in document.notes:
        print(f"reader: note: {terminal_safe(document.name)}: {terminal_safe(note)}", file=sys.stderr)
    return document


def validate(summary: str, article_text: str | None = None) -> None:
    """A summary must have words, and be shorter than what it summarises (when that is known)."""
    if not summary.strip():
        raise CheckInputError("the summary is empty")
    if not any(ch.isalnum() for ch in summary):
        raise CheckInputError("the summary has no words")
    if article_text is None:
        return
    length, article_length = len(summary.strip()), len(article_text.strip())
    if length > article_length:
        raise CheckInputError(
            f"the summary ({length:,} characters) is longer than the article ({article_length:,}): it cannot be a summary of it"
        )
