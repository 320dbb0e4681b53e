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
    path.write_text(text.replace("1.7,2.2047,2.7", "0.5,2.2047,2.7"), encoding="utf-8")
    with pytest.raises(ParameterFileError, match=r"line 2: need 1 <= low"):
        analysis.load_ranges(path)
    path.write_text(text + "investment,1,2,3,a,b\n", encoding="utf-8")
    with pytest.raises(ParameterFileError, match="policy choice"):
        analysis.load_ranges(path)


@settings(max_examples=25, deadline=None)
@given(LEVER_SCENARIOS, st.integers(0, 2**32 - 1))
def test_quantiles_are_ordered(values, seed):
    """p10 <= p50 <= p90 in every year, output and series."""
    unc = analysis.uncertainty(values, draws=400, seed=seed)
    for band in unc.bands.values():
        assert np.all(band[0] <= band[1] + 1e-9)
        assert np.all(band[1] <= band[2] + 1e-9)


@pytest.mark.parametrize("values", [{}, {"investment": 5.6, "online_adoption": 50.0}])
def test_median_run_is_close_to_the_deterministic_run(values):
    """With 10,000 draws the end-year median is within 2 % of the deterministic value."""
    unc = analysis.uncertainty(values)
    deterministic = simulate(values)
    for output in analysis.UNCERTAIN_OUTPUTS:
        assert unc.bands[("scenario", output)][1, -1] == pytest.approx(
            deterministic[output][0, -1], rel=0.02
        ), output


def test_same_seed_same_numbers_other_seed_close():
    """A seed fixes every number; another seed moves the median by under 1 %."""
    a = analysis.uncertainty({"investment": 4.0}, seed=7)
    b = analysis.uncertainty({"investment": 4.0}, seed=7)
    c = analysis.uncertainty({"investment": 4.0}, seed=8)
    for key in a.bands:
        np.testing.assert_array_equal(a.bands[key], b.bands[key])
        assert_allclose(c.bands[key][1], a.bands[key][1], rtol=0.01)


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


def test_chances_by_hand():
    """A doubling of investment beats the baseline in every draw; a target's chance counts."""
    unc = analysis.uncertainty({"investment": 5.6}, draws=2000)
    assert unc.chance_beats_baseline() == 1.0
    end = unc.end[("scenario", "production_rp_tn")]
    target = float(np.median(end))
    assert unc.chance_at_least("production_rp_tn", target) == pytest.approx(np.mean(end >= target))
    assert 0.45 <= unc.chance_at_least("production_rp_tn", target) <= 0.55
    same = analysis.uncertainty({}, draws=500)
    assert same.chance_beats_baseline() == 0.0


def test_tornado_largest_bar_is_the_largest_direct_effect():
    """The first row's parameter moves the output most, checked one run at a time."""
    values = {"investment": 5.6, "online_adoption": 50.0}
    for output in ("production_rp_tn", "jobs", "exports_usd_mn"):
        frame = analysis.sensitivity(values, output)
        swings = {}
        for name, r in RANGES.items():
            low, _, high = r.around(TABLE[name].value)
            at_low = simulate({**values, name: low})[output][0, -1]
            at_high = simulate({**values, name: high})[output][0, -1]
            swings[name] = abs(at_high - at_low)
        assert frame["parameter"].iloc[0] == max(swings, key=swings.get)
        assert frame["swing"].iloc[0] == pytest.approx(max(swings.values()))
        assert list(frame["swing"]) == sorted(frame["swing"], reverse=True)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(analysis.GOAL_LEVERS),
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
        "production_rp_tn=60",
        "--year",
        "2030",
        "--lever",
        "investment",
        "--set",
        "online_adoption=50",
    )
    assert status == 0
    value = float(out)
    reached = simulate({"investment": value, "online_adoption": 50.0}).at("production_rp_tn", 2030)
    assert reached[0] == pytest.approx(60, rel=0.005)


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
    assert list(frame.columns) == ["year", "output", "p10", "p50", "p90"]
    assert set(frame["output"]) == set(analysis.UNCERTAIN_OUTPUTS)
    assert (frame["p10"] <= frame["p90"]).all()
    status, again, _ = run_cli("uncertainty", "--draws", "500", "--seed", "3")
    assert again == out
    status, out, _ = run_cli("sensitivity", "--output", "jobs", "--year", "2030")
    assert status == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == len(RANGES)
    assert {"parameter", "low", "high", "output_low", "output_high"} <= set(frame.columns)
    status, _, err = run_cli("sensitivity", "--output", "jobs", "--year", "2040")
    assert status == 2
    assert "2016-2030" in err


def test_wider_jobs_are_direct_jobs_times_ratios():
    """Indirect and induced jobs are direct jobs times their per-job ratios."""
    result = simulate({"indirect_jobs_ratio": 0.5, "induced_jobs_ratio": 0.25})
    assert_allclose(result["jobs_indirect"], result["jobs"] * 0.5)
    assert_allclose(result["jobs_induced"], result["jobs"] * 0.25)
