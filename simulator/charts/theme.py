"""The charts' look and the Vega toolkit every chart shares: colours, font sizes, the drawn
width, text expressions that wrap titles and labels to it, year ticks, legend columns, the
one-row summary dataset a screen reader reads, and the finishing of a spec (locale,
theme, description).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import altair as alt
import numpy as np
import pyarrow as pa
from babel.numbers import format_compact_decimal

from simulator import formatting as fmt
from simulator.i18n import tr

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


def name_axis(names: Iterable[str]) -> alt.Axis:
    """The axis of a row chart's names (tornado, waterfall): wrapped as :func:`name_chars`
    says, in lines of 15 px, at most 260 px wide."""
    return alt.Axis(
        labelExpr=wrap_expr("datum.label", name_chars(names)), labelLimit=260, labelLineHeight=15
    )


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
