"""Feeds from a real server on 127.0.0.1: RSS 2.0 and Atom, conditional requests,
teasers whose page is fetched, OPML, and failures that never stop the other feeds."""

from __future__ import annotations

from local_server import atom, page, rss
from reader.library.feeds import TEASER_WORDS, find_feed, refresh
from reader.library.importer import Outcome
from reader.library.opml import read_opml, write_opml


def long_story(topic: str, number: int) -> str:
    """An entry body with enough words not to be a teaser."""
    sentences = [
        f"The {topic} committee met on Tuesday for the {number} time this year to discuss the plan.",
        f"Members said the {topic} budget would rise, although several councillors objected strongly.",
        "A spokesperson said the decision followed months of consultation with residents and businesses.",
    ]
    paragraphs = [" ".join(sentences) for _ in range(TEASER_WORDS // 35 + 2)]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def entries(server, name: str, count: int, *, teaser: bool = False) -> list[dict[str, str]]:
    made = []
    for number in range(count):
        link = server.url(f"/{name}/story{number}.html")
        entry = {"title": f"{name} story {number}", "link": link, "description": f"Short summary {number} of the {name} story."}
        if not teaser:
            entry["content"] = long_story(name, number)
        made.append(entry)
    return made


def run(library, feeds, client) -> tuple[list[Outcome], list[str]]:
    outcomes, lines = [], []
    for item in refresh(library, feeds, client, workers=0):
        (lines if isinstance(item, str) else outcomes).append(item)
    return outcomes, lines


def added(outcomes: list[Outcome]) -> list[str]:
    return [s.title for o in outcomes for s in o.stored if s.status == "added"]


def test_rss_entries_become_articles_and_a_second_refresh_asks_only_for_changes(library, server, client):
    url = server.route("/news.xml", rss("Harbour News", entries(server, "harbour", 3)), content_type="application/rss+xml", etag='"v1"')
    feed, _ = library.subscribe(url)
    outcomes, lines = run(library, [feed], client)
    assert lines == [] and sorted(added(outcomes)) == ["harbour story 0", "harbour story 1", "harbour story 2"]
    rows = library.rows()
    assert {row.feed for row in rows} == {"Harbour News"} and all(row.url.startswith(server.base) for row in rows)
    outcomes, lines = run(library, [library.feed(url)], client)
    assert outcomes == [] and lines == []
    assert server.hits("/news.xml")[-1]["if-none-match"] == '"v1"'
    assert library.count() == 3


def test_new_entries_of_a_changed_feed_are_added_once(library, server, client):
    first = entries(server, "port", 2)
    url = server.route("/port.xml", rss("Port", first), content_type="application/rss+xml", last_modified="Mon, 06 May 2024 10:00:00 GMT")
    feed, _ = library.subscribe(url)
    run(library, [feed], client)
    server.route("/port.xml", rss("Port", entries(server, "port", 4)), content_type="application/rss+xml", last_modified="Tue, 07 May 2024 10:00:00 GMT")
    outcomes, _ = run(library, [library.feed(url)], client)
    assert sorted(added(outcomes)) == ["port story 2", "port story 3"]
    assert server.hits("/port.xml")[-1]["if-modified-since"] == "Mon, 06 May 2024 10:00:00 GMT"


def test_atom_entries_keep_their_author_and_date(library, server, client):
    made = [{"title": f"Atom story {n}", "link": server.url(f"/atom/{n}"), "content": long_story("atom", n), "author": "Ann Writer"} for n in range(2)]
    url = server.route("/atom.xml", atom("Atom Times", made), content_type="application/atom+xml")
    feed, _ = library.subscribe(url)
    outcomes, lines = run(library, [feed], client)
    assert lines == [] and sorted(added(outcomes)) == ["Atom story 0", "Atom story 1"]
    assert {row.date for row in library.rows()} == {"2024-05-07"}


def test_a_teaser_entry_brings_its_full_page(library, server, client):
    teasers = entries(server, "quay", 2, teaser=True)
    server.route("/quay/story0.html", page("Quay story in full", ["The full story says the quay reopens in June after repairs to the old stones.", "Fishermen said they were glad."], site="Quay Post"))
    server.route("/quay/story1.html", "gone", status=410, content_type="text/plain")
    url = server.route("/quay.xml", rss("Quay", teasers), content_type="application/rss+xml")
    feed, _ = library.subscribe(url)
    outcomes, lines = run(library, [feed], client)
    assert len(added(outcomes)) == 2
    texts = {row.url.rsplit("/", 1)[1]: library.text(row) for row in library.rows()}
    assert "reopens in June" in texts["story0.html"]
    assert "Short summary 1" in texts["story1.html"]  # the page failed: the teaser is kept
    assert len(lines) == 1 and "HTTP 410" in lines[0] and "kept the feed's summary" in lines[0]


def test_failing_feeds_give_one_line_each_and_never_stop_the_others(library, server, client):
    good = server.route("/good.xml", rss("Good", entries(server, "good", 2)), content_type="application/rss+xml")
    bad = {
        "malformed": server.route("/malformed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>broken', content_type="application/rss+xml"),
        "HTTP 500": server.route("/error.xml", "down", status=500, content_type="text/plain"),
        "timed out": server.route("/slow.xml", rss("Slow", []), delay=3.0, content_type="application/rss+xml"),
        "redirect loop": server.redirect("/loop.xml", "/loop.xml"),
        "not an RSS or Atom feed": server.route("/page.html", page("Not a feed", ["Just a page with words in it."])),
    }
    feeds = [library.subscribe(url)[0] for url in [*bad.values(), good]]
    outcomes, lines = run(library, feeds, client)
    assert sorted(added(outcomes)) == ["good story 0", "good story 1"]
    assert len(lines) == len(bad)
    for says, url in bad.items():
        (line,) = [line for line in lines if url in line or line.startswith(f"feed {url}")]
        assert says in line and "\n" not in line
    failing = {f.url: f.failure for f in library.feeds()}
    assert failing[good] is None and all(failing[url] for url in bad.values())


def test_a_site_page_leads_to_the_feed_it_links_to(library, server, client):
    url = server.route("/feed.xml", rss("Linked", entries(server, "linked", 1)), content_type="application/rss+xml")
    site = server.route("/", '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Site</p></body></html>')
    found, parsed = find_feed(client, site)
    assert found == url and parsed.title == "Linked" and len(parsed.entries) == 1


def test_removing_a_feed_keeps_its_articles_and_their_feed_name(library, server, client):
    url = server.route("/keep.xml", rss("Kept", entries(server, "kept", 2)), content_type="application/rss+xml")
    feed, _ = library.subscribe(url)
    run(library, [feed], client)
    library.unsubscribe(feed)
    assert library.feeds() == [] and library.count() == 2
    assert {row.feed for row in library.rows()} == {"Kept"}


def test_opml_export_and_import_give_the_same_subscriptions(library, tmp_path):
    library.subscribe("http://127.0.0.1:9/one.xml", "One & Only")
    library.subscribe("http://127.0.0.1:9/two.xml", "Two")
    text = write_opml(library.feeds())
    subscriptions = read_opml("subs.opml", text.encode())
    assert [(s.url, s.title) for s in subscriptions] == [("http://127.0.0.1:9/one.xml", "One & Only"), ("http://127.0.0.1:9/two.xml", "Two")]


def test_opml_with_folders_lists_every_feed_once(tmp_path):
    opml = (
        '<?xml version="1.0"?><opml version="1.0"><head><title>t</title></head><body>'
        '<outline text="News"><outline text="A" xmlUrl="http://127.0.0.1:9/a.xml"/>'
        '<outline text="B" type="rss" xmlUrl="http://127.0.0.1:9/b.xml"/></outline>'
        '<outline text="A again" xmlUrl="http://127.0.0.1:9/a.xml"/></body></opml>'
    )
    assert [s.url for s in read_opml("f.opml", opml.encode())] == ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
