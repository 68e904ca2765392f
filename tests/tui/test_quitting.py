"""Quitting is immediate, even while an analysis is still running on a worker thread."""

from __future__ import annotations

import subprocess
import sys
import time

SCRIPT = """
import sys, threading, time
from summaries import analysis

started = threading.Event()

def endless_summary(result):
    started.set()
    time.sleep(120)  # an analysis that outlasts the reader

analysis.COMPUTE["summary"] = endless_summary
from reader.app.app import ReaderApp

app = ReaderApp([sys.argv[1]])
app.call_later(lambda: app.set_interval(0.05, lambda: started.is_set() and app.exit()))
app.run(headless=True)
"""


def test_quit_during_an_analysis_ends_the_process_at_once(seed_paths):
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, seed_paths[1]], capture_output=True, text=True, timeout=60, env={"READER_DATA_DIR": "off", "PATH": "/usr/bin:/bin"}
    )
    assert done.returncode == 0, done.stderr
    # Imports and loading take a few seconds on a busy machine; the analysis would take 120.
    assert time.monotonic() - began < 30
