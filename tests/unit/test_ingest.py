import io
import os
import socket
import threading
from pathlib import Path

import pytest

from reader.ingest import (
    FORMATS,
    Document,
    IngestError,
    count_inputs,
    decode,
    documents_from_bytes,
    input_format,
    iter_documents,
    iter_inputs,
    read_file,
    read_text_stream,
)


def test_utf8_with_bom_decodes_without_the_bom():
    doc = decode("a.txt", "\ufeffHello world.".encode("utf-8"))
    assert doc.raw == "Hello world." and doc.encoding == "utf-8" and doc.notes == ()


def test_invalid_utf8_falls_back_to_cp1252_and_says_so():
    doc = decode("a.txt", "Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    assert doc.raw == "Café “quoted”"
    assert doc.encoding == "cp1252"
    assert "not valid UTF-8" in doc.notes[0]


def test_bytes_invalid_in_cp1252_fall_back_to_latin1():
    doc = decode("a.txt", b"abc \x81 def")
    assert doc.encoding == "latin-1" and "\x81" in doc.raw


def test_utf16_with_bom_is_text_not_binary():
    doc = decode("a.txt", "Hello there.".encode("utf-16"))
    assert doc.raw == "Hello there."


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t\n", "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_unreadable_input_is_a_clear_error_naming_the_file(data, message):
    with pytest.raises(IngestError) as caught:
        decode("bad.bin", data)
    assert str(caught.value).startswith("bad.bin: ")
    assert message in str(caught.value)


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    result = read_file(big, max_bytes=100)
    assert isinstance(result, IngestError) and "limit" in result.reason


def test_directories_are_read_recursively_in_sorted_order_and_errors_do_not_stop_others(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.")
    (tmp_path / "1.txt").write_text("First article.")
    (tmp_path / "0.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    results = list(iter_documents([str(tmp_path), str(tmp_path / "missing.txt")]))
    names = [r.name for r in results]
    assert names == [str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt"), str(tmp_path / "missing.txt")]
    assert [type(r) for r in results] == [IngestError, Document, Document, IngestError]


def test_stdin_is_read_as_a_document():
    (doc,) = iter_documents(["-"], stdin=io.BytesIO("From a pipe.".encode()))
    assert doc.name == "<stdin>" and doc.raw == "From a pipe."


def test_html_is_reduced_to_its_main_text():
    html = (
        "<!DOCTYPE html><html><head><title>T</title></head><body><nav>Home | About</nav>"
        "<article><h1>Big news</h1><p>" + "The council voted on Tuesday to expand the park. " * 5 + "</p>"
        "<p>" + "Residents said they welcomed the decision. " * 5 + "</p></article>"
        "<footer>Copyright 2024</footer></body></html>"
    ).encode()
    doc = decode("page.html", html)
    assert "The council voted" in doc.raw and "<p>" not in doc.raw
    assert any("HTML" in note for note in doc.notes)


FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>City news</title>
<item><title>Council approves park</title><pubDate>Tue, 04 Feb 2025 10:00:00 GMT</pubDate><author>Jane Roe</author>
<description>&lt;p&gt;The council voted on Tuesday.&lt;/p&gt;&lt;blockquote&gt;&lt;p&gt;A quote.&lt;/p&gt;&lt;/blockquote&gt;</description></item>
<item><title>Second story</title><description>Plain body text.</description></item>
</channel></rss>"""


def test_feed_file_yields_one_document_per_entry_with_its_metadata(tmp_path):
    path = tmp_path / "city.rss"
    path.write_bytes(FEED)
    first, second = iter_documents([str(path)])
    assert first.name.endswith("city.rss#1") and second.name.endswith("city.rss#2")
    assert first.raw == "Council approves park\n\nThe council voted on Tuesday.\n\nA quote.\n"
    assert dict(first.metadata) == {"title": "Council approves park", "byline": "Jane Roe", "date": "2025-02-04"}


def test_feed_metadata_fills_article_fields_the_text_does_not_give(tmp_path):
    from reader.pipeline import load_articles

    path = tmp_path / "city.xml"
    path.write_bytes(FEED)
    (document, articles), _ = list(load_articles([str(path)]))
    assert articles[0].byline == "Jane Roe" and articles[0].date == "2025-02-04"


def test_feed_with_no_entries_is_an_error(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (result,) = iter_documents([str(path)])
    assert isinstance(result, IngestError) and "no entries" in result.reason


def test_input_count_matches_the_files_read(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/c.html", "notes.pdf"):
        (tmp_path / name).write_text("Some article text.")
    single = tmp_path / "a.txt"
    assert count_inputs([str(tmp_path), str(single)]) == 4
    assert count_inputs([str(tmp_path)]) == len(list(iter_documents([str(tmp_path)])))


# ---------------------------------------------------------------- hostile inputs

ARTICLE = "Council approves park\n\nThe council voted on Tuesday to expand the park near the river.\n"


def _read_in_thread(function, *args):
    """Run `function` with a deadline, so a regression that blocks fails instead of hanging."""
    result = []
    worker = threading.Thread(target=lambda: result.append(function(*args)), daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "reading blocked"
    return result[0]


@pytest.mark.parametrize("encoding, label", [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")])
def test_utf16_without_a_byte_order_mark_is_told_by_its_nul_bytes(encoding, label):
    doc = decode("a.txt", ARTICLE.encode(encoding))
    assert doc.raw == ARTICLE and doc.encoding == encoding
    assert doc.notes == (f"decoded as {label} (no byte-order mark; told by its NUL bytes)",)


def test_utf32_with_a_byte_order_mark_is_not_read_as_utf16():
    doc = decode("a.txt", ARTICLE.encode("utf-32"))
    assert doc.raw == ARTICLE and doc.encoding == "utf-32"


def test_binary_with_nul_bytes_in_both_positions_is_still_binary():
    with pytest.raises(IngestError, match="binary"):
        decode("a.bin", bytes(range(256)) * 8)
    with pytest.raises(IngestError, match="binary"):  # 16-bit numbers: NULs on one side, but control characters
        decode("a.bin", b"".join(n.to_bytes(2, "little") for n in range(1, 30)) * 50)


def test_a_fifo_is_refused_at_once_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = _read_in_thread(lambda: list(iter_documents([str(fifo)])))
    assert isinstance(error, IngestError) and error.reason.startswith("is a FIFO (named pipe), not a regular file")


def test_a_device_is_refused_without_being_read():
    [error] = _read_in_thread(lambda: list(iter_documents(["/dev/zero"])))
    assert error.reason == "is a character device, not a regular file; not read"


def test_entries_a_directory_cannot_read_are_reported_one_by_one(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "fifo")  # a FIFO is reported whatever its name
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "sub")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an article by name: skipped, as ever
    (tmp_path / ".#lock").symlink_to("nobody@host.1")  # an editor's lock link, named like no article
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "server.txt"))
    try:
        results = _read_in_thread(lambda: list(iter_documents([str(tmp_path)])))
    finally:
        server.close()
    reasons = {Path(r.name).name: r.reason if isinstance(r, IngestError) else "read" for r in results}
    assert reasons == {
        "broken.txt": f"broken symbolic link (its target {tmp_path / 'missing.txt'} does not exist)",
        "fifo": reasons["fifo"],
        "good.txt": "read",
        "linked": "symbolic link to a directory, not followed (give its path to read it)",
        "loop.txt": "symbolic link loop",
        "pipe.txt": reasons["pipe.txt"],
        "server.txt": "is a socket, not a regular file; not read",
    }
    assert reasons["fifo"] == reasons["pipe.txt"] and reasons["fifo"].startswith("is a FIFO")


def test_input_count_agrees_with_the_inputs_read_in_every_case(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "a.txt").write_text(ARTICLE)
    (tmp_path / "dir" / "sub" / "feed.xml").write_bytes(FEED)  # two entries, one input
    (tmp_path / "dir" / "broken.txt").symlink_to(tmp_path / "none")
    os.mkfifo(tmp_path / "dir" / "pipe.txt")
    (tmp_path / "single.txt").write_text(ARTICLE)
    cases = [
        [str(tmp_path / "empty")],
        [str(tmp_path / "dir")],
        [str(tmp_path / "single.txt"), str(tmp_path / "missing.txt")],
        [str(tmp_path / "dir" / "sub" / "feed.xml")],
        [str(tmp_path / "dir" / "pipe.txt"), "-"],
        [str(tmp_path)],
    ]
    for paths in cases:
        inputs = _read_in_thread(lambda paths=paths: list(iter_inputs(paths, stdin=io.BytesIO(ARTICLE.encode()))))
        assert count_inputs(paths) == len(inputs), paths
    assert count_inputs([str(tmp_path / "empty")]) == 1
    [[error]] = iter_inputs([str(tmp_path / "empty")])
    assert error.reason.startswith("directory holds no article files (.txt")


def test_one_table_names_each_format_with_its_sniff_suffixes_and_converter():
    assert [f.name for f in FORMATS] == ["RSS/Atom feed", "HTML", "plain text"]
    assert input_format('<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0">').name == "RSS/Atom feed"
    assert input_format("<!DOCTYPE html><html><body>").name == "HTML"
    assert input_format("Just words about <html> tags.").name == "plain text"
    assert {".txt", ".md", ".html", ".htm", ".rss", ".atom", ".xml"} <= {s for f in FORMATS for s in f.suffixes}


def test_deeply_nested_html_keeps_its_text_with_a_note():
    body = "<p>The council voted on Tuesday to expand the park.</p><p>Residents welcomed the decision.</p>"
    html = "<!DOCTYPE html><html><body>" + "<div>" * 3000 + body + "</div>" * 3000 + "</body></html>"
    doc = decode("deep.html", html.encode())
    assert doc.raw == "The council voted on Tuesday to expand the park.\n\nResidents welcomed the decision.\n"
    assert doc.notes == ("HTML: nested 3,003 elements deep, beyond what trafilatura reads; all of the page's text kept",)


def test_html_with_no_article_text_is_still_an_error():
    with pytest.raises(IngestError, match="no article text"):
        decode("empty.html", b"<!DOCTYPE html><html><body><script>var page = 1;</script><nav></nav></body></html>")


def test_a_feed_entry_keeps_text_outside_its_paragraphs_and_lists():
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title>Mixed</title><description>'
        b"Lead text before.&lt;p&gt;Inside a paragraph.&lt;/p&gt;Between blocks.&lt;ul&gt;&lt;li&gt;An item&lt;/li&gt;"
        b"&lt;/ul&gt;Tail &amp;amp; end.</description></item></channel></rss>"
    )
    [entry] = documents_from_bytes("f.rss", feed)
    assert entry.raw == "Mixed\n\nLead text before.\n\nInside a paragraph.\n\nBetween blocks.\n\nAn item\n\nTail & end.\n"


def test_an_unterminated_cdata_keeps_the_entry_body_and_says_what_happened():
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title>First</title>'
        b"<description>Fine body.</description></item><item><title>Council approves park</title>"
        b"<description><![CDATA[<p>The council voted on Tuesday to expand the park.</p>"
    )
    first, second = documents_from_bytes("f.rss", feed)
    assert first.raw == "First\n\nFine body.\n"
    assert second.raw == "Council approves park\n\nThe council voted on Tuesday to expand the park.\n"
    assert "feed: a CDATA section was never closed; it was closed at the end of the file" in second.notes


def test_a_feed_whose_entries_are_all_empty_is_one_clear_error():
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title> </title></item><item></item></channel></rss>'
    [error] = documents_from_bytes("f.rss", feed)
    assert str(error) == "f.rss: feed: all 2 entries have no title and no text"


def test_empty_entries_beside_good_ones_are_named():
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title>Good</title></item><item></item></channel></rss>'
    good, error = documents_from_bytes("f.rss", feed)
    assert good.raw == "Good\n" and str(error) == "f.rss: feed: entry 2 has no title and no text"


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Caf\u00e9 \u00a3 prices.".encode("cp1252"), "not valid UTF-8 (first bad byte at 3); decoded as cp1252"),
        ("Hello there.".encode("utf-16-le"), "decoded as UTF-16 LE (no byte-order mark; told by its NUL bytes)"),
    ],
)
def test_a_stream_is_decoded_exactly_as_a_file_is(data, expected):
    document = read_text_stream(io.BytesIO(data))
    assert document.notes == (expected,) and document.raw == decode("x", data).raw


def test_a_stream_over_the_limit_or_empty_is_a_clear_error():
    assert str(read_text_stream(io.BytesIO(b"x" * 101), max_bytes=100)) == (
        "<stdin>: input is over the 100-byte limit (see --max-bytes)"
    )
    assert str(read_text_stream(io.BytesIO(b""))) == "<stdin>: input is empty"


def test_a_stream_is_kept_as_plain_text_for_sentence_by_sentence_reading():
    html = b"<!DOCTYPE html><html><body><p>One.</p></body></html>"
    assert read_text_stream(io.BytesIO(html)).raw == html.decode()
