"""The fitted logistic-regression weights, read from a small human-readable text file.

`summaries/data/stance_weights.txt` holds one `name<TAB>weight` line per feature, plus
`bias`, and the embedding part: `embedding_centre` and one `embedding_NNN` line per
dimension of the sentence embedding (summaries.stance.embedding).
`benchmarks/stance.py --fit` writes it from NewsSD-ENG's train split. Feature weights
apply to the raw feature values of `features.extract`, so a line reads as "one more unit
of this feature adds this much to the log-odds of opinion"; the embedding weights apply
to the mean token vector. `embedding_centre` is the embedding part's score on the
average training sentence, so the log-odds are bias + embedding_centre + the features'
contributions + the sentence's embedding push (its score less the centre), and that
push reads like a feature's: how far this wording moves the verdict from the average.
"""

from __future__ import annotations

import math
from operator import mul
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from summaries.stance.embedding import DIMENSIONS, TokenScorer
from summaries.stance.features import FEATURES

WEIGHTS_FILE = "stance_weights.txt"
EMBEDDING_NAMES: tuple[str, ...] = tuple(f"embedding_{i:03d}" for i in range(DIMENSIONS))
CENTRE = "embedding_centre"


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    weights: tuple[float, ...]  # in FEATURES order
    # Over the embedding's dimensions; empty for a features-only model.
    embedding: tuple[float, ...] = ()
    embedding_centre: float = 0.0
    _scorer: list = field(default_factory=list, compare=False, hash=False, repr=False)

    def scorer(self) -> TokenScorer | None:
        """Per-token scores for the embedding part, built once (a 32k x 256 product)."""
        if not self.embedding:
            return None
        if not self._scorer:
            self._scorer.append(TokenScorer(self.embedding, self.embedding_centre))
        return self._scorer[0]

    def probability(self, values: tuple[float, ...], embedding_contribution: float = 0.0) -> float:
        z = self.bias + self.embedding_centre * bool(self.embedding) + embedding_contribution
        if len(values) != len(self.weights):
            raise ValueError(f"expected {len(self.weights)} feature values, got {len(values)}")
        z += sum(map(mul, self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def parse_weights(text: str) -> Weights:
    """Weights from the file's text; every feature and dimension must be named exactly once."""
    table: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2:
            raise ValueError(f"weights line {number}: expected 'name weight', got {line!r}")
        name, value = parts
        if name in table:
            raise ValueError(f"weights line {number}: {name} given twice")
        table[name] = float(value)
    expected = {"bias", CENTRE, *FEATURES, *EMBEDDING_NAMES}
    missing, unknown = expected - table.keys(), table.keys() - expected
    if missing or unknown:
        raise ValueError(f"weights do not match the features: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return Weights(
        table["bias"],
        tuple(table[name] for name in FEATURES),
        tuple(table[name] for name in EMBEDDING_NAMES),
        table[CENTRE],
    )


def format_weights(weights: Weights, header: str) -> str:
    if len(weights.embedding) != DIMENSIONS:
        raise ValueError(f"expected {DIMENSIONS} embedding weights, got {len(weights.embedding)}")
    lines = [f"# {line}" for line in header.splitlines()]
    lines.append(f"bias\t{weights.bias:+.4f}")
    lines.extend(f"{name}\t{value:+.4f}" for name, value in zip(FEATURES, weights.weights, strict=True))
    lines.append(f"{CENTRE}\t{weights.embedding_centre:+.6g}")
    lines.extend(f"{name}\t{value:+.6g}" for name, value in zip(EMBEDDING_NAMES, weights.embedding, strict=True))
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def shipped_weights() -> Weights:
    return parse_weights(files("summaries").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8"))
