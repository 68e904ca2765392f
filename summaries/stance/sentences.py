"""One sentence: opinion or reporting, with the probability and the cues that decided it."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from summaries.model import SentenceStance
from summaries.stance.attribution import attributed_to
from summaries.stance.embedding import Tokens, tokenize
from summaries.stance.features import CUE_NAMES, FEATURE_INDEX, extract
from summaries.stance.weights import Weights, shipped_weights

# An attributed view is reporting whatever its wording ("X believes the plan is
# hopeless" reports X's opinion), so its opinion probability is scaled down to
# below one half while keeping the order among attributed sentences.
ATTRIBUTED_SCALE = 0.4
MAX_CUES = 4
# A feature's push on the log-odds must be at least this big to be named as a cue.
MIN_CUE_WEIGHT = 0.05
# The embedding's push is named only when it is this big: smaller ones are the
# ordinary spread of wording, not a reason.
MIN_EMBEDDING_CUE = 0.25
# Features whose firing means the author's own words evaluate, exhort or speculate;
# context priors (an opinion article, an evaluative heading) apply only to such sentences.
EVALUATIVE_FEATURES = frozenset(
    {
        "first_person_singular", "first_person_plural", "second_person", "obligation_modal", "hedge",
        "certainty_adverb", "intensifier", "evaluative_words", "sentiment_words", "absolute",
        "question", "exclamation", "scare_quote", "imperative",
    }
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the model says about one sentence before article context is added."""

    opinion_probability: float  # the model's, ignoring attribution
    attributed_to: str | None
    # Cue texts, strongest first; the wording cue finds its words when shown (see `cues`).
    opinion_cues: tuple[str | WordingCue, ...]
    reporting_cues: tuple[str | WordingCue, ...]
    question: bool = False
    # The author's own words evaluate (see EVALUATIVE_FEATURES) and cite no number or date.
    evaluative: bool = False
    # Log-odds added by article context (an Opinion kicker, an evaluative heading):
    # the model's probability is read against the context's prior, not the corpus's.
    prior: float = 0.0
    prior_reason: str | None = None

    @property
    def probability(self) -> float:
        """The model's opinion probability with the context's prior applied."""
        if not self.prior:
            return self.opinion_probability
        p = min(max(self.opinion_probability, 1e-9), 1 - 1e-9)
        return 1.0 / (1.0 + math.exp(-(math.log(p / (1 - p)) + self.prior)))

    @property
    def score(self) -> float:
        if self.attributed_to:
            return self.opinion_probability * ATTRIBUTED_SCALE
        return self.probability

    def with_prior(self, shift: float, reason: str) -> Verdict:
        """This verdict read in a context whose prior moves the log-odds by `shift`."""
        return replace(self, prior=self.prior + shift, prior_reason=self.prior_reason or reason)

    @property
    def label(self) -> str:
        return "opinion" if self.score >= 0.5 else "reporting"

    @property
    def attributed_opinion(self) -> bool:
        """A source's evaluation relayed by the author: the stuff of analysis sections.
        A relayed question asks rather than interprets, so it is not one."""
        return self.attributed_to is not None and self.opinion_probability >= 0.5 and not self.question

    def cues(self) -> tuple[str, ...]:
        if self.attributed_to:
            cues = (f"attributed to: {self.attributed_to}", *self.reporting_cues)[:MAX_CUES]
        elif self.label != "opinion":
            cues = self.reporting_cues
        elif self.prior_reason and self.opinion_probability < 0.5:  # the context tipped it
            cues = (*self.opinion_cues[: MAX_CUES - 1], self.prior_reason)
        else:
            cues = self.opinion_cues
        return tuple(str(cue) for cue in cues)

    def stance(self, index: int) -> SentenceStance:
        return SentenceStance(index, self.label, self.score, self.cues())


def _cites_figures(evidence: dict[str, tuple[str, ...]]) -> bool:
    """A date, or a number written in digits: the sentence reports something checkable
    ("first" or "one" alone does not count)."""
    return "date" in evidence or any(any(c.isdigit() for c in word) for word in evidence.get("number", ()))


def _cue(name: str, evidence: dict[str, tuple[str, ...]]) -> str | None:
    words = evidence.get(name)
    if not words:
        return None  # a feature that fired by absence (e.g. no quotation) explains nothing
    if name in ("question", "exclamation"):
        return CUE_NAMES[name]
    return f"{CUE_NAMES[name]}: {', '.join(words[:3])}"


