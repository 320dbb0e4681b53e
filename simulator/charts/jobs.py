"""The wider jobs chart: additional direct, indirect and induced jobs."""

from __future__ import annotations

import functools
from typing import Any

import altair as alt
import numpy as np

from simulator import formatting as fmt
from simulator.charts.theme import (
    ONLINE_COLOUR,
    SCENARIO_COLOUR,
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
from simulator.model import BASELINE, SCENARIO, Result


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
