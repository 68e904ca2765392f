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
