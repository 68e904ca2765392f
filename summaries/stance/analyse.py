"""Opinion versus reporting over a whole article: sentences, sections, article type.

Attribution comes from context first: a sentence that carries a named source's
words (a mention's sentence, or any sentence its content spans) reports that
source's view, as does every sentence of an interview turn (the speaker's). Only
sentences with neither fall back to the single-sentence attribution pattern.
"""

from __future__ import annotations

from summaries.model import Article, Source, Stance
from summaries.stance.article_type import INTERVIEW, Turn, classify_type, editors_note_paragraphs, interview_turns
from summaries.stance.sections import OPINION, build_sections
from summaries.stance.sentences import Verdict, judge_many


def attributions(article: Article, sources: list[Source]) -> dict[int, str]:
    """Sentence index -> name of the source whose words or view it carries."""
    found: dict[int, str] = {}
    for source in sources:
        for mention in source.mentions:
            found.setdefault(mention.sentence, source.name)
            if mention.content is not None:
                for index, sentence in enumerate(article.sentences):
                    if sentence.start < mention.content.end and mention.content.start < sentence.end:
                        found.setdefault(index, source.name)
    return found


def _turn_speakers(article: Article, turns: list[Turn]) -> dict[int, str]:
    """Sentence index -> speaker; a turn runs on through the paragraphs after it
    until the next turn (an answer often spans several paragraphs)."""
    if not turns:
        return {}
    by_paragraph = {turn.paragraph: turn.speaker for turn in turns}
    speaker_of: dict[int, str] = {}
    current = None
    for p, paragraph in enumerate(article.paragraphs):
        current = by_paragraph.get(p, current)
        if current is not None and paragraph.kind != "heading":
            speaker_of[p] = current
    return {i: speaker_of[s.paragraph] for i, s in enumerate(article.sentences) if s.paragraph in speaker_of}


def analyse_stance(article: Article, sources: list[Source] | None = None) -> Stance:
    if sources is None:
        from summaries.sources import extract_sources

        sources = extract_sources(article)
    turns = interview_turns(article)
    attributed = attributions(article, sources)
    # In a Q&A everything inside a turn is its speaker's: the answers are the
    # interviewee's views, the questions the interviewer's, none the author's prose.
    attributed.update(_turn_speakers(article, turns))
    # One batched call embeds the whole article's wording.
    verdicts: list[Verdict] = judge_many(
        [article.span_text(sentence) for sentence in article.sentences],
        [attributed.get(index) for index in range(len(article.sentences))],
    )
    # An editor's note is the publication's own framing of what follows.
    forced = {p: (OPINION, "editor's note") for p in editors_note_paragraphs(article)}
    sections = build_sections(article, verdicts, forced)
    counted = [v for i, v in enumerate(verdicts) if article.paragraphs[article.sentences[i].paragraph].kind != "heading"]
    share = sum(v.label == OPINION for v in counted) / len(counted) if counted else 0.0
    article_type, reasons = classify_type(article, share, turns)
    if forced and article_type != INTERVIEW:
        reasons = (*reasons, "editor's note")
    elif forced:
        reasons = (*reasons, "editor's note is opinion")
    return Stance(article_type, reasons, [v.stance(i) for i, v in enumerate(verdicts)], sections)
