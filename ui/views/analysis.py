"""The analysis tab: uncertainty bands, the chance of beating the baseline or a target, the
assumptions that matter most (tornado), wider jobs, and goal-seeking."""

from __future__ import annotations

import streamlit as st

from simulator import analysis, charts, controls, figures, report
from simulator import formatting as fmt
from simulator.i18n import mid_sentence, tr
from simulator.model import Result
from simulator.outputs import OUTPUTS
from simulator.params import ParameterTable
from simulator.scenario import Scenario
from ui import runs, state
from ui.widgets import chart, escape_md, plain_table


def view(page: state.Page, result: Result, values: dict[str, float], scenario: Scenario) -> None:
    """Each part in turn, from the uncertainty of the scenario to what it takes."""
    lg, table = page.lang, page.table
    year = int(result.years[-1])
    unc = runs.uncertainty(scenario.values, table)
    median = uncertainty_part(unc, values, year, lg, result, table)
    ranges_part(values, lg, table)
    chart(charts.wider_jobs_chart(result, lg), figures.alt_wider_jobs(result, lg))
    sensitivity_part(scenario, year, lg, table)
    goal_part(scenario, year, median, lg, table)


def uncertainty_part(
    unc: analysis.Uncertainty,
    values: dict[str, float],
    year: int,
    lg: str,
    result: Result,
    table: ParameterTable,
) -> float:
    """The range of the policy's effect and the chance that it exceeds a typed threshold,
    then the fan charts; returns the end-year median of the chosen output (the goal form's
    hint)."""
    st.subheader(tr("unc_title", lg), anchor=False)
    st.caption(tr("unc_intro", lg, draws=fmt.number(unc.draws, lg)))
    outputs = list(analysis.UNCERTAIN_OUTPUTS)
    pick, value_col = st.columns(2)
    output = pick.selectbox(
        tr("target_output", lg),
        outputs,
        format_func=lambda o: OUTPUTS[o].label(lg),
        placeholder=tr("choose_option", lg),
        key=state.TARGET_OUTPUT,
    )
    spec = OUTPUTS[output]
    median = float(unc.bands[("scenario", output)][1, -1])
    what = mid_sentence(spec.label(lg))
    # One element whatever it holds, so the charts below keep their place on the page (and
    # are updated in place) when a lever move turns the baseline into a policy.
    effect = st.container()
    if any(values[name] != table[name].value for name in table.policy):
        p10, p50, p90 = (float(x) for x in unc.bands[("effect", output)][:, -1])
        effect.markdown(
            "**"
            + escape_md(
                tr(
                    "effect_range",
                    lg,
                    what=what,
                    year=year,
                    low=spec.show_change(p10, lg),
                    high=spec.show_change(p90, lg),
                    mid=spec.show_change(p50, lg),
                )
            )
            + "**"
        )
        central = float(result.effect(output)[0, -1])
        found = analysis.effect_summary(unc, central, output)
        param = analysis.skew_source(values, output, table=table) if found.differs else None
        if param is not None:
            effect.caption(
                escape_md(
                    tr(
                        "median_note",
                        lg,
                        central=spec.show_change(found.central, lg),
                        median=spec.show_change(found.median, lg),
                        param=table[param].label(lg),
                    )
                )
            )
        hint = float(f"{p50:.2g}")
        example = fmt.number(hint, lg, 2, optional=True)
        text = value_col.text_input(
            tr("effect_threshold", lg, unit=tr(spec.axis_key, lg)),
            key=state.target_value_key(output),
            max_chars=30,
            placeholder=example,
        )
        threshold = controls.parse_amount(text, lg) if text.strip() else hint
        if threshold is None:
            effect.warning(
                escape_md(
                    tr(
                        "target_bad",
                        lg,
                        value=text[:30],
                        example=fmt.number(hint, lg, 2, optional=True),
                    )
                ),
                icon=":material/warning:",
            )
        else:
            p = fmt.percent(100 * unc.chance_effect_above(output, threshold), lg, 0)
            line = tr(
                "chance_effect",
                lg,
                what=what,
                year=year,
                value=spec.show_change(threshold, lg),
                p=p,
            )
            effect.markdown(f"**{escape_md(line)}**")
    else:
        effect.markdown(escape_md(tr("chance_same", lg)))
    left, right = st.columns(2)
    for column, out in zip((left, right, left, right), outputs, strict=True):
        bands = {s: unc.bands[(s, out)] for s in ("scenario", "baseline", "effect")}
        with column:
            chart(
                charts.fan_chart(unc.years, bands, out, lg, result.last_observed),
                charts.alt_fan(unc.years, bands, out, lg),
            )
    return median


