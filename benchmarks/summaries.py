"""Summary quality and speed of every algorithm on the BBC News Summary data.

    .venv/bin/python benchmarks/summaries.py --data ../shared/eval/bbc-summary [--limit N]

Every algorithm ranks the same sentences (our segmentation) and goes through the
same citation-aware step, in the same run. For each article the summary length is
the number of article sentences the reference summary contains, and then 3.
Reported per algorithm: ROUGE-1/2/L F1 (rouge-score, stemming on), sentence-level
precision/recall/F1 against the article sentences the reference copied, and median
milliseconds per article for the summary (segmentation is timed separately).

What each timing includes (median over articles, same run, same sentences; the
article's segmentation is done once beforehand and timed on its own):
- a table row's `ms`: one `summarize(article, name, sentences=k)` call: preparing
  the article (sentence texts, words or terms), ranking, and the citation-aware
  step down to the SummaryItem list. Nothing is cached between calls: each call
  prepares the article afresh, and the default keeps no state between articles.
- `lexrank` in the table: the project's sumy adapter (stems memoised across
  articles) plus the same citation step;
- sumy LexRank as shipped, the speed peer: what a sumy user runs for the same
  sentences: sumy's own document objects built from the sentence texts (sumy
  splits the words with our splitter, as its Punkt tokenizer cannot load), sumy's
  uncached Snowball stemmer and stop words, LexRank; no citation step. It shares
  nothing with our rankers (no prepared document, no cached words or stems);
- default ranking only: `prepare(article)` plus the default ranker's full
  ranking, no citation step: the like-for-like peer of sumy's LexRank;
- the floor: the cheapest ranking by shared words we could write (`floor_summary`),
  and the default's citation step alone, given its ranking: together, a bound on how
  fast any summary with that step can be here.
The default runs first on each article.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.append(str(Path(__file__).resolve().parent))  # last: this folder's summaries.py must not shadow the package
from bbc_corpus import article_paths, summary_path  # noqa: E402 - beside this script

from summaries.citations import CitationAwareSelector  # noqa: E402
from summaries.document import plain_article  # noqa: E402
from summaries.model import Article, SummaryItem  # noqa: E402
from summaries.rankers import prepare, ranker  # noqa: E402
from summaries.segment import words as split_words  # noqa: E402
from summaries.algorithms import ALGORITHMS  # noqa: E402
from summaries.summarize import summarize  # noqa: E402

_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Item:
    name: str
    title: str
    body: str
    reference: str


@dataclass(slots=True)
class Scores:
    rouge1: list[float] = field(default_factory=list)
    rouge2: list[float] = field(default_factory=list)
    rougeL: list[float] = field(default_factory=list)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    milliseconds: list[float] = field(default_factory=list)


def load(data: Path, limit: int | None) -> list[Item]:
    """Articles (headline line, blank line, body) with their reference summaries.

    With `limit`, an even spread over the sorted files (every category), not the first N.
    """
    paths = article_paths(data, limit)
    items = []
    for path in paths:
        raw = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        reference = summary_path(data, path).read_text(encoding="utf-8", errors="replace")
        items.append(Item(f"{path.parent.name}/{path.name}", title.strip(), body.lstrip("\n"), reference))
    return items


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def reference_sentences(article: Article, reference: str) -> set[int]:
    """Article sentences the reference copied (it glues them together, often without a space)."""
    glued = normalised(reference)
    return {i for i, s in enumerate(article.sentences) if normalised(article.text[s.start : s.end]) in glued}


class Rouge:
    """rouge-score with stemming, memoised per (article, chosen sentences): algorithms often agree."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
        self._memo: dict[tuple[str, tuple[int, ...]], tuple[float, float, float]] = {}

    def __call__(self, key: str, chosen: tuple[int, ...], article: Article, reference: str) -> tuple[float, float, float]:
        if (key, chosen) not in self._memo:
            summary = "\n".join(article.text[article.sentences[i].start : article.sentences[i].end] for i in chosen)
            scores = self._scorer.score(reference, summary)
            self._memo[key, chosen] = (scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeL"].fmeasure)
        return self._memo[key, chosen]


class _OurWords:
    """What a sumy user passes as the tokenizer when sumy's own cannot load (it needs
    Punkt data): our word splitter. sumy calls `to_words` on each sentence itself."""

    to_words = staticmethod(split_words)


def stock_lexrank():
    """sumy's LexRank as a user sets it up: sumy's uncached Snowball stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def stock_lexrank_summary(summarizer, article: Article, count: int):
    """What a sumy user runs for one article, given our sentences: build sumy's own
    document from the sentence texts (one sumy Paragraph per paragraph, the title as a
    heading), then summarise. sumy splits the words (our splitter), stems them and ranks.
    Nothing is shared with our rankers: no prepared document, no cached words or stems.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    text = article.text
    paragraphs: dict[int, list] = {}
    for s in article.sentences:
        paragraphs.setdefault(s.paragraph, []).append(Sentence(text[s.start : s.end], _OurWords))
    if article.title and paragraphs:
        paragraphs[min(paragraphs)].insert(0, Sentence(article.title, _OurWords, is_heading=True))
    return summarizer(ObjectDocumentModel([Paragraph(p) for _, p in sorted(paragraphs.items())]), count)


def floor_summary(article: Article, count: int) -> list[SummaryItem]:
    """A measuring device, not a summarizer: the cheapest ranking by shared words we
    could write, to show what is left of the 20x budget once any ranking is done.

    Each sentence split on white space (no punctuation handling, no function words),
    scored by how often its words occur in the whole article (one Counter: unnormalised
    degree centrality, which needs no sentence pairs), the `count` best as SummaryItems.
    Plain Python: for articles this short it is cheaper than any numpy formulation
    we tried. No position, title, PageRank, redundancy or citation rule.
    """
    text, sentences = article.text, article.sentences
    words = [text[s.start : s.end].lower().split() for s in sentences]
    counts: Counter[str] = Counter()
    for sentence_words in words:
        counts.update(sentence_words)
    scores = [sum(map(counts.__getitem__, sentence_words)) for sentence_words in words]
    best = sorted(sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:count])
    return [
        SummaryItem(start=sentences[i].start, end=sentences[i].end, sentence=i, paragraph=sentences[i].paragraph, score=float(scores[i]))
        for i in best
    ]


