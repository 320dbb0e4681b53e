"""The table tab: every output by year, with its change against the baseline."""

from __future__ import annotations

import streamlit as st

from simulator.i18n import tr
from simulator.model import Result
from simulator.report import results_table
from ui import state


def view(result: Result) -> None:
    """The full results table, years by outputs."""
    lg = state.lang()
    st.subheader(tr("table_title", lg))
    st.caption(tr("table_caption", lg))
    frame = results_table(result, lg)
    # Tall enough for every year: no scroll inside the table hides the policy years.
    st.dataframe(frame, hide_index=True, width="stretch", height=38 + 35 * len(frame))
