"""The article object of the JSON output, written and read in this one place.

Every command builds the same object and adds the keys of its stages (README.md,
"Output schema"). Offsets `start`/`end` index the article's `text`;
`raw_start`/`raw_end` index the decoded input file. JSON indexes are 0-based.

`article_from_object` and `stages_from_object` read such an object back (the engine's
`Analysis.from_json` rebuilds its result from them). The cache form
(`cache=True`) adds the engine version, the options, the header fields' raw spans
and the whole clean-to-raw offset map (run-length encoded), so the rebuilt result
writes exactly the same JSON. From the plain form the offset map is rebuilt from the
paragraphs' and sentences' raw spans: exact for them (and for summary items and
sections, which are whole sentences or paragraphs), interpolated inside a sentence.
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np

from summaries.model import (
    Article,
    Check,
    Claim,
    Mention,
    OffsetMap,
    Paragraph,
    RawSpan,
    Removal,
    Section,
    Sentence,
    SentenceStance,
    Source,
    Span,
    Stance,
    SummaryItem,
)


# ---------------------------------------------------------------- writing


def span_object(article: Article, start: int, end: int) -> dict[str, int]:
    raw = article.raw_span(start, end)
    return {"start": start, "end": end, "raw_start": raw.start, "raw_end": raw.end}


def article_object(
    article: Article,
    notes: tuple[str, ...] = (),
    *,
    algorithm: str | None = None,
    summary: list[SummaryItem] | None = None,
    sources: list[Source] | None = None,
    stance: Stance | None = None,
    cache: Mapping[str, Any] | None = None,
    check: Check | None = None,
) -> dict[str, Any]:
    """The article object with the stages given; `cache` holds what the cache form adds
    besides the header fields' spans and the offset map (the version and the options)."""
    obj: dict[str, Any] = {
        "file": article.file,
        "index": article.index,
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "label": article.label,
        "text": article.text,
        "paragraphs": [
            {**span_object(article, p.start, p.end), "kind": p.kind, "speaker": p.speaker} for p in article.paragraphs
        ],
        "sentences": [sentence_object(article, s) for s in article.sentences],
        "removed": [removal_object(r) for r in article.removed],
    }
    if notes:
        obj["notes"] = list(notes)
    if summary is not None:
        obj["algorithm"] = algorithm
        obj["summary"] = [summary_item_object(article, s) for s in summary]
    if sources is not None:
        obj["sources"] = [source_object(article, s) for s in sources]
    if stance is not None:
        add_stance(obj, article, stance)
    if check is not None:
        add_check(obj, article, check)
    if cache is not None:
        obj.update(cache)
        obj["fields"] = {name: [span.start, span.end] for name, span in article.fields.items()}
        obj["offsets"] = offset_runs(article.offsets.offsets)
    return obj


def sentence_object(article: Article, sentence: Sentence) -> dict[str, Any]:
    obj: dict[str, Any] = {**span_object(article, sentence.start, sentence.end), "paragraph": sentence.paragraph}
    if sentence.damage:  # only damaged sentences carry the keys: clean articles' JSON is unchanged
        obj["damaged"] = True
        obj["damage"] = sentence.damage
    return obj


def removal_object(removal: Removal) -> dict[str, Any]:
    obj: dict[str, Any] = {"raw_start": removal.raw_start, "raw_end": removal.raw_end, "reason": removal.reason, "text": removal.text}
    if removal.replacement is not None:
        obj["replacement"] = removal.replacement
    return obj


def summary_item_object(article: Article, item: SummaryItem) -> dict[str, Any]:
    return {
        "text": article.text[item.start : item.end],
        **span_object(article, item.start, item.end),
        "paragraph": item.paragraph,
        "sentence": item.sentence,
        "score": round(item.score, 6),
        "attribution": item.attribution,
        "reason": item.reason,
    }


