"""Sections: maximal runs of paragraphs with the same dominant label.

A paragraph is `opinion` when most of its sentences are in the author's voice,
`analysis` when it is mostly a source's interpretation (attributed opinion) rather
than events, and `reporting` otherwise. Headings and empty paragraphs join the
paragraph they introduce. Each paragraph's shares are blended with its neighbours'
so a boundary needs more than one paragraph's evidence, but blending never swallows
a run: two or more adjacent paragraphs that are each opinion (or analysis) on their
own, each backed by at least two sentences, keep that label. A lone paragraph that
differs from its neighbours on the strength of a single sentence is smoothed into
them, so one stray sentence never splits a section.

Interviews are read by exchange (a question and the answer paragraphs after it): an
answer is the interviewee's account, `reporting`, unless most of its sentences are
the interviewee's own evaluation, `analysis`. Labelling whole exchanges keeps the
sections in step with the conversation instead of flickering paragraph by paragraph.
"""

from __future__ import annotations

from itertools import pairwise
from collections import Counter

from summaries.model import Article, Section
from summaries.segment import sentences_by_paragraph
from summaries.stance.article_type import Turn
from summaries.stance.sentences import Verdict

OPINION, REPORTING, ANALYSIS = "opinion", "reporting", "analysis"
MAX_SECTION_CUES = 3


# Each paragraph's shares are blended with its neighbours' (this much each) before
# labelling, so a section boundary needs more than one paragraph's worth of evidence.
NEIGHBOUR_WEIGHT = 0.25


def sentence_class(verdict: Verdict) -> str:
    if verdict.label == OPINION:
        return OPINION
    return ANALYSIS if verdict.attributed_opinion else REPORTING


def class_shares(verdicts: list[Verdict]) -> dict[str, float] | None:
    """Share of the paragraph's sentences in each class; None without sentences."""
    if not verdicts:
        return None
    counts = Counter(sentence_class(v) for v in verdicts)
    return {label: counts[label] / len(verdicts) for label in (OPINION, ANALYSIS, REPORTING)}


def label_from_shares(shares: dict[str, float]) -> str:
    opinion, analysis = shares[OPINION], shares[ANALYSIS]
    if opinion >= 0.5:
        return OPINION
    # The author's and sources' views together dominate: whose view leads decides.
    if opinion + analysis >= 0.5:
        return ANALYSIS if analysis >= opinion else OPINION
    return REPORTING


def blend(shares: list[dict[str, float] | None]) -> list[dict[str, float] | None]:
    blended: list[dict[str, float] | None] = []
    for i, own in enumerate(shares):
        if own is None:
            blended.append(None)
            continue
        total = dict(own)
        weight = 1.0
        for j in (i - 1, i + 1):
            if 0 <= j < len(shares) and shares[j] is not None:
                for label, value in shares[j].items():  # type: ignore[union-attr]
                    total[label] += NEIGHBOUR_WEIGHT / (1 - 2 * NEIGHBOUR_WEIGHT) * value
                weight += NEIGHBOUR_WEIGHT / (1 - 2 * NEIGHBOUR_WEIGHT)
        blended.append({label: value / weight for label, value in total.items()})
    return blended


def interview_exchanges(article: Article, turns: list[Turn]) -> list[list[int]]:
    """Paragraph groups of a Q&A: each opens at a turn by the one who asks (the speaker
    of the first turn) and runs to the next such turn. Empty without turns."""
    if not turns:
        return []
    asker = turns[0].speaker
    starts = [turn.paragraph for turn in turns if turn.speaker == asker]
    bounds = [*starts, len(article.paragraphs)]
    return [list(range(a, b)) for a, b in pairwise(bounds) if b > a]


def exchange_label(verdicts: list[Verdict]) -> str:
    """An answer is the interviewee's account unless mostly their own evaluation."""
    shares = class_shares(verdicts)
    if shares is None:
        return REPORTING
    return ANALYSIS if shares[ANALYSIS] + shares[OPINION] >= 0.5 else REPORTING


def keep_supported_runs(labels: list[str | None], own: list[str | None], support: list[int]) -> list[str | None]:
    """Blending may not swallow a run of two or more paragraphs that are opinion or
    analysis on their own, each backed by two or more sentences."""
    kept = list(labels)
    strong = [own[i] in (OPINION, ANALYSIS) and support[i] >= 2 for i in range(len(own))]
    for i, label in enumerate(own):
        if not strong[i]:
            continue
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(own) and strong[j] and own[j] == label]
        if neighbours:
            kept[i] = label
    return kept


