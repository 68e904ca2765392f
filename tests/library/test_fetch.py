"""Fetching over HTTP from a real server on 127.0.0.1: pages with their metadata, and
every failure as its own kind with one clear line."""

from __future__ import annotations

import socket

import pytest

from local_server import page
from reader.ingest import IngestError
from reader.library.documents import media_of, pages_from_bytes
from reader.library.fetch import USER_AGENT, FetchError, fetch, http_client

STORY = [
    "The harbour wall will be rebuilt by spring, the council said on Monday after a long debate.",
    "Engineers had warned for years that winter storms were wearing the old wall away.",
    "\"It is about time,\" said Mary Jones, who has run the harbour cafe for twenty years.",
]


def test_a_page_is_fetched_with_a_user_agent_and_read_with_its_metadata(server, client):
    url = server.route("/story.html", page("Harbour wall to be rebuilt", STORY, author="Jane Roe", site="Harbour News"))
    fetched = fetch(client, url)
    assert server.hits("/story.html")[0]["user-agent"] == USER_AGENT
    assert media_of(fetched.url, fetched.data, fetched.content_type) == "html"
    (found,) = pages_from_bytes(url, fetched.data, "html")
    document = found.document
    assert "winter storms" in document.raw and "Copyright" not in document.raw and "Home" not in document.raw
    assert dict(document.metadata) == {"title": "Harbour wall to be rebuilt", "byline": "Jane Roe", "date": "2024-05-06"}
    assert found.site == "Harbour News"


def test_redirects_are_followed_to_the_page(server, client):
    target = server.route("/final.html", page("Moved", STORY))
    server.redirect("/old", "/middle", status=301)
    server.redirect("/middle", target)
    fetched = fetch(client, server.url("/old"))
    assert fetched.url == target and b"winter storms" in fetched.data


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    "setup, kind, says",
    [
        (lambda s: s.url("/missing"), "http", "HTTP 404 Not Found"),
        (lambda s: s.route("/broken", "oops", status=500, content_type="text/plain"), "http", "HTTP 500"),
        (lambda s: s.route("/slow", "late", delay=3.0), "timeout", "timed out"),
        (lambda s: s.route("/drip", "x" * 400, drip=0.2), "timeout", "timed out"),
        (lambda s: (s.redirect("/a", "/b"), s.redirect("/b", "/a"))[0], "redirect-loop", "redirect loop"),
        (lambda s: [s.redirect(f"/hop{i}", f"/hop{i + 1}") for i in range(15)][0], "too-many-redirects", "more than 10 redirects"),
        (lambda s: s.route("/huge", b"x" * 5000), "too-large", "over the 4,000-byte limit"),
        (lambda s: s.route("/hang", hang_up=True), "network", "network error"),
        (lambda s: f"http://127.0.0.1:{_closed_port()}/page", "network", "network error"),
        (lambda s: "ftp://127.0.0.1/file", "unsupported", "only http:// and https://"),
    ],
    ids=["404", "500", "slow", "drip", "redirect-loop", "too-many-redirects", "too-large", "hang-up", "refused", "not-http"],
)
def test_every_failure_is_one_line_of_its_own_kind(server, setup, kind, says):
    url = setup(server)
    with http_client(connect=2.0, read=0.5) as client, pytest.raises(FetchError) as raised:
        fetch(client, url, max_bytes=4000, deadline_seconds=2.0)
    assert raised.value.kind == kind
    assert says in str(raised.value) and str(raised.value).startswith(url) and "\n" not in str(raised.value)


def test_a_page_without_article_text_is_an_ingest_error(server, client):
    url = server.route("/empty.html", "<!doctype html><html><head><title>t</title></head><body><script>var x = 1;</script></body></html>")
    fetched = fetch(client, url)
    with pytest.raises(IngestError, match="no article text"):
        pages_from_bytes(url, fetched.data, "html")
