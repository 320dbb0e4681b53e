"""The "Alokasi anggaran" tab: the mix of instruments that does most for a goal within a
public budget, how much better it is than each instrument alone, the frontier, and one click
to make the mix the scenario. The search is :func:`simulator.allocate.allocate`."""

from __future__ import annotations

import streamlit as st

from simulator import allocate as alloc
from simulator import appraisal, budget_charts
from simulator import formatting as fmt
from simulator.contributions import short_labels
from simulator.i18n import mid_sentence, tr
from simulator.model import REGIONS
from simulator.params import ParameterTable
from simulator.regions import region_label
from ui import state
from ui.runs import BY_TABLE, Pairs
from ui.widgets import chart, escape_md


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=BY_TABLE)
def answer(
    values: Pairs,
    budget: float,
    goal: str,
    limits: tuple[tuple[str, ...], tuple[str, ...]],
    table: ParameterTable,
) -> alloc.Allocation:
    """The allocation for one request (raises AllocationError, which is not cached)."""
    return alloc.allocate(dict(values), budget, goal, alloc.parse_limits(*limits, table=table))


def view(page: state.Page, values: dict[str, float]) -> None:
    """The request form, then the answer for the request last submitted."""
    lg, table = page.lang, page.table
    st.subheader(tr("tab_allocate", lg), anchor=False)
    st.caption(
        tr(
            "alloc_intro",
            lg,
            years=appraisal.APPRAISAL_YEARS,
            rate=fmt.percent(appraisal.discount_rate(values, table), lg),
        )
    )
    labels = short_labels(table, lg)
    with st.form(state.ALLOC_FORM, border=True):
        left, right = st.columns(2)
        left.text_input(
            tr("alloc_budget", lg), key=state.ALLOC_BUDGET, max_chars=30, placeholder="1"
        )
        right.selectbox(
            tr("alloc_goal", lg),
            options=list(alloc.GOALS),
            format_func=lambda g: tr(f"alloc_goal_{g}", lg),
            placeholder=tr("choose_option", lg),
            key=state.ALLOC_GOAL,
        )
        with st.expander(tr("alloc_limits", lg)):
            for name in table.policy:
                param = table[name]
                st.slider(
                    labels[name],
                    min_value=float(param.min),
                    max_value=float(param.max),
                    step=float(param.step),
                    key=state.alloc_range_key(name),
                )
            region_col, share_col = st.columns(2)
            region_col.selectbox(
                tr("alloc_region", lg),
                options=list(REGIONS),
                format_func=lambda r: region_label(r, lg),
                placeholder=tr("choose_option", lg),
                key=state.ALLOC_REGION,
            )
            share_col.number_input(
                tr("alloc_region_min", lg),
                min_value=0.0,
                max_value=100.0,
                step=5.0,
                key=state.ALLOC_REGION_MIN,
            )
        st.form_submit_button(tr("alloc_run", lg), type="primary", icon=":material/savings:")
    request = state.alloc_request(values)
    if request is None:
        st.info(tr("alloc_error_budget_text", lg), icon=":material/info:")
        return
    pairs, budget, goal, limits = request
    try:
        found = answer(pairs, budget, goal, limits, table)
    except alloc.AllocationError as error:
        st.error(escape_md(error.text(lg)), icon=":material/error:")
        return
    result_part(found, labels, lg, table)


def shown(name: str, table: ParameterTable) -> int:
    """Decimals to show of an instrument's value: one more than its lever's step has (the
    value applied is the exact one)."""
    return fmt.decimals_of(table[name].step) + 1


def result_part(
    found: alloc.Allocation, labels: dict[str, str], lg: str, table: ParameterTable
) -> None:
    """The best mix, its gain over each instrument alone, the chance, the frontier, apply."""
    show = lambda x: alloc.show_goal(x, found.goal, lg)  # noqa: E731
    st.markdown(
        "**"
        + escape_md(
            tr(
                "alloc_answer",
                lg,
                budget=fmt.rp_tn(found.budget, lg),
                goal=mid_sentence(tr(f"alloc_goal_{found.goal}", lg)),
                value=show(found.best.goal),
                cost=fmt.rp_tn(found.best.cost, lg),
            )
        )
        + "**"
    )
    items = [
        f"{labels[n]}: {fmt.param_value(v, table[n].unit, lg, shown(n, table))}"
        for n, v in found.best.mix.items()
        if v != table[n].value
    ]
    st.markdown(escape_md(tr("alloc_mix", lg, items="; ".join(items) or "–")))
    rows = []
    for name, option in found.alone.items():
        gain = found.gain_over(name)
        rows.append(
            {
                tr("alloc_col_option", lg): labels[name],
                tr("alloc_col_value", lg): fmt.param_value(option.mix[name], table[name].unit, lg),
                tr("alloc_col_cost", lg): fmt.rp_tn(option.cost, lg),
                tr("alloc_col_goal", lg): show(option.goal),
                tr("alloc_col_gain", lg): "–" if gain is None else fmt.percent_signed(gain, lg, 0),
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")
    if found.chance is not None and found.runner_up is not None:
        st.markdown(
            escape_md(
                tr(
                    "alloc_chance",
                    lg,
                    chance=fmt.percent(100 * found.chance, lg, 0),
                    other=labels[found.runner_up],
                    draws=fmt.number(found.draws, lg),
                )
            )
        )
    st.button(
        tr("alloc_apply", lg),
        on_click=state.sets_scenario(state.on_alloc_apply),
        args=(tuple(found.best.mix.items()),),
        icon=":material/check:",
        key=state.ALLOC_APPLY,
    )
    chart(
        budget_charts.frontier_chart(found, lg, labels),
        budget_charts.alt_frontier(found, lg, labels),
    )
    st.caption(
        tr(
            "alloc_method",
            lg,
            n=fmt.number(found.evaluated, lg),
            seconds=fmt.number(found.seconds, lg, 2),
            tolerance=fmt.percent(alloc.TOLERANCE_PCT, lg, 1),
        )
    )
