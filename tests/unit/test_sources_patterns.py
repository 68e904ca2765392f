"""Named sources, second round (issue 12): the attributions news uses beyond "said",
each pattern pinned by an invented sentence, and the false sources it must not make."""

from __future__ import annotations

from pathlib import Path

import pytest
from interview_support import as_interview

from summaries.citations import sentence_attributions
from summaries.document import plain_article
from summaries.model import Source
from summaries.sources import extract_sources
from summaries.sources.cues import cue_lemma
from summaries.sources.names import alias_groups, name_key, name_words

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def sources_of(text: str) -> list[Source]:
    return extract_sources(plain_article(text))


def found(text: str) -> dict[str, list[str | None]]:
    """Each source's name -> the cue words of its mentions."""
    return {s.name: [m.cue_text for m in s.mentions] for s in sources_of(text)}


# --- cue words and their forms ---


def test_regular_past_of_show_is_a_cue_form():
    assert cue_lemma("showed") == "show" and cue_lemma("shown") == "show"
    assert found("The Harlow Survey showed that most drivers slowed down.") == {"Harlow Survey": ["showed"]}


@pytest.mark.parametrize("verb", ["touted", "derided", "extolled", "implored", "likened", "lambasted", "chastised"])
def test_verbs_of_praise_and_blame_are_cues(verb):
    assert found(f"Senator Ann Vale {verb} the new ferry plan on Monday.") == {"Ann Vale": [verb]}


def test_phrasal_cues_need_their_particle():
    assert found("Mayor Ed Park laid out a plan for the harbor.") == {"Ed Park": ["laid"]}
    assert found("Mayor Ed Park took issue with the harbor plan.") == {"Ed Park": ["took"]}
    assert found("Mayor Ed Park took office in May.") == {}
    assert found("Mayor Ed Park pushed for a new harbor.") == {"Ed Park": ["pushed"]}


def test_vowed_with_an_object_is_a_cue():
    assert found("Governor Lina Cole vowed a fight over the dam.") == {"Lina Cole": ["vowed"]}


def test_noun_cues_need_their_object():
    assert found("Senator Rob Hale raised concerns about the budget.") == {"Rob Hale": ["raised"]}
    assert found("Senator Rob Hale raised funds for the budget.") == {}


# --- participle clauses ---


def test_participle_after_a_comma_shares_the_main_subject():
    text = "Dara Holm left the hearing early, saying the vote had been rigged."
    assert found(text) == {"Dara Holm": ["saying"]}


def test_participle_after_an_opening_phrase_shares_the_main_subject():
    text = "On Friday, however, Dara Holm toured the plant, promising to reopen it."
    assert found(text) == {"Dara Holm": ["promising"]}


def test_participle_of_purpose_is_no_attribution():
    assert found("The Port Authority released new rules, aiming to cut delays.") == {}


def test_participle_never_reaches_across_another_clause():
    text = "Ann Vale spoke to reporters after Tom Reed published a letter criticizing the mayor."
    assert "Ann Vale" not in found(text)


def test_with_x_saying_names_x():
    assert found("With Dara Holm saying the deal is dead, shares fell.") == {"Dara Holm": ["saying"]}


def test_statement_saying_speaks_for_the_one_who_issued_it():
    text = "The Harbor Council issued a statement saying the port would stay open."
    assert found(text) == {"Harbor Council": ["issued"]}
    text = "Tom Reed sent a series of messages late Friday saying the port would close."
    assert found(text) == {"Tom Reed": ["saying"]}


# --- appositions and roles ---


def test_role_then_name_in_commas_names_the_person_with_the_role():
    [source] = sources_of("The union's chief negotiator, Lena Moss, said talks would resume.")
    assert source.name == "Lena Moss" and source.descriptor == "union's chief negotiator"


def test_party_and_state_in_commas_between_name_and_cue():
    assert found("“We will win,” Senator Jo Park, R-Ky., said Tuesday.") == {"Jo Park": ["said"]}


def test_several_comma_pieces_between_name_and_cue():
    assert found("Jane Roe, 59, of Ashton, said the flood was the worst she had seen.") == {"Jane Roe": ["said"]}


def test_said_name_of_organisation():
    [source] = sources_of("“It is a scandal,” said Jane Roe of the Cato Institute.")
    assert source.name == "Jane Roe" and "Cato Institute" in source.descriptor


def test_said_outlet_role_name():
    [source] = sources_of("“The debate was a rout,” said WXYZ host Carl Mays.")
    assert source.name == "Carl Mays" and source.descriptor == "WXYZ host"


def test_name_dash_clause_dash_cue():
    assert found("Carl Mays — who ran the port for a decade — said the rules were too strict.") == {"Carl Mays": ["said"]}


def test_adverbs_and_asides_between_name_and_cue():
    text = "Acting chair Ola Berg, in particular, has sharply criticized the plan."
    assert found(text) == {"Ola Berg": ["criticized"]}


# --- headlines and labels ---


