"""A passage read into another's lines: a pull quote spliced word-wise into a body line.

OCR that reads straight across a page takes a line of the body column, then the
line of a boxed quote beside it, then the next body line, and so on, all into one
line of text: "migrate the stor- Jin's case doesn't age of about 1 million …". The
quote's words, in order, repeat a passage found elsewhere in the file (the quote
copies the article), so they are found as a chain of short runs of a paragraph's
words, separated by runs of other words (the body), that together read as one
contiguous stretch of another paragraph. Those runs are taken out, and a word the
layout hyphenated around them ("stor-" + "age") is put back together when the word
list knows the joined word.

Two marks are left for what cannot be repaired (`Para.damage`, raw spans with a
reason, which the pipeline hands to the sentences that hold them):
- a word still split around other words ("eventu- … ally" with no known join),
- a chain too short to be sure of, yet clearly not prose ("stor- Jin's case …").

Work is linear: each paragraph word starts at most a few chain attempts (the first
MAX_CANDIDATES places of its word pair elsewhere), and each attempt looks at a
bounded number of words (MAX_RUN, MAX_GAP, MAX_RUNS).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import pairwise
from typing import Mapping, NamedTuple

from reader.cleaning.hyphenation import KNOWN_WORD_ZIPF, is_break_hyphen, zipf
from reader.cleaning.piece import Para, changed, dropped
from summaries.model import Removal

MAX_CANDIDATES = 4  # places elsewhere a chain may start from, per paragraph word
MAX_ANCHOR_PLACES = 8  # a word pair found more often anchors no chain
MAX_RUN = 12  # words in one run of the spliced passage (a quote line holds a few)
MAX_GAP = 16  # body words between two runs (a body line or two)
MIN_GAP = 1  # body words between two runs, at least (the body's last line may be one word)
MIN_BODY_LINE = 3  # words of a body line between two of the quote's lines
MAX_RUNS = 64
MAX_BACK = 8  # passage words looked for before the first run found
MAX_GIVE_BACK = 2  # words a run may give back to the body
RARE_PAIR = 2  # a word pair found here and in the copied passage only
DISTINCT_SHARE = 0.5  # of a chain's word pairs, at least this many rare
DISTINCT_PAIRS = 3  # (or at least this many)
MIN_RUNS = 3
MIN_WORDS = 8  # words of the passage found, all runs together
WEAK_MIN_WORDS = 6  # of a chain of two runs, marked but not cut
# A quote's line is short: every run but the last (where the quote may run on after the
# body) holds at most this many characters. Repeated phrases of prose are longer.
MAX_RUN_CHARS = 30
REASON_SPLICE = "passage spliced into a line (pull quote repeated elsewhere)"
REASON_REJOINED = "word split around a spliced passage rejoined"
REASON_LINE_END = "line-end hyphenation read inside a line undone"
DAMAGE_SPLIT_WORD = "a word split with other words between its halves"
DAMAGE_TWO_COLUMNS = "two columns read into one line"
DAMAGE_UNSURE = "words of a passage found elsewhere read into this line"

_TOKEN = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")
_STOP_ENDS = frozenset(".!?\"'”’)")
_STOP = re.compile(r"[.!?][\"'”’)]*$")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_OPENERS = "\"'“‘("
_PARTIAL = re.compile(r"^[\"'“‘(]?[^\W\d_]+-$")  # "stor-", '"one-': letters and a line-end hyphen
# Words that follow a hyphen in prose ("pre- and post-war", "two- to three-year").
_SUSPENDED_HYPHEN_NEXT = frozenset("and or to nor & und".split())
# Function words no compound ends with: a word's first half before one was cut by the layout.
_NEVER_SECOND_HALF = frozenset("the a an of in on at it is for with by from as that this".split())
# A function word hyphenated to a capitalised word ("expanded in-Bahamas' 4G"): prose
# writes no such compound; a column's line end met another column's line.
_COLUMN_SEAM = re.compile(r"(?<![\w-])(in|the|of|to|and|at|on|for|with|from|by|as|an)-[A-Z]\w*")


class Token(NamedTuple):
    start: int
    end: int
    key: str  # lower-cased, edge punctuation off, apostrophes unified
    partial: bool  # letters and a trailing hyphen: the first half of a split word
    stop: bool  # ends with a full stop, question or exclamation mark


class Tokens(list):
    """A paragraph's tokens, with their keys and where the partial ones are, listed once."""

    def __init__(self, tokens: list[Token], keys: list[str] | None = None) -> None:
        super().__init__(tokens)
        self.keys = keys if keys is not None else [t.key for t in tokens]
        self.partials = [i for i, t in enumerate(tokens) if t.partial]


