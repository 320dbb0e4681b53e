"""The regional split over the regions of ``data/regions.csv`` (West Java, East Java, the
rest of Indonesia).

Each part of micro and small units' demand arises where it arises: gains in their own region;
what they take from others is lost by the existing units (never more than those sell), spread
over all regions, except a sales place's, which its own market's sellers lose (a market in
Bogor takes from Bogor sellers) as far as they exist there. Arrays gain a region axis:
(n, R, T), in the file's order, the rest last.
"""

from __future__ import annotations

import numpy as np

from simulator.equations.demand import Additional, Gains


def shares(pcts: np.ndarray) -> np.ndarray:
    """Each region's fraction of a whole [0..1], shape (n, R, 1), in the order of
    ``data/regions.csv``.

    ``pcts`` (n, R-1) are the named regions' percentages [%] (the rows of one share group of
    the parameter table); the last region, the rest of Indonesia, takes what they leave,
    never below 0: ``rest = 1 - sum(pcts) / 100``.
    """
    named = np.asarray(pcts, dtype=np.float64) / 100.0
    rest = np.ones_like(named[:, :1])
    for r in range(named.shape[1]):  # one region at a time: 1 - a - b, as written above
        rest = rest - named[:, r : r + 1]
    return np.concatenate([named, np.maximum(rest, 0.0)], axis=1)[:, :, None]


def share_sold(demand: np.ndarray, sales: np.ndarray) -> np.ndarray:
    """The share of demand that is sold [0..1] (below 1 when capacity binds; 0 without
    demand)."""
    return np.where(demand > 0, sales / np.maximum(demand, 1e-12), 0.0)


def small_sales_by_region(
    *,
    gross: Gains,
    added: Additional,
    small_trend: np.ndarray,
    sold: np.ndarray,
    base: np.ndarray,
    new: np.ndarray,
    place: np.ndarray,
) -> np.ndarray:
    """Micro and small units' sales by region [Rp tn], (n, R, T).

    Parameters
    ----------
    gross, added : each instrument's gross and additional sales [Rp tn]
    small_trend : (n, T) micro and small units' demand on its trend [Rp tn]
    sold : (n, T) the share of their demand that sells [0..1]
    base, new, place : (n, R, 1) where production is, where programme units open, where
        sales places open [0..1]
    """
    gains = gross.online + gross.invest + gross.programme + gross.place
    disp_place = gross.place - added.place
    displaced = gains - (added.online + added.invest + added.programme + added.place)
    lost = np.minimum(displaced, small_trend)  # by existing units
    unsold = np.where(gains > 0, (displaced - lost) / np.maximum(gains, 1e-300), 0.0)
    lost_place = np.where(displaced > 0, lost * disp_place / np.maximum(displaced, 1e-300), 0.0)
    existing = (small_trend - (lost - lost_place))[:, None, :] * base
    wanted = lost_place[:, None, :] * place
    local = np.minimum(wanted, existing)
    left = existing - local
    excess = (wanted - local).sum(axis=1, keepdims=True)
    total_left = left.sum(axis=1, keepdims=True)
    left = left - np.where(total_left > 0, excess * left / np.maximum(total_left, 1e-300), 0)
    kept = (1.0 - unsold)[:, None, :]
    return sold[:, None, :] * (
        left
        + kept
        * (
            (gross.online + gross.invest)[:, None, :] * base
            + gross.programme[:, None, :] * new
            + gross.place[:, None, :] * place
        )
    )


def hoarded_by_region(
    *,
    hoarded: np.ndarray,
    added: Additional,
    existing_gain: np.ndarray,
    base: np.ndarray,
    place: np.ndarray,
) -> np.ndarray:
    """Hoarded sales (no workers) by region, where the gains of units already working arise
    [Rp tn], (n, R, T)."""
    where = added.online[:, None, :] * base + added.place[:, None, :] * place
    share = np.where(
        existing_gain[:, None, :] > 0,
        where / np.maximum(existing_gain[:, None, :], 1e-300),
        0.0,
    )
    return hoarded[:, None, :] * share


def regions(
    *,
    gross: Gains,
    added: Additional,
    small_trend: np.ndarray,
    small_demand: np.ndarray,
    small_sales: np.ndarray,
    rest_sales: np.ndarray,
    existing_gain: np.ndarray,
    hoarded: np.ndarray,
    small_per_rp: np.ndarray,
    rest_per_rp: np.ndarray,
    factor: np.ndarray,
    units_spread: np.ndarray,
    units_programme: np.ndarray,
    base: np.ndarray,
    new: np.ndarray,
    place: np.ndarray,
) -> dict[str, np.ndarray]:
    """Production [Rp tn], jobs [persons] and units [units] by region, each (n, R, T).

    Parameters
    ----------
    small_demand, small_sales, rest_sales : (n, T) [Rp tn]
    existing_gain, hoarded : (n, T) gains of units already working, and the hoarded part
    small_per_rp, rest_per_rp : (n, 1) workers per rupiah in the count year [persons per Rp tn]
    factor : (n, T) or (1, T) workers per rupiah relative to the last observed year [ratio]
    units_spread : (n, T) units spread like production (on the trend, from investment,
        medium firms) [units]
    units_programme : (n, T) programme units, where they open [units]
    base, new, place : (n, R, 1) the regional shares [0..1]
    """
    small_r = small_sales_by_region(
        gross=gross,
        added=added,
        small_trend=small_trend,
        sold=share_sold(small_demand, small_sales),
        base=base,
        new=new,
        place=place,
    )
    hoarded_r = hoarded_by_region(
        hoarded=hoarded, added=added, existing_gain=existing_gain, base=base, place=place
    )
    rest_r = rest_sales[:, None, :] * base
    labour = factor[:, None, :] if factor.ndim == 2 else factor
    return {
        "production_rp_tn": small_r + rest_r,
        "jobs": (
            (small_r - hoarded_r) * small_per_rp[:, None, :] + rest_r * rest_per_rp[:, None, :]
        )
        * labour,
        "units": units_spread[:, None, :] * base + units_programme[:, None, :] * new,
    }
