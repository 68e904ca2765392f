import io

import pytest

from reader.ingest import Document, IngestError, decode, iter_documents, read_file


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
    from reader.ingest import count_inputs

    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/c.html", "notes.pdf"):
        (tmp_path / name).write_text("Some article text.")
    single = tmp_path / "a.txt"
    assert count_inputs([str(tmp_path), str(single)]) == 4
    assert count_inputs([str(tmp_path)]) == len(list(iter_documents([str(tmp_path)])))
