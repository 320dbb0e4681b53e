"""Each equation of simulator/equations/ against numbers worked by hand (pvlib style)."""

from __future__ import annotations

import numpy as np
from numpy.testing import assert_allclose

from simulator import equations as eq

YEARS = np.arange(2016, 2031)[None, :].astype(float)


def col(x: float) -> np.ndarray:
    return np.array([[x]])


def test_powers_and_accumulate():
    """1.1^t by running product; a stock losing 10 % a year with inflows 1, 2, 3."""
    assert_allclose(eq.powers(col(1.1), 4), [[1, 1.1, 1.21, 1.331]])
    stock = eq.accumulate(col(10.0), np.array([[0.0, 1.0, 2.0, 3.0]]), col(0.9))
    # 10; 10*0.9+1 = 10; 10*0.9+2 = 11; 11*0.9+3 = 12.9
    assert_allclose(stock, [[10.0, 10.0, 11.0, 12.9]])


def test_lagged_moves_spending_to_the_next_year():
    """Rp 5 spent in year 1 acts in year 2."""
    assert_allclose(eq.lagged(np.array([[0.0, 5.0, 0.0]])), [[0.0, 0.0, 5.0]])


def test_small_investment_share_by_hand():
    """54,150 units x (1.45 % + 3 %) x Rp 37 million / Rp 2.8 trillion = 3.18 %."""
    share = eq.small_investment_share(col(54_150.0), col(1.45), col(0.97), col(37e-6), 2.8)
    assert_allclose(share, 54_150 * 0.0445 * 37e-6 / 2.8, rtol=1e-12)
    assert_allclose(eq.small_investment_share(col(1e9), col(1.45), col(0.97), col(37e-6), 2.8), 1)


def test_calibrated_capacity_per_rupiah_by_hand():
    """From 10 to 12 in 3 years with 2 a year invested and no wear: 2 / 6 = 0.333 per rupiah;
    with 10 % wear: (12 - 10 x 0.729) / (2 x 2.71) = 0.8690."""
    assert_allclose(eq.calibrate_capacity_cost(col(10.0), col(12.0), 2.0, col(1.0), 3), 1 / 3)
    assert_allclose(
        eq.calibrate_capacity_cost(col(10.0), col(12.0), 2.0, col(0.9), 3),
        (12 - 10 * 0.729) / (2 * 2.71),
    )
    assert_allclose(eq.calibrate_capacity_cost(col(10.0), col(5.0), 2.0, col(1.0), 3), 0)


def test_logistic_fit_recovers_a_known_curve():
    """Shares on an exact logistic (rate 0.5, ceiling 60 %) give back the rate."""
    years = np.array([2017.0, 2020, 2021, 2022, 2023])
    centre = years.mean()
    shares = 60 / (1 + np.exp(-(0.2 + 0.5 * (years - centre))))
    rate, intercept = eq.logistic_fit(years, shares, col(60.0))
    assert_allclose(rate, 0.5, rtol=1e-9)
    assert_allclose(intercept, 0.2, rtol=1e-9)
    curve = eq.diffusion(years[None, :], col(60.0), rate, intercept, centre)
    assert_allclose(100 * curve, shares[None, :], rtol=1e-9)


def test_policy_share_path_pace_and_deadweight():
    """From 50 % in 2026 to 80 % by 2030 at most 7.4 points a year: 57.4, 64.8, 72.2, 79.6,
    then 80; a target under the baseline leaves the baseline."""
    years = np.arange(2024, 2033)[None, :].astype(float)
    base = np.full(years.shape, 0.5)
    share = eq.policy_share(base, years, col(2027.0), col(80.0), col(2030.0), col(7.4))
    assert_allclose(share[0], [0.5, 0.5, 0.5, 0.574, 0.648, 0.722, 0.796, 0.8, 0.8], atol=1e-12)
    slow = eq.policy_share(base, years, col(2027.0), col(60.0), col(2030.0), col(7.4))
    assert_allclose(slow[0, 3:7], [0.525, 0.55, 0.575, 0.6])
    low = eq.policy_share(base, years, col(2027.0), col(40.0), col(2030.0), col(7.4))
    assert_allclose(low, base)


