"""Altair chart specifications for the page (and, later, for image exports).

Each function takes a paired result (row 0 scenario, row 1 baseline) and a language and
returns an Altair chart whose data holds only the rows it draws. Axis numbers follow the
language through Vega's ``config.locale``; tooltips carry Babel-formatted text. Scenario
and baseline differ by colour (Okabe-Ito blue against grey, safe for colour-blind readers)
and by line style (solid against dashed).

A spec depends only on what it shows and the language, never on the scenario: every number
a lever changes (the years drawn, end-year titles, the policy-start mark, the tornado's
bars, the text alternative's figures) is in a named dataset, and everything that depends on
the drawn width (title lines, year ticks, legend columns) is a Vega expression on it. So a
lever move sends the same spec with new datasets, and Streamlit updates the drawn Vega view
in place instead of embedding the chart afresh (see ``described`` and ``label``).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa
from babel.numbers import format_compact_decimal

from simulator import formatting as fmt
from simulator.history import load_history
from simulator.i18n import mid_sentence, tr
from simulator.model import REGIONS, Result
from simulator.outputs import MAIN, MARKED, OUTPUTS, PICKABLE, REGIONAL
from simulator.regions import region_label
from simulator.report import BASELINE, SCENARIO, join_list

SCENARIO_COLOUR = "#0072B2"  # Okabe-Ito blue
BASELINE_COLOUR = "#8C8C8C"
PUBLISHED_COLOUR = "#D55E00"  # Okabe-Ito vermilion
ONLINE_COLOUR = "#009E73"  # Okabe-Ito bluish green
OFFLINE_COLOUR = "#56B4E9"  # Okabe-Ito sky blue
UNMET_COLOUR = "#CC79A7"  # Okabe-Ito reddish purple
FONT_SIZES = {"title": 18, "label": 13, "axis_title": 14}

OBSERVED_COLOUR = "#000000"


# The drawn chart's full width [px]: its container's in the browser (Streamlit sizes the
# container to the column). The "+ 0 * width" makes Vega recompute it when Streamlit resizes
# the view; the container's width does not depend on what the chart draws, so nothing here
# feeds back on itself. Without a container (an image export) it is a constant, not the
# plot's width: that changes with the layout it would feed, and a static render keeps the
# first pass's layout.
CHART_WIDTH = "chart_width"
STANDALONE_WIDTH_PX = 500  # the narrowest image the exports make
_CHART_WIDTH_EXPR = (
    "(isFinite(containerSize()[0]) && containerSize()[0] > 0 ? containerSize()[0] : "
    f"{STANDALONE_WIDTH_PX}) + 0 * width"
)
# Average advance of a character [px] at the title and label sizes, generous (DejaVu Sans,
# the widest of the fonts a browser falls back to) so a line broken by count stays inside
# the chart.
TITLE_CHAR_PX = 11.5
LABEL_CHAR_PX = 7.4
# Height of a chart's title, subtitle, axis and legend on a desktop column [px]: the plot
# gets the rest of a requested height, and gains any extra lines on a narrow screen.
DECORATION_PX = 150
# A chart's one-row summary dataset: "text", its text alternative with the numbers, and any
# words of its title or subtitle that a lever changes (the end year).
SUMMARY = "summary"


def _literal(text: str) -> str:
    """``text`` as a Vega expression string literal."""
    return json.dumps(text, ensure_ascii=False)


def lines_expr(text: str, char_px: float, margin: int = 40) -> str:
    """A Vega expression: the text expression ``text`` broken at spaces into lines (an
    array) that fit the chart's width at ``char_px`` pixels a character."""
    return wrap_expr(text, f"max(12, floor(({CHART_WIDTH} - {margin}) / {char_px}))")


def wrap_expr(text: str, chars: str) -> str:
    """A Vega expression: the text expression ``text`` broken at spaces into lines (an
    array) of at most ``chars`` (an expression) characters; a longer word keeps its line."""
    head, tail = _literal("(.{1,"), _literal("})(\\s+|$)")  # a line, then its spaces
    newline = _literal("\n")
    return (
        f"split(trim(replace({text}, regexp({head} + ({chars}) + {tail}, 'g'), "
        f"{_literal('$1')} + {newline})), {newline})"
    )


def wrapped(text: str, chars: int) -> list[str]:
    """``text`` broken into lines as :func:`wrap_expr` breaks it at ``chars`` characters."""
    return re.sub(rf"(.{{1,{chars}}})(\s+|$)", "\\1\n", text).strip().split("\n")