_new_token = tuple.__new__  # what Token(...) runs, without its Python-level __new__


def tokens_of(text: str) -> Tokens:
    found = []
    lowered = text.lower().replace("’", "'") if "’" in text else text.lower()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
    kinds = _KINDS
    keys = []
    for match in _TOKEN.finditer(lowered):
        word = match.group()
        kind = kinds.get(word) or _kind(word)
        if kind is not _NO_WORD:  # a dash or a lone mark is no word: runs pass over it
            start = match.start()
            found.append(_new_token(Token, (start, start + len(word), *kind)))
            keys.append(kind[0])
    return Tokens(found, keys)


# A lower-cased word as written -> (key, partial, stop), worked out once per word: news
# wording repeats, and a look-up is cheaper than the edge rules below.
_KINDS: dict[str, tuple[str, bool, bool]] = {}
_KINDS_LIMIT = 200_000
_NO_WORD = ("", False, False)


def _kind(word: str) -> tuple[str, bool, bool]:
    first, last = word[0], word[-1]
    partial = last == "-" and _PARTIAL.match(word) is not None
    if partial:
        key = word[:-1].lstrip(_OPENERS)
    elif first.isalnum() and last.isalnum():
        key = word  # the usual word: nothing at its edges
    else:
        key = _EDGE.sub("", word)
    kind = (key, partial, last in _STOP_ENDS and _STOP.search(word) is not None) if key else _NO_WORD
    if len(_KINDS) >= _KINDS_LIMIT:
        _KINDS.clear()
    _KINDS[word] = kind
    return kind


class _Stream:
    """Every paragraph's word keys end to end, indexed by word pair."""

    def __init__(self, paragraph_tokens: list[list[Token]]) -> None:
        self.words: list[str] = []
        self.stops: list[bool] = []
        self.starts: list[int] = []
        for tokens in paragraph_tokens:
            self.starts.append(len(self.words))
            self.words.extend(tokens.keys if isinstance(tokens, Tokens) else [t.key for t in tokens])
            self.stops.extend([t.stop for t in tokens])
        self.starts.append(len(self.words))
        words = self.words
        # How often each word pair occurs (counted at C speed), and where the pairs that
        # may anchor a chain occur: found elsewhere too, yet not so often that they anchor
        # nothing (see `places_outside`). Most of a text's word pairs occur once.
        self.counts = Counter(pairwise(words))
        anchoring = {pair for pair, count in self.counts.items() if 1 < count <= MAX_ANCHOR_PLACES}
        self.pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.anchors: list[int] = []  # in order
        if anchoring:
            for p, pair in enumerate(pairwise(words)):
                if pair in anchoring:
                    self.pairs[pair].append(p)
                    self.anchors.append(p)

    def anchors_in(self, low: int, high: int) -> list[int]:
        """The places in [low, high) a chain may start from, as offsets from `low`."""
        return [p - low for p in self.anchors[bisect_left(self.anchors, low) : bisect_left(self.anchors, high)]]

    def paragraph_end(self, place: int) -> int:
        """Where the paragraph holding stream place `place` ends."""
        return self.starts[bisect_right(self.starts, place)]

    def opens_sentence(self, place: int) -> bool:
        """Whether the word at `place` starts a sentence (or its paragraph)."""
        return place == 0 or self.stops[place - 1] or self.starts[bisect_right(self.starts, place) - 1] == place

    def places_outside(self, pair: tuple[str, str], low: int, high: int) -> list[int]:
        """Up to MAX_CANDIDATES places of `pair` whose two words lie outside [low, high);
        none for a pair too common to anchor a chain ("of the"): a rarer pair of the
        passage anchors it, and the runs before it are found from there."""
        places = self.pairs.get(pair)  # only the anchoring pairs' places are listed
        if not places:
            return []
        before = bisect_left(places, low - 1)
        after = bisect_left(places, high)
        found = places[max(0, before - MAX_CANDIDATES) : before][-MAX_CANDIDATES:]
        found += places[after : after + MAX_CANDIDATES - len(found)]
        return found


