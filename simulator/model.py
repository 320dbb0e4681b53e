"""The footwear IKM model: pure, vectorised numpy, one call for many scenarios.

The published figures are reconciled in parts (the methodology page explains each step):

* **micro and small units** (1 to 19 workers), the population the ministry's per-unit
  figures describe: Rp 14 million of sales and Rp 6.8 million of value added a month;
* **medium firms**, 441 in 2018, at an output per worker taken from the nearest published
  source (not a residual);
* together they are counted to the ministry's count of footwear IKM of the same period,
  32,562 units and 113,907 workers (published February 2018, taken for 2017);
* what the counted units do not explain of the Rp 22.98 trillion is shown apart as the
  **unexplained rest**: it follows the sector like the medium firms but carries no counted
  workers (the count already holds every IKM worker).

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
COUNT_YEAR = 2017  # the year of the ministry's count of footwear IKM units and workers
MEDIUM_ANCHOR_YEAR = 2018  # the year of the published count of medium firms
CALIBRATION_YEAR = 2019  # the year of the published capacity utilisation
SMALL_SHARE_MAX = 0.95  # micro and small units make at most this share of 2016 production
APPRAISAL_YEARS = 10  # public cost and net job-years are appraised over 10 years from the start
APPRAISAL_WINDOW = ("first_year", "last_year", "discount_rate_pct")
REGION_OUTPUTS = tuple(o.name for o in OUTPUTS.values() if o.regional)


class Lazy(Mapping[str, np.ndarray]):
    """A mapping computed on first use: the regional split costs about as much as the rest of
    a run, and most callers (batches, headline numbers, analyses) never read it."""

    def __init__(self, compute: Any) -> None:
        self._compute = compute
        self._value: dict[str, np.ndarray] | None = None

    def _get(self) -> dict[str, np.ndarray]:
        if self._value is None:
            self._value = self._compute()
            self._compute = None
        return self._value

    def __getitem__(self, key: str) -> np.ndarray:
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __bool__(self) -> bool:
        return True  # only built when there is something to compute

    def __reduce__(self):
        # Pickled (the page's cache does) as the plain mapping it computes.
        return (dict, (self._get(),))


# The baseline twin of a single scenario, by its assumptions: every lever move on the page
# keeps them, so the twin is computed once per assumption set (arrays made read-only).
_TWINS: dict[tuple, dict[str, Any]] = {}
_TWINS_MAX = 64


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
    regions: Mapping[str, np.ndarray] = field(default_factory=dict)
    regions_baseline: Mapping[str, np.ndarray] = field(default_factory=dict)
    last_observed: int = 0
    diagnostics: dict[str, np.ndarray] = field(default_factory=dict)
    paths: dict[str, np.ndarray] = field(default_factory=dict)
    appraisal: dict[str, np.ndarray] = field(default_factory=dict)

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
            regions=Lazy(lambda: two(self.regions, self.regions_baseline)) if self.regions else {},
            regions_baseline=Lazy(lambda: two(self.regions_baseline, self.regions_baseline))
            if self.regions
            else {},
            last_observed=self.last_observed,
            diagnostics=two(self.diagnostics, self.diagnostics),
            paths=two(self.paths, self.paths),
            appraisal={
                k: np.array([v[row], v[row] if k in APPRAISAL_WINDOW else 0.0])
                for k, v in self.appraisal.items()
            },
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
    columns = dict(_default_columns(table))
    for name, array in checked.items():
        columns[name] = array.reshape(-1, 1) if array.ndim == 1 else array.reshape(1, 1)
    end_years = columns["end_year"]
    end_year = int(end_years.flat[0])
    if np.any(end_years != end_year):
        raise ScenarioError("mixed_end_year", "end_year")
    return columns, n, end_year


_DEFAULT_COLUMNS: dict[int, tuple[ParameterTable, dict[str, np.ndarray]]] = {}


def _default_columns(table: ParameterTable) -> dict[str, np.ndarray]:
    """Every parameter at its table value as a read-only (1, 1) column, made once a table."""
    found = _DEFAULT_COLUMNS.get(id(table))
    if found is None or found[0] is not table:
        columns = {}
        for name, value in table.defaults.items():
            column = np.full((1, 1), value)
            column.flags.writeable = False
            columns[name] = column
        found = _DEFAULT_COLUMNS[id(table)] = (table, columns)
    return found[1]


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
    appraise: bool | None = None,
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
        Compute the regional split (skip it in large batches that only need totals); it is
        computed only when first read.
    appraise : bool, optional
        Compute the appraisal (present values over the ten years from the policy start,
        :attr:`Result.appraisal`). By default for a single scenario, not for a batch (its
        years beyond the last shown would cost a batch about a third more).

    Returns
    -------
    Result with arrays of shape (n, end_year - 2015). The model's years are 2016 to 2050;
    each year depends only on earlier ones, so the years after ``end_year`` are not
    computed: the numbers shown are the same whatever the end year.
    """
    table = params or load_parameters()
    history = history or load_history()
    p, n, end_year = resolve(values, table)
    # The appraisal needs ten years from the latest policy start, whatever the years shown.
    appraise = n == 1 if appraise is None else appraise
    appraised = int(p["policy_start_year"].max()) + APPRAISAL_YEARS - 1 if appraise else 0
    years = np.arange(BASE_YEAR, min(max(end_year, history.last_year, appraised), HORIZON) + 1)
    base_columns, rows = _baseline_columns(p, table)
    if rows is None:
        scenario = twin = _twin(p, 1 if n == 1 else n, years, table, history, with_regions)
    else:
        # The twin keeps every assumption, so both share what depends on them alone.
        assumed = _assumed_cached(p, years, table, history)
        scenario = _core(p, n, years, table, history, with_regions, assumed)
        twin = _twin(base_columns, len(rows), years, table, history, with_regions, assumed)
    keep = years <= end_year
    out, base = dict(scenario["outputs"]), dict(twin["outputs"])
    # Wider jobs exist only as effects against the baseline, on the same assumptions: each
    # segment's change in sales (net of displacement: its change in final demand) asks for
    # (Type I - 1) of suppliers' output, and (Type II - Type I) more through the wages spent,
    # less what is imported; each rupiah of it employs the suppliers' persons per rupiah.
    change = out["sales_rp_tn"] - base["sales_rp_tn"]  # small units + medium and the rest
    domestic = (1.0 - p["import_leakage"] / 100.0) * p["supplier_jobs_per_rp"]
    labour = eq.productivity_factor(
        years[None, :].astype(np.float64), history.last_year, p["labour_productivity_growth"]
    )
    per_rp = domestic * labour
    type1 = p["output_multiplier_type1"]
    out["jobs_indirect"] = change * (type1 - 1.0) * per_rp
    out["jobs_induced"] = change * np.maximum(p["output_multiplier_type2"] - type1, 0.0) * per_rp
    base["jobs_indirect"] = np.zeros_like(base["jobs"])
    base["jobs_induced"] = np.zeros_like(base["jobs"])
    appraisal = _appraise(out, base, years, p, n) if appraise else {}

    shown = int(keep.sum())  # the years shown are the first ones: crop with a slice (a view)

    def shaped(arrays: dict[str, np.ndarray], axis_regions: bool = False) -> dict[str, np.ndarray]:
        full = (n, 3, len(years)) if axis_regions else (n, len(years))
        out = {}
        for k, v in arrays.items():
            if v.shape != full:
                v = np.broadcast_to(v, full)  # a read-only view: one row serves them all
            out[k] = v if shown == len(years) else v[..., :shown]
        return out

    return Result(
        years=years[keep],
        outputs=shaped(out),
        baseline=shaped(base),
        regions=Lazy(lambda: shaped(scenario["regions"], True)) if with_regions else {},
        regions_baseline=Lazy(lambda: shaped(twin["regions"], True)) if with_regions else {},
        last_observed=history.last_year,
        diagnostics={
            k: v if v.shape == (n, 1) else np.broadcast_to(v, (n, 1)).copy()
            for k, v in scenario["diag"].items()
        },
        paths=shaped(scenario["paths"]) if scenario["paths"] else {},
        appraisal=appraisal,
    )


