"""The citation-aware step: each rule on a small hand-written article."""

from hypothesis import given, settings
from hypothesis import strategies as st
from interview_support import as_interview

from summaries.citations import (
    CitationAwareSelector,
    QuoteStates,
    junk_reason,
    quote_info,
    sentence_attributions,
)
from summaries.document import plain_article
from summaries.model import Mention, Source
from summaries.rankers import Ranked, prepare
from summaries.segment import words
from summaries.sentence_rules import dangling_start
from summaries.summarize import summarize


def select(text, order, count, sources=None, title=None):
    """Summary of `text` when a ranker prefers sentences in `order` (best first)."""
    article = plain_article(text, title=title)
    document = prepare(article)
    rest = [i for i in range(len(article.sentences)) if i not in order]
    ranking = [Ranked(i, float(-place)) for place, i in enumerate([*order, *rest])]
    return article, CitationAwareSelector(document, sources).select(ranking, count)


def chosen(items):
    return [item.sentence for item in items]


def test_pronoun_start_brings_its_antecedent_when_length_allows():
    text = (
        "The minister announced a new budget on Monday. "
        "Schools will receive more money next year. "
        "He explained that hospitals would wait until spring. "
        "Farmers protested outside the building all week."
    )
    article, items = select(text, [2, 3, 1, 0], 2)
    assert chosen(items) == [1, 2]
    assert items[0].reason == "antecedent of sentence 2"
    assert items[1].reason is None


def test_dangling_sentence_gives_way_when_its_antecedent_does_not_fit():
    text = (
        "The minister announced a new budget on Monday. "
        "However, the opposition rejected the plan outright. "
        "Farmers protested outside the parliament building all week. "
        "Teachers welcomed the extra funding for schools."
    )
    _, items = select(text, [1, 2, 3, 0], 1)
    assert chosen(items) == [2]  # "However, ..." alone would dangle; no room for its antecedent


def test_dangling_sentence_with_antecedent_already_chosen_needs_nothing_more():
    text = (
        "The minister announced a new budget on Monday. "
        "This plan doubles spending on rail lines. "
        "Farmers protested outside the parliament building all week."
    )
    _, items = select(text, [0, 1, 2], 2)
    assert chosen(items) == [0, 1]
    assert all(item.reason is None for item in items)


def test_bare_quote_brings_its_attributing_sentence():
    text = (
        "Prices rose sharply across the country in March.\n\n"
        "“We cannot afford bread any more. Nobody listens to us,” said Maria Lopez, a baker in Leeds.\n\n"
        "The central bank meets again next month to decide rates."
    )
    article, items = select(text, [1, 0, 2], 2)
    texts = [article.text[i.start : i.end] for i in items]
    assert texts == ["“We cannot afford bread any more.", "Nobody listens to us,” said Maria Lopez, a baker in Leeds."]
    assert items[1].reason == "attribution of sentence 1"


def test_bare_quote_carries_the_speaker_from_named_sources_instead_of_taking_space():
    text = (
        "Prices rose sharply across the country in March.\n\n"
        "“We cannot afford bread any more. Nobody listens to us,” said Maria Lopez, a baker in Leeds.\n\n"
        "The central bank meets again next month to decide rates."
    )
    speaker_start = text.index("Maria Lopez")
    maria = Source(
        "Maria Lopez", "person", "a baker in Leeds",
        [Mention(speaker_start, speaker_start + len("Maria Lopez"), None, "said", None, 2)],
    )
    _, items = select(text, [1, 0, 2], 2, sources=[maria])
    assert chosen(items) == [0, 1]
    assert items[1].attribution == "Maria Lopez"
    assert items[1].reason is None


def test_quote_introduced_by_a_colon_sentence_brings_the_introduction():
    text = (
        "The striking workers gathered outside the plant on Friday.\n\n"
        "Union leader Tom Hale told the crowd:\n\n"
        "“We will not go back until the company pays what it owes us.”\n\n"
        "Management declined to comment on the dispute."
    )
    article, items = select(text, [2, 0, 3, 1], 2)
    assert chosen(items) == [1, 2]
    assert items[0].reason == "attribution of sentence 2"


def test_attribution_comes_from_a_mention_in_the_same_sentence():
    text = (
        "The mayor opened the new bridge on Tuesday morning. "
        "Officials said traffic would fall by a third within a year. "
        "Cyclists cheered as the ribbon was cut."
    )
    article = plain_article(text)
    start = text.index("Officials")
    officials = Source("city officials", "organisation", None, [Mention(start, start + 9, None, "said", None, 1)])
    items = summarize(article, "lead", sentences=3, sources=[officials])
    assert [item.attribution for item in items] == [None, "city officials", None]


def test_sentence_attributions_prefer_the_first_mention_in_a_sentence():
    early = Source("Ann Lee", "person", None, [Mention(5, 12, None, None, None, 4)])
    late = Source("Bob Stone", "person", None, [Mention(40, 49, None, None, None, 4)])
    other = Source("Carla Diaz", "person", None, [Mention(80, 90, None, None, None, 6)])
    assert sentence_attributions([late, early, other]) == {4: "Ann Lee", 6: "Carla Diaz"}
    assert sentence_attributions(None) == {}


