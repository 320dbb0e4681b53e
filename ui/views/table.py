"""The table tab: every output by year, with its change against the baseline."""

from __future__ import annotations

import streamlit as st

from simulator.i18n import tr
from simulator.model import Result
from simulator.outputs import TABLE_GROUPS
from simulator.report import results_table
from ui import state
from ui.widgets import plain_table


def view(page: state.Page, result: Result) -> None:
    """The results table, years by outputs, one group of outputs at a time."""
    lg = page.lang
    st.subheader(tr("table_title", lg))
    st.caption(tr("table_caption", lg))
    group = st.segmented_control(
        tr("table_group", lg),
        options=list(TABLE_GROUPS),
        format_func=lambda code: tr(f"table_group_{code}", lg),
        default=next(iter(TABLE_GROUPS)),
        required=True,
        key=state.TABLE_GROUP,
    )
    frame = results_table(result, lg, TABLE_GROUPS[group or next(iter(TABLE_GROUPS))])
    # A plain table: every year in view (no scroll inside it hides the policy years) and
    # headers that wrap, so a group fits beside the levers with no sideways scroll.
    plain_table(frame)
