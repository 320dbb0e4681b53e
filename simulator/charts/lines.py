"""Line charts of a main output against the baseline (change, percent or level, switched by
a spec parameter), the published points on them, their keys, and the sales split (online
and offline) chart.
"""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from simulator import formatting as fmt
from simulator.charts.theme import (
    DEFAULT_MODE,
    MODE,
    MODES,
    OBSERVED_COLOUR,
    OFFLINE_COLOUR,
    ONLINE_COLOUR,
    PUBLISHED_COLOUR,
    SHOWN,
    SUMMARY,
    UNMET_COLOUR,
    _finish,
    _literal,
    _series_scale,
    _summary,
    _table,
    _tooltip,
    _year_axis,
    compact_label,
    legend_columns,
    with_mode,
)
from simulator.history import load_history
from simulator.i18n import tr
from simulator.model import BASELINE, SCENARIO, Result
from simulator.outputs import MAIN, MARKED, OUTPUTS, Formatter
from simulator.report import join_list

LINE_OUTPUTS: dict[str, tuple[str, str, str, Formatter]] = {
    # output: (title key, axis key, d3 axis format, tooltip formatter), from the registry
    name: (OUTPUTS[name].label_key, OUTPUTS[name].axis_key, OUTPUTS[name].axis_format,
           OUTPUTS[name].show)
    for name in MAIN
}  # fmt: skip


def line_frame(result: Result, output: str, lang: str) -> pd.DataFrame:
    """Scenario and baseline of one output by year, with formatted tooltip text: the level,
    and the change against the baseline (absolute and percent; the baseline's own is 0)."""
    show = LINE_OUTPUTS[output][3]
    years = result.years
    scenario_label, baseline_label = tr("series_scenario", lang), tr("series_baseline", lang)
    scenario, baseline = result[output][SCENARIO], result[output][BASELINE]
    values = np.concatenate([scenario, baseline])
    change = np.concatenate([scenario - baseline, baseline - baseline])
    base = np.concatenate([baseline, baseline])
    pct = np.divide(100.0 * change, base, out=np.zeros_like(change), where=base != 0)
    return _table(
        {
            "year": np.concatenate([years, years]),
            "series": [scenario_label] * len(years) + [baseline_label] * len(years),
            "value": values,
            "change": change,
            "pct": pct,
            "text": [show(float(v), lang) for v in values],
            "text_change": [
                change_text(output, float(c), float(p), lang)
                for c, p in zip(change, pct, strict=True)
            ],
        }
    )


def change_text(output: str, change: float, pct: float, lang: str) -> str:
    """A change against the baseline as a tooltip gives it: "+Rp1,99 triliun (+6,0%)" (a
    share in percent gives its points alone)."""
    text = OUTPUTS[output].show_change(change, lang)
    if OUTPUTS[output].kind == "percent":
        return text
    return f"{text} ({fmt.percent_signed(pct, lang)})"