class Chain(NamedTuple):
    runs: list[tuple[int, int]]  # token ranges [first, last) of the paragraph taken by the passage
    words: int  # passage words matched
    # Token index of a run's first token whose key only ends with the passage's word
    # ("eventuother": "eventu" + "other"), with how many characters belong to the body.
    glued: dict[int, int]
    place: int  # where the passage starts in the stream
    sure: bool = True  # False: marked, never cut


def _match(token: Token, word: str) -> str | None:
    """How `token` matches the passage word: "whole", "head" (it is the word's first
    half, hyphenated), or None."""
    if token.key == word and word:
        return "whole"
    if token.partial and len(token.key) >= 2 and word.startswith(token.key) and len(word) > len(token.key):
        return "head"
    return None


def _follow(tokens: list[Token], i: int, q: int, stream: _Stream, low: int, high: int) -> Chain:
    """The chain of runs starting at token i that reads the passage from stream place q."""
    words = stream.words
    runs: list[tuple[int, int]] = []
    glued: dict[int, int] = {}
    matched = 0
    j, k = i, q
    rest: str | None = None  # the second half still to find of a word split in the passage
    n = len(tokens)
    # The passage is read within its own paragraph (a quote copies a sentence or two).
    end = stream.paragraph_end(q)
    while len(runs) < MAX_RUNS:
        start = j
        while j < n and j - start < MAX_RUN and k < end:
            if rest is not None:
                if tokens[j].key != rest:
                    break
                rest = None
            elif not (j == start and j in glued):
                how = _match(tokens[j], words[k])
                if how is None:
                    break
                if how == "head":
                    rest = words[k][len(tokens[j].key) :].lstrip("-")
                    j += 1
                    break  # the word's second half follows the body's next line
            j, k = j + 1, k + 1
            matched += 1
        if j == start:
            break
        runs.append((start, j))
        if k >= end:
            break  # a run longer than a quote's line can only be the last (see _spliced)
        found = _next_run(tokens, j, k, stream, rest, end)
        back = 0
        # The run may have run on into the body ("month, new Prime" + "Minister Viktor"
        # where the quote goes on "Minister Yulia"): give back a word or two.
        while found is None and rest is None and back < MAX_GIVE_BACK and j - back - 1 > runs[-1][0] and j - back - 1 > i:
            back += 1
            found = _next_run(tokens, j - back, k - back, stream, None, end)
        if found is None:
            break
        if back:
            runs[-1] = (runs[-1][0], j - back)
            k -= back
            matched -= back
        first, last = runs[-1]
        if found[0] > last and tokens[last - 1].end - tokens[first].start > MAX_RUN_CHARS:
            # A run longer than a quote's line, with body words after it: no splice (see _spliced).
            return Chain([], 0, {}, q)
        j, body = found
        if body is not None:  # "eventuother": the run starts inside a glued token
            glued[j] = body
    return Chain(_merged(runs), matched, glued, q)