def test_trend_demand_by_hand():
    """Rp 10 trillion in 2023, 95 % domestic at 2 % and 5 % exported at 6 %: 2025 demand is
    10 (0.95 x 1.02^2 + 0.05 x 1.06^2)."""
    demand = eq.trend_demand(col(10.0), YEARS, 2023, col(2.0), col(6.0), col(5.0))
    assert_allclose(demand[0, :8], 10.0)
    assert_allclose(demand[0, 9], 10 * (0.95 * 1.02**2 + 0.05 * 1.06**2), rtol=1e-12)


def test_displacement_online_sales_and_value_added_by_hand():
    """Half of a gain of 4 is additional; adopters at 50 % selling 13 % more make
    0.5 x 1.13 / 1.065 of sales online; value added is 0.4857 (S + 0.15 O)."""
    assert_allclose(eq.net_of_displacement(col(4.0), col(50.0)), 2.0)
    online = eq.online_sales(col(10.0), col(0.5), col(13.0))
    assert_allclose(online, 10 * 0.5 * 1.13 / 1.065, rtol=1e-12)
    assert_allclose(
        eq.value_added(col(10.0), 6.8 / 14, online, col(15.0)),
        6.8 / 14 * (10 + 0.15 * online),
        rtol=1e-12,
    )


def test_productivity_factor_and_exports_by_hand():
    """Workers per rupiah fall 1 % a year after 2023; exports at 5 % offline, the online
    gain (net of half displaced) at 0.92 %, at Rp 13,308 per USD."""
    factor = eq.productivity_factor(YEARS, 2023, col(1.0))
    assert_allclose(factor[0, :8], 1.0)
    assert_allclose(factor[0, -1], 1.01**-7, rtol=1e-12)
    exports = eq.exports_usd_mn(col(20.0), col(2.26), col(13.0), col(50.0), col(5.0), col(0.92),
                                col(13_308.0))  # fmt: skip
    gain = 2.26 * 0.13 * 0.5 / 1.13
    assert_allclose(exports, ((20 - gain) * 0.05 + gain * 0.0092) * 1e6 / 13_308, rtol=1e-12)


def test_one_off_and_regional_shares():
    """What is added each year (never negative); West, East Java and the rest."""
    assert_allclose(eq.one_off(np.array([[0.0, 100.0, 100.0, 50.0, 80.0]])), [[0, 100, 0, 0, 30]])
    shares = eq.shares(np.array([[49.62, 32.30]]))
    assert_allclose(shares[0, :, 0], [0.4962, 0.3230, 0.1808])


def test_shares_take_any_number_of_regions_the_rest_last():
    """Worked by hand: four regions from three named percentages, one row per scenario; the
    rest is 1 - 0.30 - 0.25 - 0.20 = 0.25, and never below 0 (60 + 50 leaves it nothing)."""
    found = eq.shares(np.array([[30.0, 25.0, 20.0], [60.0, 50.0, 0.0], [0.0, 0.0, 0.0]]))
    assert found.shape == (3, 4, 1)
    assert_allclose(found[0, :, 0], [0.30, 0.25, 0.20, 0.25], rtol=1e-12)
    assert_allclose(found[1, :, 0], [0.60, 0.50, 0.0, 0.0], rtol=1e-12)
    assert_allclose(found[2, :, 0], [0.0, 0.0, 0.0, 1.0], rtol=1e-12)
    # One named region and the rest: 40 % and 60 %.
    assert_allclose(eq.shares(np.array([[40.0]]))[0, :, 0], [0.4, 0.6], rtol=1e-12)


# --- Unit conversions, per unit and totals -------------------------------------------------


def test_monthly_rp_million_is_yearly_rp_trillion():
    """Rp 14 million a month is 14 x 12 = Rp 168 million a year, Rp 0.000168 trillion."""
    assert_allclose(eq.yearly_rp_tn(col(14.0)), 0.000168, rtol=1e-12)
    assert_allclose(eq.yearly_rp_tn(col(6.8)), 0.0000816, rtol=1e-12)


def test_rupiah_and_dollar_conversions():
    """Rp 37 million is Rp 0.000037 trillion; Rp 2.6616 trillion at Rp 13,308 per dollar is
    2,661,600 / 13,308 = USD 200 million."""
    assert_allclose(eq.rp_tn(col(37.0)), 0.000037, rtol=1e-12)
    assert_allclose(eq.usd_mn(col(2.6616), col(13_308.0)), 200.0, rtol=1e-12)


