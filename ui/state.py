"""The page's session state: every key, typed accessors, the link read once, the callbacks.

Streamlit keeps a widget's value in ``st.session_state`` under the widget's key; each
parameter's slider is keyed by the parameter's name, every other key is a constant below, so
no key is spelt twice. Callbacks run before the script, so a widget they set is drawn with
its new value in the same run. A callback whose change reaches beyond its widget's fragment
reruns the fragments it reaches by key (:func:`rerun_parts`), never the whole page, and marks
the widget values it wrote to be sent again (:func:`resend`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple, NoReturn

import streamlit as st

from simulator import analysis, controls, load_parameters, load_presets, session
from simulator.i18n import DEFAULT_LANG, LANGS, tr
from simulator.links import (
    DEFAULT_SHOW,
    DEFAULT_VIEW,
    MAX_SAVED,
    SHOWS,
    TEXT_KEYS,
    LinkState,
    Notice,
    as_multidict,
    clean_name,
    clean_text,
    parse_query,
    to_query,
)
from simulator.model import REGIONS
from simulator.params import ParameterTable
from simulator.presets import Preset
from simulator.scenario import Scenario

# The page's data, read once per server process.
TABLE = load_parameters()
PRESETS = load_presets(table=TABLE)
TAB_CODES = ("results", "regions", "table", "compare", "analysis", "allocate", "method")
PRESENT = "present"  # the presentation view's code (the others are the tabs')
BASELINE_PRESET = "baseline"  # the first preset: no settings

# --- keys ---------------------------------------------------------------------------------
# Widgets (the key holds the widget's value).
LANG = "lang"
PRESET = "preset"
RESET = "reset"
UNDO = "undo"
REDO = "redo"
VIEW = "view"  # the tab bar: the open tab's label in the page language
EXACT_OPEN = "exact_open"  # the typed-values expander
EXACT_FORM = "exact"
ADVANCED = "advanced"  # the advanced-assumptions expander
SHARE_OPEN = "share_open"
DOWNLOAD_OPEN = "download_open"
DOWNLOAD_CHART = "dl_chart_name"
SAVE_NAME = "save_name"
COMPARE_OUTPUT = "compare_output"
TABLE_GROUP = "table_group"  # the table tab's group of outputs
CONTRIB_OUTPUT = "contrib_output"  # the results tab's waterfall: which output it splits
CONTRIB_SCENARIO = "contrib_scenario"  # the compare tab's waterfall: which scenario
ALLOC_FORM = "alloc_form"  # the budget allocation's request
ALLOC_BUDGET = "alloc_budget"
ALLOC_GOAL = "alloc_goal"
ALLOC_REGION = "alloc_region"
ALLOC_REGION_MIN = "alloc_region_min"
ALLOC_APPLY = "alloc_apply"
TARGET_OUTPUT = "target_output"
SENS_OUTPUT = "sens_output"
GOAL_FORM = "goal_form"
GOAL_OUTPUT = "goal_output"
GOAL_YEAR = "goal_year"
GOAL_TARGET = "goal_target"
GOAL_LEVER = "goal_lever"
# Fragments (each reruns alone when a widget inside it changes; a callback whose change
# reaches further reruns the fragments it reaches by key: see rerun_parts).
SCENARIO_FRAGMENT = "scenario"
PRESENT_FRAGMENT = "present"
PRESET_FRAGMENT = "preset_box"  # the preset box in the sidebar
SETTINGS_FRAGMENT = "settings"  # the typed values and the advanced assumptions
# What the session holds besides widgets.
OPENED = "_opened"  # the link has been read
VIEW_CODE = "view_code"  # the open tab or the presentation view, language-neutral (in the link)
SAVED = "saved"  # saved scenarios (list of Scenario)
SLIDE = "slide"  # presentation view: 0 the current scenario, k the k-th saved one
AUTHOR = "brief_author"  # the briefing's "prepared by"
NOTE = "brief_note"  # the briefing's note
AUTHOR_BOX = "_brief_author_box"  # the text boxes (their state goes when the popover closes)
NOTE_BOX = "_brief_note_box"
GOAL = "goal"  # the goal-seek answer (GoalAnswer, UnreadableTarget or None)
GOAL_APPLIED = "_goal_applied"  # the confirmation of an answer just applied
NOTICES = "_notices"  # typed-value notices: parameter name -> text
LINK_NOTICES = "_link_notices"  # repairs made to the opening link (simulator.links.Notice)
RESEND = "_resend"  # widget keys a callback wrote before a keyed rerun (see resend)
EXACT_SHOWN = "_exact_shown"  # parameter name -> the text its typed-value box was given
DRAGGING = "_dragging"  # this run shows a live lever's value on the way (not yet a step)
ACKS = "_lever_acks"  # parameter name -> sequence number of the last value a lever sent
UNDO_STEPS = "_history"  # undo: the scenarios shown, as Scenario.values tuples
UNDO_AT = "_history_at"  # undo: the index of the one shown now
# Components: the key holds the component's last message (cleared after the run), never a
# value of the scenario (a lever's value lives under the parameter's name alone).
BACK = "_back"  # the browser's Back and Forward (ui/undo.py)
SLIDE_KEYS = "slide_keys"  # the presentation's arrow keys
VIEW_STATE = "view_state"  # the scenario view's numbers (ui/view.py)
# Presentation view's buttons.
SLIDE_PREV = "slide_prev"
SLIDE_NEXT = "slide_next"
PRESENT_LANG = "present_lang"
PRESENT_BACK = "present_back"
SHOW = "chart_show"  # what the line charts draw: change, percent or level (in the link)
# Keyed choice widgets whose option labels are translated (re-sent on a language switch).
TRANSLATED_CHOICES = (
    PRESET,
    TARGET_OUTPUT,
    SENS_OUTPUT,
    COMPARE_OUTPUT,
    GOAL_OUTPUT,
    GOAL_LEVER,
    TABLE_GROUP,
    CONTRIB_OUTPUT,
    ALLOC_GOAL,
    ALLOC_REGION,
)


def lever_key(name: str) -> str:
    """The key of a policy instrument's live lever: what it last sent (the value itself
    lives under the parameter's name)."""
    return f"live_{name}"


