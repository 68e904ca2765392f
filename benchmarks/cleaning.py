"""Cleaning benchmark: make clean articles messy the way the seeds are, clean them, score words.

    .venv/bin/python benchmarks/cleaning.py --data ../shared/eval/bbc-summary [--limit 300] [--seeds seeds]

Corruption kinds (deterministic per article from --seed):
  columns    narrow OCR columns (hard-wrapped, end-of-line hyphens, compounds split at
             their own hyphen) with a running page header between lines
  pullquote  `columns` plus an out-of-order pull quote: a later sentence set in its
             own narrower column, lines partly shuffled, placed earlier
  web        web paste: one paragraph per line, a photo caption with a credit, an
             "Editor:" line and a comment-thread tail
  spliced    the article as filed, except that one paragraph is a column read across
             a pull quote: a sentence of another paragraph, cut in 18-character
             fragments, spliced word-wise between its hard-wrapped body lines (with
             end-of-line hyphens), all on one raw line
Score: bag-of-words (multiset) F1 between the words of the cleaned output (title and
text) and the clean original, beside the same F1 for the uncleaned input. For the
spliced kind also: the share of articles where no sentence holding spliced text is
left unmarked (spliced text removed, or its sentence marked damaged), and, over every
kind, the share of clean sentences (found word for word in the original) marked damaged. With
--seeds, also per seed file the characters kept / removed by reason and the median
time to clean all seeds.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Other benchmark scripts sit beside this one (benchmarks/summaries.py would shadow
# the package), so import from the project root, not the script's folder.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.cleaning import clean  # noqa: E402
from reader.cleaning.splices import REASON_SPLICE  # noqa: E402
from reader.ingest import Document, read_file  # noqa: E402

KINDS = ("columns", "pullquote", "web", "spliced")
QUOTE_WIDTH = 18
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
CAPTIONS = (
    "Crowds gathered outside the building on Tuesday. (Photo: Getty Images)",
    "The company's headquarters in the city centre. (Reuters)",
    "Officials speak to reporters after the meeting. (AFP/Getty Images)",
    "A view of the trading floor on March 3, 2005. (Video screenshot)",
    "Fans celebrate after the match. (PA)",
)
COMMENT_TAILS = (
    ("Great article, thanks for sharing!", "Thank you Anna!", "You're welcome!"),
    ("Share this article", "Reply", "I totally disagree with this!", "Please rate this story!"),
    ("Posted by mike_77", "Yes sure!", "Subscribe to our newsletter!", "www.dailynews-example.com"),
    ("Nice theme, loads fast!", "Thanks Carlos!", "Can you share the template?"),
)
EDITORS = ("Editor: Jane Holt", "Editor: Li Wei", "Edited by: Sam Cole")
HEADERS = ("THE DAILY COURIER Page {n}", "Week {n}, 2005 THE COURIER", "BUSINESS REVIEW {n}", "Page {n} | THE HERALD")


# ---------------------------------------------------------------- corruption


def read_article(path: Path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return blocks[0], [" ".join(b.split()) for b in blocks[1:]]


def wrap_with_hyphens(paragraph: str, width: int, rng: random.Random) -> list[str]:
    """Greedy wrap; a word that does not fit is split with a hyphen when enough of it fits."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        while True:
            candidate = f"{current} {word}" if current else word
            if len(candidate) <= width:
                current = candidate
                break
            room = width - len(current) - (1 if current else 0) - 1
            split = _split_point(word, room, rng)
            if split:
                head, tail = split
                lines.append(f"{current} {head}-" if current else f"{head}-")
                current, word = "", tail
                continue
            lines.append(current)
            current = ""
            if len(word) > width:  # a very long token on its own line
                lines.append(word)
                break
    if current:
        lines.append(current)
    return [line for line in lines if line]


def _split_point(word: str, room: int, rng: random.Random) -> tuple[str, str] | None:
    if "-" in word[1:-1] and word.index("-") < room:
        # A compound breaks at its own hyphen: "state-" / "owned".
        at = word.index("-")
        return word[:at], word[at + 1 :]
    letters = re.match(r"^[A-Za-z]+", word)
    if not letters or len(letters.group(0)) < 6 or room < 3:
        return None
    core = letters.group(0)
    choices = [i for i in range(3, len(core) - 2) if i <= room]
    if not choices:
        return None
    at = rng.choice(choices)
    return word[:at], word[at:]


def corrupt(title: str, paragraphs: list[str], kind: str, rng: random.Random) -> str:
    if kind == "web":
        return _web_paste(title, paragraphs, rng)
    if kind == "spliced":
        return _as_filed(title, splice_pull_quote(paragraphs, rng)[0])
    width = rng.randint(28, 42)
    blocks = [[title]] + [wrap_with_hyphens(p, width, rng) for p in paragraphs]
    if kind == "pullquote":
        _insert_pull_quote(blocks, paragraphs, rng)
    lines: list[str] = []
    for block in blocks:
        lines.extend(block)
        lines.append("")
    return _with_running_header(lines, rng)