def test_percentages_and_fractions():
    """80.18 % is 0.8018; a quarter is 25 %; 3 of 4 is 75 %; losing 3 % a year keeps 0.97."""
    assert_allclose(eq.fraction(col(80.18)), 0.8018, rtol=1e-12)
    assert_allclose(eq.pct(col(0.25)), 25.0)
    assert_allclose(eq.percent_of(col(3.0), col(4.0)), 75.0)
    assert_allclose(eq.kept_share(col(3.0)), 0.97, rtol=1e-12)


def test_per_unit_and_totals():
    """54,150 units selling Rp 0.000168 trillion each sell Rp 9.0972 trillion; back again:
    9.0972 / 54,150 = 0.000168 each, and 9.0972 / 0.000168 = 54,150 units."""
    assert_allclose(eq.total(col(54_150.0), col(0.000168)), 9.0972, rtol=1e-12)
    assert_allclose(eq.per_unit(col(9.0972), col(54_150.0)), 0.000168, rtol=1e-12)
    assert_allclose(eq.units_for(col(9.0972), col(0.000168)), 54_150.0, rtol=1e-12)
    assert_allclose(eq.workers_per_rp(col(300.0), col(2.0)), 150.0)


# --- Timing, lags and stocks --------------------------------------------------------------


def test_from_start_and_replay():
    """A lever of 5 from 2027 on, the baseline's 2.8 before; published figures up to the last
    observed year, modelled ones after."""
    years = np.arange(2025, 2030)[None, :].astype(float)
    assert_allclose(eq.from_start(years, col(2027.0), col(5.0), 2.8), [[2.8, 2.8, 5, 5, 5]])
    observed = years <= 2026
    published, modelled = np.full((1, 5), 1.0), np.full((1, 5), 2.0)
    assert_allclose(eq.replay(observed, published, modelled), [[1, 1, 2, 2, 2]])


def test_lagged_stock_works_from_the_following_year():
    """Rp 4 added in year 0 and 2 in year 2, half lost a year: 0; 4; 4 x 0.5 = 2;
    2 x 0.5 + 2 = 3 (without the lag it would be 4, 2, 3, 1.5)."""
    stock = eq.lagged_stock(np.array([[4.0, 0.0, 2.0, 0.0]]), col(0.5))
    assert_allclose(stock, [[0.0, 4.0, 2.0, 3.0]])


def test_steady_lagged_stock_by_hand():
    """From 10 with 2 added every year from year 1, half lost a year: 10; 5 + 2 = 7;
    3.5 + 2 = 5.5; 2.75 + 2 = 4.75."""
    stock = eq.steady_lagged_stock(col(10.0), col(2.0), col(0.5), eq.powers(col(0.5), 4))
    assert_allclose(stock, [[10.0, 7.0, 5.5, 4.75]])


def test_restarted_powers():
    """Powers of 2 restarted at column 2: 1, 1, 1, 2, 4."""
    assert_allclose(eq.restarted(eq.powers(col(2.0), 5), 2), [[1, 1, 1, 2, 4]])
    assert_allclose(eq.restarted(eq.powers(col(2.0), 3), 0), [[1, 2, 4]])


# --- Calibration --------------------------------------------------------------------------


def test_count_split_by_hand():
    """100 IKM units with 500 workers, 10 of them medium firms of 20 workers: 200 medium
    workers, 90 micro and small units with 300 workers. With 150 workers the small units
    would have fewer than one each: 90, flagged. Never fewer than one small unit."""
    count = eq.count_split(col(100.0), col(500.0), col(10.0), col(20.0))
    assert_allclose(np.ravel(count[:3]), [200, 90, 300])
    assert not count.workers_clipped.any()
    thin = eq.count_split(col(100.0), col(150.0), col(10.0), col(20.0))
    assert_allclose(thin.small_workers, 90.0)
    assert thin.workers_clipped.all()
    assert_allclose(eq.count_split(col(5.0), col(500.0), col(10.0), col(20.0)).small_units, 1.0)


