"""The library, measured: import, reopening from the cache, a 10,000-article library
(list shown, search, size), first paint from a warm library with and without a head
start, and a refresh of 50 feeds through a local server.

    .venv/bin/python benchmarks/library.py --data ../shared/eval/bbc-summary [--runs 5] [--import-runs 3] [--work DIR]

- import: `reader add <data>/articles` (a fresh interpreter, as a user runs it) into a
  new library: every article cleaned and analysed (summary, sources, stance) and
  cached, cleaning and analysis in a process per core. Wall time and the CPU time of
  every process (so the cores used are CPU / wall). Repeated (--import-runs), each
  beside sumy's LexRank timed in this process (the peer: how fast the machine was).
- reopen: an analysed article read back as the reader opens it (cache row read,
  decompressed, the analysis rebuilt with every stage known), for 200 articles.
- 10,000 articles: the dev set repeated with changed titles (copy N of an article
  keeps its text and cached analysis, its title gains "(copy N)"), one transaction
  per article. The TUI's list shown (a fresh interpreter: imports, library opened,
  rows listed and drawn) and the first article with its summary drawn; full-text
  search as `reader search` runs it (20 best with snippets) and as the list's filter
  runs it (every match, ranked, no snippets), for 300 queries (title words, two-word
  phrases, prefixes); the database file's size per article.
- first paint from a warm library (every analysis cached), `reader` as a user starts
  it, against the same with a forked head start that reads the first article's
  cached analysis in a second process while this one imports and starts the UI.
- refresh: 50 RSS feeds of 20 entries each (BBC articles) served by a local HTTP
  server in another process, once with each whole article in its entry and once with
  a one-sentence teaser (so every article's page is fetched and read by trafilatura);
  `reader refresh` (a fresh interpreter) with the feeds subscribed from OPML; then the
  same again, when every feed answers 304.

Targets (issue 13): import >= 150 articles/s, reopen < 20 ms, list shown < 1 s, search
p95 < 50 ms, refresh < 10 s.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "library"))  # the local HTTP server of the tests

SIZE = (160, 50)
TARGET_ARTICLES = 10_000
FEEDS, ENTRIES = 50, 20


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _reader(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "READER_DATA_DIR": "off"}
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=check)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _median(runs: list[dict[str, float]], stage: str) -> str:
    wall = statistics.median(run[stage] for run in runs)
    cpu = statistics.median(run[stage + "_cpu"] for run in runs)
    return f"{wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms)"


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.2f} ms, p95 {_percentile(values, 0.95) * 1000:7.2f} ms, max {max(values) * 1000:7.2f} ms"


def _timed(action) -> tuple[float, float]:
    """(wall, CPU) seconds of `action()` (CPU: this process; the measure a busy machine
    distorts least)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


# ---------------------------------------------------------------- import and reopen


def measure_import(data: Path, library: Path) -> dict[str, float]:
    cpu_before, began = _children_cpu(), time.perf_counter()
    done = _reader("add", str(data / "articles"), "--library", str(library))
    wall = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    added = len(done.stdout.splitlines())
    return {"articles": added, "wall": wall, "cpu": cpu, "rate": added / wall, "cpu_per_article": cpu / added}