def _next_run(
    tokens: list[Token], j: int, k: int, stream: _Stream, rest: str | None, end: int
) -> tuple[int, int | None] | None:
    """Where the passage picks up again after some body words: (token, None), or
    (token, body characters) for a token glued to the passage's next word.

    Looked up with `list.index` over the paragraph's keys: a window of body words is
    passed over at C speed, and only the few tokens that could match are looked at.
    """
    words = stream.words
    keys, partials = _keys(tokens)
    n = len(tokens)
    low, high = j + MIN_GAP, min(n, j + 1 + MAX_GAP)
    if rest is not None:  # the second half may follow at once, when the body has run out
        place = _index(keys, rest, j, high)
        return None if place < 0 else (place, None)
    word = words[k]
    following = words[k + 1] if k + 1 < end else None
    best, best_length = -1, 0
    place = _index(keys, word, low, high)
    while place >= 0:
        token = tokens[place]
        if (
            following is None
            or (place + 1 < n and _match(tokens[place + 1], following))
            or (token.stop and stream.stops[k] and len(word) >= 4)  # the quote's last word: "sector."
        ):
            # Of the places the passage may pick up ("has been" of the body's "it has been
            # announced", or of the quote's "has been forced by …"), the longest run wins.
            length = _run_length(tokens, place, words, k, end)
            if length > best_length:
                best, best_length = place, length
        place = _index(keys, word, place + 1, high)
    # A body word's half glued to the passage's word ("eventu" + "other"), found by the
    # passage's word after it; it wins only when it comes first.
    if following is not None and len(word) >= 3:
        place = _index(keys, following, low + 1, min(n, high + 1))
        while place >= 0 and (best < 0 or place - 1 < best):
            key = keys[place - 1]
            if len(key) > len(word) and key.endswith(word) and key[: -len(word)].isalpha():
                return place - 1, len(key) - len(word)
            place = _index(keys, following, place + 1, min(n, high + 1))
    if best >= 0:
        return best, None
    # The passage's word split by the quote's own line end ("attr-" / "ibuted"), its
    # second half after the next body line. (A body word's half, "comp-" before
    # "companies", would have matched whole above.)
    for place in partials[bisect_left(partials, low) : bisect_left(partials, high)]:
        if _match(tokens[place], word) == "head":
            second = word[len(keys[place]) :].lstrip("-")
            if _index(keys, second, place + MIN_GAP, min(n, place + 1 + MAX_GAP)) >= 0:
                return place, None
    return None


def _index(keys: list[str], key: str, start: int, stop: int) -> int:
    """Position of `key` in keys[start:stop], or -1. The windows are a few words long and
    the key is mostly not there: a membership test costs less than list.index's exception."""
    if start >= stop:
        return -1
    window = keys[start:stop]
    return start + window.index(key) if key in window else -1


def _keys(tokens: list[Token]) -> tuple[list[str], list[int]]:
    """The tokens' keys and the positions of the partial ones (kept with a `Tokens` list)."""
    if isinstance(tokens, Tokens):
        return tokens.keys, tokens.partials
    return [t.key for t in tokens], [i for i, t in enumerate(tokens) if t.partial]


def _run_length(tokens: list[Token], j: int, words: list[str], k: int, end: int) -> int:
    """How many tokens from j read the passage from k on, word for word (at most MAX_RUN)."""
    length = 0
    while length < MAX_RUN and j + length < len(tokens) and k + length < end and tokens[j + length].key == words[k + length]:
        length += 1
    return length


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and merged[-1][1] >= start:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _spliced(chain: Chain, tokens: list[Token]) -> bool:
    """Whether a chain reads as a quote's lines between body lines, not as phrases prose repeats."""
    if len(chain.runs) < MIN_RUNS or chain.words < MIN_WORDS:
        return False
    runs = chain.runs
    if any(tokens[last - 1].end - tokens[first].start > MAX_RUN_CHARS for first, last in runs[:-1]):
        return False
    # Between two of the quote's lines a body line: a few words. Only the last gap may be
    # shorter (the body's last line, "fortunes.", before the rest of the quote).
    return all(after[0] - before[1] >= MIN_BODY_LINE for before, after in pairwise(runs[:-1]))


def _with_earlier_runs(chain: Chain, tokens: list[Token], stream: _Stream, low: int, high: int) -> Chain:
    """The chain with the quote's lines before its first found run, which no word pair
    anchored (a first line of one word and a half: "Analysts attr-")."""
    first = chain.runs[0][0]
    best = chain
    for j in range(max(0, first - 2 * MAX_GAP), max(0, first - MIN_GAP)):
        for d in range(1, MAX_BACK + 1):
            q = chain.place - d
            if q < 0 or low <= q < high:
                break
            if _match(tokens[j], stream.words[q]) is None:
                continue
            earlier = _follow(tokens, j, q, stream, low, high)
            if earlier.words > best.words and any(start <= first < end for start, end in earlier.runs):
                best = earlier
    return best


