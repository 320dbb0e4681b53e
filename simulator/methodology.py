"""The numbers the methodology page computes rather than states: the reconciliation of the
published figures, the derived values of the calibration, the cost per job of each route,
a back-test of the counts kept out of calibration, and a back-test of the projection
against the years since 2016.

Each is a pure function of the parameter table (and the scenario's values where it
matters), so the page can never show a figure that the model does not use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from simulator import formatting as fmt
from simulator.history import BASE_YEAR, History, load_history
from simulator.i18n import pick, tr
from simulator.model import simulate
from simulator.params import ParameterTable, load_parameters
from simulator.report import MINUS, Efficiency, efficiency

RECONCILIATION_YEARS = (2016, 2018, 2020, 2023, 2030)
RECONCILED = (
    "production_rp_tn",
    "units",
    "units_small",
    "units_medium",
    "jobs",
    "jobs_small",
)
# Footwear's share of KBLI 15 (leather, leather goods and footwear) IKM in 2010, BPS via
# Kemenperin (Republika, berita/oj8bra383, 2017): of the units and of the workers. It reads
# the later KBLI 15 counts as footwear alone.
FOOTWEAR_UNIT_SHARE = 0.49
FOOTWEAR_WORKER_SHARE = 0.51
# A held-out count passes when the model is within its published range, or within this
# share of the range's nearer end (registers of one population differ by about this much).
HOLDOUT_TOLERANCE = 0.10


def reconciliation(lang: str, table: ParameterTable | None = None) -> pd.DataFrame:
    """The baseline against every published figure of the same coverage, by year."""
    table = table or load_parameters()
    history = load_history()
    result = simulate({"end_year": max(RECONCILIATION_YEARS)}, params=table)
    frame = history.table()
    rows = []
    for output in RECONCILED:
        published = frame[(frame["quantity"] == output) & (frame["kind"] == "observed")]
        years = sorted(set(RECONCILIATION_YEARS) | set(published["year"].astype(int)))
        for year in years:
            if year < BASE_YEAR or year > max(RECONCILIATION_YEARS):
                continue
            model = float(result.baseline[output][0, result.index(year)])
            match = published[published["year"] == year]
            shown = "–"
            source = use = ""
            if not match.empty:
                first = match.iloc[0]
                shown = _show(output, float(first["value_2016"]), lang)
                # The citation in the page's language (agency first, then the news site), the
                # derived row named as derived, and how the model uses the figure.
                source = (
                    tr("rec_derived", lang)
                    if first["derived"]
                    else pick(lang, first["citation_id"], first["citation_en"])
                )
                use = tr(f"coverage_{first['coverage']}", lang)
            rows.append(
                {
                    tr("rec_output", lang): tr(f"out_{output}", lang),
                    tr("col_year", lang): str(year),
                    tr("rec_model", lang): _show(output, model, lang),
                    tr("rec_published", lang): shown,
                    tr("rec_source", lang): source,
                    tr("rec_use", lang): use,
                }
            )
    return pd.DataFrame(rows)


def history_sources(lang: str, history: History | None = None) -> pd.DataFrame:
    """Every published figure of the history file as the methodology page lists it: year,
    what it is, its value as published (with its unit), its citation (agency first, then
    the news site that carried it) and its web address. Derived rows are left out: their
    address is the growth figure's, listed in its own row."""
    frame = (history or load_history()).table()
    frame = frame[~frame["derived"].astype(bool)]  # in the file's order, topic by topic
    return pd.DataFrame(
        {
            tr("col_year", lang): frame["year"].astype(int).astype(str),
            tr("src_figure", lang): [tr(f"hq_{q}", lang) for q in frame["quantity"]],
            tr("src_value", lang): [
                fmt.param_value(float(v), unit, lang).replace("-", MINUS, 1)
                for v, unit in zip(frame["value"], frame["unit"], strict=True)
            ],
            tr("rec_source", lang): [
                pick(lang, cid, cen)
                for cid, cen in zip(frame["citation_id"], frame["citation_en"], strict=True)
            ],
            tr("src_address", lang): frame["source_url"].astype(str),
        }
    )


def _show(output: str, value: float, lang: str) -> str:
    if output.endswith("_rp_tn"):
        return fmt.rp_tn(value, lang)
    return fmt.number(value, lang)