def lexrank_peer_ms(data: Path, count: int = 150) -> float:
    """The peer: sumy's LexRank as a user sets it up (stock Snowball stemmer and stop
    words, our sentences) over `count` dev articles, CPU ms per article in this process.
    Measured beside each import, it says how fast the machine was at the time."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph as SumyParagraph, Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from summaries.document import plain_article
    from summaries.segment import words

    class _Words:  # sumy's own tokenizer needs Punkt data: our word splitter instead
        to_words = staticmethod(words)

    paths = sorted((data / "articles").glob("*/*.txt"))
    articles = [plain_article(path.read_text(encoding="utf-8", errors="replace")) for path in paths[:: max(1, len(paths) // count)][:count]]
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    began = time.process_time()
    for article in articles:
        sentences = [SumySentence(article.text[s.start : s.end], _Words) for s in article.sentences]
        summarizer(ObjectDocumentModel([SumyParagraph(sentences)]), 3)
    return (time.process_time() - began) / len(articles) * 1000


def measure_imports(data: Path, library: Path, runs: int) -> list[dict[str, float]]:
    """`runs` imports into a fresh library each, with the peer measured before each."""
    results = []
    for _ in range(runs):
        for stale in library.parent.glob(library.name + "*"):
            stale.unlink()
        peer = lexrank_peer_ms(data)
        imported = measure_import(data, library)
        imported["peer_ms"] = peer
        imported["ratio"] = imported["cpu_per_article"] * 1000 / peer
        results.append(imported)
    return results


def measure_reopen(library_path: Path, count: int = 200) -> dict[str, list[float]]:
    from reader.library.cache import open_article
    from reader.library.store import Library

    with Library(library_path) as library:
        rows = library.rows()
        chosen = rows[:: max(1, len(rows) // count)][:count]
        open_article(library, chosen[0])  # the first pays for imports; not what reopening costs
        times: dict[str, list[float]] = {"wall": [], "cpu": []}
        for row in chosen:
            wall, cpu = _timed(lambda row=row: open_article(library, row))
            times["wall"].append(wall)
            times["cpu"].append(cpu)
        assert all(open_article(library, row).cached for row in chosen)
    return times


# ---------------------------------------------------------------- 10,000 articles


def grow_library(source: Path, target: Path, articles: int) -> float:
    """`target`: the library at `source` with copies of its articles (changed titles)
    until it holds `articles`; returns the seconds the copies took to store."""
    from reader.library.store import Library, NewArticle, NewInput, content_hash, unpack_document

    shutil.copy(source, target)
    with Library(target) as library:
        originals = library.db.execute(
            "SELECT a.title, a.byline, a.date, a.label, b.text, b.document, a.clean_version, a.type, a.origin,"
            " i.data, i.media, c.version, c.data FROM articles a JOIN bodies b ON b.article_id = a.id JOIN inputs i ON i.id = a.input_id"
            " JOIN analyses c ON c.content_hash = a.content_hash ORDER BY a.id"
        ).fetchall()
        began = time.perf_counter()
        copy = 0
        while library.count() < articles:
            copy += 1
            for title, byline, date, label, text, document, clean, kind, origin, data, media, version, cached in originals:
                if library.count() >= articles:
                    break
                changed = f"{title or unpack_document(document).name} (copy {copy})"
                new = NewArticle(
                    content_hash="", text=text, title=changed, byline=byline, date=date, label=label, part=0,
                    document=document, clean_version=clean, analysis=cached, version=version, article_type=kind,
                    display_title=changed,
                )
                new.content_hash = content_hash(new)
                payload = zlib.decompress(data) + f"\n<!-- copy {copy} -->".encode()
                library.add(NewInput(f"{origin}#copy{copy}", payload, hashlib.sha256(payload).hexdigest(), media, [new]))
        seconds = time.perf_counter() - began
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return seconds


def search_queries(library_path: Path, count: int = 300) -> list[str]:
    from reader.library.store import Library

    with Library(library_path) as library:
        titles = [row.title or "" for row in library.rows()]
    words = sorted({w for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)})
    chooser = random.Random(13)
    queries = [chooser.choice(words) for _ in range(count // 3)]
    for _ in range(count // 3):
        title = re.findall(r"[A-Za-z]{3,}", chooser.choice(titles))
        if len(title) >= 2:
            start = chooser.randrange(len(title) - 1)
            queries.append(f'"{title[start]} {title[start + 1]}"')
    queries += [chooser.choice(words)[:3] + "*" for _ in range(count - len(queries))]
    return queries


def measure_search(library_path: Path, queries: list[str]) -> dict[str, list[float]]:
    from reader.library.store import Library

    times: dict[str, list[float]] = {"cli": [], "cli cpu": [], "filter": [], "filter cpu": []}
    with Library(library_path) as library:
        library.search("warm", limit=20)
        for query in queries:
            for name, action in (("cli", lambda query=query: library.search(query, limit=20)), ("filter", lambda query=query: library.search_ids(query))):
                wall, cpu = _timed(action)
                times[name].append(wall)
                times[name + " cpu"].append(cpu)
    return times


def database_size(library_path: Path) -> tuple[int, int]:
    from reader.library.store import Library

    with Library(library_path) as library:
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = library.count()
    return library_path.stat().st_size, count


# ---------------------------------------------------------------- the reader, in a fresh interpreter


def paint_child(started: float, library_path: str, head_start: bool) -> None:
    """Runs in a fresh interpreter: seconds since `started` until the UI's first frame,
    the list shown, and the first article with its summary drawn (the full paint)."""
    figures: dict[str, float] = {}

    def stage(name: str) -> None:
        figures[name] = time.time() - started
        figures[name + "_cpu"] = time.process_time()  # this process's CPU since it started, all threads

    if head_start:
        _begin_head_start(library_path)
    import reader.cli  # noqa: F401  (what `reader` imports before it starts the app)

    if library_path == "SEEDS":  # the peer: the reader on the sample files, no library
        from reader.app.app import ReaderApp
        from reader.seeds import bundled_seed_paths

        app = ReaderApp(paths=bundled_seed_paths())
    else:
        from reader.app.launch import library_app

        app = library_app(library_path, [])
    stage("imported")

    async def run() -> None:
        app.animation_level = "none"
        async with app.run_test(size=SIZE):
            await _until(lambda: hasattr(app.screen, "view"))
            await app.screen.wait_for_refresh()
            stage("ui")
            screen = app.screen
            await _until(lambda: bool(screen.library.rows.entries))
            await screen.wait_for_refresh()
            stage("list")
            await _until(lambda: screen.analysis is not None and bool(screen.summary_list.items))
            await screen.wait_for_refresh()
            stage("summary")
            figures["rows"] = len(screen.library.rows.entries)

    asyncio.run(run())
    print(json.dumps(figures))


def _begin_head_start(library_path: str) -> None:
    """A head start for a warm library: a forked process reads the newest article's
    cached analysis and sends it, pickled; the reader's own read of it is replaced by
    unpickling what arrived (so the work runs in the other process, overlapping the
    imports and the start of the UI)."""
    import pickle

    output, into = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(output)
            from reader.library.cache import open_article
            from reader.library.store import Library

            with Library(Path(library_path)) as library:
                opened = open_article(library, library.rows()[0])
            data = pickle.dumps(opened, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(into, view) :]
        finally:
            os._exit(0)
    os.close(into)
    from reader.library import cache

    original = cache.open_article

    def from_head_start(library, row):
        if not getattr(from_head_start, "used", False):
            from_head_start.used = True
            chunks = []
            while chunk := os.read(output, 1 << 20):
                chunks.append(chunk)
            os.close(output)
            os.waitpid(pid, 0)
            opened = pickle.loads(b"".join(chunks))
            if opened.row.id == row.id:
                return opened
        return original(library, row)

    cache.open_article = from_head_start


async def _until(condition, timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the reader did not reach the expected state")
        await asyncio.sleep(0.001)


def measure_paint(library_path: Path | str, runs: int, head_starts: tuple[bool, ...]) -> dict[bool, list[dict[str, float]]]:
    found: dict[bool, list[dict[str, float]]] = {flag: [] for flag in head_starts}
    for _ in range(runs):
        for flag in head_starts:  # alternated: load from elsewhere hits each alike
            command = [sys.executable, __file__, "--paint-child", repr(time.time()), str(library_path)]
            done = subprocess.run(command + (["--head-start"] if flag else []), capture_output=True, text=True, check=True, cwd=ROOT,
                                  env={**os.environ, "READER_DATA_DIR": "off"})
            found[flag].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return found


# ---------------------------------------------------------------- refresh


def serve_feeds(data: Path, port_file: Path) -> None:
    """Runs in its own process until killed: 50 RSS feeds of 20 BBC articles each with
    the whole article in the entry (`/full/feedN.xml`), the same 50 with a one-sentence
    teaser per entry (`/teaser/feedN.xml`), and every article's web page."""
    from local_server import LocalServer, page, rss

    files = sorted((data / "articles").rglob("*.txt"))
    server = LocalServer().start()
    for feed in range(FEEDS):
        full, teasers = [], []
        for number in range(ENTRIES):
            path = files[(feed * ENTRIES + number) % len(files)]
            title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
            link = server.route(f"/pages/{feed}/{number}.html", page(title.strip(), paragraphs, site="BBC"))
            html = "".join(f"<p>{p}</p>" for p in paragraphs)
            first = paragraphs[0].split(". ")[0] + "."
            full.append({"title": title.strip(), "link": link, "description": first, "content": html})
            teasers.append({"title": title.strip(), "link": link, "description": first})
        for kind, entries in (("full", full), ("teaser", teasers)):
            server.route(f"/{kind}/feed{feed}.xml", rss(f"Feed {feed}", entries), content_type="application/rss+xml", etag=f'"{kind}{feed}"')
    port_file.write_text(server.base)
    signal.sigwait({signal.SIGTERM})


