"""Capacity: what the segments can make, and how investment and new units add to it.

Spending in year t acts from t + 1 and wears out at the attrition rate; what was produced in
an observed year was within capacity, whatever the model says. Micro and small units' capacity
follows their number at a unit's output and normal utilisation; medium firms' (and the
unexplained rest's) follows investment at the calibrated capacity per rupiah.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from simulator.equations.units import fraction, lagged_stock, total, units_for


def split_investment(
    investment: np.ndarray, small_share: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Investment split into micro and small units' part and the rest's part [Rp tn]."""
    return small_share * investment, (1.0 - small_share) * investment


def capacity_for(output: np.ndarray, utilisation: np.ndarray) -> np.ndarray:
    """The capacity that makes ``output`` at ``utilisation`` [0..1]: output / u [Rp tn]."""
    return output / utilisation


def output_at(capacity: np.ndarray, utilisation: np.ndarray) -> np.ndarray:
    """What ``capacity`` makes at ``utilisation`` [0..1]: capacity x u [Rp tn]."""
    return capacity * utilisation


def covers_observed(
    capacity: np.ndarray, production: np.ndarray, observed: np.ndarray
) -> np.ndarray:
    """Capacity at least what was produced in the observed years [Rp tn]."""
    return np.where(observed, np.fmax(capacity, production), capacity)


def programme_survivors(
    new_units: np.ndarray, deadweight_pct: np.ndarray, survival_pct: np.ndarray
) -> np.ndarray:
    """Programme units beyond what would have opened anyway (deadweight), and of those the
    ones that survive their first years [units a year]: N (1 - d / 100) s / 100."""
    opened = new_units * (1.0 - fraction(deadweight_pct))
    return opened * survival_pct / 100.0


def floored_change(level: np.ndarray, change: np.ndarray) -> np.ndarray:
    """A change that never takes the level below zero [the level's unit]: investment below
    the baseline's takes away units the trend would have opened or kept, never more units than
    there are."""
    return np.maximum(level + change, 0.0) - level


class Capacity(NamedTuple):
    """Capacity and the units behind it, each (n, T)."""

    rest_extra: np.ndarray  # the rest's capacity added by investment [Rp tn]
    rest: np.ndarray  # medium firms' and the rest's capacity [Rp tn]
    units_invest: np.ndarray  # micro and small units added by investment [units]
    units_programme: np.ndarray  # programme units working [units]
    units_small: np.ndarray  # micro and small units [units]
    small: np.ndarray  # micro and small units' capacity [Rp tn]
    total: np.ndarray  # all capacity [Rp tn]


def capacity(
    *,
    extra_investment: np.ndarray,
    new_units: np.ndarray,
    small_share: np.ndarray,
    capacity_per_rp: np.ndarray,
    unit_capital: np.ndarray,
    keep: np.ndarray,
    power: np.ndarray,
    deadweight_pct: np.ndarray,
    survival_pct: np.ndarray,
    units_trend: np.ndarray,
    unit_output: np.ndarray,
    normal_utilisation: np.ndarray,
    rest_base: np.ndarray,
    small_observed: np.ndarray,
    observed: np.ndarray,
) -> Capacity:
    """Capacity with the instruments, from the year after they are spent.

    Parameters
    ----------
    extra_investment : (n, T) investment above the baseline's [Rp tn a year]
    new_units : (n, T) units a programme opens [units a year]
    small_share : (n, 1) micro and small units' share of investment [0..1]
    capacity_per_rp : (n, 1) the rest's capacity bought by a rupiah [Rp tn per Rp tn]
    unit_capital : (n, 1) set-up investment of a unit [Rp tn per unit]
    keep, power : (n, 1) share surviving a year [0..1] and its powers keep^t, (n, T)
    deadweight_pct, survival_pct : (n, 1) programme deadweight and survival [%]
    units_trend : (n, T) micro and small units on the baseline's trend [units]
    unit_output : (n, T) a unit's sales [Rp tn/yr per unit]
    normal_utilisation : (n, 1) [0..1]
    rest_base : (n, T) the rest's capacity with the baseline's investment [Rp tn]
    small_observed : (n, T) micro and small units' production [Rp tn]
    observed : (1, T) the years that replay published data [bool]
    """
    small_investment, rest_investment = split_investment(extra_investment, small_share)
    rest_extra = lagged_stock(rest_investment * capacity_per_rp, keep, power)
    units_invest = lagged_stock(units_for(small_investment, unit_capital), keep, power)
    units_programme = lagged_stock(
        programme_survivors(new_units, deadweight_pct, survival_pct), keep, power
    )
    units_invest = floored_change(units_trend, units_invest)
    units_small = units_trend + units_invest + units_programme
    small = capacity_for(total(units_small, unit_output), normal_utilisation)
    small = covers_observed(small, small_observed, observed)
    rest = rest_base + rest_extra
    return Capacity(
        rest_extra=rest_extra,
        rest=rest,
        units_invest=units_invest,
        units_programme=units_programme,
        units_small=units_small,
        small=small,
        total=small + rest,
    )