def test_growth_index_backcast_and_yearly_growth():
    """Rp 50 then 55 trillion is an index of 1 and 1.1; 110 units at 1.1 were 100 in 2016;
    100 in 2016 are 121 at 1.21, which is 10 % a year over two years."""
    assert_allclose(eq.growth_index(np.array([[50.0, 55.0]]), col(50.0)), [[1.0, 1.1]])
    assert_allclose(eq.backcast(col(110.0), col(1.1)), 100.0)
    assert_allclose(eq.on_index(col(100.0), col(1.21)), 121.0)
    assert_allclose(eq.annual_growth_pct(col(1.21), 2), 10.0)


def test_segments_by_hand():
    """Index 1, 1.1, 1.21 with the count in the second year: 110 units were 100 in 2016.
    Selling Rp 100,000 / 12 million a month each, a unit sells Rp 100,000 million = Rp 0.1
    trillion a year: Rp 10 trillion in all of Rp 50 trillion, the rest 40. 10 medium workers
    at Rp 2.2 million million a year make Rp 22 trillion in the count year, 20 in 2016: half
    the rest. Both segments then follow the index."""
    index = np.array([[1.0, 1.1, 1.21]])
    seg = eq.segments(
        index=index,
        index_count=col(1.1),
        small_units=col(110.0),
        unit_sales_rp_mn=col(100_000.0 / 12.0),
        production_2016=col(50.0),
        medium_workers=col(10.0),
        medium_output_per_worker_rp_mn=col(2.2e6),
        small_share_max=0.95,
    )
    assert_allclose(seg.units_2016, 100.0, rtol=1e-12)
    assert_allclose(seg.unit_output, 0.1, rtol=1e-12)
    assert not seg.unit_output_clipped.any()
    assert_allclose(seg.rest_2016, 40.0, rtol=1e-12)
    assert_allclose(seg.medium_share, 0.5, rtol=1e-12)
    assert not seg.medium_clipped.any()
    assert_allclose(seg.small_observed, [[10.0, 11.0, 12.1]], rtol=1e-12)
    assert_allclose(seg.rest_observed, [[40.0, 44.0, 48.4]], rtol=1e-12)


def test_segments_cut_the_survey_and_the_medium_firms():
    """At Rp 1 trillion a year each, 100 units would make 100 of Rp 50 trillion: cut to
    95 % (47.5, Rp 0.475 trillion each), the rest 2.5; medium firms' 20 then fill it (share
    1), both flagged."""
    seg = eq.segments(
        index=np.array([[1.0, 1.1]]),
        index_count=col(1.1),
        small_units=col(110.0),
        unit_sales_rp_mn=col(1e6 / 12.0),
        production_2016=col(50.0),
        medium_workers=col(10.0),
        medium_output_per_worker_rp_mn=col(2.2e6),
        small_share_max=0.95,
    )
    assert_allclose(seg.unit_output, 0.475, rtol=1e-12)
    assert_allclose(seg.rest_2016, 2.5, rtol=1e-12)
    assert_allclose(seg.medium_share, 1.0)
    assert seg.unit_output_clipped.all()
    assert seg.medium_clipped.all()


def test_medium_and_other_parts_of_the_rest():
    """Rp 40 trillion with medium firms at a quarter: 10 and 30."""
    medium, other = eq.medium_and_other(col(40.0), col(0.25))
    assert_allclose([medium, other], [[[10.0]], [[30.0]]])


# --- Capacity -----------------------------------------------------------------------------


def test_capacity_pieces_by_hand():
    """A quarter of Rp 2 trillion to small units: 0.5 and 1.5; Rp 8 trillion at 80 % needs 10
    of capacity, which makes 8; capacity never below what an observed year produced;
    1,000 programme units less 20 % deadweight, 75 % surviving: 600; a change never takes
    100 units below zero."""
    small, rest = eq.split_investment(col(2.0), col(0.25))
    assert_allclose([small, rest], [[[0.5]], [[1.5]]])
    assert_allclose(eq.capacity_for(col(8.0), col(0.8)), 10.0)
    assert_allclose(eq.output_at(col(10.0), col(0.8)), 8.0)
    observed = np.array([[True, True, False]])
    covered = eq.covers_observed(np.array([[5.0, 5, 5]]), np.array([[6.0, 4, 7]]), observed)
    assert_allclose(covered, [[6, 5, 5]])
    assert_allclose(eq.programme_survivors(col(1000.0), col(20.0), col(75.0)), 600.0)
    assert_allclose(eq.floored_change(col(100.0), col(-150.0)), -100.0)
    assert_allclose(eq.floored_change(col(100.0), col(30.0)), 30.0)