def _ranked_cues(pairs: list[tuple[float, str | WordingCue]]) -> tuple[str | WordingCue, ...]:
    cues: list[str | WordingCue] = []
    labels: list[str] = []
    for _, cue in sorted(pairs, key=lambda pair: -pair[0]):
        label = cue.label if isinstance(cue, WordingCue) else cue.split(":", 1)[0]
        if label not in labels:  # number and date share one label
            cues.append(cue)
            labels.append(label)
        if len(cues) == MAX_CUES:
            break
    return tuple(cues)


class WordingCue:
    """'overall wording (embedding +0.42): betrayal, brutal': the push, and the words
    behind it. The words are looked for only when the cue is shown (`str`): most
    sentences show the cues of one side only, and at most MAX_CUES of them."""

    __slots__ = ("label", "_tokens", "_sign", "_scorer", "_text")

    def __init__(self, tokens: Tokens, contribution: float, weights: Weights) -> None:
        self.label = f"overall wording (embedding {contribution:+.2f})"
        self._tokens, self._sign, self._scorer = tokens, 1.0 if contribution > 0 else -1.0, weights.scorer()
        self._text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            words = self._scorer.strongest_words(self._tokens, self._sign) if self._scorer else ()
            self._text = f"{self.label}: {', '.join(words)}" if words else self.label
            self._tokens = None  # not needed again
        return self._text

    __repr__ = __str__


def _verdict(text: str, source: str | None, tokens: Tokens | None, embedding: float, weights: Weights) -> Verdict:
    features = extract(text)
    probability = weights.probability(features.values, embedding)
    toward_opinion: list[tuple[float, str | WordingCue]] = []
    toward_reporting: list[tuple[float, str | WordingCue]] = []
    values, feature_weights = features.values, weights.weights
    for name in features.evidence:  # a feature with no words to show is no cue (see _cue); in FEATURES order
        index = FEATURE_INDEX[name]
        contribution = feature_weights[index] * values[index]
        if abs(contribution) < MIN_CUE_WEIGHT:
            continue
        cue = _cue(name, features.evidence)
        if cue is None:
            continue
        (toward_opinion if contribution > 0 else toward_reporting).append((abs(contribution), cue))
    if tokens is not None and abs(embedding) >= MIN_EMBEDDING_CUE:
        (toward_opinion if embedding > 0 else toward_reporting).append((abs(embedding), WordingCue(tokens, embedding, weights)))
    return Verdict(
        opinion_probability=probability,
        attributed_to=source if source is not None else attributed_to(text),
        opinion_cues=_ranked_cues(toward_opinion),
        reporting_cues=_ranked_cues(toward_reporting),
        question="question" in features.evidence or text.rstrip().endswith("?"),
        evaluative=not EVALUATIVE_FEATURES.isdisjoint(features.evidence) and not _cites_figures(features.evidence),
    )


def judge_many(texts: list[str], sources: list[str | None] | None = None, weights: Weights | None = None) -> list[Verdict]:
    """Verdicts on many sentences, their wording embedded in one batched call.

    `sources[i]` is the attribution known from article context for `texts[i]`;
    `weights` defaults to the shipped ones (the benchmark passes fold-fitted ones).
    """
    weights = weights or shipped_weights()
    sources = sources if sources is not None else [None] * len(texts)
    scorer = weights.scorer()
    if scorer is None:
        return [_verdict(text, source, None, 0.0, weights) for text, source in zip(texts, sources, strict=True)]
    tokens = tokenize(texts)
    pushes = scorer.contributions(tokens)
    return [_verdict(*row, float(push), weights) for row, push in zip(zip(texts, sources, tokens, strict=True), pushes, strict=True)]


def judge(text: str, source: str | None = None, weights: Weights | None = None) -> Verdict:
    """The verdict on `text`; `source` is the attribution known from article context."""
    return judge_many([text], [source], weights)[0]


def classify_sentence(text: str) -> SentenceStance:
    """Opinion or reporting for one sentence on its own (no article context)."""
    return judge(text).stance(0)


def classify_sentences(texts: list[str]) -> list[SentenceStance]:
    """`classify_sentence` for many sentences at once (one embedding call), in order."""
    return [verdict.stance(index) for index, verdict in enumerate(judge_many(texts))]
