from cleaning_helpers import clean_text


def _body(n: int) -> str:
    return " ".join(f"Sentence number {i} of the story goes on for a while." for i in range(n))


def test_running_header_with_words_in_any_order_is_dropped():
    raw = f"{_body(3)}\n\nTHE DAILY TIMES Week 52, 2020\n\n{_body(3)}\n\nWeek 52, 2020 THE DAILY TIMES\n\n{_body(2)}\n"
    [article] = clean_text(raw)
    assert "DAILY TIMES" not in article.text
    assert [r.reason for r in article.removed].count("running page header/footer") == 2


def test_header_met_once_in_the_middle_of_a_sentence_is_dropped():
    raw = "The minister said the govern-\n\nBUSINESS REVIEW 24\n\nment would act soon on the matter, he added.\n"
    [article] = clean_text(raw)
    assert article.text == "The minister said the government would act soon on the matter, he added."


def test_byline_in_capitals_used_by_two_articles_is_not_a_header():
    story = _body(4)
    raw = (
        f"NEWS\n\nFirst Big Story Of The Day\n\nJANE DOE\n\n{story}\n\n"
        f"SPORT\n\nSecond Big Story Of The Day\n\nJANE DOE\n\n{story} More.\n"
    )
    articles = clean_text(raw)
    assert [a.byline for a in articles] == ["JANE DOE", "JANE DOE"]


def test_bare_page_number_line_is_dropped():
    [article] = clean_text(f"{_body(2)}\n\n17\n\n{_body(2)}\n")
    assert "17" not in article.text and "page number" in {r.reason for r in article.removed}
