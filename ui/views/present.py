"""The presentation view (``?view=present``): a room reads it from the back.

One projector screen per slide: the scenario's name, four headline numbers at least 1.6
times the size of their changes, the sentence, two charts with text of at least 18 px, and
a footer with the source line and "projection, not forecast". The saved scenarios follow
the current one as slides, stepped through with buttons or the arrow keys; the link keeps
the view and the slide. The main instruments stay usable in a strip that opens on demand
(as En-ROADS keeps its levers on the big screen), and the language can be switched.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

import streamlit as st

from simulator import charts, figures, session
from simulator import view as vm
from simulator.i18n import LANGS, tr
from simulator.links import DEFAULT_VIEW
from simulator.model import Result
from ui import runs, state
from ui import view as scenario_view
from ui.components import component
from ui.widgets import escape_md, flags_view

ROOM_FONT_PX = 18  # the smallest chart text on the big screen
CHART_HEIGHT = 130  # the smallest plot; its title, axes and legend add about 150 px
MAX_CHART_HEIGHT = 520
# Below the charts row's top, besides the plot (the view measures that top in the browser):
# the chart's title, year axis, legend and padding (~135 px at 18-24 px text), the footer
# and the lever strip's closed header [px].
BELOW_PLOT = 245
SMALLEST_PLOT = 90  # in a small window (1093 x 615: a 1366 x 768 laptop at 125 %) [px]
ROOM_YEAR_LABEL_PX = 70
# Static style only (nothing a user or a link supplies).
PRESENT_CSS = """<style>
[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'],
[data-testid='stHeader'], [data-testid='stToolbar'] {display: none;}
[data-testid='stMainBlockContainer'] {padding: 0.6rem 2rem 0.2rem 2rem; max-width: 100%;}
[data-testid='stMetricValue'] {font-size: min(clamp(2.3rem, 4.6vh, 3.6rem), 2.6vw) !important;
  line-height: 1.15;}
[data-testid='stMetricDelta'], [data-testid='stMetricDelta'] * {
  font-size: min(clamp(1.15rem, 2.2vh, 1.7rem), 1.6vw) !important;}
[data-testid='stMetricLabel'], [data-testid='stMetricLabel'] * {
  font-size: min(clamp(1.05rem, 2vh, 1.5rem), 1.45vw) !important;}
/* The slide's title takes the row's free room: the buttons keep their place whatever its
   length. The keys' script shows nothing and takes no room. */
.st-key-present_slides {flex-wrap: nowrap !important;}
.st-key-present_slides > div:first-child {flex: 1 1 0 !important; min-width: 0;}
.st-key-present_slides > div:has([data-testid='stCaptionContainer']) {
  flex: 0 0 fit-content !important;}
.st-key-slide_keys {display: none !important;}
[data-testid='stMetric'] {padding: 0.45rem 0.7rem !important;}
.st-key-present_sentence p {font-size: clamp(1.2rem, 2.4vh, 1.75rem); line-height: 1.35;
  margin: 0;}
.st-key-present_footer p {font-size: 0.95rem; margin: 0; padding-bottom: 0.2rem;}
h3 {padding: 0 !important; font-size: 1.8rem !important;}
[data-testid='stVerticalBlock'] {gap: 0.45rem;}
@media (max-height: 780px) {
  [data-testid='stMetricValue'] {font-size: min(2rem, 2.6vw) !important;}
  [data-testid='stMetricDelta'], [data-testid='stMetricDelta'] * {
    font-size: min(1rem, 1.6vw) !important;}
  h3 {font-size: 1.5rem !important;}
}
@media (max-height: 700px) {
  .st-key-present_sentence p {font-size: 1.05rem;}
}
@media (max-width: 640px) {
  /* A phone: the title takes its own line and the buttons wrap below it (kept on one
     line, the title had a letter's width and the last button ran off the screen). */
  .st-key-present_slides {flex-wrap: wrap !important;}
  .st-key-present_slides > div:first-child {flex: 1 1 100% !important;}
  [data-testid='stMainBlockContainer'] {padding: 0.5rem 0.75rem 0.2rem 0.75rem;}
  [data-testid='stMetricValue'] {font-size: 1.45rem !important;}
  [data-testid='stMetricDelta'], [data-testid='stMetricDelta'] *,
  [data-testid='stMetricLabel'], [data-testid='stMetricLabel'] * {font-size: 0.95rem !important;}
  [data-testid='stMetricValue'] *, [data-testid='stMetricLabel'] *,
  [data-testid='stMetricDelta'] * {overflow-wrap: break-word !important;}
  h3 {font-size: 1.3rem !important;}
  .st-key-present_sentence p {font-size: 1.1rem;}
}
</style>"""

CHARTS = tuple(vm.chart_ids(figures.BRIEF_LINES, sales=False))
_KEYS = component("ikm_slide_keys", "keys")


def for_room(spec: dict, height: int = CHART_HEIGHT) -> dict:
    """A chart spec with every text at least ``ROOM_FONT_PX`` and a plot ``height`` high (a
    copy; data untouched)."""
    room = copy.deepcopy({k: v for k, v in spec.items() if k != "datasets"})
    config = room.setdefault("config", {})
    for part, keys in (
        ("axis", ("labelFontSize", "titleFontSize")),
        ("legend", ("labelFontSize", "titleFontSize")),
        ("title", ("fontSize", "subtitleFontSize")),
        ("text", ("fontSize",)),
    ):
        section = config.setdefault(part, {})
        for key in keys:
            section[key] = max(section.get(key, 0), ROOM_FONT_PX)
    room["config"]["title"]["fontSize"] = max(room["config"]["title"]["fontSize"], 24)
    for layer in room.get("layer", []):
        mark = layer.get("mark")
        if isinstance(mark, dict) and "fontSize" in mark:
            mark["fontSize"] = max(mark["fontSize"], ROOM_FONT_PX)
    # The title alone: the subtitle's key to the lines is said by the legend on this screen.
    if isinstance(room.get("title"), dict):
        room["title"].pop("subtitle", None)
    config.setdefault("axisX", {})["labelOverlap"] = "greedy"
    # Year labels at 18 px need more room each than the page's 52 px.
    for param in room.get("params", []):
        if param.get("name") == charts.YEAR_LABEL_PX:
            param["value"] = ROOM_YEAR_LABEL_PX
    room["height"] = height
    return {**room, "datasets": spec["datasets"]}


class Shown(NamedTuple):
    """The scenario a slide shows, and whether it is the levers' own (the current one)."""

    result: Result
    values: dict[str, float]
    live: bool


class Head(NamedTuple):
    """The slide's top row, drawn by the page: places for the title and the slide buttons
    (filled by the presentation's fragment); the language and "back to editing" buttons sit
    beside them, outside the fragment, since either changes the whole page."""

    title: object
    steps: object


def head(page: state.Page) -> Head:
    """The top row: places for the slide's title and buttons, then the language and "back to
    editing" buttons (outside the fragment: using either reruns the whole page)."""
    lg = page.lang
    st.html(PRESENT_CSS)
    with st.container(horizontal=True, vertical_alignment="center", key="present_slides"):
        places = Head(
            st.empty(),  # an element of the row, as the title was (a container did not grow)
            st.container(horizontal=True, vertical_alignment="center", width="content"),
        )
        other = next(code for code in LANGS if code != lg)
        st.button(tr("present_other_lang", lg), key=state.PRESENT_LANG,
                  on_click=state.switch_language, args=(other,))  # fmt: skip
        st.button(
            tr("back_to_edit", lg),
            icon=":material/edit:",
            key=state.PRESENT_BACK,
            on_click=state.set_view,
            args=(DEFAULT_VIEW,),
            type="primary",
        )
    return places


def view(page: state.Page, places: Head, result: Result, values: dict[str, float]) -> Shown:
    """The slide's title and buttons (in their places in the top row), the slide (numbers,
    sentence, charts) and the footer; returns what the slide shows."""
    lg, table = page.lang, page.table
    slides = [None, *page.saved]
    index = state.slide()
    if index:  # a saved scenario's slide: its own numbers
        scenario = slides[index]
        values = {**table.defaults, **scenario.as_dict()}
        result = runs.pair(scenario, table)
        title = scenario.name
    else:
        title = session.scenario_title(values, page.presets, table, lg, page.saved)
    year = int(result.years[-1])
    places.title.subheader(escape_md(tr("present_title", lg, name=title, year=year)), anchor=False)
    if len(slides) > 1:
        with places.steps:
            st.button("", icon=":material/chevron_left:", help=tr("present_prev", lg),
                      key=state.SLIDE_PREV, on_click=state.on_slide, args=(-1,))  # fmt: skip
            st.caption(
                tr("present_slide", lg, n=index + 1, total=len(slides)),
                help=tr("present_keys", lg),
            )
            st.button("", icon=":material/chevron_right:", help=tr("present_next", lg),
                      key=state.SLIDE_NEXT, on_click=state.on_slide, args=(1,))  # fmt: skip
            _KEYS(key=state.SLIDE_KEYS, on_step_change=state.on_slide_key, height=0)
    flags_view(page, result, values)
    # The view sizes the plots itself from where its charts row begins in the window (so a
    # resize or a longer sentence needs no run): the room the footer and the charts' own
    # title, axis and legend take below that row, and the plot's bounds.
    room = {"min": SMALLEST_PLOT, "max": MAX_CHART_HEIGHT, "below": BELOW_PLOT}
    # The numbers, the sentence and the two charts: the scenario view, which the levers of
    # the strip move while dragged (on the current scenario's slide).
    scenario_view.draw(
        page,
        scenario_view.SLIDE,
        result,
        values,
        cards=figures.PRESENT_HEADLINES,
        chart_ids=CHARTS,
        sentence_shown=True,
        shape=for_room,
        room=room,
    )
    with st.container(key="present_footer"):
        st.caption(tr("footer", lg))
    return Shown(result, values, live=not index)
