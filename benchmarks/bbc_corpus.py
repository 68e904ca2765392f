"""The BBC News summary corpus (../shared/eval/bbc-summary) as the benchmarks read it."""

from __future__ import annotations

from pathlib import Path


def article_paths(data: Path, limit: int | None = None) -> list[Path]:
    """The article files under `data`/articles, sorted; with `limit`, an even spread over
    them (every category), not the first N. Exits with a message when there are none."""
    paths = sorted((data / "articles").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {data / 'articles'}")
    if limit:
        step = max(1, len(paths) // limit)
        paths = paths[::step][:limit]
    return paths


def summary_path(data: Path, article: Path) -> Path:
    """The reference summary of an article file."""
    return data / "summaries" / article.parent.name / article.name
