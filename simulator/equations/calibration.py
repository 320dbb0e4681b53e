"""The calibration: the ministry's count split into segments, replayed on the sector's growth.

Micro and small units (1 to 19 workers) are the count less the medium firms; in 2016 each
sells the survey's amount (cut so the unexplained rest keeps at least a share of the total);
medium firms make their workers' output at the published output per worker; what neither
explains is the unexplained rest. Each part follows the sector's published real growth
(the methodology page, "the reconciliation").
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from simulator.equations.units import per_unit, rp_tn, total, yearly_rp_tn


class Count(NamedTuple):
    """The ministry's count of footwear IKM split into medium firms and micro and small units."""

    medium_workers: np.ndarray  # [persons]
    small_units: np.ndarray  # [units]
    small_workers: np.ndarray  # [persons]
    workers_clipped: np.ndarray  # [bool] the count's workers do not fill one per small unit


def count_split(
    ikm_units: np.ndarray,
    ikm_workers: np.ndarray,
    medium_units: np.ndarray,
    medium_workers_per_unit: np.ndarray,
) -> Count:
    """Micro and small units are the count's units less the medium firms (at least one), with
    the count's workers less the medium firms' (at least one per unit).

    Parameters
    ----------
    ikm_units, ikm_workers : (n, 1) the count of IKM units [units] and workers [persons]
    medium_units : (n, 1) medium firms [units]
    medium_workers_per_unit : (n, 1) [persons per unit]
    """
    medium_workers = total(medium_units, medium_workers_per_unit)
    small_units = np.maximum(ikm_units - medium_units, 1.0)
    small_workers = np.maximum(ikm_workers - medium_workers, small_units)
    return Count(
        medium_workers, small_units, small_workers, ikm_workers - medium_workers < small_units
    )


def growth_index(series: np.ndarray, level_2016: np.ndarray) -> np.ndarray:
    """A series relative to its 2016 level [ratio, 1 in 2016]."""
    return series / level_2016


def backcast(value: np.ndarray, index: np.ndarray) -> np.ndarray:
    """A year's value taken back to 2016 along a growth index [the value's unit]."""
    return value / index


def on_index(level_2016: np.ndarray, index: np.ndarray) -> np.ndarray:
    """A 2016 level carried along a growth index [the level's unit]."""
    return level_2016 * index


def annual_growth_pct(index: np.ndarray, years: int) -> np.ndarray:
    """The yearly growth that compounds to ``index`` over ``years`` [% a year]."""
    return 100.0 * (index ** (1.0 / years) - 1.0)


class Segments(NamedTuple):
    """The 2016 split of production and its observed path, by segment."""

    units_2016: np.ndarray  # micro and small units [units]
    unit_output: np.ndarray  # a micro or small unit's sales, after the cut [Rp tn/yr per unit]
    unit_output_clipped: np.ndarray  # [bool] the survey's sales were cut
    rest_2016: np.ndarray  # medium firms and the unexplained rest [Rp tn]
    medium_share: np.ndarray  # medium firms' share of the rest [0..1]
    medium_clipped: np.ndarray  # [bool] the medium firms' output was cut to the rest
    small_observed: np.ndarray  # (n, T) micro and small units' production [Rp tn]
    rest_observed: np.ndarray  # (n, T) the rest's production [Rp tn]


def segments(
    *,
    index: np.ndarray,
    index_count: np.ndarray,
    small_units: np.ndarray,
    unit_sales_rp_mn: np.ndarray,
    production_2016: np.ndarray,
    medium_workers: np.ndarray,
    medium_output_per_worker_rp_mn: np.ndarray,
    small_share_max: float,
) -> Segments:
    """Production split into micro and small units, medium firms and the unexplained rest.

    Parameters
    ----------
    index : (n, T) the sector's real growth index [1 in 2016]
    index_count : (n, 1) the index in the count year [ratio]
    small_units : (n, 1) micro and small units in the count year [units]
    unit_sales_rp_mn : (n, 1) a unit's sales by the survey [Rp mn a month]
    production_2016 : (n, 1) the sector's production in 2016 [Rp tn]
    medium_workers : (n, 1) medium firms' workers in the count year [persons]
    medium_output_per_worker_rp_mn : (n, 1) [Rp mn a year per worker]
    small_share_max : micro and small units make at most this share of 2016 production [0..1]
    """
    unit_output = yearly_rp_tn(unit_sales_rp_mn)  # [Rp tn/yr per unit]
    medium_output = rp_tn(total(medium_workers, medium_output_per_worker_rp_mn))  # [Rp tn]
    units_2016 = backcast(small_units, index_count)
    small_2016 = np.minimum(total(units_2016, unit_output), small_share_max * production_2016)
    unit_output_clipped = small_2016 < units_2016 * unit_output
    rest_2016 = production_2016 - small_2016
    medium_2016 = backcast(medium_output, index_count)
    return Segments(
        units_2016=units_2016,
        unit_output=per_unit(small_2016, units_2016),
        unit_output_clipped=unit_output_clipped,
        rest_2016=rest_2016,
        medium_share=np.minimum(medium_2016 / rest_2016, 1.0),
        medium_clipped=medium_2016 > rest_2016,
        small_observed=on_index(small_2016, index),
        rest_observed=on_index(rest_2016, index),
    )


def medium_and_other(rest: np.ndarray, medium_share: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rest split into medium firms' part and the unexplained part [the rest's unit]."""
    return rest * medium_share, rest * (1.0 - medium_share)


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
