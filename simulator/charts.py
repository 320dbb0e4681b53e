"""Altair chart specifications for the page (and, later, for image exports).

Each function takes a paired result (row 0 scenario, row 1 baseline) and a language and
returns an Altair chart whose data holds only the rows it draws. Axis numbers follow the
language through Vega's ``config.locale``; tooltips carry Babel-formatted text. Scenario
and baseline differ by colour (Okabe-Ito blue against grey, safe for colour-blind readers)
and by line style (solid against dashed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from simulator import formatting as fmt
from simulator.history import load_history
from simulator.i18n import tr
from simulator.model import REGIONS, Result
from simulator.outputs import MAIN, OUTPUTS, PICKABLE, REGIONAL
from simulator.report import BASELINE, SCENARIO

SCENARIO_COLOUR = "#0072B2"  # Okabe-Ito blue
BASELINE_COLOUR = "#8C8C8C"
PUBLISHED_COLOUR = "#D55E00"  # Okabe-Ito vermilion
ONLINE_COLOUR = "#009E73"  # Okabe-Ito bluish green
OFFLINE_COLOUR = "#56B4E9"  # Okabe-Ito sky blue
UNMET_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple
FONT_SIZES = {"title": 18, "label": 13, "axis_title": 14}

OBSERVED_COLOUR = "#000000"
# Published values drawn on an output's chart: the output itself and, for totals made of
# two segments, the segment that was counted (as OWID marks data on a modelled line).
MARKED = {
    "production_rp_tn": ("production_rp_tn",),
    "jobs": ("jobs", "jobs_small"),
    "units": ("units", "units_small", "units_medium"),
}


def _configure(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """Fonts large enough for a projector and the language's number locale."""
    return (
        chart.configure(
            locale={"number": fmt.vega_locale(lang)},
            font="Source Sans Pro, DejaVu Sans, sans-serif",
        )
        .configure_axis(
            labelFontSize=FONT_SIZES["label"],
            titleFontSize=FONT_SIZES["axis_title"],
            grid=True,
        )
        .configure_title(
            fontSize=FONT_SIZES["title"], anchor="start", subtitleFontSize=FONT_SIZES["label"]
        )
        .configure_legend(
            labelFontSize=FONT_SIZES["label"], titleFontSize=FONT_SIZES["label"], orient="bottom"
        )
    )


Formatter = Callable[[float, str], str]


def _table(columns: dict[str, Any]) -> pa.Table:
    """A chart dataset as an Arrow table: Streamlit sends it as is, skipping pandas."""
    return pa.table(
        {
            name: np.asarray(values) if not isinstance(values, str) else [values] * _length(columns)
            for name, values in columns.items()
        }
    )


def _length(columns: dict[str, Any]) -> int:
    return max(len(v) for v in columns.values() if not isinstance(v, str))


LINE_OUTPUTS: dict[str, tuple[str, str, str, Formatter]] = {
    # output: (title key, axis key, d3 axis format, tooltip formatter), from the registry
    name: (OUTPUTS[name].label_key, OUTPUTS[name].axis_key, OUTPUTS[name].axis_format,
           OUTPUTS[name].show)
    for name in MAIN
}  # fmt: skip


def line_frame(result: Result, output: str, lang: str) -> pd.DataFrame:
    """Scenario and baseline of one output by year, with formatted tooltip text."""
    show = LINE_OUTPUTS[output][3]
    years = result.years
    scenario_label, baseline_label = tr("series_scenario", lang), tr("series_baseline", lang)
    values = np.concatenate([result[output][SCENARIO], result[output][BASELINE]])
    return _table(
        {
            "year": np.concatenate([years, years]),
            "series": [scenario_label] * len(years) + [baseline_label] * len(years),
            "value": values,
            "text": [show(float(v), lang) for v in values],
        }
    )


def _series_scale(lang: str) -> tuple[list[str], list[str]]:
    return [tr("series_scenario", lang), tr("series_baseline", lang)], [
        SCENARIO_COLOUR,
        BASELINE_COLOUR,
    ]


