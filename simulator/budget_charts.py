"""Altair specs of where the money goes: the contributions waterfall and the budget frontier.

In the style of :mod:`simulator.charts` (whose helpers they use): a spec depends only on
what it shows and the language; every number is in a named dataset, so Streamlit updates a
drawn chart in place; the title or subtitle words a lever changes (the year, the output) are
in the summary dataset; the chart's text alternative is composed here too.

* :func:`waterfall_chart`: the skenario dasar's level, each instrument's Shapley
  contribution (:mod:`simulator.contributions`) as a floating bar, and the scenario's level.
  Bars run sideways so an instrument's full name fits beside its bar, on a phone too.
* :func:`frontier_chart`: the most a goal reaches for each budget, for each instrument
  alone and for the best mix (:mod:`simulator.allocate`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np

from simulator import charts
from simulator import formatting as fmt
from simulator.charts import (
    BASELINE_COLOUR,
    LABEL_CHAR_PX,
    ONLINE_COLOUR,
    PUBLISHED_COLOUR,
    SCENARIO_COLOUR,
    SUMMARY,
    TORNADO_STEP_PX,
    compact_label,
)
from simulator.contributions import Contributions
from simulator.i18n import mid_sentence, tr
from simulator.outputs import OUTPUTS

# The waterfall's bars: what each kind of bar is, and its colour.
BAR_KINDS = ("baseline", "up", "down", "scenario")
BAR_COLOURS = (BASELINE_COLOUR, ONLINE_COLOUR, PUBLISHED_COLOUR, SCENARIO_COLOUR)
# The level bars start this far below the lowest level, as a share of the span the bars
# cover: the value axis does not start at zero (the effects are a few percent of the level),
# so the level bars are cut, as the subtitle says.
LEVEL_STUB = 0.25


# Where a bar's figure goes, by where the bar lies along the axis (0 left, 1 right): after
# its right end while that leaves room for the figure, else before its left end, else inside
# its right end (white on the bar).
FIGURE_ROOM = 0.3  # of the plot's width, about what a figure like "+Rp 1.37 trillion" needs


def _figure_place(low: float, high: float) -> str:
    if high <= 1.0 - FIGURE_ROOM:
        return "after"
    if low >= FIGURE_ROOM:
        return "before"
    return "inside"


@functools.lru_cache(maxsize=64)
def _waterfall_template(
    lang: str, axis_key: str, axis_format: str, subtitle: bool, names: tuple[str, ...]
) -> dict[str, Any]:
    bars = alt.Chart(alt.NamedData(name="bars"))
    y = alt.Y(
        "label:N",
        title=None,
        sort=alt.EncodingSortField(field="order", order="ascending"),
        axis=charts.name_axis(names),
    )
    x = alt.X(
        "start:Q",
        title=tr(axis_key, lang),
        axis=alt.Axis(
            labelExpr=compact_label(lang, axis_format),
            tickCount=alt.ExprRef("max(2, min(6, floor(width / 90)))"),
        ),
        scale=alt.Scale(zero=False, nice=True),
    )
    names = [tr(f"wf_{kind}", lang) for kind in BAR_KINDS]
    # No legend: the rows name the levels, the figures carry their sign, the subtitle
    # says which colour adds and which subtracts.
    colour = alt.Color(
        "kind:N", title=None, scale=alt.Scale(domain=names, range=list(BAR_COLOURS)), legend=None
    )
    tooltip = [
        alt.Tooltip("label:N", title=tr("wf_item", lang)),
        alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
    ]
    chart = bars.mark_bar(height={"band": 0.7}).encode(
        y=y, x=x, x2="end:Q", color=colour, tooltip=tooltip
    )

    def figures(place: str, field: str, **mark: Any) -> alt.Chart:
        """The figures of the bars whose figure goes at ``place`` (see FIGURE_PLACES)."""
        return (
            bars.transform_filter(f"datum.place == '{place}'")
            .mark_text(fontSize=13, aria=False, **mark)
            .encode(y=y, x=alt.X(f"{field}:Q"), text="text:N")
        )

    layers = [
        chart,
        figures("after", "high", align="left", dx=5, color="#222222"),
        figures("before", "low", align="right", dx=-5, color="#222222"),
        figures("inside", "high", align="right", dx=-5, color="#FFFFFF"),
    ]
    return charts._finish(
        layers,
        lang,
        title=charts._summary_field("title"),
        subtitle=charts._literal(tr("wf_subtitle", lang) if subtitle else ""),
        label=tr("wf_label", lang),
        height=alt.Step(TORNADO_STEP_PX),
    )


def waterfall_chart(
    split: Contributions,
    output: str,
    lang: str,
    labels: Mapping[str, str],
    *,
    subtitle: bool = True,
) -> dict[str, Any]:
    """Baseline level, one floating bar per instrument's contribution, the scenario's level.

    ``labels`` maps instrument names to their labels in ``lang``; without ``subtitle`` the
    chart leaves the method's sentence to the text around it (the briefing).
    """
    spec_output = OUTPUTS[output]
    base, top = split.baseline[output], split.scenario[output]
    shares = split.shares[output]
    running = base + np.concatenate([[0.0], np.cumsum(shares)])
    low = float(min(running.min(), top))
    high = float(max(running.max(), top))
    stub = low - LEVEL_STUB * max(high - low, 1e-9 * max(abs(low), 1.0), 1e-12)
    rows = [
        {
            "label": tr("series_baseline", lang),
            "kind": tr("wf_baseline", lang),
            "start": stub,
            "end": base,
            "text": spec_output.show(base, lang),
        }
    ]
    for i, (name, value) in enumerate(zip(split.instruments, shares, strict=True)):
        change = spec_output.show_change(float(value), lang)
        rows.append(
            {
                "label": labels.get(name, name),
                "kind": tr("wf_up" if value >= 0 else "wf_down", lang),
                "start": float(running[i]),
                "end": float(running[i + 1]),
                "text": change,
            }
        )
    rows.append(
        {
            "label": tr("series_scenario", lang),
            "kind": tr("wf_scenario", lang),
            "start": stub,
            "end": top,
            "text": spec_output.show(top, lang),
        }
    )
    span = max(high - stub, 1e-12)
    for order, row in enumerate(rows):
        row["order"] = order
        row["low"], row["high"] = sorted((row["start"], row["end"]))
        row["place"] = _figure_place((row["low"] - stub) / span, (row["high"] - stub) / span)
    title = tr("wf_title", lang, what=mid_sentence(spec_output.label(lang)), year=split.year)
    bars = charts._table({k: [r[k] for r in rows] for k in rows[0]})
    return {
        **_waterfall_template(
            lang,
            spec_output.axis_key,
            spec_output.axis_format,
            subtitle,
            # Every name the chart could show, so the spec does not depend on the instruments
            # a scenario moves.
            tuple(sorted({*labels.values(), rows[0]["label"], rows[-1]["label"]})),
        ),
        "datasets": {"bars": bars, SUMMARY: charts._summary(title=title)},
    }


def alt_waterfall(split: Contributions, output: str, lang: str, labels: Mapping[str, str]) -> str:
    """Text alternative of the waterfall: baseline, each contribution, scenario."""
    spec_output = OUTPUTS[output]
    items = [f"{tr('series_baseline', lang)} {spec_output.show(split.baseline[output], lang)}"]
    items += [
        f"{labels.get(n, n)} {spec_output.show_change(float(v), lang)}"
        for n, v in zip(split.instruments, split.shares[output], strict=True)
    ]
    items.append(f"{tr('series_scenario', lang)} {spec_output.show(split.scenario[output], lang)}")
    title = tr("wf_title", lang, what=mid_sentence(spec_output.label(lang)), year=split.year)
    return charts.alt_list(title, items)


def contribution_lines(
    split: Contributions, outputs: Sequence[str], lang: str, labels: Mapping[str, str]
) -> list[str]:
    """One sentence per output: "Tenaga kerja: investasi +10.941 (60%), ..." (the briefing)."""
    out = []
    for output in outputs:
        spec_output = OUTPUTS[output]
        total = split.effect(output)
        parts = []
        for name, value in zip(split.instruments, split.shares[output], strict=True):
            label = mid_sentence(labels.get(name, name))
            part = f"{label} {spec_output.show_change(float(value), lang)}"
            if abs(total) > 1e-12:
                part += f" ({fmt.percent(100.0 * value / total, lang, 0)})"
            parts.append(part)
        out.append(
            tr(
                "wf_line",
                lang,
                what=spec_output.label(lang),
                total=spec_output.show_change(total, lang),
                parts="; ".join(parts),
            )
        )
    return out


@functools.lru_cache(maxsize=32)
def _frontier_template(lang: str, names: tuple[str, ...], axis_title: str) -> dict[str, Any]:
    domain = list(names)
    colours = [SCENARIO_COLOUR, *charts.COMPARE_COLOURS[1 : len(names)]]
    dashes = [[1, 0]] + [[6, 3]] * (len(names) - 1)
    # One row where it fits (measured generously), three columns, or one on a phone.
    needed = 1.35 * sum(len(label) * LABEL_CHAR_PX + 40 for label in domain)
    columns = alt.ExprRef(
        f"{charts.CHART_WIDTH} < 420 ? 1 : {charts.CHART_WIDTH} < {needed:.0f} ? 3 : 0"
    )
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolSize=500, columns=columns)
    x = alt.X(
        "cost:Q",
        title=tr("alloc_axis_budget", lang),
        axis=alt.Axis(labelExpr=compact_label(lang, ",.2~f"), tickCount=6),
    )
    y = alt.Y("goal:Q", title=axis_title, axis=alt.Axis(labelExpr=compact_label(lang, ",.1~f")))
    lines = alt.Chart(alt.NamedData(name="lines"))
    drawn = lines.mark_line(strokeWidth=3).encode(
        x=x,
        y=y,
        color=alt.Color(
            "series:N", title=None, scale=alt.Scale(domain=domain, range=colours), legend=legend
        ),
        strokeDash=alt.StrokeDash(
            "series:N", title=None, scale=alt.Scale(domain=domain, range=dashes), legend=legend
        ),
    )
    points = lines.mark_point(size=70, filled=True, opacity=0.001).encode(
        x=x,
        y=y,
        tooltip=[
            alt.Tooltip("series:N", title=tr("tooltip_series", lang)),
            alt.Tooltip("cost_text:N", title=tr("alloc_axis_budget", lang)),
            alt.Tooltip("text:N", title=tr("tooltip_value", lang)),
        ],
    )
    marker = alt.Chart(alt.NamedData(name="answer"))
    rule = marker.mark_rule(color="#555555", strokeDash=[2, 3], aria=False).encode(x="cost:Q")
    dot = marker.mark_point(
        shape="diamond", size=220, filled=True, color=SCENARIO_COLOUR, aria=False
    ).encode(x="cost:Q", y="goal:Q", tooltip=[alt.Tooltip("text:N", title=names[0])])
    return charts._finish(
        [drawn, points, rule, dot],
        lang,
        title=charts._summary_field("title"),
        subtitle=charts._literal(tr("alloc_frontier_sub", lang)),
        label=tr("alloc_frontier_label", lang),
        height=400,
    )


def frontier_chart(found: Any, lang: str, labels: Mapping[str, str]) -> dict[str, Any]:
    """The most of the goal each budget buys: the best mix (solid) and each instrument alone
    (dashed), with the answer at this budget marked. ``found`` is an
    :class:`simulator.allocate.Allocation`."""
    from simulator.allocate import show_goal

    mix = tr("alloc_best_mix", lang)
    series = [(mix, found.frontier["mix"])] + [
        (labels.get(name, name), found.frontier[name]) for name in found.alone
    ]
    rows: dict[str, list[Any]] = {"series": [], "cost": [], "goal": [], "text": [], "cost_text": []}
    for name, (cost, goal) in series:
        for c, g in zip(cost, goal, strict=True):
            rows["series"].append(name)
            rows["cost"].append(float(c))
            rows["goal"].append(float(g))
            rows["text"].append(show_goal(float(g), found.goal, lang))
            rows["cost_text"].append(fmt.rp_tn(float(c), lang))
    answer = charts._table(
        {
            "cost": [found.best.cost],
            "goal": [found.best.goal],
            "text": [show_goal(found.best.goal, found.goal, lang)],
        }
    )
    axis = tr(f"alloc_axis_{found.goal}", lang)
    goal = mid_sentence(tr(f"alloc_goal_{found.goal}", lang))
    title = tr("alloc_frontier_title", lang, goal=goal)
    names = tuple(name for name, _ in series)
    return {
        **_frontier_template(lang, names, axis),
        "datasets": {
            "lines": charts._table(rows),
            "answer": answer,
            SUMMARY: charts._summary(title=title),
        },
    }


def alt_frontier(found: Any, lang: str, labels: Mapping[str, str]) -> str:
    """Text alternative of the frontier: the answer and each instrument alone at the budget."""
    from simulator.allocate import show_goal

    items = [f"{tr('alloc_best_mix', lang)} {show_goal(found.best.goal, found.goal, lang)}"]
    items += [
        f"{labels.get(n, n)} {show_goal(o.goal, found.goal, lang)}" for n, o in found.alone.items()
    ]
    goal = mid_sentence(tr(f"alloc_goal_{found.goal}", lang))
    title = tr("alloc_frontier_title", lang, goal=goal)
    return charts.alt_list(f"{title} ({fmt.rp_tn(found.budget, lang)})", items)
