"""Undo and redo, and a browser Back that undoes.

Every distinct scenario the page shows is kept in order (at most ``MAX_STEPS``); undo and
redo step through them. The page writes the link after each change, which the browser
keeps as a history entry: a small script (a Streamlit v2 component) hears Back and Forward
and sends the address it lands on, and the page reopens it. So Back undoes the last change,
and once there is nothing left of this visit, leaves the app in one press.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import streamlit as st

from simulator.links import parse_query
from simulator.scenario import Scenario
from ui import state
from ui.components import component

MAX_STEPS = 50

_BACK = component("ikm_back", "back")


def record(scenario: Scenario) -> None:
    """Note the scenario shown now, if it differs from the one noted last."""
    steps = st.session_state.setdefault(state.UNDO_STEPS, [])
    at = st.session_state.get(state.UNDO_AT, -1)
    if steps and 0 <= at < len(steps) and steps[at] == scenario.values:
        return
    steps = [*steps[: at + 1], scenario.values][-MAX_STEPS:]
    st.session_state[state.UNDO_STEPS] = steps
    st.session_state[state.UNDO_AT] = len(steps) - 1


def can_undo() -> bool:
    """True when there is an earlier scenario to go back to."""
    return st.session_state.get(state.UNDO_AT, 0) > 0


def can_redo() -> bool:
    """True when an undone scenario can be restored."""
    steps = st.session_state.get(state.UNDO_STEPS, [])
    return st.session_state.get(state.UNDO_AT, 0) < len(steps) - 1


def _go(step: int) -> None:
    at = st.session_state.get(state.UNDO_AT, 0) + step
    steps = st.session_state.get(state.UNDO_STEPS, [])
    if 0 <= at < len(steps):
        st.session_state[state.UNDO_AT] = at
        state.apply_values(dict(steps[at]))
        state.name_preset()


def on_undo() -> None:
    """Back to the scenario before the last change."""
    _go(-1)


def on_redo() -> None:
    """Forward to the scenario undone last."""
    _go(+1)


def back_listener(lg: str) -> None:
    """The script that hears Back and Forward (drawn once per page); it also sets the
    page's language ``lg`` on <html>, which Streamlit leaves at "en"."""
    _BACK(key=state.BACK, data={"lang": lg}, on_moved_change=_on_moved, height=0)


def _on_moved() -> None:
    """Reopen the state of the address Back or Forward landed on."""
    search = (st.session_state.get(state.BACK) or {}).get("moved")
    if not isinstance(search, str):
        return
    link = parse_query(parse_qsl(search[:100_000], keep_blank_values=True), state.TABLE)
    steps = st.session_state.get(state.UNDO_STEPS, [])
    target = link.scenario.values
    if target in steps:  # a step of this visit: keep the others for redo
        st.session_state[state.UNDO_AT] = len(steps) - 1 - steps[::-1].index(target)
    state.apply_values(link.scenario.as_dict())
    state.name_preset()
    state.set_view(link.view)
    st.session_state[state.SHOW] = link.show
