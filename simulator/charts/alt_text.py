"""Text alternatives of the charts (what a screen reader says instead of the picture), with
the numbers a sighted reader sees.
"""

from __future__ import annotations

import numpy as np

from simulator import formatting as fmt
from simulator.charts.lines import LINE_OUTPUTS, change_text
from simulator.charts.regions import REGION_MEASURES
from simulator.charts.uncertainty import fan_shows_change
from simulator.i18n import mid_sentence, tr
from simulator.model import BASELINE, REGIONS, SCENARIO, Result
from simulator.outputs import OUTPUTS
from simulator.regions import region_label


def chart_alt_text(result: Result, output: str, lang: str) -> str:
    """A sentence with a line chart's end-year numbers, for screen readers."""
    title_key, _, _, show = LINE_OUTPUTS[output]
    year = int(result.years[-1])
    last_s, last_b = float(result[output][SCENARIO, -1]), float(result[output][BASELINE, -1])
    change = last_s - last_b
    pct = 100.0 * change / last_b if last_b else 0.0
    return tr(
        "chart_alt",
        lang,
        title=tr(title_key, lang),
        last_s=show(last_s, lang),
        last_b=show(last_b, lang),
        year=year,
        change=change_text(output, change, pct, lang),
    )


def alt_sales(result: Result, lang: str) -> str:
    """Text alternative of the sales-against-capacity chart."""
    year = int(result.years[-1])
    return tr(
        "alt_sales",
        lang,
        year=year,
        offline=fmt.rp_tn(
            float(result["sales_rp_tn"][SCENARIO, -1] - result["online_sales_rp_tn"][SCENARIO, -1]),
            lang,
        ),
        online=fmt.rp_tn(float(result["online_sales_rp_tn"][SCENARIO, -1]), lang),
        capacity=fmt.rp_tn(float(result["capacity_rp_tn"][SCENARIO, -1]), lang),
        unmet=fmt.rp_tn(float(result["unmet_demand_rp_tn"][SCENARIO, -1]), lang),
    )


def alt_region(result: Result, measure: str, lang: str) -> str:
    """Text alternative of a regional chart: each region's scenario value."""
    what_key, _, show = REGION_MEASURES[measure]
    parts = [
        f"{region_label(r, lang)} {show(float(result.regions[measure][SCENARIO, i, -1]), lang)}"
        for i, r in enumerate(REGIONS)
    ]
    return f"{tr(what_key, lang)} {int(result.years[-1])}: " + "; ".join(parts) + "."


def alt_fan(years: np.ndarray, bands: dict[str, np.ndarray], output: str, lang: str) -> str:
    """Text alternative of a fan chart: the end-year middle value and the range of 8 in 10
    simulations, of the change when the chart draws the change."""
    change = fan_shows_change(bands)
    spec = OUTPUTS[output]
    show = spec.show_change if change else spec.show
    p10, p50, p90 = (float(x) for x in bands["effect" if change else "scenario"][:, -1])
    what = spec.label(lang)
    title = tr("fan_change_title", lang, what=mid_sentence(what)) if change else what
    return tr(
        "alt_fan",
        lang,
        title=title,
        year=int(years[-1]),
        p50=show(p50, lang),
        p10=show(p10, lang),
        p90=show(p90, lang),
    )


def alt_list(title: str, items: list[str]) -> str:
    """A title and a list of items as one sentence."""
    return f"{title}: " + "; ".join(items) + "."
