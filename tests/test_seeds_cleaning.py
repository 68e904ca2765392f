"""The four seed files, cleaned as a reader would see them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cleaning import clean
from reader.ingest import read_file
from summaries.segment import words

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _articles(prefix: str):
    [path] = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return clean(read_file(path))


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("-", "")


def test_there_are_four_seeds():
    assert len(SEED_FILES) == 4


def test_newspaper_issue_is_split_into_its_articles_with_titles_bylines_and_labels():
    articles = _articles("003_")
    heads = [(a.label, a.title, a.byline) for a in articles]
    assert ("OPINION", "The 'Made in China' Quality Crisis", "WANG HE") in heads
    assert ("CENSORSHIP", "How Zoom Complied With Chinese Authorities to Censor US Users", "CATHY HE") in heads
    assert (None, "Leading US Firms House Chinese Communist Party Units: Leaked Database", "EVA FU") in heads
    assert ("SURVEILLANCE", "China Engaged in 'Mass Surveillance' on US Mobile Phones: Report", "CATHY HE") in heads
    fbi = [a for a in articles if "wanted for his alleged role" in a.text]
    assert len(fbi) == 1 and fbi[0].byline == "THE FBI"
    assert len(articles) == 6  # the five above and "Leaked Documents Reveal ..." (TECHNOLOGY TRANSFER)


def test_label_ocr_damage_is_repaired_and_recorded():
    first = _articles("003_")[0]
    assert first.label == "OPINION"
    assert any(r.text == "OPINIOI" and r.replacement == "OPINION" for r in first.removed)


def test_dropped_capitals_are_restored():
    texts = {a.title: a.text for a in _articles("003_")}
    assert texts["The 'Made in China' Quality Crisis"].startswith("Amid the COVID-19 pandemic")
    assert texts["Leading US Firms House Chinese Communist Party Units: Leaked Database"].startswith("Hundreds of")


def test_no_page_headers_remain():
    for article in _articles("003_"):
        assert "THE EPOCH TIMES Week" not in article.text
        assert "Week 52, 2020" not in article.text


def test_end_of_line_hyphenation_is_undone_but_compounds_stay():
    text = "\n".join(a.text for a in _articles("003_"))
    assert "fabricated evidence" in text and "fab-" not in text
    assert "McCaul" in text
    assert "state-owned" in text


def test_pull_quotes_and_column_fragments_are_gone():
    zoom = next(a for a in _articles("003_") if a.label == "CENSORSHIP")
    assert zoom.text.count("The regime requires") == 1
    assert "\n\nall communications" not in zoom.text
    assert "ing to People's Daily." not in zoom.text


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_paragraph_is_duplicated(path):
    for article in clean(read_file(path)):
        bodies = [article.text[p.start : p.end] for p in article.paragraphs if len(article.text[p.start : p.end]) > 40]
        assert len(bodies) == len(set(bodies))


def test_web_paste_junk_caption_and_editor_line_are_dropped():
    [article] = _articles("001_")
    assert article.date == "2024-11-13"
    for junk in ("bootstrap themes", "Thank you Carlos", "Yes Sure", "Editor: Zheng Haoyu", "Video screenshot composite"):
        assert junk not in article.text
    assert article.text.startswith("An insider working at a military industrial subcontractor")
    assert article.text.rstrip().endswith("will remain unguaranteed.”")
    headings = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "heading"]
    assert "Can Backtracking and Regulation Stop Corruption?" in headings


def test_interview_layout_has_its_header_and_speaker_turns():
    [article] = _articles("000_")
    assert article.title == "Ex-senior figure in Chinese military industry reveals dark secrets of the industry"
    assert article.date == "2025-02-03"
    assert article.byline and "Ning Haizhong" in article.byline
    assert article.text.startswith("Editor’s Note:")
    speakers = {p.speaker for p in article.paragraphs if p.kind == "turn"}
    assert speakers == {"Interviewer", "Zhao Jie"}
    first_turn = next(p for p in article.paragraphs if p.kind == "turn")
    assert article.text[first_turn.start :].startswith("Interviewer:")


def test_plain_article_loses_nothing():
    [article] = _articles("002_")
    raw = article.raw
    assert article.title.startswith("CCP’s “Military-Civil Fusion”")
    assert article.removed == ()
    assert words(article.title + " " + article.text) == words(raw)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_span_maps_back_to_raw_text_with_the_same_words(path):
    for article in clean(read_file(path)):
        changes = {_norm(r.replacement) for r in article.removed if r.replacement}
        for span in list(article.paragraphs) + list(article.sentences):
            clean_words = [_norm(w) for w in words(article.text[span.start : span.end])]
            raw_span = article.raw_span(span.start, span.end)
            raw_text = article.raw[raw_span.start : raw_span.end]
            raw_words = {_norm(w) for w in words(raw_text)}
            raw_joined = _norm(re.sub(r"-\s+", "", raw_text))
            for word in clean_words:
                # Joined hyphenations and recorded repairs are the only words not in the raw span.
                assert word in raw_words or word in raw_joined or word in changes, (word, raw_text[:80])


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_raw_character_is_kept_lifted_or_recorded(path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "unit"))
    from cleaning_helpers import unaccounted

    document = read_file(path)
    assert unaccounted(document.raw, clean(document)) == ""
