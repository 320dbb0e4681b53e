"""The regions tab: units, production and jobs by region in the end year."""

from __future__ import annotations

import streamlit as st

from simulator import charts
from simulator.model import Result
from simulator.report import region_table
from ui import state
from ui.widgets import chart


def view(page: state.Page, result: Result) -> None:
    """One chart per measure and the table by region."""
    lg = page.lang
    for column, measure in zip(st.columns(3), charts.REGION_MEASURES, strict=True):
        with column:
            chart(charts.region_chart(result, measure, lg), charts.alt_region(result, measure, lg))
    st.dataframe(region_table(result, lg), hide_index=True, width="stretch")
