"""Online adoption: the baseline's diffusion curve and a programme's path above it.

The share of micro and small units selling online follows a logistic curve fitted to the
observed shares (Verhulst diffusion); a programme lifts it towards its target, no faster
than the fastest observed pace, and never below the curve (adoption that happens anyway is
not the programme's).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from simulator.equations.units import total


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


def programme_target(value_pct: np.ndarray, no_programme_pct: float) -> np.ndarray:
    """The programme's target share [%]: 0 (no programme) when the lever is at its table
    value, which means "no programme", so the share follows the curve."""
    return np.where(value_pct == no_programme_pct, 0.0, value_pct)


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


class Adoption(NamedTuple):
    """Online selling with the programme."""

    target: np.ndarray  # the programme's target, 0 for none [%]
    share: np.ndarray  # (n, T) share of micro and small units selling online [0..1]
    extra_adopters: np.ndarray  # (n, T) units selling online beyond the curve's [units]


def online_adoption(
    *,
    lever_pct: np.ndarray,
    no_programme_pct: float,
    baseline: np.ndarray,
    years: np.ndarray,
    start: np.ndarray,
    target_year: np.ndarray,
    max_pace_pp: np.ndarray,
    units: np.ndarray,
) -> Adoption:
    """The programme's share of units selling online and the adopters it adds.

    Parameters
    ----------
    lever_pct : (n, 1) the online-adoption lever [%]
    no_programme_pct : the lever's table value, meaning no programme [%]
    baseline : (n, T) the curve's share [0..1]
    years : (1, T) calendar years; start, target_year : (n, 1) [year]
    max_pace_pp : (n, 1) the fastest observed rise [percentage points a year]
    units : (n, T) micro and small units [units]
    """
    target = programme_target(lever_pct, no_programme_pct)
    share = policy_share(baseline, years, start, target, target_year, max_pace_pp)
    return Adoption(target, share, total(share - baseline, units))


def online_sales(sales: np.ndarray, share: np.ndarray, uplift_pct: np.ndarray) -> np.ndarray:
    """Sales made online [Rp tn]: the adopters' part of sales, which sell (1 + m) as much."""
    m = uplift_pct / 100.0
    return sales * share * (1.0 + m) / (1.0 + share * m)
