"""The editor's check (`reader check`) on the BBC News Summary data: alignment, false
flags, and how many deliberate errors it catches.

    .venv/bin/python benchmarks/check.py --data ../shared/eval/bbc-summary [--limit N] [--seed S]

Only articles whose reference summary is extractive are used: the reference is a run
of article sentences, whitespace aside (the data set glues them: "...$10.9bn.For the
full-year..."); the summary checked is those sentences joined by a space, so the
check's own segmentation must find them again. Reported:
- alignment: the share of reference sentences whose first support is the article
  sentence they were copied from (or one with the same text); `verbatim`: the share
  the check calls verbatim; false flags: the share of unaltered reference sentences
  given any flag (or a status other than verbatim/supported);
- alterations, one altered sentence per article and kind, made here with a fixed
  seed per kind (`--seed`), the rest of the reference left as it is: a number
  changed, a name swapped for another article's name, words inside quotation marks
  changed, the attributed speaker swapped, a negation inserted or removed, a sentence
  from another article inserted; per kind the share of altered claims given the
  right flag (`number`, `name`, `quote`, `attribution`, `negation`, `unsupported`).
  Paraphrases (two adjacent reference sentences joined, one clause dropped and the
  other's clauses reordered): the share not called `unsupported`;
- CPU milliseconds per article (median, time.process_time): a fresh `Analysis` of the
  article asked for the reference's check, and asked for its summary as `reader
  summarize` does; and their ratio (the check's target: at most 2).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.append(str(Path(__file__).resolve().parent))  # last: this folder's summaries.py must not shadow the package
from bbc_corpus import article_paths, summary_path  # noqa: E402 - beside this script

from summaries.analysis import Analysis  # noqa: E402
from summaries.check import check_summary, ArticleIndex  # noqa: E402
from summaries.document import plain_article  # noqa: E402
from summaries.model import Article, Check  # noqa: E402
from summaries.sources import extract_sources  # noqa: E402

_SPACE = re.compile(r"\s+")
KINDS = ("number", "name", "quote", "attribution", "negation", "unsupported")
KIND_TITLES = {
    "number": "number changed",
    "name": "name swapped",
    "quote": "quoted words changed",
    "attribution": "speaker swapped",
    "negation": "negation inserted/removed",
    "unsupported": "sentence from another article",
}
AUXILIARIES = "is are was were will would can could should has have had may might must does did do".split()
CONTRACTIONS = {"won't": "will", "can't": "can", "shan't": "shall"}


@dataclass(slots=True)
class Item:
    name: str
    article: Article
    references: list[str]  # the reference's sentences
    copied: list[str]  # the normalised text each was copied from
    sources: list


def normalised(text: str) -> str:
    return _SPACE.sub("", text).lower()


def load(data: Path, limit: int | None) -> tuple[list[Item], int]:
    paths = article_paths(data, limit)
    items = []
    for path in paths:
        raw = path.read_text(encoding="utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        reference = summary_path(data, path).read_text(encoding="utf-8", errors="replace").strip()
        article = plain_article(body.lstrip("\n"), file=str(path), title=title.strip())
        sentences = copied_sentences(article, reference)
        if sentences:
            items.append(Item(f"{path.parent.name}/{path.name}", article, sentences, [normalised(s) for s in sentences], []))
    return items, len(paths)


def copied_sentences(article: Article, reference: str) -> list[str] | None:
    """The article sentences the reference is made of, in its order, or None when it is
    not made of article sentences only. The data set glues them together ("$10.9bn.For"),
    so they are read off the reference without spaces, longest first at each point."""
    glued = normalised(reference)
    by_start: dict[str, list[str]] = {}
    for s in article.sentences:
        text = article.text[s.start : s.end]
        by_start.setdefault(normalised(text)[:12], []).append(text)
    found, position = [], 0
    while position < len(glued):
        fitting = [t for t in by_start.get(glued[position : position + 12], ()) if glued.startswith(normalised(t), position)]
        if not fitting:
            return None
        text = max(fitting, key=len)
        found.append(text)
        position += len(normalised(text))
    return found


# ---------------------------------------------------------------- alterations


def _names(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words after the first word (names, not a sentence start)."""
    runs = []
    for match in re.finditer(r"(?<=[a-z,;] )(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*)", text):
        runs.append(match.span())
    return runs


def alter_number(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    found = list(re.finditer(r"\d+", sentence))
    if not found:
        return None
    match = rng.choice(found)
    digits = list(match.group())
    position = rng.randrange(len(digits))
    choices = [d for d in "0123456789" if d != digits[position] and not (position == 0 and d == "0" and len(digits) > 1)]
    digits[position] = rng.choice(choices)
    return sentence[: match.start()] + "".join(digits) + sentence[match.end() :]


def alter_name(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    runs = _names(sentence)
    if not runs:
        return None
    start, end = rng.choice(runs)
    original = set(sentence[start:end].lower().split())
    text = item.article.text.lower()
    choices = [n for n in pool["names"] if not (set(n.lower().split()) & original) and n.lower().split()[0] not in text]
    return sentence[:start] + rng.choice(choices) + sentence[end:]


def quotations(sentence: str) -> list[tuple[int, int]]:
    """The stretches inside quotation marks: curly pairs, straight marks taken in pairs;
    with an odd number of straight marks, an opening one at the start runs to the end."""
    found = [(m.start(1), m.end(1)) for m in re.finditer(r"“([^”]+)”", sentence)]
    marks = [m.start() for m in re.finditer('"', sentence)]
    if len(marks) % 2 and marks[0] == 0:
        found.append((1, len(sentence)))
        marks = marks[1:]
    if len(marks) % 2 == 0:
        found += [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks), 2)]
    return found


