"""Instructions per article for each stage of an import, counted by valgrind: a measure
that, unlike time on this shared machine, comes out the same on every run, so two
versions of the code can be compared to a fraction of a percent.

    .venv/bin/python benchmarks/instructions.py --data ../shared/eval/bbc-summary [--articles 100] [--code DIR]

Each stage is counted as the difference between two runs (cachegrind, instruction
counts only, address randomisation and the tokenizer's threads off): the engine warmed
on one article as the import's parent does before it forks, then `--articles` dev
articles (an even spread) taken through cleaning, + named sources, + summary, +
opinion/reporting, + packing for the cache. `--code DIR` counts another checkout
(put first on the import path), e.g. a `git worktree` of an older commit.
Needs valgrind (Debian: `apt install valgrind`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("clean", "sources", "summary", "stance", "pack")

# Run under valgrind: warm up, then take N articles through the stages named.
_CHILD = """
import gc, sys
gc.set_threshold(20000, 10, 10)  # as the reader's CLI sets it
from pathlib import Path
from reader.library.cache import CACHED_STAGES, packed_analysis
from reader.library.documents import pages_from_bytes
from reader.library.importer import prepare, sources_from_paths
from reader.pipeline import clean_document
from summaries.analysis import Analysis

data, count, stages = Path(sys.argv[1]), int(sys.argv[2]), [s for s in sys.argv[3].split(",") if s]
sources = list(sources_from_paths([str(data / "articles")]))
prepare(sources[-1], True)  # the engine loaded and warm, as in the import's parent
gc.freeze()
for source in sources[:: max(1, len(sources) // max(count, 1))][:count]:
    if "clean" not in stages:
        continue
    for page in pages_from_bytes(source.origin, source.data, source.media, 10**8):
        for article in clean_document(page.document):
            analysis = Analysis(article, notes=page.document.notes)
            for stage in stages[1:]:
                if stage == "pack":
                    packed_analysis(analysis, CACHED_STAGES)
                else:
                    analysis.stage(stage)
"""


def count_instructions(code: Path, data: Path, articles: int, stages: tuple[str, ...]) -> int:
    env = {
        **os.environ,
        "PYTHONPATH": str(code),
        "PYTHONHASHSEED": "0",
        "TOKENIZERS_PARALLELISM": "false",
        "RAYON_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
    }
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    command += [sys.executable, "-c", _CHILD, str(data), str(articles), ",".join(stages)]
    if shutil.which("setarch"):
        command = ["setarch", os.uname().machine, "-R", *command]  # the same addresses every run
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=code)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed ({done.returncode}): {done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the BBC summary corpus (its articles/ folder is read)")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to count (default: this one)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing counted", file=sys.stderr)
        return 2
    prefixes = [()] + [STAGES[: n + 1] for n in range(len(STAGES))]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # each count is its own process
        counts = list(pool.map(lambda stages: count_instructions(args.code.resolve(), args.data.resolve(), args.articles, stages), prefixes))
    per_article = [(after - before) / args.articles / 1e6 for before, after in zip(counts, counts[1:], strict=False)]
    print(f"instructions per article ({args.articles} dev articles, {args.code}):")
    for stage, millions in zip(STAGES, per_article, strict=True):
        print(f"  {stage:8s} {millions:6.2f} M")
    print(f"  {'total':8s} {sum(per_article):6.2f} M")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
