"""Presets: the baseline first, at least three policy scenarios, each described twice."""

from __future__ import annotations

import pytest

from simulator import load_presets, simulate
from simulator.params import ParameterFileError
from simulator.presets import PRESETS_CSV


def test_baseline_first_and_three_policies():
    """The file starts with the empty baseline and names at least three policies."""
    presets = load_presets()
    names = list(presets)
    assert names[0] == "baseline"
    assert presets["baseline"].scenario.is_baseline
    assert len(names) >= 4
    for preset in presets.values():
        assert preset.description("id")
        assert preset.description("en")
        assert preset.description("id") != preset.description("en")


def test_each_policy_changes_the_end_year():
    """Every policy preset moves production or jobs in the end year."""
    base = simulate()
    for name, preset in load_presets().items():
        if name == "baseline":
            continue
        result = simulate(preset.scenario)
        assert (
            result.at("production_rp_tn", 2030)[0] != base.at("production_rp_tn", 2030)[0]
            or result.at("units", 2030)[0] != base.at("units", 2030)[0]
        ), name


def test_bad_preset_setting_names_line_and_column(tmp_path):
    """A preset with an out-of-range value fails at load with line and column."""
    text = PRESETS_CSV.read_text(encoding="utf-8").replace("investment=5.6", "investment=56", 1)
    path = tmp_path / "presets.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParameterFileError, match=r"line 3, column 'settings': investment"):
        load_presets(path)
