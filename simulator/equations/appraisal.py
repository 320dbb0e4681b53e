"""Public cost and its appraisal: what the instruments cost the budget, and present values
over the appraisal period at the social discount rate."""

from __future__ import annotations

import numpy as np

from simulator.equations.units import one_off, rp_tn


def public_cost(
    *,
    extra_adopters: np.ndarray,
    place_units: np.ndarray,
    new_units: np.ndarray,
    extra_investment: np.ndarray,
    cost_online_unit_rp_mn: np.ndarray,
    online_conversion_pct: np.ndarray,
    cost_sales_place_rp_mn: np.ndarray,
    cost_new_unit_rp_mn: np.ndarray,
    subsidy_pct: np.ndarray,
    investment_deadweight_pct: np.ndarray,
) -> np.ndarray:
    """The budget's cost each year [Rp tn].

    e-Smart's budget per trainee over the trainees who go on to sell online; each sales place
    once; each unit a programme supports (deadweight units included); the rebate on all
    subsidised investment, of which the deadweight share would have been invested anyway (so
    the rebate per rupiah of added investment is s / (1 - deadweight)).

    Parameters
    ----------
    extra_adopters : (n, T) units selling online beyond the curve's [units]
    place_units, new_units : (n, T) units in new sales places, programme units [units a year]
    extra_investment : (n, T) investment above the baseline's [Rp tn a year]
    cost_*_rp_mn : (n, 1) the budget's cost per trainee, sales place, new unit [Rp mn]
    online_conversion_pct : (n, 1) trainees who go on to sell online [%]
    subsidy_pct, investment_deadweight_pct : (n, 1) the rebate and its deadweight [%]
    """
    return rp_tn(
        one_off(np.maximum(extra_adopters, 0.0))
        * cost_online_unit_rp_mn
        / (online_conversion_pct / 100.0)
        + one_off(place_units) * cost_sales_place_rp_mn
        + new_units * cost_new_unit_rp_mn
    ) + np.maximum(extra_investment, 0.0) * subsidy_pct / 100.0 / (
        1.0 - investment_deadweight_pct / 100.0
    )


def discount_weights(
    years: np.ndarray, start: np.ndarray, rate_pct: np.ndarray, period: int
) -> np.ndarray:
    """Each year's discount factor to the start year, (1 + r)^-(t - start), within the
    ``period`` years from the start, 0 outside it [ratio]."""
    elapsed = years - start
    window = (elapsed >= 0) & (elapsed < period)
    return np.where(window, (1.0 + rate_pct / 100.0) ** -np.maximum(elapsed, 0), 0.0)


def present_value(flows: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The sum of yearly flows at their discount factors, one per row [the flow's unit]."""
    return (flows * weights).sum(axis=1)
