"""Hostile shapes of input for `reader clean`: seconds, and seconds per 100 KB, to show linearity.

    .venv/bin/python benchmarks/hostile.py [--out DIR] [--repeats 3]

Generates each input (no data is read; --out keeps the files), then times the real
command, `python -m reader clean FILE > /dev/null`, as a user runs it:
  paragraphs   N short paragraphs (2-7 words each, blank lines between), N up to 100,000
  line         one line of repeated sentences, up to 5 MB
  mojibake     one line of UTF-8 mojibake (cafÃ©, Ã¢â‚¬â„¢), every few words a repair
  wrapped      one paragraph of N lines wrapped at 60 columns, no blank line, every
               fifth line ending in a hyphenated word ("coun-" / "cil"), N up to 24,000
Each row is the median of --repeats runs, wall-clock and CPU (the child's user + system
time, steadier on a shared machine). Start-up (the same command on a one-line file) is
printed first and subtracted for the per-100 KB column, so equal figures down that
column mean time grows in proportion to the input.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = "the council voted on tuesday to expand park residents said they welcomed decision mayor".split()
SENTENCE = "The council voted on Tuesday to expand the park near the river. Residents welcomed the decision. "
MOJIBAKE = "The cafÃ© council voted on TuesdayÃ¢â‚¬â„¢s plan. "


def short_paragraphs(count: int) -> str:
    """`count` paragraphs of 2 to 7 words from a small vocabulary, so many repeat."""
    return "\n\n".join(
        " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(2 + i % 6)).capitalize() + "." for i in range(count)
    ) + "\n"


def one_long_line(size: int, unit: str = SENTENCE) -> str:
    """One line of `size` characters, `unit` repeated."""
    return (unit * (size // len(unit) + 1))[:size] + "\n"


def wrapped_paragraph(count: int) -> str:
    """One paragraph of `count` lines wrapped at about 60 columns, with line-end hyphens."""
    lines = []
    for i in range(count):
        words = [WORDS[(i * 5 + k) % len(WORDS)] for k in range(9)]
        line = " ".join(words)
        lines.append(line + " coun-" if i % 5 == 4 else line)
        if i % 5 == 4:
            lines.append("cil " + " ".join(words[:6]))
    return "\n".join(lines) + "\n"


SHAPES = {
    "paragraphs": [(f"{n:,} paragraphs", lambda n=n: short_paragraphs(n)) for n in (10_000, 25_000, 50_000, 100_000)],
    "line": [(f"one {s / 1e6:g} MB line", lambda s=s: one_long_line(s)) for s in (500_000, 1_000_000, 2_500_000, 5_000_000)],
    "wrapped": [(f"{n:,} wrapped lines", lambda n=n: wrapped_paragraph(n)) for n in (3_000, 6_000, 12_000, 24_000)],
    "mojibake": [(f"{s / 1e6:g} MB of mojibake", lambda s=s: one_long_line(s, MOJIBAKE)) for s in (250_000, 500_000, 1_000_000)],
}


def seconds_to_clean(path: Path, repeats: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (the child's user + system time) of `reader clean path`."""
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "clean", str(path)], stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="folder for the generated inputs (default: a temporary one)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--shapes", nargs="*", choices=SHAPES, default=list(SHAPES))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.out or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        tiny = folder / "tiny.txt"
        tiny.write_text("One short line of text.\n")
        startup_wall, startup_cpu = seconds_to_clean(tiny, args.repeats)
        print(f"start-up (one-line file): {startup_wall:.2f} s ({startup_cpu:.2f} s CPU); median of {args.repeats} runs per row")
        print(f"{'input':<24}{'bytes':>12}{'seconds':>9}{'CPU s':>8}{'CPU s per 100 KB':>18}")
        for shape in args.shapes:
            for label, make in SHAPES[shape]:
                path = folder / f"{shape}-{label.split()[0].replace(',', '')}.txt"
                path.write_text(make(), encoding="utf-8")
                size = path.stat().st_size
                wall, cpu = seconds_to_clean(path, args.repeats)
                per_100kb = (cpu - startup_cpu) / (size / 100_000)
                print(f"{label:<24}{size:>12,}{wall:>9.2f}{cpu:>8.2f}{per_100kb:>18.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