def _with_glued_start(chain: Chain, tokens: list[Token], stream: _Stream, low: int, high: int) -> Chain:
    """The chain taking in the passage's word before it when the OCR glued that word to a
    body word's hyphen ("stor-Jin's" + "case doesn't ...")."""
    first = chain.runs[0][0]
    before = chain.place - 1
    if first == 0 or before < 0 or low <= before < high:
        return chain
    word, key = stream.words[before], tokens[first - 1].key
    body = len(key) - len(word)
    if not word or body < 3 or not key.endswith(word) or key[body - 1] != "-" or not key[: body - 1].isalpha():
        return chain
    runs = [(first - 1, chain.runs[0][1]), *chain.runs[1:]]
    return Chain(runs, chain.words + 1, {**chain.glued, first - 1: body}, before)


def _distinctive(chain: Chain, tokens: list[Token], stream: _Stream) -> bool:
    """Whether most word pairs of the chain's runs (or a few) occur only here and in the
    passage it copies: a quote repeats a sentence; a fixture list ("Republic of Ireland
    v …") repeats the same few names everywhere."""
    pairs = rare = 0
    for first, last in chain.runs:
        for j in range(first, last - 1):
            pairs += 1
            rare += stream.counts[tokens[j].key, tokens[j + 1].key] <= RARE_PAIR
    return rare >= DISTINCT_SHARE * pairs or rare >= DISTINCT_PAIRS


def _best_chain_at(
    tokens: list[Token], i: int, stream: _Stream, low: int, high: int, weak: list[Chain] | None = None
) -> Chain | None:
    """The spliced chain with most words that starts with tokens i and i + 1, if any.
    A chain of two runs only, too short to cut, goes to `weak` (to be marked)."""
    best: Chain | None = None
    for q in stream.places_outside((tokens[i].key, tokens[i + 1].key), low, high):
        chain = _follow(tokens, i, q, stream, low, high)
        if _spliced(chain, tokens) and (best is None or chain.words > best.words) and _distinctive(chain, tokens, stream):
            best = chain
        elif weak is not None and best is None and _weakly_spliced(chain, tokens, stream):
            weak.append(chain)
    return best


def _weakly_spliced(chain: Chain, tokens: list[Token], stream: _Stream) -> bool:
    """Two quote lines around a body line, starting a sentence of the passage: likely a
    splice, too short to be sure of."""
    if len(chain.runs) != 2 or chain.words < WEAK_MIN_WORDS or not stream.opens_sentence(chain.place):
        return False
    (first, last), (second, _) = chain.runs
    if tokens[last - 1].end - tokens[first].start > MAX_RUN_CHARS or second - last < MIN_BODY_LINE:
        return False
    return _distinctive(chain, tokens, stream)


def find_chains(paragraph_tokens: list[list[Token]], stream: _Stream | None = None) -> list[list[Chain]]:
    """Per paragraph, the spliced passages found in it (chains that do not overlap)."""
    stream = stream or _Stream(paragraph_tokens)
    result: list[list[Chain]] = []
    for p, tokens in enumerate(paragraph_tokens):
        low, high = stream.starts[p], stream.starts[p + 1]
        chains: list[Chain] = []
        anchors = stream.anchors_in(low, high - 1)
        i = 0
        n = len(tokens)
        while i < n - 1:
            # No chain starts where no word pair anchors one: on to the next anchor.
            next_anchor = bisect_left(anchors, i)
            if next_anchor == len(anchors):
                break
            i = anchors[next_anchor]
            weak: list[Chain] = []
            best = _best_chain_at(tokens, i, stream, low, high, weak)
            if best is None and weak:
                chains.append(Chain(weak[0].runs, weak[0].words, weak[0].glued, weak[0].place, sure=False))
                i = weak[0].runs[-1][1]
                continue
            if best is not None:
                # A chain may have started on a body word that happens to precede the
                # quote's words elsewhere too ("has been" of "Lebedev has been on trial"):
                # a chain starting a little later that reads more of the passage wins.
                for later in range(i + 1, min(n - 1, best.runs[0][1] + MAX_GAP)):
                    other = _best_chain_at(tokens, later, stream, low, high)
                    if other is not None and other.words > best.words:
                        best = other
                        break
            if best is not None:
                best = _with_glued_start(_with_earlier_runs(best, tokens, stream, low, high), tokens, stream, low, high)
            if best is not None:
                if chains and best.runs[0][0] < chains[-1].runs[-1][1]:
                    best = chains.pop() if chains[-1].words >= best.words else best
                chains.append(best)
                i = best.runs[-1][1]
            else:
                i += 1
        result.append(chains)
    return result