def test_title_case_headline_names_its_speaker():
    assert found("Ola Berg Calls Harbor Plan A Disgrace.") == {"Ola Berg": ["Calls"]}
    [source] = sources_of("Harbor Plan Is Doomed, Former Port Director Says.")
    assert source.name == "Former Port Director" and source.mentions[0].cue_text == "Says"


def test_a_sentence_said_inverted_at_its_start():
    assert found("The port reopened on Monday.\n\nSaid Ola Berg: “The harbor is ours.”") == {"Ola Berg": ["Said"]}
    assert found("Hope Ellis did not answer.") == {}


def test_quote_signed_after_a_no_break_space():
    text = "“The harbor is ours.” ―\u00a0Ola Berg"
    assert found(text) == {"Ola Berg": ["―"]}


# --- documents and polls ---


def test_polls_and_footage_are_sources_without_a_determiner():
    assert found("Polls show that the mayor is ahead.") == {"Polls": ["show"]}
    assert found("Video shows that the driver raised his hands.") == {"Video": ["shows"]}


def test_passive_cue_with_an_agent_names_the_agent():
    text = "The fraud was first reported by The Harbor Gazette."
    assert found(text) == {"Harbor Gazette": ["reported"]}
    assert found("Ann Vale was favored by Tom Reed for the job.") == {}


# --- stance, belief and sources already known ---


def test_capitalised_subject_the_article_never_writes_in_lower_case():
    assert found("Russia insisted that the border stays closed.") == {"Russia": ["insisted"]}


def test_source_already_cited_as_the_subject_of_another_sentence_with_a_cue():
    # "plans" without "to" is no cue on its own ("the plans"); after a cited source as subject it is
    text = "Carl Mays said the port would close. In May, Carl Mays plans more visits to the docks."
    assert found(text) == {"Carl Mays": ["said", "plans"]}
    assert found("Carl Mays plans more visits to the docks.") == {}


def test_possessive_statement_followed_by_what_was_said():
    assert found("Critics seized on Carl Mays’s claim that the port was safe.") == {"Carl Mays": ["claim"]}
    assert found("Carl Mays’s comments came late on Friday.") == {}


# --- precision ---


def test_negated_speech_is_the_reporters_statement():
    text = "Wang Gang, an insider, revealed that orders stopped. Wang did not specify the type of products his company makes."
    sources = sources_of(text)
    assert found(text) == {"Wang Gang": ["revealed"]}
    assert 1 not in sentence_attributions(sources)  # the summary does not give the second sentence to Wang


def test_noun_read_as_a_cue_is_none():
    assert found("Officials in the Russia-Ukraine talks said the ceasefire holds.") == {}
    assert "Ukraine" not in found("Analysts believe the Russia-Ukraine war showed that tanks are outdated.")


def test_bare_cue_word_after_a_name_is_a_noun():
    assert found("The Harbor Gazette report from Friday was wrong.") == {}
    assert found("Tulsa protest remained peaceful.") == {}
    assert found("Mr. Grassley and Mr. Leahy say other changes are needed.") != {}


def test_release_and_speak_need_what_is_said():
    assert found("Ann Vale released her tax returns in May.") == {}
    assert found("Ann Vale released a statement on the port.") == {"Ann Vale": ["released"]}
    assert found("Ann Vale spoke in a hall near the port.") == {}
    assert found("Ann Vale spoke of the port's decline.") == {"Ann Vale": ["spoke"]}


def test_relative_after_a_preposition_has_no_sure_antecedent():
    text = "The files detailed messages between Acme employees, which showed that data was shared."
    assert "Acme employees" not in found(text)


# --- names ---


def test_alias_line_makes_one_person():
    text = (
        "Aliases: Jo Xinjiang, Julien Jo\n\n"
        "Jo Xinjiang was charged in December. Julien Jo told a colleague to delete the files. Jo explained that the order came from above."
    )
    assert found(text) == {"Jo Xinjiang": ["told", "explained"]}


def test_also_known_as_makes_one_person():
    groups = alias_groups("a case against Jo Xinjiang, also known as Julien Jo, a China-based executive.")
    assert groups[name_key("Julien Jo")] == (name_key("Jo Xinjiang"), "Jo Xinjiang")


def test_alias_groups_that_share_a_name_are_one():
    text = "Aliases: Al Roe, Bo Roe\n\nAliases: Bo Roe, Cy Roe\n\nAliases: Dee Fox, Cy Roe"
    groups = alias_groups(text)
    assert {groups[name_key(n)][1] for n in ("Al Roe", "Bo Roe", "Cy Roe", "Dee Fox")} == {"Al Roe"}


def test_possessive_inside_a_name_is_kept():
    assert name_words("People's Daily") == ("People's", "Daily")
    assert name_words("Li's") == ("Li",)
    [source] = sources_of("Most firms have party units, according to state-run media People's Daily.")
    assert source.name == "People's Daily"


# --- seeds ---


