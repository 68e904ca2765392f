"""Opinion versus reporting on NewsSD-ENG: macro-F1, per-class precision/recall, speed.

    python benchmarks/stance.py --data ../shared/eval/newssd           # evaluate
    python benchmarks/stance.py --data ../shared/eval/newssd --fit     # refit, write weights, evaluate

NewsSD-ENG (Antici et al., LREC-COLING 2024; CC BY 4.0) labels news sentences SUBJ
(the author's opinion) or OBJ (facts, and opinions attributed to someone else);
opinion = SUBJ, reporting = OBJ. The model is fitted on train.csv only, never on
val.csv: val is scored with the shipped weights, and train by 5-fold cross-validation
(fit on four folds, score the fifth). Every score goes through the same call the
reader uses (`judge`, i.e. features + weights + attribution), so the figures are the
product's. Beside it, in the same run: the word-list baselines the literature quotes
(TextBlob subjectivity, VADER), and speed as a ratio to VADER's polarity scoring.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summaries.stance import lexicons  # noqa: E402
from summaries.stance.features import FEATURES, extract  # noqa: E402
from summaries.stance.sentences import classify_sentence, judge  # noqa: E402
from summaries.stance.weights import WEIGHTS_FILE, Weights, format_weights  # noqa: E402

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "summaries" / "data" / WEIGHTS_FILE
# L2 penalty on standardised features, chosen by cross-validation on train alone.
DEFAULT_PENALTY = 3.0


def load(path: Path) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sentences = [row["Sentence"].strip() for row in rows]
    labels = np.array([1 if row["Label"].strip() == "SUBJ" else 0 for row in rows])
    return sentences, labels


def fit(matrix: np.ndarray, labels: np.ndarray, penalty: float = DEFAULT_PENALTY) -> Weights:
    """Class-balanced, L2-regularised logistic regression by Newton's method (numpy only).

    Features are standardised for fitting (so one penalty suits all) and the weights
    folded back to raw scale, so the shipped file applies to raw feature values.
    """
    mean, std = matrix.mean(axis=0), matrix.std(axis=0)
    std[std == 0] = 1.0
    design = np.hstack([np.ones((len(matrix), 1)), (matrix - mean) / std])
    positives = labels.sum()
    balance = np.where(labels == 1, len(labels) / (2 * positives), len(labels) / (2 * (len(labels) - positives)))
    ridge = penalty * np.eye(design.shape[1])
    ridge[0, 0] = 0.0  # the intercept is not shrunk
    w = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (balance * (p - labels)) + ridge @ w
        hessian = (design * (balance * p * (1 - p))[:, None]).T @ design + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    raw = w[1:] / std
    return Weights(float(w[0] - (raw * mean).sum()), tuple(float(x) for x in raw))


def scores(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    out: dict[str, float] = {}
    f1s = []
    for label, name in ((1, "opinion"), (0, "reporting")):
        tp = int(((y_pred == label) & (y_true == label)).sum())
        predicted, actual = int((y_pred == label).sum()), int((y_true == label).sum())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[f"{name} P"], out[f"{name} R"] = precision, recall
        f1s.append(f1)
    out["macro-F1"] = sum(f1s) / 2
    return out


def predict(sentences: list[str], weights: Weights | None = None) -> np.ndarray:
    return np.array([1 if judge(s, weights=weights).label == "opinion" else 0 for s in sentences])


def cross_validate(sentences: list[str], labels: np.ndarray, folds: int, penalty: float, seed: int = 0) -> np.ndarray:
    matrix = np.array([extract(s).values for s in sentences])
    order = np.random.default_rng(seed).permutation(len(sentences))
    predicted = np.zeros(len(sentences), dtype=int)
    for fold in np.array_split(order, folds):
        train = np.setdiff1d(order, fold)
        weights = fit(matrix[train], labels[train], penalty)
        predicted[fold] = predict([sentences[i] for i in fold], weights)
    return predicted


def word_list_baselines(sentences: list[str]) -> dict[str, np.ndarray]:
    """The lexicon-only scores the literature quotes (~0.5 macro-F1)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    subjectivity = lexicons.subjectivity()
    textblob = []
    for sentence in sentences:
        values = [subjectivity[w.strip(".,;:!?\"'")] for w in sentence.lower().split() if w.strip(".,;:!?\"'") in subjectivity]
        textblob.append(1 if values and sum(values) / len(values) >= 0.5 else 0)
    vader = SentimentIntensityAnalyzer()
    return {
        "TextBlob subjectivity >= 0.5": np.array(textblob),
        "VADER |compound| >= 0.5": np.array([1 if abs(vader.polarity_scores(s)["compound"]) >= 0.5 else 0 for s in sentences]),
    }


def sentences_per_second(sentences: list[str], call, minimum_seconds: float = 1.0) -> float:
    done, start = 0, time.perf_counter()
    while True:
        for sentence in sentences:
            call(sentence)
        done += len(sentences)
        elapsed = time.perf_counter() - start
        if elapsed >= minimum_seconds:
            return done / elapsed


def report(name: str, figures: dict[str, float]) -> None:
    cells = "  ".join(f"{key} {value:.3f}" for key, value in figures.items())
    print(f"  {name:<34} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder with NewsSD-ENG train.csv and val.csv")
    parser.add_argument("--fit", action="store_true", help=f"refit on train.csv and write summaries/data/{WEIGHTS_FILE}")
    parser.add_argument("--penalty", type=float, default=DEFAULT_PENALTY, help="L2 penalty on standardised features")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    train_sentences, train_labels = load(args.data / "train.csv")
    val_sentences, val_labels = load(args.data / "val.csv")
    print(f"NewsSD-ENG: train {len(train_sentences)} sentences ({train_labels.mean():.0%} opinion), "
          f"val {len(val_sentences)} ({val_labels.mean():.0%} opinion); {len(FEATURES)} features")

    if args.fit:
        matrix = np.array([extract(s).values for s in train_sentences])
        weights = fit(matrix, train_labels, args.penalty)
        header = (
            "Opinion-versus-reporting weights: logistic regression over summaries.stance.features\n"
            f"fitted by benchmarks/stance.py --fit on NewsSD-ENG train.csv ({len(train_sentences)} sentences;\n"
            "Antici et al., LREC-COLING 2024, CC BY 4.0), class-balanced, L2 penalty "
            f"{args.penalty:g} on standardised features.\n"
            "Each weight applies to the raw feature value and adds to the log-odds of opinion."
        )
        WEIGHTS_PATH.write_text(format_weights(weights, header), encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
        from summaries.stance.weights import shipped_weights

        shipped_weights.cache_clear()

    print("\nval (shipped weights):")
    report("this model", scores(val_labels, predict(val_sentences)))
    for name, predicted in word_list_baselines(val_sentences).items():
        report(name, scores(val_labels, predicted))

    print(f"\ntrain, {args.folds}-fold cross-validation (refit per fold, penalty {args.penalty:g}):")
    report("this model", scores(train_labels, cross_validate(train_sentences, train_labels, args.folds, args.penalty)))
    for name, predicted in word_list_baselines(train_sentences).items():
        report(name, scores(train_labels, predicted))

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    everything = train_sentences + val_sentences
    ours = sentences_per_second(everything, classify_sentence)
    vader = SentimentIntensityAnalyzer()
    peer = sentences_per_second(everything, vader.polarity_scores)
    print(f"\nspeed: classify_sentence {ours:,.0f} sentences/s; VADER polarity_scores {peer:,.0f}/s "
          f"(ratio {ours / peer:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
