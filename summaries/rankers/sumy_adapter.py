"""Every extractive sumy algorithm, fed our own sentences and word tokens.

sumy's `Tokenizer("english")` needs downloaded Punkt data, so the sumy document is
built here from the article's sentences (summaries.segment): one sumy Paragraph per
article paragraph, one sumy Sentence per sentence with its words already set, and
the title as a heading (which Edmundson's title and location methods read).

sumy returns only the chosen sentences, in document order. To get its whole
ranking with ratings, the sentence count handed to sumy is a callable (sumy accepts
one): it receives every sentence sorted by rating and records them.
"""

from __future__ import annotations

import copy
import warnings
from functools import lru_cache

import numpy as np
from summaries.algorithms import SUMY_ALGORITHMS as LISTED_SUMY_ALGORITHMS
from sumy.models.dom import ObjectDocumentModel
from sumy.models.dom import Paragraph as SumyParagraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summaries.rankers.base import RankDocument, Ranked
from summaries.segment import stem
from summaries.segment import words as split_words

# Edmundson's cue method rewards "bonus" words and punishes "stigma" words. Bonus:
# the title's words (added per article) and words that announce a finding; stigma:
# hedges, asides and page furniture that rarely belong in a summary.
EDMUNDSON_BONUS = ("announced", "said", "reported", "found", "showed", "revealed", "significant", "important", "first", "new")
EDMUNDSON_STIGMA = (
    "perhaps", "maybe", "hardly", "apparently", "anyway", "incidentally", "click", "subscribe",
    "advertisement", "copyright", "newsletter", "photo", "caption", "follow", "share",
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's own English stop-word list (shipped with sumy: no download)."""
    from sumy.utils import get_stop_words  # lazily: sumy.utils imports pycountry

    return frozenset(get_stop_words("english"))


class _IndexedSentence(SumySentence):
    """A sumy sentence that knows its article index and carries its words already split.

    Identity is the index, not the text: two sentences with equal text (a repeated
    quote) stay two sentences in sumy's rating dictionaries.
    """

    __slots__ = ("index",)

    def __init__(self, index: int, text: str, words: list[str], is_heading: bool = False) -> None:
        super().__init__(text, None, is_heading)
        self.index = index
        self._cached_property_words = tuple(words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexedSentence) and self.index == other.index

    def __hash__(self) -> int:
        return hash(self.index)


class _RecordRanking:
    """Stands in for sumy's sentence count: sees the full rating order, keeps it all."""

    def __init__(self) -> None:
        self.ranking: list[Ranked] = []

    def __call__(self, infos):
        infos = list(infos)
        self.ranking = [Ranked(info.sentence.index, float(info.rating)) for info in infos]
        return infos


def sumy_document(document: RankDocument) -> ObjectDocumentModel:
    article = document.article
    grouped: dict[int, list[_IndexedSentence]] = {}
    for index, sentence in enumerate(article.sentences):
        grouped.setdefault(sentence.paragraph, []).append(
            _IndexedSentence(index, document.texts[index], document.sentence_words(index))
        )
    paragraphs = [grouped[p] for p in sorted(grouped)]
    if article.title and paragraphs:
        paragraphs[0].insert(0, _IndexedSentence(-1, article.title, split_words(article.title), is_heading=True))
    return ObjectDocumentModel([SumyParagraph(p) for p in paragraphs])


class SumyRanker:
    """One sumy summarizer behind the project's common call."""

    def __init__(self, name: str, summarizer) -> None:
        self.name = name
        self._summarizer = summarizer

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        if not len(document):
            return []
        recorder = _RecordRanking()
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            # LSA warns when an article has fewer distinct words than sentences, and
            # LexRank divides by zero when no sentence has a content word; the ranking
            # is still usable and a reader should not see the warnings.
            warnings.simplefilter("ignore", UserWarning)
            self._summarizer(sumy_document(document), recorder)
        return recorder.ranking


class EdmundsonRanker(SumyRanker):
    """Edmundson with the article's title words as extra bonus words."""

    def __call__(self, document: RankDocument, sentences_count: int) -> list[Ranked]:
        # A per-article copy keeps the shared summarizer untouched (rankers may run in
        # worker threads); the stemmed set is set directly, sumy's setter would re-stem.
        title = document.article.title or ""
        stops = stop_words()
        title_terms = {stem(w.lower()) for w in split_words(title) if w.lower() not in stops}
        summarizer = copy.copy(self._summarizer)
        summarizer._bonus_words = _bonus_terms() | title_terms
        return SumyRanker(self.name, summarizer)(document, sentences_count)


@lru_cache(maxsize=1)
def _bonus_terms() -> frozenset[str]:
    return frozenset(stem(w) for w in EDMUNDSON_BONUS)


def _with_stop_words(summarizer):
    summarizer.stop_words = stop_words()
    return summarizer


def _edmundson() -> EdmundsonSummarizer:
    summarizer = EdmundsonSummarizer(stem)
    summarizer.bonus_words = EDMUNDSON_BONUS
    summarizer.stigma_words = EDMUNDSON_STIGMA
    summarizer.null_words = stop_words()
    return summarizer


def _kl() -> KLSummarizer:
    summarizer = KLSummarizer(stem)
    # KL's stop_words is a plain attribute compared against lower-cased words.
    summarizer.stop_words = frozenset(w.lower() for w in stop_words())
    return summarizer


_FACTORIES = {
    "lexrank": lambda: SumyRanker("lexrank", _with_stop_words(LexRankSummarizer(stem))),
    "textrank": lambda: SumyRanker("textrank", _with_stop_words(TextRankSummarizer(stem))),
    "lsa": lambda: SumyRanker("lsa", _with_stop_words(LsaSummarizer(stem))),
    "luhn": lambda: SumyRanker("luhn", _with_stop_words(LuhnSummarizer(stem))),
    "sumbasic": lambda: SumyRanker("sumbasic", _with_stop_words(SumBasicSummarizer(stem))),
    "kl": lambda: SumyRanker("kl", _kl()),
    "edmundson": lambda: EdmundsonRanker("edmundson", _edmundson()),
    "reduction": lambda: SumyRanker("reduction", _with_stop_words(ReductionSummarizer(stem))),
}

SUMY_ALGORITHMS = tuple(_FACTORIES)
if SUMY_ALGORITHMS != LISTED_SUMY_ALGORITHMS:
    raise ImportError(f"sumy rankers {SUMY_ALGORITHMS} do not match summaries.algorithms {LISTED_SUMY_ALGORITHMS}")


@lru_cache(maxsize=None)
def sumy_ranker(name: str) -> SumyRanker:
    """The ranker for a sumy algorithm, built once: stop words and stemmer are set up once."""
    return _FACTORIES[name]()


