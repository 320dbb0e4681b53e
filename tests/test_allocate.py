"""The best mix for a budget: within the budget, never worse than any instrument alone or
than random feasible mixes; bad requests get clear messages; the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import appraisal, simulate
from simulator.allocate import (
    GOALS,
    MAX_BUDGET_RP_TN,
    AllocationError,
    allocate,
    bounds,
    parse_limits,
)
from tests.strategies import TABLE
from tests.test_cli import run

POLICY = TABLE.policy
START = int(TABLE["policy_start_year"].value)
RATE = appraisal.discount_rate({}, TABLE)


def _evaluate(mixes: np.ndarray, output: str) -> tuple[np.ndarray, np.ndarray]:
    """PV cost and PV goal of mixes, computed here from the model and the appraisal basis."""
    batch = {name: mixes[:, i] for i, name in enumerate(POLICY)}
    batch["end_year"] = appraisal.appraisal_end_year(START)
    result = simulate(batch, params=TABLE, with_regions=False)
    return (
        appraisal.public_cost_pv(result, START, RATE),
        appraisal.effect_pv(result, output, START, RATE),
    )


@settings(max_examples=12)
@given(st.floats(0.0, 3.0), st.sampled_from(list(GOALS)))
def test_best_mix_fits_the_budget_and_beats_each_instrument_alone(budget, goal):
    """The best mix costs no more than the budget (checked by running it again) and gives
    at least as much as each instrument alone with the whole budget."""
    found = allocate({}, budget, goal, draws=0)
    mix = np.array([[found.best.mix[n] for n in POLICY]])
    cost, gain = _evaluate(mix, GOALS[goal])
    assert cost[0] <= budget * (1 + 1e-9) + 1e-12
    assert gain[0] == pytest.approx(found.best.goal, rel=1e-9, abs=1e-9)
    for name, option in found.alone.items():
        assert option.cost <= budget * (1 + 1e-9) + 1e-12
        assert found.best.goal >= option.goal - 1e-9, name


@pytest.mark.parametrize(
    ("budget", "goal"), [(0.5, "jobs"), (1.0, "value_added"), (2.0, "exports")]
)
def test_best_mix_beats_a_thousand_random_feasible_mixes(budget, goal):
    """No random mix within the budget gives more of the goal: mixes drawn uniformly in the
    box up to what each instrument alone can afford, at least 1,000 of them feasible."""
    found = allocate({}, budget, goal, draws=0)
    low = np.array([TABLE[n].value for n in POLICY])
    high = np.maximum(np.array([found.alone[n].mix[n] for n in POLICY]), low)
    rng = np.random.default_rng(22)
    mixes = low + rng.random((20_000, len(POLICY))) * (high - low)
    cost, gain = _evaluate(mixes, GOALS[goal])
    feasible = cost <= budget
    assert feasible.sum() >= 1000
    assert found.best.goal >= gain[feasible].max() - 1e-9


def test_no_mix_fits_when_the_minimums_cost_more_than_the_budget():
    """A minimum that alone costs more than the budget: no_fit, with the cheapest cost."""
    with pytest.raises(AllocationError) as caught:
        allocate({}, 0.1, "jobs", parse_limits(["new_units=5000"]), draws=0)
    assert caught.value.code == "no_fit"
    assert caught.value.values["cost"] > 0.1


def test_limits_hold_in_the_answer():
    """An instrument's minimum and maximum and a region's minimum share hold; a share no mix
    within the budget reaches is refused by name (with the model of issue 19, West Java's
    share of the added job-years stays below half with Rp 1.5 trillion and these limits)."""
    limits = parse_limits(
        ["investment=3.5", "jobs_share_jawa_barat=40"], ["new_units=1000"], table=TABLE
    )
    found = allocate({}, 1.5, "jobs", limits, draws=0)
    assert found.best.mix["investment"] >= 3.5 - 1e-9
    assert found.best.mix["new_units"] <= 1000 + 1e-9
    assert found.best.cost <= 1.5 * (1 + 1e-9)
    beyond = parse_limits(
        ["investment=3.5", "jobs_share_jawa_barat=80"], ["new_units=1000"], table=TABLE
    )
    with pytest.raises(AllocationError) as refused:
        allocate({}, 1.5, "jobs", beyond, draws=0)
    assert refused.value.code == "no_fit_region"


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: allocate({}, -1, "jobs", draws=0), "budget"),
        (lambda: allocate({}, float("inf"), "jobs", draws=0), "budget"),
        (lambda: allocate({}, MAX_BUDGET_RP_TN * 10, "jobs", draws=0), "budget"),
        (lambda: allocate({}, "banyak", "jobs", draws=0), "budget"),
        (lambda: allocate({}, 1, "happiness", draws=0), "goal"),
        (lambda: parse_limits(["new_units"]), "limit_syntax"),
        (lambda: parse_limits(["nope=1"]), "limit_name"),
        (lambda: parse_limits(["new_units=lots"]), "limit_value"),
        (
            lambda: bounds(parse_limits(["new_units=500"], ["new_units=100"]), TABLE),
            "contradictory",
        ),
        (lambda: bounds(parse_limits(["new_units=-5"]), TABLE), "limit_range"),
        (
            lambda: bounds(
                parse_limits(["jobs_share_jawa_barat=70", "jobs_share_jawa_timur=70"]), TABLE
            ),
            "regions_sum",
        ),
    ],
)
def test_bad_requests_have_a_message_in_each_language(call, code):
    """Each bad request raises AllocationError with its code and a message in both languages
    that differ (the table's two texts), never a traceback of numpy or pandas."""
    with pytest.raises(AllocationError) as caught:
        call()
    assert caught.value.code == code
    assert caught.value.text("id") != caught.value.text("en")


def test_cli_allocate_agrees_with_the_function_and_exits_3_without_a_fit():
    """`allocate` prints the function's best mix; no fit is exit status 3 with a message."""
    status, out, err = run("allocate", "--budget", "1", "--goal", "jobs", "--format", "json")
    assert status == 0, err
    record = json.loads(out)
    found = allocate({}, 1.0, "jobs")
    for name in POLICY:
        assert record["best_mix"][name] == pytest.approx(found.best.mix[name], rel=1e-12)
    assert record["chance_beats_runner_up"] == pytest.approx(found.chance)
    status, out, err = run(
        "allocate", "--budget", "0.01", "--goal", "jobs", "--min", "new_units=5000"
    )
    assert status == 3
    assert out == ""
    assert "Raise the budget" in err
    status, out, err = run("allocate", "--budget", "-2", "--goal", "jobs")
    assert status == 2
    assert "Traceback" not in err


@settings(max_examples=30, deadline=None)
@given(
    st.floats(0.0, 15.0),
    st.floats(0.0, 5000.0),
    st.floats(0.0, 15.0),
    st.sampled_from([2025, 2027, 2030]),
)
def test_the_budget_basis_is_the_models_own_appraisal(investment, new_units, rate, start):
    """A budget and a job goal are the model's own present values (the cost per net
    job-year's basis): same period, same discount rate, same figures."""
    values = {
        "investment": investment,
        "new_units": new_units,
        "discount_rate": rate,
        "policy_start_year": start,
        "end_year": appraisal.appraisal_end_year(start),
    }
    result = simulate(values, params=TABLE, appraise=True)
    used = appraisal.discount_rate(values, TABLE)
    assert used == rate
    assert appraisal.public_cost_pv(result, start, used)[0] == pytest.approx(
        result.appraisal["pv_cost_rp_tn"][0], rel=1e-12, abs=1e-12
    )
    assert appraisal.effect_pv(result, "jobs", start, used)[0] == pytest.approx(
        result.appraisal["pv_job_years"][0], rel=1e-12, abs=1e-9
    )
