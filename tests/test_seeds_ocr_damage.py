"""Seed 003 (an OCR'd newspaper issue): the pull quote spliced into a body line, the
glued heading and the column lines of a list (issue 14), as every algorithm sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cleaning import clean
from reader.ingest import read_file
from summaries.algorithms import ALGORITHMS
from summaries.summarize import summarize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Text only a spliced quote, a glued heading or two columns in one line produce.
DAMAGE = ("stor-", "Jin's case doesn't age", "PracticesJudging", "product quality effort to launch",
          "in-Bahamas", "opera- an")


@pytest.fixture(scope="module")
def issue():
    [path] = SEEDS.glob("003_*.txt")
    return clean(read_file(path))


def test_spliced_pull_quote_is_out_of_the_body_line_and_storage_is_one_word(issue):
    [zoom] = [a for a in issue if "In the plan, Zoom agreed" in a.text]
    assert (
        "migrate the storage of about 1 million China-based users' data to China from the United States, and provide "
        "Chinese security authorities special access to Zoom's systems, according to the FBI agent. Zoom's China "
        "service was eventually reinstated in November 2019." in zoom.text
    )
    assert zoom.text.count("Jin's case doesn't appear isolated.") == 1


def test_glued_heading_is_a_heading_of_its_own(issue):
    [opinion] = [a for a in issue if a.label == "OPINION"]
    headings = [opinion.span_text(p) for p in opinion.paragraphs if p.kind == "heading"]
    assert "Unethical Business Practices" in headings


def test_dow_chemical_reads_as_one_name_in_one_paragraph(issue):
    # (The page break puts it at the end of the Zoom article, before the firms' one starts.)
    paragraphs = [a.span_text(p) for a in issue for p in a.paragraphs]
    assert (
        "Officials at IBM, PepsiCo, 3M, Dow Chemical, Marriott, Nielsen, Mars, and MetLife didn't immediately "
        "respond to a request by The Epoch Times for comment." in paragraphs
    )


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_summary_item_holds_spliced_or_glued_text(issue, algorithm):
    for article in issue:
        for item in summarize(article, algorithm):
            text = article.text[item.start : item.end]
            assert not any(mark in text for mark in DAMAGE), (algorithm, text)
            assert article.sentences[item.sentence].damage is None
