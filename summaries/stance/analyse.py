"""Opinion versus reporting over a whole article: sentences, sections, article type.

Attribution comes from context first, as a careful editor reads it:
- a sentence that carries a named source's words (a mention's sentence, or any
  sentence its content spans) reports that source's view;
- a quotation that runs over several sentences is one turn: every sentence from its
  opening mark to its closing one is the speaker's, and a quotation with no source of
  its own continues the turn of the source attributed just before it;
- in an article that does not declare itself opinion, a paragraph that opens by
  attributing ("According to Wang, …") goes on in that source's voice until it names
  another source or ends (the reporter's convention for relaying an account);
- in an interview every sentence of a turn is its speaker's.
Only sentences with none of these fall back to the single-sentence attribution pattern.

Context also sets the prior for the author's own sentences: an article that declares
itself opinion (kicker, disclaimer), or a block under an evaluative heading ("X Is
Hopeless"), argues, so its unattributed sentences with evaluative wording lean to
opinion (their log-odds move by a fixed prior; plain facts, with no such wording, do not).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from summaries.model import Article, Source, Stance
from summaries.segment import sentences_by_paragraph
from summaries.stance.article_type import (
    INTERVIEW,
    OPINION as OPINION_TYPE,
    Turn,
    classify_type,
    declared_type,
    editors_note_paragraphs,
    interview_turns,
)
from summaries.stance.features import normalise_quotes
from summaries.stance.sections import OPINION, build_sections, interview_exchanges
from summaries.stance.sentences import Verdict, judge_many

# Log-odds added to an unattributed evaluative sentence in an article that declares
# itself opinion: odds x e (a 0.3 becomes 0.54). The sentence model is fitted on
# sentences from mixed articles; a declared opinion piece is mostly argument.
DECLARED_OPINION_PRIOR = 1.0
# The same for the block of paragraphs under a heading the model reads as opinion.
EVALUATIVE_HEADING_PRIOR = 1.0
QUOTED_SPEAKER = "a quoted speaker"


def attributions(article: Article, sources: list[Source]) -> dict[int, str]:
    """Sentence index -> name of the source whose words or view it carries (mentions only)."""
    starts = [sentence.start for sentence in article.sentences]
    ends = [sentence.end for sentence in article.sentences]
    found: dict[int, str] = {}
    for source in sources:
        for mention in source.mentions:
            found.setdefault(mention.sentence, source.name)
            content = mention.content
            if content is not None:
                # the sentences overlapping the content: a run, found by bisection
                for index in range(bisect_right(ends, content.start), bisect_left(starts, content.end)):
                    found.setdefault(index, source.name)
    return found


def _quote_marks(text: str) -> int:
    return normalise_quotes(text).count('"')


def _opens_with_quote(article: Article, paragraph: int) -> bool:
    if paragraph >= len(article.paragraphs):
        return False
    return normalise_quotes(article.span_text(article.paragraphs[paragraph]).lstrip()[:1]) == '"'


def quotation_runs(article: Article) -> list[list[int]]:
    """Runs of two or more sentences inside one quotation (its marks open in the first
    and close in the last). A quotation left open at a paragraph's end counts only when
    the next paragraph opens with a quotation mark (how a quote runs on over paragraphs);
    otherwise the odd mark is more likely a stray or OCR slip than a turn."""
    runs: list[list[int]] = []
    for p, indices in enumerate(sentences_by_paragraph(article.sentences, len(article.paragraphs))):
        current: list[int] | None = None
        for index in indices:
            odd = _quote_marks(article.span_text(article.sentences[index])) % 2 == 1
            if current is None:
                if odd:
                    current = [index]
            else:
                current.append(index)
                if odd:
                    runs.append(current)
                    current = None
        if current is not None and len(current) > 1 and _opens_with_quote(article, p + 1):
            runs.append(current)
    return runs


def _previous_source(found: dict[int, str], article: Article, index: int) -> str | None:
    """The source of the nearest attributed sentence before `index`, in its paragraph or the one before."""
    paragraph = article.sentences[index].paragraph
    for earlier in range(index - 1, -1, -1):
        if article.sentences[earlier].paragraph < paragraph - 1:
            return None
        if earlier in found:
            return found[earlier]
    return None


def continue_quotations(article: Article, found: dict[int, str]) -> None:
    """Every sentence of a multi-sentence quotation is its speaker's."""
    for run in quotation_runs(article):
        speaker = next((found[i] for i in run if i in found), None)
        speaker = speaker or _previous_source(found, article, run[0]) or QUOTED_SPEAKER
        for index in run:
            found.setdefault(index, speaker)


