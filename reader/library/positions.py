"""Reading positions in the library, and the one-time move of those the older
reading-state store (state.sqlite3) kept, so no position a reader saved is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.library.errors import LibraryError
from reader.library.store import Library


def migrate_state_positions(library: Library, state_path: Path | None) -> int:
    """Copy the positions of the older store into the library, once; how many were new.

    The old file is only read (never changed or removed). A damaged or foreign old
    store is skipped, and remembered as skipped, so opening the library never fails
    because of it.
    """
    if state_path is None or library.meta("positions-migrated") is not None:
        return 0
    if not state_path.is_file():
        library.set_meta("positions-migrated", "none")
        return 0
    try:
        old = sqlite3.connect(f"{state_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = old.execute("SELECT article, sentence FROM position").fetchall()
        finally:
            old.close()
    except sqlite3.Error as error:
        library.set_meta("positions-migrated", f"skipped: {state_path}: {error}")
        return 0
    valid = [(str(key), int(sentence)) for key, sentence in rows if isinstance(sentence, int) and sentence >= 0]
    return library.import_positions(valid, f"from {state_path}")


class LibraryPositions:
    """The reading-position interface the reader's screen uses, kept in the library.

    A failure to write (a busy or damaged library) is reported once through `problem`
    and then the reader stops remembering: reading goes on regardless.
    """

    def __init__(self, library: Library | None, *, owned: bool = False, problem: str | None = None) -> None:
        self.library = library
        self.owned = owned  # opened for these positions alone: closed with them
        self.problem = problem

    @property
    def enabled(self) -> bool:
        return self.library is not None

    def position(self, key: str) -> int | None:
        if self.library is None:
            return None
        try:
            return self.library.position(key)
        except LibraryError as error:
            self._failed(error)
            return None

    def remember(self, key: str, sentence: int) -> None:
        if self.library is None:
            return
        try:
            self.library.remember(key, sentence)
        except LibraryError as error:
            self._failed(error)

    def _failed(self, error: LibraryError) -> None:
        self.problem = str(error)
        self.library = None

    def close(self) -> None:
        if self.owned and self.library is not None:
            self.library.close()
        self.library = None
