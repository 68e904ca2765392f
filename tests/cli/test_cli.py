"""The command line as scripts and editors use it: formats, schema, exit codes."""

import io
import json
import subprocess
import sys

import pytest

from reader.cli import main
from reader.seeds import bundled_seed_paths

ARTICLE = "Council approves park plan\n\nThe council voted on Tuesday to expand the park. Residents welcomed it.\n\nThe mayor said the work starts in May.\n"


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "park.txt"
    path.write_text(ARTICLE)
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_json_has_the_documented_article_schema(capsys, article_file):
    code, out, _ = run(capsys, "clean", "--format", "json", str(article_file))
    assert code == 0
    doc = json.loads(out)
    (article,) = doc["articles"]
    assert set(article) >= {"file", "index", "title", "byline", "date", "label", "text", "paragraphs", "sentences", "removed"}
    for key in ("paragraphs", "sentences"):
        for span in article[key]:
            assert set(span) >= {"start", "end", "raw_start", "raw_end"}
            assert article["text"][span["start"] : span["end"]].strip()


def test_jsonl_writes_one_article_object_per_line(capsys):
    code, out, _ = run(capsys, "clean", "--format", "jsonl", *bundled_seed_paths())
    lines = out.splitlines()
    assert code == 0 and len(lines) >= len(bundled_seed_paths())
    assert all(isinstance(json.loads(line)["text"], str) for line in lines)


def test_bad_file_gives_one_line_error_exit_2_and_other_files_still_processed(capsys, tmp_path, article_file):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(capsys, "clean", "--format", "jsonl", str(empty), str(binary), str(article_file))
    assert code == 2
    errors = err.strip().splitlines()
    assert len(errors) == 2
    assert str(empty) in errors[0] and str(binary) in errors[1]
    assert len(out.splitlines()) == 1 and "council voted" in out


def test_summarize_items_are_exact_spans_of_the_text(capsys):
    code, out, _ = run(capsys, "summarize", "--format", "json", *bundled_seed_paths())
    assert code == 0
    for article in json.loads(out)["articles"]:
        for item in article["summary"]:
            assert item["text"] == article["text"][item["start"] : item["end"]]
            assert set(item) >= {"raw_start", "raw_end", "paragraph", "sentence", "score", "attribution"}


SUBJECTS = "mayor council union police teachers farmers bankers doctors nurses pilots judges miners sailors bakers drivers artists builders chemists coaches critics dancers editors fishermen gardeners hunters janitors lawyers merchants painters plumbers".split()
VERBS = "approved rejected debated delayed funded praised blocked reviewed signed opposed backed revised questioned cancelled extended audited announced criticised welcomed proposed defended attacked studied ignored delivered launched paused drafted endorsed vetoed".split()
OBJECTS = "budget bridge harbour railway hospital library stadium museum market school airport tunnel reservoir theatre clinic archive pipeline factory orchard highway canal station prison college garden shelter warehouse laboratory lighthouse observatory".split()


def test_summary_length_options(capsys, tmp_path):
    path = tmp_path / "long.txt"
    sentences = [f"The {s} {v} the {o} plan." for s, v, o in zip(SUBJECTS, VERBS, OBJECTS, strict=True)]
    path.write_text("Council business\n\n" + " ".join(sentences) + "\n")
    _, out, _ = run(capsys, "summarize", "--format", "json", "--sentences", "4", str(path))
    assert len(json.loads(out)["articles"][0]["summary"]) == 4
    _, out, _ = run(capsys, "summarize", "--format", "json", "--ratio", "0.5", str(path))
    article = json.loads(out)["articles"][0]
    assert len(article["summary"]) == round(0.5 * len(article["sentences"]))


def test_markdown_summary_comes_first_with_links_to_paragraph_anchors(capsys, article_file):
    _, out, _ = run(capsys, "summarize", "--format", "markdown", str(article_file))
    summary_at = out.index("## Summary")
    article_at = out.index("## Article")
    assert summary_at < article_at
    link = out[summary_at:article_at].split("](#", 1)[1].split(")", 1)[0]
    assert f'<a id="{link}"></a>' in out[article_at:]


def test_text_output_marks_citations_with_paragraph_numbers(capsys, article_file):
    _, out, _ = run(capsys, "summarize", str(article_file))
    assert "[¶2]" in out


def test_stdin_dash_reads_an_article(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code, out, _ = run(capsys, "clean", "--format", "jsonl", "-")
    assert code == 0 and json.loads(out)["file"] == "<stdin>"


def test_markup_in_article_text_is_output_verbatim(capsys, tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text("Markup test\n\nThe page said [bold]hello[/bold] and [@click=app.quit]bye[/] today.\n")
    _, out, _ = run(capsys, "clean", "--format", "json", str(path))
    assert "[bold]hello[/bold]" in json.loads(out)["articles"][0]["text"]


def test_stance_reads_sentences_from_stdin_and_writes_json_lines(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The West should wake up now.\n\nThe council met on May 3.\n")))
    code, out, _ = run(capsys, "stance")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 2
    assert all(set(r) == {"sentence", "label", "score", "cues"} for r in records)
    assert all(r["label"] in ("opinion", "reporting") and 0 <= r["score"] <= 1 for r in records)


def test_console_entry_point_runs_as_python_dash_m(article_file):
    result = subprocess.run(
        [sys.executable, "-m", "reader", "clean", "--format", "jsonl", str(article_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["index"] == 0


def test_output_to_a_closed_pipe_is_not_an_error(tmp_path):
    shell = f"{sys.executable} -m reader clean {' '.join(bundled_seed_paths())} | head -n 1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True)
    assert "Traceback" not in result.stderr


def test_progress_bar_goes_to_a_terminal_stderr_and_never_into_the_output(tmp_path):
    # `reader summarize DIR > out.jsonl` on a terminal: the bar is drawn on stderr and
    # the file holds the JSON lines only (the bar once wrote a blank line into it).
    import os
    import pty

    from reader.commands.common import PROGRESS_MIN_FILES

    for i in range(PROGRESS_MIN_FILES):
        (tmp_path / f"{i:02}.txt").write_text(
            f"Council approves budget {i}\n\nThe council approved a new budget for buses on Monday. "
            "Drivers welcomed the extra spending on routes. The mayor said the plan starts in May.\n",
            encoding="utf-8",
        )
    terminal, terminal_end = pty.openpty()
    env = {**os.environ, "READER_DATA_DIR": "off", "COLUMNS": "80", "TERM": "xterm-256color"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "summarize", str(tmp_path), "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=terminal_end,
        env=env,
        check=True,
    )
    os.close(terminal_end)
    drawn = b""
    while True:
        try:
            chunk = os.read(terminal, 65536)
        except OSError:  # the other end is closed and everything read
            break
        if not chunk:
            break
        drawn += chunk
    os.close(terminal)
    lines = result.stdout.decode().splitlines()
    assert len(lines) == PROGRESS_MIN_FILES and all(json.loads(line)["summary"] for line in lines)
    assert b"analysing" in drawn
