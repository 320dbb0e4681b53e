"""Properties of the model over the whole parameter space (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from simulator import simulate
from simulator.history import load_history
from simulator.model import REGION_OUTPUTS
from simulator.outputs import OUTPUTS
from tests.strategies import TABLE, full_scenarios, scenarios, value_of

EPS = 1e-9
HISTORY = load_history()
LAST = HISTORY.last_year
# Effects on wider jobs are changes against the baseline and may be negative.
LEVELS = tuple(name for name, o in OUTPUTS.items() if not o.estimate)


@given(scenarios())
def test_outputs_are_finite_and_levels_non_negative(values):
    """No NaN, no infinity, no negative stock or flow anywhere."""
    result = simulate(values)
    for name in OUTPUTS:
        assert np.all(np.isfinite(result[name])), name
        assert np.all(np.isfinite(result.baseline[name])), name
    for name in LEVELS:
        assert np.all(result[name] >= -EPS), name
    for name in REGION_OUTPUTS:
        assert np.all(np.isfinite(result.regions[name])), name
        assert np.all(result.regions[name] >= -EPS), name


@given(scenarios())
def test_accounting_holds(values):
    """Online sales <= sales <= capacity and demand; value added <= sales; units add up."""
    result = simulate(values)
    sales = result["sales_rp_tn"]
    assert np.all(result["online_sales_rp_tn"] <= sales * (1 + EPS))
    assert np.all(sales <= result["capacity_rp_tn"] * (1 + EPS))
    assert np.all(sales <= result["demand_rp_tn"] * (1 + EPS))
    assert np.all(result["utilisation_pct"] <= 100 + EPS)
    assert np.all(result["online_units"] <= result["units"] * (1 + EPS))
    assert np.all(result["value_added_rp_tn"] <= sales * (1 + EPS))
    assert_allclose(result["units"], result["units_small"] + result["units_medium"], rtol=1e-12)
    assert_allclose(result["jobs"], result["jobs_small"] + result["jobs_medium"], rtol=1e-12)
    parts = (
        result["production_small_rp_tn"]
        + result["production_medium_rp_tn"]
        + result["production_other_rp_tn"]
    )
    assert_allclose(sales, parts, rtol=1e-12)


@given(scenarios())
def test_regions_sum_to_totals(values):
    """West Java + East Java + the rest equal the national units, production and jobs."""
    result = simulate(values)
    for name in REGION_OUTPUTS:
        assert_allclose(result.regions[name].sum(axis=1), result[name], rtol=1e-9, atol=1e-6)


@given(scenarios())
def test_shape_is_scenarios_by_years(values):
    """One row per scenario and one column per year from 2016 to the end year."""
    result = simulate(values)
    end_year = int(values.get("end_year", TABLE["end_year"].value))
    assert_array_equal(result.years, np.arange(2016, end_year + 1))
    for name in OUTPUTS:
        assert result[name].shape == (1, end_year - 2015)


@given(scenarios(), st.integers(2020, 2050))
def test_end_year_only_crops(values, end_year):
    """No number depends on the last year shown: a shorter run is the longer one cut."""
    short = simulate({**values, "end_year": end_year})
    long = simulate({**values, "end_year": 2050})
    width = len(short.years)
    for name in OUTPUTS:
        assert_array_equal(short[name], long[name][:, :width])


@given(full_scenarios())
def test_zero_change_equals_baseline_exactly(values):
    """Setting parameters to their table values gives bit-identical results."""
    defaults = {k: TABLE[k].value for k in values}
    a = simulate(defaults)
    b = simulate()
    for name in OUTPUTS:
        assert_array_equal(a[name], b[name])


@given(scenarios())
def test_baseline_is_the_scenario_with_its_instruments_reset(values):
    """Each row's baseline is the same assumptions with every policy row at its table value."""
    result = simulate(values)
    reset = {**values, **{name: TABLE[name].value for name in TABLE.policy}}
    twin = simulate(reset)
    for name in OUTPUTS:
        assert_allclose(result.baseline[name], twin[name], rtol=1e-12, atol=1e-9)
    assert np.all(twin["jobs_indirect"] == 0)


@given(scenarios())
def test_observed_years_replay_the_data_for_any_assumptions(values):
    """Production to the last observed year is the 2016 level grown at the published rates,
    and the published counts hold in their years, whatever the assumptions and instruments."""
    result = simulate({**values, "end_year": 2050})
    production_2016 = values.get("production_2016", TABLE["production_2016"].value)
    for year, index in HISTORY.production_index.items():
        assert_allclose(result.at("production_rp_tn", year), production_2016 * index, rtol=1e-12)
    units = values.get("ikm_units_2017", TABLE["ikm_units_2017"].value)
    workers = values.get("ikm_workers_2017", TABLE["ikm_workers_2017"].value)
    medium = values.get("medium_units_2018", TABLE["medium_units_2018"].value)
    per_firm = values.get("medium_workers_per_unit", TABLE["medium_workers_per_unit"].value)
    small_units = max(units - medium, 1.0)
    assert_allclose(result.baseline["units_small"][:, 2017 - 2016], small_units, rtol=1e-12)
    small_workers = max(workers - medium * per_firm, small_units)
    assert_allclose(result.at("jobs", 2017), small_workers + medium * per_firm, rtol=1e-12)
    assert_allclose(result.at("units_medium", 2018), medium, rtol=1e-12)
    if result.diagnostics["capacity_per_rp"][0, 0] > 0:
        # Medium firms run at the industry's published utilisation in 2019.
        # A unit's output is what micro and small units sold per unit in 2016.
        unit_output = result.at("production_small_rp_tn", 2016) / result.at("units_small", 2016)
        normal = values.get("normal_utilisation", TABLE["normal_utilisation"].value)
        small_capacity = result.at("units_small", 2019) * unit_output / (normal / 100)
        small_capacity = np.maximum(small_capacity, result.at("production_small_rp_tn", 2019))
        medium_capacity = result.at("capacity_rp_tn", 2019) - small_capacity
        observed = HISTORY.series("utilisation_pct")[2019]
        rest = result.at("production_medium_rp_tn", 2019) + result.at(
            "production_other_rp_tn", 2019
        )
        assert_allclose(100 * rest / medium_capacity, observed, rtol=1e-9)


