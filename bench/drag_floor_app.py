"""What a drag of the live lever can reach with a given page, for bench/bench_browser.py --floor.

The app's own investment lever (ui/components/lever.*, drawn last in a fragment, so its new
data tells it the run is done, as in the app), the app's own model and charts, and as many of
them as the address asks for:

    ?metrics=8&charts=5          the first ``metrics`` headline numbers and the results tab's
                                 first ``charts`` charts (the app's results tab: 8 and 5)
    &frozen=1                    the charts keep the first value's data while the lever moves
                                 (what a drag costs when the charts are sent but do not change)
    &tabs=1                      the charts inside the first of six tabs, as the app shows them

The bench drags the lever with several mixes and prints the headline numbers painted a second
for each, which tells apart what the page's elements cost from what the lever itself costs.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator import charts, controls, figures  # noqa: E402
from simulator.model import simulate_pair  # noqa: E402
from simulator.params import load_parameters  # noqa: E402
from simulator.report import headlines  # noqa: E402
from ui.components import component  # noqa: E402

LEVER = component("ikm_lever_floor_mix", "lever")
TABLE = load_parameters()
PARAM = TABLE["investment"]
LANG = "id"


def number(name: str, default: int, top: int) -> int:
    """A whole number from the address, within 0..top."""
    try:
        return max(0, min(top, int(st.query_params.get(name, default))))
    except ValueError:
        return default


METRICS = number("metrics", 8, 8)
CHARTS = number("charts", 5, 5)
FROZEN = number("frozen", 0, 1) == 1
TABS = number("tabs", 0, 1) == 1


@st.cache_data(max_entries=512, show_spinner=False)
def run(value: float):
    """The scenario with investment at ``value`` and its baseline."""
    return simulate_pair({**TABLE.defaults, PARAM.name: value}, TABLE)


def take(kind: str) -> None:
    """A value the lever sent (as ui/lever.py takes it)."""
    sent = (st.session_state.get("live_investment") or {}).get(kind) or {}
    st.session_state.ack = sent.get("seq", st.session_state.ack)
    value = sent.get("value")
    if isinstance(value, int | float) and float(value) in controls.slider_options(
        PARAM, st.session_state.investment
    ):
        st.session_state.investment = float(value)


st.session_state.setdefault("investment", float(TABLE.defaults[PARAM.name]))
st.session_state.setdefault("ack", 0)
st.session_state.setdefault("first", st.session_state.investment)
lever_slot = st.sidebar.container()
chart_slot = st.tabs([f"Tab {i + 1}" for i in range(6)])[0] if TABS else st.container()


@st.fragment
def scene() -> None:
    """The headline numbers, the charts, then the lever (its data last, as in the app)."""
    value = st.session_state.investment
    result = run(value)
    with st.container(horizontal=True, gap="small"):
        for item in headlines(result, LANG)[:METRICS]:
            st.metric(item.label, item.value, delta=item.delta, border=True, width="stretch")
    drawn = run(st.session_state.first) if FROZEN else result
    start = figures.policy_start({**TABLE.defaults, PARAM.name: value})
    specs = [charts.line_chart(drawn, out, LANG, start) for out in figures.RESULT_LINES]
    specs.append(charts.sales_split_chart(drawn, LANG))
    with chart_slot:
        for spec in specs[:CHARTS]:
            st.vega_lite_chart(spec=spec, width="stretch", theme=None)
    options = controls.slider_options(PARAM, value)
    with lever_slot:
        LEVER(
            key="live_investment",
            data={
                "label": PARAM.label(LANG),
                "values": list(options),
                "labels": [controls.value_label(PARAM, v, LANG) for v in options],
                "index": options.index(value),
                "ack": st.session_state.ack,
                "help": "",
                "helpLabel": "Penjelasan",
            },
            on_drag_change=partial(take, "drag"),
            on_release_change=partial(take, "release"),
        )


scene()
