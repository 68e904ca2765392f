"""The apps `reader` runs: on files, or on the library (opened, and the bundled samples
added on first run)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reader.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


def reader_app(
    paths: list[str],
    algorithm: str = "default",
    max_bytes: int = DEFAULT_MAX_BYTES,
    library: str | None = None,
    check: tuple[str, str] | None = None,
) -> ReaderApp:
    """`reader PATH...`: the files, not added to the library (which keeps reading positions);
    `check`: (name, text) of a summary shown, checked, instead of the first article's own."""
    from reader.app.app import ReaderApp
    from reader.app.library_keys import positions_in

    kept = positions_in(library) if library else None  # else the screen opens the default one
    return ReaderApp(paths=paths, algorithm=algorithm, max_bytes=max_bytes, positions=kept, check=check)


def library_app(
    name: str | None, add: list[str], algorithm: str = "default", max_bytes: int = DEFAULT_MAX_BYTES
) -> ReaderApp | None:
    """`reader` (the library) or `reader --add PATH...` (those added, then read there);
    None when there is no library (READER_DATA_DIR=off and none named). Raises
    LibraryError when the library cannot be used."""
    from reader.library.location import library_path, open_library

    path = library_path(name)
    if path is None:
        if add:
            from reader.library.errors import LibraryError

            raise LibraryError("no library to add to: READER_DATA_DIR=off keeps no data; name one with --library PATH")
        return None
    library = open_library(path)
    try:
        scope = _added(library, add, max_bytes) if add else None
        if not add and library.meta("seeded") is None:
            _add_samples(library)
    except BaseException:
        library.close()
        raise
    from reader.app.app import ReaderApp
    from reader.library.positions import LibraryPositions

    return ReaderApp(
        paths=[], algorithm=algorithm, max_bytes=max_bytes, library=library, scope=scope, positions=LibraryPositions(library)
    )


def _added(library, paths: list[str], max_bytes: int) -> list[int]:
    """Add `paths` (progress and errors on stderr, as `reader add`); the ids of their articles."""
    from reader.commands.common import ProgressBar, error
    from reader.library.importer import import_sources, sources_from_paths

    bar = ProgressBar("adding")

    def sources():
        for source in sources_from_paths(paths, max_bytes):
            bar.grow(1)
            yield source

    keys = []
    try:
        for outcome in import_sources(library, sources(), max_bytes=max_bytes, advance=bar.advance):
            if outcome.error:
                error(outcome.error)
            keys += [stored.key for stored in outcome.stored if stored.key not in keys]
    finally:
        bar.close()
    if not keys:
        print("reader: nothing could be added; the library is opened as it is", file=sys.stderr)
        return []
    return [library.row(key).id for key in keys]


def _add_samples(library) -> None:
    """On first run the bundled samples, so a newcomer sees articles at once (analysed
    when first opened, like a refresh's articles)."""
    from reader.library.importer import import_sources, sources_from_paths
    from reader.seeds import bundled_seed_paths

    if library.count() == 0:
        for _ in import_sources(library, sources_from_paths(bundled_seed_paths()), analyse=False, workers=0):
            pass
    library.set_meta("seeded", "yes")