def year_ticks(end_year: int, start_year: int = 2016) -> tuple[int, ...]:
    """Tick years counted back from the end year (always labelled), every 2 or 5 years."""
    step = 2 if end_year - start_year <= 20 else 5
    return tuple(range(end_year, start_year - 1, -step))[::-1]


def _year_axis(lang: str, end_year: int) -> alt.X:
    return alt.X(
        "year:Q",
        title=tr("axis_year", lang),
        axis=alt.Axis(format="d", values=list(year_ticks(end_year))),
        scale=alt.Scale(nice=False),
    )


def _tooltip(lang: str, series_field: str = "series") -> list[alt.Tooltip]:
    return [
        alt.Tooltip(f"{series_field}:N", title=tr("tooltip_series", lang)),
        alt.Tooltip("year:Q", title=tr("axis_year", lang), format="d"),
        alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
    ]


@functools.lru_cache(maxsize=64)
def _line_template(output: str, lang: str, height: int, end_year: int) -> dict[str, Any]:
    """The validated spec of a scenario-against-baseline line chart, data left out.

    Model years are lines; published values are black points (data) and an open diamond
    (a published projection); the observed years sit on a light band labelled "data".
    """
    title_key, axis_key, axis_format, _ = LINE_OUTPUTS[output]
    domain, colours = _series_scale(lang)
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolSize=500)
    colour = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=legend
    )
    dash = alt.StrokeDash(
        "series:N",
        title=None,
        scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]]),
        legend=legend,
    )
    x = _year_axis(lang, end_year)
    y = alt.Y("value:Q", title=tr(axis_key, lang), axis=alt.Axis(format=axis_format))
    band = alt.Chart(alt.NamedData(name="observed_band"))
    band_x = alt.X("start:Q", scale=alt.Scale(zero=False, nice=False), title=None)
    # Decorative layers carry no ARIA role of their own: the chart's text alternative
    # states the numbers, and an unlabelled graphic would be an accessibility fault.
    shade = band.mark_rect(color="#EEF1F4", aria=False).encode(x=band_x, x2="end:Q")
    shade_label = band.mark_text(
        align="left", dx=4, dy=4, fontSize=12, color="#444444", baseline="top", aria=False
    ).encode(x=band_x, y=alt.value(0), text="label:N")
    main = alt.Chart(alt.NamedData(name="main"))
    lines = main.mark_line(strokeWidth=3).encode(x=x, y=y, color=colour, strokeDash=dash)
    # Invisible points give the tooltip a target at each year.
    points = main.mark_point(size=80, filled=True, opacity=0.001).encode(
        x=x, y=y, tooltip=_tooltip(lang)
    )
    marker = alt.Chart(alt.NamedData(name="policy"))
    rule = marker.mark_rule(color="#555555", strokeDash=[2, 3]).encode(x="year:Q")
    label = marker.mark_text(
        align="right", dx=-4, dy=4, fontSize=12, color="#444444", baseline="top"
    ).encode(x="year:Q", y=alt.value(0), text="label:N")
    published = alt.Chart(alt.NamedData(name="published"))
    data_points = (
        published.transform_filter("datum.kind == 'observed'")
        .mark_point(
            shape="circle", size=90, filled=True, color=OBSERVED_COLOUR, opacity=1, aria=False
        )
        .encode(x="year:Q", y="value:Q", tooltip=_tooltip(lang))
    )
    projections = (
        published.transform_filter("datum.kind == 'projection'")
        .mark_point(
            shape="diamond",
            size=160,
            filled=False,
            strokeWidth=2,
            color=PUBLISHED_COLOUR,
            opacity=1,
            aria=False,
        )
        .encode(x="year:Q", y="value:Q", tooltip=_tooltip(lang))
    )
    layers = [shade, shade_label, lines, points, rule, label, data_points, projections]
    title = alt.TitleParams(tr(title_key, lang), subtitle=tr("line_subtitle", lang))
    chart = alt.layer(*layers).properties(title=title, height=height, width="container")
    return _configure(chart, lang).to_dict()


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