def alter_quote(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    words = [(start + m.start(), start + m.end(), m.group()) for start, end in quotations(sentence) for m in re.finditer(r"\b[a-z]{4,}\b", sentence[start:end])]
    if not words:
        return None
    start, end, word = rng.choice(words)
    replacement = rng.choice([w for w in pool["words"] if w != word])
    return sentence[:start] + replacement + sentence[end:]


def alter_speaker(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    article = item.article
    wanted = normalised(sentence)
    spans = []
    for source in item.sources:
        if source.kind not in ("person", "organisation"):
            continue
        for mention in source.mentions:
            s = article.sentences[mention.sentence]
            said = article.text[mention.start : mention.end]
            if mention.cue is not None and normalised(article.text[s.start : s.end]) == wanted and said[:1].isupper():
                spans.append(said)
    if not spans:
        return None
    said = rng.choice(spans)
    if said not in sentence:
        return None
    text = article.text.lower()
    choices = [n for n in pool["people"] if not (set(n.lower().split()) & set(said.lower().split())) and n.lower().split()[-1] not in text]
    return sentence.replace(said, rng.choice(choices), 1)


def alter_negation(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    negated = list(re.finditer(r"\b(\w+)n't\b|\b(not|never) ", sentence))
    if negated:
        match = rng.choice(negated)
        if match.group(1):
            word = match.group()
            return sentence[: match.start()] + CONTRACTIONS.get(word.lower(), match.group(1)) + sentence[match.end() :]
        return sentence[: match.start()] + sentence[match.end() :]
    auxiliaries = list(re.finditer(r"\b(" + "|".join(AUXILIARIES) + r") (?!not\b)", sentence))
    if not auxiliaries:
        return None
    match = rng.choice(auxiliaries)
    return sentence[: match.end()] + "not " + sentence[match.end() :]


def alter_other(rng: random.Random, sentence: str, item: Item, pool) -> str | None:
    while True:
        other = rng.choice(pool["items"])
        if other is not item and other.name.split("/")[0] != item.name.split("/")[0]:
            return rng.choice(other.references)


ALTER = {
    "number": alter_number,
    "name": alter_name,
    "quote": alter_quote,
    "attribution": alter_speaker,
    "negation": alter_negation,
    "unsupported": alter_other,
}


def paraphrase(rng: random.Random, first: str, second: str) -> str | None:
    """Two adjacent sentences as one: a clause of the first dropped, the second's
    clauses reordered (or, with one clause each, simply joined)."""
    one = [c.strip() for c in re.split(r",\s+", first.strip().removesuffix(".")) if c.strip()]
    two = [c.strip() for c in re.split(r",\s+", second.strip().removesuffix(".")) if c.strip()]
    if len(one) > 1:
        del one[rng.randrange(1, len(one))]
    if len(two) > 1:
        two = two[1:] + two[:1]
    joined = ", ".join(one) + ", and " + ", ".join(two)
    return joined[0].upper() + joined[1:] + ("" if joined[-1] in ".!?\"”" else ".")


# ---------------------------------------------------------------- measuring


def joined(sentences: list[str]) -> tuple[str, list[int]]:
    """Sentences as one summary, with where each starts: a space between them, or a
    paragraph break after one with no final mark (a list item, a heading)."""
    parts, offsets, length = [], [], 0
    for sentence in sentences:
        if parts:
            gap = " " if parts[-1].rstrip()[-1:] in tuple(".!?\"”’'") else "\n\n"
            parts.append(gap)
            length += len(gap)
        offsets.append(length)
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts), offsets


def claims_at(check: Check, start: int, end: int):
    return [c for c in check.claims if c.start < end and start < c.end]


def run(items: list[Item], seed: int) -> dict:
    pool = {"names": set(), "people": set(), "words": set(), "items": items}
    for item in items:
        item.sources = extract_sources(item.article)
        for source in item.sources:
            words = source.name.split()
            if source.kind in ("person", "organisation") and len(words) >= 2 and all(w[:1].isupper() for w in words):
                pool["names"].add(source.name)
                if source.kind == "person":
                    pool["people"].add(source.name)
        pool["words"].update(w for w in re.findall(r"\b[a-z]{5,}\b", item.article.text))
    for key in ("names", "people", "words"):
        pool[key] = sorted(pool[key])
    total = aligned = verbatim = flagged = 0
    caught = {kind: [0, 0] for kind in KINDS}
    paraphrased = [0, 0]
    check_ms, summary_ms = [], []
    for item in items:
        article = item.article
        reference, offsets = joined(item.references)
        # Timings: a fresh analysis each, as a command runs it (segmentation done before).
        # Each first on every other article: the second finds the word caches warm.
        for task in (("check", "summary") if len(check_ms) % 2 else ("summary", "check")):
            began = time.process_time()
            if task == "check":
                Analysis(article).check(reference)
                check_ms.append((time.process_time() - began) * 1000)
            else:
                _ = Analysis(article).summary  # computed when read
                summary_ms.append((time.process_time() - began) * 1000)
        index = ArticleIndex(article, item.sources)
        check = check_summary(article, reference, item.sources, index)
        # Each reference sentence must come back as one claim (the check's segmentation),
        # aligned to the sentence it was copied from; one that does not counts against
        # all three measures.
        claims = {(c.start, c.end): c for c in check.claims}
        for sentence, copied, offset in zip(item.references, item.copied, offsets, strict=True):
            claim = claims.get((offset, offset + len(sentence)))
            total += 1
            if claim is None:
                flagged += 1
                continue
            first = claim.support[0].sentence if claim.support else None
            s = article.sentences[first] if first is not None else None
            aligned += s is not None and normalised(article.text[s.start : s.end]) == copied
            verbatim += claim.status == "verbatim"
            flagged += bool(claim.flags) or claim.status not in ("verbatim", "supported")
        for kind in KINDS:
            rng = random.Random(seed * 1000 + zlib.crc32(f"{kind}:{item.name}".encode()))
            order = list(range(len(item.references)))
            rng.shuffle(order)
            for position in order:
                altered = ALTER[kind](rng, item.references[position], item, pool)
                if altered is None or normalised(altered) == item.copied[position]:
                    continue
                if kind == "unsupported":
                    sentences = item.references[: position + 1] + [altered] + item.references[position + 1 :]
                    position += 1
                else:
                    sentences = item.references[:position] + [altered] + item.references[position + 1 :]
                text, offsets = joined(sentences)
                start = offsets[position]
                result = check_summary(article, text, item.sources, index)
                hit = any(f.kind == kind for c in claims_at(result, start, start + len(altered)) for f in c.flags)
                caught[kind][0] += hit
                caught[kind][1] += 1
                break
        if len(item.references) >= 2:
            rng = random.Random(seed * 1000 + zlib.crc32(f"paraphrase:{item.name}".encode()))
            position = rng.randrange(len(item.references) - 1)
            altered = paraphrase(rng, item.references[position], item.references[position + 1])
            sentences = item.references[:position] + [altered] + item.references[position + 2 :]
            text, offsets = joined(sentences)
            start = offsets[position]
            result = check_summary(article, text, item.sources, index)
            claims = claims_at(result, start, start + len(altered))
            paraphrased[0] += bool(claims) and all(c.status != "unsupported" for c in claims)
            paraphrased[1] += 1
    return {
        "total": total,
        "aligned": aligned,
        "verbatim": verbatim,
        "flagged": flagged,
        "caught": caught,
        "paraphrased": paraphrased,
        "check_ms": statistics.median(check_ms),
        "summary_ms": statistics.median(summary_ms),
        "ratio": statistics.median(c / s for c, s in zip(check_ms, summary_ms, strict=True) if s > 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the bbc-summary folder")
    parser.add_argument("--limit", type=int, help="an even spread of N articles")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    items, seen = load(args.data, args.limit)
    # Warm the engine's imports and tables once, outside the timings.
    if items:
        Analysis(items[0].article).check(joined(items[0].references)[0])
        _ = Analysis(items[0].article).summary  # computed when read
    result = run(items, args.seed)
    total = result["total"]
    print(f"articles: {len(items)} of {seen} with an extractive reference; reference sentences: {total}")
    print()
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| alignment (first support = copied sentence) | {result['aligned'] / total:.4f} | ≥ 0.98 |")
    print(f"| reference sentences verbatim | {result['verbatim'] / total:.4f} | 1 |")
    print(f"| false flags on unaltered sentences | {result['flagged'] / total:.4f} | ≤ 0.02 |")
    for kind in KINDS:
        hit, count = result["caught"][kind]
        print(f"| {KIND_TITLES[kind]}: caught as `{kind}` (n={count}) | {hit / max(count, 1):.4f} | ≥ 0.95 |")
    hit, count = result["paraphrased"]
    print(f"| paraphrase of two sentences not `unsupported` (n={count}) | {hit / max(count, 1):.4f} | ≥ 0.90 |")
    print(f"| ms per check, median (CPU) | {result['check_ms']:.1f} | |")
    print(f"| ms per `reader summarize` analysis, median (CPU) | {result['summary_ms']:.1f} | |")
    print(f"| check / summary time, median of per-article ratios | {result['ratio']:.2f} | ≤ 2 |")


if __name__ == "__main__":
    main()
