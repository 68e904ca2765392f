"""What every ranker shares: the prepared document, the ranked result, the common call.

An article is prepared once into a `RankDocument`; every ranker (the project's own,
Lead-k and each sumy algorithm) takes that document and returns the sentences best
first, like sumy's `__call__(document, sentences_count)`. Rankers return their whole
order rather than just `sentences_count` sentences so that the citation step can pass
over a sentence it rejects and take the next one.

Two kinds of words, for two jobs:
- `terms`: what centrality compares. The whole article is cut into terms in a few
  C-level passes over its UTF-8 bytes (lower-case, punctuation to spaces, split),
  numbered through one dict and counted per sentence with numpy; no regex runs per
  sentence and nothing is remembered between articles.
- `words`: the exact word tokens of `summaries.segment` (what sumy and the junk rules
  read), split lazily, per sentence, only for the sentences that are looked at.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from itertools import count as counter
from typing import NamedTuple, Protocol

import numpy as np

from summaries.model import Article
from summaries.segment import words as split_words
from summaries.rankers.window import RADIUS, WindowSimilarity, window_similarity
from summaries.sentence_rules import dangling_start

# From this many sentences on, the similarity product leaves out the terms only one
# sentence has (for fewer, picking them out costs more than it saves).
SHARED_TERMS_FROM = 64


class Ranked(NamedTuple):
    sentence: int  # index into article.sentences
    score: float  # higher is better; comparable only within one ranking


class Ranker(Protocol):
    name: str

    def __call__(self, document: "RankDocument", sentences_count: int) -> list[Ranked]:
        """Sentences best first: at least `sentences_count` of them when the document has them."""
        ...


# English function words (articles, pronouns, auxiliaries, prepositions, conjunctions):
# the set in nltk's `stopwords` corpus, which would need a download, so it is listed
# here. The project's own ranker drops only these: sumy's longer list also drops
# "said", "new", "first", numbers and the like, and centrality computed without them
# picked clearly worse sentences on news (benchmarks/summaries.py).
FUNCTION_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him
    his himself she she's her hers herself it it's its itself they them their theirs themselves what which who
    whom this that that'll these those am is are was were be been being have has had having do does did doing
    a an the and but if or because as until while of at by for with about against between into through during
    before after above below to from up down in out on off over under again further then once here there when
    where why how all any both each few more most other some such no nor not only own same so than too very s
    t can will just don don't should should've now d ll m o re ve y ain aren aren't couldn couldn't didn
    didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn mightn't mustn mustn't
    needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't wouldn wouldn't
    """.split()
)

# ------------------------------------------------------------------ terms

_SEPARATOR = "\x00"  # between sentences in the joined text; becomes a term of its own


def _byte_table() -> bytes:
    """ASCII letters lower-cased; ASCII that is neither a word character, an apostrophe,
    a hyphen nor the separator becomes a space; bytes of other characters stay."""
    table = bytearray(range(256))
    for b in range(128):
        c = chr(b)
        table[b] = ord(c.lower()) if c.isalnum() or c in "_-'" + _SEPARATOR else 32
    return bytes(table)


_BYTES = _byte_table()
_ASCII = bytes(range(128))
# Non-ASCII punctuation news uses, in UTF-8: curly apostrophes become straight ones
# (as in the function-word list), the rest spaces.
_UNICODE_PUNCTUATION = tuple(
    (c.encode(), b"'" if c in "’‘" else b" ") for c in "’‘“”«»—–…\xa0£€•·″′"
)
# Terms never counted, numbered first (the separator is 0): function words and bare
# punctuation left by the byte pass ("a - b", "'quoted'").
_IGNORED = (_SEPARATOR.encode(), b"-", b"--", b"'", b"''", *sorted(w.encode() for w in FUNCTION_WORDS))
_IGNORED_IDS = {term: i for i, term in enumerate(_IGNORED)}


def term_tokens(text: str) -> list[bytes]:
    """`text` cut into lower-cased terms (bytes), in a few C-level passes.

    Close to `summaries.segment.words` lower-cased, not the same: full stops split
    ("U.S." gives "u", "s"), and only the common non-ASCII punctuation is separated.
    Good for comparing sentences, not for showing words.
    """
    data = text.encode()
    if not text.isascii():
        others = data.translate(None, _ASCII)  # the few non-ASCII bytes: cheap to search
        for mark, replacement in _UNICODE_PUNCTUATION:
            if mark in others:
                data = data.replace(mark, replacement)
    # Quotes in single marks ('terrorist'): an apostrophe next to a space is not part of a word.
    return data.translate(_BYTES).replace(b" '", b"  ").replace(b"' ", b"  ").split()