# A bar's name on a row chart (tornado, waterfall) keeps to this many lines of 15 px, so it
# stays inside its TORNADO_STEP_PX row; a name that would need more gets longer lines.
NAME_LINES = 3


def name_chars(labels: Iterable[str]) -> str:
    """A Vega expression: the characters a line of a row chart's names holds, about a third
    of the chart's width (at most 260 px), and never so few that a name in ``labels`` needs
    more than NAME_LINES lines (the Indonesian names are long; a phone's chart is narrow)."""
    least = 12
    while any(len(wrapped(text, least)) > NAME_LINES for text in labels):
        least += 1
    return f"max({least}, floor(min(260, {CHART_WIDTH} * 0.36) / {LABEL_CHAR_PX}))"


def _summary_field(field: str) -> str:
    """A Vega expression: ``field`` of the chart's summary dataset ('' without one)."""
    return f"(length(data('{SUMMARY}')) ? data('{SUMMARY}')[0].{field} : '')"


def _summary(**fields: str) -> pa.Table:
    """A chart's summary dataset, its text alternative left for :func:`described`."""
    return _table({"text": [""], **{name: [value] for name, value in fields.items()}})


# Year ticks: counted back from the last year drawn (always labelled), every 1, 2, 5 or 10
# years, as many as the plot's width has room for (a year label needs about 52 px).
# (YEAR_LABEL_PX, a parameter of the spec: larger where the chart text is larger).
YEAR_LABEL_PX = "year_label_px"
_YEAR_STEP = f"((domain('x')[1] - domain('x')[0]) / max(1, floor(width / {YEAR_LABEL_PX})))"
YEAR_TICKS = (
    f"sequence(floor(domain('x')[1]), domain('x')[0] - 0.5, "
    f"-({_YEAR_STEP} <= 1 ? 1 : {_YEAR_STEP} <= 2 ? 2 : {_YEAR_STEP} <= 5 ? 5 : 10))"
)


def compact_label(lang: str, small_format: str) -> str:
    """A Vega ``labelExpr``: thousands and millions in the language's short words ("200 rb",
    "1,5 jt" / "200K", "1.5M", from Babel's compact formats), smaller numbers as
    ``small_format``; Vega writes the digits in the chart's locale."""
    locale = fmt.BABEL_LOCALE.get(lang, "id_ID")
    thousand = format_compact_decimal(1_000, locale=locale).removeprefix("1")
    million = format_compact_decimal(1_000_000, locale=locale).removeprefix("1")
    return (
        f"abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~r') + {_literal(million)}"
        f" : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, ',.3~r') + "
        f"{_literal(thousand)} : format(datum.value, {_literal(small_format)})"
    )


# A legend below the plot starts at the plot's left edge, right of the y axis's labels and
# title [px]: the width its row has is the chart's less this.
LEGEND_INDENT_PX = 90


def legend_columns(labels: list[str]) -> alt.ExprRef:
    """Legend entries in one row where they fit the chart's width right of the y axis, else
    one a line."""
    needed = sum(len(label) * LABEL_CHAR_PX + 40 for label in labels)
    return alt.ExprRef(f"{CHART_WIDTH} - {LEGEND_INDENT_PX} < {needed:.0f} ? 1 : 0")


def _summary_layer(lang: str) -> alt.Chart:
    """An invisible mark whose accessible name is the summary dataset's text: the chart's
    numbers reach a screen reader as data, not as the spec's description. It is the only
    mark a screen reader meets (the others are left out, :func:`_configure`), named in the
    page language."""
    return (
        alt.Chart(alt.NamedData(name=SUMMARY))
        .mark_text(opacity=0, aria=True, ariaRoleDescription=tr("chart_summary_role", lang))
        .encode(x=alt.value(0), y=alt.value(0), text=alt.value(""), description="text:N")
    )


