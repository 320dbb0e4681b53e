"""The model's equations, one small pure function each (pvlib's habit).

Arrays have shape (n scenarios, years) or broadcast to it: parameters enter as (n, 1)
columns, calendar years as a (1, years) row. Units are in brackets; "Rp tn" is Rp trillion
a year in constant 2016 prices. Each function cites where its form or numbers come from;
``tests/test_equations.py`` checks each against numbers worked by hand.
"""

from __future__ import annotations

import numpy as np

RP_MN_PER_TN = 1e6  # Rp million in one Rp trillion


def powers(base: np.ndarray, n_years: int) -> np.ndarray:
    """base^t for t = 0 .. n_years - 1, shape (n, n_years) (a running product, not pow)."""
    base = np.asarray(base, dtype=np.float64).reshape(-1, 1)
    out = np.empty((base.shape[0], n_years))
    out[:, 0] = 1.0
    out[:, 1:] = base
    return np.cumprod(out, axis=1, out=out)


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
    """
    if power is None:
        power = powers(keep, flows.shape[1])
    return power * (start + np.cumsum(flows / power, axis=1))


def lagged(flows: np.ndarray) -> np.ndarray:
    """Flows shifted one year later: what is spent in year t acts from year t + 1."""
    out = np.zeros_like(flows)
    out[:, 1:] = flows[:, :-1]
    return out


def small_investment_share(
    units_2016: np.ndarray,
    growth_pct: np.ndarray,
    keep: np.ndarray,
    unit_investment_rp_tn: np.ndarray,
    investment_rp_tn: np.ndarray,
) -> np.ndarray:
    """Share of IKM investment that goes to micro and small units [0..1].

    What the trend of unit numbers needs in 2016: new units (growth) and replacements
    (attrition), each at the set-up investment of one unit, over the year's investment.
    The same share splits any investment added by policy, so one rupiah buys the same
    capacity whichever route it takes (set-up of programme units or the investment lever).
    """
    need = units_2016 * (growth_pct / 100.0 + 1.0 - keep) * unit_investment_rp_tn
    return np.clip(need / np.maximum(investment_rp_tn, 1e-12), 0.0, 1.0)


def calibrate_capacity_cost(
    capacity_start: np.ndarray,
    capacity_target: np.ndarray,
    yearly_investment: np.ndarray,
    keep: np.ndarray,
    years: int,
) -> np.ndarray:
    """Rupiah of annual capacity added per rupiah invested, 1 / k [Rp tn per Rp tn].

    Solves C_target = C_start keep^y + (I / k) (1 + keep + ... + keep^(y-1)) for 1/k: the
    investment of the years in between, acting from the following year, brings capacity from
    where it was to where published utilisation puts it. Clipped at 0 (capacity that falls
    faster than attrition would need negative investment).
    """
    weights = sum(keep**j for j in range(years))
    gain = capacity_target - capacity_start * keep**years
    return np.maximum(gain / (yearly_investment * weights), 0.0)


def logistic_fit(
    years: np.ndarray, shares_pct: np.ndarray, ceiling_pct: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Least-squares logistic through observed shares below a ceiling.

    Fits logit(s / S) = a + r (t - mean t) by ordinary least squares (the linearised
    Verhulst diffusion curve), one fit per row of ``ceiling_pct``.

    Returns (r [per year], a), each (n, 1).
    """
    x = years - years.mean()
    ratio = np.clip(shares_pct[None, :] / ceiling_pct, 1e-6, 1 - 1e-6)
    logit = np.log(ratio / (1.0 - ratio))
    intercept = logit.mean(axis=1, keepdims=True)
    rate = ((logit - intercept) * x).sum(axis=1, keepdims=True) / (x * x).sum()
    return rate, intercept


def diffusion(
    years: np.ndarray,
    ceiling_pct: np.ndarray,
    rate: np.ndarray,
    intercept: np.ndarray,
    centre: float,
) -> np.ndarray:
    """Share selling online on the fitted curve, S / (1 + exp(-(a + r (t - centre)))) [0..1]."""
    return ceiling_pct / 100.0 / (1.0 + np.exp(-(intercept + rate * (years - centre))))


def policy_share(
    baseline: np.ndarray,
    years: np.ndarray,
    start: np.ndarray,
    target_pct: np.ndarray,
    target_year: np.ndarray,
    max_pace_pp: np.ndarray,
) -> np.ndarray:
    """Share selling online with a programme [0..1].

    From the baseline's share in the year before the policy starts, a straight path to the
    target by the target year, never steeper than the fastest observed pace; the share
    never falls below the baseline's own (adoption that would happen anyway is not the
    programme's: deadweight) and stays at or under 100 %.
    """
    before = np.where(years == start - 1, baseline, 0.0).sum(axis=1, keepdims=True)
    target = target_pct / 100.0
    span = np.maximum(target_year - start + 1.0, 1.0)
    slope = np.minimum(np.maximum(target - before, 0.0) / span, max_pace_pp / 100.0)
    path = np.minimum(before + slope * (years - start + 1.0), target)
    return np.clip(np.where(years >= start, np.maximum(baseline, path), baseline), 0.0, 1.0)