def test_capacity_block_by_hand():
    """Rp 2 trillion more investment and 100 programme units in year 1, half of a stock lost
    a year, a quarter of investment to small units at Rp 0.01 trillion a unit:

    * the rest: 1.5 x 0.5 = Rp 0.75 trillion of capacity from year 2, then 0.375;
    * small units: 0.5 / 0.01 = 50 units from year 2, then 25; programme units
      100 x 0.8 x 0.5 = 40 from year 2, then 20: 1,000, 1,000, 1,090, 1,045 units;
    * their capacity at Rp 0.001 trillion each and 80 %: 1.25, 1.25, 1.3625, 1.30625, but
      the observed year 0 produced 2;
    * the rest's 10 + its additions; all capacity 12, 11.25, 12.1125, 11.68125.
    """
    four = np.ones((1, 4))
    cap = eq.capacity(
        extra_investment=np.array([[0.0, 2.0, 0.0, 0.0]]),
        new_units=np.array([[0.0, 100.0, 0.0, 0.0]]),
        small_share=col(0.25),
        capacity_per_rp=col(0.5),
        unit_capital=col(0.01),
        keep=col(0.5),
        power=eq.powers(col(0.5), 4),
        deadweight_pct=col(20.0),
        survival_pct=col(50.0),
        units_trend=1000.0 * four,
        unit_output=0.001 * four,
        normal_utilisation=col(0.8),
        rest_base=10.0 * four,
        small_observed=2.0 * four,
        observed=np.array([[True, False, False, False]]),
    )
    assert_allclose(cap.rest_extra, [[0.0, 0.0, 0.75, 0.375]], rtol=1e-12)
    assert_allclose(cap.units_invest, [[0.0, 0.0, 50.0, 25.0]], rtol=1e-12)
    assert_allclose(cap.units_programme, [[0.0, 0.0, 40.0, 20.0]], rtol=1e-12)
    assert_allclose(cap.units_small, [[1000.0, 1000.0, 1090.0, 1045.0]], rtol=1e-12)
    assert_allclose(cap.small, [[2.0, 1.25, 1.3625, 1.30625]], rtol=1e-12)
    assert_allclose(cap.rest, [[10.0, 10.0, 10.75, 10.375]], rtol=1e-12)
    assert_allclose(cap.total, [[12.0, 11.25, 12.1125, 11.68125]], rtol=1e-12)


def test_capacity_block_never_removes_more_units_than_there_are():
    """Rp 4 trillion less investment in year 0, a quarter of it Rp 0.01 trillion a unit: 100
    fewer units from year 1, but the trend has only 10."""
    four = np.ones((1, 4))
    cap = eq.capacity(
        extra_investment=np.array([[-4.0, 0.0, 0.0, 0.0]]),
        new_units=0.0 * four,
        small_share=col(0.25),
        capacity_per_rp=col(0.5),
        unit_capital=col(0.01),
        keep=col(0.5),
        power=eq.powers(col(0.5), 4),
        deadweight_pct=col(0.0),
        survival_pct=col(100.0),
        units_trend=10.0 * four,
        unit_output=0.001 * four,
        normal_utilisation=col(1.0),
        rest_base=10.0 * four,
        small_observed=0.0 * four,
        observed=np.zeros((1, 4), dtype=bool),
    )
    assert_allclose(cap.units_invest, [[0.0, -10.0, -10.0, -10.0]])
    assert_allclose(cap.units_small, [[10.0, 0.0, 0.0, 0.0]])


# --- Online adoption ----------------------------------------------------------------------


def test_online_adoption_block_by_hand():
    """The lever at 80 % (its table value 30 % means no programme) over a flat 50 % curve,
    1,000 units: the path of the policy-share test, so 0, 0, 0, 74, 148, 222, 296, 300, 300
    extra sellers; at its table value, no programme and no extra sellers."""
    years = np.arange(2024, 2033)[None, :].astype(float)
    base = np.full(years.shape, 0.5)
    common = {
        "no_programme_pct": 30.0,
        "baseline": base,
        "years": years,
        "start": col(2027.0),
        "target_year": col(2030.0),
        "max_pace_pp": col(7.4),
        "units": 1000.0 * np.ones(years.shape),
    }
    adoption = eq.online_adoption(lever_pct=col(80.0), **common)
    assert_allclose(adoption.target, 80.0)
    assert_allclose(adoption.extra_adopters[0], [0, 0, 0, 74, 148, 222, 296, 300, 300], atol=1e-9)
    none = eq.online_adoption(lever_pct=col(30.0), **common)
    assert_allclose(none.target, 0.0)
    assert_allclose(none.share, base)
    assert_allclose(none.extra_adopters, 0.0)


