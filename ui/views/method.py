"""The methodology tab: the model in plain language and the full parameter table."""

from __future__ import annotations

import streamlit as st

from simulator import controls, methodology
from simulator.i18n import tr
from simulator.params import DATA_DIR
from ui import state


@st.cache_data(show_spinner=False)
def methodology_text(lg: str) -> str:
    """The methodology page in ``lg``."""
    return (DATA_DIR / f"methodology_{lg}.md").read_text(encoding="utf-8")


def view(page: state.Page, values: dict[str, float]) -> None:
    """The methodology text, then every parameter with its value, range, kind and source."""
    lg = page.lang
    st.markdown(methodology_text(lg))
    # The history's own addresses are links to public sources (our data file, not text a
    # link carried), so the table shows them as links, each named by its site.
    address = tr("src_address", lg)
    links = {
        address: st.column_config.LinkColumn(
            address, display_text=r"https?://(?:www\.|m\.|amp\.)?([^/]+)"
        ),
    }
    for key, frame in (
        ("rec", methodology.reconciliation(lg, page.table)),
        ("src", methodology.history_sources(lg)),
        ("d", methodology.derived_values(values, lg, page.table)),
        ("route", methodology.routes(values, lg, page.table)),
        ("ho", methodology.holdout_table(lg, page.table)),
        ("bt", methodology.backtest_table(lg, page.table)),
    ):
        st.subheader(tr(f"{key}_title", lg), anchor=False)
        st.caption(tr(f"{key}_caption", lg))
        config = links if key == "src" else None
        st.dataframe(frame, hide_index=True, width="stretch", column_config=config)
    st.subheader(tr("method_params", lg))
    st.caption(tr("method_params_caption", lg))
    rows = [
        {
            tr("p_label", lg): p.label(lg),
            tr("p_name", lg): p.name,
            tr("p_value", lg): controls.value_label(p, values[p.name], lg),
            tr("p_baseline", lg): controls.value_label(p, p.value, lg),
            tr("p_range", lg): f"{controls.value_label(p, p.min, lg)} – "
            f"{controls.value_label(p, p.max, lg)}",
            tr("p_kind", lg): tr(f"kind_{p.kind}", lg),
            tr("p_source", lg): p.source_beside_kind(lg),
            tr("p_note", lg): p.note_text(lg),
        }
        for p in page.table.values()
    ]
    st.dataframe(rows, hide_index=True, width="stretch")
