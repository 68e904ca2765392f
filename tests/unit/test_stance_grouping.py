"""The stance benchmark's grouped cross-validation: article groups from topic shifts, whole groups per fold."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from stance import article_groups, folds_of  # noqa: E402

RAIL = [
    "Rail unions reached a tentative agreement with freight carriers over sick days.",
    "Freight carriers agreed to sick days after rail unions threatened a strike.",
    "The rail strike would have halted freight across the country.",
    "Union members will vote on the rail agreement and its sick days.",
    "Carriers said freight volumes recovered after the strike threat passed.",
    "Rail workers have pushed for paid sick days for years.",
    "The agreement gives rail workers one paid sick day.",
    "Freight shippers reported delays during the strike threat.",
]
PROPERTY = [
    "Property prices in central London rose as wealthy buyers returned.",
    "Wealthy buyers are chasing scarce London property in Knightsbridge.",
    "Agents say London property demand from wealthy foreigners is rising.",
    "Prices of central London mansions climbed during the spring.",
    "A Knightsbridge mansion sold to wealthy buyers above its asking price.",
    "London property agents report buyers competing for each mansion.",
    "Central London prices fell after the referendum, agents recalled.",
    "Wealthy buyers once avoided London property out of fear.",
]


def test_article_groups_cut_at_the_topic_shift_between_two_articles():
    groups = article_groups(RAIL + PROPERTY, window=3)
    assert len(set(groups[: len(RAIL)]) & set(groups[len(RAIL) :])) == 0  # no group spans both articles
    assert list(groups) == sorted(groups)  # groups are contiguous runs of rows


def test_article_groups_do_not_split_one_topic_everywhere():
    groups = article_groups(RAIL + PROPERTY, window=3)
    assert groups.max() + 1 < len(RAIL + PROPERTY) // 2


def test_grouped_folds_hold_out_whole_groups_and_cover_every_row_once():
    groups = np.repeat(np.arange(10), [5, 7, 3, 9, 4, 6, 8, 2, 5, 6])
    folds = folds_of(len(groups), 3, seed=0, groups=groups)
    rows = np.sort(np.concatenate(folds))
    assert rows.tolist() == list(range(len(groups)))
    owners = [{int(groups[i]) for i in fold} for fold in folds]
    assert all(not (a & b) for k, a in enumerate(owners) for b in owners[k + 1 :])


def test_random_row_folds_ignore_groups():
    folds = folds_of(20, 4, seed=0)
    assert sorted(np.concatenate(folds).tolist()) == list(range(20)) and all(len(f) == 5 for f in folds)