@functools.lru_cache(maxsize=64)
def _line_template(output: str, lang: str, height: int) -> dict[str, Any]:
    """The validated spec of a scenario-against-baseline line chart, data left out.

    Model years are lines; published values are black points (data) and an open diamond
    (a published projection); the observed years sit on a light band labelled "data".
    """
    title_key, axis_key, axis_format, _ = LINE_OUTPUTS[output]
    domain, colours = _series_scale(lang)
    legend = alt.Legend(
        symbolType="stroke", symbolStrokeWidth=3, symbolSize=500, columns=legend_columns(domain)
    )
    colour = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=legend
    )
    dash = alt.StrokeDash(
        "series:N",
        title=None,
        scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]]),
        legend=legend,
    )
    x = _year_axis(lang)
    # The axis counts in the output's unit for a level or a change; a change in percent
    # has its unit on every label instead, and no axis title.
    y = alt.Y(
        "shown:Q",
        title=tr(axis_key, lang),
        axis=alt.Axis(
            labelExpr=f"{MODE} == 'percent' ? format(datum.value, ',.1~f') + '%' : "
            + compact_label(lang, axis_format),
            titleOpacity=alt.ExprRef(f"{MODE} == 'percent' ? 0 : 1"),
        ),
    )
    band = alt.Chart(alt.NamedData(name="observed_band"))
    band_x = alt.X("start:Q", scale=alt.Scale(zero=False, nice=False), title=None)
    # Decorative layers carry no ARIA role of their own: the chart's text alternative
    # states the numbers, and an unlabelled graphic would be an accessibility fault.
    shade = band.mark_rect(color="#EEF1F4", aria=False).encode(x=band_x, x2="end:Q")
    shade_label = band.mark_text(
        align="left", dx=4, dy=4, fontSize=12, color="#444444", baseline="top", aria=False
    ).encode(x=band_x, y=alt.value(0), text="label:N")
    main = alt.Chart(alt.NamedData(name="main")).transform_calculate(shown=SHOWN)
    # The lines' own description would name the field ("series"); the points below carry
    # each year's value in words.
    lines = main.mark_line(strokeWidth=3, aria=False).encode(
        x=x, y=y, color=colour, strokeDash=dash
    )
    # Invisible points give the tooltip a target at each year: the level and the change.
    points = main.mark_point(size=80, filled=True, opacity=0.001).encode(
        x=x,
        y=y,
        tooltip=[
            *_tooltip(lang),
            alt.Tooltip("text_change:N", title=tr("tooltip_change", lang)),
        ],
    )
    marker = alt.Chart(alt.NamedData(name="policy"))
    rule = marker.mark_rule(color="#555555", strokeDash=[2, 3], aria=False).encode(x="year:Q")
    # The policy label sits on the rule's roomier side: right of it in the plot's left half,
    # where the "data" label of the band before it would otherwise collide with it.
    left_half = "scale('x', datum.year) < width / 2"
    label = marker.mark_text(
        align=alt.ExprRef(f"{left_half} ? 'left' : 'right'"),
        dx=alt.ExprRef(f"{left_half} ? 4 : -4"),
        dy=4,
        fontSize=12,
        color="#444444",
        baseline="top",
        aria=False,
    ).encode(x="year:Q", y=alt.value(0), text="label:N")
    published = alt.Chart(alt.NamedData(name="published"))

    def marks(kind: str, **mark: Any) -> alt.Chart:
        """The published points of one ``kind``, drawn with ``mark``'s shape and colour."""
        return (
            # Published values are levels: drawn on the levels only.
            published.transform_filter(f"datum.kind == '{kind}' && {MODE} == 'level'")
            .mark_point(opacity=1, aria=False, **mark)
            .encode(x="year:Q", y="value:Q", tooltip=_tooltip(lang))
        )

    data_points = marks("observed", shape="circle", size=90, filled=True, color=OBSERVED_COLOUR)
    # A published count of a part of what the line measures (the micro and small units'
    # workers under all direct jobs) is an open circle: it is meant to sit below the line.
    part_points = marks(
        "part", shape="circle", size=90, filled=False, strokeWidth=2, color=OBSERVED_COLOUR
    )
    projections = marks(
        "projection", shape="diamond", size=160, filled=False, strokeWidth=2, color=PUBLISHED_COLOUR
    )
    layers = [shade, shade_label, lines, points, rule, label, data_points, part_points, projections]
    title = tr(title_key, lang)
    keys = {mode: _literal(line_key(output, lang, mode)) for mode in MODES}
    spec = _finish(
        layers,
        lang,
        title=_literal(title),
        subtitle=f"({MODE} == 'level' ? {keys['level']} : {MODE} == 'change' ? {keys['change']}"
        f" : {keys['percent']})",
        label=title,
        height=height,
    )
    spec["params"] = [*spec.get("params", []), {"name": MODE, "value": DEFAULT_MODE}]
    spec["usermeta"]["subtitle"] = keys["level"]
    spec["usermeta"]["subtitles"] = {mode: line_key(output, lang, mode) for mode in MODES}
    return spec


