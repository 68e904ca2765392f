"""The fitted logistic-regression weights, read from a small human-readable text file.

`summaries/data/stance_weights.txt` holds one `feature<TAB>weight` line per feature
plus `bias`; `benchmarks/stance.py --fit` writes it from NewsSD-ENG's train split.
Weights apply to the raw feature values of `features.extract`, so a line reads as
"one more unit of this feature adds this much to the log-odds of opinion".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from summaries.stance.features import FEATURES

WEIGHTS_FILE = "stance_weights.txt"


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    weights: tuple[float, ...]  # in FEATURES order

    def contributions(self, values: tuple[float, ...]) -> list[float]:
        return [w * v for w, v in zip(self.weights, values)]

    def probability(self, values: tuple[float, ...]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def parse_weights(text: str) -> Weights:
    """Weights from the file's text; every feature must be named exactly once."""
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
    expected = {"bias", *FEATURES}
    missing, unknown = expected - table.keys(), table.keys() - expected
    if missing or unknown:
        raise ValueError(f"weights do not match the features: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return Weights(table["bias"], tuple(table[name] for name in FEATURES))


def format_weights(weights: Weights, header: str) -> str:
    lines = [f"# {line}" for line in header.splitlines()]
    lines.append(f"bias\t{weights.bias:+.4f}")
    lines.extend(f"{name}\t{value:+.4f}" for name, value in zip(FEATURES, weights.weights))
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def shipped_weights() -> Weights:
    return parse_weights(files("summaries").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8"))
