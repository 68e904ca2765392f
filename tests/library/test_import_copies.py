"""An input that repeats the bytes of an earlier one in the same import is not cleaned
and analysed again: it gives its original's articles, as duplicates."""

from __future__ import annotations

import shutil

from library_support import write_articles

from reader.library import importer
from reader.library.importer import import_sources, sources_from_paths


def _counting_prepare(monkeypatch) -> list[str]:
    prepared: list[str] = []
    real = importer.prepare

    def counting(source, *args, **kwargs):
        prepared.append(source.origin)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(importer, "prepare", counting)
    return prepared


def test_a_copy_of_an_earlier_input_is_not_prepared_again(tmp_path, library, monkeypatch):
    first, second = write_articles(tmp_path / "in", 2)
    copy = tmp_path / "in" / "zz-copy.txt"
    shutil.copyfile(first, copy)
    prepared = _counting_prepare(monkeypatch)

    outcomes = list(import_sources(library, sources_from_paths([str(tmp_path / "in")]), workers=0))

    assert prepared == [str(first), str(second)]
    by_origin = {o.origin: o for o in outcomes}
    original = by_origin[str(first)].stored
    assert [s.status for s in original] == ["added"]
    assert by_origin[str(copy)].stored == tuple(importer.Stored("duplicate", s.key, s.title) for s in original)
    assert by_origin[str(copy)].error is None and by_origin[str(copy)].skipped is None
    assert len(library.rows()) == 2


def test_the_same_bytes_read_as_another_kind_of_document_are_prepared(tmp_path, library, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    data = b"Harbour news\n\n<p>The council said on Monday that the harbour wall would be rebuilt by spring.</p>\n"
    (folder / "a.txt").write_bytes(data)  # text: read as it is
    (folder / "b.html").write_bytes(data)  # a page: its main text found by trafilatura
    prepared = _counting_prepare(monkeypatch)

    list(import_sources(library, sources_from_paths([str(folder)]), workers=0))

    assert sorted(prepared) == [str(folder / "a.txt"), str(folder / "b.html")]


def test_a_copy_of_an_input_that_failed_fails_the_same_way(tmp_path, library):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("   \n\n  \n", encoding="utf-8")
    (folder / "b.txt").write_text("   \n\n  \n", encoding="utf-8")

    outcomes = list(import_sources(library, sources_from_paths([str(folder)]), workers=0))

    assert [o.origin for o in outcomes] == [str(folder / "a.txt"), str(folder / "b.txt")]
    assert all(o.error is not None and not o.stored for o in outcomes)
    assert outcomes[1].error == outcomes[0].error.replace("a.txt", "b.txt")
