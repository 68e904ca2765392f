"""`reader stance`: one sentence per line on stdin, one JSON verdict per line on stdout."""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands.common import error
from reader.ingest import DEFAULT_MAX_BYTES, IngestError
from reader.terminal import json_safe, terminal_safe


def add_parsers(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "stance",
        help="Label sentences read one per line from stdin.",
        description="Reads one sentence per line on standard input; writes one JSON object per line.",
    )
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="largest input accepted (bytes)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.ingest import read_text_stream
    from summaries.stance import classify_sentence

    document = read_text_stream(sys.stdin.buffer, args.max_bytes)  # decoded exactly as a file is
    if isinstance(document, IngestError):
        error(document)
        return 2
    for note in document.notes:
        print(f"reader: note: <stdin>: {terminal_safe(note)}", file=sys.stderr)
    for line in document.raw.splitlines():
        sentence = line.strip()
        if not sentence:
            continue
        verdict = classify_sentence(sentence)
        record = {"sentence": sentence, "label": verdict.label, "score": round(verdict.score, 4), "cues": list(verdict.cues)}
        print(json_safe(json.dumps(record, ensure_ascii=False)))
    return 0
