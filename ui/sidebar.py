"""The sidebar: language, presets, reset, the levers' places, typed values, assumptions.

The language and the reset button rerun the whole page. The preset box and the settings
(typed values, advanced assumptions) are fragments of their own: using one reruns it and the
scenario's fragment by key (``state.rerun_parts``), and a change elsewhere that reaches one
(a lever landing on a preset, undo) reruns it the same way. The preset's note and the main
levers are drawn into their places by the scenario's fragment (:func:`levers`), so a lever
move reruns only that.
"""

from __future__ import annotations

from typing import NamedTuple

import streamlit as st

from simulator import controls, session
from simulator.i18n import LANGS, tr
from simulator.params import Parameter
from ui import page_guard, state, undo
from ui.lever import live_lever

# An error in a fragment of the sidebar is logged and shown in the page's language.
guarded = page_guard.errors_in_page_language(state.lang)

# The group whose rows are drawn as the main levers; every other group is an advanced one.
LEVER_GROUP = "lever"


class LeverSlots(NamedTuple):
    """Places in the sidebar that the scenario fragment fills on every lever move."""

    preset_note: object  # the preset's description, marked when the levers differ from it
    levers: object  # the main levers and their "changed" marks


def help_text(param: Parameter, lg: str) -> str:
    """Meaning, baseline, range, kind and source of a parameter, in ``lg``."""
    return controls.help_text(param, lg)


def unit_hint(param: Parameter, lg: str) -> str:
    """The unit words around a value, e.g. "Rp … triliun per tahun"."""
    return controls.value_label(param, param.value, lg).replace(
        controls.number_text(param, param.value, lg), "…", 1
    )


def slider(param: Parameter, lg: str, *, persist: bool = False) -> None:
    """A select-slider over the parameter's grid, labelled in ``lg``."""
    state.resent(param.name)
    current = float(st.session_state[param.name])
    # A main lever lives in the scenario fragment (its move redraws only that); an advanced
    # assumption lives in the settings fragment and reruns it and the scenario's.
    # The value is also given as the default: a slider first drawn in the browser after its
    # first run (the presentation's lever strip is drawn when opened) starts at the default,
    # not at the session's value, and sends that back with the next change elsewhere (the
    # strip's end year went to 2020 with a click on a lever). The id is the key alone.
    st.select_slider(
        param.label(lg),
        options=controls.slider_options(param, current),
        value=current,
        format_func=lambda v, p=param, lg=lg: controls.value_label(p, v, lg),
        key=param.name,
        help=help_text(param, lg),
        on_change=state.on_assumption if persist else state.on_slider,
        args=None if persist else (param.name,),
        persist_state="session" if persist else None,
    )
    changed_mark(param, current, lg)


def changed_mark(param: Parameter, current: float, lg: str) -> None:
    """The "changed from the baseline" mark under a lever that left its baseline."""
    if current != param.value:
        st.caption(tr("changed_mark", lg, value=controls.value_label(param, param.value, lg)))


def instrument(param: Parameter, lg: str) -> None:
    """A policy instrument's live lever: the page moves while it is dragged."""
    live_lever(param, lg, help_text(param, lg))
    changed_mark(param, float(st.session_state[param.name]), lg)


def sidebar(page: state.Page, lever_place=None) -> LeverSlots:
    """Language, presets, reset, places for the levers (filled by the scenario fragment),
    typed values and the advanced assumptions. ``lever_place`` puts the levers elsewhere
    (on a phone, below the headline, so they are reachable without hiding the results)."""
    lg = page.lang
    st.segmented_control(
        "Bahasa / Language",
        options=list(LANGS),
        format_func=lambda code: tr(f"lang_{code}", code),
        key=state.LANG,
        required=True,
        on_change=state.on_language,
    )
    preset_fragment(page)
    preset_note = st.container()
    st.button(
        tr("reset", lg), key=state.RESET, on_click=state.on_reset, icon=":material/restart_alt:"
    )
    if lever_place is None:
        st.subheader(tr("levers", lg))
        lever_slot = st.container()
    else:
        with lever_place:
            st.subheader(tr("levers", lg), anchor=False)
            lever_slot = st.container()
    settings_fragment(page)
    return LeverSlots(preset_note, lever_slot)


