"""The results tab: four scenario-against-baseline line charts and sales against capacity."""

from __future__ import annotations

import streamlit as st

from simulator import charts, figures
from simulator.model import Result
from ui import state
from ui.views import contributions
from ui.widgets import chart


def view(result: Result, values: dict[str, float]) -> None:
    """Four line charts in two columns and the online/offline split against capacity."""
    lg = state.lang()
    start = figures.policy_start(values)
    left, right = st.columns(2)
    for column, output in zip((left, right, left, right), figures.RESULT_LINES, strict=True):
        with column:
            chart(
                charts.line_chart(result, output, lg, start),
                charts.chart_alt_text(result, output, lg),
            )
    chart(charts.sales_split_chart(result, lg), charts.alt_sales(result, lg))
    contributions.results_part(values)