# --- Demand and displacement --------------------------------------------------------------


def test_gains_by_hand():
    """At Rp 0.001 trillion a unit: 100 new online sellers selling 10 % more, 0.01; 50 units in
    sales places selling 20 % more, 0.01; 20 units from investment 0.02; 10 programme units
    0.01; Rp 2 trillion of the rest's capacity at 80 %, 1.6."""
    gross = eq.gains(
        extra_adopters=col(100.0),
        place_units=col(50.0),
        units_invest=col(20.0),
        units_programme=col(10.0),
        rest_extra=col(2.0),
        unit_output=col(0.001),
        online_uplift_pct=col(10.0),
        place_uplift_pct=col(20.0),
        normal_utilisation=col(0.8),
    )
    assert_allclose(np.ravel(gross), [0.01, 0.01, 0.02, 0.01, 1.6], rtol=1e-12)
    assert_allclose(eq.uplifted_sales(col(200.0), col(0.001), col(13.0)), 0.026, rtol=1e-12)


def test_additional_sales_by_hand():
    """Gains 1, 1, 2, 1 in a market of 5 and 4 in a market of 2, half displaced at first:
    0.5, 0.5, 1, 0.5 (2.5 against 5: 5 / 7.5 = 2/3 stays) and 2 (2 / 4 = 1/2 stays), so
    1/3, 1/3, 2/3, 1/3 and 1. A loss does not count against the market: with investment at
    -2 (-1 after displacement) 1.5 does, 5 / 6.5 stays."""
    half = {
        "small_market": col(5.0),
        "rest_market": col(2.0),
        "online_displacement_pct": col(50.0),
        "place_displacement_pct": col(50.0),
        "capacity_displacement_pct": col(50.0),
    }
    gross = eq.Gains(col(1.0), col(1.0), col(2.0), col(1.0), col(4.0))
    added = eq.additional(gross, **half)
    assert_allclose(np.ravel(added), [1 / 3, 1 / 3, 2 / 3, 1 / 3, 1.0, 2 / 3, 0.5], rtol=1e-12)
    loss = eq.additional(gross._replace(invest=col(-2.0)), **half)
    assert_allclose(loss.market_small, 5 / 6.5, rtol=1e-12)
    assert_allclose(loss.invest, -5 / 6.5, rtol=1e-12)
    assert_allclose(eq.market_gain_pct(col(2 / 3), col(0.5)), 100.0, rtol=1e-12)


def test_sales_within_capacity_by_hand():
    """Trends 10 and 20 plus 4 and 2: demand 14 and 22; capacity 12 and 30 sells 12 and 22,
    34 of 36 demanded. A loss larger than the trend leaves no demand, not a negative one."""
    added = eq.Additional(*(col(x) for x in (1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0)))
    capacity = {"small_capacity": col(12.0), "rest_capacity": col(30.0)}
    sold = eq.sales(small_trend=col(10.0), rest_trend=col(20.0), added=added, **capacity)
    assert_allclose(np.ravel(sold), [14, 22, 12, 22, 34, 36])
    loss = added._replace(invest=col(-9.0))
    lost = eq.sales(small_trend=col(1.0), rest_trend=col(20.0), added=loss, **capacity)
    assert_allclose(lost.small_demand, 0.0)


# --- Value added, jobs and exports --------------------------------------------------------


def test_value_added_ratios_by_hand():
    """Rp 6.8 of Rp 14 is 0.4857, under 1 / 1.15 = 0.8696; Rp 14 of 14 would exceed sales
    with a 15 % premium, so 0.8696. The rest at 30 % of Rp 10 trillion adds 3."""
    assert_allclose(eq.value_added_ratio(col(6.8), col(14.0), col(15.0)), 6.8 / 14, rtol=1e-12)
    assert_allclose(eq.value_added_ratio(col(14.0), col(14.0), col(15.0)), 1 / 1.15, rtol=1e-12)
    assert_allclose(eq.value_added_rest(col(10.0), col(30.0)), 3.0)


