"""Attribution detection against PolNeAR (brat standoff), for `summaries.sources`.

    .venv/bin/python benchmarks/sources.py --data ../shared/eval/polnear-dev

Each article's .txt goes through `summaries.document.plain_article` (offsets are the
identity, so predicted spans compare with gold spans directly); gold comes from
every annotator's .ann file for that article.

Definitions (printed figures):
- Gold attributions are the `E` lines. An article annotated by several annotators
  contributes the union of their attributions, with duplicates removed: two gold
  attributions whose Source spans overlap count once (likewise Cue spans for the cue
  figures). A prediction is correct if it matches any annotator.
- Named gold source: a Source span containing a capitalised word that is not a
  pronoun, determiner or quantifier ("Trump", "The New York Post", "Republicans",
  "a spokesperson for the Clinton campaign"); "he", "the campaign" are not named.
- Source recall: named gold sources overlapped by some predicted mention span.
  Source precision: predicted mentions (every mention of every source, pronouns
  included) that overlap any gold Source span, or whose cue overlaps a gold Cue in
  the same sentence. F1 from the two.
- Cue recall / precision: gold Cue spans overlapped by a predicted cue / predicted
  cues overlapping a gold Cue.
- Content: share of gold attributions with a named source and a Content span whose
  content overlaps the content of a predicted mention that found that source (and
  the same share over all found named sources).
- Time: median milliseconds per article of `extract_sources` (the Article built
  beforehand), beside sumy's LexRank summarising the same Article's sentences, as a
  ratio, since absolute times depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, this folder comes first on sys.path and its summaries.py would
# shadow the summaries package: look in the project root instead.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from summaries.document import plain_article  # noqa: E402
from summaries.model import Span  # noqa: E402
from summaries.sources import extract_sources  # noqa: E402

NOT_NAMES = frozenset(
    """the a an he she it they we i you his her its their our my your this that these those some many
    most several other another both all each who which one two three four five no any several""".split()
)


@dataclass(slots=True)
class GoldAttribution:
    source: list[Span]
    cue: list[Span]
    content: list[Span]
    source_text: str

    @property
    def named(self) -> bool:
        return any(w[:1].isupper() and w.lower() not in NOT_NAMES for w in re.findall(r"[\w’'-]+", self.source_text))


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _spans(field_text: str) -> list[Span]:
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append(Span(int(start), int(end)))
    return spans


def read_annotations(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[Span], str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(offsets), parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(item.split(":", 1) for item in parts[1].split()))
    found = []
    for event in events:
        def get(role: str, event: dict = event) -> tuple[list[Span], str]:
            ref = event.get(role)
            return (spans[ref][1], spans[ref][2]) if ref in spans else ([], "")

        source, source_text = get("Source")
        cue, _ = get("Cue")
        content, _ = get("Content")
        found.append(GoldAttribution(source, cue, content, source_text))
    return found


def _overlap(a: list[Span], b: list[Span]) -> bool:
    return any(x.overlaps(y) for x in a for y in b)


def load(data: Path) -> list[GoldArticle]:
    articles = []
    for text_path in sorted((data / "text").glob("*.txt")):
        article = GoldArticle(text_path.stem, text_path.read_text(encoding="utf-8"))
        for ann in sorted((data / "attributions").glob(f"{text_path.stem}_*.ann")):
            for attribution in read_annotations(ann):
                duplicate = any(
                    (attribution.source and _overlap(attribution.source, other.source))
                    or (not attribution.source and _overlap(attribution.cue, other.cue))
                    for other in article.attributions
                )
                if not duplicate:
                    article.attributions.append(attribution)
                elif attribution.source:
                    for other in article.attributions:
                        if _overlap(attribution.source, other.source):
                            other.cue += [c for c in attribution.cue if c not in other.cue]
                            other.content += [c for c in attribution.content if c not in other.content]
                            break
        articles.append(article)
    return articles


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _lexrank_ms(article) -> float:
    from sumy.models.dom import ObjectDocumentModel, Paragraph as SumyParagraph, Sentence as SumySentence
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    class _Words:
        def to_words(self, text: str) -> list[str]:
            return re.findall(r"\w+", text)

        def to_sentences(self, text: str) -> list[str]:
            return [text]

    tokenizer = _Words()
    sentences = [SumySentence(article.text[s.start : s.end], tokenizer) for s in article.sentences]
    document = ObjectDocumentModel([SumyParagraph(sentences)])
    started = time.perf_counter()
    LexRankSummarizer()(document, 5)
    del Tokenizer
    return (time.perf_counter() - started) * 1000


def evaluate(data: Path, verbose: bool = False) -> dict[str, float]:
    named_gold = found_named = 0
    predicted = correct = 0
    gold_cues = found_cues = predicted_cues = correct_cues = 0
    content_gold = content_hit = content_found_gold = 0
    times: list[float] = []
    lexrank_times: list[float] = []
    for gold in load(data):
        article = plain_article(gold.text, file=gold.name)
        started = time.perf_counter()
        sources = extract_sources(article)
        times.append((time.perf_counter() - started) * 1000)
        lexrank_times.append(_lexrank_ms(article))
        mentions = [m for s in sources for m in s.mentions]
        all_sources = [s for a in gold.attributions for s in a.source]
        all_cues = [c for a in gold.attributions for c in a.cue]
        for mention in mentions:
            predicted += 1
            span = [Span(mention.start, mention.end)]
            ok = _overlap(span, all_sources) or (mention.cue is not None and _overlap([mention.cue], all_cues))
            correct += ok
            if mention.cue is not None:
                predicted_cues += 1
                correct_cues += _overlap([mention.cue], all_cues)
            if verbose and not ok:
                s = article.sentences[mention.sentence]
                print(f"FP {gold.name}: {gold.text[mention.start:mention.end]!r} / {mention.cue_text!r} :: {gold.text[s.start:s.end][:160]!r}", file=sys.stderr)
        predicted_cue_spans = [m.cue for m in mentions if m.cue is not None]
        for attribution in gold.attributions:
            if attribution.cue:
                gold_cues += 1
                found_cues += _overlap(attribution.cue, predicted_cue_spans)
            if not (attribution.source and attribution.named):
                continue
            named_gold += 1
            hits = [m for m in mentions if _overlap([Span(m.start, m.end)], attribution.source)]
            found_named += bool(hits)
            if attribution.content:
                content_gold += 1
                hit = any(m.content is not None and _overlap([m.content], attribution.content) for m in hits)
                content_hit += hit
                content_found_gold += bool(hits)
            if verbose and not hits:
                s = article.sentence_index_at(attribution.source[0].start)
                sentence = gold.text[article.sentences[s].start : article.sentences[s].end] if s is not None else ""
                print(f"FN {gold.name}: {attribution.source_text!r} :: {sentence[:160]!r}", file=sys.stderr)
    precision = _ratio(correct, predicted)
    recall = _ratio(found_named, named_gold)
    cue_precision = _ratio(correct_cues, predicted_cues)
    cue_recall = _ratio(found_cues, gold_cues)
    median = statistics.median(times)
    return {
        "articles": len(times),
        "gold named sources": named_gold,
        "predicted mentions": predicted,
        "source precision": precision,
        "source recall": recall,
        "source F1": _f1(precision, recall),
        "cue precision": cue_precision,
        "cue recall": cue_recall,
        "cue F1": _f1(cue_precision, cue_recall),
        "content overlap (of named gold)": _ratio(content_hit, content_gold),
        "content overlap (of found)": _ratio(content_hit, content_found_gold) if content_found_gold else 0.0,
        "median ms per article": median,
        "median ms LexRank (same articles)": statistics.median(lexrank_times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR folder with text/ and attributions/")
    parser.add_argument("--verbose", action="store_true", help="list misses and false hits on stderr")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        parser.error(f"{args.data} has no text/ folder")
    figures = evaluate(args.data, args.verbose)
    for name, value in figures.items():
        print(f"{name:36} {value:.3f}" if isinstance(value, float) else f"{name:36} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
