"""Uncertainty, sensitivity, goal-seeking and wider jobs: properties and hand checks."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from simulator import analysis, simulate
from simulator.params import ParameterFileError
from tests.strategies import TABLE, scenarios
from tests.test_cli import run as run_cli

RANGES = analysis.load_ranges()
LEVER_SCENARIOS = scenarios(names=("investment", "new_units", "online_adoption", "end_year"))
POLICY = {"investment": 5.6, "online_adoption": 75.0}


def test_every_range_is_inside_its_parameter_and_explained():
    """Ranges sit within the parameter's allowed range and give a reason in both languages."""
    assert len(RANGES) >= 12
    for r in RANGES.values():
        param = TABLE[r.name]
        assert param.min <= r.low <= r.mode <= r.high <= param.max, r.name
        assert r.reason("id")
        assert r.reason("en")
        assert r.mode == pytest.approx(param.value), r.name


def test_malformed_range_file_is_refused(tmp_path):
    """A range outside its parameter's bounds fails at load with file and line."""
    text = analysis.UNCERTAINTY_CSV.read_text(encoding="utf-8")
    path = tmp_path / "uncertainty.csv"
    path.write_text(text.replace("attrition,1,3,6", "attrition,-1,3,6"), encoding="utf-8")
    with pytest.raises(ParameterFileError, match=r"uncertainty.csv, line \d+, column 'low'"):
        analysis.load_ranges(path)
    path.write_text(text + "investment,1,2,3,a,b\n", encoding="utf-8")
    with pytest.raises(ParameterFileError, match="is a policy, not an uncertain assumption"):
        analysis.load_ranges(path)


def test_structural_uncertainties_are_drawn():
    """The count of micro and small units, their sales and the medium firms' size are drawn."""
    assert {
        "ikm_units_2017",
        "ikm_workers_2017",
        "unit_sales",
        "medium_workers_per_unit",
        "medium_output_per_worker",
    } <= set(RANGES)


def test_correlated_pairs_get_their_rank_correlation():
    """Iman-Conover reordering gives each listed pair about its rank correlation and keeps
    every marginal exactly as drawn."""
    correlations = analysis.load_correlations()
    centred = {n: r.around(r.mode) for n, r in RANGES.items()}
    independent = analysis.draw(centred, 20_000, 5, {})
    linked = analysis.draw(centred, 20_000, 5, correlations)
    for (a, b), rho in correlations.items():
        ranks = [np.argsort(np.argsort(linked[n])) for n in (a, b)]
        assert np.corrcoef(*ranks)[0, 1] == pytest.approx(rho, abs=0.05), (a, b)
        for name in (a, b):
            np.testing.assert_array_equal(np.sort(linked[name]), np.sort(independent[name]))


@settings(max_examples=25, deadline=None)
@given(LEVER_SCENARIOS, st.integers(0, 2**32 - 1))
def test_quantiles_are_ordered(values, seed):
    """p10 <= p50 <= p90 in every year, output and series."""
    unc = analysis.uncertainty(values, draws=400, seed=seed)
    for band in unc.bands.values():
        assert np.all(band[0] <= band[1] + 1e-9)
        assert np.all(band[1] <= band[2] + 1e-9)


@pytest.mark.parametrize("values", [{}, POLICY])
def test_deterministic_run_sits_inside_the_band(values):
    """The run at the most likely values lies between p10 and p90 every year; the median
    is within 5 % of it (several ranges are skewed on purpose, so not equal)."""
    unc = analysis.uncertainty(values)
    deterministic = simulate(values)
    for output in analysis.UNCERTAIN_OUTPUTS:
        band = unc.bands[("scenario", output)]
        line = deterministic[output][0]
        assert np.all(band[0] <= line * (1 + 1e-9)), output
        assert np.all(line <= band[2] * (1 + 1e-9)), output
        assert band[1, -1] == pytest.approx(line[-1], rel=0.05), output


def test_effect_bands_are_scenario_minus_baseline_on_the_same_draws():
    """The effect is computed draw by draw; with no policy it is exactly zero."""
    unc = analysis.uncertainty(POLICY, draws=3000, seed=4)
    effect = unc.end[("effect", "jobs")]
    assert_allclose(effect, unc.end[("scenario", "jobs")] - unc.end[("baseline", "jobs")])
    assert_allclose(unc.bands[("effect", "jobs")][:, -1], np.percentile(effect, analysis.QUANTILES))
    none = analysis.uncertainty({}, draws=500)
    for output in analysis.UNCERTAIN_OUTPUTS:
        assert np.all(none.bands[("effect", output)] == 0)


