"""Many inputs: a process pool or a Dask cluster gives the same output, in input order, streamed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.pipeline import article_objects
from reader.seeds import bundled_seed_paths

ARTICLE = (
    "Council approves budget {n}\n\nThe council approved a new budget for buses on Monday, number {n}. "
    "Drivers welcomed the extra spending on routes. \"It is long overdue,\" said union leader Ann Marsh. "
    "The mayor said the plan starts in May.\n"
)


def _reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, check=False)


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    for n in range(6):
        (tmp_path / f"{n:02}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    (tmp_path / "03b-binary.txt").write_bytes(b"\x00\x01\x02" * 100)  # unreadable, in the middle
    return [*bundled_seed_paths(), str(tmp_path)]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text", "markdown"])
def test_two_processes_write_exactly_what_one_writes(inputs, fmt):
    one = _reader("summarize", *inputs, "--format", fmt, "--jobs", "1")
    two = _reader("summarize", *inputs, "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 2  # the binary file
    assert two.stdout == one.stdout and two.stderr == one.stderr
    assert two.stderr.decode().count("reader: error:") == 1 and b"03b-binary.txt" in two.stderr


def test_output_streams_before_the_last_input_is_read(inputs):
    """The last input is standard input, held open: the first articles must arrive first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "sources", *inputs, "-", "--format", "jsonl", "--jobs", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = json.loads(process.stdout.readline())
        assert first["file"] == inputs[0]
        process.stdin.write(ARTICLE.format(n=99).encode())
        process.stdin.close()
        rest = process.stdout.read().decode().splitlines()
        assert json.loads(rest[-1])["file"] == "<stdin>"
    finally:
        process.kill()
        process.wait()


def test_the_plain_function_gives_the_article_objects_and_errors_as_objects(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE.format(n=1), encoding="utf-8")
    from_path = article_objects(str(path), ("summary", "sources"))
    from_text = article_objects(ARTICLE.format(n=1), ("summary", "sources"), text=True, name=str(path))
    assert from_path == from_text and from_path[0]["summary"] and from_path[0]["sources"]
    assert article_objects(str(tmp_path / "missing.txt")) == [{"file": str(tmp_path / "missing.txt"), "error": "no such file"}]


@pytest.mark.slow
def test_a_local_dask_cluster_gives_the_output_of_one_process(inputs):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        on_cluster = _reader("sections", *inputs, "--format", "jsonl", "--scheduler", cluster.scheduler_address)
        # The plain function, mapped by dask.bag over the same files, as the README shows.
        import dask.bag

        seeds = [path for path in inputs if path.endswith(".txt")]
        with distributed.Client(cluster):
            mapped = dask.bag.from_sequence(seeds, npartitions=2).map(article_objects, ("stance",)).flatten().compute()
    here = _reader("sections", *inputs, "--format", "jsonl", "--jobs", "1")
    assert on_cluster.returncode == here.returncode == 2
    assert on_cluster.stdout == here.stdout and on_cluster.stderr == here.stderr
    assert mapped == [obj for path in seeds for obj in article_objects(path, ("stance",))]
