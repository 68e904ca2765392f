"""Shared set-up for TUI tests: deterministic apps (no animation, no blinking cursor,
no user config: the app reads none) and a way to wait until every worker is done."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader.seeds import bundled_seed_paths


@pytest.fixture
def seed_paths() -> list[str]:
    return bundled_seed_paths()


@pytest.fixture
def markup_file(tmp_path: Path) -> str:
    """An article whose text looks like Rich/Textual markup and ANSI escapes."""
    path = tmp_path / "markup.txt"
    path.write_text(
        "Markup [bold]is not bold[/bold] here\n\n"
        "The reader clicked [@click=app.quit]quit[/] and nothing happened. "
        "An escape \x1b[31mred\x1b[0m stays as characters. "
        "Square [link=https://example.com]brackets[/link] are only text.\n\n"
        "A third paragraph says [reverse]nothing special[/reverse] at all. It ends here.\n",
        encoding="utf-8",
    )
    return str(path)