def test_same_seed_same_numbers_other_seed_close():
    """A seed fixes every number; another seed moves a level's median by under 1 % and the
    effect's (a difference of two noisy numbers) by under 2.5 % (40,000 draws: the counts'
    ranges now hold every reading, so the levels are wider than they were)."""
    a = analysis.uncertainty({"investment": 4.0}, seed=7, draws=40_000)
    b = analysis.uncertainty({"investment": 4.0}, seed=7, draws=40_000)
    c = analysis.uncertainty({"investment": 4.0}, seed=8, draws=40_000)
    for key in a.bands:
        np.testing.assert_array_equal(a.bands[key], b.bands[key])
        tolerance = 0.025 if key[0] == "effect" else 0.01
        assert_allclose(c.bands[key][1], a.bands[key][1], rtol=tolerance)


def test_collapsed_ranges_give_the_deterministic_line():
    """With every range a point, p10 = p50 = p90 = the deterministic run."""
    points = {
        name: analysis.Range(
            name=name, low=r.mode, mode=r.mode, high=r.mode, reason_en="x", reason_id="x"
        )
        for name, r in RANGES.items()
    }
    values = {"investment": 5.6}
    unc = analysis.uncertainty(values, draws=200, ranges=points)
    deterministic = simulate(values)
    for output in analysis.UNCERTAIN_OUTPUTS:
        for quantile in unc.bands[("scenario", output)]:
            assert_allclose(quantile, deterministic[output][0], rtol=1e-12)


def test_chances_are_about_the_effect():
    """The chance that the gain exceeds a threshold counts draws; at the median it is half,
    and a scenario with no policy never has a gain."""
    unc = analysis.uncertainty({"investment": 5.6}, draws=2000)
    gains = unc.end[("effect", "production_rp_tn")]
    middle = float(np.median(gains))
    assert unc.chance_effect_above("production_rp_tn", middle) == pytest.approx(
        np.mean(gains > middle)
    )
    assert 0.45 <= unc.chance_effect_above("production_rp_tn", middle) <= 0.55
    assert unc.chance_effect_above("production_rp_tn", float(gains.max())) == 0.0
    end = unc.end[("scenario", "production_rp_tn")]
    target = float(np.median(end))
    assert unc.chance_at_least("production_rp_tn", target) == pytest.approx(np.mean(end >= target))
    same = analysis.uncertainty({}, draws=500)
    assert same.chance_effect_above("production_rp_tn", 0.0) == 0.0


def test_tornado_ranks_by_what_moves_the_effect():
    """The first row's assumption moves the policy's effect most, checked one run at a
    time; without a policy the ranking falls back to the level."""
    for output in ("production_rp_tn", "jobs", "exports_usd_mn"):
        frame = analysis.sensitivity(POLICY, output)
        swings = {}
        for name, r in RANGES.items():
            low, _, high = r.around(TABLE[name].value)
            at_low = simulate({**POLICY, name: low}).effect(output)[0, -1]
            at_high = simulate({**POLICY, name: high}).effect(output)[0, -1]
            swings[name] = abs(at_high - at_low)
        assert frame["parameter"].iloc[0] == max(swings, key=swings.get)
        assert frame["effect_swing"].iloc[0] == pytest.approx(max(swings.values()))
        assert list(frame["effect_swing"]) == sorted(frame["effect_swing"], reverse=True)
    level = analysis.sensitivity({}, "jobs")
    assert (level["effect_swing"] == 0).all()
    assert list(level["swing"]) == sorted(level["swing"], reverse=True)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(TABLE.policy),
    st.sampled_from(analysis.UNCERTAIN_OUTPUTS),
    st.floats(0.0, 1.0),
    st.integers(2028, 2030),
)
def test_goal_seek_reproduces_any_reachable_target(lever, output, where, year):
    """A target inside the lever's reach is met within 0.5 % by the answer."""
    param = TABLE[lever]
    low = simulate({lever: param.min})[output][0, year - 2016]
    high = simulate({lever: param.max})[output][0, year - 2016]
    if abs(high - low) < 1e-6 * max(abs(low), 1):
        return  # this lever does not move this output
    target = low + where * (high - low)
    found = analysis.goal_seek({}, output=output, year=year, target=target, lever=lever)
    assert found.reachable
    reached = simulate({lever: found.value})[output][0, year - 2016]
    assert reached == pytest.approx(target, rel=0.005)
    assert param.min <= found.value <= param.max


