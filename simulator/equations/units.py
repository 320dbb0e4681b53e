"""Unit conversions, per-unit figures and totals, timing, lags and stocks.

The model's money is Rp trillion a year in constant 2016 prices ("Rp tn"); the survey gives a
unit's sales and value added in Rp million a month, costs are in Rp million, exports in USD
million. Every change of unit the model makes is one of these functions, so a factor of 12 or
of a million is written once and checked by hand (tests/test_equations.py).
"""

from __future__ import annotations

import numpy as np

RP_MN_PER_TN = 1e6  # Rp million in one Rp trillion
MONTHS_PER_YEAR = 12.0


# --- Money --------------------------------------------------------------------------------


def yearly_rp_tn(monthly_rp_mn: np.ndarray) -> np.ndarray:
    """Rp million a month as Rp trillion a year: x 12 / 10^6 [Rp tn/yr].

    A unit selling Rp 14 million a month sells 14 x 12 / 10^6 = Rp 0.000168 trillion a year.
    """
    return monthly_rp_mn * MONTHS_PER_YEAR / RP_MN_PER_TN


def rp_tn(rp_mn: np.ndarray) -> np.ndarray:
    """Rp million as Rp trillion: / 10^6 [Rp tn]."""
    return rp_mn / RP_MN_PER_TN


def usd_mn(rp_tn: np.ndarray, rupiah_per_usd: np.ndarray) -> np.ndarray:
    """Rp trillion as USD million at an exchange rate [Rp per USD]: x 10^6 / rate [USD mn]."""
    return rp_tn * RP_MN_PER_TN / rupiah_per_usd


# --- Shares -------------------------------------------------------------------------------


def fraction(pct: np.ndarray) -> np.ndarray:
    """A percentage as a fraction: / 100 [0..1]."""
    return pct / 100.0


def pct(fraction: np.ndarray) -> np.ndarray:
    """A fraction as a percentage: x 100 [%]."""
    return 100.0 * fraction


def percent_of(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``part`` as a percentage of ``whole`` (same unit): 100 part / whole [%]."""
    return 100.0 * part / whole


def kept_share(loss_pct: np.ndarray) -> np.ndarray:
    """What survives a year that loses ``loss_pct`` %: 1 - loss / 100 [0..1 a year]."""
    return 1.0 - loss_pct / 100.0


# --- Per unit and totals ------------------------------------------------------------------


def total(units: np.ndarray, per_unit: np.ndarray) -> np.ndarray:
    """A total of ``units`` at ``per_unit`` each [the per-unit quantity's unit]."""
    return units * per_unit


def per_unit(total: np.ndarray, units: np.ndarray) -> np.ndarray:
    """A total shared over ``units`` [the total's unit per unit]."""
    return total / units


def units_for(total: np.ndarray, per_unit: np.ndarray) -> np.ndarray:
    """How many units at ``per_unit`` each make ``total`` [units]."""
    return total / per_unit


# --- Timing, lags and stocks --------------------------------------------------------------


def from_start(
    years: np.ndarray, start: np.ndarray, value: np.ndarray, before: np.ndarray | float
) -> np.ndarray:
    """``value`` from the start year on, ``before`` in the years before it [their unit]."""
    return np.where(years >= start, value, before)


def replay(observed: np.ndarray, published: np.ndarray, modelled: np.ndarray) -> np.ndarray:
    """The published figure in the observed years, the modelled one after [their unit]."""
    return np.where(observed, published, modelled)


def powers(base: np.ndarray, n_years: int) -> np.ndarray:
    """base^t for t = 0 .. n_years - 1, shape (n, n_years) (a running product, not pow)."""
    base = np.asarray(base, dtype=np.float64).reshape(-1, 1)
    out = np.empty((base.shape[0], n_years))
    out[:, 0] = 1.0
    out[:, 1:] = base
    return np.cumprod(out, axis=1, out=out)


def restarted(power: np.ndarray, first: int) -> np.ndarray:
    """Powers restarted at column ``first``: 1 up to it, then base^(t - first)."""
    if first <= 0:
        return power
    out = np.ones_like(power)
    if first < power.shape[1]:
        out[:, first:] = power[:, : power.shape[1] - first]
    return out


def accumulate(
    start: np.ndarray, flows: np.ndarray, keep: np.ndarray, power: np.ndarray | None = None
) -> np.ndarray:
    """A stock that loses ``1 - keep`` a year: X_t = X_{t-1} keep + flow_t, X_0 = start + flow_0.

    Closed form X_t = keep^t (start + sum_{j<=t} flow_j keep^-j): one cumsum, no year loop.
    With keep >= 0.9 and at most 35 years, keep^-t stays below 40, far from overflow.

    Parameters
    ----------
    start : (n, 1) stock before the first year [any unit]
    flows : (n, T) additions each year [the stock's unit per year]
    keep : (n, 1) share of the stock that survives a year [0..1]
    power : (n, T) keep^t, when the caller has it (:func:`powers`)
    """
    if power is None:
        power = powers(keep, flows.shape[1])
    return power * (start + np.cumsum(flows / power, axis=1))


def lagged(flows: np.ndarray) -> np.ndarray:
    """Flows shifted one year later: what is spent in year t acts from year t + 1."""
    out = np.zeros_like(flows)
    out[:, 1:] = flows[:, :-1]
    return out


def lagged_stock(
    flows: np.ndarray, keep: np.ndarray, power: np.ndarray | None = None
) -> np.ndarray:
    """What is added in year t works from year t + 1 and then wears at ``1 - keep`` a year.

    X_t = X_{t-1} keep + flow_{t-1}, X_0 = 0 [the flow's unit]: units opened, capacity bought.
    """
    return accumulate(0.0, lagged(flows), keep, power)


def steady_lagged_stock(
    start: np.ndarray, inflow: np.ndarray, keep: np.ndarray, power: np.ndarray
) -> np.ndarray:
    """A stock from ``start`` with the same ``inflow`` every year, each acting from the next.

    X_t = start keep^t + inflow (1 + keep + ... + keep^(t-1)) [the stock's unit]: the closed
    form of :func:`accumulate` with a constant inflow from year 1 on (``power`` is keep^t).
    """
    geometric = np.cumsum(power, axis=1) - power
    return start * power + inflow * geometric


def one_off(stock: np.ndarray) -> np.ndarray:
    """What is added to a stock each year (first differences, never negative)."""
    out = np.maximum(np.diff(stock, axis=1, prepend=0.0), 0.0)
    return out
