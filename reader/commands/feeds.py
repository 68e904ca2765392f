"""`reader feed add|list|remove|import|export` and `reader refresh`: subscriptions.

A refresh prints one line per feed or page that failed (on stderr) and never stops
for one; added articles are listed on stdout; a summary line ends it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands.common import FORMATS, ProgressBar, error, positive_int
from reader.commands.library import add_library_argument, library_command, report_outcomes
from reader.ingest import DEFAULT_MAX_BYTES, IngestError
from reader.terminal import json_safe, terminal_safe

if TYPE_CHECKING:
    from reader.library.store import Feed, Library


def add_parsers(sub: argparse._SubParsersAction) -> None:
    feed = sub.add_parser("feed", help="Feeds the library follows: add, list, remove, import, export.")
    add_library_argument(feed)
    actions = feed.add_subparsers(dest="action", required=True, metavar="{add,list,remove,import,export}")

    def action(name: str, help_text: str, run) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text, description=help_text)
        add_library_argument(parser)
        parser.set_defaults(run=library_command(run))
        return parser

    add = action("add", "Subscribe to an RSS or Atom feed (or the feed a site's page links to) and fetch it.", run_feed_add)
    add.add_argument("url")
    add.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest feed or page accepted (bytes)")
    listing = action("list", "The feeds followed, with their article counts and last failure.", run_feed_list)
    listing.add_argument("--format", choices=FORMATS, default="text")
    remove = action("remove", "Stop following a feed (its articles stay in the library).", run_feed_remove)
    remove.add_argument("feed", help="the feed's number, URL or a unique part of its title")
    opml_in = action("import", "Subscribe to every feed an OPML file lists.", run_feed_import)
    opml_in.add_argument("file", help="an OPML file (as other feed readers export)")
    opml_out = action("export", "Write the subscriptions as OPML.", run_feed_export)
    opml_out.add_argument("file", nargs="?", help="where to write (default: standard output)")

    refresh = sub.add_parser("refresh", help="Fetch new articles from the feeds.", description="Fetch new articles from the feeds.")
    add_library_argument(refresh)
    refresh.add_argument("--feed", action="append", metavar="FEED", help="only this feed (number, URL or part of its title); repeatable")
    refresh.add_argument("--analyse", action="store_true", help="analyse new articles now (default: when first opened)")
    refresh.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest feed or page accepted (bytes)")
    refresh.add_argument("--jobs", type=positive_int, default=None, help="processes for cleaning (default: one per core)")
    refresh.set_defaults(run=library_command(run_refresh))


def run_feed_add(args: argparse.Namespace, library: Library) -> int:
    from reader.library.feeds import find_feed
    from reader.library.fetch import FetchError, http_client

    with http_client() as client:
        try:
            url, parsed = find_feed(client, args.url, args.max_bytes)
        except (FetchError, IngestError) as problem:
            error(problem)
            return 2
        feed, new = library.subscribe(url, parsed.title, parsed.link)
        said = "subscribed to" if new else "already following"
        print(terminal_safe(f"{said} {feed.display_title} ({feed.url}), {len(parsed.entries)} entries"), file=sys.stderr)
        return _refresh(library, [feed], client, args.max_bytes, analyse=False, jobs=None)


def run_feed_list(args: argparse.Namespace, library: Library) -> int:
    feeds = library.feeds()
    if args.format in ("json", "jsonl"):
        import json

        objects = [_feed_object(feed) for feed in feeds]
        if args.format == "jsonl":
            sys.stdout.write("".join(json_safe(json.dumps(o, ensure_ascii=False)) + "\n" for o in objects))
        else:
            sys.stdout.write(json_safe(json.dumps(objects, ensure_ascii=False, indent=2)) + "\n")
        return 0
    lines = []
    for feed in feeds:
        failing = f"  failing: {feed.failure}" if feed.failure else ""
        lines.append(f"{feed.id:>3}  {feed.unread:>4}/{feed.articles:<4} {feed.display_title}  <{feed.url}>{failing}")
    if args.format == "markdown":
        lines = ["| # | Unread | Articles | Feed | URL | Failing |", "|---|---|---|---|---|---|"] + [
            f"| {f.id} | {f.unread} | {f.articles} | {_cell(f.display_title)} | {_cell(f.url)} | {_cell(f.failure or '')} |" for f in feeds
        ]
    sys.stdout.write(terminal_safe("".join(line + "\n" for line in lines)))
    if not feeds and args.format == "text":
        print("no feeds yet: reader feed add URL, or reader feed import FILE.opml", file=sys.stderr)
    return 0


def _feed_object(feed: Feed) -> dict:
    from reader.library.output import iso_time

    return {
        "id": feed.id,
        "title": feed.title,
        "url": feed.url,
        "link": feed.link,
        "articles": feed.articles,
        "unread": feed.unread,
        "added": iso_time(feed.added),
        "checked": iso_time(feed.checked),
        "failure": feed.failure,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def run_feed_remove(args: argparse.Namespace, library: Library) -> int:
    feed = library.feed(args.feed)
    library.unsubscribe(feed)
    print(terminal_safe(f"no longer following {feed.display_title}; its {feed.articles} articles stay in the library"), file=sys.stderr)
    return 0


def run_feed_import(args: argparse.Namespace, library: Library) -> int:
    from reader.library.documents import read_file
    from reader.library.opml import OpmlError, read_opml

    try:
        subscriptions = read_opml(args.file, read_file(Path(args.file)))
    except (IngestError, OpmlError) as problem:
        error(problem)
        return 2
    new = sum(library.subscribe(s.url, s.title)[1] for s in subscriptions)
    print(f"{new} new subscription{'s' * (new != 1)} of the {len(subscriptions)} feeds listed; `reader refresh` fetches them", file=sys.stderr)
    return 0


def run_feed_export(args: argparse.Namespace, library: Library) -> int:
    from reader.library.opml import write_opml

    text = write_opml(library.feeds())
    if args.file is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as problem:
        error(f"{args.file}: {problem.strerror or problem}")
        return 2
    return 0


def run_refresh(args: argparse.Namespace, library: Library) -> int:
    from reader.library.fetch import http_client

    feeds = [library.feed(name) for name in args.feed] if args.feed else library.feeds()
    if not feeds:
        print("no feeds to refresh: reader feed add URL, or reader feed import FILE.opml", file=sys.stderr)
        return 0
    with http_client() as client:
        return _refresh(library, feeds, client, args.max_bytes, analyse=args.analyse, jobs=args.jobs)


def _refresh(library: Library, feeds: list[Feed], client, max_bytes: int, *, analyse: bool, jobs: int | None) -> int:
    from reader.library.feeds import Progress, refresh

    began = time.monotonic()
    bar = ProgressBar("refreshing")
    failures = 0

    def outcomes():
        nonlocal failures
        for item in refresh(
            library, feeds, client, max_bytes=max_bytes, analyse=analyse, workers=jobs, progress=Progress(bar.grow, bar.advance)
        ):
            if isinstance(item, str):
                failures += 1
                error(item)
            else:
                yield item

    try:
        tally = report_outcomes(outcomes(), sys.stdout)
    finally:
        bar.close()
    seconds = time.monotonic() - began
    print(
        terminal_safe(f"{len(feeds)} feed{'s' * (len(feeds) != 1)}: {tally.added:,} new articles, {failures + tally.failed} failures, {seconds:.1f} s"),
        file=sys.stderr,
    )
    return 2 if failures or tally.failed else 0
