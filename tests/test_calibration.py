"""The baseline reproduces the published figures; hand-checked numbers, pvlib style."""

from __future__ import annotations

import numpy as np
from numpy.testing import assert_allclose

from simulator import load_parameters, simulate
from simulator.model import REGIONS

P = load_parameters()


def test_production_2016_and_2017_match_kemenperin():
    """Production is Rp 22.98 trillion in 2016 and 24.25 in 2017 (source article)."""
    result = simulate()
    assert_allclose(result.at("production_rp_tn", 2016), 22.98, atol=0.005)
    assert_allclose(result.at("production_rp_tn", 2017), 24.25, atol=0.005)


def test_value_added_ratio_is_the_per_unit_survey_ratio():
    """Value added / sales in 2016 is 6.8 / 14 (Rp million per month per unit)."""
    result = simulate()
    ratio = result.at("value_added_rp_tn", 2016) / result.at("sales_rp_tn", 2016)
    assert_allclose(ratio, 6.8 / 14, atol=5e-5)


def test_regional_unit_shares_are_published_shares():
    """West Java 49.62 %, East Java 32.30 %, the rest 18.08 % of units in 2016."""
    result = simulate()
    units = result.regions["units"][0, :, 0]
    assert_allclose(units / units.sum(), [0.4962, 0.3230, 0.1808], atol=1e-9)
    assert REGIONS == ("jawa_barat", "jawa_timur", "lainnya")


def test_derived_parameters_follow_from_published_figures():
    """Each derived row equals its stated formula over the published figures."""
    assert_allclose(P["capital_output_ratio"].value, 2.8 / (24.25 - 22.98), rtol=1e-4)
    assert_allclose(P["units_2016"].value, 22.98e12 / (14e6 * 12), atol=0.5)
    assert_allclose(P["workers_per_unit"].value, 0.51 * 114_495 / (0.49 * 32_910), atol=0.005)
    assert_allclose(P["value_added_ratio"].value, 100 * 6.8 / 14, atol=0.005)
    assert_allclose(
        P["unit_growth"].value, 100 * ((18_091 + 441) / (0.49 * 32_910)) ** (1 / 8) - 100, atol=0.01
    )


def test_hand_computed_2016_state():
    """2016 by hand: capacity, jobs, online sales and exports from the table's values."""
    result = simulate()
    K = 22.98 / 0.8018
    assert_allclose(result.at("capacity_rp_tn", 2016), K, rtol=1e-12)
    assert_allclose(result.at("utilisation_pct", 2016), 80.18, rtol=1e-12)
    jobs = 136_786 * 3.62
    assert_allclose(result.at("jobs", 2016), jobs, rtol=1e-12)
    online = 22.98 * 0.04 * 1.3 / (1 + 0.04 * 0.3)
    assert_allclose(result.at("online_sales_rp_tn", 2016), online, rtol=1e-12)
    exports_usd_mn = ((22.98 - online) * 0.05 + online * 0.15) * 1e6 / 13_308
    assert_allclose(result.at("exports_usd_mn", 2016), exports_usd_mn, rtol=1e-12)
    assert_allclose(result.at("units", 2016), 136_786, rtol=1e-12)
    assert_allclose(result.at("online_units", 2016), 136_786 * 0.04, rtol=1e-12)


def test_online_share_reaches_target_in_end_year():
    """The online share is 4 % in 2017 and the lever's target in the end year."""
    for end_year in (2020, 2030, 2045):
        for target in (0.0, 25.0, 100.0):
            result = simulate(
                {"online_adoption": target, "end_year": end_year, "policy_start_year": 2018}
            )
            share = result["online_share_pct"][0]
            assert_allclose(share[1], 4.0, atol=1e-12)
            assert_allclose(share[-1], target, atol=1e-9)


def test_doubling_investment_adds_its_output_by_hand():
    """Rp 5.6 tn a year from 2027 adds 2.8 / k of normal output a year, all sold."""
    base = simulate()
    doubled = simulate({"investment": 5.6})
    k = P["capital_output_ratio"].value
    years = np.arange(2016, 2031)
    extra_normal = np.clip(years - 2026, 0, None) * 2.8 / k
    # Below the ceiling sales scale with normal output by the same online lift factor.
    lift = base["sales_rp_tn"][0] / (base["capacity_rp_tn"][0] * 0.8018)
    assert_allclose(
        doubled["production_rp_tn"][0] - base["production_rp_tn"][0],
        extra_normal * lift,
        rtol=1e-9,
        atol=1e-12,
    )


def test_policy_before_start_year_changes_nothing():
    """Every lever leaves the years before the policy start year at the baseline."""
    base = simulate()
    moved = simulate(
        {"investment": 10, "new_units": 5000, "online_adoption": 90, "sales_place_units": 5000}
    )
    before = base.years < 2027
    for name, array in base.outputs.items():
        assert_allclose(moved[name][0, before], array[0, before], rtol=0, atol=0, err_msg=name)
    assert moved.at("production_rp_tn", 2030)[0] > base.at("production_rp_tn", 2030)[0]


def test_capacity_ceiling_binds_when_online_runs_ahead_of_investment():
    """All units online with no investment: utilisation hits 100 % and demand goes unmet."""
    result = simulate({"online_adoption": 100, "investment": 0, "online_uplift": 50})
    assert_allclose(result.at("utilisation_pct", 2030), 100.0, rtol=0, atol=0)
    assert result.at("unmet_demand_rp_tn", 2030)[0] > 1.0
