"""The footwear IKM model: pure, vectorised numpy, one call for many scenarios.

Two segments reconcile the published figures (the methodology page explains each step):

* **micro and small units** (1 to 19 workers), the population the ministry's per-unit
  figures describe: Rp 14 million of sales and Rp 6.8 million of value added a month,
  counted to the published 60,760 units (2024) and 159,400 workers (2022);
* **medium firms**, 441 in 2018, which make the rest of the Rp 22.98 trillion.

The years to the last observed one (2023) replay the published data: production follows
the real growth of KBLI 15, utilisation is the published 80.18 % in 2019. From then on
sales are the lesser of demand and capacity. Demand grows at its trends, plus what policy
adds net of displacement; capacity grows with investment from the following year. Every
scenario row is also run with its instruments at the skenario dasar's values (its
baseline, on the same assumptions), so effects are net of what would happen anyway.

Money is in constant 2016 rupiah. The equations are functions of
:mod:`simulator.equations`; :func:`simulate` composes them. No I/O, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulator import equations as eq
from simulator.history import BASE_YEAR, ONLINE, History, load_history, production_path
from simulator.outputs import OUTPUTS
from simulator.params import ParameterTable, load_parameters
from simulator.scenario import Scenario, ScenarioError, check_shares, check_value

REGIONS = ("jawa_barat", "jawa_timur", "lainnya")
HORIZON = 2050  # the model's last year; ``end_year`` only crops what is shown
UNITS_ANCHOR_YEAR = 2024  # the year of the published count of micro and small units
WORKERS_ANCHOR_YEAR = 2022  # the year of the published count of their workers
MEDIUM_ANCHOR_YEAR = 2018  # the year of the published count of medium firms
CALIBRATION_YEAR = 2019  # the year of the published capacity utilisation
SMALL_SHARE_MAX = 0.95  # micro and small units make at most this share of 2016 production
REGION_OUTPUTS = tuple(o.name for o in OUTPUTS.values() if o.regional)


@dataclass(frozen=True)
class Result:
    """Outputs of one :func:`simulate` call.

    ``outputs[name]`` has shape (n_scenarios, n_years); ``baseline[name]`` the same for
    each scenario's own baseline (its instruments reset, its assumptions kept);
    ``regions[name]`` has shape (n_scenarios, 3, n_years) in the order of :data:`REGIONS`,
    and ``regions_baseline`` likewise. ``last_observed`` is the last year the baseline
    replays published data.
    """

    years: np.ndarray
    outputs: dict[str, np.ndarray]
    baseline: dict[str, np.ndarray]
    regions: dict[str, np.ndarray] = field(default_factory=dict)
    regions_baseline: dict[str, np.ndarray] = field(default_factory=dict)
    last_observed: int = 0
    diagnostics: dict[str, np.ndarray] = field(default_factory=dict)
    paths: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def n_scenarios(self) -> int:
        """How many scenarios were run."""
        return next(iter(self.outputs.values())).shape[0]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.outputs[name]

    def index(self, year: int) -> int:
        """The column of ``year``."""
        index = int(year) - int(self.years[0])
        if not 0 <= index < len(self.years):
            raise KeyError(f"year {year} is outside {self.years[0]}-{self.years[-1]}")
        return index

    def at(self, name: str, year: int) -> np.ndarray:
        """One output in one year, one value per scenario."""
        return self.outputs[name][:, self.index(year)]

    def effect(self, name: str) -> np.ndarray:
        """Scenario minus its own baseline, (n, years)."""
        return self.outputs[name] - self.baseline[name]

    @property
    def observed(self) -> np.ndarray:
        """True for the years that replay published data."""
        return self.years <= self.last_observed

    def paired(self, row: int = 0) -> Result:
        """Scenario ``row`` and its baseline as rows 0 and 1 of one result (for the page)."""

        def two(first: dict[str, np.ndarray], second: dict[str, np.ndarray]) -> dict:
            return {k: np.stack([first[k][row], second[k][row]]) for k in first}

        return Result(
            years=self.years,
            outputs=two(self.outputs, self.baseline),
            baseline=two(self.baseline, self.baseline),
            regions=two(self.regions, self.regions_baseline) if self.regions else {},
            regions_baseline=two(self.regions_baseline, self.regions_baseline)
            if self.regions
            else {},
            last_observed=self.last_observed,
            diagnostics=two(self.diagnostics, self.diagnostics),
            paths=two(self.paths, self.paths),
        )

    def table(self) -> pd.DataFrame:
        """Tidy yearly results, one row per (scenario, year)."""
        n, t = self.n_scenarios, len(self.years)
        columns: dict[str, Any] = {
            "scenario": np.repeat(np.arange(n), t),
            "year": np.tile(self.years, n),
            "observed": np.tile(self.observed, n),
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
    """Validate ``values``; every parameter as a column of shape (n, 1) or (1, 1).

    Returns the columns, n and the end year (one for the whole batch).
    """
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
            columns[name] = np.full((1, 1), default)
        else:
            columns[name] = array.reshape(-1, 1) if array.ndim == 1 else array.reshape(1, 1)
    end_years = columns["end_year"]
    end_year = int(end_years.flat[0])
    if np.any(end_years != end_year):
        raise ScenarioError("mixed_end_year", "end_year")
    return columns, n, end_year


def _baseline_columns(
    p: dict[str, np.ndarray], table: ParameterTable
) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
    """The columns of each row's baseline, and which rows need their own baseline run.

    Returns (columns, rows): ``rows`` is None when no row sets an instrument (each row is
    its own baseline); otherwise the baseline columns cover the rows listed (all rows, or
    a single row when every assumption is common to the batch).
    """
    policy = table.policy
    changed = np.zeros(1, dtype=bool)
    for name in policy:
        changed = changed | (p[name] != table[name].value).reshape(-1)
    if not changed.any():
        return p, None
    varying = any(p[name].shape[0] > 1 for name in p if name not in policy)
    base = {name: (np.full((1, 1), table[name].value) if name in policy else p[name]) for name in p}
    if not varying:
        return base, np.zeros(1, dtype=int)
    return base, np.arange(max(c.shape[0] for c in p.values()))


def simulate(
    values: Mapping[str, Any] | Scenario | None = None,
    *,
    params: ParameterTable | None = None,
    history: History | None = None,
    with_regions: bool = True,
) -> Result:
    """Run the model for one or many scenarios, each with its own baseline.

    Parameters
    ----------
    values : mapping name -> number or 1-D array, or a Scenario
        Parameters that differ from the table; arrays of one common length n give n
        scenarios. Missing names take their value from ``params``.
    params : ParameterTable, optional
        The parameter table (default: data/parameters.csv).
    history : History, optional
        The published series (default: data/history.csv).
    with_regions : bool
        Compute the regional split (skip it in large batches that only need totals).

    Returns
    -------
    Result with arrays of shape (n, end_year - 2015). The model's years are 2016 to 2050;
    each year depends only on earlier ones, so the years after ``end_year`` are not
    computed: the numbers shown are the same whatever the end year.
    """
    table = params or load_parameters()
    history = history or load_history()
    p, n, end_year = resolve(values, table)
    years = np.arange(BASE_YEAR, min(max(end_year, history.last_year), HORIZON) + 1)
    scenario = _core(p, n, years, table, history, with_regions)
    base_columns, rows = _baseline_columns(p, table)
    if rows is None:
        twin = scenario
    else:
        twin = _core(base_columns, len(rows), years, table, history, with_regions)
    keep = years <= end_year
    out, base = scenario["outputs"], twin["outputs"]
    # Effects on wider jobs exist only against the baseline, on the same assumptions.
    direct_change = out["jobs"] - base["jobs"]
    out["jobs_indirect"] = direct_change * p["indirect_jobs_ratio"]
    out["jobs_induced"] = direct_change * p["induced_jobs_ratio"]
    base["jobs_indirect"] = np.zeros_like(base["jobs"])
    base["jobs_induced"] = np.zeros_like(base["jobs"])

    def shaped(arrays: dict[str, np.ndarray], axis_regions: bool = False) -> dict[str, np.ndarray]:
        full = (n, 3, len(years)) if axis_regions else (n, len(years))
        crop = None if keep.all() else keep
        out = {}
        for k, v in arrays.items():
            if v.shape != full:
                v = np.broadcast_to(v, full).copy()
            out[k] = v if crop is None else v[..., crop]
        return out

    return Result(
        years=years[keep],
        outputs=shaped(out),
        baseline=shaped(base),
        regions=shaped(scenario["regions"], True),
        regions_baseline=shaped(twin["regions"], True),
        last_observed=history.last_year,
        diagnostics={k: np.broadcast_to(v, (n, 1)).copy() for k, v in scenario["diag"].items()},
        paths=shaped(scenario["paths"]) if scenario["paths"] else {},
    )


def _core(
    p: dict[str, np.ndarray],
    n: int,
    years_1d: np.ndarray,
    table: ParameterTable,
    history: History,
    with_regions: bool,
) -> dict[str, dict[str, np.ndarray]]:
    """Every output of the rows in ``p`` for ``years_1d`` (no baseline, no wider jobs)."""
    years = years_1d[None, :].astype(np.float64)
    t0 = years_1d - BASE_YEAR
    last = history.last_year
    observed = years <= last
    defaults = table.defaults

    # Per-unit figures of micro and small units (survey, 2016 prices).
    unit_output = p["unit_sales"] * 12.0 / eq.RP_MN_PER_TN  # [Rp tn/yr per unit]
    # Value added cannot exceed sales, online premium included.
    small_va_ratio = np.minimum(
        p["unit_value_added"] / p["unit_sales"], 1.0 / (1.0 + p["online_va_premium"] / 100.0)
    )
    unit_capital = p["unit_investment"] / eq.RP_MN_PER_TN  # [Rp tn per unit]
    u_normal = p["normal_utilisation"] / 100.0
    keep = 1.0 - p["attrition"] / 100.0

    # Units of the micro and small segment on their trend, and the segment's capacity.
    units_trend = eq.trend_units(p["small_units_2024"], p["unit_growth"], years, UNITS_ANCHOR_YEAR)
    units_2016 = units_trend[:, :1]
    production_obs = production_path(history, p["production_2016"], years_1d)
    base_investment = defaults["investment"]
    small_share = eq.small_investment_share(
        units_2016, p["unit_growth"], keep, unit_capital, np.float64(base_investment)
    )

    # Observed years: each segment follows the sector's published real growth from its
    # 2016 level (micro and small units at the survey's sales, medium firms the rest), so
    # the split, and the jobs pinned to the published counts, do not depend on the total.
    index = production_obs / p["production_2016"]  # NaN after the last observed year
    # Micro and small units cannot make more than the sector: their average sales are cut
    # to leave medium firms at least 5 % (a flag says so).
    small_2016 = np.minimum(units_2016 * unit_output, SMALL_SHARE_MAX * p["production_2016"])
    unit_output_clipped = small_2016 < units_2016 * unit_output
    unit_output = small_2016 / units_2016
    medium_2016 = p["production_2016"] - small_2016
    small_obs = small_2016 * index
    medium_obs = medium_2016 * index

    # Medium firms' capital per rupiah of capacity: what brings their utilisation from the
    # normal rate in 2016 to the industry's published 80.18 % in 2019 with the baseline's
    # investment (the published figure is for the whole industry, which medium and large
    # firms dominate; micro and small units' capacity follows their count).
    medium_cap_2016 = medium_2016 / u_normal
    cal = CALIBRATION_YEAR - BASE_YEAR
    u_cal = history.series("utilisation_pct")[CALIBRATION_YEAR] / 100.0
    medium_target = medium_obs[:, cal : cal + 1] / u_cal
    capacity_per_rp = eq.calibrate_capacity_cost(
        medium_cap_2016, medium_target, (1.0 - small_share) * base_investment, keep, cal
    )

    # Instruments act from the policy start year; before it every row is the baseline.
    policy = years >= p["policy_start_year"]
    investment = np.where(policy, p["investment"], base_investment)
    extra_investment = investment - base_investment
    new_units = np.where(policy, p["new_units"], 0.0)
    place_units = np.where(policy, p["sales_place_units"], 0.0)

    # Capacity: spending in year t acts from t + 1, and wears out at the attrition rate.
    # What was produced in an observed year was within capacity, whatever the model says.
    medium_base = _medium_baseline(
        medium_cap_2016, small_share, base_investment, capacity_per_rp, keep, len(t0)
    )
    medium_base = np.where(observed, np.fmax(medium_base, medium_obs), medium_base)
    power = eq.powers(keep, len(t0))
    medium_extra = eq.accumulate(
        0.0, eq.lagged((1.0 - small_share) * extra_investment * capacity_per_rp), keep, power
    )
    medium_capacity = medium_base + medium_extra
    units_invest = eq.accumulate(
        0.0, eq.lagged(small_share * extra_investment / unit_capital), keep, power
    )
    units_programme = eq.accumulate(0.0, eq.lagged(new_units), keep, power)
    units_small = units_trend + units_invest + units_programme
    # After the last observed year a unit's output grows with output per worker (its
    # workers stay the same): the factor is workers per rupiah relative to that year.
    factor = eq.productivity_factor(years, last, p["labour_productivity_growth"])
    unit_output_t = unit_output / factor  # [Rp tn/yr per unit]
    small_capacity = units_small * unit_output_t / u_normal
    small_capacity = np.where(observed, np.fmax(small_capacity, small_obs), small_capacity)
    capacity = small_capacity + medium_capacity
    li = min(last, int(years_1d[-1])) - BASE_YEAR
    small_last = small_obs[:, li : li + 1]
    medium_last = medium_obs[:, li : li + 1]

    # Online selling among micro and small units: the baseline's diffusion curve fitted to
    # the observed shares, and the programme's path above it.
    online_years, online_values = _online_points(history)
    rate, intercept = eq.logistic_fit(online_years, online_values, p["online_ceiling"])
    share_base = eq.diffusion(years, p["online_ceiling"], rate, intercept, online_years.mean())
    # At its table value the instrument means "no programme": the share follows the curve.
    target = np.where(
        p["online_adoption"] == defaults["online_adoption"], 0.0, p["online_adoption"]
    )
    share = eq.policy_share(
        share_base, years, p["policy_start_year"], target, p["online_target_year"],
        p["online_max_pace"],
    )  # fmt: skip
    extra_adopters = (share - share_base) * units_small

    # Demand after the last observed year: the trend, plus what policy adds net of
    # displacement (new units and new capacity sell part of their output to new buyers).
    growth = (p["demand_growth_domestic"], p["demand_growth_export"], p["export_share_offline"])
    small_trend = np.where(observed, small_obs, eq.trend_demand(small_last, years, last, *growth))
    medium_trend = np.where(
        observed, medium_obs, eq.trend_demand(medium_last, years, last, *growth)
    )
    gain_online = extra_adopters * unit_output_t * p["online_uplift"] / 100.0
    gain_place = place_units * unit_output_t * p["sales_place_uplift"] / 100.0
    gain_units = (units_invest + units_programme) * unit_output_t
    added_small = (
        eq.net_of_displacement(gain_online, p["online_displacement"])
        + eq.net_of_displacement(gain_place, p["sales_place_displacement"])
        + eq.net_of_displacement(gain_units, p["capacity_displacement"])
    )
    added_medium = eq.net_of_displacement(medium_extra * u_normal, p["capacity_displacement"])
    small_demand = np.maximum(small_trend + added_small, 0.0)
    medium_demand = np.maximum(medium_trend + added_medium, 0.0)
    small_sales = np.minimum(small_demand, small_capacity)
    medium_sales = np.minimum(medium_demand, medium_capacity)
    sales = small_sales + medium_sales
    demand = small_demand + medium_demand

    # Value added, jobs, exports.
    online = eq.online_sales(small_sales, share, p["online_uplift"])
    value_added = eq.value_added(small_sales, small_va_ratio, online, p["online_va_premium"]) + (
        p["medium_value_added_ratio"] / 100.0 * medium_sales
    )
    wi = WORKERS_ANCHOR_YEAR - BASE_YEAR
    mi = MEDIUM_ANCHOR_YEAR - BASE_YEAR
    small_per_rp = p["small_workers_2022"] / small_obs[:, wi : wi + 1]  # [persons per Rp tn]
    medium_per_rp = (
        p["medium_workers_per_unit"] * p["medium_units_2018"] / medium_obs[:, mi : mi + 1]
    )
    jobs_small = small_sales * small_per_rp * factor
    jobs_medium = medium_sales * medium_per_rp * factor
    units_medium = medium_capacity * (p["medium_units_2018"] / medium_capacity[:, mi : mi + 1])
    exports = eq.exports_usd_mn(
        sales,
        online,
        p["online_uplift"],
        p["online_displacement"],
        p["export_share_offline"],
        p["export_share_online"],
        p["exchange_rate"],
    )
    cost = (
        eq.one_off(np.maximum(extra_adopters, 0.0)) * p["cost_online_unit"]
        + eq.one_off(place_units) * p["cost_sales_place"]
        + new_units * p["cost_new_unit"]
    ) / eq.RP_MN_PER_TN + np.maximum(extra_investment, 0.0) * p["investment_subsidy"] / 100.0

    outputs = {
        "production_rp_tn": sales,
        "sales_rp_tn": sales,
        "online_sales_rp_tn": online,
        "value_added_rp_tn": value_added,
        "jobs": jobs_small + jobs_medium,
        "exports_usd_mn": exports,
        "units": units_small + units_medium,
        "online_units": units_small * share,
        "capacity_rp_tn": capacity,
        "utilisation_pct": 100.0 * sales / capacity,
        "demand_rp_tn": demand,
        "unmet_demand_rp_tn": demand - sales,
        "investment_rp_tn": investment + new_units * unit_capital,
        "online_share_pct": 100.0 * share,
        "units_small": units_small,
        "units_medium": units_medium,
        "production_small_rp_tn": small_sales,
        "production_medium_rp_tn": medium_sales,
        "jobs_small": jobs_small,
        "jobs_medium": jobs_medium,
        "programme_cost_rp_tn": cost,
    }
    diag = {
        "unit_output_clipped": unit_output_clipped.astype(np.float64),
        "online_target": target,
        "online_target_year": p["online_target_year"],
        "policy_start_year": p["policy_start_year"],
        "small_investment_share": small_share,
        "capacity_per_rp": capacity_per_rp,
        "small_workers_per_unit": p["small_workers_2022"] / units_trend[:, wi : wi + 1],
        "medium_production_2016": medium_2016,
        "units_small_2016": units_2016,
        "online_rate": rate,
        "online_intercept": intercept,
    }
    regions: dict[str, np.ndarray] = {}
    if with_regions:
        base = eq.shares3(p["base_share_jabar"], p["base_share_jatim"])
        new = eq.shares3(p["new_units_share_jabar"], p["new_units_share_jatim"])
        place = eq.shares3(p["sales_place_share_jabar"], p["sales_place_share_jatim"])
        # Each part of small-unit demand where it arises: gross gains in their own region,
        # what they take from others spread over the existing units.
        displaced = (
            gain_online * p["online_displacement"] / 100.0
            + gain_place * p["sales_place_displacement"] / 100.0
            + gain_units * p["capacity_displacement"] / 100.0
        )
        scale = np.where(small_demand > 0, small_sales / np.maximum(small_demand, 1e-12), 0.0)
        small_r = scale[:, None, :] * (
            (small_trend + gain_online + units_invest * unit_output_t - displaced)[:, None, :]
            * base
            + (units_programme * unit_output_t)[:, None, :] * new
            + gain_place[:, None, :] * place
        )
        medium_r = medium_sales[:, None, :] * base
        labour = factor[:, None, :] if factor.ndim == 2 else factor
        regions = {
            "production_rp_tn": small_r + medium_r,
            "jobs": (small_r * small_per_rp[:, None, :] + medium_r * medium_per_rp[:, None, :])
            * labour,
            "units": (units_trend + units_invest + units_medium)[:, None, :] * base
            + units_programme[:, None, :] * new,
        }
    paths = {}
    if with_regions:  # what the plausibility flags need; large batches skip it
        paths = {
            "exports_industry_usd_mn": _industry_exports(
                history, years_1d, p["demand_growth_export"]
            ),
            "online_share_base_pct": 100.0 * share_base,
        }
    return {"outputs": outputs, "regions": regions, "diag": diag, "paths": paths}


def _medium_baseline(
    start: np.ndarray,
    small_share: np.ndarray,
    investment: float,
    capacity_per_rp: np.ndarray,
    keep: np.ndarray,
    n_years: int,
) -> np.ndarray:
    """Medium capacity with the baseline's investment every year, from the following year."""
    inflow = (1.0 - small_share) * investment * capacity_per_rp
    # Closed form of accumulate() with a constant inflow from year 1 on:
    # X_t = start keep^t + inflow (1 + keep + ... + keep^(t-1)).
    power = eq.powers(keep, n_years)
    geometric = np.cumsum(power, axis=1) - power
    return start * power + inflow * geometric


def _industry_exports(history: History, years: np.ndarray, growth_pct: np.ndarray) -> np.ndarray:
    """The whole footwear industry's exports [USD mn]: published, then on the export trend."""
    published = history.series("exports_industry_usd_mn")
    last = max(published)
    known = np.array([published.get(int(y), np.nan) for y in years])[None, :]
    ahead = np.maximum(years - last, 0)[None, :]
    return np.where(np.isnan(known), published[last] * (1.0 + growth_pct / 100.0) ** ahead, known)


def _online_points(history: History) -> tuple[np.ndarray, np.ndarray]:
    """Years and shares [%] of the observed online selling the diffusion curve is fitted to."""
    points = history.series(ONLINE)
    years = np.array(sorted(points), dtype=np.float64)
    return years, np.array([points[int(y)] for y in years])


def calibration(
    values: Mapping[str, Any] | None = None, table: ParameterTable | None = None
) -> dict[str, float]:
    """The derived values of one scenario's calibration, for the methodology page."""
    result = simulate(values or {}, params=table, with_regions=False)
    return {k: float(v[0, 0]) for k, v in result.diagnostics.items()}
