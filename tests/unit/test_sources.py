"""Named sources: attribution patterns, merging, surname-first names, pronouns, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from summaries.document import plain_article
from summaries.model import Source
from summaries.sources import extract_sources
from summaries.sources.cues import CUE_FORMS, cue_lemma

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def sources_of(text: str, byline: str | None = None) -> list[Source]:
    article = plain_article(text)
    article.byline = byline
    return extract_sources(article)


def by_name(sources: list[Source], name: str) -> Source:
    matches = [s for s in sources if s.name == name]
    assert matches, f"{name!r} not among {[s.name for s in sources]}"
    return matches[0]


def mention_texts(text: str, source: Source) -> list[str]:
    return [text[m.start : m.end] for m in source.mentions]


# --- cues ---


def test_cue_forms_cover_inflections_and_irregular_pasts():
    assert {cue_lemma(w) for w in ("said", "says", "saying", "say")} == {"say"}
    assert cue_lemma("told") == "tell" and cue_lemma("wrote") == "write"
    assert cue_lemma("analyzed") == "analyze" and cue_lemma("believes") == "believe"
    assert "sayed" not in CUE_FORMS and cue_lemma("table") is None


# --- attribution patterns ---


def test_subject_cue_that_clause_gives_source_cue_and_content():
    text = "Maria Lopez said that the plant will close next year."
    [source] = sources_of(text)
    [mention] = source.mentions
    assert source.name == "Maria Lopez" and source.kind == "person"
    assert mention.cue_text == "said"
    assert text[mention.content.start : mention.content.end] == "the plant will close next year"


def test_quote_then_inverted_cue_attributes_the_quote():
    text = "“We will not give up,” said Tom Baker, a union organiser."
    [source] = sources_of(text)
    assert source.name == "Tom Baker"
    assert source.descriptor == "union organiser"
    mention = source.mentions[0]
    assert "We will not give up" in text[mention.content.start : mention.content.end]


def test_according_to_introduces_its_source_after_the_cue():
    text = "According to the court complaint, the firm shared user data with the police."
    [source] = sources_of(text)
    assert source.kind == "document" and "complaint" in source.name
    content = source.mentions[0].content
    assert text[content.start : content.end] == "the firm shared user data with the police"


def test_apposition_between_name_and_cue_becomes_the_descriptor():
    text = "Shen Ming-shih, director of the Institute for Defense Research, told reporters that budgets were inflated."
    [source] = sources_of(text)
    assert source.name == "Shen Ming-shih"
    assert source.descriptor == "director of the Institute for Defense Research"


def test_lower_case_role_before_a_name_becomes_the_descriptor():
    text = "Political commentator Li Linyi analyzed that the purge slowed production."
    [source] = sources_of(text)
    assert source.name == "Li Linyi" and source.descriptor == "political commentator"
    assert mention_texts(text, source) == ["Political commentator Li Linyi"]


def test_recipient_of_told_is_not_a_source():
    text = "Anna Berg told Epoch Times that the factory had stopped."
    names = [s.name for s in sources_of(text)]
    assert names == ["Anna Berg"]


def test_belief_and_intention_verbs_are_attributions():
    text = "Senator Paul Wright believes that the deal will fail. Governor Kim Ross wants to veto the bill."
    names = [s.name for s in sources_of(text)]
    assert names == ["Paul Wright", "Kim Ross"]


def test_passive_cue_has_no_source():
    text = "The regulations are said to optimize procurement."
    assert sources_of(text) == []


def test_speculation_with_a_modal_is_not_an_attribution():
    text = "It is speculated that the Chinese Communist Party may have realized its weapons are outdated."
    assert sources_of(text) == []


def test_statistics_without_a_named_source_are_not_a_source():
    text = "Public information shows that the company makes missiles. Statistics show that ten planes were lost."
    assert sources_of(text) == []


def test_nested_attribution_keeps_only_the_outer_source():
    text = "Mary Stone said the mayor believes the budget is too small."
    assert [s.name for s in sources_of(text)] == ["Mary Stone"]


def test_media_outlet_is_classified_as_media():
    text = "On November 9, Xinhua News reported that the rules take effect in December."
    [source] = sources_of(text)
    assert source.name == "Xinhua News" and source.kind == "media"


def test_anonymous_source_is_kept_as_anonymous():
    text = "An insider at the plant recently revealed that orders stopped in October."
    [source] = sources_of(text)
    assert source.kind == "anonymous" and source.name == "insider"


# --- interview turns and signed quotes ---


def test_interview_turns_attribute_paragraphs_to_the_speaker_not_the_interviewer():
    text = (
        "Interviewer: What did you see at the institute during those years?\n\n"
        "Zhao Jie: I saw parts bought on the black market and copied one to one.\n\n"
        "Interviewer: How does corruption affect the industry today?\n\n"
        "Zhao Jie: Half of every budget disappears before the work even starts."
    )
    [source] = sources_of(text)
    assert source.name == "Zhao Jie" and len(source.mentions) == 2
    assert all(m.cue_text == ":" for m in source.mentions)


def test_a_single_label_line_is_not_an_interview():
    text = "Mark Hill said the factory closed.\n\nEditor: Zheng Haoyu"
    assert [s.name for s in sources_of(text)] == ["Mark Hill"]


def test_quote_signed_with_a_dash_is_attributed_to_the_signer():
    text = "“He represents our greatest shame.”― Pamela Padilla\n"
    [source] = sources_of(text)
    assert source.name == "Pamela Padilla"
    assert source.mentions[0].cue_text == "―"


# --- merging ---


def test_surname_first_one_word_mention_matches_first_word_of_full_name():
    text = "Political commentator Li Linyi analyzed that output fell. Li further suggested that the purge is the cause."
    [source] = sources_of(text)
    assert source.name == "Li Linyi" and len(source.mentions) == 2


def test_one_word_mention_matches_last_word_of_western_name():
    text = "John C. Demers said the case was strong. Later, Demers added that more charges may follow."
    [source] = sources_of(text)
    assert source.name == "John C. Demers" and len(source.mentions) == 2


def test_two_full_names_fitting_a_one_word_mention_are_not_guessed():
    text = (
        "Li Linyi said output fell. Former minister Li Shangfu was removed last year. "
        "Li said the purge will continue."
    )
    names = [s.name for s in sources_of(text)]
    assert names == ["Li Linyi", "Li"]


def test_pseudonym_in_parentheses_is_the_descriptor_and_short_name_links():
    text = "Insider Wang Gang (pseudonym) worked at the plant for years. Wang recently disclosed that orders stopped."
    [source] = sources_of(text)
    assert source.name == "Wang Gang"
    assert "pseudonym" in source.descriptor and "insider" in source.descriptor


def test_named_insider_takes_over_the_earlier_anonymous_insider():
    text = (
        "An insider at a subcontractor recently revealed that orders stopped. "
        "Insider Wang Gang (pseudonym) worked there for years. Wang later said that bosses were worried."
    )
    sources = sources_of(text)
    assert [s.name for s in sources] == ["Wang Gang"]
    assert len(sources[0].mentions) == 2


def test_the_company_links_to_the_named_company():
    text = (
        "Zoom is a San Jose-based company whose software is developed in China. "
        "The company said it took action. Zoom said it would no longer allow such requests."
    )
    [source] = sources_of(text)
    assert source.name == "Zoom" and source.kind == "organisation"
    assert mention_texts(text, source) == ["The company", "Zoom"]


def test_definite_description_links_to_earlier_indefinite_one():
    text = "An FBI agent said in the complaint that Jin blocked meetings. The FBI agent said that data moved to China."
    sources = sources_of(text)
    agents = [s for s in sources if "agent" in s.name]
    assert len(agents) == 1 and len(agents[0].mentions) == 2


def test_name_transposition_typo_links_to_the_full_name():
    text = "Zhou Fengsuo told reporters that he hosted the event. “It was a first step,” Zhuo said."
    [source] = sources_of(text)
    assert source.name == "Zhou Fengsuo" and len(source.mentions) == 2


# --- pronouns ---


def test_pronoun_subject_resolves_to_the_nearest_named_source():
    text = "Shen Ming-shih told Epoch Times that budgets were inflated. He explained that kickbacks were common."
    [source] = sources_of(text)
    assert mention_texts(text, source) == ["Shen Ming-shih", "He"]


def test_pronoun_skips_incompatible_candidates():
    text = "Mark Hill said the plant closed. In this process, officials found opportunities. “It is bad,” he said."
    sources = sources_of(text)
    hill = by_name(sources, "Mark Hill")
    assert mention_texts(text, hill) == ["Mark Hill", "he"]


def test_pronoun_resolves_to_an_unnamed_person_in_subject_position():
    text = "In 2014, at a large aircraft maker, a workshop director discovered a scandal. He later revealed to reporters that bribes were common."
    [source] = sources_of(text)
    assert source.kind == "anonymous" and "workshop director" in source.name


def test_unresolvable_pronoun_is_dropped():
    assert sources_of("He said that the plan was good.") == []


def test_byline_author_is_not_a_source():
    text = "Cathy He said the report was flawed."
    assert sources_of(text, byline="Cathy He") == []


def test_sources_are_listed_in_order_of_first_appearance():
    text = "Anna Berg said prices rose. Tom Baker said wages fell. Berg added that rents rose too."
    assert [s.name for s in sources_of(text)] == ["Anna Berg", "Tom Baker"]


# --- seeds (the careful reader's list) ---


def _seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_001() -> list[Source]:
    return extract_sources(plain_article(_seed("001")))


def test_seed_001_names_the_expected_sources_with_roles(seed_001):
    names = {s.name: s for s in seed_001}
    assert "pseudonym" in names["Wang Gang"].descriptor and names["Wang Gang"].kind == "person"
    assert names["Li Linyi"].descriptor == "political commentator"
    assert names["Shen Ming-shih"].descriptor.startswith("director of the Institute for National Defense")
    assert names["Mark"].descriptor.startswith("host of the military program Mark")
    assert names["Xinhua News"].kind == "media"
    assert any(s.kind == "anonymous" and "workshop director" in s.name for s in seed_001)


def test_seed_001_has_no_reporter_outlet_or_editor_as_source(seed_001):
    names = {s.name for s in seed_001}
    assert not any("Epoch Times" in n for n in names)
    assert "Zheng Haoyu" not in names and "Editor" not in names


@pytest.fixture(scope="module")
def seed_003_zoom() -> tuple[str, list[Source]]:
    text = _seed("003")
    start = text.index("How Zoom Complied")
    end = text.index("Eva Fu contributed to this report.")
    body = text[start:end]
    return body, extract_sources(plain_article(body))


def test_seed_003_zoom_article_names_the_expected_sources(seed_003_zoom):
    _, sources = seed_003_zoom
    names = {s.name: s for s in sources}
    assert names["Zoom"].kind == "organisation"
    assert any(s.kind == "document" and ("complaint" in s.name or "court" in s.name) for s in sources)
    assert any("rosecutors" in s.name for s in sources)
    assert any(s.kind == "anonymous" and "FBI agent" in s.name for s in sources)
    assert names["Zhou Fengsuo"].kind == "person"
    assert names["John C. Demers"].descriptor == "assistant U.S. attorney general for national security"
    assert names["William Evanina"].descriptor == "director of the National Counterintelligence and Security Center"
    assert names["Wall Street Journal"].kind == "media"


def test_seed_003_zoom_article_links_the_company_and_the_complaint(seed_003_zoom):
    body, sources = seed_003_zoom
    zoom = by_name(sources, "Zoom")
    assert "The company" in mention_texts(body, zoom)
    documents = [s for s in sources if s.kind == "document"]
    assert any({"the complaint", "the court complaint"} <= set(mention_texts(body, s)) for s in documents)
    assert not any("Epoch Times" in s.name for s in sources)


def test_spellings_of_a_name_word_are_it_and_its_adjacent_swaps():
    from summaries.sources.names import MAX_SWAPPED, spellings

    assert set(spellings("zhou")) == {"zhou", "hzou", "zohu", "zhuo"}
    assert spellings("li") == ("li",)  # too short to tell a slip from another name
    assert set(spellings("anna")) == {"anna", "nana", "anan"}  # "nn" swapped is itself
    assert spellings("x" * (MAX_SWAPPED + 1)) == ("x" * (MAX_SWAPPED + 1),)
