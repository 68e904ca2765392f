from cleaning_helpers import clean_text, unaccounted

OTHER = (
    "Another report followed later with different facts about a different place and different people. "
    "Its second sentence is also about something else entirely, so nothing here repeats the first."
)
BODY = (
    "The story begins with a long paragraph that says what happened and where it happened, and why. "
    "A second sentence adds who was there and what they said about it afterwards, at some length."
)


def test_page_with_two_articles_is_split_at_their_header_groups():
    raw = (
        "Workers produce masks at a factory in Nanchang, China, on April 8, 2020.\n\n"
        f"OPINION\n\nThe Quality Crisis In Factories\n\nWANG HE\n\n{BODY}\n\n"
        "A 3D printed logo of a video app seen on a screen.\n\n"
        f"CENSORSHIP\n\nHow The App Complied With Authorities\n\nCATHY HE\n\n{OTHER}\n"
    )
    first, second = clean_text(raw)
    assert (first.label, first.title, first.byline) == ("OPINION", "The Quality Crisis In Factories", "WANG HE")
    assert (second.label, second.title, second.byline) == ("CENSORSHIP", "How The App Complied With Authorities", "CATHY HE")
    assert first.text == BODY and second.text == OTHER
    captions = [r.text for a in (first, second) for r in a.removed if r.reason == "photo caption"]
    assert len(captions) == 2
    assert unaccounted(raw, [first, second]) == ""


def test_section_heading_without_byline_does_not_split():
    raw = f"{BODY}\n\nDefective Testing Kits\n\n{OTHER}\n"
    [article] = clean_text(raw)
    assert article.paragraphs[1].kind == "heading"


def test_interview_turns_carry_their_speaker():
    raw = (
        "Interviewer: What did you see there, in all those years?\n\n"
        "Zhao Jie: I saw many things in the institute over the years.\n\n"
        "It was a difficult time for everyone involved.\n\n"
        "Interviewer: And what should the West do now?\n\n"
        "Zhao Jie: Restrict the export of machine tools.\n"
    )
    [article] = clean_text(raw)
    kinds = [(p.kind, p.speaker) for p in article.paragraphs]
    assert kinds == [
        ("turn", "Interviewer"), ("turn", "Zhao Jie"), ("turn", "Zhao Jie"), ("turn", "Interviewer"), ("turn", "Zhao Jie"),
    ]
    assert article.text.startswith("Interviewer: What")
