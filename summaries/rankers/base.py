"""What every ranker shares: the prepared document, the ranked result, the common call.

An article is split into words once, into a `RankDocument`; every
ranker (the project's own, Lead-k and each sumy algorithm) takes that document and
returns the sentences best first, like sumy's `__call__(document, sentences_count)`.
Rankers return their whole order rather than just `sentences_count` sentences so
that the citation step can pass over a sentence it rejects and take the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple, Protocol

import numpy as np

from summaries.model import Article
from summaries.segment import words as split_words


# Above this many sentences no n x n matrix is built (a 5 MB file can hold 30,000),
# and terms are hashed into HASHED_TERMS columns.
FULL_SIMILARITY_LIMIT = 1500
HASHED_TERMS = 1024


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


_WORD_IDS: dict[str, int] = {}  # word as written -> id of its lower-cased form; -1: function word
_LOWER_IDS: dict[str, int] = {}
_WORD_IDS_LIMIT = 1_000_000


def _word_id(word: str) -> int:
    lowered = word.lower()
    found = -1 if lowered.replace("’", "'") in FUNCTION_WORDS else _LOWER_IDS.setdefault(lowered, len(_LOWER_IDS))
    _WORD_IDS[word] = found
    return found


def _bound_vocabulary() -> None:
    """Keep a long-running process from growing the word tables without bound.

    Called only between articles, so ids stay consistent within one article.
    """
    if len(_WORD_IDS) >= _WORD_IDS_LIMIT:
        _WORD_IDS.clear()
        _LOWER_IDS.clear()


def word_ids(words: list[str]) -> np.ndarray:
    """Ids of the content words (lower-cased, not function words); -1 for function words."""
    get = _WORD_IDS.get
    ids = [get(w) for w in words]
    if None in ids:
        ids = [_word_id(w) if i is None else i for w, i in zip(words, ids)]
    return np.fromiter(ids, dtype=np.int64, count=len(ids))


@dataclass(slots=True)
class RankDocument:
    """An article ready for ranking: per-sentence text and words, and a term matrix on demand.

    Terms are the lower-cased words that are not function words, unstemmed: on
    news, stemming and idf weighting made centrality pick worse sentences (measured
    with benchmarks/summaries.py), and skipping the stemmer is also faster.
    """

    article: Article
    texts: list[str]
    words: list[list[str]]
    _cache: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.texts)

    def term_counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Sentence-by-term count matrix, and the global word id of each column."""
        if "counts" not in self._cache:
            n = len(self.texts)
            flat = word_ids(list(chain.from_iterable(self.words)))
            rows = np.repeat(np.arange(n), [len(w) for w in self.words])
            content = flat >= 0
            columns, local = np.unique(flat[content], return_inverse=True)
            width = max(1, min(len(columns), self._width_limit()))
            cells = np.bincount(rows[content] * width + local % width, minlength=n * width)
            self._cache["counts"] = (cells.reshape(n, width).astype(np.float64), columns)
        return self._cache["counts"]

    @property
    def very_long(self) -> bool:
        """Too long for n x n matrices (FULL_SIMILARITY_LIMIT sentences)."""
        return len(self) > FULL_SIMILARITY_LIMIT

    def _width_limit(self) -> int:
        """Term columns allowed: all of them, except in very long texts, whose terms
        share HASHED_TERMS columns (a hashing trick) to keep the matrix small."""
        return HASHED_TERMS if self.very_long else 1 << 62

    def unit_vectors(self) -> np.ndarray:
        """Each sentence's term-frequency vector scaled to length 1 (zero if it has no terms)."""
        if "unit" not in self._cache:
            counts, _ = self.term_counts()
            norms = np.sqrt(np.einsum("ij,ij->i", counts, counts))[:, None]
            self._cache["unit"] = np.divide(counts, norms, out=np.zeros_like(counts), where=norms > 0)
        return self._cache["unit"]

    def similarity(self) -> np.ndarray:
        """Cosine similarity of every pair of sentences (n x n), one matrix product.

        Only for articles of up to FULL_SIMILARITY_LIMIT sentences; longer ones use
        `similarity_row`, so memory stays linear in the article's length.
        """
        if "similarity" not in self._cache:
            if len(self) > FULL_SIMILARITY_LIMIT:
                raise ValueError("article too long for a full similarity matrix; use similarity_row")
            unit = self.unit_vectors()
            self._cache["similarity"] = unit @ unit.T
        return self._cache["similarity"]

    def similarity_row(self, index: int) -> np.ndarray:
        """Cosine similarity of sentence `index` to every sentence."""
        if "similarity" in self._cache:
            return self._cache["similarity"][index]
        if len(self) <= FULL_SIMILARITY_LIMIT:
            return self.similarity()[index]
        rows = self._cache.setdefault("rows", {})
        if index not in rows:
            unit = self.unit_vectors()
            rows[index] = unit @ unit[index]
        return rows[index]

    def title_columns(self) -> np.ndarray:
        """Mask of the term columns that occur in the title."""
        counts, columns = self.term_counts()
        mask = np.zeros(counts.shape[1], dtype=bool)
        title = self.article.title
        if not title or not len(columns):
            return mask
        ids = word_ids(split_words(title))
        ids = ids[ids >= 0]
        at = np.minimum(np.searchsorted(columns, ids), len(columns) - 1)  # columns are sorted
        mask[at[columns[at] == ids] % counts.shape[1]] = True
        return mask


def prepare(article: Article) -> RankDocument:
    _bound_vocabulary()
    text = article.text
    texts = [text[s.start : s.end] for s in article.sentences]
    return RankDocument(article, texts, [split_words(t) for t in texts])


def by_score(scores: np.ndarray) -> list[Ranked]:
    """Every sentence, best score first; ties go to the earlier sentence."""
    order = np.argsort(-scores, kind="stable").tolist()
    values = scores.tolist()
    return [Ranked(i, values[i]) for i in order]