@given(scenarios())
def test_instruments_change_nothing_before_they_start(values):
    """Before the policy start year every scenario is its own baseline."""
    result = simulate({**values, "end_year": 2050})
    start = int(values.get("policy_start_year", TABLE["policy_start_year"].value))
    before = result.years < start
    for name in OUTPUTS:
        assert_array_equal(result[name][:, before], result.baseline[name][:, before])


def _monotone(lever: str, outputs: tuple[str, ...], skip_default: bool = False):
    @given(scenarios(), st.data())
    def check(values, data):
        param = TABLE[lever]
        low = data.draw(value_of(param), label="low")
        high = data.draw(st.floats(low, param.max), label="high")
        if skip_default:
            # At its table value this instrument means "no programme" (see its note).
            assume(param.value not in (low, high))
        a = simulate({**values, lever: low, "end_year": 2050})
        b = simulate({**values, lever: high, "end_year": 2050})
        for name in outputs:
            scale = np.maximum(np.abs(a[name]), 1.0)
            assert np.all(b[name] >= a[name] - 1e-9 * scale), (lever, name)

    check.__doc__ = f"Raising {lever} never lowers {', '.join(outputs)}."
    return check


test_investment_never_lowers_production_or_jobs = _monotone(
    "investment", ("production_rp_tn", "value_added_rp_tn", "jobs", "capacity_rp_tn")
)
test_new_units_never_lower_production_or_jobs = _monotone(
    "new_units", ("production_rp_tn", "value_added_rp_tn", "jobs", "units")
)
test_adoption_never_lowers_online_selling = _monotone(
    "online_adoption", ("online_share_pct", "online_units", "sales_rp_tn"), skip_default=True
)
test_sales_places_never_lower_sales = _monotone("sales_place_units", ("sales_rp_tn",))


@given(scenarios(), st.data())
def test_sales_places_never_lower_jobs_when_gains_carry_their_workers(values, data):
    """With sales gains at existing units carrying their workers in full (elasticity 1), a
    sales place never lowers jobs. Below 1 it may, slightly: its sales crowd the market for
    new units, whose sales carry full workers (displacement rises with the market taken)."""
    param = TABLE["sales_place_units"]
    low = data.draw(value_of(param), label="low")
    high = data.draw(st.floats(low, param.max), label="high")
    full = {**values, "existing_jobs_elasticity": 1.0, "end_year": 2050}
    a = simulate({**full, "sales_place_units": low})
    b = simulate({**full, "sales_place_units": high})
    scale = np.maximum(np.abs(a["jobs"]), 1.0)
    assert np.all(b["jobs"] >= a["jobs"] - 1e-9 * scale)


test_production_2016_never_lowers_jobs = _monotone("production_2016", ("jobs", "production_rp_tn"))
test_more_medium_workers_never_lower_medium_jobs = _monotone(
    "medium_workers_per_unit", ("jobs_medium",)
)
test_more_ikm_workers_never_lower_jobs = _monotone("ikm_workers_2017", ("jobs",))


@given(
    st.lists(
        scenarios(
            names=(
                "investment",
                "new_units",
                "online_adoption",
                "sales_place_units",
                "attrition",
                "online_uplift",
                "new_units_share_jabar",
                "policy_start_year",
                "ikm_units_2017",
            )
        ),
        min_size=1,
        max_size=6,
    )
)
def test_batch_equals_one_by_one(batch):
    """Running n scenarios as arrays gives the same numbers as n separate calls."""
    names = sorted({k for values in batch for k in values})
    arrays = {k: np.array([v.get(k, TABLE[k].value) for v in batch]) for k in names}
    together = simulate(arrays)
    for i, _values in enumerate(batch):
        single = simulate({k: arrays[k][i] for k in names})
        for name in OUTPUTS:
            assert_allclose(together[name][i], single[name][0], rtol=1e-12, atol=1e-9)
            assert_allclose(
                together.baseline[name][i], single.baseline[name][0], rtol=1e-12, atol=1e-9
            )
        for name in REGION_OUTPUTS:
            assert_allclose(
                together.regions[name][i], single.regions[name][0], rtol=1e-12, atol=1e-9
            )


@given(scenarios())
def test_policy_start_is_after_the_observed_years(values):
    """No setting of the policy start year can reach into the published years."""
    assert TABLE["policy_start_year"].min > LAST
    result = simulate(values)
    assert result.last_observed == LAST
