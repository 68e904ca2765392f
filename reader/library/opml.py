"""Subscriptions in and out as OPML, the format feed readers exchange them in.

Reading uses listparser (by feedparser's maintainer), given the file's bytes so it
never fetches anything; writing is OPML 2.0 with one `outline type="rss"` per feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from reader.library.store import Feed


class OpmlError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None


def read_opml(name: str, data: bytes) -> list[Subscription]:
    """Every feed an OPML file lists (outlines nested in folders too), in order, once each."""
    import listparser

    parsed = listparser.parse(data)
    if not parsed.feeds:
        reason = f"not an OPML subscription list ({parsed.bozo_exception})" if parsed.bozo else "lists no feeds"
        raise OpmlError(f"{name}: {reason}")
    seen: set[str] = set()
    found = []
    for feed in parsed.feeds:
        url = (feed.get("url") or "").strip()
        if url and url not in seen:
            seen.add(url)
            found.append(Subscription(url, (feed.get("title") or "").strip() or None))
    return found


def write_opml(feeds: list[Feed]) -> str:
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "news-reader subscriptions"
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.display_title, "title": feed.display_title, "xmlUrl": feed.url}
        if feed.link:
            attributes["htmlUrl"] = feed.link
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
