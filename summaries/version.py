"""Versions of what the engine writes: the JSON schema, and the engine that filled it.

`SCHEMA_VERSION` changes when the shape of the JSON changes. `engine_version()` changes
whenever any of the engine's code or data changes, so a result cached by an older
engine is recognised as such and computed again (a cache that re-analyses after a
comment edit costs a little time; one that keeps a stale result would be wrong).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

SCHEMA_VERSION = 1
_ENGINE = Path(__file__).resolve().parent
_SUFFIXES = (".py", ".txt", ".json", ".tsv", ".csv", ".npz", ".npy")


@lru_cache(maxsize=None)
def engine_version() -> str:
    """`<schema>-<digest of every engine source and data file>`, e.g. "1-3f2a9c0d51be"."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _ENGINE.rglob("*") if p.is_file() and p.suffix in _SUFFIXES):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(_ENGINE).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:12]}"
