"""Fingerprints of the analysis commands' JSON output, to show a change kept it the same.

    .venv/bin/python benchmarks/output_hashes.py --bbc ../shared/eval/bbc-summary \
        --polnear ../shared/eval/polnear-dev --seeds seeds --save /tmp/before.json
    ... change the code ...
    .venv/bin/python benchmarks/output_hashes.py ... --compare /tmp/before.json

Runs `reader summarize|sources|sections --format jsonl` (as a user would, one process
per command and corpus) over every article of each corpus and prints one SHA-256 per
(corpus, command) over the whole output. `--save` writes a hash per article as well;
`--compare` reads such a file and lists the articles whose output changed, with the
first key of the JSON object that differs, so a reviewer can look at each. Hashes are
of the parsed JSON written again one way, so a change of escaping alone (the same
value) does not count as a change of output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

COMMANDS = ("summarize", "sources", "sections")


def command_output(command: str, folder: str, jobs: str | None) -> list[dict]:
    """The article objects `reader COMMAND FOLDER --format jsonl` writes, each with its
    `file` made relative to FOLDER (so where the corpus lies does not count)."""
    argv = [sys.executable, "-m", "reader", command, folder, "--format", "jsonl"]
    if jobs is not None:
        argv += ["--jobs", jobs]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 2):
        sys.exit(f"{' '.join(argv[:4])} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    if not objects:
        sys.exit(f"{' '.join(argv[:4])} wrote no articles:\n{done.stderr[-2000:]}")
    for obj in objects:
        obj["file"] = os.path.relpath(obj["file"], folder)
    return objects


def first_difference(before: dict, after: dict) -> str:
    return next((key for key in {**before, **after} if before.get(key) != after.get(key)), "(none)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bbc", type=Path, help="bbc-summary folder (its articles/ are read)")
    parser.add_argument("--polnear", type=Path, help="PolNeAR folder (its text/ is read)")
    parser.add_argument("--seeds", type=Path, help="folder of seed files")
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--jobs", help="passed on as --jobs (when the CLI has it)")
    parser.add_argument("--save", type=Path, help="write per-article hashes here")
    parser.add_argument("--compare", type=Path, help="a file written by --save: list what changed")
    args = parser.parse_args()
    corpora = {
        name: str(folder)
        for name, folder in (
            ("bbc", args.bbc and args.bbc / "articles"),
            ("polnear", args.polnear and args.polnear / "text"),
            ("seeds", args.seeds),
        )
        if folder
    }
    if not corpora:
        parser.error("name at least one corpus")
    per_article: dict[str, str] = {}
    objects: dict[str, dict] = {}  # kept whole in --save files, to name what changed
    print(f"{'corpus':<9} {'command':<10} {'articles':>8}  sha256 of the jsonl output")
    for corpus, folder in corpora.items():
        for command in args.commands.split(","):
            lines = []
            for obj in command_output(command, folder, args.jobs):
                line = json.dumps(obj, ensure_ascii=False)
                lines.append(line)
                key = f"{corpus}/{command}/{obj['file']}#{obj['index']}"
                per_article[key] = hashlib.sha256(line.encode()).hexdigest()
                objects[key] = obj
            whole = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            print(f"{corpus:<9} {command:<10} {len(lines):>8}  {whole}")
    if args.save:
        args.save.write_text(json.dumps({"hashes": per_article, "objects": objects}, sort_keys=True))
    if args.compare:
        saved = json.loads(args.compare.read_text())
        before: dict[str, str] = saved["hashes"]
        changed = sorted(k for k in per_article.keys() & before.keys() if per_article[k] != before[k])
        run = {f"{corpus}/{command}/" for corpus in corpora for command in args.commands.split(",")}
        missing = sorted(k for k in before.keys() - per_article.keys() if any(k.startswith(prefix) for prefix in run))
        added = sorted(per_article.keys() - before.keys())
        print(f"\nagainst {args.compare}: {len(changed)} changed, {len(missing)} missing, {len(added)} new")
        for key in changed:
            print(f"  changed {key}: first differing key {first_difference(saved['objects'][key], objects[key])!r}")
        for key in missing[:20]:
            print(f"  missing {key}")
        for key in added[:20]:
            print(f"  new     {key}")
        return 1 if changed or missing or added else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