def test_goal_seek_out_of_reach_says_how_close():
    """A target beyond the range returns no value and the best the range can do."""
    found = analysis.goal_seek(
        {}, output="production_rp_tn", year=2030, target=500, lever="investment"
    )
    assert not found.reachable
    assert found.closest_value == TABLE["investment"].max
    assert found.reached == pytest.approx(found.range_high)


def test_cli_goal_seek_answer_reproduces_the_target():
    """`goal-seek` prints a value; running that scenario gives the target within 0.5 %."""
    status, out, _ = run_cli(
        "goal-seek",
        "--target",
        "production_rp_tn=36",
        "--year",
        "2030",
        "--lever",
        "investment",
        "--set",
        "online_adoption=75",
    )
    assert status == 0
    value = float(out)
    reached = simulate({"investment": value, "online_adoption": 75.0}).at("production_rp_tn", 2030)
    assert reached[0] == pytest.approx(36, rel=0.005)


def test_cli_goal_seek_beyond_reach_exits_3():
    """An unreachable target exits with status 3 and a message, nothing on stdout."""
    status, out, err = run_cli(
        "goal-seek", "--target", "production_rp_tn=600", "--year", "2030", "--lever", "investment"
    )
    assert status == 3
    assert out == ""
    assert "out of reach" in err


def test_cli_uncertainty_and_sensitivity_tables():
    """`uncertainty` prints year, output, p10, p50, p90; `sensitivity` a row per assumption."""
    import pandas as pd

    status, out, _ = run_cli("uncertainty", "--draws", "500", "--seed", "3")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == [
        "year",
        "output",
        "p10",
        "p50",
        "p90",
        "effect_p10",
        "effect_p50",
        "effect_p90",
    ]
    assert set(frame["output"]) == set(analysis.UNCERTAIN_OUTPUTS)
    assert (frame["p10"] <= frame["p90"]).all()
    status, again, _ = run_cli("uncertainty", "--draws", "500", "--seed", "3")
    assert again == out
    status, out, _ = run_cli("sensitivity", "--output", "jobs", "--year", "2030")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == len(RANGES)
    assert {"parameter", "low", "high", "output_low", "output_high", "effect_swing"} <= set(
        frame.columns
    )
    status, _, err = run_cli("sensitivity", "--output", "jobs", "--year", "2040")
    assert status == 2
    assert "2016-2030" in err


def test_wider_jobs_come_from_the_change_in_sales_through_the_multipliers_by_hand():
    """Indirect jobs: the change in sales x (Type I - 1) x (1 - import share) x suppliers'
    persons per rupiah; induced: the same with (Type II - Type I). They exist only against
    the baseline, and per rupiah of sales, not per direct job: a labour-intensive workshop
    programme gets fewer supplier jobs per direct job than added medium capacity."""
    values = {
        "investment": 5.6,
        "output_multiplier_type1": 1.8,
        "output_multiplier_type2": 2.3,
        "import_leakage": 20,
        "supplier_jobs_per_rp": 6000,
        "end_year": 2023 + 1,
    }
    result = simulate(values)
    change = result["sales_rp_tn"] - result.baseline["sales_rp_tn"]
    labour = 1 / 1.01 ** np.maximum(result.years - 2023, 0)
    assert_allclose(result["jobs_indirect"], change * 0.8 * 0.8 * 6000 * labour, atol=1e-9)
    assert_allclose(result["jobs_induced"], change * 0.5 * 0.8 * 6000 * labour, atol=1e-9)
    assert np.all(simulate()["jobs_indirect"] == 0)
    # Type II below Type I adds no negative induced jobs.
    low = simulate({**values, "output_multiplier_type2": 1.2})
    assert np.all(low["jobs_induced"] == 0)
    workshops = simulate({"new_units": 1250})
    capacity = simulate({"investment": 5.6})

    def per_direct(r):
        return r["jobs_indirect"][0, -1] / (r["jobs"] - r.baseline["jobs"])[0, -1]

    assert per_direct(workshops) < per_direct(capacity)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(RANGES)), st.floats(0.0, 1.0))