def _seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_003_jin_is_one_person_named_in_full_and_peoples_daily_keeps_its_apostrophe():
    from reader.cleaning import clean
    from reader.ingest import read_file

    [path] = SEEDS.glob("003_*.txt")
    names = [{s.name for s in extract_sources(article)} for article in clean(read_file(path))]
    zoom = next(n for n in names if "Zoom" in n)
    assert "Jin Xinjiang" in zoom and "Jin" not in zoom
    assert any("People's Daily" in n for n in names) and not any("People Daily" in n for n in names)


def test_seed_001_wang_did_not_specify_is_not_attributed_to_wang():
    article = plain_article(_seed("001"))
    sources = extract_sources(article)
    [sentence] = [i for i, s in enumerate(article.sentences) if article.text[s.start : s.end].startswith("Wang did not specify")]
    assert sentence not in sentence_attributions(sources)
    ukraine = [s for s in sources if "Ukraine" in s.name]
    assert all(article.text[m.start - 10 : m.end] != "Russia-Ukraine" for s in ukraine for m in s.mentions)


# --- long subjects, names with their organisation, content ---


def test_long_noun_phrase_opening_the_sentence_is_the_subject():
    text = "Experts on coastal erosion and harbor design said the wall would fail."
    assert found(text) == {"Experts on coastal erosion and harbor design": ["said"]}
    assert found("Both candidates face questions about the harbor.") == {}  # a noun, not a cue


def test_name_of_organisation_before_the_cue_is_the_person():
    text = "“It was the least bad outcome,” Mr. Morgan of the Harbor Club said."
    [source] = sources_of(text)
    assert source.name == "Morgan" and text[source.mentions[0].start : source.mentions[0].end] == "Mr. Morgan of the Harbor Club"


def test_said_the_titled_name():
    assert found("“It is good,” said the Rev. Peter Wherry, of the Mayfield Church.") == {"Peter Wherry": ["said"]}


def test_content_follows_the_cue_after_an_opening_phrase():
    text = "On November 11, Shen Ming told reporters that the plant had closed."
    [source] = sources_of(text)
    content = source.mentions[0].content
    assert text[content.start : content.end] == "the plant had closed"


def test_subordinate_clause_content_ends_at_its_comma():
    text = "While he acknowledged that funding was short and he felt tired, Ham also noted that morale was low."
    assert "Ham" in found(text)


def test_verbs_that_attribute_with_their_particle_or_clause():
    assert found("As Ann Vale put it, the harbor is finished.") == {"Ann Vale": ["put"]}
    assert found("Ann Vale put the files on the desk.") == {}
    assert found("The Harbor Court ruled that the fee was illegal.") == {"Harbor Court": ["ruled"]}
    assert found("Ann Vale decided against a second term.") == {"Ann Vale": ["decided"]}


def test_cue_inside_a_quotation_running_on_from_the_last_sentence_is_no_attribution():
    text = "“The port will close. Tom Reed believes it too, and the council agrees,” said Ann Vale."
    assert found(text) == {"Ann Vale": ["said"]}


def test_guess_about_what_someone_thinks_is_no_attribution():
    assert found("So it is possible that Ruritania recognized its tanks are outdated.") == {}


def test_headline_title_before_a_colon_is_no_speaker():
    assert found("The Latest: Harbor closes for the winter season.\n\nThe port shut on Monday.") == {}
    assert found("Stealth Over Health: Mayor Was Taken Ill.\n\nThe port shut on Monday.") == {}
    assert found("Pence: Flowers Won't Be at Debate.\n\nThe port shut on Monday.") == {"Pence": [":"]}


def test_a_sentence_opener_before_the_comma_is_no_company_name():
    # "However, the company said": "X, the company" is evidence that X is a company only
    # when X is a name, not the sentence's opening word.
    for opener in ("However", "Meanwhile", "Recently", "Instead"):
        article = plain_article(f"Profits fell last year. {opener}, the company said sales rose in March.")
        assert [s.name for s in extract_sources(article)] == ["company"], opener
    named = plain_article("Zoom, the company that makes the app, said sales rose in March.")
    assert [s.name for s in extract_sources(named)] == ["Zoom"]


def test_a_turn_running_on_into_a_paragraph_without_its_label_points_at_the_label():
    # The second answer paragraph has no "Zhao Jie:" of its own: its mention is the label
    # that opened the turn (not the paragraph's first words), its content the paragraph.
    text = (
        "Interviewer: Please describe the products your factory made for the army.\n\n"
        "Zhao Jie: Our factory made parts for helicopters and fighter jets for the army.\n\n"
        "Although we were a private firm, the orders came from the state every year.\n\n"
        "Interviewer: Did the orders stop last year when the new rules came in?"
    )
    article = as_interview(plain_article(text), ["Interviewer", "Zhao Jie", "Zhao Jie", "Interviewer"])
    [zhao] = [s for s in extract_sources(article) if s.name == "Zhao Jie"]
    label = text.index("Zhao Jie")
    running_on = text.index("Although")
    assert [text[m.start : m.end] for m in zhao.mentions] == ["Zhao Jie", "Zhao Jie"]
    assert all(m.start == label for m in zhao.mentions)
    assert [m.content.start for m in zhao.mentions if m.content] == [label + len("Zhao Jie:"), running_on]
