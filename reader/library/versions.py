"""The versions a cached result is keyed by, beside the article's content hash.

`cleaning_version()` changes whenever the code that turns input into a cleaned article
changes (decoding and feed entries in reader/ingest.py, every cleaning step, the
pipeline that applies a container's metadata); `pipeline_version()` adds the analysis
engine's own version. An article cleaned or analysed by an older version is cleaned or
analysed again when it is next opened, so a change can never leave a stale result.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from summaries.version import engine_version

_READER = Path(__file__).resolve().parent.parent
_CLEANING_SOURCES = ("ingest.py", "pipeline.py", "cleaning")


@lru_cache(maxsize=None)
def cleaning_version() -> str:
    """A digest of the sources that decide the cleaned article, e.g. "c-3f2a9c0d51be"."""
    digest = hashlib.sha256()
    for name in _CLEANING_SOURCES:
        root = _READER / name
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            digest.update(path.relative_to(_READER).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return f"c-{digest.hexdigest()[:12]}"


def pipeline_version() -> str:
    """What an analysis was made by: cleaning and engine versions, e.g. "c-3f2a…+1-9b0c…"."""
    return f"{cleaning_version()}+{engine_version()}"


def cleaning_part(version: str) -> str:
    """The cleaning version inside a `pipeline_version()` string."""
    return version.split("+", 1)[0]