def _sentence_terms(texts: list[str]) -> tuple[np.ndarray, np.ndarray, dict[bytes, int], np.ndarray]:
    """Row (sentence) and term id of every counted term, the term -> id table, and
    how many terms (counted or not) each sentence has.

    All sentences are joined with a separator and cut once; term ids come from one
    dict filled in C (a defaultdict numbering each new term), so ids are dense:
    counted term k has id len(_IGNORED) + k, in order of first occurrence.
    """
    joined = f" {_SEPARATOR} ".join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # the text itself holds the separator
        joined = f" {_SEPARATOR} ".join(t.replace(_SEPARATOR, " ") for t in texts)
    tokens = term_tokens(joined)
    index = defaultdict(counter(len(_IGNORED)).__next__, _IGNORED_IDS)
    ids = np.fromiter(map(index.__getitem__, tokens), dtype=np.intp, count=len(tokens))
    rows = np.cumsum(ids == 0)
    counted = ids >= len(_IGNORED)
    sizes = np.bincount(rows, minlength=len(texts))
    sizes[1:] -= 1  # each sentence after the first begins with a separator
    return rows[counted], ids[counted], index, sizes


class RankDocument:
    """An article ready for ranking: sentence texts, exact words on demand, its terms.

    Terms are the lower-cased words that are not function words, unstemmed: on
    news, stemming and idf weighting made centrality pick worse sentences (measured
    with benchmarks/summaries.py), and skipping the stemmer is also faster. An
    article of up to RADIUS + 1 sentences keeps them as a dense sentence-by-term
    count matrix and compares every pair of sentences; a longer text keeps them as
    sparse (sentence, term, count) entries and compares each sentence with those in
    a window around it (see window.py), so time and memory grow with its length.
    """

    __slots__ = ("article", "texts", "_words", "_cache")

    def __init__(self, article: Article, texts: list[str]) -> None:
        self.article = article
        self.texts = texts
        self._words: list[list[str] | None] = [None] * len(texts)
        self._cache: dict = {}

    def __len__(self) -> int:
        return len(self.texts)

    def sentence_words(self, index: int) -> list[str]:
        """The exact word tokens of sentence `index` (summaries.segment.words), split once."""
        found = self._words[index]
        if found is None:
            found = self._words[index] = split_words(self.texts[index])
        return found

    @property
    def words(self) -> list[list[str]]:
        """Word tokens of every sentence (sumy reads them all)."""
        return [self.sentence_words(i) for i in range(len(self.texts))]

    @property
    def windowed(self) -> bool:
        """Too long to compare every pair of sentences: compared within a window instead."""
        return len(self.texts) > RADIUS + 1

    def _terms(self) -> "_Terms":
        found = self._cache.get("terms")
        if found is None:
            found = self._cache["terms"] = _Terms(self.texts, self.article.title, sparse=self.windowed)
        return found

    def term_counts(self) -> tuple[np.ndarray, "TermColumns"]:
        """Sentence-by-term count matrix, and each term's column (not for a windowed text)."""
        terms = self._terms()
        if terms.matrix is None:
            raise ValueError("a text this long keeps its terms sparse; see term_entries")
        return terms.matrix, terms.columns_of

    def term_entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A windowed text's counted terms as sparse entries: sentence, column and count
        of each (sentence, term) pair, sorted by sentence then column."""
        terms = self._terms()
        if terms.rows is None:
            raise ValueError("an article this short keeps its terms in a matrix; see term_counts")
        return terms.rows, terms.columns, terms.counts

    def term_sizes(self) -> list[int]:
        """How many terms each sentence has, function words included: close to its word
        count (see `term_tokens` for how the two differ)."""
        return self._terms().sizes

    def norms(self) -> np.ndarray:
        """Length of each sentence's term-frequency vector (1 for a sentence without terms)."""
        found = self._cache.get("norms")
        if found is None:
            if self.windowed:
                rows, _, counts = self.term_entries()
                found = np.sqrt(np.bincount(rows, weights=counts * counts, minlength=len(self)))
            else:
                counts, _ = self.term_counts()
                found = np.sqrt(np.einsum("ij,ij->i", counts, counts))
            found[found == 0] = 1.0
            self._cache["norms"] = found
        return found

    def similarity(self) -> np.ndarray:
        """Cosine similarity of every pair of sentences (n x n), one matrix product.

        Only the terms that occur in two sentences or more enter the product (the rest
        only add to a sentence's similarity to itself, which is 1): a news article's
        matrix shrinks to a third. Only for articles of up to RADIUS + 1 sentences;
        longer ones have `window_similarity`.
        """
        found = self._cache.get("similarity")
        if found is None:
            if self.windowed:
                raise ValueError("text too long for a full similarity matrix; use window_similarity")
            counts, _ = self.term_counts()
            if len(counts) > SHARED_TERMS_FROM:
                shared = counts[:, np.count_nonzero(counts, axis=0) > 1] / self.norms()[:, None]
                found = shared @ shared.T
                found.flat[:: len(found) + 1] = counts.any(axis=1)
            else:  # a short article: dot products first, then scale; fewer, smaller steps
                found = counts @ counts.T
                squares = found.diagonal()
                norms = np.sqrt(squares + (squares == 0))
                found /= norms
                found /= norms[:, None]
            self._cache["similarity"] = found
        return found

    def window_similarity(self) -> WindowSimilarity:
        """Similarity of each sentence to those within RADIUS sentences of it (a windowed text)."""
        found = self._cache.get("window")
        if found is None:
            rows, columns, counts = self.term_entries()
            found = self._cache["window"] = window_similarity(rows, columns, counts / self.norms()[rows], len(self))
        return found

    def dangling_flags(self) -> list[bool]:
        """`dangling_start` of every sentence, worked out once (the ranker and the
        citation step both ask)."""
        found = self._cache.get("dangling")
        if found is None:
            found = self._cache["dangling"] = list(map(dangling_start, self.texts))
        return found

    def sentences_with(self, words: frozenset[str]) -> list[bool]:
        """Whether each sentence has one of `words` (lower-case) among its words."""
        key = ("with", words)
        found = self._cache.get(key)
        if found is None:
            present = self._terms().columns_of.of(_encoded(words))
            found = (self._sentences_having(present) > 0).tolist() if present else [False] * len(self)
            self._cache[key] = found
        return found

    def title_columns(self) -> list[int]:
        """The term columns that occur in the title, in increasing order."""
        return self._terms().title_columns

    def title_overlap(self) -> np.ndarray:
        """How many of the title's terms each sentence has."""
        title = self.title_columns()
        return self._sentences_having(title) if title else np.zeros(len(self), dtype=np.intp)

    def _sentences_having(self, columns: list[int]) -> np.ndarray:
        """How many of the term `columns` each sentence has."""
        if not self.windowed:
            counts, _ = self.term_counts()
            return np.add.reduce(counts[:, columns] > 0, axis=1)
        rows, found, _ = self.term_entries()
        return np.bincount(rows[np.isin(found, columns)], minlength=len(self))


