"""No control sequence from the input reaches the terminal through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.terminal import json_safe, screen_text, terminal_safe

HOSTILE = "\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1b]0;TITLE\x07\x9b31m\x9d0;x\x07"
# As characters of the decoded output: in UTF-8 the bytes 0x9b/0x9d also occur inside
# ordinary characters (the picture ␛ is E2 90 9B), which no terminal reads as C1.
DANGEROUS = ("\x1b", "\x07", "\x9b", "\x9d")


def test_sanitisers_keep_length_and_show_every_control():
    text = "a\tb\nc" + HOSTILE + "\x7f"
    for safe in (terminal_safe(text), screen_text(text)):
        assert len(safe) == len(text)
        assert not any(0 < ord(ch) < 32 and ch not in "\t\n" for ch in safe)
        assert not any(0x7F <= ord(ch) <= 0x9F for ch in safe)
    assert "\t" in terminal_safe(text) and "\t" not in screen_text(text)
    assert terminal_safe("plain text") == "plain text"


def test_json_escapes_c1_controls_and_keeps_their_value():
    dumped = json_safe(json.dumps({"t": "x\x9by\x7f"}, ensure_ascii=False))
    assert "\x9b" not in dumped and json.loads(dumped) == {"t": "x\x9by\x7f"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "jsonl"])
def test_escapes_in_text_removed_text_and_file_names_never_reach_the_terminal(tmp_path: Path, fmt: str):
    article = tmp_path / "good\x1b]0;pwned\x07.txt"
    article.write_text(HOSTILE + "The council met on Monday. The mayor said the plan would cut costs.\n", encoding="utf-8")
    missing = tmp_path / "gone\x1b[2J.txt"
    done = subprocess.run(
        [sys.executable, "-m", "reader", "clean", str(article), str(missing), "--show-removed", "--format", fmt],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2  # the missing file
    for stream in (done.stdout.decode("utf-8"), done.stderr.decode("utf-8")):
        assert not any(control in stream for control in DANGEROUS)
    assert b"The mayor said" in done.stdout and b"gone" in done.stderr


def test_argument_errors_quote_values_safely():
    done = subprocess.run(
        [sys.executable, "-m", "reader", "summarize", "--algorithm", "\x1b[2Jx"], capture_output=True, check=False
    )
    assert done.returncode == 2 and b"invalid choice" in done.stderr
    assert b"\x1b" not in done.stderr
