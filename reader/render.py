"""Output of analysed articles: text, Markdown, JSON and JSON Lines.

JSON is the engine's article object (summaries/schema.py, documented in README.md),
written here; text and Markdown are for people. `parts` names the stages shown
(`summary`, `sources`, `stance`; none for the cleaned article alone). Citation
markers (`¶4`) are 1-based paragraph numbers; JSON indexes are 0-based. Everything
written passes the terminal sanitiser (reader/terminal.py).
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from reader.terminal import json_safe, terminal_safe
from summaries.analysis import Analysis
from summaries.model import Article, Check, Claim, Flag
from summaries.version import SCHEMA_VERSION

# ---------------------------------------------------------------- writers


def article_output(analysis: Analysis, fmt: str, parts: tuple[str, ...] = (), show_removed: bool = False) -> str:
    """One article in `fmt`, with the stages in `parts` (computed if needed), as
    `OutputWriter` puts it in the output: each article is written on its own, so
    articles made in other processes can be written as they arrive."""
    if fmt in ("json", "jsonl"):
        return _json_item(analysis.to_json(parts), fmt)
    writer = _text_article if fmt == "text" else _markdown_article
    return terminal_safe(writer(analysis, parts, show_removed))


def _json_item(obj: dict, fmt: str) -> str:
    """One object of the output: a line of JSON Lines, or indented as
    `json.dumps(document, indent=2)` writes it inside the document's list."""
    if fmt == "jsonl":
        return json_safe(json.dumps(obj, ensure_ascii=False)) + "\n"
    block = json.dumps(obj, ensure_ascii=False, indent=2)
    return json_safe("\n".join(_JSON_ITEM_INDENT + line for line in block.split("\n")))


_JSON_ITEM_INDENT = " " * 4
_SEPARATORS = {"text": "\n" + "=" * 72 + "\n\n", "markdown": "\n---\n\n", "jsonl": "", "json": ",\n"}


class OutputWriter:
    """Writes articles formatted by `article_output` to `out`, as each arrives, with what
    goes between and around them: one JSON document, JSON Lines, or text/Markdown with a
    rule between articles. `key` names the JSON document's list."""

    def __init__(self, out: TextIO, fmt: str, key: str = "articles") -> None:
        self.out = out
        self.fmt = fmt
        self.key = key
        self.count = 0

    def add(self, article: str) -> None:
        if self.count:
            self.out.write(_SEPARATORS[self.fmt])
        elif self.fmt == "json":
            self.out.write(f'{{\n  "schema": {SCHEMA_VERSION},\n  "{self.key}": [\n')
        self.out.write(article)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n  ]\n}\n" if self.count else f'{{\n  "schema": {SCHEMA_VERSION},\n  "{self.key}": []\n}}\n')


def write(
    analyses: Iterable[Analysis], fmt: str, out: TextIO, *, parts: tuple[str, ...] = (), show_removed: bool = False
) -> None:
    """Write every analysis in `fmt` with the stages in `parts` (computed if needed)."""
    writer = OutputWriter(out, fmt)
    for analysis in analyses:
        writer.add(article_output(analysis, fmt, parts, show_removed))
    writer.close()


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


def _text_article(analysis: Analysis, parts: tuple[str, ...], show_removed: bool) -> str:
    article = analysis.article
    lines = header_lines(article, cleaned_article=not parts)
    if lines:
        lines.append("")
    if "summary" in parts:
        summary = analysis.summary
        lines.append(f"Summary ({analysis.algorithm}, {len(summary)} of {len(article.sentences)} sentences)")
        for s in summary:
            who = f"  — {s.attribution}" if s.attribution else ""
            lines.append(f"  • {article.text[s.start:s.end]} [{marker(s.paragraph)}]{who}")
        lines.append("")
    if "sources" in parts:
        sources = analysis.sources
        lines.append(f"Named sources ({len(sources)})")
        for source in sources:
            desc = f", {source.descriptor}" if source.descriptor else ""
            lines.append(f"  {source.name} ({source.kind}{desc}) ×{len(source.mentions)}")
            for m in source.mentions:
                cue = f" {m.cue_text!r}" if m.cue_text else ""
                paragraph = article.sentences[m.sentence].paragraph
                lines.append(f"    [{marker(paragraph)}]{cue} {article.text[m.start:m.end]!r}")
        lines.append("")
    if "stance" in parts:
        stance = analysis.stance
        lines.append(f"Type: {stance.article_type} ({'; '.join(stance.type_reasons)})")
        for section in stance.sections:
            first = " ".join(article.text[section.start : section.end].split()[:10])
            span = f"¶{section.first_paragraph + 1}–{section.last_paragraph + 1}"
            cues = f"  [{', '.join(section.cues[:3])}]" if section.cues else ""
            lines.append(f"  {section.label:<9} {section.score:.2f} {span:<8} {first}…{cues}")
        lines.append("")
    if not parts:  # the cleaned article itself
        for paragraph in article.paragraphs:
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


