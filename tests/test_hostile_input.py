"""Hostile input, end to end: the real CLI on bad inputs generated at run time, each
beside a good article (issue 15).

For every case: the exit status, one line on stderr naming the bad input, the good
article still printed, no terminal control character (ESC, BEL, CSI U+009B, OSC
U+009D) in the decoded output of any format, and no text lost in silence.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.cleaning import clean, duplicates
from reader.ingest import Document

GOOD = (
    "Council approves riverside park\n\n"
    "The city council voted on Tuesday to expand the riverside park by twelve hectares, officials said.\n\n"
    "Residents who had campaigned for the park for a decade welcomed the decision at the meeting.\n"
)
GOOD_SENTENCE = "The city council voted on Tuesday to expand the riverside park by twelve hectares"
BODY = (
    "Flood defences along the estuary will be rebuilt before the winter storms, the agency said on Monday.\n\n"
    "Engineers expect the work to take eight months and to cost about four million pounds.\n"
)
BODY_SENTENCES = ("Flood defences along the estuary will be rebuilt", "Engineers expect the work to take eight months")
CONTROLS = ("\x1b", "\x07", "\x9b", "\x9d")  # decoded characters: the UTF-8 of "␛" holds the byte 0x9b
FORMATS = ("text", "markdown", "json", "jsonl")
_SPEC = importlib.util.spec_from_file_location("hostile_shapes", Path(__file__).resolve().parents[1] / "benchmarks" / "hostile.py")
hostile_shapes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(hostile_shapes)
ENV = {**os.environ, "READER_DATA_DIR": "off", "PYTHONIOENCODING": "utf-8"}


@dataclass(frozen=True)
class Case:
    name: str
    files: dict  # file name -> bytes, or "fifo", "dir", ("symlink", target)
    status: int  # exit status beside the good article
    errors: tuple[str, ...] = ()  # the start of each stderr line after "reader: error: <path>: "
    kept: tuple[str, ...] = BODY_SENTENCES  # text that must be in the output


def _deep_html(depth: int) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Deep</title></head><body>" + "<div>" * depth
        + "".join(f"<p>{paragraph}</p>" for paragraph in BODY.split("\n\n")) + "</div>" * depth + "</body></html>"
    ).encode()


def _rss(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>City</title>{items}</channel></rss>'.encode()


FIRST, SECOND = BODY.strip().split("\n\n")
CASES = [
    Case("escapes.txt", {"escapes.txt": ("\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1b]0;TITLE\x07" + BODY).encode()}, 0),
    Case("unterminated-osc.txt", {"unterminated-osc.txt": ("\x1b]52;c;aGVsbG8=\n" + BODY).encode()}, 0),
    Case("c1-controls.txt", {"c1-controls.txt": ("\u009b2J\u009d0;TITLE\u0007\n" + BODY + "Tail \u009b31mred\u009b0m.\n").encode()}, 0),
    Case("name\x1b]0;pwned\x07\u009b2J.txt", {"name\x1b]0;pwned\x07\u009b2J.txt": BODY.encode()}, 0),
    Case("utf16-le.txt", {"utf16-le.txt": BODY.encode("utf-16-le")}, 0),
    Case("utf16-be.txt", {"utf16-be.txt": BODY.encode("utf-16-be")}, 0),
    Case("latin1.txt", {"latin1.txt": (BODY + "It cost \u00a3400.\n").encode("latin-1")}, 0),
    Case("deep.html", {"deep.html": _deep_html(5000)}, 0),
    Case(
        "mixed.rss",
        {"mixed.rss": _rss(
            f"<item><title>Estuary</title><description>{FIRST}&lt;ul&gt;&lt;li&gt;A list item&lt;/li&gt;&lt;/ul&gt;"
            f"&lt;p&gt;{SECOND}&lt;/p&gt;Text after every block.</description></item>"
        )},
        0,
        kept=BODY_SENTENCES + ("A list item", "Text after every block."),
    ),
    Case(
        "cdata.rss",
        {"cdata.rss": _rss("<item><title>Estuary</title><description><![CDATA[" + "".join(f"<p>{p}</p>" for p in (FIRST, SECOND)))[
            : -len("</channel></rss>")
        ]},
        0,
    ),
    Case("empty-entries.rss", {"empty-entries.rss": _rss("<item><title> </title></item><item></item>")}, 2,
         ("feed: all 2 entries have no title and no text",), kept=()),
    Case("fifo.txt", {"fifo.txt": "fifo"}, 2, ("is a FIFO (named pipe), not a regular file",), kept=()),
    Case(
        "dir",
        {"dir": "dir", "dir/a.txt": BODY.encode(), "dir/pipe.txt": "fifo", "dir/broken.txt": ("symlink", "missing.txt"),
         "dir/loop.txt": ("symlink", "loop.txt")},
        2,
        ("broken symbolic link", "symbolic link loop", "is a FIFO (named pipe)"),
    ),
    Case("empty-dir", {"empty-dir": "dir"}, 2, ("directory holds no article files",), kept=()),
    Case("binary.txt", {"binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10}, 2, ("binary file",), kept=()),
]


def _make(root: Path, case: Case) -> Path:
    for relative, content in case.files.items():
        path = root / relative
        if content == "dir":
            path.mkdir()
        elif content == "fifo":
            os.mkfifo(path)
        elif isinstance(content, tuple):
            path.symlink_to(content[1])
        else:
            path.write_bytes(content)
    return root / case.name


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "good.txt").write_text(GOOD)
    made = {"good.txt": root / "good.txt"}
    for case in CASES:
        made[case.name] = _make(root, case)
    return made


def run_reader(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real CLI in a child process; a hang fails the test at `timeout` instead of stalling the run."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, timeout=timeout, env=ENV,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )
    result.stdout, result.stderr = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    return result


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name.encode("unicode_escape").decode())
def test_each_bad_input_beside_a_good_article(case, inputs):
    result = run_reader("clean", "--format", "json", "--show-removed", str(inputs["good.txt"]), str(inputs[case.name]))
    assert result.returncode == case.status, result.stderr
    errors = result.stderr.splitlines()  # one line per bad input, nothing else
    assert len(errors) == len(case.errors)
    for line, expected in zip(errors, case.errors, strict=True):
        assert line.startswith(f"reader: error: {inputs[case.name]}") and f": {expected}" in line, line
    articles = json.loads(result.stdout)["articles"]
    assert any(GOOD_SENTENCE in article["text"] for article in articles)  # the good file is still read
    text = "\n".join(f"{a['title']}\n{a['text']}" for a in articles)
    for kept in case.kept:
        assert kept in text, kept  # nothing lost in silence
    assert not any(ch in result.stdout + result.stderr for ch in CONTROLS)


@pytest.mark.parametrize("command", ["clean", "summarize", "sources", "sections"])
@pytest.mark.parametrize("output_format", FORMATS)
def test_no_terminal_control_reaches_stdout_or_stderr_in_any_format(command, output_format, inputs):
    paths = [str(inputs["good.txt"])] + [str(inputs[case.name]) for case in CASES]
    extra = ["--show-removed"] if command == "clean" else []
    result = run_reader(command, "--format", output_format, *extra, *paths)
    assert result.returncode == 2 and "Council approves riverside park" in result.stdout  # the good article
    for ch in CONTROLS:
        assert ch not in result.stdout and ch not in result.stderr, (repr(ch), command, output_format)
    # Each bad input gets its one line; nothing else is written to stderr.
    assert len(result.stderr.splitlines()) == sum(len(case.errors) for case in CASES)


def test_a_fifo_given_directly_is_refused_at_once(inputs):
    result = run_reader("clean", str(inputs["fifo.txt"]), str(inputs["good.txt"]), timeout=30)
    assert result.returncode == 2 and GOOD_SENTENCE in result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith(f"reader: error: {inputs['fifo.txt']}: is a FIFO (named pipe), not a regular file")


@pytest.mark.parametrize(
    "data, status, expected_stderr",
    [
        ("The minister said taxes will cost \u00a3400 more.\n".encode("latin-1"), 0,
         "reader: note: <stdin>: not valid UTF-8 (first bad byte at 34); decoded as cp1252"),
        ("The minister said taxes will rise.\n".encode("utf-16-le"), 0,
         "reader: note: <stdin>: decoded as UTF-16 LE (no byte-order mark; told by its NUL bytes)"),
        (b"The minister said taxes will rise. " * 600_000, 2,
         "reader: error: <stdin>: input is over the 5,242,880-byte limit (see --max-bytes)"),
        ("Evil \u009b2J\u009d0;T\u0007 text said the minister.\n".encode(), 0, ""),
    ],
    ids=["latin-1", "utf-16", "20-mb", "c1"],
)
def test_stance_reads_stdin_as_files_are_read(data, status, expected_stderr):
    result = run_reader("stance", stdin=data)
    assert result.returncode == status and result.stderr.strip() == expected_stderr
    assert "Traceback" not in result.stderr
    if status == 0:
        [record] = [json.loads(line) for line in result.stdout.splitlines()]
        assert "minister" in record["sentence"]
    assert not any(ch in result.stdout + result.stderr for ch in CONTROLS)


# ---------------------------------------------------------------- linear cleaning

# Sizes where the quadratic scans took over a minute each (they tokenised each character
# about 2,000 times); counted, not timed, so a regression fails however fast the machine.


@pytest.fixture
def tokenised(monkeypatch) -> list[int]:
    """Characters the duplicate scans tokenise, call by call."""
    counts: list[int] = []
    for name in ("word_list", "cased_words"):
        original = getattr(duplicates, name)

        def counting(text: str, original=original) -> list[str]:
            counts.append(len(text))
            return original(text)

        monkeypatch.setattr(duplicates, name, counting)
    return counts


@pytest.mark.parametrize(
    "raw", [hostile_shapes.short_paragraphs(4_000), hostile_shapes.one_long_line(200_000)], ids=["4000-paragraphs", "200kb-line"]
)
def test_duplicate_scans_read_each_character_a_bounded_number_of_times(raw, tokenised):
    articles = clean(Document("big.txt", raw, "utf-8"))
    assert articles and sum(tokenised) <= 5 * len(raw)
