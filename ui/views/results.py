"""The results tab: four scenario-against-baseline line charts and sales against capacity."""

from __future__ import annotations

import streamlit as st

from simulator import charts, figures
from simulator import formatting as fmt
from simulator.i18n import tr
from simulator.model import Result
from simulator.report import ceiling_year
from ui import state
from ui.widgets import chart


def view(result: Result, values: dict[str, float]) -> None:
    """Four line charts in two columns, the online/offline split, and the capacity warning."""
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
    hit = ceiling_year(result)
    if hit is not None:
        unmet = fmt.rp_tn(float(result.at("unmet_demand_rp_tn", hit)[0]), lg)
        st.warning(tr("m_ceiling", lg, unmet=unmet, year=hit), icon=":material/factory:")