def _markdown_article(analysis: Analysis, parts: tuple[str, ...], show_removed: bool) -> str:
    article = analysis.article
    anchor = f"a{article.index + 1}"
    lines = []
    if article.label:
        lines.append(f"**{_markdown_escape(article.label)}**\n")
    lines.append(f"# {_markdown_escape(article.display_title)}\n")
    meta = [x for x in (article.byline, article.date) if x]
    lines.append(f"*{_markdown_escape(' · '.join(meta + [article.file]))}*\n")
    if "summary" in parts:
        lines.append(f"## Summary ({analysis.algorithm})\n")
        for s in analysis.summary:
            who = f" — *{_markdown_escape(s.attribution)}*" if s.attribution else ""
            text = _markdown_escape(article.text[s.start : s.end])
            lines.append(f"- {text} [{marker(s.paragraph)}](#{anchor}-p{s.paragraph + 1}){who}")
        lines.append("")
    if "sources" in parts:
        lines.append("## Named sources\n")
        lines.append("| Source | Kind | Descriptor | Mentions |")
        lines.append("|---|---|---|---|")
        for source in analysis.sources:
            links = " ".join(
                f"[{marker(article.sentences[m.sentence].paragraph)}](#{anchor}-p{article.sentences[m.sentence].paragraph + 1})"
                for m in source.mentions
            )
            lines.append(
                f"| {_markdown_escape(source.name)} | {source.kind} | {_markdown_escape(source.descriptor or '')} | {links} |"
            )
        lines.append("")
    if "stance" in parts:
        stance = analysis.stance
        lines.append(f"## Sections — type: {stance.article_type}\n")
        for section in stance.sections:
            p = section.first_paragraph + 1
            cues = f" ({_markdown_escape(', '.join(section.cues[:3]))})" if section.cues else ""
            lines.append(f"- **{section.label}** {section.score:.2f} [¶{p}–{section.last_paragraph + 1}](#{anchor}-p{p}){cues}")
        lines.append("")
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


# ---------------------------------------------------------------- the editor's check

STATUS_MARKS = {"verbatim": "=", "supported": "✓", "partial": "~", "unsupported": "✗"}
FLAG_WORDS = {
    "number": "number",
    "name": "name",
    "quote": "quotation",
    "attribution": "attribution",
    "negation": "negation",
    "unsupported": "unsupported",
}


def check_output(analysis: Analysis, check: Check, fmt: str) -> str:
    """One check (a summary held against `analysis.article`) in `fmt`, as
    `write_checks` puts it in the output."""
    if fmt in ("json", "jsonl"):
        return _json_item(analysis.to_json((), check=check), fmt)
    writer = _text_check if fmt == "text" else _markdown_check
    return terminal_safe(writer(analysis.article, check))


def write_checks(outputs: Iterable[str], fmt: str, out: TextIO) -> None:
    """Checks made by `check_output`: `{"schema": 1, "checks": [...]}` for JSON, one per
    line for JSON Lines, separated by a rule for text and Markdown."""
    writer = OutputWriter(out, fmt, key="checks")
    for output in outputs:
        writer.add(output)
    writer.close()


def check_summary_line(check: Check) -> str:
    report = check.report()
    return (
        f"{report['claims']} claim(s): {report['verbatim']} verbatim, {report['supported']} supported, "
        f"{report['partial']} partial, {report['unsupported']} unsupported; {report['flags']} flag(s)"
    )


def claim_citations(article: Article, claim: Claim) -> str:
    paragraphs = dict.fromkeys(article.sentences[s.sentence].paragraph for s in claim.support)
    return ", ".join(marker(p) for p in paragraphs)


def flag_line(article: Article, check: Check, flag: Flag) -> str:
    """A flag in plain words, with the article's words it rests on."""
    said = check.summary_text[flag.start : flag.end]
    line = f"{FLAG_WORDS[flag.kind]}: {flag.message}"
    if flag.kind != "unsupported" and len(said) < 60 and said not in flag.message:
        line += f" ({said!r})"
    if flag.evidence:
        shown = "; ".join(_clip(article.text[e.start : e.end]) for e in flag.evidence[:3])
        line += f" — article: {shown}"
    return line


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _text_check(article: Article, check: Check) -> str:
    lines = header_lines(article, cleaned_article=False)
    lines += ["", f"Check: {check_summary_line(check)}", ""]
    for number, claim in enumerate(check.claims, 1):
        cited = claim_citations(article, claim)
        cited = f" [{cited}]" if cited else ""
        text = " ".join(check.summary_text[claim.start : claim.end].split())
        lines.append(f"{number}. {STATUS_MARKS[claim.status]} {claim.status}: {text}{cited}")
        for flag in claim.flags:
            lines.append(f"     ! {flag_line(article, check, flag)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_check(article: Article, check: Check) -> str:
    lines = [f"# Check: {_markdown_escape(article.display_title)}\n", f"*{_markdown_escape(article.file)}*\n"]
    lines.append(f"{check_summary_line(check)}\n")
    for number, claim in enumerate(check.claims, 1):
        cited = claim_citations(article, claim)
        text = _markdown_escape(" ".join(check.summary_text[claim.start : claim.end].split()))
        cited = f" \\[{cited}\\]" if cited else ""
        lines.append(f"{number}. **{claim.status}** {text}{cited}")
        for flag in claim.flags:
            lines.append(f"    - ⚑ {_markdown_escape(flag_line(article, check, flag))}")
    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
