"""The footwear IKM model: pure, vectorised numpy, one call for many scenarios.

Annual steps from 2016 (the calibration year) to ``end_year``. Every array below has
shape (n_scenarios, n_years); parameters enter as columns of shape (n, 1). No I/O and no
Streamlit: the function takes numbers and returns numbers.

Equations (the methodology page explains and sources each one):

    normal output     Y_t = Y_{t-1} (1 - a) + I_t / k + N_t * y          [Rp tn/yr]
    capacity          K_t = Y_t / u                                       [Rp tn/yr]
    online share      s_t : S-curve from s_0 (2017) to the end-year target [0..1]
    demand            D_t = Y_t (1 + s_t m) / (1 + s_0 m) + P_t y q        [Rp tn/yr]
    sales=production  S_t = min(D_t, K_t)                                 [Rp tn/yr]
    value added       V_t = v S_t                                         [Rp tn/yr]
    jobs              J_t = S_t * (U_0 w / Y_0) / (1 + g_L)^t             [persons]
    wider jobs        indirect = J_t r_I, induced = J_t r_D (estimates)   [persons]
    exports           X_t = ((S_t - O_t) e_off + O_t e_on) / fx           [USD mn]

with a attrition, I investment, k the capital-output ratio, N new programme units and y
the output of one survey-size unit, u normal utilisation, m the online sales uplift,
P sales-place units and q their uplift, v the value-added ratio, U_0 the 2016 units,
w workers per unit, g_L labour productivity growth, O_t online sales.

Sources: Kemenperin via the source article (22.98, 24.25, 2.8, 14, 6.8, 49.62 %, 32.30 %);
others as cited in data/parameters.csv.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from simulator.params import ParameterTable, load_parameters
from simulator.scenario import Scenario, ScenarioError, check_shares, check_value

BASE_YEAR = 2016
# The year the online S-curve leaves its starting share (the 4 % is a 2017 reading).
ONLINE_START_YEAR = 2017
REGIONS = ("jawa_barat", "jawa_timur", "lainnya")
LEVERS = ("investment", "new_units", "sales_place_units", "online_adoption")

# Output columns of the yearly table, in order; each with its unit for documentation.
OUTPUTS: dict[str, str] = {
    "units": "units",
    "online_units": "units",
    "production_rp_tn": "Rp trillion",
    "sales_rp_tn": "Rp trillion",
    "online_sales_rp_tn": "Rp trillion",
    "value_added_rp_tn": "Rp trillion",
    "jobs": "persons",
    "jobs_indirect": "persons",
    "jobs_induced": "persons",
    "exports_usd_mn": "USD million",
    "capacity_rp_tn": "Rp trillion",
    "utilisation_pct": "%",
    "demand_rp_tn": "Rp trillion",
    "unmet_demand_rp_tn": "Rp trillion",
    "investment_rp_tn": "Rp trillion",
    "online_share_pct": "%",
}
REGION_OUTPUTS: dict[str, str] = {
    "units": "units",
    "production_rp_tn": "Rp trillion",
    "jobs": "persons",
}

RP_MN_PER_TN = 1e6  # Rp million in one Rp trillion


@dataclass(frozen=True)
class Result:
    """Outputs of one :func:`simulate` call.

    ``outputs[name]`` has shape (n_scenarios, n_years); ``regions[name]`` has shape
    (n_scenarios, 3, n_years) in the order of :data:`REGIONS`.
    """

    years: np.ndarray
    outputs: dict[str, np.ndarray]
    regions: dict[str, np.ndarray]

    @property
    def n_scenarios(self) -> int:
        """How many scenarios were run."""
        return next(iter(self.outputs.values())).shape[0]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.outputs[name]

    def at(self, name: str, year: int) -> np.ndarray:
        """One output in one year, one value per scenario."""
        index = int(year) - int(self.years[0])
        if not 0 <= index < len(self.years):
            raise KeyError(f"year {year} is outside {self.years[0]}-{self.years[-1]}")
        return self.outputs[name][:, index]

    def table(self) -> pd.DataFrame:
        """Tidy yearly results, one row per (scenario, year)."""
        n, t = self.n_scenarios, len(self.years)
        columns: dict[str, Any] = {
            "scenario": np.repeat(np.arange(n), t),
            "year": np.tile(self.years, n),
        }
        for name in OUTPUTS:
            columns[name] = self.outputs[name].reshape(-1)
        return pd.DataFrame(columns)

    def region_table(self) -> pd.DataFrame:
        """Tidy regional results, one row per (scenario, year, region)."""
        n, t = self.n_scenarios, len(self.years)
        r = len(REGIONS)
        columns: dict[str, Any] = {
            "scenario": np.repeat(np.arange(n), t * r),
            "year": np.tile(np.repeat(self.years, r), n),
            "region": np.tile(np.array(REGIONS, dtype=object), n * t),
        }
        for name in REGION_OUTPUTS:
            # (n, r, t) -> (n, t, r) so rows run region-fastest within a year.
            columns[name] = self.regions[name].transpose(0, 2, 1).reshape(-1)
        return pd.DataFrame(columns)


def resolve(
    values: Mapping[str, Any] | Scenario | None, table: ParameterTable
) -> tuple[dict[str, np.ndarray], int, int]:
    """Validate ``values`` and return every parameter as an (n, 1) column, n, and end year."""
    if isinstance(values, Scenario):
        values = values.as_dict()
    values = values or {}
    checked = {name: check_value(name, raw, table) for name, raw in values.items()}
    check_shares(checked, table)
    sizes = {a.shape[0] for a in checked.values() if a.ndim == 1}
    if len(sizes) > 1:
        raise ValueError(f"parameter arrays have different lengths: {sorted(sizes)}")
    n = sizes.pop() if sizes else 1
    columns: dict[str, np.ndarray] = {}
    for name, default in table.defaults.items():
        array = checked.get(name)
        if array is None:
            columns[name] = np.full((n, 1), default)
        else:
            columns[name] = np.broadcast_to(array.reshape(-1, 1), (n, 1))
    end_years = columns["end_year"]
    end_year = int(end_years[0, 0])
    if np.any(end_years != end_year):
        raise ScenarioError("mixed_end_year", "end_year")
    return columns, n, end_year


def s_curve(x: np.ndarray, steepness: np.ndarray) -> np.ndarray:
    """Normalised logistic: 0 at x <= 0, 1 at x >= 1, symmetric about x = 0.5 [0..1]."""
    x = np.clip(x, 0.0, 1.0)
    low = 1.0 / (1.0 + np.exp(steepness * 0.5))
    high = 1.0 / (1.0 + np.exp(-steepness * 0.5))
    return (1.0 / (1.0 + np.exp(-steepness * (x - 0.5))) - low) / (high - low)


def accumulate(start: np.ndarray, flows: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Stock with geometric decay: X_t = X_{t-1} keep + flow_t, X_0 = start + flow_0.

    Closed form X_t = keep^t (start + sum_{j<=t} flow_j keep^-j), one cumsum instead of a
    loop; keep >= 0.9 and t <= 34 keep keep^-t below 40, far from overflow.
    """
    t = np.arange(flows.shape[1])
    power = keep**t
    return power * (start + np.cumsum(flows / power, axis=1))


