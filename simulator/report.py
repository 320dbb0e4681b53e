"""What the page says about a result: headline numbers, the sentence, the results tables.

Pure functions of a paired run (row 0 the scenario, row 1 its baseline: the same
assumptions with the instruments reset) and a language; the app only lays them out.
Which outputs appear, with which unit and format, comes from :mod:`simulator.outputs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulator import controls
from simulator import equations as eq
from simulator import formatting as fmt
from simulator.analysis import GoalSeek
from simulator.i18n import mid_sentence, tr, unit_template
from simulator.model import HORIZON, REGIONS, Result, simulate
from simulator.outputs import (
    COMPARE_OUTPUTS,
    HEADLINES,
    OUTPUTS,
    REGIONAL,
    TABLE_OUTPUTS,
    TOTAL_OUTPUTS,
)
from simulator.params import ParameterTable, load_parameters
from simulator.plausibility import flags, is_caution
from simulator.safety import formula_safe
from simulator.scenario import Scenario

SCENARIO, BASELINE = 0, 1
MINUS = "\u2212"  # the typographic minus sign
TABLE_COLUMNS = tuple((name, OUTPUTS[name].decimals) for name in TABLE_OUTPUTS)


def run_pair(values: Mapping[str, float] | Scenario, table: ParameterTable | None = None) -> Result:
    """The scenario (row 0) and its baseline (row 1), from one model call (a Scenario is
    run as validated when it was made)."""
    given = values if isinstance(values, Scenario) else dict(values)
    return simulate(given, params=table or load_parameters()).paired()


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
    caption: str = ""


@dataclass(frozen=True)
class Efficiency:
    """Public money against what it buys, in present values over the appraisal period.

    The period is the ten years from the policy start; costs, net additional direct jobs
    (job-years) and net additional value added are discounted to the start year at the
    social discount rate, so nothing here depends on the last year shown. The ratios are
    None where they would mislead: no public money, no net job-years gained, or value added
    that does not rise (a scenario that cuts activity has no "value added per rupiah").
    """

    cost_rp_tn: float
    job_years: float
    value_added_rp_tn: float
    first_year: int
    last_year: int
    rate_pct: float

    @property
    def cost_per_job_year_rp_mn(self) -> float | None:
        """Public Rp million per net additional direct job-year."""
        if self.cost_rp_tn <= 0 or self.job_years < 1:
            return None
        return self.cost_rp_tn * 1e6 / self.job_years

    @property
    def value_added_per_rupiah(self) -> float | None:
        """Net additional value added per rupiah of public money."""
        if self.cost_rp_tn <= 0 or self.value_added_rp_tn <= 0:
            return None
        return self.value_added_rp_tn / self.cost_rp_tn

    def lines(self, lang: str) -> list[str]:
        """The ratios in words, or a plain phrase where a ratio would mislead."""
        if self.cost_rp_tn <= 0:
            return []
        per_job = self.cost_per_job_year_rp_mn
        per_rupiah = self.value_added_per_rupiah
        return [
            tr("m_cost_per_job", lang, value=fmt.rp_mn(per_job, lang))
            if per_job is not None
            else tr("m_no_job_years", lang),
            tr("m_va_per_rupiah", lang, value=fmt.number(per_rupiah, lang, 1))
            if per_rupiah is not None
            else tr("m_no_value_added", lang),
        ]


def efficiency(result: Result, row: int = SCENARIO) -> Efficiency:
    """Present values of public cost, net job-years and value added of scenario ``row``."""
    if not result.appraisal:
        raise ValueError("this result has no appraisal: run simulate(..., appraise=True)")
    a = {k: float(v[row]) for k, v in result.appraisal.items()}
    return Efficiency(
        cost_rp_tn=a["pv_cost_rp_tn"],
        job_years=a["pv_job_years"],
        value_added_rp_tn=a["pv_value_added_rp_tn"],
        first_year=int(a["first_year"]),
        last_year=int(a["last_year"]),
        rate_pct=a["discount_rate_pct"],
    )


def _change(scenario: float, baseline: float) -> tuple[float, float]:
    diff = scenario - baseline
    pct = 100.0 * diff / baseline if baseline else 0.0
    return diff, pct


def headlines(result: Result, lang: str) -> list[Headline]:
    """The last year's headline metrics with their change against the baseline.

    A change is not coloured as good news when the model flags the scenario (capacity
    binds, or a number no history supports).
    """
    year = int(result.years[-1])
    caution = is_caution(flags(result))
    out = []
    for output in HEADLINES:
        if output.name == "programme_cost_rp_tn":
            out.append(_cost_headline(result, lang, year))
            continue
        s = float(result.at(output.name, year)[SCENARIO])
        b = float(result.at(output.name, year)[BASELINE])
        diff, pct = _change(s, b)
        changed = output.show_change(diff, lang).startswith(("+", "-"))
        # Short enough for a card on a phone; the help gives the change in full.
        delta = output.show_change_short(diff, lang)
        if output.kind != "percent":
            delta = f"{delta} ({fmt.percent_signed(pct, lang)})"
        colour = {1: "normal", -1: "inverse", 0: "off"}[output.better]
        out.append(
            Headline(
                key=output.name,
                label=output.label(lang),
                value=output.show(s, lang),
                delta=delta,
                delta_color="off" if caution else colour,
                help=tr(
                    "m_help",
                    lang,
                    year=year,
                    delta=output.show_change(diff, lang),
                    baseline=output.show(b, lang),
                ),
                changed=changed,
            )
        )
    return out


def _cost_headline(result: Result, lang: str, year: int) -> Headline:
    found = efficiency(result)
    return Headline(
        key="programme_cost_rp_tn",
        label=tr("m_cost", lang, first=found.first_year, last=found.last_year),
        value=fmt.rp_tn(found.cost_rp_tn, lang),
        delta="",
        delta_color="off",
        help=tr("m_cost_help", lang, rate=fmt.percent(found.rate_pct, lang)),
        changed=False,
        caption="; ".join(found.lines(lang)),
    )


def later_values(values: Mapping[str, float]) -> dict[str, float]:
    """The same scenario run to the model's last year (to see what comes after the years
    shown, such as a capacity limit)."""
    return {**values, "end_year": float(HORIZON)}


def ceiling_year(result: Result, row: int = SCENARIO) -> int | None:
    """The first year in which demand goes unmet (capacity binds), or None."""
    unmet = result["unmet_demand_rp_tn"][row]
    hits = np.nonzero(unmet > 1e-6)[0]
    return int(result.years[hits[0]]) if hits.size else None


def join_list(items: list[str], lang: str) -> str:
    """Items as a spoken list: "a dan b"; "a, b, dan c" (EYD V: a comma before the last)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return tr("s_pair", lang, first=items[0], second=items[1])
    return tr("s_list", lang, items=", ".join(items[:-1]), last=items[-1])