def _optional_span(article: Article, span: Span | None) -> dict[str, int] | None:
    return None if span is None else span_object(article, span.start, span.end)


def mention_object(article: Article, mention: Mention) -> dict[str, Any]:
    cue = None
    if mention.cue is not None:
        cue = {**span_object(article, mention.cue.start, mention.cue.end), "text": mention.cue_text}
    return {
        **span_object(article, mention.start, mention.end),
        "text": article.text[mention.start : mention.end],
        "cue": cue,
        "content": _optional_span(article, mention.content),
        "sentence": mention.sentence,
    }


def source_object(article: Article, source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "kind": source.kind,
        "descriptor": source.descriptor,
        "count": len(source.mentions),
        "mentions": [mention_object(article, m) for m in source.mentions],
    }


def section_object(article: Article, section: Section) -> dict[str, Any]:
    return {
        "label": section.label,
        **span_object(article, section.start, section.end),
        "score": round(section.score, 4),
        "cues": list(section.cues),
    }


def add_stance(obj: dict[str, Any], article: Article, stance: Stance) -> None:
    obj["type"] = stance.article_type
    obj["type_reasons"] = list(stance.type_reasons)
    obj["sections"] = [section_object(article, s) for s in stance.sections]
    for sentence_obj, verdict in zip(obj["sentences"], stance.sentences, strict=True):
        sentence_obj["label"] = verdict.label
        sentence_obj["score"] = round(verdict.score, 4)
        sentence_obj["cues"] = list(verdict.cues)


def add_check(obj: dict[str, Any], article: Article, check: Check) -> None:
    """A summary's check: the summary as given, one object per claim, and the counts."""
    obj["summary_text"] = check.summary_text
    obj["claims"] = [claim_object(article, check.summary_text, claim) for claim in check.claims]
    obj["report"] = check.report()


def claim_object(article: Article, summary_text: str, claim: Claim) -> dict[str, Any]:
    return {
        "text": summary_text[claim.start : claim.end],
        "start": claim.start,
        "end": claim.end,
        "status": claim.status,
        "score": round(claim.score, 6),
        "support": [
            {"sentence": s.sentence, **span_object(article, s.start, s.end), "score": round(s.score, 6)} for s in claim.support
        ],
        "flags": [
            {
                "kind": f.kind,
                "text": summary_text[f.start : f.end],
                "start": f.start,
                "end": f.end,
                "message": f.message,
                "evidence": [span_object(article, e.start, e.end) for e in f.evidence],
            }
            for f in claim.flags
        ],
    }


def offset_runs(raw: np.ndarray) -> list[int]:
    """The offset map as [clean_start, raw_start, ...] pairs, one per run in which each
    clean character comes from the raw character after the previous one's."""
    if len(raw) == 0:
        return []
    starts = np.flatnonzero(np.diff(raw.astype(np.int64)) != 1) + 1
    starts = np.concatenate(([0], starts))
    return np.column_stack((starts, raw[starts])).ravel().tolist()


# ---------------------------------------------------------------- reading


def offsets_from_runs(runs: list[int], length: int) -> np.ndarray:
    pairs = np.asarray(runs, dtype=np.int64).reshape(-1, 2)
    raw = np.empty(length, dtype=np.int64)
    for (start, origin), end in zip(pairs, [*pairs[1:, 0], length], strict=True):
        raw[start:end] = origin + np.arange(end - start)
    return raw


