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


def test_the_online_preset_keeps_investment_as_in_the_baseline():
    """'Online selling with investment as in the baseline' gains jobs and value added: it no
    longer stops all investment (the old preset's investment=0 lost jobs and production)."""
    from simulator.model import simulate_pair
    from simulator.report import efficiency

    preset = load_presets()["daring_90"]
    values = preset.scenario.as_dict()
    assert preset.scenario.value("investment") == 2.8
    assert preset.scenario.value("online_adoption") == 90
    result = simulate_pair(values)
    assert float(result.effect("jobs")[0, -1]) > 0
    assert float(result.effect("production_rp_tn")[0, -1]) > 0
    found = efficiency(result)
    assert found.cost_per_job_year_rp_mn is not None
    assert found.value_added_per_rupiah is not None
    assert "daring_tanpa_investasi" not in load_presets()


def test_every_preset_description_gives_the_numbers_its_run_gives():
    """A preset that says where online adoption gets by 2030 says what the model reaches."""
    from simulator import formatting as fmt

    for name in ("daring_90",):
        preset = load_presets()[name]
        reached = simulate(preset.scenario).at("online_share_pct", 2030)[0]
        for lang in ("id", "en"):
            assert fmt.percent(round(reached), lang, 0) in preset.description(lang), lang
