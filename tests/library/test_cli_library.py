"""The library from the command line: add, list, search, show, export, remove, feeds,
refresh; `--library` before or after the command name; errors as one line."""

from __future__ import annotations

import json
import re

import pytest

from library_support import write_articles
from local_server import page, rss
from reader.cli import main

LIST_KEYS = {"id", "title", "date", "origin", "feed", "site", "type", "read", "starred", "added"}


@pytest.fixture
def lib(tmp_path):
    return str(tmp_path / "library.sqlite3")


def reader(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_then_list_as_json_and_jsonl_with_the_documented_keys(capsys, lib, tmp_path):
    paths = write_articles(tmp_path / "in", 3)
    code, out, err = reader(capsys, "--library", lib, "add", "--jobs", "1", str(tmp_path / "in"))
    assert code == 0 and len(out.splitlines()) == 3 and "added 3 articles from 3 inputs" in err
    code, out, _ = reader(capsys, "list", "--library", lib, "--format", "json")
    objects = json.loads(out)
    assert code == 0 and len(objects) == 3 and all(set(o) == LIST_KEYS for o in objects)
    assert {o["origin"] for o in objects} == {str(p) for p in paths}
    assert all(o["read"] is False and o["starred"] is False and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", o["added"]) for o in objects)
    _, out, _ = reader(capsys, "list", "--library", lib, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [o["id"] for o in objects]


def test_the_library_variable_names_the_library(capsys, lib, tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 1)
    monkeypatch.setenv("READER_LIBRARY", lib)
    assert reader(capsys, "add", "--jobs", "1", str(tmp_path / "in"))[0] == 0
    assert len(reader(capsys, "list")[1].splitlines()) == 1


def test_without_a_library_the_commands_say_how_to_name_one(capsys, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    code, out, err = reader(capsys, "list")
    assert code == 2 and out == "" and "--library" in err and len(err.splitlines()) == 1


def test_search_ranks_with_snippets_and_takes_quotes_operators_and_accents(capsys, lib, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Café owners protest\n\nThe café owners of the harbour said the new tax would close them. It was a long day.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Harbour tax vote\n\nCouncillors voted for the harbour tax on Monday. The harbour will change.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Football results\n\nThe home side won three nil on Saturday. Fans were delighted.\n", encoding="utf-8")
    reader(capsys, "add", "--library", lib, "--jobs", "1", str(folder))

    def titles(query: str) -> list[str]:
        code, out, err = reader(capsys, "search", query, "--library", lib, "--format", "json")
        assert code == 0, err
        return [o["title"] for o in json.loads(out)]

    assert titles("harbour") == ["Harbour tax vote", "Café owners protest"]  # the title match ranks first
    assert titles('"harbour tax"') == ["Harbour tax vote"]
    assert titles("harbour NOT café") == ["Harbour tax vote"]
    assert titles("football OR café") == ["Football results", "Café owners protest"] or titles("football OR café") == ["Café owners protest", "Football results"]
    assert titles("cafe") == ["Café owners protest"]  # accents folded
    assert titles("CAFÉ") == ["Café owners protest"]
    assert titles("harb*") == ["Harbour tax vote", "Café owners protest"]
    assert titles('"harbour') == ["Harbour tax vote", "Café owners protest"]  # an unbalanced quote: read as words
    assert titles("tax AND") == []  # a dangling operator is a word then, not an error
    assert titles("ﬁsh-and-chips U.S. don't") == []
    _, out, _ = reader(capsys, "search", "delighted", "--library", lib, "--format", "json")
    (hit,) = json.loads(out)
    assert set(hit) == LIST_KEYS | {"rank", "score", "snippet"} and hit["rank"] == 1 and "**delighted**" in hit["snippet"]
    _, out, _ = reader(capsys, "search", "delighted", "--library", lib)
    assert "**delighted**" in out and "Football results" in out


def test_show_prints_summary_sources_and_sections_and_marks_read(capsys, lib, seed_paths):
    reader(capsys, "add", "--library", lib, "--jobs", "1", seed_paths[1])
    _, out, _ = reader(capsys, "list", "--library", lib, "--format", "json")
    key = json.loads(out)[0]["id"]
    code, out, _ = reader(capsys, "show", key[:4], "--library", lib)
    assert code == 0 and "Summary (default" in out and "Named sources" in out and "Type:" in out
    code, out, _ = reader(capsys, "show", key, "--library", lib, "--format", "json")
    article = json.loads(out)["articles"][0]
    assert article["id"] == key and article["read"] is True and {"summary", "sources", "sections"} <= set(article)
    assert reader(capsys, "list", "--unread", "--library", lib)[1] == ""
    code, out, err = reader(capsys, "show", "ffffff", "--library", lib)
    assert code == 2 and "no article 'ffffff'" in err


def test_export_markdown_links_each_summary_item_to_its_own_article(capsys, lib, seed_paths):
    reader(capsys, "add", "--library", lib, "--jobs", "1", *seed_paths[:2])
    code, out, _ = reader(capsys, "export", "--library", lib, "--format", "markdown")
    anchors = re.findall(r'<a id="([^"]+)"></a>', out)
    links = re.findall(r"\]\(#([^)]+)\)", out)
    assert code == 0 and len(anchors) == len(set(anchors)) and links and set(links) <= set(anchors)
    code, out, _ = reader(capsys, "export", "military", "--library", lib, "--format", "jsonl")
    assert code == 0 and all("summary" in json.loads(line) for line in out.splitlines())


def test_remove_asks_and_without_a_terminal_needs_yes(capsys, lib, tmp_path):
    reader(capsys, "add", "--library", lib, "--jobs", "1", str(write_articles(tmp_path / "in", 2)[0]))
    key = json.loads(reader(capsys, "list", "--library", lib, "--format", "json")[1])[0]["id"]
    code, _, err = reader(capsys, "remove", key, "--library", lib)
    assert code == 2 and "--yes" in err
    assert len(reader(capsys, "list", "--library", lib)[1].splitlines()) == 1
    code, _, err = reader(capsys, "remove", key, "--yes", "--library", lib)
    assert code == 0 and "removed 1 article" in err
    assert reader(capsys, "list", "--library", lib)[1] == ""


def test_add_urls_reports_each_failure_in_one_line_and_adds_the_rest(capsys, lib, server):
    good = server.route("/good.html", page("A good page", ["The harbour wall will be rebuilt by spring, the council said on Monday.", "Residents were pleased."]))
    missing = server.url("/missing.html")
    code, out, err = reader(capsys, "add", "--library", lib, good, missing)
    assert code == 2 and "A good page" in out
    errors = [line for line in err.splitlines() if line.startswith("reader: error:")]
    assert errors == [f"reader: error: {missing}: HTTP 404 Not Found"]
    code, out, err = reader(capsys, "add", "--library", lib, good)
    assert code == 0 and out == "" and "1 already in the library" in err


def test_feeds_from_the_command_line(capsys, lib, server, tmp_path):
    body = "".join(f"<p>{'The council agreed the plan after a long debate on Tuesday night. ' * 12}</p>" for _ in range(3))
    url = server.route("/feed.xml", rss("Town Crier", [{"title": "Plan agreed", "link": server.url("/plan"), "description": "x", "content": body}]), content_type="application/rss+xml")
    code, out, err = reader(capsys, "feed", "add", url, "--library", lib)
    assert code == 0 and "subscribed to Town Crier" in err and "Plan agreed" in out
    code, out, _ = reader(capsys, "feed", "list", "--library", lib, "--format", "json")
    (feed,) = json.loads(out)
    assert feed["title"] == "Town Crier" and feed["articles"] == 1 and feed["unread"] == 1
    assert json.loads(reader(capsys, "list", "--feed", "crier", "--library", lib, "--format", "json")[1])[0]["feed"] == "Town Crier"
    code, out, err = reader(capsys, "refresh", "--library", lib)
    assert code == 0 and out == "" and "0 new articles" in err
    opml = tmp_path / "subs.opml"
    assert reader(capsys, "feed", "export", str(opml), "--library", lib)[0] == 0
    other = str(tmp_path / "other.sqlite3")
    code, _, err = reader(capsys, "feed", "import", str(opml), "--library", other)
    assert code == 0 and "1 new subscription" in err
    assert reader(capsys, "feed", "remove", "Town", "--library", lib)[0] == 0
    assert json.loads(reader(capsys, "feed", "list", "--library", lib, "--format", "json")[1]) == []
    code, _, err = reader(capsys, "feed", "import", str(tmp_path / "nothing.opml"), "--library", lib)
    assert code == 2 and "no such file" in err


def test_a_damaged_library_is_one_line_and_exit_status_2(capsys, tmp_path):
    damaged = tmp_path / "library.sqlite3"
    damaged.write_bytes(b"not a database\n" * 300)
    code, out, err = reader(capsys, "list", "--library", str(damaged))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert str(damaged) in err and "damaged" in err and "Traceback" not in err