def _finish(
    layers: list[alt.Chart],
    lang: str,
    *,
    title: str,
    subtitle: str,
    label: str,
    height: int | alt.Step,
) -> dict[str, Any]:
    """The spec of ``layers`` and the summary layer: fonts, the language's number locale,
    title and subtitle (Vega expressions of text) broken into lines that fit the width, the
    width fitted to the column and, below the title, a plot ``height`` high (a chart of that
    total height on a desktop column, taller where the title needs more lines)."""
    plot = height if isinstance(height, alt.Step) else max(120, height - DECORATION_PX)
    chart = alt.layer(*layers, _summary_layer(lang)).properties(width="container", height=plot)
    chart = chart.add_params(
        alt.param(name=CHART_WIDTH, expr=_CHART_WIDTH_EXPR), alt.param(name=YEAR_LABEL_PX, value=52)
    )
    spec = _configure(chart, lang).to_dict()
    # Vega-Lite passes an expression subtitle through to Vega, which accepts it; Altair's
    # schema types it as text only, so it is set after validation.
    spec["title"] = {
        "text": {"expr": lines_expr(title, TITLE_CHAR_PX)},
        "subtitle": {"expr": lines_expr(subtitle, LABEL_CHAR_PX)},
        # Not read out by Vega ("Title text '...'", in English): the chart's name is its
        # title already (the ``alt`` Streamlit gives the chart, :func:`label`).
        "aria": False,
    }
    # The width fits the column; the height is the plot's, so extra title lines on a phone
    # make the chart taller instead of squashing the plot.
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    # A little room at the sides for the axis title and the last year's label; below, the
    # room Streamlit gives by default.
    spec["padding"] = {"left": 4, "top": 4, "right": 4, "bottom": 20}
    spec["usermeta"] = {"label": label, "title": title, "subtitle": subtitle}
    return spec


def _plain(spec: dict[str, Any], source: str) -> str:
    """The text of a title expression made by :func:`_literal` or :func:`_summary_field`."""
    if source.startswith('"'):
        return str(json.loads(source))
    summary = spec.get("datasets", {}).get(SUMMARY)
    if isinstance(summary, pa.Table):
        summary = summary.to_pylist()
    row = summary[0] if summary else {}  # records, as a standalone image carries them
    for field, value in row.items():
        if source == _summary_field(field):
            return str(value)
    return ""


def title_texts(spec: dict[str, Any]) -> tuple[str, str]:
    """A chart's title and subtitle as plain text, before the page breaks them into lines
    (for the exports, which set them at their own width)."""
    meta = spec.get("usermeta", {})
    subtitle = _plain(spec, meta.get("subtitle", ""))
    # A line chart's key says what it draws: the change or the levels.
    subtitle = meta.get("subtitles", {}).get(mode_of(spec), subtitle)
    return _plain(spec, meta.get("title", "")), subtitle


def label(spec: dict[str, Any]) -> str:
    """The chart's accessible name: its title and subtitle, the same for every scenario."""
    return spec.get("usermeta", {}).get("label", "")


def described(spec: dict[str, Any], text: str) -> dict[str, Any]:
    """``spec`` with ``text`` (its text alternative with the numbers) in its summary data."""
    datasets = spec.get("datasets", {})
    summary = datasets.get(SUMMARY, _summary())
    summary = summary.set_column(
        summary.schema.get_field_index("text"), "text", pa.array([text] * summary.num_rows)
    )
    return {**spec, "datasets": {**datasets, SUMMARY: summary}}


