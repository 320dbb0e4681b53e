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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from simulator import equations as eq
from simulator.history import BASE_YEAR, ONLINE, History, load_history, production_path
from simulator.outputs import DERIVED, OUTPUTS
from simulator.params import ParameterTable, load_parameters
from simulator.regions import load_regions
from simulator.scenario import Scenario, ScenarioError, check_shares, check_value

REGIONS = tuple(r.code for r in load_regions())  # data/regions.csv, the rest last
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
    ``regions[name]`` has shape (n_scenarios, n_regions, n_years) in the order of
    :data:`REGIONS`,
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

    A :class:`Scenario` was validated when it was made (``Scenario.from_mapping`` or
    ``from_assignments``), so it is taken as it is: a caller validates once.
    Returns the columns, n and the end year (one for the whole batch).
    """
    if isinstance(values, Scenario):
        checked = {name: np.asarray(value, dtype=np.float64) for name, value in values.values}
    else:
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


T = TypeVar("T")
_PER_TABLE: dict[tuple[str, int], tuple[ParameterTable, Any]] = {}


def _per_table(what: str, table: ParameterTable, make: Callable[[], T]) -> T:
    """``make()`` for ``table``, made once a table (keyed by the table's identity, checked
    against the table itself, since a freed table's id can be reused)."""
    key = (what, id(table))
    found = _PER_TABLE.get(key)
    if found is None or found[0] is not table:
        found = _PER_TABLE[key] = (table, make())
    return found[1]


def _default_columns(table: ParameterTable) -> dict[str, np.ndarray]:
    """Every parameter at its table value as a read-only (1, 1) column, made once a table."""

    def make() -> dict[str, np.ndarray]:
        columns = {}
        for name, value in table.defaults.items():
            column = np.full((1, 1), value)
            column.flags.writeable = False
            columns[name] = column
        return columns

    return _per_table("defaults", table, make)


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
    labour = eq.productivity_factor(
        years[None, :].astype(np.float64), history.last_year, p["labour_productivity_growth"]
    )
    per_rp = eq.supplier_jobs_per_rp(p["supplier_jobs_per_rp"], p["import_leakage"], labour)
    out["jobs_indirect"], out["jobs_induced"] = eq.wider_jobs(
        change, p["output_multiplier_type1"], p["output_multiplier_type2"], per_rp
    )
    base["jobs_indirect"] = np.zeros_like(base["jobs"])
    base["jobs_induced"] = np.zeros_like(base["jobs"])
    for output in DERIVED:  # declared as arithmetic on the outputs above them
        out[output.name], base[output.name] = output.compute(out), output.compute(base)
    appraisal = _appraise(out, base, years, p, n) if appraise else {}

    shown = int(keep.sum())  # the years shown are the first ones: crop with a slice (a view)

    def shaped(arrays: dict[str, np.ndarray], axis_regions: bool = False) -> dict[str, np.ndarray]:
        full = (n, len(REGIONS), len(years)) if axis_regions else (n, len(years))
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


# The rows of a paired result (:meth:`Result.paired`, :func:`simulate_pair`).
SCENARIO, BASELINE = 0, 1


def simulate_pair(
    values: Mapping[str, Any] | Scenario, table: ParameterTable | None = None
) -> Result:
    """One scenario (row :data:`SCENARIO`) and its baseline (row :data:`BASELINE`: the same
    assumptions with the instruments reset), from one model call: what the page, the
    downloads and the CLI show. A :class:`Scenario` is run as validated when it was made."""
    given = values if isinstance(values, Scenario) else dict(values)
    return simulate(given, params=table or load_parameters()).paired()


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
    weight = eq.discount_weights(years[None, lo:hi], start, p["discount_rate"], APPRAISAL_YEARS)

    def present(array: np.ndarray) -> np.ndarray:
        return np.broadcast_to(eq.present_value(array[:, lo:hi], weight), (n,)).copy()

    last = np.minimum(start + APPRAISAL_YEARS - 1, years[-1])
    return {
        "first_year": np.broadcast_to(start.reshape(-1), (n,)).astype(np.float64),
        "last_year": np.broadcast_to(last.reshape(-1), (n,)).astype(np.float64),
        "discount_rate_pct": np.broadcast_to(p["discount_rate"].reshape(-1), (n,)).copy(),
        "pv_cost_rp_tn": present(out["programme_cost_rp_tn"]),
        "pv_job_years": present(out["jobs"] - base["jobs"]),
        "pv_value_added_rp_tn": present(out["value_added_rp_tn"] - base["value_added_rp_tn"]),
    }


def _in_year(array: np.ndarray, year: int) -> np.ndarray:
    """The column of one calendar year of a (n, years from 2016) array, as (n, 1)."""
    i = year - BASE_YEAR
    return array[:, i : i + 1]


@dataclass(frozen=True)
class Assumed:
    """What depends on the assumptions alone (the calibration, the trends, the online curve),
    shared by a scenario and its baseline twin. Arrays are (n, 1) or (n, T)."""

    years: np.ndarray  # (1, T) calendar years
    observed: np.ndarray  # (1, T) the years that replay published data [bool]
    base_investment: float  # the baseline's investment [Rp tn a year]
    no_online_programme: float  # the online lever's table value, meaning none [%]
    small_va_ratio: np.ndarray  # value added per rupiah of small units' sales [0..1]
    unit_capital: np.ndarray  # set-up investment of a unit [Rp tn per unit]
    u_normal: np.ndarray  # normal utilisation [0..1]
    keep: np.ndarray  # what survives a year of attrition [0..1]
    power: np.ndarray  # keep^t
    count: eq.Count  # the ministry's count split
    seg: eq.Segments  # production by segment, 2016 and observed
    small_share: np.ndarray  # micro and small units' share of investment [0..1]
    capacity_per_rp: np.ndarray  # the rest's capacity per rupiah invested [Rp tn per Rp tn]
    rest_base: np.ndarray  # the rest's capacity with the baseline's investment [Rp tn]
    factor: np.ndarray  # workers per rupiah relative to the last observed year [ratio]
    unit_output: np.ndarray  # a unit's sales each year [Rp tn/yr per unit]
    small_trend: np.ndarray  # micro and small units' demand on its trend [Rp tn]
    rest_trend: np.ndarray  # the rest's demand on its trend [Rp tn]
    units_trend: np.ndarray  # micro and small units on the trend [units]
    small_per_rp: np.ndarray  # small units' workers per rupiah, count year [persons per Rp tn]
    rest_per_rp: np.ndarray  # medium firms' workers per rupiah of the rest, count year
    rate: np.ndarray  # the online curve's rate [per year]
    intercept: np.ndarray  # and its intercept
    share_base: np.ndarray  # share selling online on the curve [0..1]


def _assumed(
    p: dict[str, np.ndarray], years_1d: np.ndarray, table: ParameterTable, history: History
) -> Assumed:
    """The calibration and the baseline's trends, from the assumptions and the history."""
    years = years_1d[None, :].astype(np.float64)
    last = history.last_year
    observed = years <= last
    base_investment = table.defaults["investment"]
    keep = eq.kept_share(p["attrition"])
    u_normal = eq.fraction(p["normal_utilisation"])
    unit_capital = eq.rp_tn(p["unit_investment"])  # [Rp tn per unit]
    # The sector's real growth index (1 in 2016; NaN after the last observed year).
    index = eq.growth_index(
        production_path(history, p["production_2016"], years_1d), p["production_2016"]
    )
    index_count = _in_year(index, COUNT_YEAR)

    # The ministry's count of footwear IKM (small and medium) in the count year: medium
    # firms as registered in 2018, each with its workers; micro and small units the rest.
    count = eq.count_split(
        p["ikm_units_2017"], p["ikm_workers_2017"], p["medium_units_2018"],
        p["medium_workers_per_unit"],
    )  # fmt: skip
    # Observed years: each part follows the sector's published real growth from its 2016
    # level, so the split, and the jobs pinned to the published counts, do not depend on
    # the total. Micro and small units sell the survey's Rp 14 million a month each (cut to
    # leave the rest at least 5 % of the total); medium firms make their workers' output at
    # the published output per worker; what neither explains is the unexplained rest.
    seg = eq.segments(
        index=index,
        index_count=index_count,
        small_units=count.small_units,
        unit_sales_rp_mn=p["unit_sales"],
        production_2016=p["production_2016"],
        medium_workers=count.medium_workers,
        medium_output_per_worker_rp_mn=p["medium_output_per_worker"],
        small_share_max=SMALL_SHARE_MAX,
    )
    # What micro and small units' trend of numbers needs in 2016 (new units at the sector's
    # 2016-2017 growth, replaced units at the attrition rate), over the year's investment.
    small_share = eq.small_investment_share(
        seg.units_2016,
        eq.annual_growth_pct(index_count, COUNT_YEAR - BASE_YEAR),
        keep,
        unit_capital,
        np.float64(base_investment),
    )

    # Medium firms' (and the rest's) capital per rupiah of capacity: what brings their
    # utilisation from the normal rate in 2016 to the industry's published 80.18 % in 2019
    # with the baseline's investment (the published figure is for the whole industry, which
    # medium and large firms dominate; micro and small units' capacity follows their count).
    rest_cap_2016 = eq.capacity_for(seg.rest_2016, u_normal)
    u_cal = eq.fraction(history.series("utilisation_pct")[CALIBRATION_YEAR])
    rest_target = eq.capacity_for(_in_year(seg.rest_observed, CALIBRATION_YEAR), u_cal)
    _, rest_investment = eq.split_investment(base_investment, small_share)
    capacity_per_rp = eq.calibrate_capacity_cost(
        rest_cap_2016, rest_target, rest_investment, keep, CALIBRATION_YEAR - BASE_YEAR
    )
    power = eq.powers(keep, years.shape[1])
    # The rest's capacity with the baseline's investment every year, from the following year.
    rest_base = eq.steady_lagged_stock(
        rest_cap_2016, rest_investment * capacity_per_rp, keep, power
    )
    rest_base = eq.covers_observed(rest_base, seg.rest_observed, observed)
    # After the last observed year a unit's output grows with output per worker (its
    # workers stay the same): the factor is workers per rupiah relative to that year.
    factor = eq.productivity_factor(years, last, p["labour_productivity_growth"])
    unit_output = eq.unit_output_path(seg.unit_output, factor)  # [Rp tn/yr per unit]

    # Demand on its trend: observed, then from the last observed year at the trends.
    at_last = min(last, int(years_1d[-1]))
    growth = (p["demand_growth_domestic"], p["demand_growth_export"], p["export_share_offline"])
    small_trend = eq.replay(
        observed,
        seg.small_observed,
        eq.trend_demand(_in_year(seg.small_observed, at_last), years, last, *growth),
    )
    rest_trend = eq.replay(
        observed,
        seg.rest_observed,
        eq.trend_demand(_in_year(seg.rest_observed, at_last), years, last, *growth),
    )
    # Online selling among micro and small units: the baseline's diffusion curve fitted to
    # the observed shares, and the programme's path above it.
    online_years, online_values = _online_points(history)
    rate, intercept = eq.logistic_fit(online_years, online_values, p["online_ceiling"])
    return Assumed(
        years=years,
        observed=observed,
        base_investment=base_investment,
        no_online_programme=table.defaults["online_adoption"],
        # Value added cannot exceed sales, online premium included.
        small_va_ratio=eq.value_added_ratio(
            p["unit_value_added"], p["unit_sales"], p["online_va_premium"]
        ),
        unit_capital=unit_capital,
        u_normal=u_normal,
        keep=keep,
        power=power,
        count=count,
        seg=seg,
        small_share=small_share,
        capacity_per_rp=capacity_per_rp,
        rest_base=rest_base,
        factor=factor,
        unit_output=unit_output,
        small_trend=small_trend,
        rest_trend=rest_trend,
        # Micro and small units open and close with their market: their number follows the
        # segment's demand at a unit's sales (so the count holds in its year, and the trend
        # never mixes registers of different coverage).
        units_trend=eq.units_for(small_trend, unit_output),
        # Workers per rupiah of output, pinned to the count in its year: micro and small
        # units' workers on their sales; medium firms' workers on the medium firms and the
        # unexplained rest together (the rest carries no counted workers of its own).
        small_per_rp=eq.workers_per_rp(
            count.small_workers, _in_year(seg.small_observed, COUNT_YEAR)
        ),
        rest_per_rp=eq.workers_per_rp(
            count.medium_workers, _in_year(seg.rest_observed, COUNT_YEAR)
        ),
        rate=rate,
        intercept=intercept,
        share_base=eq.diffusion(years, p["online_ceiling"], rate, intercept, online_years.mean()),
    )


_ASSUMED_CACHE: dict[tuple, Assumed] = {}


def _read_only(value: Any) -> None:
    """Make every array in ``value`` (an array, or tuples of them) read-only."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, tuple):
        for item in value:
            _read_only(item)


def _assumed_cached(
    p: dict[str, np.ndarray], years_1d: np.ndarray, table: ParameterTable, history: History
) -> Assumed:
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
        _read_only(tuple(getattr(found, f.name) for f in fields(found)))
        if len(_ASSUMED_CACHE) >= _TWINS_MAX:
            _ASSUMED_CACHE.pop(next(iter(_ASSUMED_CACHE)))
        _ASSUMED_CACHE[key] = found
    return found


def _assumption_names(table: ParameterTable) -> tuple[str, ...]:
    """The names of the table's assumptions, in table order (listed once a table)."""
    return _per_table(
        "assumptions",
        table,
        lambda: tuple(name for name in table if table[name].role == "assumption"),
    )


def _core(
    p: dict[str, np.ndarray],
    n: int,
    years_1d: np.ndarray,
    table: ParameterTable,
    history: History,
    with_regions: bool,
    assumed: Assumed | None = None,
) -> dict[str, dict[str, np.ndarray]]:
    """Every output of the rows in ``p`` for ``years_1d`` (no baseline, no wider jobs);
    ``assumed`` is what :func:`_assumed` gives for the same assumptions, when known.

    A composition of :mod:`simulator.equations`, step by step: the instruments' timing,
    capacity, online adoption, demand and displacement, value added, jobs and exports, public
    cost, and (when first read) the regions.
    """
    a = assumed if assumed is not None else _assumed_cached(p, years_1d, table, history)
    years, start = a.years, p["policy_start_year"]

    # Instruments act from the policy start year; before it every row is the baseline.
    investment = eq.from_start(years, start, p["investment"], a.base_investment)
    extra_investment = investment - a.base_investment
    new_units = eq.from_start(years, start, p["new_units"], 0.0)
    place_units = eq.from_start(years, start, p["sales_place_units"], 0.0)

    cap = eq.capacity(
        extra_investment=extra_investment,
        new_units=new_units,
        small_share=a.small_share,
        capacity_per_rp=a.capacity_per_rp,
        unit_capital=a.unit_capital,
        keep=a.keep,
        power=a.power,
        deadweight_pct=p["new_units_deadweight"],
        survival_pct=p["programme_survival"],
        units_trend=a.units_trend,
        unit_output=a.unit_output,
        normal_utilisation=a.u_normal,
        rest_base=a.rest_base,
        small_observed=a.seg.small_observed,
        observed=a.observed,
    )
    online = eq.online_adoption(
        lever_pct=p["online_adoption"],
        no_programme_pct=a.no_online_programme,
        baseline=a.share_base,
        years=years,
        start=start,
        target_year=p["online_target_year"],
        max_pace_pp=p["online_max_pace"],
        units=cap.units_small,
    )
    gross = eq.gains(
        extra_adopters=online.extra_adopters,
        place_units=place_units,
        units_invest=cap.units_invest,
        units_programme=cap.units_programme,
        rest_extra=cap.rest_extra,
        unit_output=a.unit_output,
        online_uplift_pct=p["online_uplift"],
        place_uplift_pct=p["sales_place_uplift"],
        normal_utilisation=a.u_normal,
    )
    added = eq.additional(
        gross,
        small_market=a.small_trend,
        rest_market=a.rest_trend,
        online_displacement_pct=p["online_displacement"],
        place_displacement_pct=p["sales_place_displacement"],
        capacity_displacement_pct=p["capacity_displacement"],
    )
    sold = eq.sales(
        small_trend=a.small_trend,
        rest_trend=a.rest_trend,
        added=added,
        small_capacity=cap.small,
        rest_capacity=cap.rest,
    )
    # Sales gained by units that already exist (online, sales places) raise their workers
    # less than one for one (labour hoarding); new units' and new capacity's sales bring
    # their workers in full.
    existing_gain = added.online + added.place
    hoarded = eq.hoarded_sales(
        existing_gain=existing_gain,
        demand=sold.small_demand,
        sales=sold.small,
        capacity=cap.small,
        elasticity=p["existing_jobs_elasticity"],
    )

    # Value added, jobs, exports.
    online_rp_tn = eq.online_sales(sold.small, online.share, p["online_uplift"])
    value_added = eq.value_added(
        sold.small, a.small_va_ratio, online_rp_tn, p["online_va_premium"]
    ) + eq.value_added_rest(sold.rest, p["medium_value_added_ratio"])
    jobs = eq.direct_jobs(
        small_sales=sold.small,
        rest_sales=sold.rest,
        hoarded=hoarded,
        small_per_rp=a.small_per_rp,
        rest_per_rp=a.rest_per_rp,
        factor=a.factor,
    )
    units_medium = eq.units_on_capacity(
        cap.rest, p["medium_units_2018"], _in_year(cap.rest, MEDIUM_ANCHOR_YEAR)
    )
    exports = eq.exports_usd_mn(
        sold.total,
        online_rp_tn,
        p["online_uplift"],
        p["online_displacement"],
        p["export_share_offline"],
        p["export_share_online"],
        p["exchange_rate"],
    )
    cost = eq.public_cost(
        extra_adopters=online.extra_adopters,
        place_units=place_units,
        new_units=new_units,
        extra_investment=extra_investment,
        cost_online_unit_rp_mn=p["cost_online_unit"],
        online_conversion_pct=p["online_conversion"],
        cost_sales_place_rp_mn=p["cost_sales_place"],
        cost_new_unit_rp_mn=p["cost_new_unit"],
        subsidy_pct=p["investment_subsidy"],
        investment_deadweight_pct=p["investment_deadweight"],
    )
    medium_sales, other_sales = eq.medium_and_other(sold.rest, a.seg.medium_share)

    outputs = {
        "production_rp_tn": sold.total,
        "sales_rp_tn": sold.total,
        "online_sales_rp_tn": online_rp_tn,
        "value_added_rp_tn": value_added,
        "jobs": jobs.small + jobs.medium,
        "exports_usd_mn": exports,
        "units": cap.units_small + units_medium,
        "online_units": eq.total(cap.units_small, online.share),
        "capacity_rp_tn": cap.total,
        "utilisation_pct": eq.percent_of(sold.total, cap.total),
        "demand_rp_tn": sold.demand,
        "unmet_demand_rp_tn": sold.demand - sold.total,
        "investment_rp_tn": investment + eq.total(new_units, a.unit_capital),
        "online_share_pct": eq.pct(online.share),
        "units_small": cap.units_small,
        "units_medium": units_medium,
        "production_small_rp_tn": sold.small,
        "production_medium_rp_tn": medium_sales,
        "production_other_rp_tn": other_sales,
        "jobs_small": jobs.small,
        "jobs_medium": jobs.medium,
        "programme_cost_rp_tn": cost,
    }
    count, seg = a.count, a.seg
    medium_2016, other_2016 = eq.medium_and_other(seg.rest_2016, seg.medium_share)
    diag = {
        "unit_output_clipped": (
            seg.unit_output_clipped | seg.medium_clipped | count.workers_clipped
        ).astype(np.float64),
        "online_target": online.target,
        "online_target_year": p["online_target_year"],
        "policy_start_year": start,
        "small_investment_share": a.small_share,
        "capacity_per_rp": a.capacity_per_rp,
        "small_workers_per_unit": eq.per_unit(count.small_workers, count.small_units),
        "small_workers_count": count.small_workers,
        "medium_workers_count": count.medium_workers,
        "medium_production_2016": medium_2016,
        "other_production_2016": other_2016,
        "units_small_2016": seg.units_2016,
        "units_small_count": count.small_units,
        "online_rate": a.rate,
        "online_intercept": a.intercept,
    }

    def regional() -> dict[str, np.ndarray]:
        return eq.regions(
            gross=gross,
            added=added,
            small_trend=a.small_trend,
            small_demand=sold.small_demand,
            small_sales=sold.small,
            rest_sales=sold.rest,
            existing_gain=existing_gain,
            hoarded=hoarded,
            small_per_rp=a.small_per_rp,
            rest_per_rp=a.rest_per_rp,
            factor=a.factor,
            units_spread=a.units_trend + cap.units_invest + units_medium,
            units_programme=cap.units_programme,
            base=eq.shares(_shares(p, table, "base")),
            new=eq.shares(_shares(p, table, "new_units")),
            place=eq.shares(_shares(p, table, "sales_place")),
        )

    regions: Mapping[str, np.ndarray] = Lazy(regional) if with_regions else {}
    paths = {}
    if with_regions:  # what the plausibility flags need; large batches skip it
        paths = {
            "exports_industry_usd_mn": _industry_exports(
                history, years_1d, p["demand_growth_export"]
            ),
            "online_share_base_pct": eq.pct(a.share_base),
            "market_gain_pct": eq.market_gain_pct(added.market_small, added.market_rest),
        }
    return {"outputs": outputs, "regions": regions, "diag": diag, "paths": paths}


def _shares(p: Mapping[str, np.ndarray], table: ParameterTable, group: str) -> np.ndarray:
    """The named regions' percentages of one share group of the table, (n, R-1) [%]."""
    columns = np.broadcast_arrays(*(p[name] for name in table.share_group(group).names))
    return np.concatenate(columns, axis=1)


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