def test_near_duplicate_sentences_never_both_appear():
    text = (
        "The company reported record profits of five billion dollars this year. "
        "Workers at the northern factory went on strike for higher pay. "
        "The company reported record profits of five billion dollars this year, analysts said. "
        "Shares in rival firms fell on the news."
    )
    _, items = select(text, [0, 2, 1, 3], 2)
    assert chosen(items) == [0, 1]


def test_output_is_in_article_order_whatever_the_ranking():
    text = (
        "Floods closed the main road on Monday. Schools stayed shut for two days. "
        "The mayor visited the worst hit streets. Volunteers handed out blankets and food. "
        "Insurers expect claims to pass a million pounds. Rain is forecast again for the weekend. "
        "The river peaked at four metres. Engineers inspected the old stone bridge."
    )
    _, items = select(text, [6, 1, 4, 0, 7], 5)
    assert chosen(items) == sorted(chosen(items))
    assert chosen(items) == [0, 1, 4, 6, 7]


def test_fragments_and_page_junk_are_never_chosen():
    text = (
        "China.\n\n"
        "to the CCP.\n\n"
        "Click here to subscribe to our newsletter for daily updates.\n\n"
        "THE MADE IN CHINA QUALITY CRISIS IS HERE.\n\n"
        "The Made in China Quality Crisis\n\n"
        "Exports of medical equipment fell sharply after buyers found defects in testing kits."
    )
    _, items = select(text, [0, 1, 2, 3, 4, 5], 3)
    assert chosen(items) == [5]


def test_heading_paragraphs_are_not_summary_sentences():
    from dataclasses import replace

    text = "Defective testing kits were returned.\n\nSweden found false positives in thousands of tests."
    article = plain_article(text)
    article.paragraphs = (replace(article.paragraphs[0], kind="heading"), article.paragraphs[1])
    items = summarize(article, "lead", sentences=2)
    assert [article.text[i.start : i.end] for i in items] == ["Sweden found false positives in thousands of tests."]


def test_an_interviewers_prompts_are_not_summary_sentences():
    # In an interview the answers are the news; the prompts are passed over however
    # central they are, as a question is.
    text = (
        "Interviewer: Please describe the military products your factory made for the army.\n\n"
        "Zhao Jie: Our factory made parts for helicopters and fighter jets for the army.\n\n"
        "Interviewer: Your factory kept making military products after the orders stopped.\n\n"
        "Zhao Jie: The factory stopped making military products when the orders stopped last year."
    )
    article = as_interview(plain_article(text), ["Interviewer", "Zhao Jie", "Interviewer", "Zhao Jie"])
    document = prepare(article)
    ranking = [Ranked(i, float(-i)) for i in (0, 2, 1, 3)]  # the prompts ranked first
    items = CitationAwareSelector(document).select(ranking, 2)
    assert chosen(items) == [1, 3]
    assert {i.sentence for i in summarize(article, "default", sentences=2)} == {1, 3}


def test_junk_reasons_name_the_rule():
    def reason(text):
        return junk_reason(text, words(text))

    assert reason("China.") == "fragment"
    assert reason("to the CCP and its allies abroad.") == "fragment"
    assert reason("The 'Made in China' Quality Crisis") == "fragment"
    assert reason("WORKERS PRODUCE FACE MASKS AT A FACTORY.") == "capitals"
    assert reason("Revenue: 12.4 / 13.1 / 15.0 / 16.2 / 18.9 (%).") == "not prose"
    assert reason("Read more: how the factories were built.") == "page junk"
    assert reason("Murphy, Horgan, O'Driscoll, D'Arcy, Hickie, O'Gara, Stringer, Byrne.") == "list"
    assert reason("What did the factory workers see there?") == "question"
    assert reason("A bright new dawn for the town.") == "no verb"
    assert reason("We cannot afford bread any more.") is None
    assert reason("The firm makes cars in three countries.") is None
    assert reason("The offer is limited to the first people who sign up before Friday.") is None


def test_helper_sentences_may_be_short_or_end_with_a_colon():
    assert junk_reason("Dechy said.", words("Dechy said."), as_helper=True) is None
    assert junk_reason("Dechy said.", words("Dechy said.")) == "fragment"
    intro = "Their union leader told the crowd:"
    assert junk_reason(intro, words(intro), as_helper=True) is None
    assert junk_reason(intro, words(intro)) == "fragment"


def test_dangling_starts_are_pronouns_and_connectives_outside_quotes():
    assert dangling_start("He explained the plan.")
    assert dangling_start("However, the plan failed.")
    assert dangling_start("This was the third attempt.")
    assert dangling_start("As a result, prices rose.")
    assert not dangling_start("Italy won the match.")  # "It" only as a whole word
    assert not dangling_start("The plan failed.")
    assert not dangling_start("“He is a great player,” the coach said.")


