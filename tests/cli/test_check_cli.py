"""`reader check ARTICLE SUMMARY`: formats, the JSON schema, exit codes and bad input."""

import io
import json

import pytest

from reader.cli import main
from reader.seeds import bundled_seed_paths

ARTICLE = (
    "Council approves park plan\n\n"
    "The city council voted on Tuesday to expand Riverside Park by 12 hectares. The plan will cost £4.5m, officials said.\n\n"
    "Opposition leader Tom Baker said the scheme was a waste of money.\n"
)
CLEAN = "The plan will cost £4.5m, officials said."
FLAGGED = "The plan will cost £5.5m, officials said. Football fans celebrated a late winning goal in the derby."


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "park.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def summary_file(tmp_path, content: str | bytes, name: str = "summary.txt"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_summary_exits_0_with_an_editors_note(capsys, tmp_path, article_file):
    code, out, err = run(capsys, "check", article_file, summary_file(tmp_path, CLEAN))
    assert code == 0 and err == ""
    assert "1 verbatim" in out and "[¶1]" in out


def test_flagged_summary_exits_1_and_says_why_in_plain_words(capsys, tmp_path, article_file):
    code, out, _ = run(capsys, "check", article_file, summary_file(tmp_path, FLAGGED))
    assert code == 1
    assert "number:" in out and "'£4.5m'" in out
    assert "unsupported: nothing in the article supports this" in out


def test_json_is_the_article_object_with_the_check(capsys, tmp_path, article_file):
    code, out, _ = run(capsys, "check", "--format", "json", article_file, summary_file(tmp_path, FLAGGED))
    assert code == 1
    document = json.loads(out)
    assert document["schema"] == 1
    (check,) = document["checks"]
    assert set(check) >= {"file", "index", "text", "paragraphs", "sentences", "summary_text", "claims", "report"}
    assert check["summary_text"] == FLAGGED
    for claim in check["claims"]:
        assert claim["text"] == FLAGGED[claim["start"] : claim["end"]]
        assert set(claim) == {"text", "start", "end", "status", "score", "support", "flags"}
        for support in claim["support"]:
            assert check["text"][support["start"] : support["end"]] in ARTICLE
    assert check["report"]["unsupported"] == 1 and check["report"]["flags"] == 2


def test_jsonl_is_one_check_per_line(capsys, tmp_path, article_file):
    code, out, _ = run(capsys, "check", "--format", "jsonl", article_file, summary_file(tmp_path, CLEAN))
    assert code == 0
    (line,) = out.splitlines()
    assert json.loads(line)["report"]["verbatim"] == 1


def test_markdown_lists_each_claim(capsys, tmp_path, article_file):
    code, out, _ = run(capsys, "check", "--format", "markdown", article_file, summary_file(tmp_path, FLAGGED))
    assert code == 1
    assert out.startswith("# Check: Council approves park plan")
    assert "1. **partial**" in out and "2. **unsupported**" in out


def test_summary_from_stdin(capsys, monkeypatch, article_file):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(CLEAN.encode())))
    code, out, _ = run(capsys, "check", article_file, "-")
    assert code == 0 and "verbatim" in out


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("   \n\n  ", "white space"),
        (b"\x00\x01\x02\x7fELF\x00\x00" * 200, "binary"),
        ("... ,,, !!!", "no words"),
        (ARTICLE * 3, "longer than the article"),
    ],
)
def test_bad_summary_is_a_clear_error_with_exit_2(capsys, tmp_path, article_file, content, message):
    code, out, err = run(capsys, "check", article_file, summary_file(tmp_path, content, "bad.txt"))
    assert code == 2 and out == ""
    assert err.startswith("reader: error:") and message in err
    assert "Traceback" not in err


def test_summary_in_another_language_is_all_unsupported(capsys, tmp_path, article_file):
    french = "Le conseil municipal a voté mardi pour agrandir le parc. Les travaux coûteront cher, selon les responsables."
    code, out, _ = run(capsys, "check", "--format", "json", article_file, summary_file(tmp_path, french))
    assert code == 1
    report = json.loads(out)["checks"][0]["report"]
    assert report["claims"] == report["unsupported"] == 2


def test_missing_files_and_bad_index_exit_2(capsys, tmp_path, article_file):
    code, _, err = run(capsys, "check", article_file, tmp_path / "nope.txt")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "check", tmp_path / "nope.txt", summary_file(tmp_path, CLEAN))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "check", "--index", "3", article_file, summary_file(tmp_path, CLEAN))
    assert code == 2 and "--index 3 is out of range" in err
    code, _, err = run(capsys, "check", "-", "-")
    assert code == 2 and "both" in err


def test_control_characters_in_the_summary_never_reach_the_terminal(capsys, tmp_path, article_file):
    code, out, _ = run(capsys, "check", article_file, summary_file(tmp_path, "The plan \x1b]52;c;aGk=\x07will cost £9m."))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "␛" in out


def test_reader_check_option_refuses_an_unreadable_summary_before_opening_the_reader(capsys, tmp_path, article_file):
    code, out, err = run(capsys, article_file, "--check", summary_file(tmp_path, "", "empty.txt"))
    assert code == 2 and out == "" and "empty" in err
    code, _, err = run(capsys, article_file, "--check", summary_file(tmp_path, b"\x00\x01ELF\x00" * 300, "bin.dat"))
    assert code == 2 and "binary" in err


def test_reader_check_option_needs_the_article(capsys, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        main(["--check", summary_file(tmp_path, CLEAN)])
    assert stopped.value.code == 2
    assert "--check needs the ARTICLE" in capsys.readouterr().err


@pytest.mark.parametrize("seed", range(len(bundled_seed_paths())))
def test_the_readers_own_summary_of_each_sample_checks_clean(capsys, tmp_path, seed):
    path = bundled_seed_paths()[seed]
    code, out, _ = run(capsys, "summarize", "--format", "json", "--jobs", "1", path)
    assert code == 0
    articles = json.loads(out)["articles"]
    if not articles:
        pytest.skip("no article")
    summary = " ".join(item["text"] for item in articles[0]["summary"])
    code, out, _ = run(capsys, "check", "--format", "json", path, summary_file(tmp_path, summary))
    report = json.loads(out)["checks"][0]["report"]
    assert code == 0 and report["verbatim"] == report["claims"] and report["flags"] == 0