def test_unit_output_grows_with_output_per_worker():
    """With workers per rupiah down 1 %, a unit's Rp 0.000168 trillion grows 1 %."""
    factor = np.array([[1.0, 1 / 1.01]])
    path = eq.unit_output_path(col(0.000168), factor)
    assert_allclose(path, [[0.000168, 0.000168 * 1.01]], rtol=1e-12)


def test_hoarded_sales_by_hand():
    """Units already working gain 2 of demand 12, all sold within capacity 15: without the
    gain 10 would sell, and 60 % of the 2 bring no workers, 1.2. With capacity 9 the units
    run full either way: nothing is hoarded."""
    common = {"existing_gain": col(2.0), "demand": col(12.0), "elasticity": col(0.4)}
    assert_allclose(eq.hoarded_sales(sales=col(12.0), capacity=col(15.0), **common), 1.2)
    assert_allclose(eq.hoarded_sales(sales=col(9.0), capacity=col(9.0), **common), 0.0)


def test_direct_jobs_by_hand():
    """Rp 10 trillion of small units' sales less 2 hoarded at 5,000 persons per trillion, and
    Rp 20 trillion at 1,000, with workers per rupiah halved: 20,000 and 10,000."""
    jobs = eq.direct_jobs(
        small_sales=col(10.0),
        rest_sales=col(20.0),
        hoarded=col(2.0),
        small_per_rp=col(5000.0),
        rest_per_rp=col(1000.0),
        factor=col(0.5),
    )
    assert_allclose([jobs.small, jobs.medium], [[[20_000.0]], [[10_000.0]]])
    assert_allclose(eq.jobs(col(10.0), col(5000.0), col(0.99)), 49_500.0)


def test_units_follow_capacity_from_their_count():
    """441 medium firms with capacity 10 in their count year: 352.8 at 8, 529.2 at 12."""
    capacity = np.array([[8.0, 10.0, 12.0]])
    units = eq.units_on_capacity(capacity, col(441.0), col(10.0))
    assert_allclose(units, [[352.8, 441.0, 529.2]], rtol=1e-12)


def test_wider_jobs_by_hand():
    """1,000 suppliers' persons per trillion, 30 % imported, workers per rupiah halved: 350.
    Rp 2 trillion more sales with multipliers 1.5 and 2.1: 2 x 0.5 x 350 = 350 indirect,
    2 x 0.6 x 350 = 420 induced; a Type II under Type I induces nothing."""
    per_rp = eq.supplier_jobs_per_rp(col(1000.0), col(30.0), col(0.5))
    assert_allclose(per_rp, 350.0, rtol=1e-12)
    indirect, induced = eq.wider_jobs(col(2.0), col(1.5), col(2.1), per_rp)
    assert_allclose([indirect, induced], [[[350.0]], [[420.0]]], rtol=1e-12)
    assert_allclose(eq.wider_jobs(col(2.0), col(1.5), col(1.2), per_rp)[1], 0.0)


# --- Regions ------------------------------------------------------------------------------

BASE = np.array([0.5, 0.3, 0.2]).reshape(1, 3, 1)  # where production is
WEST = np.array([1.0, 0.0, 0.0]).reshape(1, 3, 1)
EAST = np.array([0.0, 1.0, 0.0]).reshape(1, 3, 1)


def _regions(gross: eq.Gains, added: eq.Additional, hoarded: float, sales: float):
    """The regions of one year: a trend of 10 (demand 11), the rest's sales 20, 100 and 10
    persons per trillion, 50 units spread like production and 4 programme units."""
    return eq.regions(
        gross=gross,
        added=added,
        small_trend=col(10.0),
        small_demand=col(11.0),
        small_sales=col(sales),
        rest_sales=col(20.0),
        existing_gain=added.online + added.place,
        hoarded=col(hoarded),
        small_per_rp=col(100.0),
        rest_per_rp=col(10.0),
        factor=col(1.0),
        units_spread=col(50.0),
        units_programme=col(4.0),
        base=BASE,
        new=WEST,
        place=EAST,
    )