def published_points(output: str, lang: str, end_year: int) -> pa.Table:
    """Published values to mark on ``output``'s chart, in model units (2016 prices)."""
    history = load_history()
    rows: list[tuple[int, float, str, str]] = []
    for quantity in MARKED.get(output, ()):
        label = tr(f"published_{quantity}", lang)
        for year, value in sorted(history.observed(quantity).items()):
            rows.append((year, value, "observed", label))
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
    result: Result, output: str, lang: str, policy_start: int | None = None, height: int = 340
) -> dict[str, Any]:
    """Scenario (solid, blue) against baseline (dashed, grey) over the years, as a spec."""
    end_year = int(result.years[-1])
    datasets: dict[str, Any] = {
        "observed_band": _observed_band(result, lang),
        "main": line_frame(result, output, lang),
        "policy": _policy_frame(result, policy_start, lang),
        "published": published_points(output, lang, end_year),
    }
    return {**_line_template(output, lang, height, end_year), "datasets": datasets}


def _sales_parts(lang: str) -> list[str]:
    return [tr("sales_offline", lang), tr("sales_online", lang), tr("sales_unmet", lang)]


@functools.lru_cache(maxsize=16)
def _sales_template(lang: str, height: int, end_year: int) -> dict[str, Any]:
    names = _sales_parts(lang)
    x = _year_axis(lang, end_year)
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
    chart = alt.layer(area, line, label).properties(
        title=alt.TitleParams(
            tr("chart_sales_split", lang), subtitle=tr("chart_sales_split_sub", lang)
        ),
        height=height,
        width="container",
    )
    return _configure(chart, lang).to_dict()


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
    template = _sales_template(lang, height, int(years[-1]))
    return {**template, "datasets": {"parts": parts, "capacity": capacity}}


REGION_MEASURES: dict[str, tuple[str, str, Formatter]] = {
    o.name: (o.label_key, o.axis_key, o.show) for o in REGIONAL
}


@functools.lru_cache(maxsize=32)
def _region_template(measure: str, lang: str, year: int, height: int) -> dict[str, Any]:
    what_key, axis_key, _ = REGION_MEASURES[measure]
    domain, colours = _series_scale(lang)
    region_names = [tr(f"region_{r}", lang) for r in REGIONS]
    chart = (
        alt.Chart(alt.NamedData(name="main"))
        .mark_bar()
        .encode(
            # Horizontal bars: region names stay readable in a narrow column.
            y=alt.Y("region:N", title=None, sort=region_names, axis=alt.Axis(labelLimit=200)),
            yOffset=alt.YOffset("series:N", sort=domain),
            x=alt.X("value:Q", title=tr(axis_key, lang), axis=alt.Axis(format=",.0f", tickCount=4)),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
            # Baseline bars are also lighter, so the pair reads without colour.
            opacity=alt.Opacity("series:N", scale=alt.Scale(domain=domain, range=[1.0, 0.55])),
            tooltip=[
                alt.Tooltip("region:N", title=tr("tooltip_region", lang)),
                alt.Tooltip("series:N", title=tr("tooltip_series", lang)),
                alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
            ],
        )
        .properties(
            title=alt.TitleParams(
                tr(what_key, lang), subtitle=tr("chart_regions_sub", lang, year=year)
            ),
            height=height,
            width="container",
        )
    )
    return _configure(chart, lang).to_dict()


def region_chart(result: Result, measure: str, lang: str, height: int = 320) -> dict[str, Any]:
    """End-year scenario and baseline side by side for West Java, East Java and the rest."""
    show = REGION_MEASURES[measure][2]
    year = int(result.years[-1])
    domain, _ = _series_scale(lang)
    values = result.regions[measure][:, :, -1]  # (2 rows, 3 regions)
    flat = np.concatenate([values[SCENARIO], values[BASELINE]])
    frame = _table(
        {
            "region": [tr(f"region_{r}", lang) for r in REGIONS] * 2,
            "series": [domain[0]] * 3 + [domain[1]] * 3,
            "value": flat,
            "text": [show(float(v), lang) for v in flat],
        }
    )
    return {**_region_template(measure, lang, year, height), "datasets": {"main": frame}}


