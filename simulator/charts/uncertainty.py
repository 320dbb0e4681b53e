"""Charts of the uncertainty analysis: the fan (percentile bands of the scenario, the
baseline or the effect) and the tornado (which assumptions move an output most).
"""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pyarrow as pa

from simulator.charts.compare import PICKED
from simulator.charts.lines import LINE_OUTPUTS
from simulator.charts.theme import (
    BASELINE_COLOUR,
    OFFLINE_COLOUR,
    SCENARIO_COLOUR,
    SUMMARY,
    _finish,
    _literal,
    _summary,
    _summary_field,
    _table,
    _year_axis,
    compact_label,
    legend_columns,
    name_axis,
)
from simulator.i18n import mid_sentence, tr
from simulator.outputs import OUTPUTS


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
            axis=name_axis(names),
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
    picked = PICKED[output]
    title_key, axis_key, axis_format = picked.label_key, picked.axis_key, picked.axis_format
    show = picked.show
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
        # The names' line length from every name ``labels`` holds, not just those shown, so
        # the spec stays the same when a lever changes which assumptions lead.
        **_tornado_template(lang, axis_key, axis_format, tuple(sorted(set(labels.values())))),
        "datasets": {
            "bars": bars,
            "base": base,
            SUMMARY: _summary(title=title),
        },
    }