def test_a_moved_assumption_moves_its_range_not_its_width(name, where):
    """Moving an assumption moves the centre of its range; the distances below and above
    stay the published ones, cut only by the parameter's allowed range."""
    r, param = RANGES[name], TABLE[name]
    value = param.min + where * (param.max - param.min)
    low, mode, high = r.around(value, (param.min, param.max))
    assert param.min <= low <= mode == value <= high <= param.max
    assert value - low == pytest.approx(min(r.mode - r.low, value - param.min))
    assert high - value == pytest.approx(min(r.high - r.mode, param.max - value))
    assert r.around(r.mode, (param.min, param.max)) == (r.low, r.mode, r.high)


@pytest.mark.parametrize("end", ["low", "high"])
def test_the_central_effect_lies_inside_its_range_when_an_assumption_is_moved(end):
    """Any one uncertain assumption moved to an end of its published range: the policy's
    effect with the user's value still falls inside the 10-90 % range of the effect (with
    the range left where it was, the value sat at an edge of its draws, and the central
    effect of a high capacity displacement or a low export share fell outside its range)."""
    for name, r in RANGES.items():
        values = {**POLICY, name: getattr(r, end)}
        unc = analysis.uncertainty(values, draws=400)
        central = simulate(values)
        for output in analysis.UNCERTAIN_OUTPUTS:
            low, high = unc.bands[("effect", output)][[0, -1], -1]
            effect = central.effect(output)[0, -1]
            assert low <= effect <= high, (name, output)


def test_headline_and_range_agree_and_a_differing_median_names_its_cause():
    """The analysis gives the headline's own (central) effect beside the draws' median and
    10-90 % range; the central effect lies inside the range for every preset; where the
    median differs by more than 5 %, the assumption that moves the effect most unevenly is
    named, and it is one with an uneven effect in the tornado."""
    from simulator.model import simulate_pair
    from simulator.presets import load_presets

    for name, preset in load_presets().items():
        if name == "baseline":
            continue
        values = preset.scenario.as_dict()
        result = simulate_pair(values)
        unc = analysis.uncertainty(values, draws=4000)
        for output in analysis.UNCERTAIN_OUTPUTS:
            central = float(result.effect(output)[0, -1])
            found = analysis.effect_summary(unc, central, output)
            assert found.central == central
            assert found.median == float(unc.bands[("effect", output)][1, -1])
            assert found.inside, (name, output, found)
            assert found.differs == (abs(found.median - central) > 0.05 * abs(central))
    # The e-Smart programme's value added: the margin premium's range runs from 0 to 15 %
    # around a central 0, so the draws lie above the headline and the premium is named.
    values = load_presets()["esmart_75"].scenario.as_dict()
    unc = analysis.uncertainty(values)
    central = float(simulate_pair(values).effect("value_added_rp_tn")[0, -1])
    found = analysis.effect_summary(unc, central, "value_added_rp_tn")
    assert found.differs
    assert found.median > found.central
    assert analysis.skew_source(values, "value_added_rp_tn") == "online_va_premium"
    assert analysis.skew_source({}, "jobs") is None


@given(
    st.integers(1, 400),
    st.integers(1, 20),
    st.sampled_from(["normal", "ties", "spread"]),
    st.integers(0, 2**32 - 1),
)
def test_the_bands_are_numpys_percentiles_exactly(rows, years, kind, seed):
    """The fan charts' percentiles (computed on sorted rows, for speed) are bit for bit
    numpy's own, for any number of draws and years, with ties and wide ranges."""
    rng = np.random.default_rng(seed)
    if kind == "normal":
        draws = rng.normal(size=(rows, years))
    elif kind == "ties":
        draws = rng.integers(-3, 3, size=(rows, years)).astype(float)
    else:
        draws = rng.normal(size=(rows, years)) * 10.0 ** rng.integers(-300, 300, size=years)
    expected = np.percentile(draws, analysis.QUANTILES, axis=0)
    assert np.array_equal(analysis.percentiles(draws), expected)
