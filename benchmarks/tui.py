"""How fast the reader feels: first paint, article switch, jump, and memory at scale.

    .venv/bin/python benchmarks/tui.py [--data ../shared/eval/bbc-summary] [--runs 5] [--articles 1000]

Drives the app headless with Textual's Pilot (terminal 160x50):
- first paint: from starting the app on the bundled seeds until the first article
  and its summary are on screen (loaded, analysed, drawn);
- switch: `n` to the next article until it and its summary are drawn;
- jump: one `down` in the summary until the article has scrolled to and drawn the
  highlighted sentence;
each as the median over the runs: wall time from the key press until the screen
has been refreshed, and the UI thread's CPU time in the same interval (the wall
time includes Pilot's own waiting; its peer, Pilot pressing an unbound key, is
reported beside them).
- memory: peak resident set size of a separate process that opens `--articles`
  files (BBC articles from --data when given, else copies of the seeds), waits
  until every file is listed and the first article is analysed, and jumps once.
Targets (issue 4): first paint < 1 s, switch and jump < 50 ms, memory < 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.app.app import ReaderApp  # noqa: E402
from reader.seeds import bundled_seed_paths  # noqa: E402

SIZE = (160, 50)
POLL = 0.002


async def _until(condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not reach the expected state")
        await asyncio.sleep(POLL)


def _drawn(app: ReaderApp) -> bool:
    """The current article's analysis is shown and the screen has been composited since."""
    screen = app.screen
    return getattr(screen, "analysis", None) is not None and bool(screen.summary_list.items)


async def measure_once(paths: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    app = ReaderApp(paths=paths)
    app.animation_level = "none"
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await _until(lambda: _drawn(app))
        await pilot.pause()  # one full refresh with the analysis on screen
        figures["first_paint"] = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()

        t = time.perf_counter()
        await pilot.press("f12")  # an unbound key: what Pilot itself costs per key
        figures["pilot_overhead"] = time.perf_counter() - t

        screen = app.screen
        switches = []
        for _ in range(len(screen.articles) - 1):
            await app.workers.wait_for_complete()  # the prefetch of the next article
            await pilot.pause()
            target = screen.current + 1
            t, cpu = time.perf_counter(), time.thread_time()
            await pilot.press("n")
            await _until(lambda: screen.current == target and _drawn(app) and screen.analysis.article is screen.articles[target])
            await pilot.pause()
            switches.append((time.perf_counter() - t, time.thread_time() - cpu))
        figures["switch"] = statistics.median(w for w, _ in switches)
        figures["switch_cpu"] = statistics.median(c for _, c in switches)

        screen.open_article(0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.summary_list.focus()
        await pilot.pause()
        jumps = []
        for index in range(1, min(len(screen.summary_list.items), 8)):
            sentence = screen.summary_list.items[index].sentence
            t, cpu = time.perf_counter(), time.thread_time()
            await pilot.press("down")
            await _until(lambda: screen.view.cursor == sentence)
            await pilot.pause()
            jumps.append((time.perf_counter() - t, time.thread_time() - cpu))
        figures["jump"] = statistics.median(w for w, _ in jumps)
        figures["jump_cpu"] = statistics.median(c for _, c in jumps)
    return figures


def speed(runs: int) -> None:
    seeds = bundled_seed_paths()
    results = [asyncio.run(measure_once(seeds)) for _ in range(runs)]
    overhead = statistics.median(r["pilot_overhead"] for r in results)
    print(f"seeds: {len(seeds)} files, {runs} runs, terminal {SIZE[0]}x{SIZE[1]}")
    for name, target in (("first_paint", 1.0), ("switch", 0.05), ("jump", 0.05)):
        values = [r[name] for r in results]
        median = statistics.median(values)
        verdict = "ok" if median < target else "OVER"
        print(f"  {name:12s} median {median * 1000:8.1f} ms  (min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}; target < {target * 1000:.0f} ms: {verdict})")
    for name in ("switch_cpu", "jump_cpu"):
        print(f"  {name:12s} median {statistics.median(r[name] for r in results) * 1000:8.1f} ms  (UI-thread CPU time of the same interval)")
    print(f"  {'peer':12s} median {overhead * 1000:8.1f} ms  (Pilot pressing an unbound key: its own cost, included above)")


def make_library(directory: Path, count: int, data: Path | None) -> None:
    sources = sorted((data / "articles").rglob("*.txt")) if data else []
    sources = sources or [Path(p) for p in bundled_seed_paths()]
    for number in range(count):
        source = sources[number % len(sources)]
        shutil.copyfile(source, directory / f"{number:04d}_{source.parent.name}_{source.name}")


async def open_library(directory: str) -> dict[str, float]:
    started = time.perf_counter()
    app = ReaderApp(paths=[directory])
    app.animation_level = "none"
    figures: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await _until(lambda: bool(getattr(app.screen, "articles", None)))
        await pilot.pause()
        figures["list_shown"] = time.perf_counter() - started
        screen = app.screen
        await _until(lambda: screen.total_files and screen.loaded_files >= screen.total_files, timeout=600)
        figures["all_listed"] = time.perf_counter() - started
        figures["articles"] = len(screen.articles)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def memory(count: int, data: Path | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        make_library(Path(directory), count, data)
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", directory], capture_output=True, text=True, check=True
        )
    figures = dict(line.split("=", 1) for line in child.stdout.split())
    peak = float(figures["peak_rss_mb"])
    baseline = float(figures["baseline_rss_mb"])
    print(f"library: {count} files ({'BBC articles from ' + str(data) if data else 'copies of the seeds'})")
    print(f"  list shown after  {float(figures['list_shown']) * 1000:8.1f} ms; all {figures['articles']} articles listed after {float(figures['all_listed']):.2f} s")
    verdict = "ok" if peak < 200 else "OVER"
    print(f"  peak RSS          {peak:8.1f} MB  (target < 200 MB: {verdict}); the same app on the 4 seeds: {baseline:.1f} MB")


def memory_child(directory: str) -> None:
    baseline = subprocess.run(
        [sys.executable, __file__, "--baseline-child"], capture_output=True, text=True, check=True
    ).stdout.strip()
    figures = asyncio.run(open_library(directory))
    figures["baseline_rss_mb"] = float(baseline)
    print(" ".join(f"{key}={value}" for key, value in figures.items()))


def baseline_child() -> None:
    asyncio.run(measure_once(bundled_seed_paths()))
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="bbc-summary folder (articles/<category>/*.txt) for the 1,000-article library")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
    elif args.baseline_child:
        baseline_child()
    else:
        speed(args.runs)
        memory(args.articles, args.data)


if __name__ == "__main__":
    main()
