"""Output of articles and their analyses: text, Markdown, JSON and JSON Lines.

The article object schema is defined here and only here (documented in README.md):
every command builds the same object and adds its own keys. Offsets `start`/`end`
index the article's `text`; `raw_start`/`raw_end` index the decoded input file.
Citation markers (`¶4`) are 1-based paragraph numbers; JSON indexes are 0-based.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, TextIO

from reader.terminal import json_safe, terminal_safe
from summaries.model import Article, Mention, Section, Source, Span, Stance, SummaryItem

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Analysed:
    """An article with whichever analyses a command computed for it."""

    article: Article
    summary: list[SummaryItem] | None = None
    algorithm: str | None = None
    sources: list[Source] | None = None
    stance: Stance | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- JSON objects


def span_object(article: Article, start: int, end: int) -> dict[str, int]:
    raw = article.raw_span(start, end)
    return {"start": start, "end": end, "raw_start": raw.start, "raw_end": raw.end}


def article_object(item: Analysed) -> dict[str, Any]:
    article = item.article
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
        "sentences": [{**span_object(article, s.start, s.end), "paragraph": s.paragraph} for s in article.sentences],
        "removed": [removal_object(r) for r in article.removed],
    }
    if item.notes:
        obj["notes"] = list(item.notes)
    if item.summary is not None:
        obj["algorithm"] = item.algorithm
        obj["summary"] = [summary_item_object(article, s) for s in item.summary]
    if item.sources is not None:
        obj["sources"] = [source_object(article, s) for s in item.sources]
    if item.stance is not None:
        add_stance(obj, article, item.stance)
    return obj


def removal_object(removal) -> dict[str, Any]:
    obj = {"raw_start": removal.raw_start, "raw_end": removal.raw_end, "reason": removal.reason, "text": removal.text}
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
    for sentence_obj, verdict in zip(obj["sentences"], stance.sentences):
        sentence_obj["label"] = verdict.label
        sentence_obj["score"] = round(verdict.score, 4)
        sentence_obj["cues"] = list(verdict.cues)


# ---------------------------------------------------------------- writers


def write(items: Iterable[Analysed], fmt: str, out: TextIO, *, parts: frozenset[str], show_removed: bool = False) -> None:
    """Write every item in `fmt`; `parts` says which sections text/Markdown show."""
    if fmt == "jsonl":
        for item in items:
            out.write(json_safe(json.dumps(article_object(item), ensure_ascii=False)) + "\n")
        return
    if fmt == "json":
        articles = [article_object(item) for item in items]
        out.write(json_safe(json.dumps({"schema": SCHEMA_VERSION, "articles": articles}, ensure_ascii=False, indent=2)))
        out.write("\n")
        return
    writer = _text_article if fmt == "text" else _markdown_article
    for number, item in enumerate(items):
        if number:
            out.write("\n" + ("=" * 72 if fmt == "text" else "---") + "\n\n")
        out.write(terminal_safe(writer(item, parts, show_removed)))


def header_lines(article: Article, *, cleaned_article: bool) -> list[str]:
    """Label, title, byline · date. The cleaned-article view prints only what the
    article itself says (so its words are the article's words); analyses also name
    the file and stand in a made-up title when there is none."""
    lines = [article.label] if article.label else []
    if article.title or not cleaned_article:
        lines.append(article.display_title)
    meta = [x for x in (article.byline, article.date) if x]
    if meta:
        lines.append(" · ".join(meta))
    if not cleaned_article:
        lines.append(f"[{article.file} #{article.index + 1}]")
    return lines


def marker(paragraph_index: int) -> str:
    return f"¶{paragraph_index + 1}"


def _text_article(item: Analysed, parts: frozenset[str], show_removed: bool) -> str:
    article = item.article
    lines = header_lines(article, cleaned_article=parts == {"article"})
    if lines:
        lines.append("")
    if "summary" in parts and item.summary is not None:
        lines.append(f"Summary ({item.algorithm}, {len(item.summary)} of {len(article.sentences)} sentences)")
        for s in item.summary:
            who = f"  — {s.attribution}" if s.attribution else ""
            lines.append(f"  • {article.text[s.start:s.end]} [{marker(s.paragraph)}]{who}")
        lines.append("")
    if "sources" in parts and item.sources is not None:
        lines.append(f"Named sources ({len(item.sources)})")
        for source in item.sources:
            desc = f", {source.descriptor}" if source.descriptor else ""
            lines.append(f"  {source.name} ({source.kind}{desc}) ×{len(source.mentions)}")
            for m in source.mentions:
                cue = f" {m.cue_text!r}" if m.cue_text else ""
                paragraph = article.sentences[m.sentence].paragraph
                lines.append(f"    [{marker(paragraph)}]{cue} {article.text[m.start:m.end]!r}")
        lines.append("")
    if "sections" in parts and item.stance is not None:
        stance = item.stance
        lines.append(f"Type: {stance.article_type} ({'; '.join(stance.type_reasons)})")
        for section in stance.sections:
            first = " ".join(article.text[section.start : section.end].split()[:10])
            span = f"¶{section.first_paragraph + 1}–{section.last_paragraph + 1}"
            cues = f"  [{', '.join(section.cues[:3])}]" if section.cues else ""
            lines.append(f"  {section.label:<9} {section.score:.2f} {span:<8} {first}…{cues}")
        lines.append("")
    if "article" in parts:
        for index, paragraph in enumerate(article.paragraphs):
            body = article.text[paragraph.start : paragraph.end]
            lines.append(f"## {body}" if paragraph.kind == "heading" else body)
            lines.append("")
    if show_removed:
        lines += _removed_lines(article)
    return "\n".join(lines).rstrip("\n") + "\n"


def _removed_lines(article: Article) -> list[str]:
    lines = [f"Removed or changed by cleaning ({len(article.removed)})"]
    for r in article.removed:
        text = r.text if len(r.text) <= 120 else r.text[:117] + "…"
        change = f" → {r.replacement!r}" if r.replacement is not None else ""
        lines.append(f"  {r.raw_start}-{r.raw_end} {r.reason}: {text!r}{change}")
    lines.append("")
    return lines


def _markdown_escape(text: str) -> str:
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_[]<>#|" else ch)
    return "".join(out)


def _markdown_article(item: Analysed, parts: frozenset[str], show_removed: bool) -> str:
    article = item.article
    anchor = f"a{article.index + 1}"
    lines = []
    if article.label:
        lines.append(f"**{_markdown_escape(article.label)}**\n")
    lines.append(f"# {_markdown_escape(article.display_title)}\n")
    meta = [x for x in (article.byline, article.date) if x]
    lines.append(f"*{_markdown_escape(' · '.join(meta + [article.file]))}*\n")
    if "summary" in parts and item.summary is not None:
        lines.append(f"## Summary ({item.algorithm})\n")
        for s in item.summary:
            who = f" — *{_markdown_escape(s.attribution)}*" if s.attribution else ""
            text = _markdown_escape(article.text[s.start : s.end])
            lines.append(f"- {text} [{marker(s.paragraph)}](#{anchor}-p{s.paragraph + 1}){who}")
        lines.append("")
    if "sources" in parts and item.sources is not None:
        lines.append("## Named sources\n")
        lines.append("| Source | Kind | Descriptor | Mentions |")
        lines.append("|---|---|---|---|")
        for source in item.sources:
            links = " ".join(
                f"[{marker(article.sentences[m.sentence].paragraph)}](#{anchor}-p{article.sentences[m.sentence].paragraph + 1})"
                for m in source.mentions
            )
            lines.append(
                f"| {_markdown_escape(source.name)} | {source.kind} | {_markdown_escape(source.descriptor or '')} | {links} |"
            )
        lines.append("")
    if "sections" in parts and item.stance is not None:
        lines.append(f"## Sections — type: {item.stance.article_type}\n")
        for section in item.stance.sections:
            p = section.first_paragraph + 1
            cues = f" ({_markdown_escape(', '.join(section.cues[:3]))})" if section.cues else ""
            lines.append(f"- **{section.label}** {section.score:.2f} [¶{p}–{section.last_paragraph + 1}](#{anchor}-p{p}){cues}")
        lines.append("")
    if "article" in parts or "summary" in parts or "sources" in parts or "sections" in parts:
        lines.append("## Article\n")
        for index, paragraph in enumerate(article.paragraphs):
            body = _markdown_escape(article.text[paragraph.start : paragraph.end])
            tag = f'<a id="{anchor}-p{index + 1}"></a>'
            lines.append(f"### {tag}{body}\n" if paragraph.kind == "heading" else f"{tag}{body} *{marker(index)}*\n")
    if show_removed:
        lines.append("## Removed by cleaning\n")
        for r in article.removed:
            shown = r.text[:120].replace("`", "'")
            lines.append(f"- {r.raw_start}–{r.raw_end} **{r.reason}**: `{shown}`")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