def _twin(
    p: dict[str, np.ndarray],
    n: int,
    years: np.ndarray,
    table: ParameterTable,
    history: History,
    with_regions: bool,
    assumed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """:func:`_core` for a baseline of one row, from the cache when its assumptions were run
    before (the arrays are read-only, so no caller can change a cached run)."""
    if n != 1 or any(v.shape[0] != 1 for v in p.values()):
        return _core(p, n, years, table, history, with_regions, assumed)
    key = (
        id(table),
        id(history),
        int(years[-1]),
        with_regions,
        np.concatenate([v.reshape(-1) for v in p.values()]).tobytes(),
    )
    found = _TWINS.get(key)
    if found is None:
        found = _core(p, n, years, table, history, with_regions, assumed)
        for group in ("outputs", "diag", "paths"):
            for array in found[group].values():
                if isinstance(array, np.ndarray):
                    array.flags.writeable = False
        if len(_TWINS) >= _TWINS_MAX:
            _TWINS.pop(next(iter(_TWINS)))
        _TWINS[key] = found
    return found


def _appraise(
    out: dict[str, np.ndarray],
    base: dict[str, np.ndarray],
    years: np.ndarray,
    p: dict[str, np.ndarray],
    n: int,
) -> dict[str, np.ndarray]:
    """Present values over the appraisal period, one per scenario row, shape (n,).

    The period is the ten years from the policy start (cut at the model's last year); each
    year's public cost, net additional direct jobs (job-years) and net additional value
    added are discounted to the start year at the social discount rate. None of it depends
    on the last year shown.
    """
    start = p["policy_start_year"]
    # The same columns whatever the years shown, so the sums are bit-identical.
    lo = int(start.min()) - int(years[0])
    hi = min(int(start.max()) + APPRAISAL_YEARS - int(years[0]), len(years))
    elapsed = years[None, lo:hi] - start
    window = (elapsed >= 0) & (elapsed < APPRAISAL_YEARS)
    weight = np.where(window, (1.0 + p["discount_rate"] / 100.0) ** -np.maximum(elapsed, 0), 0.0)

    def present(array: np.ndarray) -> np.ndarray:
        return np.broadcast_to((array[:, lo:hi] * weight).sum(axis=1), (n,)).copy()

    last = np.minimum(start + APPRAISAL_YEARS - 1, years[-1])
    return {
        "first_year": np.broadcast_to(start.reshape(-1), (n,)).astype(np.float64),
        "last_year": np.broadcast_to(last.reshape(-1), (n,)).astype(np.float64),
        "discount_rate_pct": np.broadcast_to(p["discount_rate"].reshape(-1), (n,)).copy(),
        "pv_cost_rp_tn": present(out["programme_cost_rp_tn"]),
        "pv_job_years": present(out["jobs"] - base["jobs"]),
        "pv_value_added_rp_tn": present(out["value_added_rp_tn"] - base["value_added_rp_tn"]),
    }


def _assumed(
    p: dict[str, np.ndarray], years_1d: np.ndarray, table: ParameterTable, history: History
) -> dict[str, Any]:
    """What depends on the assumptions alone (the calibration, the trends, the online curve),
    shared by a scenario and its baseline twin."""
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
    production_obs = production_path(history, p["production_2016"], years_1d)
    base_investment = defaults["investment"]
    # The sector's real growth index (1 in 2016; NaN after the last observed year).
    index = production_obs / p["production_2016"]
    ci = COUNT_YEAR - BASE_YEAR
    index_count = index[:, ci : ci + 1]

    # The ministry's count of footwear IKM (small and medium) in the count year: medium
    # firms as registered in 2018, each with its workers; micro and small units the rest.
    medium_workers = p["medium_units_2018"] * p["medium_workers_per_unit"]  # [persons]
    units_count = np.maximum(p["ikm_units_2017"] - p["medium_units_2018"], 1.0)
    small_workers = np.maximum(p["ikm_workers_2017"] - medium_workers, units_count)
    workers_clipped = p["ikm_workers_2017"] - medium_workers < units_count

    # Observed years: each part follows the sector's published real growth from its 2016
    # level, so the split, and the jobs pinned to the published counts, do not depend on
    # the total. Micro and small units sell the survey's Rp 14 million a month each (cut to
    # leave the rest at least 5 % of the total); medium firms make their workers' output at
    # the published output per worker; what neither explains is the unexplained rest.
    units_2016 = units_count / index_count
    small_2016 = np.minimum(units_2016 * unit_output, SMALL_SHARE_MAX * p["production_2016"])
    unit_output_clipped = small_2016 < units_2016 * unit_output
    unit_output = small_2016 / units_2016
    rest_2016 = p["production_2016"] - small_2016  # medium firms and the unexplained rest
    medium_measured = medium_workers * p["medium_output_per_worker"] / eq.RP_MN_PER_TN
    medium_measured_2016 = medium_measured / index_count
    medium_clipped = medium_measured_2016 > rest_2016
    # Medium firms' share of what micro and small units do not make [0..1].
    medium_share = np.minimum(medium_measured_2016 / rest_2016, 1.0)
    small_obs = small_2016 * index
    rest_obs = rest_2016 * index
    # What micro and small units' trend of numbers needs in 2016 (new units at the sector's
    # 2016-2017 growth, replaced units at the attrition rate), over the year's investment.
    small_share = eq.small_investment_share(
        units_2016,
        100.0 * (index_count ** (1.0 / ci) - 1.0),
        keep,
        unit_capital,
        np.float64(base_investment),
    )

    # Medium firms' (and the rest's) capital per rupiah of capacity: what brings their
    # utilisation from the normal rate in 2016 to the industry's published 80.18 % in 2019
    # with the baseline's investment (the published figure is for the whole industry, which
    # medium and large firms dominate; micro and small units' capacity follows their count).
    rest_cap_2016 = rest_2016 / u_normal
    cal = CALIBRATION_YEAR - BASE_YEAR
    u_cal = history.series("utilisation_pct")[CALIBRATION_YEAR] / 100.0
    rest_target = rest_obs[:, cal : cal + 1] / u_cal
    capacity_per_rp = eq.calibrate_capacity_cost(
        rest_cap_2016, rest_target, (1.0 - small_share) * base_investment, keep, cal
    )

    rest_base = _medium_baseline(
        rest_cap_2016, small_share, base_investment, capacity_per_rp, keep, len(t0)
    )
    rest_base = np.where(observed, np.fmax(rest_base, rest_obs), rest_base)
    power = eq.powers(keep, len(t0))
    # After the last observed year a unit's output grows with output per worker (its
    # workers stay the same): the factor is workers per rupiah relative to that year.
    factor = eq.productivity_factor(years, last, p["labour_productivity_growth"])
    unit_output_t = unit_output / factor  # [Rp tn/yr per unit]
    li = min(last, int(years_1d[-1])) - BASE_YEAR
    small_last = small_obs[:, li : li + 1]
    rest_last = rest_obs[:, li : li + 1]

    # Demand on its trend: observed, then from the last observed year at the trends.
    growth = (p["demand_growth_domestic"], p["demand_growth_export"], p["export_share_offline"])
    small_trend = np.where(observed, small_obs, eq.trend_demand(small_last, years, last, *growth))
    rest_trend = np.where(observed, rest_obs, eq.trend_demand(rest_last, years, last, *growth))
    # Micro and small units open and close with their market: their number follows the
    # segment's demand at a unit's sales (so the count holds in its year, and the trend
    # never mixes registers of different coverage).
    units_trend = small_trend / unit_output_t
    # Online selling among micro and small units: the baseline's diffusion curve fitted to
    # the observed shares, and the programme's path above it.
    online_years, online_values = _online_points(history)
    rate, intercept = eq.logistic_fit(online_years, online_values, p["online_ceiling"])
    share_base = eq.diffusion(years, p["online_ceiling"], rate, intercept, online_years.mean())
    return {name: value for name, value in locals().items() if name in ASSUMED}


ASSUMED = (
    "years",
    "t0",
    "last",
    "observed",
    "defaults",
    "unit_output",
    "small_va_ratio",
    "unit_capital",
    "u_normal",
    "keep",
    "production_obs",
    "base_investment",
    "index",
    "ci",
    "index_count",
    "medium_workers",
    "units_count",
    "small_workers",
    "workers_clipped",
    "units_2016",
    "small_2016",
    "unit_output_clipped",
    "rest_2016",
    "medium_measured",
    "medium_measured_2016",
    "medium_clipped",
    "medium_share",
    "small_obs",
    "rest_obs",
    "small_share",
    "rest_cap_2016",
    "cal",
    "u_cal",
    "rest_target",
    "capacity_per_rp",
    "rest_base",
    "power",
    "factor",
    "unit_output_t",
    "li",
    "small_last",
    "rest_last",
    "growth",
    "small_trend",
    "rest_trend",
    "units_trend",
    "online_years",
    "online_values",
    "rate",
    "intercept",
    "share_base",
)
_ASSUMED_CACHE: dict[tuple, dict[str, Any]] = {}


def _assumed_cached(
    p: dict[str, np.ndarray], years_1d: np.ndarray, table: ParameterTable, history: History
) -> dict[str, Any]:
    """:func:`_assumed`, from memory when a one-row run's assumptions were seen before."""
    if any(p[name].shape[0] != 1 for name in _assumption_names(table)):
        return _assumed(p, years_1d, table, history)
    key = (
        id(table),
        id(history),
        int(years_1d[-1]),
        np.concatenate([p[name].reshape(-1) for name in _assumption_names(table)]).tobytes(),
    )
    found = _ASSUMED_CACHE.get(key)
    if found is None:
        found = _assumed(p, years_1d, table, history)
        for value in found.values():
            if isinstance(value, np.ndarray):
                value.flags.writeable = False
        if len(_ASSUMED_CACHE) >= _TWINS_MAX:
            _ASSUMED_CACHE.pop(next(iter(_ASSUMED_CACHE)))
        _ASSUMED_CACHE[key] = found
    return found


def _assumption_names(table: ParameterTable) -> tuple[str, ...]:
    return tuple(name for name in table if table[name].role == "assumption")


def _core(
    p: dict[str, np.ndarray],
    n: int,
    years_1d: np.ndarray,
    table: ParameterTable,
    history: History,
    with_regions: bool,
    assumed: dict[str, Any] | None = None,
) -> dict[str, dict[str, np.ndarray]]:
    """Every output of the rows in ``p`` for ``years_1d`` (no baseline, no wider jobs);
    ``assumed`` is what :func:`_assumed` gives for the same assumptions, when known."""
    a = assumed if assumed is not None else _assumed_cached(p, years_1d, table, history)
    years = a["years"]
    observed = a["observed"]
    defaults = a["defaults"]
    small_va_ratio = a["small_va_ratio"]
    unit_capital = a["unit_capital"]
    u_normal = a["u_normal"]
    keep = a["keep"]
    base_investment = a["base_investment"]
    ci = a["ci"]
    medium_workers = a["medium_workers"]
    units_count = a["units_count"]
    small_workers = a["small_workers"]
    workers_clipped = a["workers_clipped"]
    units_2016 = a["units_2016"]
    unit_output_clipped = a["unit_output_clipped"]
    rest_2016 = a["rest_2016"]
    medium_clipped = a["medium_clipped"]
    medium_share = a["medium_share"]
    small_obs = a["small_obs"]
    rest_obs = a["rest_obs"]
    small_share = a["small_share"]
    capacity_per_rp = a["capacity_per_rp"]
    rest_base = a["rest_base"]
    power = a["power"]
    factor = a["factor"]
    unit_output_t = a["unit_output_t"]
    small_trend = a["small_trend"]
    rest_trend = a["rest_trend"]
    units_trend = a["units_trend"]
    rate = a["rate"]
    intercept = a["intercept"]
    share_base = a["share_base"]

    # Instruments act from the policy start year; before it every row is the baseline.
    policy = years >= p["policy_start_year"]
    investment = np.where(policy, p["investment"], base_investment)
    extra_investment = investment - base_investment
    new_units = np.where(policy, p["new_units"], 0.0)
    place_units = np.where(policy, p["sales_place_units"], 0.0)

    # Capacity: spending in year t acts from t + 1, and wears out at the attrition rate.
    # What was produced in an observed year was within capacity, whatever the model says.
    rest_extra = eq.accumulate(
        0.0, eq.lagged((1.0 - small_share) * extra_investment * capacity_per_rp), keep, power
    )
    rest_capacity = rest_base + rest_extra
    units_invest = eq.accumulate(
        0.0, eq.lagged(small_share * extra_investment / unit_capital), keep, power
    )
    # Programme units beyond what would have opened anyway (deadweight), and of those the
    # ones that survive their first years; the survivors then close at the attrition rate.
    opened = new_units * (1.0 - p["new_units_deadweight"] / 100.0)
    survivors = opened * p["programme_survival"] / 100.0
    units_programme = eq.accumulate(0.0, eq.lagged(survivors), keep, power)
    # Investment below the baseline's takes away units the trend would have opened or kept,
    # never more units than there are.
    units_invest = np.maximum(units_trend + units_invest, 0.0) - units_trend
    units_small = units_trend + units_invest + units_programme
    small_capacity = units_small * unit_output_t / u_normal
    small_capacity = np.where(observed, np.fmax(small_capacity, small_obs), small_capacity)
    capacity = small_capacity + rest_capacity

    # At its table value the instrument means "no programme": the share follows the curve.
    target = np.where(
        p["online_adoption"] == defaults["online_adoption"], 0.0, p["online_adoption"]
    )
    share = eq.policy_share(
        share_base, years, p["policy_start_year"], target, p["online_target_year"],
        p["online_max_pace"],
    )  # fmt: skip
    extra_adopters = (share - share_base) * units_small

    # What policy adds to demand, net of displacement. New units and new capacity sell part
    # of their output to new buyers and take the rest from existing firms; the more a
    # segment's sales grow against its market, the more of the gain is taken from others:
    # d = 1 - (1 - d0) M / (M + N), with M the segment's market on its trend and N every
    # instrument's gain after its base displacement d0, so the additional sales M N / (M + N)
    # grow with every instrument and never exceed the market itself.
    gain_online = extra_adopters * unit_output_t * p["online_uplift"] / 100.0
    gain_place = place_units * unit_output_t * p["sales_place_uplift"] / 100.0
    gain_invest = units_invest * unit_output_t
    gain_programme = units_programme * unit_output_t
    gain_rest = rest_extra * u_normal
    base_online = eq.net_of_displacement(gain_online, p["online_displacement"])
    base_place = eq.net_of_displacement(gain_place, p["sales_place_displacement"])
    base_invest = eq.net_of_displacement(gain_invest, p["capacity_displacement"])
    base_programme = eq.net_of_displacement(gain_programme, p["capacity_displacement"])
    base_rest = eq.net_of_displacement(gain_rest, p["capacity_displacement"])
    market_small = eq.market_share_kept(
        small_trend,
        np.maximum(base_online, 0.0)
        + np.maximum(base_place, 0.0)
        + np.maximum(base_invest, 0.0)
        + base_programme,
    )
    market_rest = eq.market_share_kept(rest_trend, np.maximum(base_rest, 0.0))
    net_online = base_online * market_small
    net_place = base_place * market_small
    net_invest = base_invest * market_small
    net_programme = base_programme * market_small
    added_small = net_online + net_place + net_invest + net_programme
    added_rest = base_rest * market_rest
    small_demand = np.maximum(small_trend + added_small, 0.0)
    rest_demand = np.maximum(rest_trend + added_rest, 0.0)
    small_sales = np.minimum(small_demand, small_capacity)
    rest_sales = np.minimum(rest_demand, rest_capacity)
    sales = small_sales + rest_sales
    demand = small_demand + rest_demand
    # The share of small-unit demand that is sold (below 1 when capacity binds).
    sold = np.where(small_demand > 0, small_sales / np.maximum(small_demand, 1e-12), 0.0)
    # Sales gained by units that already exist (online, sales places) raise their workers
    # less than one for one (labour hoarding): the employment elasticity; new units' and new
    # capacity's sales bring their workers in full.
    existing_gain = net_online + net_place
    # What those gains add to sales: sales with them less sales without them (nothing when
    # capacity binds before them: the units then run full whatever sells).
    without = np.minimum(np.maximum(small_demand - existing_gain, 0.0), small_capacity)
    hoarded = (1.0 - p["existing_jobs_elasticity"]) * (small_sales - without)

    # Value added, jobs, exports.
    online = eq.online_sales(small_sales, share, p["online_uplift"])
    value_added = eq.value_added(small_sales, small_va_ratio, online, p["online_va_premium"]) + (
        p["medium_value_added_ratio"] / 100.0 * rest_sales
    )
    # Workers per rupiah of output, pinned to the count in its year: micro and small units'
    # workers on their sales; medium firms' workers on the medium firms and the unexplained
    # rest together (the rest carries no counted workers of its own).
    small_per_rp = small_workers / small_obs[:, ci : ci + 1]  # [persons per Rp tn]
    rest_per_rp = medium_workers / rest_obs[:, ci : ci + 1]
    jobs_small = (small_sales - hoarded) * small_per_rp * factor
    jobs_medium = rest_sales * rest_per_rp * factor
    mi = MEDIUM_ANCHOR_YEAR - BASE_YEAR
    units_medium = rest_capacity * (p["medium_units_2018"] / rest_capacity[:, mi : mi + 1])
    exports = eq.exports_usd_mn(
        sales,
        online,
        p["online_uplift"],
        p["online_displacement"],
        p["export_share_offline"],
        p["export_share_online"],
        p["exchange_rate"],
    )
    # Public cost: e-Smart's budget per trainee over the trainees who go on to sell online;
    # each sales place once; each unit a programme supports (deadweight units included);
    # the rebate on all subsidised investment, of which the deadweight share would have been
    # invested anyway (so the rebate per rupiah of added investment is s / (1 - deadweight)).
    cost = (
        eq.one_off(np.maximum(extra_adopters, 0.0))
        * p["cost_online_unit"]
        / (p["online_conversion"] / 100.0)
        + eq.one_off(place_units) * p["cost_sales_place"]
        + new_units * p["cost_new_unit"]
    ) / eq.RP_MN_PER_TN + np.maximum(extra_investment, 0.0) * p["investment_subsidy"] / 100.0 / (
        1.0 - p["investment_deadweight"] / 100.0
    )

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
        "production_medium_rp_tn": rest_sales * medium_share,
        "production_other_rp_tn": rest_sales * (1.0 - medium_share),
        "jobs_small": jobs_small,
        "jobs_medium": jobs_medium,
        "programme_cost_rp_tn": cost,
    }
    diag = {
        "unit_output_clipped": (unit_output_clipped | medium_clipped | workers_clipped).astype(
            np.float64
        ),
        "online_target": target,
        "online_target_year": p["online_target_year"],
        "policy_start_year": p["policy_start_year"],
        "small_investment_share": small_share,
        "capacity_per_rp": capacity_per_rp,
        "small_workers_per_unit": small_workers / units_count,
        "small_workers_count": small_workers,
        "medium_workers_count": medium_workers,
        "medium_production_2016": rest_2016 * medium_share,
        "other_production_2016": rest_2016 * (1.0 - medium_share),
        "units_small_2016": units_2016,
        "units_small_count": units_count,
        "online_rate": rate,
        "online_intercept": intercept,
    }

    def regional() -> dict[str, np.ndarray]:
        base = eq.shares3(p["base_share_jabar"], p["base_share_jatim"])
        new = eq.shares3(p["new_units_share_jabar"], p["new_units_share_jatim"])
        place = eq.shares3(p["sales_place_share_jabar"], p["sales_place_share_jatim"])
        # Each part of small-unit demand where it arises: gains in their own region; what
        # they take from others lost by the existing units (never more than those sell),
        # spread over all regions, except a sales place's, which its own market's sellers
        # lose (a market in Bogor takes from Bogor sellers) as far as they exist there.
        gains = gain_online + gain_invest + gain_programme + gain_place
        disp_place = gain_place - net_place
        displaced = gains - (net_online + net_invest + net_programme + net_place)
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
        small_r = sold[:, None, :] * (
            left
            + kept
            * (
                (gain_online + gain_invest)[:, None, :] * base
                + gain_programme[:, None, :] * new
                + gain_place[:, None, :] * place
            )
        )
        where = net_online[:, None, :] * base + net_place[:, None, :] * place
        share = np.where(
            existing_gain[:, None, :] > 0,
            where / np.maximum(existing_gain[:, None, :], 1e-300),
            0.0,
        )
        hoarded_r = hoarded[:, None, :] * share
        rest_r = rest_sales[:, None, :] * base
        labour = factor[:, None, :] if factor.ndim == 2 else factor
        return {
            "production_rp_tn": small_r + rest_r,
            "jobs": (
                (small_r - hoarded_r) * small_per_rp[:, None, :] + rest_r * rest_per_rp[:, None, :]
            )
            * labour,
            "units": (units_trend + units_invest + units_medium)[:, None, :] * base
            + units_programme[:, None, :] * new,
        }

    regions: Mapping[str, np.ndarray] = Lazy(regional) if with_regions else {}
    paths = {}
    if with_regions:  # what the plausibility flags need; large batches skip it
        paths = {
            "exports_industry_usd_mn": _industry_exports(
                history, years_1d, p["demand_growth_export"]
            ),
            "online_share_base_pct": 100.0 * share_base,
            # Policy gains (after base displacement) against their segment's market [%], the
            # larger of the two segments'.
            "market_gain_pct": 100.0
            * np.maximum(
                1.0 / np.maximum(market_small, 1e-12), 1.0 / np.maximum(market_rest, 1e-12)
            )
            - 100.0,
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