def derived_values(values: Mapping[str, float], lang: str, table: ParameterTable | None = None):
    """The calibration's derived values for the scenario's assumptions, with their basis."""
    table = table or load_parameters()
    result = simulate(dict(values), params=table)
    d = {k: float(v[0, 0]) for k, v in result.diagnostics.items()}
    p = {**table.defaults, **values}
    per_rp = d["capacity_per_rp"]
    capital = 1.0 / per_rp if per_rp > 0 else float("inf")
    icor = capital_relation(values, table)
    small_2016 = float(result.at("production_small_rp_tn", 2016)[0])
    target_year = int(p["online_target_year"])
    end = simulate({**values, "end_year": max(target_year, int(p["end_year"]))}, params=table)
    share_target = float(end.paths["online_share_base_pct"][0, end.index(target_year)])
    rows = [
        ("d_units_count", fmt.number(d["units_small_count"], lang)),
        ("d_small_share", fmt.percent(100 * small_2016 / p["production_2016"], lang)),
        ("d_medium_2016", fmt.rp_tn(d["medium_production_2016"], lang)),
        ("d_other_2016", fmt.rp_tn(d["other_production_2016"], lang)),
        ("d_workers_per_unit", fmt.number(d["small_workers_per_unit"], lang, 2)),
        ("d_capital_per_rp", fmt.number(capital, lang, 2)),
        ("d_icor", _with_range(icor["marginal"], lang)),
        ("d_icor_gross", _with_range(icor["gross"], lang)),
        ("d_invest_share", fmt.percent(100 * d["small_investment_share"], lang)),
        ("d_online_rate", fmt.number(d["online_rate"], lang, 3)),
        ("d_online_target", fmt.percent(share_target, lang)),
    ]
    return pd.DataFrame(
        [
            {
                tr("d_name", lang): tr(key, lang, year=target_year),
                tr("d_value", lang): shown,
                tr("d_basis", lang): tr(f"{key}_basis", lang),
            }
            for key, shown in rows
        ]
    )


# Each instrument alone, at the size of its preset, for the table of costs by instrument.
INSTRUMENTS = (
    ("route_medium", {"investment": 5.6}),
    ("route_small", {"new_units": 1250}),
    ("route_online", {"online_adoption": 75}),
    ("route_place", {"sales_place_units": 2000}),
)


def instrument_appraisal(
    values: Mapping[str, float], table: ParameterTable | None = None
) -> list[tuple[str, Efficiency]]:
    """Each instrument alone (at its preset's size, on the scenario's assumptions): present
    values over the appraisal period and the cost per net additional job-year."""
    table = table or load_parameters()
    assumptions = {k: v for k, v in values.items() if k not in table.policy}
    n = len(INSTRUMENTS)
    batch: dict[str, object] = dict(assumptions)
    for name in table.policy:
        column = np.full(n, table[name].value)
        for i, (_, setting) in enumerate(INSTRUMENTS):
            if name in setting:
                column[i] = setting[name]
        if (column != table[name].value).any():
            batch[name] = column
    result = simulate(batch, params=table, with_regions=False, appraise=True)
    return [(key, efficiency(result, i)) for i, (key, _) in enumerate(INSTRUMENTS)]


def capital_relation(
    values: Mapping[str, float], table: ParameterTable | None = None
) -> dict[str, tuple[float, float, float]]:
    """Investment per rupiah of added value added, on two bases, each (central, low, high).

    ``gross`` is BPS's ICOR basis: all gross investment of medium firms and the rest over
    the yearly rise of their value added, 2016-2019 (replacement of worn capacity
    included), comparable with the national 6.7-6.9. ``marginal`` is what one more rupiah
    of capacity costs per rupiah of value added it adds at normal use (net of attrition).
    The range moves the assumptions the calibration rests on, attrition and the value added
    ratio, over their uncertainty ranges.
    """
    from simulator.analysis import load_ranges  # avoid a cycle at import

    table = table or load_parameters()
    ranges = load_ranges(table=table)
    p = {**table.defaults, **values}
    grid = []
    for name in ("attrition", "medium_value_added_ratio"):
        low, _, high = ranges[name].around(p[name], (table[name].min, table[name].max))
        grid.append((low, p[name], high))
    attrition = np.array([a for a in grid[0] for _ in grid[1]])
    ratio = np.array([v for _ in grid[0] for v in grid[1]])
    result = simulate(
        {**values, "attrition": attrition, "medium_value_added_ratio": ratio, "end_year": 2020},
        params=table,
        with_regions=False,
    )
    share = result.diagnostics["small_investment_share"][:, 0]
    per_rp = result.diagnostics["capacity_per_rp"][:, 0]
    rest = result["production_medium_rp_tn"] + result["production_other_rp_tn"]
    cal = 2019 - 2016
    rise = (rest[:, cal] - rest[:, 0]) / cal * ratio / 100
    investment = (1.0 - share) * table["investment"].value
    gross = np.where(rise > 0, investment / np.maximum(rise, 1e-12), np.inf)
    marginal = np.where(
        per_rp > 0,
        1.0 / np.maximum(per_rp, 1e-12) / (p["normal_utilisation"] / 100 * ratio / 100),
        np.inf,
    )
    centre = 4  # attrition and value added ratio at the scenario's own values
    return {
        "gross": (float(gross[centre]), float(gross.min()), float(gross.max())),
        "marginal": (float(marginal[centre]), float(marginal.min()), float(marginal.max())),
    }


