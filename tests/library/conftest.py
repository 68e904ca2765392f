"""Shared fixtures for the library tests: a library in a temporary folder, and a real
HTTP server on 127.0.0.1 (never the outside network)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_server import LocalServer  # noqa: E402
from reader.library.location import open_library  # noqa: E402


@pytest.fixture
def seed_paths() -> list[str]:
    from reader.seeds import bundled_seed_paths

    return bundled_seed_paths()


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def library(library_file: Path):
    with open_library(library_file) as opened:
        yield opened


@pytest.fixture
def server():
    running = LocalServer().start()
    yield running
    running.stop()


@pytest.fixture
def client():
    from reader.library.fetch import http_client

    # Short timeouts: the slow routes in these tests answer after a second or more.
    with http_client(connect=2.0, read=0.5) as made:
        yield made


def write_articles(folder: Path, count: int, prefix: str = "Story") -> list[Path]:
    """`count` distinct small articles (title, two paragraphs) as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{prefix.lower()}{number:03d}.txt"
        path.write_text(
            f"{prefix} number {number} about the harbour\n\n"
            f"The council said on Monday that the harbour wall numbered {number} would be rebuilt by spring. "
            f"Engineers had warned for years that storms were wearing it away.\n\n"
            f"Residents welcomed the plan, though some asked why it had taken so long. "
            f"The work on wall {number} is expected to cost more than the first estimate.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths
