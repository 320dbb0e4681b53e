"""The floor for the live lever's drag in bench/bench_browser.py: the app's own lever code
(ui/components/lever.*), one metric, nothing else."""

from functools import partial
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent.parent / "ui" / "components"
LEVER = st.components.v2.component(
    "ikm_lever_floor",
    html=(HERE / "lever.html").read_text(encoding="utf-8"),
    css=(HERE / "lever.css").read_text(encoding="utf-8"),
    js=(HERE / "lever.js").read_text(encoding="utf-8"),
)
GRID = [round(i * 0.1, 1) for i in range(151)]
st.session_state.setdefault("investment", 2.8)
st.session_state.setdefault("ack", 0)


def take(kind: str) -> None:
    sent = (st.session_state.get("live_investment") or {}).get(kind) or {}
    st.session_state.ack = sent.get("seq", st.session_state.ack)
    if sent.get("value") in GRID:
        st.session_state.investment = sent["value"]


st.metric("Nilai", f"Rp {st.session_state.investment * 10:.2f} triliun")
with st.sidebar:
    LEVER(
        key="live_investment",
        data={
            "label": "Investasi",
            "values": GRID,
            "labels": [f"Rp{v:.1f} triliun" for v in GRID],
            "index": GRID.index(st.session_state.investment),
            "ack": st.session_state.ack,
            "help": "",
            "helpLabel": "Penjelasan",
        },
        on_drag_change=partial(take, "drag"),
        on_release_change=partial(take, "release"),
    )
