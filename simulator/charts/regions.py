"""The region chart: a regional output by region, scenario against the baseline."""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
import numpy as np

from simulator.charts.theme import (
    CHART_WIDTH,
    SUMMARY,
    _finish,
    _literal,
    _series_scale,
    _summary,
    _summary_field,
    _table,
    compact_label,
    legend_columns,
    wrap_expr,
)
from simulator.i18n import tr
from simulator.model import BASELINE, REGIONS, SCENARIO, Result
from simulator.outputs import OUTPUTS, REGIONAL, Formatter
from simulator.regions import region_label

REGION_MEASURES: dict[str, tuple[str, str, Formatter]] = {
    o.name: (o.label_key, o.axis_key, o.show) for o in REGIONAL
}


@functools.lru_cache(maxsize=32)
def _region_template(measure: str, lang: str, height: int) -> dict[str, Any]:
    what_key, axis_key, _ = REGION_MEASURES[measure]
    domain, colours = _series_scale(lang)
    region_names = [region_label(r, lang) for r in REGIONS]
    legend = alt.Legend(columns=legend_columns(domain))
    bars = (
        alt.Chart(alt.NamedData(name="main"))
        .mark_bar()
        .encode(
            # Horizontal bars: region names stay readable in a narrow column.
            # a name a line a word in a narrow column (three side by side beside the sidebar)
            y=alt.Y(
                "region:N",
                title=None,
                sort=region_names,
                axis=alt.Axis(
                    labelExpr=wrap_expr("datum.label", f"{CHART_WIDTH} < 320 ? 8 : 30"),
                    labelLimit=200,
                    labelLineHeight=15,
                ),
            ),
            yOffset=alt.YOffset("series:N", sort=domain),
            x=alt.X(
                "value:Q",
                title=tr(axis_key, lang),
                # Short numbers ("200 rb"), as many as the width has room for.
                axis=alt.Axis(
                    labelExpr=compact_label(lang, OUTPUTS[measure].axis_format),
                    tickCount=alt.ExprRef("max(2, min(5, floor(width / 90)))"),
                ),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=colours),
                legend=legend,
            ),
            # Baseline bars are also lighter, so the pair reads without colour.
            opacity=alt.Opacity(
                "series:N",
                title=None,
                scale=alt.Scale(domain=domain, range=[1.0, 0.55]),
                legend=legend,
            ),
            tooltip=[
                alt.Tooltip("region:N", title=tr("tooltip_region", lang)),
                alt.Tooltip("series:N", title=tr("tooltip_series", lang)),
                alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
            ],
        )
    )
    title = tr(what_key, lang)
    return _finish(
        [bars],
        lang,
        title=_literal(title),
        subtitle=_summary_field("subtitle"),  # names the end year, which a lever sets
        label=title,
        height=height,
    )


def region_chart(result: Result, measure: str, lang: str, height: int = 320) -> dict[str, Any]:
    """End-year scenario and baseline side by side for each region (data/regions.csv)."""
    show = REGION_MEASURES[measure][2]
    year = int(result.years[-1])
    domain, _ = _series_scale(lang)
    values = result.regions[measure][:, :, -1]  # (2 rows, one column per region)
    flat = np.concatenate([values[SCENARIO], values[BASELINE]])
    frame = _table(
        {
            "region": [region_label(r, lang) for r in REGIONS] * 2,
            "series": [domain[0]] * len(REGIONS) + [domain[1]] * len(REGIONS),
            "value": flat,
            "text": [show(float(v), lang) for v in flat],
        }
    )
    subtitle = tr("chart_regions_sub", lang, year=year)
    datasets = {"main": frame, SUMMARY: _summary(subtitle=subtitle)}
    return {**_region_template(measure, lang, height), "datasets": datasets}