def _insert_pull_quote(blocks: list[list[str]], paragraphs: list[str], rng: random.Random) -> None:
    sentences = [
        (i, s) for i, p in enumerate(paragraphs) for s in re.split(r"(?<=[.!?])\s+", p) if 8 <= len(s.split()) <= 30
    ]
    if not sentences:
        return
    source, sentence = rng.choice(sentences[len(sentences) // 3 :] or sentences)
    quote_lines = wrap_with_hyphens(sentence, rng.randint(16, 24), random.Random(0))
    if len(quote_lines) >= 4 and rng.random() < 0.5:
        # Out of reading order, as OCR reads a boxed quote.
        j = rng.randrange(1, len(quote_lines) - 1)
        quote_lines[j], quote_lines[j + 1] = quote_lines[j + 1], quote_lines[j]
    spread = rng.random() < 0.5
    quote_block = [line for q in quote_lines for line in ((q, "") if spread else (q,))]
    if spread:
        quote_block = quote_block[:-1]
    position = rng.randint(1, max(1, min(source, len(blocks) - 1)))
    blocks.insert(position, quote_block)


def splice_pull_quote(paragraphs: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    """The paragraphs with a sentence of one spliced into another's lines, and the
    quote's fragments (none when the article has no two paragraphs to use)."""
    sentences = [
        (i, s) for i, p in enumerate(paragraphs) for s in re.split(r"(?<=[.!?])\s+", p) if 8 <= len(s.split()) <= 30
    ]
    if len(paragraphs) < 2 or not sentences:
        return paragraphs, []
    source, sentence = rng.choice(sentences)
    others = [i for i, p in enumerate(paragraphs) if i != source and len(p) >= 120]
    if not others:
        return paragraphs, []
    target = rng.choice(others)
    body = wrap_with_hyphens(paragraphs[target], rng.randint(30, 42), rng)
    fragments = wrap_with_hyphens(sentence, QUOTE_WIDTH, rng)
    lines, quote = [body[0]], list(fragments)
    for line in body[1:]:
        if quote:
            lines.append(quote.pop(0))
        lines.append(line)
    lines += quote  # a quote longer than the body runs on after it
    spliced = list(paragraphs)
    spliced[target] = " ".join(lines)
    return spliced, fragments


def _with_running_header(lines: list[str], rng: random.Random) -> str:
    template = rng.choice(HEADERS)
    page = rng.randint(2, 30)
    every = rng.randint(18, 30)
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and i % every == 0:
            out.extend(["", template.format(n=page), ""])
            page += 1
        out.append(line)
    return "\n".join(out).strip() + "\n"


def _as_filed(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _web_paste(title: str, paragraphs: list[str], rng: random.Random) -> str:
    lines = [title, rng.choice(CAPTIONS), *paragraphs, rng.choice(EDITORS), *rng.choice(COMMENT_TAILS)]
    if rng.random() < 0.5:
        lines[0], lines[1] = lines[1], lines[0]  # caption above the headline
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- scoring


def bag(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def f1(predicted: Counter[str], gold: Counter[str]) -> float:
    overlap = sum((predicted & gold).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(predicted.values())
    recall = overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def cleaned(raw: str, name: str):
    """(title + text words, text only words, the articles) of what cleaning returns."""
    articles = clean(Document(name=name, raw=raw, encoding="utf-8"))
    full = "\n".join(f"{a.title or ''}\n{a.text}" for a in articles)
    body = "\n".join(a.text for a in articles)
    return bag(full), bag(body), articles


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def sentence_marks(articles, original: str, fragments: list[str]) -> tuple[int, int, int]:
    """(clean sentences, of them marked damaged, sentences left holding spliced text unmarked).

    A sentence is clean when its text occurs word for word in the original; one that does
    not and holds a whole multi-word fragment of the spliced quote still holds spliced text.
    """
    original = _squeezed(original)
    pieces = [_squeezed(f) for f in fragments if len(f.split()) >= 2]
    clean_count = marked = unmarked_spliced = 0
    for article in articles:
        for sentence in article.sentences:
            text = _squeezed(article.text[sentence.start : sentence.end])
            if text in original:
                clean_count += 1
                marked += bool(sentence.damage)
            elif not sentence.damage and any(p in text for p in pieces):
                unmarked_spliced += 1
    return clean_count, marked, unmarked_spliced


def run_stress(data: Path, limit: int, seed: int, verbose: bool) -> None:
    files = sorted((data / "articles").rglob("*.txt"))
    rng = random.Random(seed)
    if limit and limit < len(files):
        files = sorted(rng.sample(files, limit))
    scores: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    marks: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> clean sentences, marked damaged
    spliced_articles = spliced_clear = false_cuts = 0
    worst: list[tuple[float, str, str]] = []
    started = time.perf_counter()
    for path in files:
        title, paragraphs = read_article(path)
        if not paragraphs:
            continue
        original = title + "\n" + "\n".join(paragraphs)
        gold = bag(original)
        for kind in ("none",) + KINDS:
            item_rng = random.Random(f"{seed}:{path.parent.name}/{path.name}:{kind}")
            fragments: list[str] = []
            if kind == "none":
                messy = _as_filed(title, paragraphs)
            elif kind == "spliced":
                spliced, fragments = splice_pull_quote(paragraphs, item_rng)
                messy = _as_filed(title, spliced)
            else:
                messy = corrupt(title, paragraphs, kind, item_rng)
            full, body, articles = cleaned(messy, str(path))
            scores[kind].append((f1(bag(messy), gold), f1(full, gold), f1(body, gold)))
            worst.append((f1(full, gold), kind, f"{path.parent.name}/{path.name}"))
            clean_count, marked, unmarked = sentence_marks(articles, original, fragments)
            if kind == "none":
                false_cuts += sum(r.reason == REASON_SPLICE for a in articles for r in a.removed)
            marks[kind][0] += clean_count
            marks[kind][1] += marked
            if fragments:
                spliced_articles += 1
                spliced_clear += unmarked == 0
                if unmarked and verbose:
                    worst.append((-1.0, "spliced text left unmarked", f"{path.parent.name}/{path.name}"))
    elapsed = time.perf_counter() - started
    print(f"Stress test: {len(files)} BBC articles x {len(KINDS)} corruption kinds (seed {seed}), {elapsed:.1f} s")
    print(f"{'kind':<11}{'n':>5}{'uncleaned F1':>14}{'cleaned F1':>12}{'text-only F1':>14}{'cleaned min':>13}")
    every = []
    for kind in ("none",) + KINDS:
        rows = scores[kind]
        if kind != "none":
            every += rows
        print(
            f"{kind:<11}{len(rows):>5}{_mean(r[0] for r in rows):>14.4f}{_mean(r[1] for r in rows):>12.4f}"
            f"{_mean(r[2] for r in rows):>14.4f}{min(r[1] for r in rows):>13.4f}"
        )
    print(
        f"{'overall*':<11}{len(every):>5}{_mean(r[0] for r in every):>14.4f}{_mean(r[1] for r in every):>12.4f}"
        f"{_mean(r[2] for r in every):>14.4f}{min(r[1] for r in every):>13.4f}"
    )
    print("(none: the clean file as filed, to show cleaning does no harm; *overall: the corruption kinds)")
    print(f"spliced: articles with no sentence left holding spliced text unmarked: {spliced_clear}/{spliced_articles}"
          f" = {spliced_clear / max(spliced_articles, 1):.4f}")
    print(f"passages cut as spliced from the clean files (none): {false_cuts}")
    all_clean = sum(m[0] for m in marks.values())
    all_marked = sum(m[1] for m in marks.values())
    print("clean sentences marked damaged: " + ", ".join(
        f"{kind} {m[1]}/{m[0]} = {m[1] / max(m[0], 1):.4f}" for kind, m in marks.items()
    ) + f"; all {all_marked}/{all_clean} = {all_marked / max(all_clean, 1):.4f}")
    print("(F1: bag-of-words multiset F1 of lower-cased words against the clean original incl. headline;"
          " 'cleaned' counts the lifted title, 'text-only' does not)")
    if verbose:
        for score, kind, name in sorted(worst)[:30]:
            print(f"  worst: {score:.4f} {kind} {name}")


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


# ---------------------------------------------------------------- seeds


def run_seeds(directory: Path, repeats: int) -> None:
    paths = sorted(directory.glob("*.txt"))
    documents = [read_file(p) for p in paths]
    print(f"\nSeeds in {directory}: characters kept / removed by reason (white space not counted)")
    for document in documents:
        articles = clean(document)
        kept = sum(len(a.text.replace("\n", "").replace(" ", "")) for a in articles)
        fields = set()
        reasons: Counter[str] = Counter()
        for a in articles:
            for span in a.fields.values():
                fields.add((span.start, span.end))
            for r in a.removed:
                reasons[r.reason + (" (change)" if r.replacement is not None else "")] += _visible(r.text)
        lifted = sum(_visible(document.raw[s:e]) for s, e in fields)
        total = _visible(document.raw)
        print(f"  {Path(document.name).name}: {len(articles)} article(s), raw {total} chars, kept in text {kept}, "
              f"lifted into title/byline/date/label {lifted}")
        for reason, count in reasons.most_common():
            print(f"      {count:>6}  {reason}")
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        for document in documents:
            clean(document)
        timings.append(time.perf_counter() - started)
    print(f"  time to clean all {len(documents)} seeds: median {statistics.median(timings) * 1000:.1f} ms "
          f"over {repeats} runs (min {min(timings) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms)")


def _visible(text: str) -> int:
    return sum(not c.isspace() for c in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="bbc-summary folder (with articles/)")
    parser.add_argument("--limit", type=int, default=300, help="articles sampled (0 = all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--seeds", type=Path, help="folder of seed files: kept/removed chars and timing")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not args.data and not args.seeds:
        parser.error("give --data and/or --seeds")
    if args.data:
        run_stress(args.data, args.limit, args.seed, args.verbose)
    if args.seeds:
        run_seeds(args.seeds, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