# Money outputs are in constant 2016 prices (counts of people or units are not).
MONEY_KINDS = ("rp_tn", "usd_mn")


def line_key(output: str, lang: str, mode: str = "level") -> str:
    """The key under a line chart's title, naming only what that chart draws: the lines,
    then black dots, open circles (and what part they count) and the projection's diamond
    where the chart has them, and the prices for money. A chart of the change says what
    it is against (its lines alone: published values are levels)."""
    if mode != "level":
        text = tr("key_change" if mode == "change" else "key_change_pct", lang)
        if mode == "change" and OUTPUTS[output].kind in MONEY_KINDS:
            text += " " + tr("key_prices", lang)
        return text
    history = load_history()
    parts = [tr("key_lines", lang)]
    marked = MARKED.get(output, ())
    if output in marked and history.observed(output):
        parts.append(tr("key_observed", lang))
    counted = [q for q in marked if q != output and history.observed(q)]
    if counted:
        names = join_list([tr(f"part_{q}", lang) for q in counted], lang)
        parts.append(tr("key_part", lang, parts=names))
    if any(history.projections(q) for q in marked):
        parts.append(tr("key_projection", lang))
    text = "; ".join(parts) + "."
    if OUTPUTS[output].kind in MONEY_KINDS:
        text += " " + tr("key_prices", lang)
    return text


def merged_keys(texts: list[str], lang: str) -> list[str]:
    """The keys of charts printed side by side as captions: line charts' keys (made by
    :func:`line_key`) as one key naming each mark once, in order (or, for charts of the
    change, their shared sentence once, then the prices note); other texts once each."""
    lines = all(t.startswith(tr("key_lines", lang)) for t in texts)
    # Keys of charts of the change say the same first sentence; the prices note follows.
    heads = {
        tr(key, lang).partition(". ")[0].rstrip(".") for key in ("key_change", "key_change_pct")
    }
    firsts = {t.partition(". ")[0].rstrip(".") for t in texts}
    changes = len(firsts) == 1 and firsts <= heads
    if not texts or not (lines or changes):
        return list(dict.fromkeys(texts))
    marks: list[str] = []
    notes: list[str] = []
    for text in texts:
        head, _, tail = text.partition(". ")
        marks += [part for part in head.rstrip(".").split("; ") if part not in marks]
        if tail and tail not in notes:
            notes.append(tail)
    return [" ".join(["; ".join(marks) + ".", *notes])]


def _policy_frame(result: Result, policy_start: int | None, lang: str) -> pd.DataFrame:
    inside = policy_start is not None and result.years[0] < policy_start <= result.years[-1]
    return _table(
        {
            "year": [policy_start] if inside else [],
            "label": [tr("policy_start_mark", lang)] if inside else [],
        }
    )


def _observed_band(result: Result, lang: str) -> pa.Table:
    last = min(result.last_observed, int(result.years[-1]))
    return _table(
        {"start": [int(result.years[0])], "end": [last], "label": [tr("data_band", lang)]}
    )


@functools.lru_cache(maxsize=256)
def published_points(output: str, lang: str, end_year: int) -> pa.Table:
    """Published values to mark on ``output``'s chart, in model units (2016 prices); the
    same for every scenario, so read once (an Arrow table is immutable)."""
    history = load_history()
    rows: list[tuple[int, float, str, str]] = []
    for quantity in MARKED.get(output, ()):
        label = tr(f"published_{quantity}", lang)
        kind = "observed" if quantity == output else "part"
        for year, value in sorted(history.observed(quantity).items()):
            rows.append((year, value, kind, label))
        for year, value in sorted(history.projections(quantity).items()):
            rows.append((year, value, "projection", tr("published_projection", lang)))
    rows = [r for r in rows if r[0] <= end_year]
    show = OUTPUTS[output].show
    return _table(
        {
            "year": [r[0] for r in rows],
            "value": [r[1] for r in rows],
            "kind": [r[2] for r in rows],
            "series": [r[3] for r in rows],
            "text": [show(r[1], lang) for r in rows],
        }
    )