def test_sentence_without_room_for_context_is_shown_alone_only_as_a_last_resort():
    text = "The council met on Monday to vote. However, the vote was postponed again."
    _, items = select(text, [1], 1)
    assert chosen(items) == [0]  # the self-contained sentence wins
    text = "The council met. However, the vote on the new budget was postponed again."
    _, items = select(text, [1], 1)  # sentence 0 is too short to summarise but could be context
    assert chosen(items) == [1]
    assert items[0].reason == "shown without its context"


def test_attributing_sentence_that_dangles_brings_its_own_antecedent():
    text = (
        "The striking workers gathered outside the plant on Friday.\n\n"
        "Their union leader told the crowd:\n\n"
        "“We will not go back until the company pays what it owes us.”\n\n"
        "Management declined to comment on the dispute."
    )
    _, items = select(text, [2, 0, 3, 1], 3)
    assert chosen(items) == [0, 1, 2]
    assert [item.reason for item in items] == ["antecedent of sentence 1", "attribution of sentence 2", None]
    _, items = select(text, [2, 0, 3, 1], 2)
    assert 2 not in chosen(items)  # the quote cannot be shown with its speaker in two sentences


# The selection screens sentences cheaply before splitting their words; the screen
# may only pass what junk_reason passes.
_SCREEN_WORD = st.sampled_from(
    "The minister said prices rose sharply in U.S. cities, 3.5% and £1.5bn — “we will” "
    "don’t well-known 'quoted' a--b click share www.bbc.co.uk @bbc © ÉCOLE café ; , - ' …".split(" ")
)
_SCREEN_SENTENCE = st.builds(
    lambda first, words, end: " ".join([first, *words]) + end,
    st.sampled_from(["The", "Prices", "2004", "“We", "he", "U.S.", "Ünïcödé", "CLICK"]),
    st.lists(_SCREEN_WORD, min_size=0, max_size=40),
    st.sampled_from([".", "!", "?", "…", ":", "", ".”"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCREEN_SENTENCE, min_size=1, max_size=6))
def test_the_cheap_prose_screen_never_passes_a_sentence_junk_reason_rejects(sentences):
    document = prepare(plain_article("\n\n".join(sentences)))
    selector = CitationAwareSelector(document)
    for index, text in enumerate(document.texts):
        if selector._plainly_prose(index):
            assert junk_reason(text, words(text)) is None, text


def test_quote_states_are_worked_out_only_for_the_sentences_looked_at():
    text = "“We will win,” the coach said.\n\nPrices rose.\n\n“It is over,” she said. Fans left."
    document = prepare(plain_article(text))
    states = QuoteStates(document)
    assert states[3].starts_inside is False and states[2].attributed
    assert states._infos[:2] == [None, None]  # the first two paragraphs were never read
    assert [states[i] for i in range(4)] == quote_info(document)


def test_quote_depth_follows_marks_across_sentences_but_not_across_paragraphs():
    text = (
        "The minister spoke at length on Monday, saying: “We will build the new line. It will open in 2027.\n\n"
        "Critics doubt the plan. “It is a fantasy,” one engineer said."
    )
    document = prepare(plain_article(text))
    infos = quote_info(document)
    assert infos[0].ends_inside and not infos[0].starts_inside
    assert infos[1].starts_inside and infos[1].ends_inside  # still inside the unclosed quote
    assert not infos[2].starts_inside  # a new paragraph starts outside any quote
    assert infos[3].starts_inside and not infos[3].ends_inside and infos[3].attributed


def test_the_cheap_screen_passes_ordinary_news_sentences_that_open_with_a_quote_or_hold_a_decimal():
    # The screen only saves time (whatever it rejects, junk_reason decides), but news
    # sentences like these are common and should not need their words split.
    text = (
        '"We will not stop until the line is built," the minister said on Monday in London.\n\n'
        "Standard Life has an estimated 2.4 million with-profits policyholders.\n\n"
        "Shares in the company, which already owns two airlines, fell by a fifth on Friday."
    )
    document = prepare(plain_article(text))
    selector = CitationAwareSelector(document)
    assert [selector._plainly_prose(i) for i in range(len(document))] == [True, True, True]
    assert document._words == [None, None, None]  # no sentence's words were split


def test_quote_marks_of_every_kind_are_found_in_text_order():
    from summaries.citations import quote_marks

    text = 'He said “yes.” Then "no." And «peut-être» — “maybe.”'
    document = prepare(plain_article(text))
    expected = [i for i, c in enumerate(document.article.text) if c in '"“”«»']
    assert quote_marks(document) == expected


def test_repeats_that_share_no_terms_are_still_near_duplicates():
    # Only function words: no terms, so no similarity; the same words in other case
    # are still a repeat.
    article, _ = select("It is what it is. IT IS WHAT IT IS. Prices rose in May.", [0], 1)
    selector = CitationAwareSelector(prepare(article))
    assert selector._duplicate(1, {0: None})
    assert not selector._duplicate(2, {0: None})
    assert not selector._duplicate(1, {})