class _Terms:
    """Every sentence's counted terms, cut and numbered once: a count matrix, or for a
    windowed text sparse entries (sentence, column, count) sorted by sentence then
    column; the title's columns, each term's column, and each sentence's number of
    terms (function words included)."""

    __slots__ = ("matrix", "rows", "columns", "counts", "title_columns", "columns_of", "sizes")

    def __init__(self, texts: list[str], title: str | None, sparse: bool) -> None:
        n = len(texts)
        # The title is cut and numbered with the sentences, as one more row after them:
        # its terms then cost no second pass.
        rows, ids, index, sizes = _sentence_terms([*texts, title] if title else texts)
        first = len(_IGNORED)
        width = max(1, len(index) - first)
        self.columns_of = TermColumns(index, first)
        self.sizes = sizes[:n].tolist()
        self.matrix = self.rows = self.columns = self.counts = None
        if sparse:
            cells, counts = np.unique(rows * width + (ids - first), return_counts=True)
            rows, columns = np.divmod(cells, width)
            in_title = rows == n
            self.title_columns = columns[in_title].tolist()  # one row's columns: unique, in order
            keep = ~in_title
            self.rows, self.columns, self.counts = rows[keep], columns[keep], counts[keep].astype(np.float64)
        else:
            height = len(sizes)
            cells = np.bincount(rows * width + (ids - first), minlength=height * width).reshape(height, width)
            self.title_columns = np.flatnonzero(cells[n]).tolist() if title else []
            self.matrix = cells[:n].astype(np.float64)


class TermColumns:
    """term (bytes, as `term_tokens` gives it) -> its column in the count matrix."""

    __slots__ = ("_index", "_first")

    def __init__(self, index: dict[bytes, int], first: int) -> None:
        # `index` may be a defaultdict: only .get is used here, which adds nothing.
        self._index, self._first = index, first

    def get(self, term: bytes, default=None):
        i = self._index.get(term)
        return default if i is None or i < self._first else i - self._first

    def of(self, terms) -> list[int]:
        """Columns of those of `terms` that occur (counted terms only)."""
        first = self._first
        return [i - first for i in map(self._index.get, terms) if i is not None and i >= first]


@lru_cache(maxsize=64)
def _encoded(words: frozenset[str]) -> tuple[bytes, ...]:
    return tuple(w.encode() for w in words)


def prepare(article: Article) -> RankDocument:
    text = article.text
    return RankDocument(article, [text[s.start : s.end] for s in article.sentences])


def by_score(scores: np.ndarray, first: Sequence[int] = ()) -> list[Ranked]:
    """Every sentence: those in `first` in that order, then the rest best score first
    (ties go to the earlier sentence)."""
    order = np.argsort(-scores, kind="stable").tolist()
    if first:
        taken = set(first)
        order = [*first, *(i for i in order if i not in taken)]
    values = scores.tolist()
    return [_ranked(Ranked, (i, values[i])) for i in order]


_ranked = tuple.__new__  # what Ranked(i, score) runs, without its Python-level __new__
