"""How fast the reader feels: first paint, article switch, jump, and memory at scale.

    .venv/bin/python benchmarks/tui.py [--data ../shared/eval/bbc-summary] [--runs 5] [--articles 1000]

Drives the app headless (terminal 160x50).

- first paint, from process start (a fresh interpreter per run, imports included)
  on the bundled seeds: the first frame of the UI; the first article's text drawn;
  its summary drawn (loaded, analysed, drawn): the full paint. Measured as
  `reader PATH...` starts (reader.cli imported, then launch.reader_app). Files opened
  this way are not in the library: every run is a cold start (benchmarks/library.py
  measures the start from a library whose analyses are cached).
- switch (`n` to the already prefetched next article) and jump (one `down` in the
  summary): time inside the app, from posting the key event to the app until the
  screen has repainted with the result (a `call_after_refresh` callback has run),
  as medians; with the UI thread's CPU time in that interval, and the same figure
  for an unbound key (the peer: what any key costs the event loop and a repaint).
  Pilot's `press()` wall time, which adds Pilot's own idle waits, is shown too.
- memory: peak resident set size of a separate process that opens `--articles`
  files (BBC articles from --data when given, else copies of the seeds), waits
  until every file is listed and the first article analysed, and jumps once; the
  RSS after importing everything (the import baseline) and the same app on the 4
  seeds.
- long document (with --data): the reader opened on one ~500 KB document of joined
  BBC articles: text, summary (issue 17: < 2 s) and sections, from process start.
Targets (issue 4): first paint < 1 s, switch and jump < 50 ms, memory < 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SIZE = (160, 50)
LONG_BYTES = 500_000
POLL = 0.001


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM). Not ru_maxrss: on Linux that keeps the high-water
    mark of the process this one was forked from (the benchmark itself, grown large by
    the speed runs), so every child reported at least the parent's size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _until(condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        await asyncio.sleep(POLL)


async def _workers_done(app) -> None:
    """Every worker finished (one superseded by an exclusive successor counts as done)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(3):
        for worker in list(app.workers):
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()


def _analysis_drawn(screen, index: int) -> bool:
    analysis = getattr(screen, "analysis", None)
    return (
        screen.current == index
        and analysis is not None
        and analysis.article is screen.articles[index]
        and bool(screen.summary_list.items)
    )


def _complete(screen, index: int) -> bool:
    """The analysis drawn, stance included (a prefetched article arrives complete)."""
    return _analysis_drawn(screen, index) and screen.analysis.stance is not None


async def timed_key(app, key: str, ready) -> tuple[float, float]:
    """Post `key` to the app as the terminal driver would, wait until `ready()` and the
    screen's next repaint; return (wall, UI-thread CPU) seconds. No Pilot waits inside."""
    from textual import events

    try:
        char = unicodedata.lookup(key.upper().replace("_", " ")) if len(key) > 1 else key
    except KeyError:
        char = None
    event = events.Key(key, char)
    event.set_sender(app)
    wall, cpu = time.perf_counter(), time.thread_time()
    app._driver.send_message(event)
    await _until(ready)
    await app.screen.wait_for_refresh()
    return time.perf_counter() - wall, time.thread_time() - cpu


async def time_into(figures: dict[str, list[float]], name: str, app, pilot, key: str, ready, via_pilot: bool) -> None:
    """Time one key into `figures`: from its event to the repaint (`name`, `name`_cpu),
    or as Pilot.press with its idle waits (`name`_pilot)."""
    if via_pilot:
        started = time.perf_counter()
        await pilot.press(key)
        await _until(ready)
        await pilot.pause()
        figures[f"{name}_pilot"].append(time.perf_counter() - started)
    else:
        wall, cpu = await timed_key(app, key, ready)
        figures[name].append(wall)
        figures[f"{name}_cpu"].append(cpu)


async def measure_keys(paths: list[str]) -> dict[str, list[float]]:
    from reader.app.app import ReaderApp

    app = ReaderApp(paths=paths)
    app.animation_level = "none"
    figures: dict[str, list[float]] = {k: [] for k in ("switch", "switch_cpu", "jump", "jump_cpu", "peer", "peer_cpu", "switch_pilot", "jump_pilot")}
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await _until(lambda: getattr(screen, "articles", None) and screen.loaded_files >= screen.total_files > 0)
        await _until(lambda: _complete(screen, 0))
        await _workers_done(app)
        await pilot.pause()
        for _ in range(5):
            wall, cpu = await timed_key(app, "f12", lambda: True)  # unbound: the peer
            figures["peer"].append(wall)
            figures["peer_cpu"].append(cpu)

        for pilot_timed in (False, True):
            screen.open_article(0)
            await _workers_done(app)
            await pilot.pause()
            for _ in range(len(screen.articles) - 1):
                await _workers_done(app)  # the prefetch of the next article
                await pilot.pause()
                target = screen.current + 1
                await time_into(figures, "switch", app, pilot, "n", lambda target=target: _complete(screen, target), pilot_timed)

        for pilot_timed in (False, True):
            screen.open_article(0)
            await _workers_done(app)
            await pilot.pause()
            screen.summary_list.focus()
            screen.summary_list.highlighted = 0
            await pilot.pause()
            for index in range(1, min(len(screen.summary_list.items), 8)):
                sentence = screen.summary_list.items[index].sentence
                await time_into(figures, "jump", app, pilot, "down", lambda sentence=sentence: screen.view.cursor == sentence, pilot_timed)
    return figures


