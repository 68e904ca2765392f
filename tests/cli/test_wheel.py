"""`reader` with no arguments must find the bundled samples in an installed wheel too."""

import json
import zipfile
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_ships_the_sample_articles_and_uses_them_by_default(tmp_path):
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheel_dir), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        pytest.skip(f"could not build a wheel here: {build.stderr.strip()[-200:]}")
    (wheel,) = wheel_dir.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"reader/app/reader.tcss", "summaries/data/stance_weights.txt"} <= names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)], check=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "clean", "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    files = {json.loads(line)["file"] for line in result.stdout.splitlines()}
    assert len(files) == 4
    assert all(str(target) in f and "_seeds" in f for f in files)

    # The installed package finds its own data files (opinion model weights) too.
    sections = subprocess.run(
        [sys.executable, "-m", "reader", "sections", "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert all(json.loads(line)["type"] for line in sections.stdout.splitlines())
