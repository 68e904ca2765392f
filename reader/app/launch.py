"""The app `reader` runs, with its head start begun before the UI is even imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.app.headstart import HeadStart
from reader.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


def reader_app(paths: list[str], algorithm: str = "default", max_bytes: int = DEFAULT_MAX_BYTES) -> ReaderApp:
    # The second process cleans and summarises the first article while this one
    # imports and starts Textual (about half a second each, on separate cores).
    head_start = HeadStart.begin(paths, algorithm, max_bytes)
    from reader.app.app import ReaderApp

    return ReaderApp(paths=paths, algorithm=algorithm, max_bytes=max_bytes, head_start=head_start)
