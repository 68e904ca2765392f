"""`reader add|list|search|show|export|remove`: the library from the command line.

Every library command takes `--library PATH` (before or after the command name; else
READER_LIBRARY, else the user's data directory). Exit status: 0, or 2 when an input
could not be read or the library could not be used (one line on stderr says why).
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from reader.commands.common import FORMATS, ProgressBar, error, positive_int
from reader.ingest import DEFAULT_MAX_BYTES
from reader.library.errors import LibraryError
from reader.terminal import terminal_safe

if TYPE_CHECKING:
    from reader.library.store import Library, Row

SHOW_FORMATS = ("text", "markdown", "json")
EXPORT_FORMATS = ("markdown", "json", "jsonl")
SEARCH_LIMIT = 20


def add_library_argument(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: given after the command name it overrides, absent it leaves, the one before.
    parser.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the library file (default: $READER_LIBRARY, else library.sqlite3 in the user's data directory)",
    )


def open_named_library(name: str | None) -> Library:
    from reader.library.location import library_path, open_library

    path = library_path(name)
    if path is None:
        raise LibraryError("no library: READER_DATA_DIR=off keeps no data; name one with --library PATH or READER_LIBRARY")
    return open_library(path)


def library_command(run: Callable[[argparse.Namespace, Library], int]) -> Callable[[argparse.Namespace], int]:
    """`run` with the library open, every LibraryError as one line and exit status 2."""

    @functools.wraps(run)
    def with_library(args: argparse.Namespace) -> int:
        try:
            with open_named_library(getattr(args, "library", None)) as library:
                return run(args, library)
        except LibraryError as problem:
            error(problem)
            return 2
        except KeyboardInterrupt:
            error("interrupted; every article stored before that is kept")
            return 130
        except BrokenPipeError:  # `reader list | head`: the reader closed the pipe, not us
            sys.stderr.close()
            return 0

    return with_library


def add_parsers(sub: argparse._SubParsersAction) -> None:
    def command(name: str, help_text: str, run: Callable) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_library_argument(parser)
        parser.set_defaults(run=library_command(run))
        return parser

    add = command("add", "Add files, directories (recursively), - (stdin) or http(s) URLs to the library.", run_add)
    add.add_argument("inputs", nargs="+", metavar="PATH|URL")
    add.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input accepted (bytes)")
    add.add_argument("--no-analyse", dest="analyse", action="store_false", help="store cleaned articles only; analyse when opened")
    add.add_argument("--jobs", type=positive_int, default=None, help="processes for cleaning and analysis (default: one per core)")

    listing = command("list", "Articles in the library, newest first.", run_list)
    listing.add_argument("--unread", action="store_true", help="only unread articles")
    listing.add_argument("--starred", action="store_true", help="only starred articles")
    listing.add_argument("--feed", metavar="NAME", help="only articles from feeds whose title contains NAME (or whose URL is NAME)")
    listing.add_argument("--format", choices=FORMATS, default="text")

    search = command("search", "Full-text search of titles and text, best match first, with snippets.", run_search)
    search.add_argument("query", help='words, "exact phrases", AND/OR/NOT, prefix*; title:word searches titles')
    search.add_argument("--limit", type=positive_int, default=SEARCH_LIMIT, help=f"most results shown (default {SEARCH_LIMIT})")
    search.add_argument("--format", choices=FORMATS, default="text")

    show = command("show", "One article with its summary, sources and sections (marks it read).", run_show)
    show.add_argument("id", help="the article's ID (as `reader list` shows; a unique prefix is enough)")
    show.add_argument("--format", choices=SHOW_FORMATS, default="text")

    export = command("export", "Every article (or those matching QUERY) with summary, sources and sections.", run_export)
    export.add_argument("query", nargs="?", help="a search query (as `reader search` takes); default: every article")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="markdown")

    remove = command("remove", "Delete articles from the library (asks first).", run_remove)
    remove.add_argument("ids", nargs="+", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask")


# ---------------------------------------------------------------- add


def run_add(args: argparse.Namespace, library: Library) -> int:
    from reader.library.fetch import is_web_address
    from reader.library.importer import import_sources, sources_from_paths, sources_from_urls

    urls = [i for i in args.inputs if is_web_address(i)]
    paths = [i for i in args.inputs if not is_web_address(i)]
    began = time.monotonic()
    bar = ProgressBar("adding")

    def sources():
        if urls:
            bar.grow(len(urls))
            yield from sources_from_urls(urls, args.max_bytes)
        for source in sources_from_paths(paths, args.max_bytes):
            bar.grow(1)
            yield source

    try:
        outcomes = import_sources(library, sources(), analyse=args.analyse, workers=args.jobs, max_bytes=args.max_bytes, advance=bar.advance)
        tally = report_outcomes(outcomes, sys.stdout)
    finally:
        bar.close()
    seconds = time.monotonic() - began
    print(terminal_safe(tally.summary(seconds)), file=sys.stderr)
    return 2 if tally.failed else 0


class Tally:
    def __init__(self) -> None:
        self.added = self.duplicates = self.failed = self.inputs = 0
        self.keys: list[str] = []

    def summary(self, seconds: float) -> str:
        rate = f", {self.added / seconds:,.0f} articles/s" if seconds > 0 and self.added >= 20 else ""
        return (
            f"added {self.added:,} article{'s' * (self.added != 1)} from {self.inputs:,} input{'s' * (self.inputs != 1)}"
            f" ({self.duplicates:,} already in the library, {self.failed:,} unreadable) in {seconds:.1f} s{rate}"
        )


def report_outcomes(outcomes, out) -> Tally:
    """One line per added article on `out` (ID and title), one per failure on stderr."""
    tally = Tally()
    for outcome in outcomes:
        tally.inputs += 1
        if outcome.error is not None:
            tally.failed += 1
            error(outcome.error)
        elif outcome.skipped is not None and not outcome.stored:
            tally.duplicates += 1
        for stored in outcome.stored:
            tally.keys.append(stored.key)
            if stored.status == "added":
                tally.added += 1
                out.write(terminal_safe(f"{stored.key}  {stored.title or '(untitled)'}") + "\n")
            else:
                tally.duplicates += 1
    return tally


# ---------------------------------------------------------------- list, search


def run_list(args: argparse.Namespace, library: Library) -> int:
    from reader.library.output import write_rows

    if args.feed is not None:
        library.feed(args.feed)  # a name matching no feed is an error, not an empty list
    rows = library.rows(unread=args.unread, starred=args.starred, feed=args.feed)
    write_rows(rows, args.format, sys.stdout)
    return 0


def run_search(args: argparse.Namespace, library: Library) -> int:
    from reader.library.output import write_rows

    hits = library.search(args.query, limit=args.limit)
    write_rows(hits, args.format, sys.stdout)
    if not hits and args.format in ("text", "markdown"):
        print(terminal_safe(f"no article matches {args.query!r}"), file=sys.stderr)
    return 0


# ---------------------------------------------------------------- show, export


def run_show(args: argparse.Namespace, library: Library) -> int:
    from reader.library.cache import analysed

    row = library.row(args.id)
    analysis = analysed(library, row)
    library.set_read([row.id], True)
    write_analyses(library, [(library.fresh_row(row), analysis)], args.format)
    return 0


def run_export(args: argparse.Namespace, library: Library) -> int:
    from reader.library.cache import analysed

    rows = [hit.row for hit in library.search(args.query, snippets=False)] if args.query else library.rows()
    bar = ProgressBar("analysing", len(rows))
    items = []
    try:
        for row in rows:
            items.append((row, analysed(library, row)))
            bar.advance()
    finally:
        bar.close()
    write_analyses(library, items, args.format)
    return 0


def write_analyses(library: Library, items: list, fmt: str) -> None:
    """Articles with summary, sources and sections: JSON adds the library's fields to
    each article object; Markdown numbers the articles so their anchors stay apart."""
    import json

    from reader.library.cache import CACHED_STAGES
    from reader.library.output import row_object
    from reader.render import write
    from reader.terminal import json_safe
    from summaries.analysis import Analysis
    from summaries.version import SCHEMA_VERSION

    if fmt in ("json", "jsonl"):
        objects = [{**row_object(row), **analysis.to_json(CACHED_STAGES)} for row, analysis in items]
        if fmt == "jsonl":
            for obj in objects:
                sys.stdout.write(json_safe(json.dumps(obj, ensure_ascii=False)) + "\n")
        else:
            document = {"schema": SCHEMA_VERSION, "articles": objects}
            sys.stdout.write(json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
        return
    analyses = [analysis for _, analysis in items]
    if fmt == "markdown" and len(analyses) > 1:
        # Anchors are named after the article's index in its file: in one export of
        # many files, each article is numbered by its place instead.
        analyses = [
            Analysis(replace(a.article, index=number), a.options, a.notes, known={s: a.stage(s) for s in CACHED_STAGES})
            for number, a in enumerate(analyses)
        ]
    write(analyses, fmt, sys.stdout, parts=CACHED_STAGES)


# ---------------------------------------------------------------- remove


def run_remove(args: argparse.Namespace, library: Library) -> int:
    rows: list[Row] = []
    for reference in args.ids:
        row = library.row(reference)
        if row.id not in {r.id for r in rows}:
            rows.append(row)
    for row in rows:
        print(terminal_safe(f"{row.key}  {row.display_title}"), file=sys.stderr)
    if not args.yes and not confirm(f"Remove {len(rows)} article{'s' * (len(rows) != 1)} from the library {library.path}?"):
        if not sys.stdin.isatty():
            error("nothing removed: confirm with --yes when not asked at a terminal")
            return 2
        print("nothing removed", file=sys.stderr)
        return 1
    removed = library.remove([row.id for row in rows])
    print(f"removed {removed} article{'s' * (removed != 1)}", file=sys.stderr)
    return 0


def confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    print(terminal_safe(f"{question} [y/N] "), end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        return False
    return answer.strip().lower() in ("y", "yes")