def chart_alt_text(result: Result, output: str, lang: str) -> str:
    """A sentence with a line chart's end-year numbers, for screen readers."""
    title_key, _, _, show = LINE_OUTPUTS[output]
    year = int(result.years[-1])
    return tr(
        "chart_alt",
        lang,
        title=tr(title_key, lang),
        last_s=show(float(result[output][SCENARIO, -1]), lang),
        last_b=show(float(result[output][BASELINE, -1]), lang),
        year=year,
    )


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

COMPARE_OUTPUTS: dict[str, tuple[str, str, str, Formatter]] = {
    name: (OUTPUTS[name].label_key, OUTPUTS[name].axis_key, OUTPUTS[name].axis_format,
           OUTPUTS[name].show)
    for name in PICKABLE
}  # fmt: skip


@functools.lru_cache(maxsize=64)
def _compare_template(
    output: str, lang: str, names: tuple[str, ...], height: int, end_year: int
) -> dict[str, Any]:
    title_key, axis_key, axis_format, _ = COMPARE_OUTPUTS[output]
    baseline = tr("series_baseline", lang)
    domain = [baseline, *names]
    colours = [BASELINE_COLOUR, *COMPARE_COLOURS[: len(names)]]
    dashes = [[6, 4]] + [[1, 0]] * len(names)
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolSize=500, columns=3)
    x = _year_axis(lang, end_year)
    y = alt.Y("value:Q", title=tr(axis_key, lang), axis=alt.Axis(format=axis_format))
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
    chart = alt.layer(lines, points).properties(
        title=alt.TitleParams(tr(title_key, lang), subtitle=tr("compare_chart_sub", lang)),
        height=height,
        width="container",
    )
    return _configure(chart, lang).to_dict()


def compare_chart(
    years: np.ndarray,
    series: list[tuple[str, np.ndarray]],
    output: str,
    lang: str,
    height: int = 380,
) -> dict[str, Any]:
    """One line per scenario (baseline first, dashed grey) for one output."""
    show = COMPARE_OUTPUTS[output][3]
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
    template = _compare_template(output, lang, names, height, int(years[-1]))
    return {**template, "datasets": {"main": frame}}


