"""The compare chart: one line per saved scenario (the baseline first) for a picked output."""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
import numpy as np

from simulator.charts.theme import (
    BASELINE_COLOUR,
    SUMMARY,
    _finish,
    _literal,
    _summary,
    _table,
    _tooltip,
    _year_axis,
    compact_label,
    legend_columns,
)
from simulator.i18n import tr
from simulator.outputs import OUTPUTS, PICKABLE, Formatter, Output

# Okabe-Ito colours after blue, for the lines of saved scenarios in a comparison.
COMPARE_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#999999",
)

# The outputs a reader picks in the compare chart and the analyses, by name, in order (not
# outputs.COMPARE_OUTPUTS: the compare table's columns).
PICKED: dict[str, Output] = {name: OUTPUTS[name] for name in PICKABLE}
# The same as (title key, axis key, d3 axis format, tooltip formatter): kept while
# ui/views/compare.py and ui/views/analysis.py read it; they should take PICKED.
COMPARE_OUTPUTS: dict[str, tuple[str, str, str, Formatter]] = {
    name: (o.label_key, o.axis_key, o.axis_format, o.show) for name, o in PICKED.items()
}


@functools.lru_cache(maxsize=64)
def _compare_template(
    output: str, lang: str, names: tuple[str, ...], height: int
) -> dict[str, Any]:
    picked = PICKED[output]
    title_key, axis_key, axis_format = picked.label_key, picked.axis_key, picked.axis_format
    baseline = tr("series_baseline", lang)
    domain = [baseline, *names]
    colours = [BASELINE_COLOUR, *COMPARE_COLOURS[: len(names)]]
    dashes = [[6, 4]] + [[1, 0]] * len(names)
    legend = alt.Legend(
        symbolType="stroke", symbolStrokeWidth=3, symbolSize=500, columns=legend_columns(domain)
    )
    x = _year_axis(lang)
    y = alt.Y(
        "value:Q",
        title=tr(axis_key, lang),
        axis=alt.Axis(labelExpr=compact_label(lang, axis_format)),
    )
    main = alt.Chart(alt.NamedData(name="main"))
    lines = main.mark_line(strokeWidth=3).encode(
        x=x,
        y=y,
        color=alt.Color(
            "series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=legend
        ),
        strokeDash=alt.StrokeDash(
            "series:N", title=None, scale=alt.Scale(domain=domain, range=dashes), legend=legend
        ),
    )
    points = main.mark_point(size=80, filled=True, opacity=0.001).encode(
        x=x, y=y, tooltip=_tooltip(lang)
    )
    title = tr(title_key, lang)
    return _finish(
        [lines, points],
        lang,
        title=_literal(title),
        subtitle=_literal(tr("compare_chart_sub", lang)),
        label=title,
        height=height,
    )


def compare_chart(
    years: np.ndarray,
    series: list[tuple[str, np.ndarray]],
    output: str,
    lang: str,
    height: int = 380,
) -> dict[str, Any]:
    """One line per scenario (baseline first, dashed grey) for one output."""
    show = PICKED[output].show
    names = tuple(name for name, _ in series[1:])
    flat = np.concatenate([values for _, values in series])
    frame = _table(
        {
            "year": np.tile(years, len(series)),
            "series": np.repeat([name for name, _ in series], len(years)),
            "value": flat,
            "text": [show(float(v), lang) for v in flat],
        }
    )
    template = _compare_template(output, lang, names, height)
    return {**template, "datasets": {"main": frame, SUMMARY: _summary()}}