def simulate(
    values: Mapping[str, Any] | Scenario | None = None,
    *,
    params: ParameterTable | None = None,
    with_regions: bool = True,
) -> Result:
    """Run the model for one or many scenarios.

    Parameters
    ----------
    values : mapping name -> number or 1-D array, or a Scenario
        Parameters that differ from the baseline; arrays of one common length n give n
        scenarios. Missing names take their baseline value from ``params``.
    params : ParameterTable, optional
        The parameter table (default: data/parameters.csv).
    with_regions : bool
        Compute the regional split (skip it in large batches that only need totals).

    Returns
    -------
    Result with arrays of shape (n, end_year - 2015).
    """
    table = params or load_parameters()
    p, n, end_year = resolve(values, table)
    defaults = table.defaults
    years = np.arange(BASE_YEAR, end_year + 1)
    t = (years - BASE_YEAR).astype(np.float64)[None, :]
    year = years[None, :].astype(np.float64)
    n_years = len(years)

    # Levers take their scenario value from the policy start year, the baseline before.
    policy = year >= p["policy_start_year"]
    investment = np.where(policy, p["investment"], defaults["investment"])  # Rp tn/yr
    new_units = np.where(policy, p["new_units"], defaults["new_units"])  # units/yr
    sales_place = np.where(policy, p["sales_place_units"], defaults["sales_place_units"])
    # Nothing flows into 2016 itself: it is the observed starting point.
    investment = np.where(t == 0, 0.0, investment)
    new_units = np.where(t == 0, 0.0, new_units)

    keep = 1.0 - p["attrition"] / 100.0
    unit_output = p["unit_sales"] * 12.0 / RP_MN_PER_TN  # Rp tn/yr of one survey-size unit
    output_existing = accumulate(
        p["production_2016"], investment / p["capital_output_ratio"], keep
    )  # Rp tn/yr at normal utilisation
    units_new = accumulate(np.zeros((n, 1)), new_units, keep)  # programme units still open
    output_new = units_new * unit_output
    normal_output = output_existing + output_new
    utilisation = p["normal_utilisation"] / 100.0
    capacity = normal_output / utilisation

    units_trend = p["units_2016"] * (1.0 + p["unit_growth"] / 100.0) ** t
    units = units_trend + units_new

    # Online share: the baseline S-curve, plus the scenario's change of target phased in on
    # an S-curve that starts the year before the policy. The second curve never runs ahead
    # of the first, so the share stays a convex mix of s0 and the two targets, in [0, 1].
    s0 = p["online_share_2016"] / 100.0
    target_base = defaults["online_adoption"] / 100.0
    target = p["online_adoption"] / 100.0
    steep = p["online_curve_steepness"]
    ramp_base = s_curve((year - ONLINE_START_YEAR) / (end_year - ONLINE_START_YEAR), steep)
    ramp_from = np.maximum(p["policy_start_year"] - 1.0, ONLINE_START_YEAR)
    span = end_year - ramp_from
    ramp_policy = np.where(
        span > 0, s_curve((year - ramp_from) / np.where(span > 0, span, 1.0), steep), 0.0
    )
    online_share = s0 + (target_base - s0) * ramp_base + (target - target_base) * ramp_policy

    uplift = p["online_uplift"] / 100.0
    online_lift = (1.0 + online_share * uplift) / (1.0 + s0 * uplift)
    place_units = np.minimum(sales_place, units)
    place_sales = place_units * unit_output * p["sales_place_uplift"] / 100.0
    demand = normal_output * online_lift + place_sales
    utilisation_share = np.minimum(demand / capacity, 1.0)  # of capacity, at most all of it
    sales = capacity * utilisation_share
    production = sales  # no stock change: what is made in a year is sold in it
    online_sales = sales * online_share * (1.0 + uplift) / (1.0 + online_share * uplift)

    value_added = sales * p["value_added_ratio"] / 100.0
    jobs_per_rp_tn = p["units_2016"] * p["workers_per_unit"] / p["production_2016"]
    labour = jobs_per_rp_tn / (1.0 + p["labour_productivity_growth"] / 100.0) ** t
    jobs = sales * labour

    exports_rp_tn = (sales - online_sales) * p["export_share_offline"] / 100.0 + (
        online_sales * p["export_share_online"] / 100.0
    )
    exports_usd_mn = exports_rp_tn * RP_MN_PER_TN / p["exchange_rate"]
    investment_total = investment + new_units * p["unit_investment"] / RP_MN_PER_TN

    outputs = {
        "units": units,
        "online_units": units * online_share,
        "production_rp_tn": production,
        "sales_rp_tn": sales,
        "online_sales_rp_tn": online_sales,
        "value_added_rp_tn": value_added,
        "jobs": jobs,
        "jobs_indirect": jobs * p["indirect_jobs_ratio"],
        "jobs_induced": jobs * p["induced_jobs_ratio"],
        "exports_usd_mn": exports_usd_mn,
        "capacity_rp_tn": capacity,
        "utilisation_pct": 100.0 * utilisation_share,
        "demand_rp_tn": demand,
        "unmet_demand_rp_tn": np.maximum(demand - capacity, 0.0),
        "investment_rp_tn": investment_total,
        "online_share_pct": 100.0 * online_share,
    }
    regions: dict[str, np.ndarray] = {}
    if with_regions:
        # Regions: existing units (and the investment in them) follow the published split,
        # programme units the scenario's split; output per unit is the same everywhere.
        base_shares = _shares(p["base_share_jabar"], p["base_share_jatim"])  # (n, 3, 1)
        new_shares = _shares(p["new_units_share_jabar"], p["new_units_share_jatim"])
        scale = sales / normal_output  # how far demand lets units run above or below normal
        production_r = scale[:, None, :] * (
            output_existing[:, None, :] * base_shares + output_new[:, None, :] * new_shares
        )
        units_r = units_trend[:, None, :] * base_shares + units_new[:, None, :] * new_shares
        regions = {
            "units": np.broadcast_to(units_r, (n, 3, n_years)),
            "production_rp_tn": np.broadcast_to(production_r, (n, 3, n_years)),
            "jobs": np.broadcast_to(production_r * labour[:, None, :], (n, 3, n_years)),
        }

    # Outputs that did not vary by scenario are still (1, T): give every one shape (n, T).
    outputs = {
        k: v if v.shape == (n, n_years) else np.broadcast_to(v, (n, n_years)).copy()
        for k, v in outputs.items()
    }
    return Result(years=years, outputs=outputs, regions=regions)


def _shares(jabar_pct: np.ndarray, jatim_pct: np.ndarray) -> np.ndarray:
    """West Java, East Java and the rest as fractions, shape (n, 3, 1)."""
    jabar = jabar_pct / 100.0
    jatim = jatim_pct / 100.0
    rest = np.maximum(1.0 - jabar - jatim, 0.0)
    return np.stack([jabar, jatim, rest], axis=1)