@functools.lru_cache(maxsize=64)
def _fan_template(output: str, lang: str, height: int, end_year: int) -> dict[str, Any]:
    title_key, axis_key, axis_format, _ = LINE_OUTPUTS[output]
    domain, colours = _series_scale(lang)
    x = _year_axis(lang, end_year)
    band = alt.Chart(alt.NamedData(name="band"))
    area = band.mark_area(opacity=0.25).encode(
        x=x,
        y=alt.Y("p10:Q", title=tr(axis_key, lang), axis=alt.Axis(format=axis_format)),
        y2="p90:Q",
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
    )
    median = band.mark_line(strokeWidth=3).encode(
        x=x,
        y="p50:Q",
        color=alt.Color("series:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
        strokeDash=alt.StrokeDash(
            "series:N", title=None, scale=alt.Scale(domain=domain, range=[[1, 0], [6, 4]])
        ),
    )
    points = band.mark_point(size=80, filled=True, opacity=0.001).encode(
        x=x,
        y="p50:Q",
        tooltip=[
            alt.Tooltip("series:N", title=tr("tooltip_series", lang)),
            alt.Tooltip("year:Q", title=tr("axis_year", lang), format="d"),
            alt.Tooltip("t50:N", title=tr("p50", lang)),
            alt.Tooltip("t10:N", title=tr("p10", lang)),
            alt.Tooltip("t90:N", title=tr("p90", lang)),
        ],
    )
    chart = alt.layer(area, median, points).properties(
        title=alt.TitleParams(tr(title_key, lang), subtitle=tr("fan_subtitle", lang)),
        height=height,
        width="container",
    )
    return _configure(chart, lang).to_dict()


def fan_chart(
    years: np.ndarray,
    bands: dict[str, np.ndarray],
    output: str,
    lang: str,
    height: int = 320,
) -> dict[str, Any]:
    """The 10th-90th percentile band and the median, scenario (blue) and baseline (grey).

    ``bands`` maps "scenario" and "baseline" to arrays (3, years) of p10, p50, p90.
    """
    show = LINE_OUTPUTS[output][3]
    domain, _ = _series_scale(lang)
    frames = []
    for label, key in zip(domain, ("scenario", "baseline"), strict=True):
        p10, p50, p90 = bands[key]
        frames.append(
            _table(
                {
                    "year": years,
                    "series": label,
                    "p10": p10,
                    "p50": p50,
                    "p90": p90,
                    "t10": [show(float(v), lang) for v in p10],
                    "t50": [show(float(v), lang) for v in p50],
                    "t90": [show(float(v), lang) for v in p90],
                }
            )
        )
    # Baseline first, so the scenario's band is drawn on top.
    frame = pa.concat_tables(frames[::-1])
    template = _fan_template(output, lang, height, int(years[-1]))
    return {**template, "datasets": {"band": frame}}


@functools.lru_cache(maxsize=64)
def _tornado_template(lang: str, axis_key: str, title: str, height: int) -> dict[str, Any]:
    bars = alt.Chart(alt.NamedData(name="bars"))
    low_high = [tr("tornado_low", lang), tr("tornado_high", lang)]
    chart = bars.mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X(
            "start:Q",
            title=tr(axis_key, lang),
            axis=alt.Axis(format=",.1~f", tickCount=8),
            scale=alt.Scale(zero=False, nice=True),
        ),
        x2="end:Q",
        color=alt.Color(
            "side:N",
            title=None,
            scale=alt.Scale(domain=low_high, range=[OFFLINE_COLOUR, SCENARIO_COLOUR]),
        ),
        tooltip=[
            alt.Tooltip("label:N", title=tr("p_label", lang)),
            alt.Tooltip("side:N", title=tr("tooltip_series", lang)),
            alt.Tooltip("setting:N", title=tr("p_value", lang)),
            alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
        ],
    )
    rule = (
        alt.Chart(alt.NamedData(name="base"))
        .mark_rule(color="#222222", strokeWidth=2)
        .encode(x=alt.X("value:Q", scale=alt.Scale(zero=False)))
    )
    layered = alt.layer(chart, rule).properties(
        title=alt.TitleParams(title, subtitle=tr("tornado_subtitle", lang)),
        height=height,
        width="container",
    )
    return _configure(layered, lang).to_dict()


def tornado_columns(frame: pd.DataFrame) -> tuple[str, str, str]:
    """Which columns a tornado draws: the effect's when the scenario has one, else the level's."""
    if (frame["effect_swing"] > 0).any():
        return "effect_low", "effect_high", "effect_swing"
    return "output_low", "output_high", "swing"


def tornado_chart(
    frame: pd.DataFrame,
    output: str,
    year: int,
    lang: str,
    labels: dict[str, str],
    settings: dict[str, tuple[str, str]],
    top: int = 10,
) -> dict[str, Any]:
    """Bars from the central value to the result at each assumption's low and high.

    With a policy, the bars are the policy's effect (scenario minus baseline on the same
    assumptions), ranked by how much each assumption moves it; without one, the level.
    ``frame`` is :func:`simulator.analysis.sensitivity`'s table; ``labels`` maps parameter
    names to labels and ``settings`` to the (low, high) settings as text.
    """
    title_key, axis_key, _, show = COMPARE_OUTPUTS[output]
    low, high, swing = tornado_columns(frame)
    effect = swing == "effect_swing"
    centre = float(frame["effect_base" if effect else "base"].iloc[0])
    shown = OUTPUTS[output].show_change if effect else show
    rows = []
    moving = frame[frame[swing] > 0]  # assumptions that do not move it are left out
    for record in moving.head(top).itertuples():
        for side, value, setting in (
            (tr("tornado_low", lang), getattr(record, low), settings[record.parameter][0]),
            (tr("tornado_high", lang), getattr(record, high), settings[record.parameter][1]),
        ):
            rows.append(
                {
                    "label": labels[record.parameter],
                    "side": side,
                    "start": centre,
                    "end": value,
                    "setting": setting,
                    "text": shown(float(value), lang),
                }
            )
    bars = pa.Table.from_pylist(rows)
    base = _table({"value": [centre]})
    what = tr(title_key, lang)
    if effect:
        title = tr("tornado_effect_title", lang, what=what[:1].lower() + what[1:], year=year)
    else:
        title = tr("tornado_title", lang, what=what, year=year)
    height = 44 * max(1, min(top, len(moving))) + 150
    return {
        **_tornado_template(lang, axis_key, title, height),
        "datasets": {"bars": bars, "base": base},
    }