def measure_refresh(data: Path, work: Path) -> dict[str, float]:
    port_file = work / "server"
    port_file.unlink(missing_ok=True)
    server = subprocess.Popen([sys.executable, __file__, "--serve-feeds", str(data), str(port_file)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not port_file.exists() or not port_file.read_text():
            if time.monotonic() > deadline:
                raise TimeoutError("the feed server did not start")
            time.sleep(0.05)
        base = port_file.read_text()
        figures = {}
        for kind in ("full", "teaser"):
            opml = work / f"{kind}.opml"
            outlines = "".join(f'<outline type="rss" text="Feed {n}" xmlUrl="{base}/{kind}/feed{n}.xml"/>' for n in range(FEEDS))
            opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>')
            library = work / f"{kind}.sqlite3"
            _reader("feed", "import", str(opml), "--library", str(library))
            for run in ("first", "unchanged"):
                cpu_before, began = _children_cpu(), time.perf_counter()
                done = _reader("refresh", "--library", str(library), check=False)
                figures[f"{kind} {run}"] = time.perf_counter() - began
                figures[f"{kind} {run} cpu"] = _children_cpu() - cpu_before
                figures[f"{kind} {run} added"] = len(done.stdout.splitlines())
                figures[f"{kind} {run} failed"] = done.stderr.count("reader: error:")
        return figures
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()


# ---------------------------------------------------------------- report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "bbc-summary")
    parser.add_argument("--runs", type=int, default=5, help="runs of each fresh-interpreter measurement")
    parser.add_argument("--import-runs", type=int, default=3, help="imports of the dev set (each into a fresh library)")
    parser.add_argument("--work", type=Path, help="folder for the libraries made (default: a temporary one)")
    parser.add_argument("--paint-child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--head-start", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve-feeds", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.paint_child:
        paint_child(args.paint_child, args.extra[0], args.head_start)
        return
    if args.serve_feeds:
        serve_feeds(args.serve_feeds, Path(args.extra[0]))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="library-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    dev = work / "dev.sqlite3"
    for stale in work.glob("*.sqlite3*"):
        stale.unlink()
    print(f"{os.cpu_count()} CPUs; 1-minute load average at start {os.getloadavg()[0]:.2f}; work folder {work}")

    imports = measure_imports(args.data, dev, args.import_runs)
    for number, imported in enumerate(imports, start=1):
        print(
            f"import {number} ({imported['articles']:.0f} BBC articles, analysed and cached): {imported['wall']:.1f} s wall, "
            f"{imported['rate']:.0f} articles/s; CPU {imported['cpu']:.1f} s ({imported['cpu_per_article'] * 1000:.1f} ms/article, "
            f"{imported['cpu'] / imported['wall']:.2f} cores busy on average); peer LexRank {imported['peer_ms']:.2f} ms/article, "
            f"import CPU per article = {imported['ratio']:.2f} x the peer's"
        )
    rates = [imported["rate"] for imported in imports]
    print(
        f"import: median {statistics.median(rates):.0f} articles/s (min {min(rates):.0f}, max {max(rates):.0f}, {len(rates)} runs); "
        f"CPU per article {statistics.median(i['ratio'] for i in imports):.2f} x sumy's LexRank (median); target >= 150 articles/s"
    )
    reopened = measure_reopen(dev)
    print(f"reopen an analysed article (from the cache, 200 articles): wall {_ms(reopened['wall'])}; CPU {_ms(reopened['cpu'])}; target < 20 ms")
    size, count = database_size(dev)
    print(f"database: {size / count / 1024:.1f} KiB per article ({size / 2**20:.1f} MiB for {count})")

    big = work / "big.sqlite3"
    seconds = grow_library(dev, big, TARGET_ARTICLES)
    size, count = database_size(big)
    print(f"{count:,}-article library: copies stored in {seconds:.1f} s; {size / count / 1024:.1f} KiB per article ({size / 2**20:.0f} MiB)")
    searched = measure_search(big, search_queries(big))
    print(f"  search, 20 best with snippets (reader search): wall {_ms(searched['cli'])}; CPU {_ms(searched['cli cpu'])}; target p95 < 50 ms")
    print(f"  search, every match ranked (the list's filter): wall {_ms(searched['filter'])}; CPU {_ms(searched['filter cpu'])}")
    paints = measure_paint(big, args.runs, (False,))[False]
    peers = measure_paint("SEEDS", args.runs, (False,))[False]
    print(f"  reader on it (fresh interpreter, {args.runs} runs, medians; CPU = the reader process's CPU time by then):")
    for title, runs in ((f"the {paints[0]['rows']:.0f}-article library", paints), ("peer: the 4 sample files, no library", peers)):
        print(
            f"    {title}: first frame {_median(runs, 'ui')}, list shown {_median(runs, 'list')}, "
            f"first article and its summary {_median(runs, 'summary')}"
        )
    print("    target: list < 1 s")

    load = os.getloadavg()[0]
    paints = measure_paint(dev, args.runs, (True, False))
    print(f"first paint from a warm library (the dev library, fresh interpreter, {args.runs} runs alternated; load {load:.2f} -> {os.getloadavg()[0]:.2f}):")
    for flag, title in ((False, "reader as it starts (no head start)"), (True, "with a forked head start reading the cache")):
        runs = paints[flag]
        full = [p["summary"] for p in runs]
        print(
            f"  {title}: full paint {_median(runs, 'summary')} (min {min(full) * 1000:.0f}, max {max(full) * 1000:.0f} ms); "
            f"first frame {_median(runs, 'ui')}"
        )

    refreshed = measure_refresh(args.data, work)
    for kind, what in (("full", "whole articles in the feed"), ("teaser", "teasers: every page fetched and read")):
        print(
            f"refresh of {FEEDS} local feeds x {ENTRIES} entries, {what} (reader refresh, fresh interpreter): "
            f"{refreshed[f'{kind} first']:.1f} s (CPU {refreshed[f'{kind} first cpu']:.1f} s), "
            f"{refreshed[f'{kind} first added']:.0f} articles added, {refreshed[f'{kind} first failed']:.0f} failures; "
            f"again, every feed unchanged (304): {refreshed[f'{kind} unchanged']:.1f} s; target < 10 s"
        )
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
