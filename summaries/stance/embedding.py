"""Static word embeddings for a sentence's overall style, from files a PyPI package ships.

The `wordllama` wheel carries a 256-dimensional token embedding table
(`weights/l2_supercat_256.safetensors`, distilled from large language models) and its
tokenizer (`tokenizers/l2_supercat_tokenizer_config.json`). We read those two files
directly with `safetensors` and `tokenizers`, both file-only calls: nothing is fetched,
whatever the network. We do not import wordllama's own Python code, whose loader falls
back to a hub download and whose import reconfigures the root logger.

A sentence's embedding is the mean of its token vectors. Because the model is linear,
`w . mean(vectors)` equals the mean of per-token scores `table @ w`, so scoring needs
only the token ids (see `TokenScorer`), and a sentence's push splits exactly into its
words' pushes, which name the words behind it; the vectors are needed for fitting only.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np

PACKAGE = "wordllama"
TABLE_FILE = Path("weights") / "l2_supercat_256.safetensors"
TOKENIZER_FILE = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
TABLE_KEY = "embedding.weight"
DIMENSIONS = 256


class EmbeddingUnavailable(RuntimeError):
    """The package that ships the embedding files is not installed."""


def package_folder() -> Path:
    """Where the wordllama package lives, found without running its code."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable(f"the {PACKAGE!r} package (which ships the embedding table) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _open_table():
    from safetensors import safe_open

    return safe_open(str(package_folder() / TABLE_FILE), framework="np", device="cpu")


@lru_cache(maxsize=1)
def vocabulary_size() -> int:
    with _open_table() as handle:
        shape = handle.get_slice(TABLE_KEY).get_shape()
    if len(shape) != 2 or shape[1] != DIMENSIONS:
        raise EmbeddingUnavailable(f"unexpected embedding table shape {tuple(shape)}")
    return int(shape[0])


def token_table() -> np.ndarray:
    """The (vocabulary, 256) float32 table of token vectors: for fitting and tests only.

    Not cached: at run time only its product with the model's direction is needed
    (`project_table`), and the float32 table alone would be 32 MB held for nothing."""
    vocabulary_size()  # validates the shape
    with _open_table() as handle:
        return np.ascontiguousarray(handle.get_tensor(TABLE_KEY), dtype=np.float32)


def project_table(direction, rows_per_chunk: int = 4096) -> np.ndarray:
    """`table @ direction` for every token, a chunk of rows at a time, so the stored
    float16 table is never widened whole in memory."""
    direction = np.asarray(direction, dtype=np.float32)
    size = vocabulary_size()
    scores = np.empty(size, dtype=np.float64)
    with _open_table() as handle:
        table = handle.get_slice(TABLE_KEY)
        for start in range(0, size, rows_per_chunk):
            stop = min(size, start + rows_per_chunk)
            scores[start:stop] = table[start:stop].astype(np.float32) @ direction
    return scores


@lru_cache(maxsize=1)
def tokenizer():
    from tokenizers import Tokenizer

    loaded = Tokenizer.from_file(str(package_folder() / TOKENIZER_FILE))
    loaded.no_padding()
    loaded.no_truncation()
    return loaded


# Word -> token ids. A word's tokens do not depend on its neighbours (the tokenizer
# marks each word's start and no token spans two words), so each distinct word is
# tokenized once; news wording repeats, and a dictionary look-up beats the tokenizer.
_WORD_IDS: dict[str, tuple[int, ...]] = {}
_WORD_IDS_LIMIT = 200_000


class Tokens:
    """One sentence's token ids, in order, and its whitespace-separated words."""

    __slots__ = ("ids", "words", "word_ids")

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.word_ids = list(map(_WORD_IDS.__getitem__, words))
        self.ids = list(chain.from_iterable(self.word_ids))


def _learn_words(words: set[str]) -> None:
    """Token ids for words not seen yet, all in one tokenizer call."""
    unseen = list(words.difference(_WORD_IDS))
    if not unseen:
        return
    if len(_WORD_IDS) + len(unseen) > _WORD_IDS_LIMIT:
        _WORD_IDS.clear()
    limit = vocabulary_size() - 1
    for word, ids in zip(unseen, _encoded(unseen), strict=True):
        _WORD_IDS[word] = ids if not ids or max(ids) <= limit else tuple(min(i, limit) for i in ids)


# The tokenizer marks a word's start with this; no token holds it but at its start
# (or a run of it alone), so no token spans two words.
WORD_MARK = "\u2581"


def _encoded(words: list[str]) -> list[tuple[int, ...]]:
    """Each word's token ids. The words are encoded as one text, then cut before each
    token that starts a word: the same ids as one by one, in half the time. Words that
    hold the mark themselves are encoded one by one, and so is everything when the cut
    does not give one piece per word."""
    plain = [word for word in words if WORD_MARK not in word]
    found: dict[str, tuple[int, ...]] = {}
    if plain:
        ids = _encode([" ".join(_encodable(word) for word in plain)])[0]
        pieces = _cut_at_word_starts(ids)
        if len(pieces) == len(plain):
            found = dict(zip(plain, pieces, strict=True))
    rest = [word for word in words if word not in found]
    if rest:
        found.update(zip(rest, _encode([_encodable(word) for word in rest]), strict=True))
    return [found[word] for word in words]


def _encode(texts: list[str]) -> list[tuple[int, ...]]:
    encode = getattr(tokenizer(), "encode_batch_fast", tokenizer().encode_batch)  # fast: no offsets (>= 0.21)
    return [tuple(encoding.ids) for encoding in encode(texts, add_special_tokens=False)]