def _rp_spoken(x: float, lang: str) -> str:
    """A rupiah amount for reading aloud: one decimal at most ("Rp5,6 triliun")."""
    if abs(x) >= 1:
        return fmt.form("rp_tn", lang).format(v=fmt.number(x, lang, 1, optional=True))
    return fmt.rp_tn(x, lang)


# The instruments the sentence words on its own; others are named by label and value.
WORDED = ("investment", "online_adoption", "new_units", "sales_place_units")


def _policy_items(
    values: Mapping[str, float],
    table: ParameterTable,
    year: int,
    lang: str,
    result: Result | None = None,
):
    changed = {k: v for k, v in values.items() if k in table and v != table[k].value}
    items = []
    if "investment" in changed:
        value = changed["investment"]
        items.append(
            tr("s_investment", lang, value=_rp_spoken(value, lang))
            if value > 0
            else tr("s_no_investment", lang)
        )
    if "online_adoption" in changed:
        target_year = int(values.get("online_target_year", table["online_target_year"].value))
        reached = _online_reached(result, target_year)
        # A target the adoption curve cannot reach in time is said as a target, with the
        # share reached (the warning above the numbers says why).
        short = reached is not None and reached < changed["online_adoption"] - 0.5
        if target_year == year:
            key = "s_online_short" if short else "s_online"
        else:
            key = "s_online_by_short" if short else "s_online_by"
        items.append(
            tr(
                key,
                lang,
                value=fmt.percent(changed["online_adoption"], lang, 0),
                year=target_year,
                reached=fmt.percent(reached, lang, 0) if short else "",
            )
        )
    if "new_units" in changed:
        items.append(
            tr(
                "s_new_units",
                lang,
                value=fmt.count(changed["new_units"], lang, "new_units"),
                where=_where_new_units(values, table, lang),
            )
        )
    if "sales_place_units" in changed:
        items.append(
            tr(
                "s_sales_place",
                lang,
                value=fmt.count(changed["sales_place_units"], lang, "place_units"),
            )
        )
    # Any other instrument the table declares is named by its label and value.
    for name in table.policy:
        if name in changed and name not in WORDED:
            param = table[name]
            label = param.label(lang)
            items.append(
                tr(
                    "s_generic",
                    lang,
                    label=mid_sentence(label),
                    value=fmt.param_value(changed[name], param.unit, lang),
                )
            )
    return items


