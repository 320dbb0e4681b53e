"""Each equation of simulator/equations.py against numbers worked by hand (pvlib style)."""

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
    shares = eq.shares3(col(49.62), col(32.30))
    assert_allclose(shares[0, :, 0], [0.4962, 0.3230, 0.1808])