@functools.lru_cache(maxsize=16)
def _jobs_template(lang: str, height: int, end_year: int) -> dict[str, Any]:
    names = [tr("jobs_direct", lang), tr("jobs_indirect", lang), tr("jobs_induced", lang)]
    chart = (
        alt.Chart(alt.NamedData(name="jobs"))
        .mark_area(opacity=0.85)
        .encode(
            x=_year_axis(lang, end_year),
            y=alt.Y(
                "value:Q",
                stack="zero",
                title=tr("axis_persons", lang),
                axis=alt.Axis(format=",.0f"),
            ),
            color=alt.Color(
                "kind:N",
                title=None,
                sort=names,
                scale=alt.Scale(domain=names, range=[SCENARIO_COLOUR, ONLINE_COLOUR, "#E69F00"]),
            ),
            order="order:Q",
            tooltip=_tooltip(lang, "kind"),
        )
        .properties(
            title=alt.TitleParams(
                tr("jobs_wider_title", lang), subtitle=tr("jobs_wider_sub", lang)
            ),
            height=height,
            width="container",
        )
    )
    return _configure(chart, lang).to_dict()


def wider_jobs_chart(result: Result, lang: str, height: int = 320) -> dict[str, Any]:
    """Additional direct, indirect and induced jobs against the baseline, stacked.

    Indirect and induced jobs exist only for the change the scenario makes (multipliers
    applied to the change in direct jobs), so the chart shows changes, not levels.
    """
    years = result.years
    names = [tr("jobs_direct", lang), tr("jobs_indirect", lang), tr("jobs_induced", lang)]
    direct = result["jobs"][SCENARIO] - result["jobs"][BASELINE]
    parts = [direct, result["jobs_indirect"][SCENARIO], result["jobs_induced"][SCENARIO]]
    values = np.concatenate(parts)
    frame = _table(
        {
            "year": np.tile(years, 3),
            "kind": np.repeat(names, len(years)),
            "order": np.repeat([0, 1, 2], len(years)),
            "value": values,
            "text": [fmt.signed(float(v), lang) for v in values],
        }
    )
    return {**_jobs_template(lang, height, int(years[-1])), "datasets": {"jobs": frame}}


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
        f"{tr(f'region_{r}', lang)} {show(float(result.regions[measure][SCENARIO, i, -1]), lang)}"
        for i, r in enumerate(REGIONS)
    ]
    return f"{tr(what_key, lang)} {int(result.years[-1])}: " + "; ".join(parts) + "."


def alt_fan(years: np.ndarray, bands: dict[str, np.ndarray], output: str, lang: str) -> str:
    """Text alternative of a fan chart: the end-year median and 10-90 % band."""
    title_key, _, _, show = LINE_OUTPUTS[output]
    p10, p50, p90 = (float(x) for x in bands["scenario"][:, -1])
    return tr(
        "alt_fan",
        lang,
        title=tr(title_key, lang),
        year=int(years[-1]),
        p50=show(p50, lang),
        p10=show(p10, lang),
        p90=show(p90, lang),
    )


def alt_list(title: str, items: list[str]) -> str:
    """A title and a list of items as one sentence."""
    return f"{title}: " + "; ".join(items) + "."