def _where_new_units(values: Mapping[str, float], table: ParameterTable, lang: str) -> str:
    """ " di Jawa Barat" when every new unit opens in one named province, else ""."""
    for region, name in (
        ("jawa_barat", "new_units_share_jabar"),
        ("jawa_timur", "new_units_share_jatim"),
    ):
        if values.get(name, table[name].value) >= 100:
            return tr("s_in_region", lang, region=tr(f"region_{region}", lang))
    return ""


def programme_units(
    values: Mapping[str, float], years: np.ndarray, table: ParameterTable
) -> tuple[float, float]:
    """Units the programme opens in the policy years up to the last year shown, and how
    many additional units work in that year [units]: the model's own equations (the share
    that would have opened anyway is taken off, a share of the rest survives its first
    years, each year's units work from the next year and a share ``attrition`` of them
    closes every year)."""
    get = lambda name: float(values.get(name, table[name].value))  # noqa: E731
    flows = np.where(years >= get("policy_start_year"), get("new_units"), 0.0)[None, :]
    added = (1.0 - get("new_units_deadweight") / 100.0) * get("programme_survival") / 100.0
    keep = np.array([[1.0 - get("attrition") / 100.0]])
    working = eq.accumulate(np.zeros((1, 1)), eq.lagged(flows * added), keep)
    return float(flows.sum()), float(working[0, -1])


def units_note(
    values: Mapping[str, float], result: Result, lang: str, table: ParameterTable | None = None
) -> str:
    """Why the programme's additional units working in the last year are fewer than it
    opened (said under the units card), or "" without a programme."""
    table = table or load_parameters()
    if values.get("new_units", table["new_units"].value) == table["new_units"].value:
        return ""
    opened, working = programme_units(values, result.years, table)
    if opened <= 0 or round(working) >= round(opened):
        return ""
    get = lambda name: float(values.get(name, table[name].value))  # noqa: E731
    pct = lambda v: fmt.percent(v, lang, 0)  # noqa: E731
    return tr(
        "s_units_note" if get("attrition") > 0 else "s_units_note_lag",
        lang,
        opened=fmt.count(opened, lang),
        start=int(get("policy_start_year")),
        year=int(result.years[-1]),
        working=fmt.count(working, lang),
        deadweight=pct(get("new_units_deadweight")),
        survival=pct(get("programme_survival")),
        attrition=fmt.form("percent", lang).format(
            v=fmt.number(get("attrition"), lang, 1, optional=True)
        ),
    )


