"""Where the bundled sample articles are, in a checkout and in an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_seeds_dir() -> Path:
    # A wheel ships them as package data (reader/_seeds); a checkout or an
    # editable install reads the top-level seeds/ folder directly.
    packaged = resources.files("reader") / "_seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds"


def bundled_seed_paths() -> list[str]:
    return [str(p) for p in sorted(bundled_seeds_dir().glob("*.txt"))]