def continue_paragraph_attribution(article: Article, found: dict[int, str]) -> None:
    """A paragraph that opens by attributing goes on in that source's voice until another source is named."""
    for indices in sentences_by_paragraph(article.sentences, len(article.paragraphs)):
        if len(indices) < 2 or indices[0] not in found:
            continue
        speaker = found[indices[0]]
        for index in indices[1:]:
            if index in found:
                break
            found[index] = speaker


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


def _own_evaluative(verdict: Verdict) -> bool:
    return verdict.attributed_to is None and verdict.evaluative


def apply_priors(article: Article, verdicts: list[Verdict], declared_opinion: str | None) -> list[Verdict]:
    """Verdicts with the article's and the headings' priors on unattributed evaluative sentences."""
    shifted = list(verdicts)
    if declared_opinion:
        reason = f"opinion article ({declared_opinion})"
        shifted = [v.with_prior(DECLARED_OPINION_PRIOR, reason) if _own_evaluative(v) else v for v in shifted]
    heading: str | None = None
    by_paragraph = sentences_by_paragraph(article.sentences, len(article.paragraphs))
    for paragraph, indices in zip(article.paragraphs, by_paragraph, strict=True):
        if paragraph.kind == "heading":
            # Judged without any prior: the heading's own wording must be evaluative.
            own = [verdicts[i] for i in indices]
            heading = article.span_text(paragraph).strip() if own and all(
                v.label == OPINION and v.attributed_to is None for v in own
            ) else None
            continue
        if heading:
            reason = f"under evaluative heading: {heading[:40]}"
            for i in indices:
                if _own_evaluative(shifted[i]):
                    shifted[i] = shifted[i].with_prior(EVALUATIVE_HEADING_PRIOR, reason)
    return shifted


def analyse_stance(article: Article, sources: list[Source] | None = None) -> Stance:
    if sources is None:
        from summaries.sources import extract_sources

        sources = extract_sources(article)
    turns = interview_turns(article)
    declared = declared_type(article)
    declared_opinion = declared[1] if declared and declared[0] == OPINION_TYPE else None
    attributed = attributions(article, sources)
    continue_quotations(article, attributed)
    if not declared_opinion:
        continue_paragraph_attribution(article, attributed)
    # In a Q&A everything inside a turn is its speaker's: the answers are the
    # interviewee's views, the questions the interviewer's, none the author's prose.
    attributed.update(_turn_speakers(article, turns))
    # One batched call embeds the whole article's wording.
    verdicts: list[Verdict] = judge_many(
        [article.span_text(sentence) for sentence in article.sentences],
        [attributed.get(index) for index in range(len(article.sentences))],
    )
    verdicts = apply_priors(article, verdicts, declared_opinion)
    # An editor's note is the publication's own framing of what follows.
    forced = {p: (OPINION, "editor's note") for p in editors_note_paragraphs(article)}
    sections = build_sections(article, verdicts, forced, interview_exchanges(article, turns))
    counted = [v for i, v in enumerate(verdicts) if article.paragraphs[article.sentences[i].paragraph].kind != "heading"]
    share = sum(v.label == OPINION for v in counted) / len(counted) if counted else 0.0
    article_type, reasons = classify_type(article, share, turns)
    if forced and article_type != INTERVIEW:
        reasons = (*reasons, "editor's note")
    elif forced:
        reasons = (*reasons, "editor's note is opinion")
    return Stance(article_type, reasons, [v.stance(i) for i, v in enumerate(verdicts)], sections)
