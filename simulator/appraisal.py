"""The appraisal basis of budgets and goals: present values over a fixed period.

A budget for the allocation (:mod:`simulator.allocate`) is the **present value of public
cost over the model's appraisal period** (:data:`simulator.model.APPRAISAL_YEARS`, ten years
from the policy start), discounted at the scenario's social discount rate (the parameter
``discount_rate``, 9 % a year after the Asian Development Bank's *Guidelines for the Economic
Analysis of Projects*, 2017), so that it does not depend on the years the page shows. It is
the same basis as the model's own appraisal (:attr:`simulator.model.Result.appraisal`, the
cost per net additional job-year): ``tests/test_allocate.py`` checks that the two agree. A
goal is measured on the same basis: the present value of the scenario's effect over the
period (for jobs: net direct job-years).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from simulator.model import APPRAISAL_YEARS, HORIZON, Result
from simulator.params import ParameterTable, load_parameters

__all__ = [
    "APPRAISAL_YEARS",
    "appraisal_end_year",
    "discount_rate",
    "discount_weights",
    "effect_pv",
    "present_value",
    "public_cost_pv",
]


def discount_rate(values: Mapping[str, float], table: ParameterTable | None = None) -> float:
    """The scenario's social discount rate [% a year]: its ``discount_rate`` setting, or the
    parameter's central value."""
    table = table or load_parameters()
    return float(values.get("discount_rate", table["discount_rate"].value))


def appraisal_end_year(policy_start: int) -> int:
    """The last year of the appraisal period (cut at the model's horizon)."""
    return min(int(policy_start) + APPRAISAL_YEARS - 1, HORIZON)


def discount_weights(years: np.ndarray, policy_start: int, rate_pct: float) -> np.ndarray:
    """Weight of each year [1]: (1 + r)^-(t - start) inside the appraisal period, else 0."""
    years = np.asarray(years, dtype=np.float64)
    inside = (years >= policy_start) & (years <= appraisal_end_year(policy_start))
    return np.where(inside, (1.0 + rate_pct / 100.0) ** -(years - policy_start), 0.0)


def present_value(
    series: np.ndarray, years: np.ndarray, policy_start: int, rate_pct: float
) -> np.ndarray:
    """Present value at the policy start of yearly ``series`` (n, years) over the period."""
    return np.asarray(series) @ discount_weights(years, policy_start, rate_pct)


def public_cost_pv(result: Result, policy_start: int, rate_pct: float) -> np.ndarray:
    """PV of public cost [Rp tn, 2016 prices] of each scenario of ``result`` over the
    appraisal period. ``result`` must reach :func:`appraisal_end_year`."""
    _check_reach(result, policy_start)
    return present_value(result["programme_cost_rp_tn"], result.years, policy_start, rate_pct)


def effect_pv(result: Result, output: str, policy_start: int, rate_pct: float) -> np.ndarray:
    """PV of each scenario's effect on ``output`` over the appraisal period (for jobs: net
    direct job-years; for money: Rp tn or USD mn of 2016)."""
    _check_reach(result, policy_start)
    return present_value(result.effect(output), result.years, policy_start, rate_pct)


def _check_reach(result: Result, policy_start: int) -> None:
    if int(result.years[-1]) < appraisal_end_year(policy_start):
        raise ValueError(
            f"the run ends in {int(result.years[-1])}, before the appraisal period's end "
            f"({appraisal_end_year(policy_start)})"
        )
