"""Faults: a process killed in the middle of an import, and two processes adding to one
library at once. Every article is in whole or not at all, and the file stays sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from library_support import write_articles

ROOT = Path(__file__).resolve().parents[2]

# The child imports articles one input at a time; inside each transaction (after the
# input row is written, before its articles are) it says so and lingers, so the kill
# lands while a transaction is open.
CHILD = textwrap.dedent(
    """
    import sys, time
    from reader.library import store
    from reader.library.importer import import_sources, sources_from_paths
    from reader.library.location import open_library

    original = store.Library._input_id
    def slow_input_id(self, db, new):
        found = original(self, db, new)
        print("in-transaction", flush=True)
        time.sleep(0.05)
        return found
    store.Library._input_id = slow_input_id
    library = open_library(sys.argv[1])
    for outcome in import_sources(library, sources_from_paths(sys.argv[2:]), analyse=True, workers=0):
        print("stored", flush=True)
    print("finished", flush=True)
    """
)


def _integrity(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("INSERT INTO search(search) VALUES ('integrity-check')")  # raises if the index is out of step
    counts = {
        "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "inputs": db.execute("SELECT count(*) FROM inputs").fetchone()[0],
        "analyses": db.execute("SELECT count(*) FROM analyses").fetchone()[0],
        "orphan inputs": db.execute("SELECT count(*) FROM inputs WHERE id NOT IN (SELECT input_id FROM articles)").fetchone()[0],
        "unanalysed": db.execute("SELECT count(*) FROM articles WHERE content_hash NOT IN (SELECT content_hash FROM analyses)").fetchone()[0],
        "indexed": db.execute("SELECT count(*) FROM search WHERE search MATCH 'harbour'").fetchone()[0],
    }
    db.close()
    return counts


def test_a_kill_in_the_middle_of_an_import_leaves_every_article_whole(tmp_path):
    paths = write_articles(tmp_path / "in", 40)
    library = tmp_path / "library.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library), *map(str, paths)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "READER_DATA_DIR": "off"},
    )
    assert child.stdout is not None
    transactions = 0
    for line in child.stdout:
        if line.strip() == "in-transaction":
            transactions += 1
            if transactions == 6:  # five inputs stored, the sixth half-written
                os.kill(child.pid, signal.SIGKILL)
                break
    child.wait()
    assert child.returncode == -signal.SIGKILL
    counts = _integrity(library)
    assert counts["articles"] == counts["inputs"] == counts["analyses"] == counts["indexed"] == 5
    assert counts["orphan inputs"] == counts["unanalysed"] == 0


def test_two_processes_adding_to_one_library_at_once_both_finish(tmp_path):
    library = tmp_path / "library.sqlite3"
    first = write_articles(tmp_path / "first", 25, prefix="First")
    second = write_articles(tmp_path / "second", 25, prefix="Second")
    env = {**os.environ, "READER_DATA_DIR": "off"}
    command = [sys.executable, "-m", "reader", "add", "--no-analyse", "--jobs", "1", "--library", str(library)]
    runs = [
        subprocess.Popen([*command, str(folder)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (first[0].parent, second[0].parent)
    ]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    counts = _integrity(library)
    assert counts["articles"] == counts["inputs"] == counts["indexed"] == 50
    added = [line for out, _ in results for line in out.splitlines()]
    assert len(added) == 50  # each article reported once, by the process that added it


# Opens the library at the moment given (all processes at once), then closes it.
OPEN = textwrap.dedent(
    """
    import sys, time
    from reader.library.store import Library
    time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
    Library(sys.argv[1]).close()
    """
)


def test_processes_creating_one_new_library_at_once_all_open_it(tmp_path):
    # The first to create the file is mid-way (switching to WAL, writing its tables)
    # while the others open it: they wait for it, none is told the file is busy or
    # is another program's database.
    env = {**os.environ, "READER_DATA_DIR": "off"}
    for round_ in range(8):
        library = tmp_path / f"library-{round_}.sqlite3"
        at = str(time.time() + 1.5)  # after every process has started
        runs = [
            subprocess.Popen([sys.executable, "-c", OPEN, str(library), at], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
        assert _integrity(library)["articles"] == 0