def _online_reached(result: Result | None, year: int) -> float | None:
    """The scenario's share of units selling online in ``year`` [%], if the run shows it."""
    if result is None or "online_share_pct" not in result.outputs:
        return None
    if not result.years[0] <= year <= result.years[-1]:
        return None
    return float(result.at("online_share_pct", year)[SCENARIO])


def sentence(
    values: Mapping[str, float], result: Result, lang: str, table: ParameterTable | None = None
) -> str:
    """A plain sentence a Director could read aloud about the last year shown.

    One amount per clause, jobs as a change against the skenario dasar, figures rounded
    for speech (the cards above give them exactly).
    """
    table = table or load_parameters()
    year = int(result.years[-1])
    items = _policy_items(values, table, year, lang, result)
    production = result.at("production_rp_tn", year)
    jobs = result.at("jobs", year)
    exports = result.at("exports_usd_mn", year)
    if not items:
        text = tr(
            "s_baseline",
            lang,
            year=year,
            production=_rp_spoken(production[SCENARIO], lang),
            jobs=fmt.spoken_count(jobs[SCENARIO], lang),
            exports=fmt.usd_mn(exports[SCENARIO], lang, 0),
        )
    else:
        diff, pct = _change(production[SCENARIO], production[BASELINE])
        same = round(diff, 3) == 0
        text = tr(
            "s_production_same" if same else "s_production",
            lang,
            items=join_list(items, lang),
            year=year,
            production=_rp_spoken(production[SCENARIO], lang),
        )
        if same:
            text += tr("s_vs_same", lang)
        else:
            key = "s_vs_up" if diff > 0 else "s_vs_down"
            text += tr(
                key,
                lang,
                delta=_rp_spoken(abs(diff), lang),
                pct=fmt.percent(abs(pct), lang),
            )
        job_diff = float(jobs[SCENARIO] - jobs[BASELINE])
        if round(job_diff) > 0:
            text += tr("s_jobs_up", lang, jobs=fmt.spoken_count(job_diff, lang))
        elif round(job_diff) < 0:
            text += tr("s_jobs_down", lang, jobs=fmt.spoken_count(-job_diff, lang))
        text += "."
        found = efficiency(result)
        period = {"first": found.first_year, "last": found.last_year}
        if found.cost_per_job_year_rp_mn is not None:
            text += " " + tr(
                "s_cost",
                lang,
                **period,
                cost=_rp_spoken(found.cost_rp_tn, lang),
                rate=fmt.percent(found.rate_pct, lang, 0),
                per_job=fmt.rp_mn(found.cost_per_job_year_rp_mn, lang, 0),
            )
        elif found.cost_rp_tn > 0:
            text += " " + tr("s_cost_only", lang, **period, cost=_rp_spoken(found.cost_rp_tn, lang))
    hit = ceiling_year(result)
    if hit is not None:
        text += " " + tr("s_ceiling", lang, year=hit)
    return text


def goal_words(found: GoalSeek, lang: str, table: ParameterTable | None = None) -> str:
    """The goal-seek answer in a sentence: the instrument value that reaches the target, or
    how close the instrument's range gets. The instrument and the indicator are nouns inside
    the sentence (first letter lowered, acronyms kept), the unit words come with the value."""
    table = table or load_parameters()
    param = table[found.lever]
    output = OUTPUTS[found.output]
    what = mid_sentence(output.label(lang))
    lever = controls.lever_noun(param, lang)
    if found.reachable:
        return tr(
            "goal_found",
            lang,
            lever=lever,
            value=controls.value_label(param, float(found.value), lang),
            what=what,
            reached=output.show(found.reached, lang),
            year=found.year,
        )
    above = found.target > found.range_high
    # The range with its unit words once: "Rp0–15 triliun per tahun".
    ends = (controls.number_text(param, v, lang) for v in (param.min, param.max))
    span = unit_template(param.unit, lang).format(v=fmt.value_range(*ends, lang))
    return tr(
        "goal_out",
        lang,
        range=span,
        what=output.label(lang),  # it begins a sentence
        year=found.year,
        direction=tr("goal_most" if above else "goal_least", lang),
        closest=output.show(found.reached, lang),
        lever=lever,
        at=controls.value_label(param, found.closest_value, lang),
    )


