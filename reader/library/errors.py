"""What can go wrong with the library file, each said in one line a user can act on."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """The library cannot be used; the message names the file and what to do."""


class LibraryBusy(LibraryError):
    def __init__(self, path: Path, waited: float) -> None:
        super().__init__(
            f"the library {path} is being written by another reader process (waited {waited:g} s); "
            "try again when it has finished"
        )


class LibraryDamaged(LibraryError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"the library {path} is damaged ({reason}); nothing was changed. To start a new library, "
            f"move it aside (mv '{path}' '{path}.damaged'); to save what it still holds, run "
            f"sqlite3 '{path}' .recover | sqlite3 '{path}.recovered' and use --library with the result"
        )


class NotALibrary(LibraryError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} is not a reader library ({reason}); give another file with --library")


class UnknownArticle(LibraryError):
    """An article ID that matches none (or, as a prefix, several) in the library."""