def first_paint_child(started: float, paths: list[str] | None = None) -> None:
    """Runs in a fresh interpreter: times since `started` (the parent's clock at spawn),
    starting the app as `reader PATH...` does (reader.cli's imports, then launch.reader_app)."""
    import reader.cli  # noqa: F401  (what `reader` imports before it starts the app)
    from reader.seeds import bundled_seed_paths

    figures: dict[str, float] = {}

    def stage(name: str) -> None:
        figures[name] = time.time() - started
        figures[name + "_cpu"] = time.process_time()  # every thread of this process, since it started

    from reader.app.launch import reader_app

    app = reader_app(paths or bundled_seed_paths())
    stage("imported")

    async def run() -> None:
        app.animation_level = "none"
        async with app.run_test(size=SIZE):
            await _until(lambda: hasattr(app.screen, "view"))
            await app.screen.wait_for_refresh()
            stage("ui")
            screen = app.screen
            await _until(lambda: screen.view.article is not None)
            await screen.wait_for_refresh()
            stage("article")
            await _until(lambda: _analysis_drawn(screen, 0))
            await screen.wait_for_refresh()
            stage("summary")
            await _until(lambda: screen.analysis is not None and screen.analysis.stance is not None)
            await screen.wait_for_refresh()
            stage("stance")

    asyncio.run(run())
    print(json.dumps(figures))


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:8.1f} ms (min {min(values) * 1000:6.1f}, max {max(values) * 1000:6.1f})"


def speed(runs: int) -> None:
    from reader.seeds import bundled_seed_paths

    seeds = bundled_seed_paths()
    load_before = os.getloadavg()[0]
    paints: list[dict[str, float]] = []
    for _ in range(runs):
        child = subprocess.run([sys.executable, __file__, "--first-paint-child", repr(time.time())], capture_output=True, text=True, check=True)
        paints.append(json.loads(child.stdout.strip().splitlines()[-1]))
    print(f"seeds: {len(seeds)} files, {runs} runs, terminal {SIZE[0]}x{SIZE[1]}; {os.cpu_count()} CPUs")
    print(f"1-minute load average before/after the first-paint runs: {load_before:.2f} / {os.getloadavg()[0]:.2f}")
    print("first paint, from process start (fresh interpreter, imports included); target < 1000 ms")
    print("(full paint = the first article's text and its summary drawn; CPU = this process's CPU time by then, all threads)")
    for name, what in (
        ("imported", "app imported and built"),
        ("ui", "first frame of the UI"),
        ("article", "first article's text drawn"),
        ("summary", "its summary drawn: FULL PAINT"),
        ("stance", "then its labels/sections drawn"),
    ):
        print(f"  {what:32s} {_ms([p[name] for p in paints])}  CPU {statistics.median(p[name + '_cpu'] for p in paints) * 1000:6.0f} ms")

    results = [asyncio.run(measure_keys(seeds)) for _ in range(runs)]
    merged = {key: [v for r in results for v in r[key]] for key in results[0]}
    peer = statistics.median(merged["peer"])
    print("keys, in the app: key event posted -> repaint done (median over every key of every run); target < 50 ms:")
    for name in ("switch", "jump", "peer"):
        label = {"switch": "switch (n)", "jump": "jump (down in summary)", "peer": "peer (unbound key)"}[name]
        ratio = statistics.median(merged[name]) / peer if peer else float("nan")
        print(f"  {label:24s} wall {_ms(merged[name])}  UI-thread CPU {statistics.median(merged[name + '_cpu']) * 1000:6.1f} ms  ({ratio:.1f}x peer)")
    for name in ("switch", "jump"):
        print(f"  {name + ' via Pilot.press':24s} wall {_ms(merged[name + '_pilot'])}  (includes Pilot's idle waits)")


