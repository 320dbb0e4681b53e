"""Demand and displacement: the trend, what policy adds net of what it takes from others, and
what sells within capacity.

New units and new capacity sell part of their output to new buyers and take the rest from
existing firms; the more a segment's sales grow against its market, the more of the gain is
taken from others: d = 1 - (1 - d0) M / (M + N), with M the segment's market on its trend and
N every instrument's gain after its base displacement d0, so the additional sales M N / (M + N)
grow with every instrument and never exceed the market itself.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from simulator.equations.capacity import output_at
from simulator.equations.units import powers, restarted, total


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
    domestic = restarted(powers(1.0 + domestic_growth_pct / 100.0, n_years), first)
    export = restarted(powers(1.0 + export_growth_pct / 100.0, n_years), first)
    return sales_last * ((1.0 - e) * domestic + e * export)


def uplifted_sales(
    units: np.ndarray, unit_output: np.ndarray, uplift_pct: np.ndarray
) -> np.ndarray:
    """What ``units`` sell more when each sells ``uplift_pct`` % more [Rp tn]."""
    return units * unit_output * uplift_pct / 100.0


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


class Gains(NamedTuple):
    """Each instrument's gross gain in sales, before displacement [Rp tn], (n, T)."""

    online: np.ndarray  # new online sellers' uplift
    place: np.ndarray  # units in new sales places' uplift
    invest: np.ndarray  # micro and small units added by investment
    programme: np.ndarray  # programme units
    rest: np.ndarray  # the rest's capacity added by investment


def gains(
    *,
    extra_adopters: np.ndarray,
    place_units: np.ndarray,
    units_invest: np.ndarray,
    units_programme: np.ndarray,
    rest_extra: np.ndarray,
    unit_output: np.ndarray,
    online_uplift_pct: np.ndarray,
    place_uplift_pct: np.ndarray,
    normal_utilisation: np.ndarray,
) -> Gains:
    """Gross gains: units that sell more sell their uplift, new units and new capacity their
    output (a unit's sales; capacity at normal utilisation).

    Parameters
    ----------
    extra_adopters, place_units, units_invest, units_programme : (n, T) [units]
    rest_extra : (n, T) the rest's added capacity [Rp tn]
    unit_output : (n, T) a unit's sales [Rp tn/yr per unit]
    online_uplift_pct, place_uplift_pct : (n, 1) extra sales of a unit [%]
    normal_utilisation : (n, 1) [0..1]
    """
    return Gains(
        online=uplifted_sales(extra_adopters, unit_output, online_uplift_pct),
        place=uplifted_sales(place_units, unit_output, place_uplift_pct),
        invest=total(units_invest, unit_output),
        programme=total(units_programme, unit_output),
        rest=output_at(rest_extra, normal_utilisation),
    )


class Additional(NamedTuple):
    """Each gain net of displacement, as its market limits it [Rp tn], (n, T)."""

    online: np.ndarray
    place: np.ndarray
    invest: np.ndarray
    programme: np.ndarray
    rest: np.ndarray
    market_small: np.ndarray  # what stays additional in micro and small units' market [0..1]
    market_rest: np.ndarray  # the same in the rest's market [0..1]


def additional(
    gross: Gains,
    *,
    small_market: np.ndarray,
    rest_market: np.ndarray,
    online_displacement_pct: np.ndarray,
    place_displacement_pct: np.ndarray,
    capacity_displacement_pct: np.ndarray,
) -> Additional:
    """Additional sales: each gain after its base displacement, scaled by its segment's
    :func:`market_share_kept` (every gain of a segment counts against its market).

    Parameters
    ----------
    gross : the gross gains [Rp tn]
    small_market, rest_market : (n, T) each segment's demand on its trend [Rp tn]
    *_displacement_pct : (n, 1) base displacement d0 of each route [%]
    """
    online = net_of_displacement(gross.online, online_displacement_pct)
    place = net_of_displacement(gross.place, place_displacement_pct)
    invest = net_of_displacement(gross.invest, capacity_displacement_pct)
    programme = net_of_displacement(gross.programme, capacity_displacement_pct)
    rest = net_of_displacement(gross.rest, capacity_displacement_pct)
    market_small = market_share_kept(
        small_market,
        np.maximum(online, 0.0) + np.maximum(place, 0.0) + np.maximum(invest, 0.0) + programme,
    )
    market_rest = market_share_kept(rest_market, np.maximum(rest, 0.0))
    return Additional(
        online=online * market_small,
        place=place * market_small,
        invest=invest * market_small,
        programme=programme * market_small,
        rest=rest * market_rest,
        market_small=market_small,
        market_rest=market_rest,
    )


class Sales(NamedTuple):
    """Demand and what of it sells within capacity [Rp tn], (n, T)."""

    small_demand: np.ndarray
    rest_demand: np.ndarray
    small: np.ndarray  # micro and small units' sales
    rest: np.ndarray  # medium firms' and the rest's sales
    total: np.ndarray
    demand: np.ndarray


def sales(
    *,
    small_trend: np.ndarray,
    rest_trend: np.ndarray,
    added: Additional,
    small_capacity: np.ndarray,
    rest_capacity: np.ndarray,
) -> Sales:
    """Each segment's demand (its trend plus its additional sales, never below zero) and its
    sales, the lesser of demand and capacity [Rp tn]."""
    added_small = added.online + added.place + added.invest + added.programme
    small_demand = np.maximum(small_trend + added_small, 0.0)
    rest_demand = np.maximum(rest_trend + added.rest, 0.0)
    small = np.minimum(small_demand, small_capacity)
    rest = np.minimum(rest_demand, rest_capacity)
    return Sales(
        small_demand=small_demand,
        rest_demand=rest_demand,
        small=small,
        rest=rest,
        total=small + rest,
        demand=small_demand + rest_demand,
    )


def market_gain_pct(market_small: np.ndarray, market_rest: np.ndarray) -> np.ndarray:
    """Policy gains (after base displacement) against their segment's market, the larger of
    the two segments' [%]: 1 / kept - 1, since kept = M / (M + N)."""
    return (
        100.0
        * np.maximum(1.0 / np.maximum(market_small, 1e-12), 1.0 / np.maximum(market_rest, 1e-12))
        - 100.0
    )