def trend_demand(
    sales_last: np.ndarray,
    years: np.ndarray,
    last_year: int,
    domestic_growth_pct: np.ndarray,
    export_growth_pct: np.ndarray,
    export_share_pct: np.ndarray,
) -> np.ndarray:
    """Demand on its trend after the last observed year [Rp tn].

    D_t = S_L ((1 - e) (1 + g_d)^(t - L) + e (1 + g_x)^(t - L)): what buyers took in the
    last observed year, its domestic part growing with domestic demand, its exported part
    with export demand.
    """
    n_years = years.shape[-1]
    first = int(last_year - years.flat[0])
    e = export_share_pct / 100.0
    domestic = _from(powers(1.0 + domestic_growth_pct / 100.0, n_years), first)
    export = _from(powers(1.0 + export_growth_pct / 100.0, n_years), first)
    return sales_last * ((1.0 - e) * domestic + e * export)


def _from(power: np.ndarray, first: int) -> np.ndarray:
    """Powers restarted at column ``first``: 1 up to it, then base^(t - first)."""
    if first <= 0:
        return power
    out = np.ones_like(power)
    if first < power.shape[1]:
        out[:, first:] = power[:, : power.shape[1] - first]
    return out


def net_of_displacement(gross: np.ndarray, displacement_pct: np.ndarray) -> np.ndarray:
    """Additional sales: the gross gain less what is taken from other firms [Rp tn]."""
    return gross * (1.0 - displacement_pct / 100.0)


def market_share_kept(market: np.ndarray, gain: np.ndarray) -> np.ndarray:
    """What of a gain stays additional as it grows against its market: M / (M + N) [0..1].

    ``gain`` N is the instruments' gain after their base displacement d0. The additional
    sales are N M / (M + N): the displacement d = 1 - (1 - d0) M / (M + N) rises from d0
    for a small gain towards 100 % as the gain outgrows its market, the additional sales
    grow with every instrument and never exceed the market M (the UK additionality guides'
    displacement, growing with the scale of the expansion).
    """
    total = market + gain
    return np.where(total > 0, market / np.maximum(total, 1e-300), 0.0)


def online_sales(sales: np.ndarray, share: np.ndarray, uplift_pct: np.ndarray) -> np.ndarray:
    """Sales made online [Rp tn]: the adopters' part of sales, which sell (1 + m) as much."""
    m = uplift_pct / 100.0
    return sales * share * (1.0 + m) / (1.0 + share * m)


def value_added(
    sales: np.ndarray, ratio: np.ndarray, online: np.ndarray, premium_pct: np.ndarray
) -> np.ndarray:
    """Value added [Rp tn]: v x sales, with online sales carrying a premium p.

    V = v (S + p O). The premium is value added per worker (fewer intermediaries; part of
    the IMF's 30 % gap, WP/19/135), so it adds value added without adding workers.
    """
    return ratio * (sales + premium_pct / 100.0 * online)


def productivity_factor(years: np.ndarray, last_year: int, growth_pct: np.ndarray) -> np.ndarray:
    """Workers per rupiah of output relative to the last observed year [ratio].

    1 up to the last observed year, then falling by the productivity growth each year.
    """
    return _from(
        powers(1.0 / (1.0 + growth_pct / 100.0), years.shape[-1]), int(last_year - years.flat[0])
    )


def exports_usd_mn(
    sales: np.ndarray,
    online: np.ndarray,
    uplift_pct: np.ndarray,
    displacement_pct: np.ndarray,
    offline_share_pct: np.ndarray,
    online_share_pct: np.ndarray,
    exchange_rate: np.ndarray,
) -> np.ndarray:
    """Exports [USD million, 2016 prices and exchange rate].

    What a unit sold before it went online keeps the offline export share; only the net
    gain that online selling brings, O m (1 - d) / (1 + m), is exported at the online share
    (BPS: 0.92 % of e-commerce transactions go abroad).
    """
    m = uplift_pct / 100.0
    gain = online * m * (1.0 - displacement_pct / 100.0) / (1.0 + m)
    rp_tn = (sales - gain) * offline_share_pct / 100.0 + gain * online_share_pct / 100.0
    return rp_tn * RP_MN_PER_TN / exchange_rate


def one_off(stock: np.ndarray) -> np.ndarray:
    """What is added to a stock each year (first differences, never negative)."""
    out = np.maximum(np.diff(stock, axis=1, prepend=0.0), 0.0)
    return out


def shares3(jabar_pct: np.ndarray, jatim_pct: np.ndarray) -> np.ndarray:
    """West Java, East Java and the rest as fractions, shape (n, 3, 1)."""
    jabar, jatim = np.broadcast_arrays(jabar_pct / 100.0, jatim_pct / 100.0)
    rest = np.maximum(1.0 - jabar - jatim, 0.0)
    return np.stack([jabar, jatim, rest], axis=1)