def line_chart(
    result: Result,
    output: str,
    lang: str,
    policy_start: int | None = None,
    height: int = 340,
    mode: str = DEFAULT_MODE,
) -> dict[str, Any]:
    """Scenario (solid, blue) against baseline (dashed, grey) over the years, as a spec:
    the change against the baseline (``mode`` "change" or "percent", the baseline a dashed
    line at zero) or the levels ("level")."""
    end_year = int(result.years[-1])
    datasets: dict[str, Any] = {
        "observed_band": _observed_band(result, lang),
        "main": line_frame(result, output, lang),
        "policy": _policy_frame(result, policy_start, lang),
        "published": published_points(output, lang, end_year),
        SUMMARY: _summary(),
    }
    return {**with_mode(_line_template(output, lang, height), mode), "datasets": datasets}


def _sales_parts(lang: str) -> list[str]:
    return [tr("sales_offline", lang), tr("sales_online", lang), tr("sales_unmet", lang)]


@functools.lru_cache(maxsize=16)
def _sales_template(lang: str, height: int) -> dict[str, Any]:
    names = _sales_parts(lang)
    x = _year_axis(lang)
    area = (
        alt.Chart(alt.NamedData(name="parts"))
        .mark_area(opacity=0.85)
        .encode(
            x=x,
            y=alt.Y(
                "value:Q", stack="zero", title=tr("axis_rp_tn", lang), axis=alt.Axis(format=",.0f")
            ),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=names, range=[OFFLINE_COLOUR, ONLINE_COLOUR, UNMET_COLOUR]),
                sort=names,
                legend=alt.Legend(columns=legend_columns(names)),
            ),
            order="order:Q",
            tooltip=_tooltip(lang, "part"),
        )
    )
    capacity = alt.Chart(alt.NamedData(name="capacity"))
    line = capacity.mark_line(color="#222222", strokeWidth=3, strokeDash=[8, 4]).encode(
        x=x, y="value:Q", tooltip=_tooltip(lang)
    )
    label = (
        capacity.transform_filter("datum.last")
        .mark_text(align="right", dy=-12, fontSize=13, color="#222222")
        .encode(x=x, y="value:Q", text="series:N")
    )
    title = tr("chart_sales_split", lang)
    return _finish(
        [area, line, label],
        lang,
        title=_literal(title),
        subtitle=_literal(tr("chart_sales_split_sub", lang)),
        label=title,
        height=height,
    )


def sales_split_chart(result: Result, lang: str, height: int = 360) -> dict[str, Any]:
    """The scenario's offline, online and unmet demand stacked, with the capacity line."""
    years = result.years
    offline = result["sales_rp_tn"][SCENARIO] - result["online_sales_rp_tn"][SCENARIO]
    online = result["online_sales_rp_tn"][SCENARIO]
    unmet = result["unmet_demand_rp_tn"][SCENARIO]
    values = np.concatenate([offline, online, unmet])
    parts = _table(
        {
            "year": np.tile(years, 3),
            "part": np.repeat(_sales_parts(lang), len(years)),
            "order": np.repeat([0, 1, 2], len(years)),
            "value": values,
            "text": [fmt.rp_tn(float(v), lang) for v in values],
        }
    )
    capacity_values = result["capacity_rp_tn"][SCENARIO]
    capacity = _table(
        {
            "year": years,
            "value": capacity_values,
            "series": tr("capacity_line", lang),
            "text": [fmt.rp_tn(float(v), lang) for v in capacity_values],
            "last": years == years[-1],
        }
    )
    datasets = {"parts": parts, "capacity": capacity, SUMMARY: _summary()}
    return {**_sales_template(lang, height), "datasets": datasets}
