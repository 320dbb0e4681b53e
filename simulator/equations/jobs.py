"""Value added, jobs and exports from sales.

Workers per rupiah of output are pinned to the ministry's count in its year, and fall with
labour productivity after the last observed year; sales that units already working gain
(online, sales places) raise their workers less than one for one (labour hoarding). Exports
keep the offline export share, except the net gain online selling brings.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from simulator.equations.units import per_unit, powers, restarted, usd_mn


def value_added_ratio(
    unit_value_added: np.ndarray, unit_sales: np.ndarray, premium_pct: np.ndarray
) -> np.ndarray:
    """Value added per rupiah of sales, from a unit's survey figures [0..1]: cut so value
    added, online premium included, never exceeds sales."""
    return np.minimum(unit_value_added / unit_sales, 1.0 / (1.0 + premium_pct / 100.0))


def value_added(
    sales: np.ndarray, ratio: np.ndarray, online: np.ndarray, premium_pct: np.ndarray
) -> np.ndarray:
    """Value added [Rp tn]: v x sales, with online sales carrying a premium p.

    V = v (S + p O). The premium is value added per worker (fewer intermediaries; part of
    the IMF's 30 % gap, WP/19/135), so it adds value added without adding workers.
    """
    return ratio * (sales + premium_pct / 100.0 * online)


def value_added_rest(sales: np.ndarray, ratio_pct: np.ndarray) -> np.ndarray:
    """Value added of medium firms and the rest at their ratio to sales [Rp tn]."""
    return ratio_pct / 100.0 * sales


def productivity_factor(years: np.ndarray, last_year: int, growth_pct: np.ndarray) -> np.ndarray:
    """Workers per rupiah of output relative to the last observed year [ratio].

    1 up to the last observed year, then falling by the productivity growth each year.
    """
    return restarted(
        powers(1.0 / (1.0 + growth_pct / 100.0), years.shape[-1]), int(last_year - years.flat[0])
    )


def unit_output_path(unit_output: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """A unit's sales each year [Rp tn/yr per unit]: its workers stay the same, so after the
    last observed year its output grows with output per worker (1 / ``factor``)."""
    return unit_output / factor


def hoarded_sales(
    *,
    existing_gain: np.ndarray,
    demand: np.ndarray,
    sales: np.ndarray,
    capacity: np.ndarray,
    elasticity: np.ndarray,
) -> np.ndarray:
    """Sales that bring no workers [Rp tn]: (1 - elasticity) of what the gains of units
    already working add to sales (sales with them less sales without them; nothing when
    capacity binds before them: the units then run full whatever sells).

    Parameters
    ----------
    existing_gain : (n, T) additional sales of units already working [Rp tn]
    demand, sales, capacity : (n, T) micro and small units' [Rp tn]
    elasticity : (n, 1) workers' response to those sales [0..1]
    """
    without = np.minimum(np.maximum(demand - existing_gain, 0.0), capacity)
    return (1.0 - elasticity) * (sales - without)


def jobs(sales: np.ndarray, workers_per_rp: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """Workers [persons]: sales x workers per rupiah in the count year x the productivity
    factor."""
    return sales * workers_per_rp * factor


def units_on_capacity(
    capacity: np.ndarray, units_anchor: np.ndarray, anchor: np.ndarray
) -> np.ndarray:
    """Units that follow capacity from a count: capacity x units / capacity in the count's
    year [units]."""
    return capacity * (units_anchor / anchor)


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
    return usd_mn(rp_tn, exchange_rate)


class Jobs(NamedTuple):
    """Direct workers by segment [persons], (n, T)."""

    small: np.ndarray
    medium: np.ndarray


def direct_jobs(
    *,
    small_sales: np.ndarray,
    rest_sales: np.ndarray,
    hoarded: np.ndarray,
    small_per_rp: np.ndarray,
    rest_per_rp: np.ndarray,
    factor: np.ndarray,
) -> Jobs:
    """Micro and small units' workers on their sales less the hoarded part; medium firms'
    workers on the sales of medium firms and the unexplained rest together (the rest carries
    no counted workers of its own).

    Parameters
    ----------
    small_sales, rest_sales, hoarded : (n, T) [Rp tn]
    small_per_rp, rest_per_rp : (n, 1) workers per rupiah in the count year [persons per Rp tn]
    factor : (n, T) workers per rupiah relative to the last observed year [ratio]
    """
    return Jobs(
        small=jobs(small_sales - hoarded, small_per_rp, factor),
        medium=jobs(rest_sales, rest_per_rp, factor),
    )


def workers_per_rp(workers: np.ndarray, sales: np.ndarray) -> np.ndarray:
    """Workers per rupiah of output [persons per Rp tn]."""
    return per_unit(workers, sales)


def supplier_jobs_per_rp(
    jobs_per_rp: np.ndarray, import_leakage_pct: np.ndarray, factor: np.ndarray
) -> np.ndarray:
    """Suppliers' persons per rupiah of the footwear segments' extra demand [persons per Rp
    tn]: what is not imported, at the suppliers' persons per rupiah, falling with labour
    productivity like the segments' own."""
    return (1.0 - import_leakage_pct / 100.0) * jobs_per_rp * factor


def wider_jobs(
    sales_change: np.ndarray, type1: np.ndarray, type2: np.ndarray, per_rp: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Indirect and induced jobs of a change in sales [persons]: (Type I - 1) of the change
    asked of suppliers, and (Type II - Type I) more through the wages spent, each at the
    suppliers' persons per rupiah (never negative for the induced multiplier's part)."""
    indirect = sales_change * (type1 - 1.0) * per_rp
    induced = sales_change * np.maximum(type2 - type1, 0.0) * per_rp
    return indirect, induced