def long_document(data: Path, runs: int) -> None:
    """The reader opened on one long document (dev BBC articles joined, blank lines
    between them, about 500 KB): first frame, text, summary and sections, from process start."""
    articles = sorted((data / "articles").rglob("*.txt"))
    random.Random(17).shuffle(articles)
    parts, size = [], 0
    for path in articles:
        if size >= LONG_BYTES:
            break
        parts.append(path.read_text(encoding="utf-8", errors="replace").strip())
        size += len(parts[-1].encode()) + 2
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "long.txt"
        document.write_text("\n\n".join(parts), encoding="utf-8")
        paints = []
        for _ in range(runs):
            child = subprocess.run(
                [sys.executable, __file__, "--first-paint-child", repr(time.time()), "--paths", str(document)],
                capture_output=True, text=True, check=True,
            )
            paints.append(json.loads(child.stdout.strip().splitlines()[-1]))
    print(f"\none document of {len(parts)} joined articles ({size / 1000:.0f} KB), {runs} runs, from process start:")
    for name, what in (("ui", "first frame of the UI"), ("article", "its text drawn"),
                       ("summary", "its summary drawn (target < 2 s)"), ("stance", "its labels/sections drawn")):
        print(f"  {what:34s} {_ms([p[name] for p in paints])}  CPU {statistics.median(p[name + '_cpu'] for p in paints) * 1000:6.0f} ms")


def make_library(directory: Path, count: int, data: Path | None) -> None:
    from reader.seeds import bundled_seed_paths

    sources = sorted((data / "articles").rglob("*.txt")) if data else []
    sources = sources or [Path(p) for p in bundled_seed_paths()]
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copyfile(source, directory / f"{number:04d}_{source.parent.name}_{source.name}")


async def open_library(paths: list[str]) -> dict[str, float]:
    from reader.app.app import ReaderApp

    started = time.perf_counter()
    app = ReaderApp(paths=paths)
    app.animation_level = "none"
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await _until(lambda: bool(getattr(screen, "articles", None)))
        await screen.wait_for_refresh()
        figures["list_shown"] = time.perf_counter() - started
        await _until(lambda: screen.total_files and screen.loaded_files >= screen.total_files, timeout=600)
        figures["all_listed"] = time.perf_counter() - started
        figures["articles"] = len(screen.articles)
        await _until(lambda: _complete(screen, 0))
        await _workers_done(app)
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        figures["rss_mb"] = _rss_mb()
    figures["peak_rss_mb"] = _peak_mb()
    return figures


def memory(count: int, data: Path | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        make_library(Path(directory), count, data)
        child = subprocess.run([sys.executable, __file__, "--memory-child", directory], capture_output=True, text=True, check=True)
    seeds = subprocess.run([sys.executable, __file__, "--memory-child", "seeds"], capture_output=True, text=True, check=True)
    imports = subprocess.run([sys.executable, __file__, "--import-child"], capture_output=True, text=True, check=True)
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    on_seeds = json.loads(seeds.stdout.strip().splitlines()[-1])
    imported = json.loads(imports.stdout.strip().splitlines()[-1])
    peak = figures["peak_rss_mb"]
    print(f"library: {count} files ({'BBC articles from ' + str(data) if data else 'copies of the seeds'})")
    print(f"  list shown after  {figures['list_shown'] * 1000:8.1f} ms; all {figures['articles']:.0f} articles listed after {figures['all_listed']:.2f} s")
    print(f"  peak RSS          {peak:8.1f} MB  (target < 200 MB: {'ok' if peak < 200 else 'OVER'}); RSS at the end {figures['rss_mb']:.1f} MB")
    print(f"  the same app on the 4 seeds: peak {on_seeds['peak_rss_mb']:.1f} MB")
    print(
        f"  import baseline: {imported['app']:.1f} MB after importing reader.app.app, "
        f"{imported['engine']:.1f} MB with the engine imported too (python alone {imported['python']:.1f} MB)"
    )


def memory_child(directory: str) -> None:
    from reader.seeds import bundled_seed_paths

    paths = bundled_seed_paths() if directory == "seeds" else [directory]
    print(json.dumps(asyncio.run(open_library(paths))))


def import_child() -> None:
    figures = {"python": _rss_mb()}
    import reader.app.app  # noqa: F401

    figures["app"] = _rss_mb()
    import reader.cleaning  # noqa: F401
    import reader.pipeline  # noqa: F401
    import summaries.analysis  # noqa: F401

    figures["engine"] = _rss_mb()
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="bbc-summary folder (articles/<category>/*.txt) for the 1,000-article library")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--only", choices=("speed", "memory", "long"), help="run one part")
    parser.add_argument("--paths", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    parser.add_argument("--first-paint-child", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--import-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
    elif args.first_paint_child:
        first_paint_child(args.first_paint_child, args.paths)
    elif args.import_child:
        import_child()
    else:
        if args.only in (None, "speed"):
            speed(args.runs)
        if args.only in (None, "memory"):
            memory(args.articles, args.data)
        if args.only in (None, "long") and args.data:
            long_document(args.data, args.runs)


if __name__ == "__main__":
    main()
