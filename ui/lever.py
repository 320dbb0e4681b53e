"""The live lever: a range input that moves the page while it is dragged (as En-ROADS does).

A Streamlit v2 component (no iframe, no build step; its code in ui/components/lever.*): a
native ``<input type="range">`` over the parameter's grid, labelled in the page language
(every grid value formatted here, with Babel, and set in the browser as text). While a
pointer drags it, it sends the value at most every 60 ms and only once the page has taken
the one before (``ack`` below); the scenario fragment reruns per value. Letting go sends the
final value as a release, and only a release is a step: the link, the browser history and
undo change once per drag (:func:`on_drag` marks the runs in between, see
:func:`state.take_drag`). The lever's value lives in session state under the parameter's
name, as a slider's did, so presets, reset, typed values, undo and Back move it.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from simulator import controls
from simulator.i18n import tr
from simulator.params import Parameter
from ui import state
from ui.components import component

_LEVER = component("ikm_lever", "lever")


def live_lever(param: Parameter, lg: str, help_text: str) -> None:
    """The live lever of ``param``, at its current value, labelled in ``lg``, with its
    help text."""
    current = float(st.session_state[param.name])
    options = controls.slider_options(param, current)
    _LEVER(
        key=state.lever_key(param.name),
        data={
            "name": param.name,
            "label": param.label(lg),
            "values": list(options),
            "labels": [controls.value_label(param, v, lg) for v in options],
            "index": options.index(current),
            "ack": st.session_state.get(state.ACKS, {}).get(param.name, 0),
            "help": help_text,
            "helpLabel": tr("lever_help", lg, label=param.label(lg)),
        },
        on_drag_change=partial(_take, param.name, "drag"),
        on_release_change=partial(_take, param.name, "release"),
    )


def _take(name: str, kind: str) -> None:
    """Put a value the lever sent into its parameter: a value on the way (``drag``) or the
    final one (``release``: the exact box, the notices and the preset box follow)."""
    sent = (st.session_state.get(state.lever_key(name)) or {}).get(kind)
    if not isinstance(sent, dict):
        return
    seq = sent.get("seq")
    if isinstance(seq, int):
        st.session_state[state.ACKS] = {**st.session_state.get(state.ACKS, {}), name: seq}
    value = sent.get("value")
    param = state.TABLE[name]
    current = float(st.session_state[name])
    # Only a point of the lever's own grid (anything else a page could send is ignored).
    if not isinstance(value, int | float) or float(value) not in controls.slider_options(
        param, current
    ):
        return
    st.session_state[name] = float(value)
    if kind == "drag":
        state.show_levers_slide()  # a release does it in on_slider
        state.mark_drag()
    else:
        state.end_drag()
        state.on_slider(name)
