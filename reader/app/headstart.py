"""The first article, cleaned and summarised by a second process while the UI starts.

A cold start spends about half a second importing and starting Textual, and about
as long importing the cleaning and summary engine, cleaning the first file and
summarising its first article. Both are CPU work in Python, so a thread cannot
overlap them (one interpreter lock); a second process can, on another core.

`HeadStart.begin` starts that process on the first input document. It does exactly
what the app would (`pipeline.load_articles`, then the summary of the first
article's `Analysis`) and writes the result to a pipe, pickled. The app takes it when the
document it reads itself is the same one, and otherwise (stdin input, no second
process, a failure, a timeout) does the work itself as before.

On Linux, while this process still has a single thread (as when `reader` starts), the
second process is a fork: it begins with everything imported so far. Elsewhere it is
a fresh interpreter (`python -m reader.app.headstart`). This module imports nothing
heavy: it runs before the UI's imports.
"""

from __future__ import annotations

import os
import pickle
import select
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from reader.ingest import Document
    from summaries.analysis import Analysis
    from summaries.model import Article

Made = tuple["Document", list["Article"], "Analysis | None"]

# A head start pays off for an ordinary article: its summary is ready by the time the
# UI is. A long document would keep the UI waiting for the whole analysis before its
# text is even listed; the app shows its text first and analyses it in a worker.
HEAD_START_MAX_BYTES = 256 * 1024


class FirstDocument(NamedTuple):
    document: Document
    articles: list[Article]
    analysis: Analysis | None  # of articles[0], its summary computed (algorithm, default length)
    algorithm: str


class _Process(Protocol):
    def poll(self) -> int | None: ...
    def wait(self, timeout: float | None = None) -> int: ...
    def kill(self) -> None: ...


class HeadStart:
    """A running head-start process; `result()` collects what it made, once."""

    def __init__(self, process: _Process, output: int, algorithm: str) -> None:
        self.process = process
        self._output = output  # read end of the pipe the result arrives on
        self._algorithm = algorithm
        self._collected = False  # the pipe is being (or has been) read: only result() closes it
        self._lock = threading.Lock()

    @classmethod
    def begin(cls, paths: list[str], algorithm: str, max_bytes: int) -> HeadStart | None:
        """Start on the first input; None when there is nothing a second process can read,
        or when the first input is a long document (see HEAD_START_MAX_BYTES)."""
        if not paths or paths[0] == "-" or _longer_than(paths[0], HEAD_START_MAX_BYTES):
            return None
        try:
            if _can_fork():
                process, output = _fork(paths[0], algorithm, max_bytes)
            else:
                process, output = _spawn(paths[0], algorithm, max_bytes)
        except OSError:
            return None
        return cls(process, output, algorithm)

    def result(self, timeout: float) -> FirstDocument | None:
        """Wait (at most `timeout` seconds) for the process; None if it made nothing usable."""
        with self._lock:
            if self._collected:
                return None
            self._collected = True
        # Unpickling needs these classes: importing them now overlaps the other process.
        import reader.ingest  # noqa: F401
        import summaries.analysis  # noqa: F401

        try:
            data = _read_until_closed(self._output, time.monotonic() + timeout)
        except OSError:
            data = None
        os.close(self._output)
        if data is None:  # too slow: stop it, and do the work in this process
            self.process.kill()
        if self.process.wait() != 0 or not data:
            return None
        try:
            document, articles, analysis = pickle.loads(data)
        except Exception:  # a truncated or foreign stream: do the work in-process instead
            return None
        return FirstDocument(document, articles, analysis, self._algorithm)

    def cancel(self) -> None:
        """Stop the process if it still runs (the app is closing, or never used it).

        A thread blocked in `result()` then sees the pipe close and returns None.
        """
        with self._lock:
            if not self._collected:  # nobody reads the pipe: close it here
                self._collected = True
                os.close(self._output)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def first_document(path: str, algorithm: str, max_bytes: int) -> Made | None:
    """What the app makes of the first input document: its articles, the first one summarised."""
    from reader.ingest import IngestError
    from reader.pipeline import analyse_document, load_articles
    from summaries.algorithms import ALGORITHMS
    from summaries.analysis import Options

    first = next(iter(load_articles([path], max_bytes=max_bytes)), None)
    if first is None or isinstance(first, IngestError):
        return None
    document, articles = first
    analysis = None
    if articles and algorithm in ALGORITHMS:
        analysis = analyse_document(document, articles[:1], Options(algorithm))[0].compute(("summary",))
    return document, articles, analysis


def _longer_than(path: str, size: int) -> bool:
    try:
        return os.stat(path).st_size > size
    except OSError:  # unreadable: the app reports it when it reads it
        return False


def _can_fork() -> bool:
    # A fork copies only the calling thread, so it is safe only while there is no
    # other; Linux only (macOS system libraries are not fork-safe).
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _fork(path: str, algorithm: str, max_bytes: int) -> tuple[_Process, int]:
    output, into = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.close(output)
            quiet = os.open(os.devnull, os.O_RDWR)
            for stream in (0, 1, 2):  # the terminal belongs to the UI
                os.dup2(quiet, stream)
            made = first_document(path, algorithm, max_bytes)
            if made is not None:
                _write_all(into, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
                status = 0
        finally:
            os._exit(status)  # no atexit handlers or buffers of the parent's
    os.close(into)
    return _Forked(pid), output


def _spawn(path: str, algorithm: str, max_bytes: int) -> tuple[_Process, int]:
    if not sys.executable:
        raise OSError("no Python interpreter to start")
    command = [sys.executable, "-m", __name__, algorithm, str(max_bytes), path]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    output = os.dup(process.stdout.fileno())
    process.stdout.close()
    return process, output


class _Forked:
    """A forked child, with the part of Popen's interface HeadStart uses (thread-safe)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._lock = threading.Lock()

    def poll(self) -> int | None:
        with self._lock:
            if self.returncode is None:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> None:
        with self._lock:
            if self.returncode is None:
                os.kill(self.pid, 9)


def _read_until_closed(fd: int, deadline: float) -> bytes | None:
    """Everything written to the pipe until its writer closed it; None at the deadline."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.close(fd)


def main(argv: list[str]) -> int:
    algorithm, max_bytes, path = argv
    output = os.dup(1)
    os.dup2(2, 1)  # only the pickle may reach the pipe: stray output goes to stderr
    sys.stdout = sys.stderr
    made = first_document(path, algorithm, int(max_bytes))
    if made is None:
        return 1
    _write_all(output, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