def _fill_unlabelled(labels: list[str | None]) -> list[str]:
    """Headings and empty paragraphs take the label of the next labelled paragraph."""
    filled: list[str | None] = list(labels)
    following = None
    for i in range(len(filled) - 1, -1, -1):
        if filled[i] is None:
            filled[i] = following
        else:
            following = filled[i]
    previous = REPORTING
    for i, label in enumerate(filled):
        if label is None:
            filled[i] = previous
        previous = filled[i]  # type: ignore[assignment]
    return filled  # type: ignore[return-value]


def smooth(labels: list[str], support: list[int], fixed: set[int]) -> list[str]:
    """Relabel single paragraphs whose label rests on one sentence and that break a run.

    A paragraph between two paragraphs of another (shared) label joins them; at the
    start or end of the article it joins its only neighbour. Paragraphs in `fixed`
    (explicitly labelled, e.g. an editor's note) keep their label.
    """
    smoothed = list(labels)
    for i, label in enumerate(labels):
        if i in fixed or support[i] > 1:
            continue
        before = smoothed[i - 1] if i > 0 else None
        after = labels[i + 1] if i + 1 < len(labels) else None
        neighbours = {x for x in (before, after) if x is not None}
        if len(neighbours) == 1 and label not in neighbours:
            smoothed[i] = neighbours.pop()
    return smoothed


def _section_cues(label: str, verdicts: list[Verdict], extra: list[str]) -> tuple[str, ...]:
    """The most frequent cue kinds among the section's sentences that carry its label."""
    words: dict[str, Counter[str]] = {}
    kinds: Counter[str] = Counter()
    for verdict in verdicts:
        if sentence_class(verdict) != label:
            continue
        for cue in verdict.cues():
            kind, _, detail = cue.partition(": ")
            kinds[kind] += 1
            words.setdefault(kind, Counter()).update(w for w in detail.split(", ") if w)
    cues = list(extra)
    for kind, _ in kinds.most_common():
        if len(cues) == MAX_SECTION_CUES:
            break
        top = [w for w, _ in words[kind].most_common(3)]
        cues.append(f"{kind}: {', '.join(top)}" if top else kind)
    return tuple(cues[:MAX_SECTION_CUES])


def build_sections(
    article: Article,
    verdicts: list[Verdict],
    forced: dict[int, tuple[str, str]],
    exchanges: list[list[int]] | None = None,
) -> list[Section]:
    """Sections over `article`'s paragraphs; `forced` maps a paragraph to (label, reason);
    `exchanges` are an interview's paragraph groups, each labelled as a whole."""
    by_paragraph = sentences_by_paragraph(article.sentences, len(article.paragraphs))
    shares = [
        class_shares([verdicts[i] for i in by_paragraph[p]]) if paragraph.kind != "heading" else None
        for p, paragraph in enumerate(article.paragraphs)
    ]
    own: list[str | None] = [None if b is None else label_from_shares(b) for b in shares]
    own_support = [
        0 if label is None else sum(sentence_class(verdicts[i]) == label for i in by_paragraph[p])
        for p, label in enumerate(own)
    ]
    raw_labels = keep_supported_runs([None if b is None else label_from_shares(b) for b in blend(shares)], own, own_support)
    support = [0] * len(article.paragraphs)
    in_exchange: set[int] = set()
    for group in exchanges or ():
        label = exchange_label([verdicts[i] for p in group for i in by_paragraph[p]])
        for p in group:
            if raw_labels[p] is not None:
                raw_labels[p] = label
                support[p] = len(by_paragraph[p])
        in_exchange.update(group)
    for p, label in enumerate(raw_labels):
        if p in forced:
            raw_labels[p] = forced[p][0]
            support[p] = len(by_paragraph[p])
        elif label is not None and p not in in_exchange:
            support[p] = sum(sentence_class(verdicts[i]) == label for i in by_paragraph[p])
    labels = smooth(_fill_unlabelled(raw_labels), support, set(forced) | in_exchange)

    sections: list[Section] = []
    start = 0
    for p in range(1, len(labels) + 1):
        if p < len(labels) and labels[p] == labels[start]:
            continue
        sentence_ids = [i for q in range(start, p) for i in by_paragraph[q]]
        members = [verdicts[i] for i in sentence_ids]
        score = sum(v.score for v in members) / len(members) if members else 0.0
        reasons = list(dict.fromkeys(forced[q][1] for q in range(start, p) if q in forced))
        sections.append(
            Section(
                label=labels[start],
                start=article.paragraphs[start].start,
                end=article.paragraphs[p - 1].end,
                score=score,
                cues=_section_cues(labels[start], members, reasons),
                first_paragraph=start,
                last_paragraph=p - 1,
            )
        )
        start = p
    return sections
