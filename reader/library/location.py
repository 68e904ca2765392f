"""Where the library file is, and opening it.

`--library PATH`, else `READER_LIBRARY`, else `library.sqlite3` beside the older
reading-state store in the user's data directory (`READER_DATA_DIR` moves that
directory; `READER_DATA_DIR=off` means there is no library unless one is named).
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.library.positions import migrate_state_positions
from reader.library.store import Library
from reader.storage import default_state_path

LIBRARY_FILE = "library.sqlite3"


def library_path(explicit: str | None = None) -> Path | None:
    chosen = explicit or os.environ.get("READER_LIBRARY")
    if chosen:
        return Path(chosen).expanduser()
    state = default_state_path()
    return None if state is None else state.with_name(LIBRARY_FILE)


def open_library(path: Path, **options) -> Library:
    """The library at `path` (created on first use), with the older store's reading
    positions moved in the first time. Raises LibraryError, with a message for the user."""
    library = Library(path, **options)
    try:
        library.migrated_positions = migrate_state_positions(library, default_state_path())
    except BaseException:
        library.close()
        raise
    return library
