"""Which charts each place shows, and the text alternatives composed from several outputs.

The chart specs themselves are built in :mod:`simulator.charts`; this module says which of
them the results tab, the presentation view, the PDF briefing and the chart downloads use,
and words the charts whose description is a list (comparison, wider jobs, tornado) for
screen readers. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from simulator import charts
from simulator import formatting as fmt
from simulator.i18n import mid_sentence, tr
from simulator.model import Result
from simulator.outputs import BRIEF_LINES, MAIN

Spec = dict[str, Any]

# The results tab's four line charts (scenario against baseline), in reading order.
RESULT_LINES = MAIN
# The four headline numbers of the presentation view.
PRESENT_HEADLINES = RESULT_LINES
# The two line charts of the presentation view and of the PDF briefing: BRIEF_LINES, the
# registry's outputs with the role "briefing".
# Direct, indirect and induced jobs: (label key, output).
WIDER_JOBS = tuple(
    (f"jobs_{kind}", name)
    for kind, name in (
        ("direct", "jobs"),
        ("indirect", "jobs_indirect"),
        ("induced", "jobs_induced"),
    )
)


def policy_start(values: Mapping[str, float]) -> int:
    """The year the policy starts, marked on line charts."""
    return int(values["policy_start_year"])


def chart_builders(
    result: Result, values: Mapping[str, float], lang: str, mode: str = charts.DEFAULT_MODE
) -> dict[str, Callable[[], Spec]]:
    """Every chart of the page by a translated name, as a function that builds its spec (so a
    download builds only the chart it needs, and only when clicked); line charts draw
    ``mode`` (the change against the baseline, in percent, or the levels), as on the page."""
    start = policy_start(values)
    builders: dict[str, Callable[[], Spec]] = {
        tr(charts.LINE_OUTPUTS[o][0], lang): (
            lambda o=o: charts.line_chart(result, o, lang, start, mode=mode)
        )
        for o in RESULT_LINES
    }
    builders[tr("chart_sales_split", lang)] = lambda: charts.sales_split_chart(result, lang)
    builders[tr("jobs_wider_title", lang)] = lambda: charts.wider_jobs_chart(result, lang)
    regions = mid_sentence(tr("tab_regions", lang))
    for measure in charts.REGION_MEASURES:
        what = tr(charts.REGION_MEASURES[measure][0], lang)
        builders[f"{what} ({regions})"] = lambda m=measure: charts.region_chart(result, m, lang)
    return builders


def pdf_charts(
    result: Result, values: Mapping[str, float], lang: str, mode: str = charts.DEFAULT_MODE
) -> list[Spec]:
    """The two charts of the one-page PDF briefing, drawing ``mode`` as the page does."""
    start = policy_start(values)
    return [charts.line_chart(result, output, lang, start, mode=mode) for output in BRIEF_LINES]


def alt_compare(series: list[tuple[str, np.ndarray]], output: str, lang: str) -> str:
    """Text alternative of the comparison chart: each scenario's end-year value."""
    picked = charts.PICKED[output]
    return charts.alt_list(
        picked.label(lang),
        [f"{name} {picked.show(float(line[-1]), lang)}" for name, line in series],
    )


def alt_wider_jobs(result: Result, lang: str) -> str:
    """Text alternative of the additional direct, indirect and induced jobs chart (end year)."""
    return charts.alt_list(
        tr("jobs_wider_title", lang),
        [
            f"{tr(key, lang)} {fmt.signed(float(result.effect(output)[0, -1]), lang)}"
            for key, output in WIDER_JOBS
        ],
    )


def alt_tornado(frame: pd.DataFrame, output: str, labels: Mapping[str, str], lang: str) -> str:
    """Text alternative of the tornado: the five assumptions that move ``output`` most, each
    with the output at its low and its high setting."""
    show = charts.PICKED[output].show
    low, high, swing = charts.tornado_columns(frame)
    return charts.alt_list(
        tr("sens_title", lang),
        [
            f"{labels[r.parameter]} {show(getattr(r, low), lang)} – {show(getattr(r, high), lang)}"
            for r in frame[frame[swing] > 0].head(5).itertuples()
        ],
    )
