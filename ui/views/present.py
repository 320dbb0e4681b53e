"""The presentation view (``?view=present``): large type, four headline numbers, the
sentence and two charts on one projector screen, no sidebar."""

from __future__ import annotations

import streamlit as st

from simulator import charts, figures, session
from simulator.i18n import tr
from simulator.links import DEFAULT_VIEW
from simulator.model import Result
from ui import state
from ui.widgets import chart, escape_md, headline_view

# Static style only (nothing a user or a link supplies).
PRESENT_CSS = """<style>
[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],
[data-testid='stHeader'], [data-testid='stToolbar'] {display: none;}
[data-testid='stMainBlockContainer'] {padding: 1rem 2.5rem 0.5rem 2.5rem; max-width: 100%;}
[data-testid='stMetricValue'] {font-size: 2.1rem;}
[data-testid='stMetricLabel'] p {font-size: 1.1rem;}
[data-testid='stMarkdownContainer'] p {font-size: 1.3rem; line-height: 1.45;}
h2 {padding: 0.2rem 0 0.4rem 0;}
</style>"""


def view(result: Result, values: dict[str, float]) -> None:
    """Title and way back, four headline numbers with the sentence, two charts."""
    lg = state.lang()
    st.html(PRESENT_CSS)
    year = int(result.years[-1])
    title = session.scenario_title(values, state.PRESETS, state.TABLE, lg)
    head, back = st.columns([3, 1], vertical_alignment="center")
    head.subheader(escape_md(tr("present_title", lg, name=title, year=year)), anchor=False)
    back.button(
        tr("back_to_edit", lg),
        icon=":material/edit:",
        on_click=state.whole_page(state.set_view),
        args=(DEFAULT_VIEW,),
        type="primary",
        width="stretch",
    )
    headline_view(result, values, keys=figures.PRESENT_HEADLINES)
    start = figures.policy_start(values)
    left, right = st.columns(2)
    for column, output in zip((left, right), figures.BRIEF_LINES, strict=True):
        with column:
            chart(
                charts.line_chart(result, output, lg, start, height=330),
                charts.chart_alt_text(result, output, lg),
            )