def test_regions_programme_units_open_where_the_programme_puts_them():
    """Programme units in West Java gain 2, half of it taken from existing sellers
    everywhere: 9 of the trend by production (4.5, 2.7, 1.8) plus the 2 in the west, 6.5,
    2.7, 1.8; the rest's 20 by production, 10, 6, 4. Jobs at 100 and 10 a trillion: 750,
    330, 220. Units: 50 by production and the 4 programme units in the west, 29, 15, 10."""
    zero = col(0.0)
    gross = eq.Gains(zero, zero, zero, col(2.0), zero)
    added = eq.Additional(zero, zero, zero, col(1.0), zero, col(1.0), col(1.0))
    shown = _regions(gross, added, hoarded=0.0, sales=11.0)
    assert_allclose(shown["production_rp_tn"][0, :, 0], [16.5, 8.7, 5.8], rtol=1e-12)
    assert_allclose(shown["jobs"][0, :, 0], [750.0, 330.0, 220.0], rtol=1e-12)
    assert_allclose(shown["units"][0, :, 0], [29.0, 15.0, 10.0], rtol=1e-12)


def test_regions_a_sales_place_takes_from_its_own_market():
    """Sales places in East Java gain 2, half displaced: East Java's existing sellers lose
    the 1 (3 - 1 + 2 = 4), the others keep theirs (5 and 2). Half the sales of existing
    units bring no workers, all in East Java: jobs 5 x 100 + 10 x 10 = 600, (4 - 0.5) x 100
    + 6 x 10 = 410, 2 x 100 + 4 x 10 = 240. If only half of demand sells, half of each."""
    zero = col(0.0)
    gross = eq.Gains(zero, col(2.0), zero, zero, zero)
    added = eq.Additional(zero, col(1.0), zero, zero, zero, col(1.0), col(1.0))
    shown = _regions(gross, added, hoarded=0.5, sales=11.0)
    small = shown["production_rp_tn"][0, :, 0] - [10.0, 6.0, 4.0]
    assert_allclose(small, [5.0, 4.0, 2.0], rtol=1e-12)
    assert_allclose(shown["jobs"][0, :, 0], [600.0, 410.0, 240.0], rtol=1e-12)
    half = _regions(gross, added, hoarded=0.0, sales=5.5)
    assert_allclose(half["production_rp_tn"][0, :, 0] - [10.0, 6.0, 4.0], [2.5, 2.0, 1.0])
    assert_allclose(eq.share_sold(np.array([[10.0, 0.0]]), np.array([[8.0, 0.0]])), [[0.8, 0]])


# --- Public cost and appraisal ------------------------------------------------------------


def test_public_cost_by_hand():
    """Year 1: 100 new online sellers at Rp 2 million per trainee, half of trainees selling,
    Rp 400 million; 10 sales places at Rp 100 million, 1,000; 5 units at Rp 40 million, 200:
    Rp 1,600 million = 0.0016 trillion, plus a 10 % rebate on Rp 2 trillion of which half is
    deadweight, 0.4. Year 2: 50 more sellers, 200; no new places; 5 units, 200: 0.4004."""
    cost = eq.public_cost(
        extra_adopters=np.array([[0.0, 100.0, 150.0]]),
        place_units=np.array([[0.0, 10.0, 10.0]]),
        new_units=np.array([[0.0, 5.0, 5.0]]),
        extra_investment=np.array([[0.0, 2.0, 2.0]]),
        cost_online_unit_rp_mn=col(2.0),
        online_conversion_pct=col(50.0),
        cost_sales_place_rp_mn=col(100.0),
        cost_new_unit_rp_mn=col(40.0),
        subsidy_pct=col(10.0),
        investment_deadweight_pct=col(50.0),
    )
    assert_allclose(cost, [[0.0, 0.4016, 0.4004]], rtol=1e-12)


def test_discounting_by_hand():
    """Three years from 2027 at 10 %: weights 1, 1/1.1, 1/1.21 and none outside, so 1, 1.1
    and 1.21 in those years are worth 3."""
    years = np.arange(2026, 2031)[None, :].astype(float)
    weights = eq.discount_weights(years, col(2027.0), col(10.0), 3)
    assert_allclose(weights, [[0.0, 1.0, 1 / 1.1, 1 / 1.21, 0.0]], rtol=1e-12)
    assert_allclose(eq.present_value(np.array([[5.0, 1.0, 1.1, 1.21, 9.0]]), weights), [3.0])
