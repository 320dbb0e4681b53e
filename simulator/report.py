"""What the page says about a result: headline numbers, the sentence, the results table.

Pure functions of a paired run (scenario and its baseline) and a language; the app only
lays them out. The baseline of a scenario keeps its assumptions and end year and resets the
policy levers, so a change against the baseline is the effect of policy alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulator import formatting as fmt
from simulator.i18n import tr
from simulator.model import Result, simulate
from simulator.params import ParameterTable, load_parameters
from simulator.safety import formula_safe

POLICY_LEVERS = ("investment", "new_units", "online_adoption", "sales_place_units")
SCENARIO, BASELINE = 0, 1


def run_pair(values: Mapping[str, float], table: ParameterTable | None = None) -> Result:
    """Run the scenario (row 0) and its baseline (row 1) in one batched call."""
    table = table or load_parameters()
    batch: dict[str, object] = dict(values)
    for name in POLICY_LEVERS:
        batch[name] = np.array([values.get(name, table[name].value), table[name].value])
    return simulate(batch, params=table)


@dataclass(frozen=True, kw_only=True)
class Headline:
    """One headline metric: label, formatted value and change, and how to colour it."""

    key: str
    label: str
    value: str
    delta: str
    delta_color: str
    help: str
    changed: bool


def _change(scenario: float, baseline: float) -> tuple[float, float]:
    diff = scenario - baseline
    pct = 100.0 * diff / baseline if baseline else 0.0
    return diff, pct


def headlines(result: Result, lang: str) -> list[Headline]:
    """The end-year headline metrics with their change against the baseline."""
    year = int(result.years[-1])
    specs = [
        ("production_rp_tn", "m_production", fmt.rp_tn, fmt.rp_tn_signed),
        ("sales_rp_tn", "m_sales", fmt.rp_tn, fmt.rp_tn_signed),
        ("online_sales_rp_tn", "m_online", fmt.rp_tn, fmt.rp_tn_signed),
        ("value_added_rp_tn", "m_value_added", fmt.rp_tn, fmt.rp_tn_signed),
        (
            "jobs",
            "m_jobs",
            lambda x, lang: fmt.count(x, lang, "jobs"),
            lambda x, lang: fmt.signed(x, lang),
        ),
        ("exports_usd_mn", "m_exports", fmt.usd_mn, fmt.usd_mn_signed),
        (
            "units",
            "m_units",
            lambda x, lang: fmt.count(x, lang, "units"),
            lambda x, lang: fmt.signed(x, lang),
        ),
        ("utilisation_pct", "m_utilisation", fmt.percent, fmt.points_signed),
    ]
    out = []
    for key, label_key, show, show_delta in specs:
        s = float(result.at(key, year)[SCENARIO])
        b = float(result.at(key, year)[BASELINE])
        diff, pct = _change(s, b)
        delta_text = show_delta(diff, lang)
        changed = delta_text.startswith(("+", "-"))
        if key != "utilisation_pct":
            delta_text = f"{delta_text} ({fmt.percent_signed(pct, lang)})"
        out.append(
            Headline(
                key=key,
                label=tr(label_key, lang),
                value=show(s, lang),
                delta=delta_text,
                # Higher utilisation is neither good nor bad by itself.
                delta_color="off" if key == "utilisation_pct" else "normal",
                help=tr(
                    "m_help",
                    lang,
                    year=year,
                    delta=show_delta(diff, lang),
                    pct=fmt.percent_signed(pct, lang),
                ),
                changed=changed,
            )
        )
    return out


def ceiling_year(result: Result, row: int = SCENARIO) -> int | None:
    """The first year in which demand goes unmet (capacity binds), or None."""
    unmet = result["unmet_demand_rp_tn"][row]
    hits = np.nonzero(unmet > 1e-9)[0]
    return int(result.years[hits[0]]) if hits.size else None


def _rp_tn_short(x: float, lang: str) -> str:
    """Rupiah trillions with only the decimals the value has: "Rp 5,6 triliun"."""
    unit = "triliun" if lang == "id" else "trillion"
    return f"Rp {fmt.number(x, lang, 2, optional=True)} {unit}"


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {tr('s_and', lang)} " + items[-1]


def sentence(
    values: Mapping[str, float], result: Result, lang: str, table: ParameterTable | None = None
) -> str:
    """One plain sentence a minister could read aloud about the end year."""
    table = table or load_parameters()
    year = int(result.years[-1])
    items = []
    changed = {k: v for k, v in values.items() if v != table[k].value}
    if "investment" in changed:
        items.append(
            tr("s_investment", lang, value=_rp_tn_short(changed["investment"], lang))
            if changed["investment"] > 0
            else tr("s_no_investment", lang)
        )
    if "online_adoption" in changed:
        items.append(
            tr(
                "s_online",
                lang,
                value=fmt.number(changed["online_adoption"], lang, 1, optional=True) + "%",
                year=year,
            )
        )
    if "new_units" in changed:
        items.append(tr("s_new_units", lang, value=fmt.number(changed["new_units"], lang)))
    if "sales_place_units" in changed:
        items.append(
            tr("s_sales_place", lang, value=fmt.number(changed["sales_place_units"], lang))
        )
    production = result.at("production_rp_tn", year)
    jobs = result.at("jobs", year)
    exports = result.at("exports_usd_mn", year)
    intro = tr("s_with", lang, items=_join(items, lang)) if items else tr("s_intro_baseline", lang)
    text = tr(
        "s_production",
        lang,
        intro=intro,
        year=year,
        production=fmt.rp_tn(production[SCENARIO], lang),
    )
    if not items:
        text += f" {tr('s_and', lang)} " + tr(
            "s_jobs_level", lang, jobs=fmt.number(jobs[SCENARIO], lang)
        )
        text += "; " + tr("s_exports", lang, exports=fmt.usd_mn(exports[SCENARIO], lang)) + "."
    else:
        diff, pct = _change(production[SCENARIO], production[BASELINE])
        if round(diff, 2) > 0:
            text += ", " + tr(
                "s_vs_baseline_up", lang, delta=fmt.rp_tn(diff, lang), pct=fmt.percent(pct, lang)
            )
        elif round(diff, 2) < 0:
            text += ", " + tr(
                "s_vs_baseline_down",
                lang,
                delta=fmt.rp_tn(-diff, lang),
                pct=fmt.percent(-pct, lang),
            )
        else:
            text += ", " + tr("s_vs_baseline_same", lang)
        job_diff = round(float(jobs[SCENARIO] - jobs[BASELINE]))
        if job_diff > 0:
            text += "; " + tr("s_jobs_up", lang, jobs=fmt.number(job_diff, lang))
        elif job_diff < 0:
            text += "; " + tr("s_jobs_down", lang, jobs=fmt.number(-job_diff, lang))
        text += "."
    hit = ceiling_year(result)
    if hit is not None:
        text += " " + tr("s_ceiling", lang, year=hit)
    return text


TABLE_COLUMNS = (
    ("production_rp_tn", 2),
    ("sales_rp_tn", 2),
    ("online_sales_rp_tn", 2),
    ("value_added_rp_tn", 2),
    ("jobs", 0),
    ("jobs_indirect", 0),
    ("jobs_induced", 0),
    ("exports_usd_mn", 1),
    ("units", 0),
    ("online_units", 0),
    ("capacity_rp_tn", 2),
    ("utilisation_pct", 1),
    ("unmet_demand_rp_tn", 2),
    ("investment_rp_tn", 2),
)


def _cell(value: float, base: float, lang: str, decimals: int) -> str:
    """A table cell: the value and, when it differs, the change in brackets."""
    cell = fmt.number(value, lang, decimals)
    change = fmt.signed(value - base, lang, decimals)
    return f"{cell} ({change})" if change.startswith(("+", "-")) else cell


def results_table(result: Result, lang: str) -> pd.DataFrame:
    """Years x outputs as formatted text: scenario value and, in brackets, its change."""
    columns: dict[str, list[str]] = {tr("col_year", lang): [str(y) for y in result.years]}
    for key, decimals in TABLE_COLUMNS:
        s = result[key][SCENARIO]
        b = result[key][BASELINE]
        columns[tr(f"col_{key}", lang)] = [
            _cell(value, base, lang, decimals) for value, base in zip(s, b, strict=True)
        ]
    return pd.DataFrame(columns)


def region_table(result: Result, lang: str) -> pd.DataFrame:
    """End-year units, production and jobs by region, scenario and baseline, formatted."""
    from simulator.model import REGIONS

    year_index = -1
    rows = []
    for r, region in enumerate(REGIONS):
        row = {tr("col_region", lang): tr(f"region_{region}", lang)}
        for key, decimals in (("units", 0), ("production_rp_tn", 2), ("jobs", 0)):
            row[tr(f"col_{key}", lang)] = _cell(
                result.regions[key][SCENARIO, r, year_index],
                result.regions[key][BASELINE, r, year_index],
                lang,
                decimals,
            )
        rows.append(row)
    return pd.DataFrame(rows)


COMPARE_COLUMNS = (
    ("production_rp_tn", lambda x, lang: fmt.rp_tn(x, lang)),
    ("value_added_rp_tn", lambda x, lang: fmt.rp_tn(x, lang)),
    ("jobs", lambda x, lang: fmt.count(x, lang, "jobs")),
    ("exports_usd_mn", lambda x, lang: fmt.usd_mn(x, lang)),
    ("units", lambda x, lang: fmt.count(x, lang, "units")),
    ("utilisation_pct", lambda x, lang: fmt.percent(x, lang)),
)


def compare_table(result: Result, names: list[str], lang: str) -> pd.DataFrame:
    """End-year headline outputs, one row per scenario of a batched run, formatted."""
    year = int(result.years[-1])
    rows = []
    for i, name in enumerate(names):
        row = {tr("col_scenario", lang): formula_safe(name)}
        for key, show in COMPARE_COLUMNS:
            row[tr(f"col_{key}", lang)] = show(float(result.at(key, year)[i]), lang)
        rows.append(row)
    return pd.DataFrame(rows)