def _configure(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """Fonts large enough for a projector and the language's number locale; legends below
    with labels up to the chart's width."""
    return (
        chart.configure(
            locale={"number": fmt.vega_locale(lang)},
            font="Source Sans Pro, DejaVu Sans, sans-serif",
        )
        # Vega names axes, legends and every mark item for screen readers in fixed English
        # ("X-axis for a linear scale ...", "line mark", "point", and each point's raw fields):
        # they are left out; the chart's own name and its summary (in the page language) say
        # what it shows. (Vega-Lite passes no such switch for titles.)
        .configure_mark(aria=False, tooltip=None)
        .configure_axis(
            labelFontSize=FONT_SIZES["label"],
            titleFontSize=FONT_SIZES["axis_title"],
            grid=True,
            aria=False,
        )
        .configure_axisX(labelFlush=True, labelOverlap=True)
        .configure_title(
            fontSize=FONT_SIZES["title"],
            anchor="start",
            subtitleFontSize=FONT_SIZES["label"],
        )
        .configure_legend(
            labelFontSize=FONT_SIZES["label"],
            titleFontSize=FONT_SIZES["label"],
            orient="bottom",
            labelLimit=alt.ExprRef(f"max(80, {CHART_WIDTH} - 60)"),
            aria=False,
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


# What a line chart draws (the spec's parameter MODE, so one spec serves every choice):
# the change against the baseline, the same in percent of the baseline, or the levels.
MODE = "mode"
MODES = ("change", "percent", "level")
DEFAULT_MODE = "change"
# The y value each choice draws, from the columns of :func:`line_frame`.
SHOWN = f"{MODE} == 'level' ? datum.value : {MODE} == 'change' ? datum.change : datum.pct"


def with_mode(spec: dict[str, Any], mode: str) -> dict[str, Any]:
    """``spec`` drawing ``mode`` (a copy; a spec without the choice is returned as is)."""
    if mode not in MODES or not any(p.get("name") == MODE for p in spec.get("params", [])):
        return spec
    params = [{**p, "value": mode} if p.get("name") == MODE else p for p in spec["params"]]
    return {**spec, "params": params}


def mode_of(spec: dict[str, Any]) -> str | None:
    """What a line chart spec draws (None for a chart without the choice)."""
    return next((p["value"] for p in spec.get("params", []) if p.get("name") == MODE), None)


def _series_scale(lang: str) -> tuple[list[str], list[str]]:
    return [tr("series_scenario", lang), tr("series_baseline", lang)], [
        SCENARIO_COLOUR,
        BASELINE_COLOUR,
    ]


def _year_axis(lang: str) -> alt.X:
    return alt.X(
        "year:Q",
        title=tr("axis_year", lang),
        axis=alt.Axis(format="d", values=alt.ExprRef(YEAR_TICKS)),
        scale=alt.Scale(nice=False),
    )


def _tooltip(lang: str, series_field: str = "series") -> list[alt.Tooltip]:
    return [
        alt.Tooltip(f"{series_field}:N", title=tr("tooltip_series", lang)),
        alt.Tooltip("year:Q", title=tr("axis_year", lang), format="d"),
        alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
    ]


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
    output: str, lang: str, names: tuple[str, ...], height: int
) -> dict[str, Any]:
    title_key, axis_key, axis_format, _ = COMPARE_OUTPUTS[output]
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
    template = _compare_template(output, lang, names, height)
    return {**template, "datasets": {"main": frame, SUMMARY: _summary()}}


@functools.lru_cache(maxsize=64)
def _fan_template(output: str, lang: str, height: int) -> dict[str, Any]:
    """One template for both kinds of fan (what is drawn, its title and key come with the
    data): the middle line over every year, the band of 8 in 10 simulations over the
    projected years only, and, for a change, the baseline as a dashed line at zero."""
    _, axis_key, axis_format, _ = LINE_OUTPUTS[output]
    x = _year_axis(lang)
    y_axis = alt.Axis(labelExpr=compact_label(lang, axis_format))
    band = alt.Chart(alt.NamedData(name="band")).mark_area(
        opacity=0.3, color=SCENARIO_COLOUR, aria=False
    )
    area = band.encode(x=x, y=alt.Y("low:Q", title=tr(axis_key, lang), axis=y_axis), y2="high:Q")
    middle = alt.Chart(alt.NamedData(name="middle"))
    line = middle.mark_line(strokeWidth=3, color=SCENARIO_COLOUR, aria=False).encode(x=x, y="mid:Q")
    zero = alt.Chart(alt.NamedData(name="zero"))
    rule = zero.mark_rule(color=BASELINE_COLOUR, strokeDash=[6, 4], strokeWidth=2, aria=False)
    rule = rule.encode(y="value:Q")
    rule_label = zero.mark_text(
        align="left", dx=4, dy=-6, fontSize=12, color="#444444", baseline="bottom", aria=False
    ).encode(x=alt.value(0), y="value:Q", text="label:N")
    points = middle.mark_point(size=80, filled=True, opacity=0.001).encode(
        x=x,
        y="mid:Q",
        tooltip=[
            alt.Tooltip("year:Q", title=tr("axis_year", lang), format="d"),
            alt.Tooltip("t50:N", title=tr("p50", lang)),
            alt.Tooltip("t10:N", title=tr("p10", lang)),
            alt.Tooltip("t90:N", title=tr("p90", lang)),
        ],
    )
    return _finish(
        [area, rule, rule_label, line, points],
        lang,
        title=_summary_field("title"),
        subtitle=_summary_field("subtitle"),
        label=OUTPUTS[output].label(lang),
        height=height,
    )


def fan_shows_change(bands: dict[str, np.ndarray]) -> bool:
    """True when a fan chart draws the change against the baseline (the scenario changes
    the output in some simulation), False when the scenario's own projection (the baseline
    has no change to draw)."""
    return bool(np.any(bands["effect"] != 0))


def fan_chart(
    years: np.ndarray,
    bands: dict[str, np.ndarray],
    output: str,
    lang: str,
    last_observed: int,
    height: int = 320,
) -> dict[str, Any]:
    """The range of a scenario's result over the simulations: the change against the
    baseline when the scenario has one (its band against the dashed zero line, so a range
    all above zero reads as a gain), else the projection itself.

    ``bands`` maps "scenario", "baseline" and "effect" to arrays (3, years) of the 10th,
    50th and 90th percentiles. The band covers only the years after ``last_observed``
    (the years before are data, not a projection).
    """
    change = fan_shows_change(bands)
    spec = OUTPUTS[output]
    show = spec.show_change if change else spec.show
    p10, p50, p90 = bands["effect" if change else "scenario"]
    projected = years > last_observed
    shown = [show(float(v), lang) for v in p50]
    low = [show(float(v), lang) if on else "" for v, on in zip(p10, projected, strict=True)]
    high = [show(float(v), lang) if on else "" for v, on in zip(p90, projected, strict=True)]
    what = spec.label(lang)
    title = tr("fan_change_title", lang, what=mid_sentence(what)) if change else what
    datasets = {
        "band": _table({"year": years[projected], "low": p10[projected], "high": p90[projected]}),
        "middle": _table({"year": years, "mid": p50, "t50": shown, "t10": low, "t90": high}),
        "zero": _table(
            {
                "value": [0.0] if change else [],
                "label": [tr("series_baseline", lang)] if change else [],
            }
        ),
        SUMMARY: _summary(
            title=title,
            subtitle=tr("fan_change_key" if change else "fan_level_key", lang),
        ),
    }
    return {**_fan_template(output, lang, height), "datasets": datasets}


# Room for a parameter's name of up to three lines beside each tornado bar [px].
TORNADO_STEP_PX = 54


@functools.lru_cache(maxsize=64)
def _tornado_template(
    lang: str, axis_key: str, axis_format: str, names: tuple[str, ...]
) -> dict[str, Any]:
    bars = alt.Chart(alt.NamedData(name="bars"))
    low_high = [tr("tornado_low", lang), tr("tornado_high", lang)]
    chart = bars.mark_bar().encode(
        y=alt.Y(
            "label:N",
            title=None,
            sort=None,
            axis=alt.Axis(
                labelExpr=wrap_expr("datum.label", name_chars(names)),
                labelLimit=260,
                labelLineHeight=15,
            ),
        ),
        x=alt.X(
            "start:Q",
            title=tr(axis_key, lang),
            axis=alt.Axis(
                labelExpr=compact_label(lang, axis_format),
                tickCount=alt.ExprRef("max(2, min(8, floor(width / 80)))"),
            ),
            scale=alt.Scale(zero=False, nice=True),
        ),
        x2="end:Q",
        color=alt.Color(
            "side:N",
            title=None,
            scale=alt.Scale(domain=low_high, range=[OFFLINE_COLOUR, SCENARIO_COLOUR]),
            legend=alt.Legend(columns=legend_columns(low_high)),
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
    return _finish(
        [chart, rule],
        lang,
        # The title names the output and the end year and says whether the bars are the
        # policy's effect or the level: data, so a lever move leaves the spec as it was.
        title=_summary_field("title"),
        subtitle=_literal(tr("tornado_subtitle", lang)),
        label=tr("sens_title", lang),
        height=alt.Step(TORNADO_STEP_PX),
    )


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
    title_key, axis_key, axis_format, show = COMPARE_OUTPUTS[output]
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
        title = tr("tornado_effect_title", lang, what=mid_sentence(what), year=year)
    else:
        title = tr("tornado_title", lang, what=what, year=year)
    return {
        **_tornado_template(lang, axis_key, axis_format, tuple(row["label"] for row in rows)),
        "datasets": {
            "bars": bars,
            "base": base,
            SUMMARY: _summary(title=title),
        },
    }


@functools.lru_cache(maxsize=16)
def _jobs_template(lang: str, height: int) -> dict[str, Any]:
    names = [tr("jobs_direct", lang), tr("jobs_indirect", lang), tr("jobs_induced", lang)]
    area = (
        alt.Chart(alt.NamedData(name="jobs"))
        .mark_area(opacity=0.85)
        .encode(
            x=_year_axis(lang),
            y=alt.Y(
                "value:Q",
                stack="zero",
                title=tr("axis_persons", lang),
                axis=alt.Axis(labelExpr=compact_label(lang, ",.0f")),
            ),
            color=alt.Color(
                "kind:N",
                title=None,
                sort=names,
                scale=alt.Scale(domain=names, range=[SCENARIO_COLOUR, ONLINE_COLOUR, "#E69F00"]),
                legend=alt.Legend(columns=legend_columns(names)),
            ),
            order="order:Q",
            tooltip=_tooltip(lang, "kind"),
        )
    )
    title = tr("jobs_wider_title", lang)
    return _finish(
        [area],
        lang,
        title=_literal(title),
        subtitle=_literal(tr("jobs_wider_sub", lang)),
        label=title,
        height=height,
    )


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
    return {**_jobs_template(lang, height), "datasets": {"jobs": frame, SUMMARY: _summary()}}


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
