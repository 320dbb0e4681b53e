"""Properties of the model over the whole parameter space (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from simulator import simulate
from simulator.model import OUTPUTS, REGION_OUTPUTS
from tests.strategies import TABLE, full_scenarios, scenarios, value_of

EPS = 1e-9


@given(scenarios())
def test_outputs_are_finite_and_non_negative(values):
    """No NaN, no infinity, no negative stock or flow anywhere."""
    result = simulate(values)
    for name in OUTPUTS:
        array = result[name]
        assert np.all(np.isfinite(array)), name
        assert np.all(array >= 0), name
    for name in REGION_OUTPUTS:
        assert np.all(np.isfinite(result.regions[name])), name
        assert np.all(result.regions[name] >= -EPS), name


@given(scenarios())
def test_online_sales_within_sales_within_capacity(values):
    """Online sales <= sales <= capacity, and utilisation never exceeds 100 %."""
    result = simulate(values)
    sales = result["sales_rp_tn"]
    assert np.all(result["online_sales_rp_tn"] <= sales * (1 + EPS))
    assert np.all(sales <= result["capacity_rp_tn"] * (1 + EPS))
    assert np.all(result["utilisation_pct"] <= 100 + EPS)
    assert np.all(result["online_units"] <= result["units"] * (1 + EPS))
    assert np.all(result["value_added_rp_tn"] <= sales * (1 + EPS))


@given(scenarios())
def test_regions_sum_to_totals(values):
    """West Java + East Java + the rest equal the national units, production and jobs."""
    result = simulate(values)
    for name in REGION_OUTPUTS:
        assert_allclose(result.regions[name].sum(axis=1), result[name], rtol=1e-9, atol=1e-9)


@given(scenarios())
def test_shape_is_scenarios_by_years(values):
    """One row per scenario and one column per year from 2016 to the end year."""
    result = simulate(values)
    end_year = int(values.get("end_year", TABLE["end_year"].value))
    assert_array_equal(result.years, np.arange(2016, end_year + 1))
    for name in OUTPUTS:
        assert result[name].shape == (1, end_year - 2015)


@given(full_scenarios())
def test_zero_change_equals_baseline_exactly(values):
    """Setting parameters to their baseline values gives bit-identical results."""
    defaults = {k: TABLE[k].value for k in values}
    a = simulate(defaults)
    b = simulate()
    for name in OUTPUTS:
        assert_array_equal(a[name], b[name])


def _monotone(lever: str, outputs: tuple[str, ...]):
    @given(scenarios(), st.data())
    def check(values, data):
        param = TABLE[lever]
        low = data.draw(value_of(param), label="low")
        high = data.draw(st.floats(low, param.max), label="high")
        a = simulate({**values, lever: low})
        b = simulate({**values, lever: high})
        for name in outputs:
            scale = np.maximum(np.abs(a[name]), 1.0)
            assert np.all(b[name] >= a[name] - 1e-12 * scale), (lever, name)

    check.__doc__ = f"Raising {lever} never lowers {', '.join(outputs)}."
    return check


test_investment_never_lowers_production = _monotone(
    "investment", ("production_rp_tn", "value_added_rp_tn", "jobs")
)
test_new_units_never_lower_production = _monotone(
    "new_units", ("production_rp_tn", "value_added_rp_tn", "jobs", "units")
)
test_adoption_never_lowers_online_sales = _monotone(
    "online_adoption", ("online_sales_rp_tn", "sales_rp_tn", "online_units")
)
test_sales_place_never_lowers_sales = _monotone("sales_place_units", ("sales_rp_tn",))


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
            assert_allclose(together[name][i], single[name][0], rtol=1e-12, atol=1e-12)
        for name in REGION_OUTPUTS:
            assert_allclose(
                together.regions[name][i], single.regions[name][0], rtol=1e-12, atol=1e-12
            )
