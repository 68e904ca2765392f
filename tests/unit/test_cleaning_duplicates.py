from cleaning_helpers import clean_text

ORIGINAL = (
    "The regime requires all communications companies operating in China to monitor and censor "
    "speech deemed unacceptable to the CCP, including on topics critical of the regime."
)


def test_pull_quote_in_its_own_narrow_column_is_dropped_and_the_original_kept():
    quote = "The regime requires\n\nall communications\n\nin China to monitor\n\nand censor speech\n\nto the CCP.\n\ncompanies operating\n\ndeemed unacceptable"
    raw = f"Zoom complied with most of these requests, the company said on Friday.\n\n{quote}\n\nZoom is based in San Jose.\n\n{ORIGINAL}\n"
    [article] = clean_text(raw)
    assert ORIGINAL in article.text
    assert "The regime requires\n" not in article.text and article.text.count("The regime requires") == 1
    assert "repeated text (pull quote or column fragment)" in {r.reason for r in article.removed}


def test_a_wrapped_paragraph_that_shares_a_line_with_another_stays():
    raw = (
        "The teams in the draw include:\n\nAC Milan, Bayer Leverkusen,\nInternazionale, Juventus, Lyon.\n\n"
        "The other group holds:\n\nAC Milan, Bayer Leverkusen,\nInternazionale, Juventus, Monaco.\n"
    )
    [article] = clean_text(raw)
    assert "Monaco" in article.text and "Lyon" in article.text


def test_duplicated_paragraph_keeps_one_copy():
    paragraph = "Japan and South Korea encountered similar quality crises during their growth in the 1970s."
    raw = f"{paragraph}\n\nOther news followed on the same day in the region.\n\n{paragraph}\n"
    [article] = clean_text(raw)
    assert article.text.count(paragraph) == 1


def test_sentence_pasted_into_an_unrelated_paragraph_loses_to_its_cohesive_copy():
    quote = "The propaganda slogans about common prosperity are all just nonsense for ordinary people."
    raw = (
        f"The kits came from two companies in Guangdong, according to media reports on test kits. {quote}\n\n"
        f"These statistics show the regime does not care about ordinary people and prosperity. {quote}\n"
    )
    [article] = clean_text(raw)
    first, second = article.text.split("\n\n")
    assert quote not in first and quote in second
