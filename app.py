"""The what-if page, as a table of contents: link -> levers -> Scenario -> cached run -> views.

It reads top to bottom as the page does: configuration; the frame (title, toolbar, the
headline's place, sidebar, tab bar); the two fragments that fill it (the scenario: everything
a lever changes; the presentation view); what they show; the tab router. Each place is drawn
by its module in ``ui/`` (session keys and callbacks in ``ui/state.py``, cached runs in
``ui/runs.py``); everything that is not Streamlit lives in ``simulator/``. The scenario
lives in the URL: it is read once when a session opens and written back after every run, so
a copied link reopens exactly what its sender saw.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from simulator import session
from simulator.i18n import tr
from simulator.links import DEFAULT_VIEW
from simulator.model import Result
from simulator.outputs import HEADLINES
from simulator.scenario import Scenario
from ui import capacity, connection, names, page_guard, runs, state, undo, view
from ui.sidebar import LeverSlots, levers, sidebar
from ui.style import PAGE_CSS
from ui.toolbar import toolbar
from ui.views import allocate, analysis, compare, method, present, regions, results, table
from ui.widgets import escape_md, flags_view, notices_view, units_caption

HEADLINE_CARDS = tuple(o.name for o in HEADLINES)  # every headline output, in order
# An error in a part of the page it wraps is logged and shown in the page's language.
guarded = page_guard.errors_in_page_language(state.lang)

# --- configuration ------------------------------------------------------------------------

st.set_page_config(page_title="Simulator IKM Alas Kaki", page_icon="👞", layout="wide")
# Static style only (nothing a user or a link supplies).
st.html(PAGE_CSS)
# Per-instance limits: no visitor empties the shared cache; past the session cap a new
# session gets a page saying so, in the link's language, and nothing else.
capacity.keep_cache()
if not capacity.admit():
    capacity.full_page()
state.init_state()


# --- the frame ----------------------------------------------------------------------------


def page() -> None:
    """The page around the fragments; everything drawn here reruns only with the page."""
    now = current()
    lg = now.page.lang
    state.open_tab_label()
    if now.view == state.PRESENT:
        places = present.head(now.page)
        slide = st.container()
        # The main instruments in a strip below the slide, opened on demand.
        strip = st.expander(tr("present_levers", lg))
        with st.sidebar:  # hidden in this view
            lever_slots = guarded(sidebar)(now.page, strip)
            data_place = st.container(key=view.DATA_PLACE)
        with slide:
            present_fragment(places, lever_slots, data_place)
        # Back undoes here too, and the page's language reaches <html> and screen readers.
        undo.back_listener(lg)
        names.page_names(lg)
        connection.connection_notice(lg)
        return
    st.title(tr("app_title", lg), anchor=False)
    st.caption(tr("app_subtitle", lg))
    guarded(toolbar)(now.page, now.result, now.values, state.link_pairs(now.scenario, now.view))
    headline_slot = st.container()
    # On a phone the sidebar is a drawer over the results: the levers go below the headline.
    lever_place = st.container(border=True) if state.on_phone() else None
    with st.sidebar:
        lever_slots = guarded(sidebar)(now.page, lever_place)
    st.caption(tr("data_note", lg))
    tabs = st.tabs(
        [state.tab_label(code) for code in state.TAB_CODES], key=state.VIEW, on_change=state.on_tab
    )
    open_code = next(
        (code for code, tab in zip(state.TAB_CODES, tabs, strict=True) if tab.open),
        DEFAULT_VIEW,
    )
    st.caption(tr("footer", lg))
    undo.back_listener(lg)
    names.page_names(lg)
    connection.connection_notice(lg)
    with st.sidebar:  # the view's numbers: nothing to see, out of the page's way
        data_place = st.container(key=view.DATA_PLACE)
    scenario_fragment(
        headline_slot, lever_slots, tabs[state.TAB_CODES.index(open_code)], open_code, data_place
    )


# --- the fragments ------------------------------------------------------------------------


@st.fragment(key=state.SCENARIO_FRAGMENT)
@guarded
def scenario_fragment(
    headline_slot, lever_slots: LeverSlots, tab_slot, tab_code: str, data_place
) -> None:
    """Everything a lever changes, drawn into its place on the page: the headline, the levers
    themselves (their "changed" marks), the open tab, the link and the scenario view's
    numbers. A lever lives in here, so moving it reruns only this, not the title, toolbar,
    tab bar or advanced assumptions. The headline and the results charts are the scenario
    view (ui/view.py), drawn in the browser: while a lever is dragged the view follows it
    from the lever's sweep without a run; a run comes with the release. Before a lever's
    sweep has arrived, the lever streams values as a drag did before sweeps."""
    now = current()
    step = not state.take_drag()  # a value on the way of a drag is not a step
    if step:
        undo.record(now.scenario)
    with headline_slot:
        headline_block(now)
    with tab_slot:
        TABS[tab_code](now)
    # The view's numbers (and the sentence) as early as they can go.
    charts_shown = results.CHARTS if tab_code == "results" else ()
    view.data(now.page, data_place, now.result, now.values, charts_shown, with_sweeps=False)
    # The levers next: their new data tells a dragged lever that this run is done.
    levers(now.page, lever_slots, state.current_values())
    if step:
        state.write_link(now.scenario, now.view)
    # Last, the levers' sweeps (the largest messages, often sent as references).
    view.sweeps_of(now.page, data_place, now.values)


@st.fragment(key=state.PRESENT_FRAGMENT)
@guarded
def present_fragment(places: present.Head, lever_slots: LeverSlots, data_place) -> None:
    """The presentation view (its levers are hidden but kept, so they keep their state);
    its slide is the scenario view, which the levers move while dragged."""
    now = current()
    step = not state.take_drag()  # a value on the way of a drag is not a step
    if step:  # the strip's levers move the current scenario: undo follows them here too
        undo.record(now.scenario)
    notices_view(now.page, now.notices)
    shown = present.view(now.page, places, now.result, now.values)
    levers(now.page, lever_slots, state.current_values())
    if step:
        state.write_link(now.scenario, now.view)
    view.data(now.page, data_place, shown.result, shown.values, present.CHARTS, live=shown.live)


# --- what they show -----------------------------------------------------------------------


class Now(NamedTuple):
    """What the page shows, from the widgets' values (each fragment reads it afresh: a
    fragment rerun does not run the script body)."""

    page: state.Page
    values: dict[str, float]
    notices: list[str]
    scenario: Scenario
    result: Result
    view: str


def current() -> Now:
    """The page context, the scenario validated once (shares over 100 % repaired first),
    its cached run and the open view."""
    page = state.page_context()
    values, repairs = session.validated(state.current_values(), page.table, page.lang)
    notices = [*state.typed_notices().values(), *repairs]
    scenario = Scenario.from_mapping(values, table=page.table)
    result = runs.pair(scenario, page.table)
    return Now(page, values, notices, scenario, result, state.view_code())


def headline_block(now: Now) -> None:
    """Notices, the end-year headline, what the model flags, then the cards and the sentence
    (the scenario view's headline part)."""
    page = now.page
    notices_view(page, now.notices)
    # The scenario's name above the numbers, as the presentation's slide has it (on a phone,
    # on the first screen): a preset's, a saved one's, or "Skenario kustom".
    name = session.scenario_title(now.values, page.presets, page.table, page.lang, page.saved)
    st.markdown(f"**{escape_md(name)}**", width="stretch")
    st.header(tr("headline", page.lang, year=int(now.result.years[-1])), anchor=False)
    flags_view(page, now.result, now.values)
    view.draw(page, view.HEAD, now.result, now.values, cards=HEADLINE_CARDS, sentence_shown=True)
    units_caption(page, now.result, now.values)


# --- the tab router: only the open tab is drawn (the others cost nothing until chosen) ----

TABS = {
    "results": lambda now: results.view_results(now.page, now.result, now.values),
    "regions": lambda now: regions.view(now.page, now.result),
    "table": lambda now: table.view(now.page, now.result),
    "compare": lambda now: compare.view(now.page, now.values, now.scenario),
    "analysis": lambda now: analysis.view(now.page, now.result, now.values, now.scenario),
    "allocate": lambda now: allocate.view(now.page, now.values),
    "method": lambda now: method.view(now.page, now.values),
}

page()
# Last, so its empty element sits below everything (first run only).
page_guard.check_link(state.TABLE, state.open_link)
