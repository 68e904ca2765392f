"""Helpers for the library tests."""

from __future__ import annotations

from pathlib import Path


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
