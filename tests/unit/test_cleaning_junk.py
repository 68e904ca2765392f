from cleaning_helpers import clean_text

from reader.cleaning.junk import is_orphan_fragment, junk_score

BODY = (
    "The company said sales rose by a fifth in the year to March, helped by strong demand for its new "
    "phones in Europe and Asia, and it expects a similar rise next year as new models arrive in shops."
)


def test_comment_thread_tail_is_dropped_but_a_short_last_paragraph_stays():
    raw = f"{BODY}\nThe firm declined to comment further.\nGreat article, thanks!\nThank you Carlos!\nYou're welcome!\n"
    [article] = clean_text(raw)
    assert article.text.endswith("The firm declined to comment further.")
    assert [r.text for r in article.removed] == ["Great article, thanks!", "Thank you Carlos!", "You're welcome!"]


def test_quoted_first_person_in_news_is_not_chat():
    assert junk_score('"We are delighted with the result," he said.') < 0.6
    assert junk_score("I like this theme, fast loading!") >= 0.6


def test_editor_credit_line_is_dropped():
    [article] = clean_text(f"{BODY}\nEditor: Zheng Haoyu\n")
    assert article.text == BODY and article.removed[0].reason == "editor credit line"


def test_orphan_fragments_are_short_and_start_mid_sentence():
    assert is_orphan_fragment("ing to People's Daily.")
    assert is_orphan_fragment('Chinese Communist Party."')
    assert not is_orphan_fragment("The firm declined to comment.")
    assert not is_orphan_fragment(BODY.lower())  # long text is never a fragment


def test_block_repeating_the_end_of_the_previous_one_loses_the_repeat():
    raw = f"{BODY} The pandemic was merely one catalyst.\n\nwas merely one catalyst. The Hill published a commentary.\n"
    [article] = clean_text(raw)
    assert article.text.count("merely one catalyst") == 1
    assert "The Hill published a commentary." in article.text
