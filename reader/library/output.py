"""Library rows and search results written as text, Markdown, JSON or JSON Lines.

In JSON and JSON Lines each article is one object with `id`, `title`, `date`,
`origin` (path or URL), `feed`, `read`, `starred`, `added` (and `site`, `type`); a
search result adds `rank` (1 = best), `score` (bm25, higher is better) and `snippet`
(the match between `**`). JSON is an array of those objects. Text passes the terminal
sanitiser.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Sequence, TextIO

from reader.library.store import Hit, Row
from reader.terminal import json_safe, terminal_safe

UNREAD_MARK, STARRED_MARK = "●", "★"
FEED_WIDTH = 24


def iso_time(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def row_object(row: Row) -> dict[str, Any]:
    return {
        "id": row.key,
        "title": row.title,
        "date": row.date,
        "origin": row.origin,
        "feed": row.feed,
        "site": row.site,
        "type": row.type,
        "read": row.read,
        "starred": row.starred,
        "added": iso_time(row.added),
    }


def hit_object(hit: Hit) -> dict[str, Any]:
    return {**row_object(hit.row), "rank": hit.rank, "score": round(hit.score, 4), "snippet": hit.snippet}


def marks(row: Row) -> str:
    return (UNREAD_MARK if not row.read else " ") + (STARRED_MARK if row.starred else " ")


def shown_date(row: Row) -> str:
    """The article's date, else the day it was added."""
    return row.date or (iso_time(row.added) or "")[:10]


def where_from(row: Row) -> str:
    """The feed, else the site, else the file name or address it was added from."""
    return row.feed or row.site or row.origin.rstrip("/").rsplit("/", 1)[-1]


def write_rows(items: Sequence[Row | Hit], fmt: str, out: TextIO) -> None:
    objects = [hit_object(i) if isinstance(i, Hit) else row_object(i) for i in items]
    if fmt == "jsonl":
        for obj in objects:
            out.write(json_safe(json.dumps(obj, ensure_ascii=False)) + "\n")
    elif fmt == "json":
        out.write(json_safe(json.dumps(objects, ensure_ascii=False, indent=2)) + "\n")
    elif fmt == "markdown":
        out.write(terminal_safe(_markdown(items)))
    else:
        out.write(terminal_safe(_text(items)))


def _text(items: Sequence[Row | Hit]) -> str:
    lines = []
    for item in items:
        row = item.row if isinstance(item, Hit) else item
        source = _fit(where_from(row), FEED_WIDTH)
        rank = f"{item.rank:>3}. " if isinstance(item, Hit) else ""
        lines.append(f"{rank}{row.key}  {marks(row)} {shown_date(row):<10}  {source:<{FEED_WIDTH}}  {row.display_title}")
        if isinstance(item, Hit) and item.snippet:
            lines.append(f"{' ' * len(rank)}    {item.snippet}")
    return "".join(line + "\n" for line in lines)


def _markdown(items: Sequence[Row | Hit]) -> str:
    search = any(isinstance(i, Hit) for i in items)
    header = ["ID", "Date", "Title", "Feed or site", "Read", "Starred"] + (["Rank", "Snippet"] if search else [])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for item in items:
        row = item.row if isinstance(item, Hit) else item
        cells = [row.key, shown_date(row), row.display_title, where_from(row), "yes" if row.read else "no", "yes" if row.starred else "no"]
        if isinstance(item, Hit):
            cells += [str(item.rank), item.snippet]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
