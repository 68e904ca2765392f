from cleaning_helpers import clean_text

from reader.cleaning.metadata import parse_date, repair_label


def test_dates_in_common_forms_become_iso_8601():
    assert parse_date("(November 13, 2024) –") == "2024-11-13"
    assert parse_date("【Epoch Times News on February 3, 2025】") == "2025-02-03"
    assert parse_date("On Sept. 22, 2008, it rained") == "2008-09-22"
    assert parse_date("3 March 2005") == "2005-03-03"
    assert parse_date("no date here") is None
    assert parse_date("February 30, 2020") is None


def test_label_one_letter_off_a_common_word_is_repaired_only_then():
    assert repair_label("OPINIOI") == "OPINION"
    assert repair_label("OPINION") == "OPINION"
    assert repair_label("XQZWV") == "XQZWV"


def test_title_dateline_and_reporter_line_are_lifted_into_fields():
    raw = (
        "Ex-senior figure reveals dark secrets of the industry\n\n"
        "【Epoch Times News on February 3, 2025】(Reported by Ning Haizhong)\n\n"
        "Recently the industry has been showcasing its achievements, the report said on Monday.\n"
    )
    [article] = clean_text(raw)
    assert article.title == "Ex-senior figure reveals dark secrets of the industry"
    assert article.date == "2025-02-03" and article.byline == "Ning Haizhong"
    assert article.text.startswith("Recently")
    assert raw[article.fields["date"].start : article.fields["date"].end].startswith("【")


def test_dateline_prefix_becomes_the_date_and_the_rest_stays():
    [article] = clean_text("(November 13, 2024) – An insider revealed that orders stopped.\nMore text follows here, he said.\n")
    assert article.date == "2024-11-13" and article.text.startswith("An insider revealed")


def test_lost_drop_capital_is_repaired_when_one_letter_fits():
    raw = "OPINIOI\n\nThe Quality Crisis Explained\n\nWANG HE\n\nmid the pandemic, Beijing used the crisis as a business opportunity to export goods.\n"
    [article] = clean_text(raw)
    assert article.label == "OPINION" and article.byline == "WANG HE"
    assert article.text.startswith("Amid the pandemic")
    assert {r.replacement for r in article.removed} >= {"OPINION", "Amid"}
