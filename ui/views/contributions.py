"""Each instrument's share of a package's effects, as a waterfall: on the results tab (the
current scenario) and the compare tab (any scenario in the comparison)."""

from __future__ import annotations

import streamlit as st

from simulator import budget_charts
from simulator.contributions import (
    CONTRIBUTION_OUTPUTS,
    Contributions,
    contributions,
    moved_instruments,
    short_labels,
)
from simulator.i18n import tr
from simulator.outputs import OUTPUTS
from simulator.params import ParameterTable
from ui import state
from ui.runs import BY_TABLE, Pairs
from ui.widgets import chart

DEFAULT_OUTPUT = "jobs"


@st.cache_data(max_entries=128, show_spinner=False, hash_funcs=BY_TABLE)
def split(values: Pairs, end_year: int, table: ParameterTable) -> Contributions:
    """The Shapley split of a scenario's effects in its last year (16 runs at most, one call)."""
    return contributions({**dict(values), "end_year": end_year}, table=table)


def results_part(page: state.Page, values: dict[str, float]) -> None:
    """On the results tab: the waterfall of the current scenario, when it moves two or more
    instruments (with one, the whole effect is that instrument's: the charts above)."""
    lg, table = page.lang, page.table
    if len(moved_instruments(values, table)) < 2:
        return
    st.subheader(tr("wf_heading", lg), anchor=False)
    st.caption(tr("wf_intro", lg))
    output = st.selectbox(
        tr("wf_output", lg),
        options=list(CONTRIBUTION_OUTPUTS),
        index=CONTRIBUTION_OUTPUTS.index(DEFAULT_OUTPUT),
        format_func=lambda o: OUTPUTS[o].label(lg),
        placeholder=tr("choose_option", lg),
        key=state.CONTRIB_OUTPUT,
    )
    pairs = tuple(sorted((k, v) for k, v in values.items() if v != table[k].value))
    waterfall(split(pairs, int(values["end_year"]), table), output, lg, table)


def compare_part(
    page: state.Page, named: list[tuple[str, Pairs]], output: str, end_year: int
) -> None:
    """On the compare tab: the waterfall of one scenario of the comparison, picked by name,
    for the indicator the comparison chart shows."""
    lg, table = page.lang, page.table
    st.subheader(tr("wf_heading", lg), anchor=False)
    st.caption(tr("wf_intro", lg))
    names = [name for name, _ in named]
    chosen = st.selectbox(
        tr("wf_scenario_pick", lg),
        options=list(range(len(named))),
        format_func=lambda i: names[i],
        placeholder=tr("choose_option", lg),
        key=state.CONTRIB_SCENARIO,
    )
    chosen = chosen if chosen is not None and chosen < len(named) else 0
    pairs = named[chosen][1]
    moved = moved_instruments(dict(pairs), table)
    if len(moved) < 2:
        st.caption(tr("wf_single" if moved else "wf_none", lg))
        return
    waterfall(split(pairs, end_year, table), output, lg, table)


def waterfall(found: Contributions, output: str, lg: str, table: ParameterTable) -> None:
    """The chart and its text alternative."""
    labels = short_labels(table, lg)
    chart(
        budget_charts.waterfall_chart(found, output, lg, labels),
        budget_charts.alt_waterfall(found, output, lg, labels),
    )