def view_key(part: str) -> str:
    """The key of the scenario view ``part`` (headline, results or slide): the reader's
    last choice in it."""
    return f"view_{part}"


def sweep_key(lever: str) -> str:
    """The key of a policy lever's sweep (data only)."""
    return f"view_sweep_{lever}"


def exact_key(name: str) -> str:
    """The key of a lever's exact-value box."""
    return f"{name}__exact"


def target_value_key(output: str) -> str:
    """The key of the analysis tab's target box for ``output`` (one per output)."""
    return f"target_value_{output}"


def alloc_range_key(name: str) -> str:
    """The key of the budget allocation's range slider for instrument ``name``."""
    return f"alloc_range_{name}"


def alloc_request(
    values: dict[str, float],
) -> tuple[tuple, object, str, tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """The allocation the form asks for: the scenario's values, the budget (a number, or the
    text that is not one, for the allocation's own message), the goal and the limits as
    ``NAME=VALUE`` texts; None before a budget is given."""
    state = st.session_state
    text = str(state.get(ALLOC_BUDGET, "") or "").strip()
    if not text:
        return None
    budget = controls.parse_amount(text, lang())
    low, high = [], []
    for name in TABLE.policy:
        chosen = state.get(alloc_range_key(name))
        if chosen is None:
            continue
        param = TABLE[name]
        if chosen[0] > param.value:
            low.append(f"{name}={chosen[0]!r}")
        if chosen[1] < param.max:
            high.append(f"{name}={chosen[1]!r}")
    share = float(state.get(ALLOC_REGION_MIN, 0.0) or 0.0)
    if share > 0:
        low.append(f"jobs_share_{state.get(ALLOC_REGION, REGIONS[0])}={share!r}")
    pairs = tuple(sorted((k, v) for k, v in values.items() if v != TABLE[k].value))
    return (
        pairs,
        text if budget is None else budget,
        state.get(ALLOC_GOAL, "jobs"),
        (
            tuple(low),
            tuple(high),
        ),
    )


def on_alloc_apply(mix: tuple[tuple[str, float], ...]) -> None:
    """Make the allocation's best mix the scenario (its other settings kept)."""
    values = {**scenario_values(), **dict(mix)}
    apply_values(values)
    follow_preset()


def open_key(index: int) -> str:
    """The key of the n-th saved scenario's "open" button."""
    return f"open_{index}"


def remove_key(index: int) -> str:
    """The key of the n-th saved scenario's "remove" button."""
    return f"remove_{index}"


def headline_row_key(row: int) -> str:
    """The key of the n-th row of headline metrics (the page's style sizes them by key)."""
    return f"headline_row_{row}"


# --- goal-seek answers --------------------------------------------------------------------


@dataclass(frozen=True)
class UnreadableTarget:
    """The goal-seek target typed was not a number."""

    text: str


@dataclass(frozen=True)
class GoalAnswer:
    """A goal-seek answer and the scenario it holds for (values differing from the
    baseline); it is shown only while the levers still hold that scenario."""

    scenario: tuple[tuple[str, float], ...]
    found: analysis.GoalSeek


# --- the page context ---------------------------------------------------------------------


class Page(NamedTuple):
    """What every view is handed besides the scenario (read from the session once per
    run, so no view reads a global): the page language, the parameter table, the presets
    and the saved scenarios."""

    lang: str
    table: ParameterTable
    presets: Mapping[str, Preset]
    saved: tuple[Scenario, ...]


def page_context() -> Page:
    """The page context of this run."""
    return Page(lang(), TABLE, PRESETS, tuple(saved()))


# --- accessors ----------------------------------------------------------------------------


def lang() -> str:
    """The page language, Indonesian unless chosen otherwise."""
    chosen = st.session_state.get(LANG)
    return chosen if chosen in LANGS else DEFAULT_LANG


def current_values() -> dict[str, float]:
    """Every parameter's value as the widgets hold it."""
    return {name: float(st.session_state.get(name, TABLE[name].value)) for name in TABLE}


def scenario_values() -> dict[str, float]:
    """The widgets' values as the model runs them (shares over 100 % repaired)."""
    values, _ = session.validated(current_values(), TABLE, lang())
    return values


def on_phone() -> bool:
    """True when the browser says it is a phone (a "Mobi" user agent, as browsers use)."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent


def chart_show() -> str:
    """What the line charts draw: the change against the baseline (by default), the
    change in percent, or the levels."""
    chosen = st.session_state.get(SHOW)
    return chosen if chosen in SHOWS else DEFAULT_SHOW


def on_show(chosen: object) -> None:
    """The reader chose what the line charts draw (the view sent it)."""
    if chosen in SHOWS:
        st.session_state[SHOW] = chosen


def view_code() -> str:
    """The open tab or the presentation view, as a code."""
    return st.session_state.get(VIEW_CODE, DEFAULT_VIEW)


def saved() -> list[Scenario]:
    """The saved scenarios, in the order they were saved."""
    return st.session_state.get(SAVED, [])


def slide() -> int:
    """The slide the presentation view shows (0: the current scenario)."""
    return min(int(st.session_state.get(SLIDE, 0)), len(saved()))


def on_slide(step: int) -> None:
    """Show the previous (-1) or next (+1) slide, wrapping round."""
    total = len(saved()) + 1
    st.session_state[SLIDE] = (slide() + step) % total


def on_slide_key() -> None:
    """An arrow key stepped the presentation's slides (its component sent the step)."""
    step = (st.session_state.get(SLIDE_KEYS) or {}).get("step")
    if step in (-1, 1):
        on_slide(step)


def preset_name() -> str:
    """The preset chosen in the preset box."""
    return st.session_state[PRESET]


def typed_notices() -> dict[str, str]:
    """Notices about typed values that were not taken: parameter name -> text."""
    return st.session_state.get(NOTICES, {})


def link_notices() -> list[Notice]:
    """Repairs made to the link the session was opened with."""
    return st.session_state.get(LINK_NOTICES, [])


def goal() -> GoalAnswer | UnreadableTarget | None:
    """The goal-seek form's last answer."""
    return st.session_state.get(GOAL)


def tab_label(code: str) -> str:
    """The label of a tab in the page language."""
    return tr(f"tab_{code}", lang())


# --- the link: read once when a session opens, written after every run --------------------


def init_state() -> None:
    """On a session's first run: baseline everywhere, then whatever the link asks for."""
    state = st.session_state
    for name in TABLE.policy:  # the allocation's limits: each instrument's whole range
        state.setdefault(alloc_range_key(name), (TABLE[name].value, TABLE[name].max))
    state.setdefault(ALLOC_BUDGET, "1")
    if OPENED in state:
        return
    link = parse_query({k: st.query_params.get_all(k) for k in st.query_params}, TABLE)
    state[OPENED] = True
    open_link(link)


def open_link(link: LinkState) -> None:
    """Baseline everywhere, then the link's settings, language, view and saved scenarios,
    with its notices (also for a link Streamlit ignored whole: see ui/page_guard.py)."""
    state = st.session_state
    state[LANG] = link.lang
    set_view(link.view)
    state[SAVED] = list(link.saved)
    state[SLIDE] = link.slide
    state[AUTHOR] = link.author
    state[NOTE] = link.note
    state[SHOW] = link.show
    apply_values(link.scenario.as_dict())
    name_preset()
    state[LINK_NOTICES] = list(link.notices)


def link_pairs(scenario: Scenario, view: str) -> list[tuple[str, str]]:
    """The query pairs of this state: scenario, language, view, saved scenarios, the slide
    shown in the presentation view, and the briefing's author and note."""
    return to_query(
        scenario,
        lang=lang(),
        view=view,
        saved=saved(),
        slide=slide() if view == PRESENT else 0,
        author=st.session_state.get(AUTHOR, ""),
        note=st.session_state.get(NOTE, ""),
        show=chart_show(),
    )


def write_link(scenario: Scenario, view: str) -> None:
    """Put the state into the URL when it differs (defaults left out)."""
    want = as_multidict(link_pairs(scenario, view))
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    have = {k: v if len(v) > 1 else v[0] for k, v in have.items()}
    if have != want:
        st.query_params.from_dict(want)


def open_tab_label() -> None:
    """Give the tab bar the open tab's label on the first run of a tab view."""
    code = view_code()
    if code in TAB_CODES and st.session_state.get(VIEW) is None:
        st.session_state[VIEW] = tab_label(code)


def fill_exact_field(name: str) -> None:
    """Before the typed-value box of ``name`` is drawn: show the lever's value in it, in the
    page language. The box keeps the text last applied or shown (a typed draft stays in
    the browser until applied), so it is written only when the value or the language has
    changed since; no callback keeps it in step. The text shown is kept (EXACT_SHOWN): an
    untouched box is not read on submit."""
    shown = controls.number_text(TABLE[name], st.session_state[name], lang())
    st.session_state[EXACT_SHOWN] = {**st.session_state.get(EXACT_SHOWN, {}), name: shown}
    if st.session_state.get(exact_key(name)) != shown:
        st.session_state[exact_key(name)] = shown


def apply_values(values: dict[str, float]) -> None:
    """Set every parameter (baseline where ``values`` is silent) and clear notices."""
    for param in TABLE.values():
        st.session_state[param.name] = values.get(param.name, param.value)
    resend(*TABLE)
    st.session_state[NOTICES] = {}
    st.session_state[LINK_NOTICES] = []


# --- callbacks ----------------------------------------------------------------------------


def on_language() -> None:
    """Re-word what the session holds in the old language: typed values and the open tab."""
    # Slider labels change with the language; re-setting each value through Session State
    # makes Streamlit send it to the browser again, which would otherwise keep a stale thumb.
    for name in (*TABLE, *TRANSLATED_CHOICES):
        if name in st.session_state:
            st.session_state[name] = st.session_state[name]
    code = view_code()
    if code in TAB_CODES:
        st.session_state[VIEW] = tab_label(code)


def switch_language(code: str) -> None:
    """Switch the page to the language ``code`` (the presentation's language button)."""
    st.session_state[LANG] = code
    on_language()


def on_tab() -> None:
    """Remember the open tab as a language-neutral code (it goes into the link)."""
    for code in TAB_CODES:
        if st.session_state.get(VIEW) in (tr(f"tab_{code}", lg) for lg in LANGS):
            st.session_state[VIEW_CODE] = code


def on_preset() -> None:
    """Apply the chosen preset over the baseline."""
    name = st.session_state.get(PRESET)
    if name in PRESETS:
        apply_values(PRESETS[name].scenario.as_dict())
    # The box is a fragment of its own: the scenario and the assumptions follow by key.
    rerun_parts(PRESET_FRAGMENT, SETTINGS_FRAGMENT)


def on_reset() -> None:
    """Everything back to the baseline."""
    apply_values({})
    st.session_state[PRESET] = BASELINE_PRESET


def on_exact_submit() -> None:
    """Take the typed values that are valid; keep the others and say why. A box left as it
    was drawn is not read: the form is not redrawn when a lever moves, so its text may be
    a value the lever has left since (applying it would undo that move)."""
    notices = dict(typed_notices())
    shown = st.session_state.get(EXACT_SHOWN, {})
    for name in TABLE.policy:
        typed = st.session_state[exact_key(name)]
        notices.pop(name, None)
        if not str(typed or "").strip() or typed == shown.get(name):
            continue  # a field left empty or untouched keeps its lever (filled in again)
        parsed = controls.parse_typed(TABLE[name], typed, lang(), st.session_state[name])
        if parsed.notice:  # not taken, or taken as read with a word on how ("5,000")
            notices[name] = parsed.notice
        if parsed.value is not None:
            st.session_state[name] = parsed.value
    st.session_state[NOTICES] = notices
    follow_preset()
    rerun_parts(PRESET_FRAGMENT, SETTINGS_FRAGMENT)


def mark_drag() -> None:
    """Note that this run shows a value a lever sent while being dragged."""
    st.session_state[DRAGGING] = True


def end_drag() -> None:
    """A lever was let go: the run shows a step again."""
    st.session_state.pop(DRAGGING, None)


def take_drag() -> bool:
    """True when this run shows a value on the way of a drag (the link, the browser history
    and undo wait for the release). Read once per run: any other run is a step."""
    return bool(st.session_state.pop(DRAGGING, False))


def show_levers_slide() -> None:
    """A lever moved: in the presentation, the slide of the scenario the levers hold (the
    first) comes up, so a lever moved while a saved scenario's slide is shown is seen."""
    if view_code() == PRESENT:
        st.session_state[SLIDE] = 0


def on_slider(name: str) -> None:
    """A lever was set: its typed-value notice goes, and the preset it lands on is named."""
    show_levers_slide()
    notices = dict(typed_notices())
    notices.pop(name, None)
    st.session_state[NOTICES] = notices
    if follow_preset():
        # The box is a fragment of its own (drawn in the scenario's fragment, it made every
        # lever move slower): it reruns only when its choice changes.
        rerun_parts(PRESET_FRAGMENT)


def on_assumption() -> None:
    """An advanced assumption moved (in the settings fragment): the scenario's fragment
    follows."""
    rerun_parts(SETTINGS_FRAGMENT)


def matching_preset() -> str | None:
    """The preset the levers now hold exactly, if any."""
    return session.matching_preset(scenario_values(), PRESETS, TABLE)


def _choose_preset(name: str) -> bool:
    """Put ``name`` in the preset box; True when its choice changed. Written only then (a
    write sends the box its value again)."""
    if name == st.session_state.get(PRESET):
        return False
    st.session_state[PRESET] = name
    resend(PRESET)
    return True


def name_preset() -> None:
    """Name in the box the preset the levers now hold, or the baseline when they hold none:
    what a link to this state opens with (a link opened, undo, redo and Back restore a
    state; the box does not keep a choice the restored levers no longer show)."""
    _choose_preset(matching_preset() or BASELINE_PRESET)


def follow_preset() -> bool:
    """Name the preset the levers now hold, if any (the box keeps its choice otherwise);
    True when the box's choice changed."""
    found = matching_preset()
    return found is not None and _choose_preset(found)


def rerun_parts(*parts: str) -> NoReturn:
    """From a callback: rerun the fragment that shows the scenario (the tabs' or the
    presentation's) and the sidebar ``parts`` (fragment keys) that the callback's change
    reaches beyond the widget's own fragment - never the whole page."""
    shown = PRESENT_FRAGMENT if view_code() == PRESENT else SCENARIO_FRAGMENT
    st.rerun(list(dict.fromkeys((shown, *parts))))


def sets_scenario(callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, which sets the whole scenario (undo and redo, opening a saved scenario,
    applying a goal-seek answer or an allocation), followed by a rerun of what shows it: the
    scenario's fragment, the preset box and the typed values and advanced assumptions (in
    the sidebar, outside the fragment of the button that asked)."""

    def run(*args: Any) -> None:
        callback(*args)
        rerun_parts(PRESET_FRAGMENT, SETTINGS_FRAGMENT)

    run.__doc__ = callback.__doc__
    return run


def resend(*keys: str) -> None:
    """Mark widget values a callback wrote, to be sent to the browser again when drawn.
    Streamlit sends a widget a value written by a callback in the run that follows a whole
    page's interaction; the run a keyed ``st.rerun`` starts no longer counts the write as
    new (Streamlit 1.67), so the browser would keep showing the old value."""
    st.session_state[RESEND] = {*st.session_state.get(RESEND, ()), *keys}


def resent(key: str) -> None:
    """Just before the widget ``key`` is drawn: write its value again if a callback marked
    it (see :func:`resend`), so the browser gets it."""
    marked = st.session_state.get(RESEND, set())
    if key in marked:
        st.session_state[RESEND] = marked - {key}
        st.session_state[key] = st.session_state[key]


def on_save() -> None:
    """Save the current scenario under the typed name (or a numbered default)."""
    scenarios = list(saved())
    if len(scenarios) >= MAX_SAVED:
        return
    name = clean_name(st.session_state.get(SAVE_NAME, "")) or tr(
        "save_default_name", lang(), n=len(scenarios) + 1
    )
    scenarios.append(Scenario.from_mapping(scenario_values(), name=name, table=TABLE))
    st.session_state[SAVED] = scenarios
    st.session_state[SAVE_NAME] = ""


def on_remove(index: int) -> None:
    """Drop one saved scenario."""
    scenarios = list(saved())
    if 0 <= index < len(scenarios):
        scenarios.pop(index)
    st.session_state[SAVED] = scenarios


def on_open(index: int) -> None:
    """Load a saved scenario into the levers."""
    scenarios = saved()
    if 0 <= index < len(scenarios):
        apply_values(scenarios[index].as_dict())
        follow_preset()


def on_goal_seek() -> None:
    """Run the goal-seek form's search and keep the answer with the scenario it holds for."""
    values = scenario_values()
    text = st.session_state.get(GOAL_TARGET, "")
    target = controls.parse_amount(text, lang())
    if target is None:
        st.session_state[GOAL] = UnreadableTarget(text)
        return
    found = analysis.goal_seek(
        values,
        output=st.session_state[GOAL_OUTPUT],
        year=int(st.session_state[GOAL_YEAR]),
        target=target,
        lever=st.session_state[GOAL_LEVER],
        table=TABLE,
    )
    scenario = Scenario.from_mapping(values, table=TABLE).values
    st.session_state[GOAL] = GoalAnswer(scenario, found)


def on_goal_apply() -> None:
    """Put the goal-seek answer into its lever."""
    answer = goal()
    if isinstance(answer, GoalAnswer) and answer.found.value is not None:
        param = TABLE[answer.found.lever]
        st.session_state[answer.found.lever] = answer.found.value
        st.session_state[GOAL] = None
        st.session_state[GOAL_APPLIED] = tr(
            "goal_applied",
            lang(),
            lever=param.label(lang()),
            value=controls.value_label(param, answer.found.value, lang()),
        )
        follow_preset()


def set_view(code: str) -> None:
    """Switch to a view by code (presentation mode or a tab)."""
    st.session_state[VIEW_CODE] = code
    if code in TAB_CODES:
        st.session_state[VIEW] = tab_label(code)


def dismiss_notices() -> None:
    """Hide the notices about the opening link and typed values."""
    st.session_state[LINK_NOTICES] = []
    st.session_state[NOTICES] = {}


def copy_box(box: str, target: str, link_key: str) -> None:
    """Keep what a text box holds under ``target`` (it outlives the box), as the link will
    carry it (one line, at most the link's limit for ``link_key``)."""
    st.session_state[target] = clean_text(st.session_state.get(box, ""), TEXT_KEYS[link_key])