def _milliseconds(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


@dataclass(slots=True)
class Timings:
    segmentation: list[float] = field(default_factory=list)
    stock_lexrank: list[float] = field(default_factory=list)  # sumy as shipped, no citation step
    default_ranking: list[float] = field(default_factory=list)  # prepare + rank, no citation step
    floor: list[float] = field(default_factory=list)  # floor_summary
    citation_step: list[float] = field(default_factory=list)  # the default's citation step alone
    sentences: list[int] = field(default_factory=list)  # each timed article's sentence count


def run(items: list[Item], algorithms: tuple[str, ...]) -> tuple[dict, dict, Timings]:
    rouge = Rouge()
    at_reference = {name: Scores() for name in algorithms}
    at_three = {name: Scores() for name in algorithms}
    timings = Timings()
    peer = stock_lexrank()
    default_ranker = ranker("default")
    for item in items:
        started = time.perf_counter()
        article = plain_article(item.body, file=item.name, title=item.title)
        timings.segmentation.append((time.perf_counter() - started) * 1000)
        gold = reference_sentences(article, item.reference)
        if not gold:
            continue
        for length, table in ((len(gold), at_reference), (3, at_three)):
            for name in algorithms:
                started = time.perf_counter()
                summary = summarize(article, name, sentences=length)
                elapsed = (time.perf_counter() - started) * 1000
                chosen = tuple(s.sentence for s in summary)
                r1, r2, rl = rouge(item.name, chosen, article, item.reference)
                hits = len(gold.intersection(chosen))
                precision = hits / len(chosen) if chosen else 0.0
                recall = hits / len(gold)
                scores = table[name]
                scores.rouge1.append(r1)
                scores.rouge2.append(r2)
                scores.rougeL.append(rl)
                scores.precision.append(precision)
                scores.recall.append(recall)
                scores.f1.append(2 * precision * recall / (precision + recall) if hits else 0.0)
                scores.milliseconds.append(elapsed)
        timings.stock_lexrank.append(_milliseconds(lambda article=article, gold=gold: stock_lexrank_summary(peer, article, len(gold))))
        # Right after sumy, as the default runs right after other work: the same cold caches.
        timings.floor.append(_milliseconds(lambda article=article, gold=gold: floor_summary(article, len(gold))))
        started = time.perf_counter()
        document = prepare(article)
        ranking = default_ranker(document, len(gold))
        timings.default_ranking.append((time.perf_counter() - started) * 1000)
        # The citation step as it runs inside a summary: right after the ranking it is given.
        timings.citation_step.append(_milliseconds(lambda document=document, ranking=ranking, gold=gold: CitationAwareSelector(document).select(ranking, len(gold))))
        timings.sentences.append(len(article.sentences))
    return at_reference, at_three, timings


def print_table(title: str, table: dict[str, Scores]) -> None:
    print(f"\n{title}")
    print(f"{'algorithm':<11} {'R1':>6} {'R2':>6} {'RL':>6} {'sentP':>6} {'sentR':>6} {'sentF1':>6} {'ms':>8}")
    for name, s in table.items():
        mean = lambda values: 100 * statistics.fmean(values)  # noqa: E731
        print(
            f"{name:<11} {mean(s.rouge1):6.2f} {mean(s.rouge2):6.2f} {mean(s.rougeL):6.2f} "
            f"{mean(s.precision):6.2f} {mean(s.recall):6.2f} {mean(s.f1):6.2f} {statistics.median(s.milliseconds):8.3f}"
        )


def print_verdict(table: dict[str, Scores]) -> None:
    peers = [name for name in table if name != "default"]
    if not peers:
        return
    default = table["default"]
    best_r2 = max(peers, key=lambda n: statistics.fmean(table[n].rouge2))
    best_f1 = max(peers, key=lambda n: statistics.fmean(table[n].f1))
    gap = 100 * (statistics.fmean(default.rouge2) - statistics.fmean(table[best_r2].rouge2))
    f1_gap = 100 * (statistics.fmean(default.f1) - statistics.fmean(table[best_f1].f1))
    print(f"  ROUGE-2 F1: default - best other ({best_r2}) = {gap:+.2f} points (target >= +3)")
    print(f"  sentence F1: default - best other ({best_f1}) = {f1_gap:+.2f} points (target > 0)")


def print_speed(table: dict[str, Scores], timings: Timings) -> None:
    median = statistics.median
    default_ms = median(table["default"].milliseconds)
    stock = median(timings.stock_lexrank)
    print("\nSpeed (median ms per article, at the reference length; what each includes: see --help):")
    print(f"  default summary (prepare, rank, citation step): {default_ms:.3f} ms")
    if "lexrank" in table:
        lexrank_ms = median(table["lexrank"].milliseconds)
        print(f"  lexrank summary via our adapter, same steps: {lexrank_ms:.3f} ms = {lexrank_ms / default_ms:.1f}x the default")
    print(f"  sumy LexRank as shipped (sumy document, stemming, rank; no citation step): {stock:.3f} ms")
    print(f"    = {stock / default_ms:.1f}x the default summary (target >= 20)")
    ranking_ms = median(timings.default_ranking)
    print(f"  default ranking only (prepare + rank; no citation step): {ranking_ms:.3f} ms")
    print(f"    sumy LexRank as shipped = {stock / ranking_ms:.1f}x the default ranking (like for like)")
    floor = median(timings.floor)
    citation_step = median(timings.citation_step)
    budget = stock / 20
    print(f"  the floor (cheapest ranking by shared words, top k; nothing else): {floor:.3f} ms = 1/{stock / floor:.1f} of LexRank")
    print(f"  the default's citation step alone (given its ranking): {citation_step:.3f} ms")
    print(f"    the 20x budget is {budget:.3f} ms; floor + citation step = {floor + citation_step:.3f} ms")
    # LexRank's cost grows faster with length than the default's: the ratio by length.
    by_length = sorted(zip(timings.sentences, timings.stock_lexrank, table["default"].milliseconds, strict=True))
    thirds = [by_length[i * len(by_length) // 3 : (i + 1) * len(by_length) // 3] for i in range(3)]
    print("  by article length (thirds): " + "; ".join(
        f"{third[0][0]}-{third[-1][0]} sentences {median(lexrank for _, lexrank, _ in third) / median(d for _, _, d in third):.1f}x"
        for third in thirds if third
    ))
    segmentation = median(timings.segmentation)
    per_article = median(s + d for s, d in zip(timings.segmentation, table["default"].milliseconds, strict=True))
    print(f"  segmentation {segmentation:.3f} ms; segmentation + default summary {per_article:.3f} ms (target < 10)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the bbc-summary folder (articles/, summaries/)")
    parser.add_argument("--limit", type=int, default=None, help="an even spread of N articles, for a quick run")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS), help="comma-separated (default is always run); default: all")
    args = parser.parse_args(argv)
    algorithms = tuple(a.strip() for a in args.algorithms.split(",") if a.strip())
    algorithms = ("default", *(a for a in algorithms if a != "default"))  # default first: see the docstring
    items = load(args.data, args.limit)
    # Warm up once (stop words, stemmer tables, sumy imports) so no algorithm pays it inside the timings.
    warm = plain_article(items[0].body, title=items[0].title)
    for name in algorithms:
        summarize(warm, name, sentences=3)
    started = time.perf_counter()
    at_reference, at_three, timings = run(items, algorithms)
    print(f"{len(at_reference['default'].f1)} articles from {args.data} in {time.perf_counter() - started:.0f} s")
    print_table("At the reference summary's length (its sentence count):", at_reference)
    print_table("At 3 sentences:", at_three)
    print("\nAt the reference length:")
    print_verdict(at_reference)
    print("At 3 sentences:")
    print_verdict(at_three)
    print_speed(at_reference, timings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
