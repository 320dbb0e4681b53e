"""What the files made for a meeting say about their scenario, in the reader's language.

The PDF briefing, the CSV and the chart images all carry the scenario's name, its settings
against the skenario dasar, the link that reopens it and a source line (:class:`About`).
The briefing adds the uncertainty range of the main effects (from the caller's run of
:func:`simulator.analysis.uncertainty`, the analysis the page shows), what the public money buys
(:func:`simulator.report.efficiency`), the model's own flags, a short data caveat and the
sources, from the citations of ``data/history.csv``, and the main assumptions it lists
(:data:`MAIN_ASSUMPTIONS`). Pure functions returning text; the layout is
:mod:`simulator.files.pdf`'s business. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from simulator import formatting as fmt
from simulator.analysis import Uncertainty
from simulator.budget_charts import contribution_lines, waterfall_chart
from simulator.contributions import contributions, moved_instruments, short_labels
from simulator.history import load_history
from simulator.i18n import sentence_start, tr
from simulator.model import SCENARIO, Result
from simulator.outputs import MAIN, OUTPUTS
from simulator.params import ParameterTable, load_parameters
from simulator.plausibility import flags
from simulator.report import efficiency

# The assumptions a briefing lists: those the effects depend on most (see the tornado).
MAIN_ASSUMPTIONS = (
    "ikm_workers_2017",
    "unit_sales",
    "demand_growth_domestic",
    "capacity_displacement",
    "online_uplift",
    "online_displacement",
    "attrition",
    "medium_workers_per_unit",
)
# How a history row's citation names the ministry as the one who said it (its
# Directorates General are "Ditjen"/"Dirjen ... Kemenperin").
MINISTRY = ("Kemenperin", "Menteri Perindustrian")
# The effects a briefing splits by instrument in words (the waterfall beside them: jobs).
BRIEF_SPLIT = ("value_added_rp_tn",)


def scenario_title(title: str | None, lang: str) -> str:
    """The name a file gives its scenario: the caller's (a preset's label or a saved
    name), else the translation table's wording for a custom scenario."""
    return title.strip() if title and title.strip() else tr("brief_custom", lang)


@dataclass(frozen=True)
class Setting:
    """One setting as a reader sees it: label, this scenario's value and the baseline's."""

    label: str
    value: str
    baseline: str
    changed: bool

    def line(self, lang: str) -> str:
        """ "Investasi tambahan per tahun: Rp5,6 triliun per tahun (skenario dasar Rp2,8
        triliun per tahun)"."""
        return tr("brief_setting", lang, label=self.label, value=self.value, base=self.baseline)


def settings(values: Mapping[str, float], lang: str, table: ParameterTable) -> list[Setting]:
    """Each setting against the skenario dasar, in the table's order: every instrument and
    every year (policy start, online target, last year shown) whether moved or not, and
    any other parameter the user moved."""
    rows = []
    for param in table.values():
        value = float(values.get(param.name, param.value))
        changed = value != param.value
        if not (changed or param.is_policy or param.is_integer):
            continue
        rows.append(
            Setting(
                label=param.label(lang),
                value=fmt.param_value(value, param.unit, lang),
                baseline=fmt.param_value(param.value, param.unit, lang),
                changed=changed,
            )
        )
    return rows


@dataclass(frozen=True)
class About:
    """What a file says about where its numbers come from: the scenario's name, the
    settings that differ from the skenario dasar (one line each), the link that reopens it
    and the source line."""

    lang: str
    title: str
    settings: tuple[str, ...]
    link: str
    source: str

    def lines(self) -> list[str]:
        """The whole note as lines of text, for a file's header or an image's footer."""
        out = [tr("brief_scenario", self.lang, name=self.title)]
        if self.settings:
            out.append(tr("brief_differs", self.lang))
            out.extend(f"- {line}" for line in self.settings)
        else:
            out.append(tr("pdf_no_change", self.lang))
        if self.link:
            out.append(tr("brief_link", self.lang, link=self.link))
        out.append(self.source)
        return out


def about(
    values: Mapping[str, float],
    lang: str,
    *,
    title: str | None = None,
    link: str = "",
    table: ParameterTable | None = None,
) -> About:
    """The note a CSV or chart image carries about scenario ``values``."""
    table = table or load_parameters()
    changed = tuple(s.line(lang) for s in settings(values, lang, table) if s.changed)
    return About(
        lang=lang,
        title=scenario_title(title, lang),
        settings=changed,
        link=link,
        source=tr("footer", lang),
    )


@dataclass(frozen=True)
class EffectRange:
    """One main output in the last year: this run's change against the skenario dasar (or,
    for a scenario with no effect, its value) and the range in which 8 of 10 iterations of
    the uncertainty analysis fall."""

    label: str
    change: str
    low: str
    high: str

    def range(self, lang: str) -> str:
        """ "+9.358 sampai +19.916": signed ends read better joined by words than by a dash."""
        return tr("brief_range", lang, low=self.low, high=self.high)


@dataclass(frozen=True)
class Ranges:
    """The uncertainty rows of a briefing and how to head them: of the effect when the
    scenario has one, else of the projection itself (the skenario dasar has no effect, so
    a table of zeros would say nothing)."""

    lang: str
    of_effect: bool
    rows: list[EffectRange]
    draws: int
    seed: int

    def heading(self, year: int) -> str:
        return tr("brief_effects" if self.of_effect else "brief_levels", self.lang, year=year)

    def columns(self) -> list[str]:
        middle = "brief_col_change" if self.of_effect else "brief_col_value"
        return [
            tr("target_output", self.lang),
            tr(middle, self.lang),
            tr("brief_col_range", self.lang),
        ]

    def note(self) -> str:
        key = "brief_effects_note" if self.of_effect else "brief_levels_note"
        return tr(key, self.lang, draws=fmt.number(self.draws, self.lang))