def ranges_part(values: dict[str, float], lg: str, table: ParameterTable) -> None:
    """The uncertainty ranges (low, most likely, high) and why, in an expander."""
    with st.expander(tr("ranges_title", lg)):
        ranges = analysis.load_ranges(table=table)
        plain_table(
            [
                {
                    tr("p_label", lg): table[r.name].label(lg),
                    tr("r_low", lg): controls.value_label(table[r.name], lo, lg),
                    tr("r_mode", lg): controls.value_label(table[r.name], mode, lg),
                    tr("r_high", lg): controls.value_label(table[r.name], hi, lg),
                    tr("r_reason", lg): r.reason(lg),
                }
                for r in ranges.values()
                for lo, mode, hi in [
                    r.around(values[r.name], (table[r.name].min, table[r.name].max))
                ]
            ]
        )


def sensitivity_part(scenario: Scenario, year: int, lg: str, table: ParameterTable) -> None:
    """The tornado of the chosen output in the end year."""
    st.subheader(tr("sens_title", lg), anchor=False)
    output = st.selectbox(
        tr("sens_output", lg),
        list(charts.COMPARE_OUTPUTS),
        format_func=lambda o: OUTPUTS[o].label(lg),
        placeholder=tr("choose_option", lg),
        key=state.SENS_OUTPUT,
    )
    frame = runs.sensitivity(scenario.values, output, table)
    labels = {name: table[name].label(lg) for name in frame["parameter"]}
    settings = {
        row.parameter: (
            controls.value_label(table[row.parameter], row.low, lg),
            controls.value_label(table[row.parameter], row.high, lg),
        )
        for row in frame.itertuples()
    }
    chart(
        charts.tornado_chart(frame, output, year, lg, labels, settings),
        figures.alt_tornado(frame, output, labels, lg),
    )


def goal_part(scenario: Scenario, year: int, median: float, lg: str, table: ParameterTable) -> None:
    """The goal-seek form and its answer, while the levers still hold its scenario."""
    outputs = list(analysis.UNCERTAIN_OUTPUTS)
    st.subheader(tr("goal_title", lg), anchor=False)
    st.caption(tr("goal_intro", lg))
    # The indicator sits outside the form, so the target box names its unit at once.
    chosen = st.selectbox(
        tr("goal_output", lg),
        outputs,
        format_func=lambda o: OUTPUTS[o].label(lg),
        placeholder=tr("choose_option", lg),
        key=state.GOAL_OUTPUT,
    )
    with st.form(state.GOAL_FORM, border=True):
        b, c, d = st.columns(3)
        b.selectbox(
            tr("goal_year", lg),
            list(range(year, 2016, -1)),
            placeholder=tr("choose_option", lg),
            key=state.GOAL_YEAR,
        )
        c.text_input(
            tr("target_value", lg, unit=tr(OUTPUTS[chosen].axis_key, lg)),
            key=state.GOAL_TARGET,
            max_chars=30,
            placeholder=fmt.number(round(median * 1.2), lg),
        )
        d.selectbox(
            tr("goal_lever", lg),
            list(table.policy),
            format_func=lambda n: table[n].label(lg),
            placeholder=tr("choose_option", lg),
            key=state.GOAL_LEVER,
        )
        st.form_submit_button(tr("goal_run", lg), on_click=state.on_goal_seek, type="primary")
    applied = st.session_state.pop(state.GOAL_APPLIED, None)
    if applied:
        st.success(escape_md(applied), icon=":material/done_all:")
    answer = state.goal()
    if isinstance(answer, state.UnreadableTarget):
        st.warning(
            escape_md(tr("target_bad", lg, value=answer.text[:30], example=fmt.number(60, lg))),
            icon=":material/warning:",
        )
    elif isinstance(answer, state.GoalAnswer) and answer.scenario == scenario.values:
        goal_answer(answer.found, lg, table)


def goal_answer(found: analysis.GoalSeek, lg: str, table: ParameterTable) -> None:
    """The lever value that reaches the target, with a button to apply it; or how close the
    lever's range gets."""
    words = escape_md(report.goal_words(found, lg, table))
    if found.reachable:
        st.success(words, icon=":material/check_circle:")
        st.button(
            tr("goal_apply", lg),
            on_click=state.sets_scenario(state.on_goal_apply),
            icon=":material/done:",
        )
    else:
        st.warning(words, icon=":material/block:")