def _cut_at_word_starts(ids: tuple[int, ...]) -> list[tuple[int, ...]]:
    starts = _word_start_ids()
    pieces: list[list[int]] = []
    for token in ids:
        if token in starts or not pieces:
            pieces.append([token])
        else:
            pieces[-1].append(token)
    return [tuple(piece) for piece in pieces]


@lru_cache(maxsize=1)
def _word_start_ids() -> frozenset[int]:
    """The tokens that start a word (they begin with the mark)."""
    return frozenset(index for token, index in tokenizer().get_vocab().items() if token.startswith(WORD_MARK))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(word: str) -> str:
    """`word` as the tokenizer (Rust) accepts it: any Python str can hold lone surrogates
    (bytes decoded with surrogateescape), which are no Unicode text; each reads as U+FFFD."""
    return _SURROGATE.sub("\ufffd", word) if not word.isascii() else word


def tokenize(texts: list[str]) -> list[Tokens]:
    """Each text's tokens; whitespace between words is not wording and is dropped."""
    split = [text.split() for text in texts]
    _learn_words(set(chain.from_iterable(split)))
    return [Tokens(words) for words in split]


def _flat_ids(tokens: list[Tokens]) -> tuple[np.ndarray, np.ndarray]:
    """All token ids end to end, and each sentence's count."""
    lengths = np.fromiter((len(t.ids) for t in tokens), dtype=np.intp, count=len(tokens))
    flat = np.fromiter((i for t in tokens for i in t.ids), dtype=np.intp, count=int(lengths.sum()))
    return flat, lengths


def _mean_by_sentence(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per-sentence means of consecutive runs of `values` (rows); empty runs give zeros."""
    out = np.zeros((len(lengths), *values.shape[1:]), dtype=np.float64)
    filled = lengths > 0
    if filled.any():
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[filled]
        sums = np.add.reduceat(values.astype(np.float64), starts, axis=0)
        out[filled] = sums / lengths[filled].reshape(-1, *([1] * (values.ndim - 1)))
    return out


def embed(texts: list[str]) -> np.ndarray:
    """(len(texts), 256) mean token vectors; an empty text gets the zero vector."""
    flat, lengths = _flat_ids(tokenize(texts))
    return _mean_by_sentence(token_table()[flat], lengths).astype(np.float32)


class TokenScorer:
    """The embedding part of a linear model, folded into one score per vocabulary token.

    `direction` is the model's weight vector over the 256 dimensions and `centre` its
    value on an average training sentence, so a contribution is how far a sentence's
    wording pushes the log-odds away from the average sentence's.
    """

    def __init__(self, direction, centre: float) -> None:
        self.scores = project_table(direction)
        self.centre = centre
        self._word_pushes: dict[str, float] = {}

    def contributions(self, tokens: list[Tokens]) -> np.ndarray:
        """One contribution per sentence, all in a few array operations; 0 for no tokens.
        A few sentences are summed from cached per-word pushes instead: the same figure
        (the mean token score less the centre), without numpy's fixed cost per call."""
        if len(tokens) <= FEW:
            return np.array([self._contribution(t) for t in tokens], dtype=np.float64)
        flat, lengths = _flat_ids(tokens)
        means = _mean_by_sentence(self.scores[flat], lengths)
        return np.where(lengths > 0, means - self.centre, 0.0)

    def _contribution(self, tokens: Tokens) -> float:
        count = len(tokens.ids)
        if not count:
            return 0.0
        return sum(self.word_push(w, ids) for w, ids in zip(tokens.words, tokens.word_ids, strict=True)) / count

    def word_push(self, word: str, ids: tuple[int, ...]) -> float:
        """A word's share of a sentence's push, times the sentence's token count; cached per word."""
        push = self._word_pushes.get(word)
        if push is None:
            push = float(sum(self.scores[i] for i in ids)) - self.centre * len(ids)
            if len(self._word_pushes) < 200_000:
                self._word_pushes[word] = push
        return push

    def strongest_words(self, tokens: Tokens, sign: float, count: int = 2) -> tuple[str, ...]:
        """The words that push hardest in the direction of `sign`: a sentence's push is
        exactly the sum of its words' (their tokens' scores less the centre, over the
        sentence's token count), so these are the words behind it."""
        pushes: dict[str, float] = {}
        known = self._word_pushes
        for word, ids in zip(tokens.words, tokens.word_ids, strict=True):
            name = _NAMES.get(word)
            if name is None:
                name = _name(word)
            if name:
                push = known.get(word)
                push = sign * (push if push is not None else self.word_push(word, ids))
                pushes[name] = max(push, pushes.get(name, push))
        ranked = sorted(((p, w) for w, p in pushes.items() if p > 0), key=lambda pair: -pair[0])
        return tuple(w for _, w in ranked[:count])


# Up to this many sentences are scored in plain Python (see `contributions`).
FEW = 4
_NO_NAME = ""
_NAMES: dict[str, str] = {}


def _name(word: str) -> str:
    """The word without surrounding punctuation, or _NO_NAME when too short to name a cue."""
    name = word.strip(_PUNCTUATION)
    if not (len(name) > 2 and any(c.isalpha() for c in name)):
        name = _NO_NAME
    if len(_NAMES) < _WORD_IDS_LIMIT:
        _NAMES[word] = name
    return name


_PUNCTUATION = "\"'“”‘’.,;:!?()[]{}—–-…*"
