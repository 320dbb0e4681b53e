"""The numbers the methodology page computes rather than states: the reconciliation of the
published figures, the derived values of the calibration, the cost per job of each route,
and a back-test of the projection against the years since 2016.

Each is a pure function of the parameter table (and the scenario's values where it
matters), so the page can never show a figure that the model does not use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np
import pandas as pd

from simulator import formatting as fmt
from simulator.history import BASE_YEAR, History, load_history
from simulator.i18n import tr
from simulator.model import simulate
from simulator.params import ParameterTable, load_parameters

RECONCILIATION_YEARS = (2016, 2018, 2020, 2023, 2030)
RECONCILED = ("production_rp_tn", "units_small", "units_medium", "jobs_small", "jobs")


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
            source = ""
            if not match.empty:
                first = match.iloc[0]
                shown = _show(output, float(first["value_2016"]), lang)
                # The publisher as the file names it (a proper name), the derived row and the
                # coverage in the page's language.
                publisher = tr("rec_derived", lang) if first["derived"] else first["publisher"]
                coverage = tr(f"coverage_{first['coverage']}", lang)
                source = f"{publisher} ({coverage})"
            rows.append(
                {
                    tr("rec_output", lang): tr(f"out_{output}", lang),
                    tr("col_year", lang): str(year),
                    tr("rec_model", lang): _show(output, model, lang),
                    tr("rec_published", lang): shown,
                    tr("rec_source", lang): source,
                }
            )
    return pd.DataFrame(rows)


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
    icor = capital / (p["normal_utilisation"] / 100 * p["medium_value_added_ratio"] / 100)
    small_2016 = float(result.at("production_small_rp_tn", 2016)[0])
    target_year = int(p["online_target_year"])
    end = simulate({**values, "end_year": max(target_year, int(p["end_year"]))}, params=table)
    share_target = float(end.paths["online_share_base_pct"][0, end.index(target_year)])
    rows = [
        ("d_units_2016", fmt.number(d["units_small_2016"], lang)),
        ("d_small_share", fmt.percent(100 * small_2016 / p["production_2016"], lang)),
        ("d_medium_2016", fmt.rp_tn(d["medium_production_2016"], lang)),
        ("d_workers_per_unit", fmt.number(d["small_workers_per_unit"], lang, 2)),
        ("d_capital_per_rp", fmt.number(capital, lang, 2)),
        ("d_icor", fmt.number(icor, lang, 1)),
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


def routes(
    values: Mapping[str, float], lang: str, table: ParameterTable | None = None
) -> pd.DataFrame:
    """Capital and public money per additional direct job, route by route, net of displacement.

    One capital relation per segment serves both routes into it: a micro or small unit costs
    its set-up investment whether a programme or the investment lever pays for it; a rupiah
    of capacity in a medium firm costs the calibrated capital per rupiah.
    """
    table = table or load_parameters()
    p = {**table.defaults, **values}
    result = simulate(dict(values), params=table, with_regions=False)
    d = {k: float(v[0, 0]) for k, v in result.diagnostics.items()}
    u = p["normal_utilisation"] / 100
    unit_sales = float(result.at("production_small_rp_tn", 2016)[0] / d["units_small_2016"])
    # Workers per rupiah of output in each segment, as pinned to the published counts.
    small_jobs_per_rp = float(
        result.at("jobs_small", 2022)[0] / result.at("production_small_rp_tn", 2022)[0]
    )
    medium_jobs_per_rp = float(
        result.at("jobs_medium", 2018)[0] / result.at("production_medium_rp_tn", 2018)[0]
    )
    capital = 1.0 / d["capacity_per_rp"] if d["capacity_per_rp"] > 0 else float("inf")
    keep_cap = 1 - p["capacity_displacement"] / 100
    keep_online = 1 - p["online_displacement"] / 100
    keep_place = 1 - p["sales_place_displacement"] / 100
    jobs_unit = unit_sales * small_jobs_per_rp  # a new unit at its typical sales
    jobs_medium_rp = u * medium_jobs_per_rp  # a rupiah of medium capacity, used normally
    jobs_online = unit_sales * p["online_uplift"] / 100 * small_jobs_per_rp
    jobs_place = unit_sales * p["sales_place_uplift"] / 100 * small_jobs_per_rp
    rows = [
        ("route_small", p["unit_investment"] / jobs_unit, p["cost_new_unit"] / jobs_unit, keep_cap),
        (
            "route_medium",
            capital * 1e6 / jobs_medium_rp,
            capital * 1e6 * p["investment_subsidy"] / 100 / jobs_medium_rp,
            keep_cap,
        ),
        ("route_online", 0.0, _per(p["cost_online_unit"], jobs_online), keep_online),
        ("route_place", 0.0, _per(p["cost_sales_place"], jobs_place), keep_place),
    ]
    out = []
    for key, private, public, keep in rows:
        net = public / keep if keep > 0 else float("inf")
        out.append(
            {
                tr("route", lang): tr(key, lang),
                tr("route_capital", lang): fmt.rp_mn(private, lang) if private else "–",
                tr("route_public", lang): fmt.rp_mn(public, lang) if np.isfinite(public) else "–",
                tr("route_public_net", lang): fmt.rp_mn(net, lang) if np.isfinite(net) else "–",
            }
        )
    return pd.DataFrame(out)


def _per(cost: float, jobs: float) -> float:
    return cost / jobs if jobs > 0 else float("inf")


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
