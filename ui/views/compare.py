"""The compare tab: save scenarios under a name, compare them with the baseline."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from simulator import charts, compare, figures, safety
from simulator.files import tables as exports
from simulator.i18n import tr
from simulator.links import MAX_SAVED
from simulator.report import compare_table
from simulator.scenario import Scenario
from ui import downloads, runs, state
from ui.views import contributions
from ui.widgets import chart, escape_md


def view(page: state.Page, values: dict[str, float], current: Scenario) -> None:
    """The save form, the saved list, and one table and one chart of all of them (the
    current scenario among them)."""
    lg, saved = page.lang, page.saved
    st.caption(tr("compare_intro", lg))
    name_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
    name_col.text_input(
        tr("save_name", lg),
        key=state.SAVE_NAME,
        max_chars=60,
        placeholder=tr("save_placeholder", lg),
    )
    button_col.button(
        tr("save", lg),
        on_click=state.on_save,  # the list, the table and the link are all in the fragment
        disabled=len(saved) >= MAX_SAVED,
        icon=":material/bookmark_add:",
        width="stretch",
    )
    if len(saved) >= MAX_SAVED:
        st.caption(tr("save_full", lg, n=MAX_SAVED))
    if not saved:
        st.info(tr("saved_none", lg), icon=":material/info:")
    else:
        saved_list(saved, lg)
    end_year = int(values["end_year"])
    # Quoted where a spreadsheet would read a formula: the table, its download and the
    # chart's own data view.
    saved_names = (safety.formula_safe(s.name) for s in saved)
    names = [tr("series_baseline", lg), tr("compare_current", lg), *saved_names]
    batch = runs.comparison(
        (Scenario().values, current.values, *(s.values for s in saved)), end_year, page.table
    )
    st.subheader(tr("compare_table", lg, year=end_year))
    st.caption(tr("compare_note", lg, year=end_year))
    st.dataframe(compare_table(batch, names, lg), hide_index=True, width="stretch")
    # The table's own toolbar is hidden (its words are English only): the comparison by year
    # downloads here, built only when clicked.
    st.download_button(
        tr("dl_compare_csv", lg),
        data=downloads.deferred(exports.compare_csv_bytes, batch, names, lg),
        file_name=exports.file_name(tr("file_compare", lg), tr("file_results", lg), "csv"),
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
    )
    output = st.selectbox(
        tr("compare_output", lg),
        options=list(charts.COMPARE_OUTPUTS),
        format_func=lambda o: tr(charts.COMPARE_OUTPUTS[o][0], lg),
        placeholder=tr("choose_option", lg),
        key=state.COMPARE_OUTPUT,
    )
    series = compare.distinct_names([(name, batch[output][i]) for i, name in enumerate(names)])
    chart(
        charts.compare_chart(batch.years, series, output, lg),
        figures.alt_compare(series, output, lg),
    )
    scenarios = (current.values, *(s.values for s in saved))
    named = list(zip(names[1:], scenarios, strict=True))
    contributions.compare_part(page, named, output, end_year)


def saved_list(saved: Sequence[Scenario], lg: str) -> None:
    """Each saved scenario's name with buttons to open and remove it."""
    st.markdown(f"**{tr('saved_list', lg)}**")
    for index, scenario in enumerate(saved):
        label, open_col, remove_col = st.columns([4, 1, 1], vertical_alignment="center")
        label.markdown(escape_md(scenario.name))
        open_col.button(
            tr("open_saved", lg),
            key=state.open_key(index),
            on_click=state.sets_scenario(state.on_open),
            args=(index,),
        )
        remove_col.button(
            tr("remove_saved", lg),
            key=state.remove_key(index),
            on_click=state.on_remove,
            args=(index,),
        )