def repair_spliced_passages(paragraphs: list[Para], raw: str, vocabulary: Mapping[str, int]) -> list[Removal]:
    """Take spliced passages out of the paragraphs (in place), rejoin the words split
    around them, and mark words left split; returns the records."""
    paragraph_tokens = [tokens_of(p.text) for p in paragraphs]
    removals: list[Removal] = []
    stream = _Stream(paragraph_tokens)
    for para, tokens, chains in zip(paragraphs, paragraph_tokens, find_chains(paragraph_tokens, stream), strict=True):
        # A pull quote starts where a sentence starts. A chain reading from mid-sentence
        # may be a quote whose first line was missed, or phrases a paragraph shares with a
        # quote elsewhere ("to bring in … bad Bills"): marked, not cut.
        unsure = [c for c in chains if not c.sure or not stream.opens_sentence(c.place)]
        for chain in unsure:
            span = para.piece[tokens[chain.runs[0][0]].start : tokens[chain.runs[-1][1] - 1].end]
            para.damage.append((span.raw_start, span.raw_end, DAMAGE_UNSURE))
        chains = [c for c in chains if c.sure and stream.opens_sentence(c.place)]
        if chains:
            _cut(para, tokens, chains, raw, vocabulary, removals)
            tokens = None  # the text changed: its words are read again where needed
        if "- " in para.text:
            tokens = _rejoin_split_words(para, raw, vocabulary, removals, tokens)
        if "-" in para.text:
            _mark_split_words(para, vocabulary, tokens)
    return removals


def _cut(para: Para, tokens: list[Token], chains: list[Chain], raw: str, vocabulary: Mapping[str, int], removals: list[Removal]) -> None:
    piece = para.piece
    text = piece.text
    cuts: list[tuple[int, int]] = []
    for chain in chains:
        for first, last in chain.runs:
            start, end = tokens[first].start, tokens[last - 1].end
            body = chain.glued.get(first)
            if body is not None:
                start += body  # "eventu|other": the body's half stays
            removals.append(dropped(raw, piece[start:end], REASON_SPLICE))
            # With the space after it (or before it, at the paragraph's end).
            if last < len(tokens):
                cut = (start, tokens[last].start)
            elif body is None and first > 0:
                cut = (tokens[first - 1].end, end)
            else:
                cut = (start, end)
            seam = _seam(text, tokens, first, last, body, vocabulary)
            if body is not None and seam is None:
                cut = (start, end)  # "eventu ally": left for the split-word mark
            if seam is not None:
                cut_start, head_start, tail_end, joined = seam
                cut = (cut_start, cut[1])
                removals.append(changed(raw, piece.offsets[head_start], piece.offsets[tail_end - 1] + 1, REASON_REJOINED, joined))
            cuts.append(cut)
    cuts.sort()
    merged: list[tuple[int, int]] = []
    for start, end in cuts:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    para.piece = piece.without(merged).strip()