def _cell(value: float, base: float, lang: str, decimals: int) -> str:
    """A table cell: the value and, when it differs, the change in brackets. Negative
    numbers take the typographic minus (−): correct in print, and no spreadsheet reads a
    cell that begins with it as a formula."""
    cell = fmt.number(value, lang, decimals).replace("-", MINUS, 1)
    change = fmt.signed(value - base, lang, decimals)
    if change.startswith(("+", "-")):
        return f"{cell} ({change.replace('-', MINUS, 1)})"
    return cell


def results_table(
    result: Result, lang: str, outputs: tuple[str, ...] = TABLE_OUTPUTS
) -> pd.DataFrame:
    """Years x ``outputs`` as formatted text: scenario value and, in brackets, its change.

    The second column says which years are published data and which the model projects.
    """
    columns: dict[str, list[str]] = {
        tr("col_year", lang): [str(y) for y in result.years],
        tr("col_basis", lang): [
            tr("basis_observed" if seen else "basis_projection", lang) for seen in result.observed
        ],
    }
    for key, decimals in TABLE_COLUMNS:
        if key not in outputs:
            continue
        s = result[key][SCENARIO]
        b = result[key][BASELINE]
        columns[OUTPUTS[key].column(lang)] = [
            _cell(value, base, lang, decimals) for value, base in zip(s, b, strict=True)
        ]
    return pd.DataFrame(columns)


def region_table(result: Result, lang: str) -> pd.DataFrame:
    """Last-year units, production and jobs by region, scenario and baseline, formatted."""
    rows = []
    for r, region in enumerate(REGIONS):
        row = {tr("col_region", lang): tr(f"region_{region}", lang)}
        for output in REGIONAL:
            row[output.column(lang)] = _cell(
                result.regions[output.name][SCENARIO, r, -1],
                result.regions[output.name][BASELINE, r, -1],
                lang,
                output.decimals,
            )
        rows.append(row)
    return pd.DataFrame(rows)


def compare_table(result: Result, names: list[str], lang: str) -> pd.DataFrame:
    """Last-year headline outputs, one row per scenario of a batched run, formatted; row 0
    is the baseline, every other row also gives its change against it in brackets."""
    year = int(result.years[-1])
    rows = []
    for i, name in enumerate(names):
        row = {tr("col_scenario", lang): formula_safe(name)}
        for key in COMPARE_OUTPUTS:
            output = OUTPUTS[key]
            value = float(result.at(key, year)[i])
            cell = output.show(value, lang)
            change = output.show_change_short(value - float(result.at(key, year)[0]), lang)
            if i and change.startswith(("+", "-")):
                cell = f"{cell} ({change})"
            row[output.column(lang)] = cell
        rows.append(row)
    return pd.DataFrame(rows)


def totals(result: Result, values: Mapping[str, float], lang: str) -> dict[str, str]:
    """The scenario's change against the baseline summed from the policy start (or the
    first year shown) to the last year shown, in words ("Jumlah 2027–2030: +Rp7,93
    triliun"), for each of :data:`TOTAL_OUTPUTS`; empty when the policy starts after the
    last year shown."""
    start, end = int(values["policy_start_year"]), int(result.years[-1])
    if start > end:
        return {}
    first = max(start, int(result.years[0]))
    out = {}
    for key in TOTAL_OUTPUTS:
        total = float(result.effect(key)[SCENARIO, result.index(first) :].sum())
        value = OUTPUTS[key].show_change(total, lang)
        if key == "jobs":
            value = tr("job_years", lang, v=value)
        out[key] = tr("m_total", lang, start=first, end=end, value=value)
    return out