def _with_range(values: tuple[float, float, float], lang: str) -> str:
    centre, low, high = values
    return tr(
        "d_value_range",
        lang,
        value=fmt.number(centre, lang, 1),
        range=fmt.value_range(fmt.number(low, lang, 1), fmt.number(high, lang, 1), lang),
    )


def routes(
    values: Mapping[str, float], lang: str, table: ParameterTable | None = None
) -> pd.DataFrame:
    """Cost per net additional job-year, instrument by instrument, in present values over
    the ten years from the policy start, with deadweight, displacement, survival and
    conversion as the scenario's assumptions set them."""
    rows = []
    for key, found in instrument_appraisal(values, table):
        per_job = found.cost_per_job_year_rp_mn
        per_rupiah = found.value_added_per_rupiah
        rows.append(
            {
                tr("route", lang): tr(key, lang),
                tr("route_cost", lang): fmt.rp_tn(found.cost_rp_tn, lang),
                tr("route_job_years", lang): fmt.number(found.job_years, lang),
                tr("route_public_net", lang): fmt.rp_mn(per_job, lang)
                if per_job is not None
                else tr("m_no_job_years", lang),
                tr("route_va", lang): fmt.number(per_rupiah, lang, 1)
                if per_rupiah is not None
                else tr("m_no_value_added", lang),
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class HeldOut:
    """A published count kept out of calibration, read for the model's coverage as a range."""

    output: str  # the model output it is compared with
    year: int
    low: float
    high: float
    basis: str  # translation key of how the range is read from the published figures

    def error(self, model: float) -> float:
        """How far ``model`` lies outside the range, as a share of its nearer end (0 inside)."""
        if model < self.low:
            return model / self.low - 1.0
        if model > self.high:
            return model / self.high - 1.0
        return 0.0


def held_out(history: History | None = None) -> list[HeldOut]:
    """The counts no calibration uses, each read as a range for the model's coverage.

    KBLI 15 counts are read as footwear alone at footwear's 2010 share (low end) and as if
    they were footwear (high end); the 2024 count of medium and large firms less the large
    firms of 2018 (high end) or at the 2018 mix (low end).
    """
    history = history or load_history()
    frame = history.table()

    def published(quantity: str, year: int) -> float:
        rows = frame[(frame["quantity"] == quantity) & (frame["year"] == year)]
        return float(rows["value_2016"].iloc[0])

    small_kbli15 = published("units_small", 2025)
    micro_small = published("units_small", 2024)
    units_low = small_kbli15 * FOOTWEAR_UNIT_SHARE
    medium_large = published("units_medium_large", 2024)
    medium, large = published("units_medium", 2018), published("units_large", 2018)
    out = [
        HeldOut("units_small", 2024, units_low, micro_small, "ho_units_small"),
        HeldOut("units_small", 2025, units_low, micro_small, "ho_units_small"),
        HeldOut(
            "units_medium",
            2024,
            medium_large * medium / (medium + large),
            medium_large - large,
            "ho_units_medium",
        ),
    ]
    for year in (2022, 2025):
        workers = published("jobs_small", year)
        out.append(
            HeldOut("jobs_small", year, workers * FOOTWEAR_WORKER_SHARE, workers, "ho_jobs_small")
        )
    return out


def holdout_check(
    values: Mapping[str, float] | None = None, table: ParameterTable | None = None
) -> pd.DataFrame:
    """The baseline against each held-out count: model, range, error and whether it passes."""
    table = table or load_parameters()
    checks = held_out()
    result = simulate({**(values or {}), "end_year": max(c.year for c in checks)}, params=table)
    rows = []
    for check in checks:
        model = float(result.baseline[check.output][0, result.index(check.year)])
        error = check.error(model)
        rows.append(
            {
                "output": check.output,
                "year": check.year,
                "model": model,
                "low": check.low,
                "high": check.high,
                "basis": check.basis,
                "error_pct": 100 * error,
                "within_range": error == 0.0,
                "passes": abs(error) <= HOLDOUT_TOLERANCE,
            }
        )
    return pd.DataFrame(rows)


def holdout_table(lang: str, table: ParameterTable | None = None) -> pd.DataFrame:
    """The held-out back-test formatted for the page."""
    frame = holdout_check(table=table)
    verdicts = [
        tr("ho_within" if inside else ("ho_near" if ok else "ho_outside"), lang,
           pct=fmt.percent_signed(err, lang))
        for inside, ok, err in zip(
            frame["within_range"], frame["passes"], frame["error_pct"], strict=True
        )
    ]  # fmt: skip
    return pd.DataFrame(
        {
            tr("rec_output", lang): [tr(f"out_{o}", lang) for o in frame["output"]],
            tr("col_year", lang): frame["year"].astype(str),
            tr("rec_model", lang): [fmt.number(v, lang) for v in frame["model"]],
            tr("ho_range", lang): [
                fmt.value_range(fmt.number(lo, lang), fmt.number(hi, lang), lang)
                for lo, hi in zip(frame["low"], frame["high"], strict=True)
            ],
            tr("ho_basis", lang): [tr(b, lang) for b in frame["basis"]],
            tr("ho_result", lang): verdicts,
        }
    )


def backtest(table: ParameterTable | None = None) -> pd.DataFrame:
    """What the model projects for the observed years from 2016 alone, against what happened.

    Two projections from the 2016 level: with the trend the model uses now (2.56 % a year,
    itself the 2016-2023 average, so its end point fits by construction), and with the
    growth in view in January 2017 (Kemenperin's projection for 2017, +5.53 % nominal,
    about +1.85 % real). Neither knows of 2018's jump or 2020's fall.
    """
    table = table or load_parameters()
    history = load_history()
    alone = _from_2016(history)
    last = history.last_year
    rows = []
    projected = history.projections("production_rp_tn")[2017]
    known = round(100 * (projected / table["production_2016"].value - 1), 2)
    in_view = {"demand_growth_domestic": known, "demand_growth_export": known}
    runs = {
        "trend": simulate({"end_year": last}, params=table, history=alone),
        "in_view": simulate({"end_year": last, **in_view}, params=table, history=alone),
    }
    observed = simulate({"end_year": last}, params=table)
    for year in range(BASE_YEAR, last + 1):
        data = float(observed.at("production_rp_tn", year)[0])
        row = {"year": year, "observed": data}
        for name, run in runs.items():
            value = float(run.baseline["production_rp_tn"][0, run.index(year)])
            row[name] = value
            row[f"{name}_error_pct"] = 100 * (value / data - 1)
        rows.append(row)
    return pd.DataFrame(rows)


def _from_2016(history: History) -> History:
    """The projection starts from 2016; the capacity calibration keeps the later data."""
    return replace(history, last_year=BASE_YEAR)


def backtest_table(lang: str, table: ParameterTable | None = None) -> pd.DataFrame:
    """The back-test formatted for the page."""
    frame = backtest(table)
    return pd.DataFrame(
        {
            tr("col_year", lang): frame["year"].astype(str),
            tr("bt_observed", lang): [fmt.rp_tn(v, lang) for v in frame["observed"]],
            tr("bt_trend", lang): [
                f"{fmt.rp_tn(v, lang)} ({fmt.percent_signed(e, lang)})"
                for v, e in zip(frame["trend"], frame["trend_error_pct"], strict=True)
            ],
            tr("bt_in_view", lang): [
                f"{fmt.rp_tn(v, lang)} ({fmt.percent_signed(e, lang)})"
                for v, e in zip(frame["in_view"], frame["in_view_error_pct"], strict=True)
            ],
        }
    )