def _seam(
    text: str, tokens: list[Token], first: int, last: int, body: int | None, vocabulary: Mapping[str, int]
) -> tuple[int, int, int, str] | None:
    """A word the layout split around the run [first, last): (where the cut starts, the
    word's start, its end, the word rejoined), or None.

    "stor-" + run + "age" -> "storage" when the word list says so ("state-" + "owned"
    keeps its hyphen); "eventu|other" + run + "ally" -> "eventually" when it is a word.
    """
    if last >= len(tokens):
        return None
    tail_token = tokens[last]
    tail = _LETTERS.match(text, tail_token.start, tail_token.end)
    if tail is None or not tail.group()[0].islower():
        return None
    if body is not None:
        head_start, hyphen = tokens[first].start, tokens[first].start + body
        head = text[head_start:hyphen]
        if not head.endswith("-"):  # "eventu|other": only a known word is put back
            if zipf((head + tail.group()).lower()) < KNOWN_WORD_ZIPF:
                return None
            return hyphen, head_start, tail.end(), head + tail.group()
        hyphen -= 1  # "stor-|Jin's": the hyphen of a line end
    elif first > 0 and tokens[first - 1].partial:
        head_start, hyphen = tokens[first - 1].start, tokens[first - 1].end - 1
    else:
        return None
    head = text[head_start:hyphen]
    if is_break_hyphen(head.lstrip(_OPENERS), tail.group(), vocabulary):
        return hyphen, head_start, tail.end(), head + tail.group()
    return hyphen + 1, head_start, tail.end(), f"{head}-{tail.group()}"


def _split_words(text: str, tokens: list[Token]):
    """(token before, token after, its letters) of each "expo- rts": a half-word with a
    line-end hyphen before a word that starts in lower case (not "pre- and post-war")."""
    for before, after in pairwise(tokens):
        if before.partial and before.end + 1 == after.start and after.key not in _SUSPENDED_HYPHEN_NEXT:
            tail = _LETTERS.match(text, after.start, after.end)
            if tail is not None and tail.group()[0].islower():
                yield before, after, tail


def _rejoin_split_words(
    para: Para, raw: str, vocabulary: Mapping[str, int], removals: list[Removal], tokens: Tokens | None = None
) -> Tokens | None:
    """Undo "expo- rts": a line end's hyphen read into the middle of a line (the body's
    lines after a spliced quote ran out), when a half is no word and the word list
    takes the joined word. Two words ("wholly- owned") are left as written.
    `tokens`: the paragraph's, when known; returned while they still hold."""
    text = para.text
    tokens = tokens if tokens is not None else tokens_of(text)
    if not tokens.partials:  # no word ends in a hyphen: nothing split
        return tokens
    seams = []
    for before, after, tail in _split_words(text, tokens):
        left, right = text[before.start : before.end - 1].lstrip(_OPENERS), tail.group()
        if min(zipf(left.lower()), zipf(right.lower())) > 0 and left.lower() not in vocabulary:
            continue
        if is_break_hyphen(left, right, vocabulary):
            seams.append((before.end - 1, after.start))
            span = para.piece[before.start : tail.end()]
            removals.append(changed(raw, span.raw_start, span.raw_end, REASON_LINE_END, text[before.start : before.end - 1] + right))
    if seams:
        para.piece = para.piece.without(seams)
        return None
    return tokens


def _mark_split_words(para: Para, vocabulary: Mapping[str, int], tokens: Tokens | None = None) -> None:
    """Mark "stor- Jin's" (a line-end hyphen inside a line, before a word that does not
    complete it, where the half before it is no word of its own), "opera- an" (a word's
    first half before a word no compound ends with) and "in-Bahamas'" (a line ending
    in a hyphen read straight into another column's line)."""
    text = para.text
    if "- " in text:
        tokens = tokens if tokens is not None else tokens_of(text)
        _mark_words_split_at(para, vocabulary, tokens)
    for match in _COLUMN_SEAM.finditer(text):
        span = para.piece[match.start(1) : match.end()]
        para.damage.append((span.raw_start, span.raw_end, DAMAGE_TWO_COLUMNS))


def _mark_words_split_at(para: Para, vocabulary: Mapping[str, int], tokens: Tokens) -> None:
    text = para.text
    for i in tokens.partials:  # only a word ending in a hyphen starts a split word
        if i + 1 == len(tokens):
            break
        before, after = tokens[i], tokens[i + 1]
        if before.end == after.start or after.key in _SUSPENDED_HYPHEN_NEXT:
            continue
        left = text[before.start : before.end - 1].lstrip(_OPENERS)
        if (zipf(left.lower()) > 0 or left.lower() in vocabulary) and after.key not in _NEVER_SECOND_HALF:
            continue  # "well- known": a word of its own before the hyphen, and one after it
        span = para.piece[before.start : after.end]
        para.damage.append((span.raw_start, span.raw_end, DAMAGE_SPLIT_WORD))