def offsets_from_spans(length: int, spans: list[Mapping[str, Any]]) -> np.ndarray:
    """An offset map under which every span in `spans` (paragraphs, then sentences)
    maps to its own raw span; other positions take the raw offset before them."""
    raw = np.full(length, -1, dtype=np.int64)
    for span in spans:
        start, end, raw_start, raw_end = span["start"], span["end"], span["raw_start"], span["raw_end"]
        if end <= start:
            continue
        if end - start == 1 or raw_end - raw_start <= 1:
            raw[start:end] = raw_start
            raw[end - 1] = max(raw_end - 1, raw_start)
        else:
            steps = np.arange(end - start) * (raw_end - 1 - raw_start) // (end - start - 1)
            raw[start:end] = raw_start + steps
    known = np.flatnonzero(raw >= 0)
    if len(known) == 0:
        return np.arange(length, dtype=np.int64)
    # Positions between spans (paragraph breaks) carry the offset before them.
    filled = np.maximum.accumulate(np.where(raw >= 0, np.arange(length), -1))
    filled[filled < 0] = known[0]
    return raw[filled]


def _span(obj: Mapping[str, Any] | None) -> Span | None:
    return None if obj is None else Span(obj["start"], obj["end"])


def article_from_object(obj: Mapping[str, Any], raw: str | None = None) -> Article:
    text = obj["text"]
    paragraphs = tuple(Paragraph(p["start"], p["end"], p.get("kind", "body"), p.get("speaker")) for p in obj["paragraphs"])
    sentences = tuple(
        Sentence(s["start"], s["end"], s["paragraph"], s.get("damage") or None)
        for s in obj["sentences"]
    )
    if "offsets" in obj:
        offsets = offsets_from_runs(obj["offsets"], len(text))
    else:
        offsets = offsets_from_spans(len(text), [*obj["paragraphs"], *obj["sentences"]])
    removed = tuple(
        Removal(r["raw_start"], r["raw_end"], r["reason"], r["text"], r.get("replacement")) for r in obj.get("removed", ())
    )
    fields = {name: RawSpan(start, end) for name, (start, end) in obj.get("fields", {}).items()}
    return Article(
        file=obj["file"],
        index=obj["index"],
        text=text,
        offsets=OffsetMap(offsets),
        paragraphs=paragraphs,
        sentences=sentences,
        title=obj.get("title"),
        byline=obj.get("byline"),
        date=obj.get("date"),
        label=obj.get("label"),
        removed=removed,
        fields=fields,
        raw=raw if raw is not None else "",
    )


def _summary(obj: Mapping[str, Any]) -> list[SummaryItem]:
    return [
        SummaryItem(i["start"], i["end"], i["sentence"], i["paragraph"], i["score"], i.get("attribution"), i.get("reason"))
        for i in obj["summary"]
    ]


def _sources(obj: Mapping[str, Any]) -> list[Source]:
    sources = []
    for s in obj["sources"]:
        mentions = [
            Mention(
                m["start"],
                m["end"],
                _span(m["cue"]),
                m["cue"]["text"] if m["cue"] else None,
                _span(m["content"]),
                m["sentence"],
            )
            for m in s["mentions"]
        ]
        sources.append(Source(s["name"], s["kind"], s.get("descriptor"), mentions))
    return sources


def _stance(obj: Mapping[str, Any], article: Article) -> Stance:
    verdicts = [
        SentenceStance(i, s["label"], s["score"], tuple(s.get("cues", ())))
        for i, s in enumerate(obj["sentences"])
        if "label" in s
    ]
    sections = []
    for s in obj["sections"]:
        first = article.paragraph_index_at(s["start"])
        last = article.paragraph_index_at(max(s["end"] - 1, s["start"]))
        sections.append(
            Section(s["label"], s["start"], s["end"], s["score"], tuple(s.get("cues", ())), first or 0, last if last is not None else first or 0)
        )
    return Stance(obj["type"], tuple(obj.get("type_reasons", ())), verdicts, sections)


def stages_from_object(obj: Mapping[str, Any], article: Article) -> dict[str, Any]:
    """The stages an article object holds (summary, sources, stance), as model objects."""
    known: dict[str, Any] = {}
    if "summary" in obj:
        known["summary"] = _summary(obj)
    if "sources" in obj:
        known["sources"] = _sources(obj)
    if "type" in obj:
        known["stance"] = _stance(obj, article)
    return known