def levers(page: state.Page, slots: LeverSlots, values: dict[str, float]) -> None:
    """The preset's note and the main levers, in their places in the sidebar. What differs
    from the preset is said below the levers: said above them, its line pushed every lever
    down under the pointer on the first move."""
    lg = page.lang
    chosen = page.presets[state.preset_name()]
    changed = session.preset_differences(values, chosen, page.table)
    with slots.preset_note:
        st.caption(chosen.description(lg))
    with slots.levers:
        with st.container(horizontal=True, gap="small"):
            st.button(
                tr("undo", lg),
                key=state.UNDO,
                icon=":material/undo:",
                on_click=state.sets_scenario(undo.on_undo),
                disabled=not undo.can_undo(),
            )
            st.button(
                tr("redo", lg),
                key=state.REDO,
                icon=":material/redo:",
                on_click=state.sets_scenario(undo.on_redo),
                disabled=not undo.can_redo(),
            )
        for param in page.table.in_group(LEVER_GROUP):
            if param.is_policy:
                instrument(param, lg)
            else:
                slider(param, lg)
        if changed:
            labels = ", ".join(page.table[name].label(lg) for name in changed)
            st.caption(tr("preset_changed", lg, items=labels))


@st.fragment(key=state.SETTINGS_FRAGMENT)
@guarded
def settings_fragment(page: state.Page) -> None:
    """Typed values and the advanced assumptions (a fragment: opening either, applying typed
    values or moving an assumption reruns this and the scenario's fragment, not the page)."""
    lg = page.lang
    # Typed values go through a form: its fields reach the server only on submit, so they
    # never race the sliders (a field echoing an old value would undo a slider move).
    # An expander, not a popover: a popover low in the sidebar got only the room below it
    # (one field and no "apply" button in view on a 1280 x 800 screen). Its contents are
    # drawn only while it is open (fewer elements per rerun); each box shows its lever's
    # current value when drawn.
    exact = st.expander(
        tr("exact_values", lg), icon=":material/keyboard:", key=state.EXACT_OPEN, on_change="rerun"
    )
    if exact.open:
        exact_form(page, exact)
    advanced = st.expander(tr("advanced", lg), key=state.ADVANCED, on_change="rerun")
    with advanced:
        # Drawn only while open: two dozen sliders cost time on every rerun otherwise.
        if advanced.open:
            st.caption(tr("advanced_intro", lg))
            for group in (g for g in page.table.groups if g != LEVER_GROUP):
                st.markdown(f"**{tr(f'group_{group}', lg)}**")
                for param in page.table.in_group(group):
                    slider(param, lg, persist=True)


@st.fragment(key=state.PRESET_FRAGMENT)
@guarded
def preset_fragment(page: state.Page) -> None:
    """The preset box, a fragment of its own: it reruns when its choice changes (chosen here,
    or a lever landing on a preset, undo), not with every lever move."""
    preset_box(page)


def preset_box(page: state.Page) -> None:
    """The preset box."""
    # The script writes this widget's value only when a callback asked (state.resent): a
    # value written on every run would race the browser, which echoes the old one back
    # with the next slider move and so re-applies the preset over the user's change.
    state.resent(state.PRESET)
    lg, presets = page.lang, page.presets
    st.selectbox(
        tr("preset", lg),
        options=list(presets),
        format_func=lambda n: presets[n].label(lg),
        placeholder=tr("choose_option", lg),
        key=state.PRESET,
        help=tr("preset_help", lg),
        on_change=state.on_preset,
    )


def exact_form(page: state.Page, container) -> None:
    """The typed-value form inside its expander."""
    lg, table = page.lang, page.table
    with container, st.form(state.EXACT_FORM, border=False):
        st.caption(tr("exact_intro", lg))
        for name in table.policy:
            param = table[name]
            state.fill_exact_field(name)
            st.text_input(
                tr("exact_value", lg, label=param.label(lg), unit=unit_hint(param, lg)),
                key=state.exact_key(name),
                max_chars=40,
                placeholder=tr(
                    "exact_placeholder", lg, example=controls.number_text(param, param.value, lg)
                ),
            )
        st.form_submit_button(tr("apply", lg), on_click=state.on_exact_submit, type="primary")
