"""`reader stance`: one sentence per line on stdin, one JSON verdict per line on stdout."""

from __future__ import annotations

import argparse
import json
import sys


def add_parsers(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stance",
        help="Label sentences read one per line from stdin.",
        description="Reads one sentence per line on standard input; writes one JSON object per line.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from summaries.stance import classify_sentence

    for line in sys.stdin:
        sentence = line.strip()
        if not sentence:
            continue
        verdict = classify_sentence(sentence)
        record = {"sentence": sentence, "label": verdict.label, "score": round(verdict.score, 4), "cues": list(verdict.cues)}
        print(json.dumps(record, ensure_ascii=False))
    return 0