def effect_ranges(found: Uncertainty, result: Result, lang: str) -> Ranges:
    """Production, value added, jobs and exports in the last year: the change against the
    skenario dasar and its 10th to 90th percentile over the iterations of ``found``, the
    scenario's uncertainty analysis (the page's own run of
    :func:`simulator.analysis.uncertainty`, so a file states the range the page shows, to
    the last digit); or, when the scenario changes none of them, their values and the
    percentiles of those."""
    of_effect = any(np.any(result.effect(name)[SCENARIO] != 0) for name in MAIN)
    rows = []
    for name in MAIN:
        output = OUTPUTS[name]
        if of_effect:
            shown, band = output.show_change, found.bands[("effect", name)]
            central = float(result.effect(name)[SCENARIO, -1])
        else:
            shown, band = output.show, found.bands[("scenario", name)]
            central = float(result[name][SCENARIO, -1])
        low, _, high = band[:, -1]
        rows.append(
            EffectRange(
                label=output.label(lang),
                change=shown(central, lang),
                low=shown(float(low), lang),
                high=shown(float(high), lang),
            )
        )
    return Ranges(lang=lang, of_effect=of_effect, rows=rows, draws=found.draws, seed=found.seed)


def money_lines(result: Result, lang: str) -> list[str]:
    """What the public money buys over the appraisal period, in present values: its total,
    the cost per net additional job-year and the value added per rupiah, or a plain phrase
    where a ratio would mislead."""
    found = efficiency(result)
    if found.cost_rp_tn <= 0:
        return [tr("brief_no_cost", lang)]
    out = [
        tr(
            "brief_cost",
            lang,
            first=found.first_year,
            last=found.last_year,
            rate=fmt.percent(found.rate_pct, lang),
            cost=fmt.rp_tn(found.cost_rp_tn, lang),
        )
    ]
    return out + found.lines(lang)


@dataclass(frozen=True)
class ContributionBlock:
    """What each instrument of a package contributes: the waterfall of direct jobs, the
    split of value added in words, and the method in a sentence."""

    chart: dict
    lines: list[str]
    note: str


def contribution_block(
    values: Mapping[str, float], lang: str, table: ParameterTable | None = None
) -> ContributionBlock | None:
    """The briefing's contributions block, for a scenario that moves two or more instruments
    (None otherwise: one instrument's contribution is the whole effect)."""
    table = table or load_parameters()
    if len(moved_instruments(values, table)) < 2:
        return None
    split = contributions(values, table=table)
    labels = short_labels(table, lang)
    return ContributionBlock(
        chart=waterfall_chart(split, "jobs", lang, labels, subtitle=False),
        lines=contribution_lines(split, BRIEF_SPLIT, lang, labels),
        note=tr("wf_subtitle", lang),
    )


def flag_texts(result: Result, lang: str, later: Result | None = None) -> list[str]:
    """The model's own warnings about this scenario, as sentences (with ``later``, the run
    to the model's last year, also a capacity limit that comes after the years shown)."""
    return [f.text(lang) for f in flags(result, later=later)]


def caveat(result: Result, lang: str, table: ParameterTable | None = None) -> str:
    """The data caveats in one short paragraph, with the calibration's own numbers."""
    table = table or load_parameters()
    first = int(result.years[0])
    small = float(result["production_small_rp_tn"][SCENARIO, 0])
    medium = float(result["production_medium_rp_tn"][SCENARIO, 0])
    total = float(result["production_rp_tn"][SCENARIO, 0])
    return tr(
        "brief_caveat",
        lang,
        first=first,
        last=result.last_observed,
        units=fmt.count(table["ikm_units_2017"].value, lang, "units"),
        share=fmt.percent(100 * small / total, lang, 0),
        medium=fmt.percent(100 * medium / total, lang, 0),
        production=fmt.rp_tn(table["production_2016"].value, lang),
    )


def sources(lang: str) -> str:
    """The sources paragraph in the ministry's voice: the issuing agencies spelled out, the
    years of the ministry's statements in the history file, BPS's publications by title,
    "diolah", and where the source and address of each figure are listed."""
    frame = load_history().table()
    frame = frame[~frame["derived"].astype(bool)]
    ministry = frame["citation_id"].astype(str).str.contains("|".join(MINISTRY))
    years = frame.loc[ministry, "published"].astype(str).str[:4].astype(int)
    return tr("brief_sources", lang, first=int(years.min()), last=int(years.max()))


def main_assumptions(values: Mapping[str, float], lang: str, table: ParameterTable) -> list[str]:
    """The main assumptions at their published or assumed values, each with its source, one
    line each; one the user moved is in the settings table instead."""
    kept = [table[n] for n in MAIN_ASSUMPTIONS if values.get(n, table[n].value) == table[n].value]
    return [
        tr(
            "brief_assumption",
            lang,
            label=p.label(lang),
            value=fmt.param_value(p.value, p.unit, lang),
            source=sentence_start(p.source_text(lang)),
        )
        for p in kept
    ]
