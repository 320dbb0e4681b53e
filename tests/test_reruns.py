"""What a change reruns (issue 25 item 6): a widget inside a fragment never reruns the whole
page. A change that reaches beyond its widget's fragment (a preset, undo, typed values, an
assumption, opening a saved scenario, a goal-seek answer, an allocation) reruns the
fragments it reaches, by key: the scenario's (headline, levers, open tab) and the sidebar's
preset box and settings.

AppTest's tree holds what a run drew, so a run that drew the page's title was a whole-page
run; these tests use AppTest as it is (not tests.levers.app_test, which runs the page once
more after a keyed run). That the browser shows the values such a run sends is tested in
tests/test_browser_room.py.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from simulator import load_parameters, load_presets
from simulator.i18n import tr
from tests import shown
from tests.levers import APP, move_lever
from ui import state

TABLE = load_parameters()
PRESETS = load_presets(table=TABLE)


def opened(**query: str | list[str]) -> AppTest:
    """A session opened with ``query`` as its link, run once (a whole-page run)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert drew_whole_page(at)
    return at


def drew_whole_page(at: AppTest) -> bool:
    """True when the last run drew the page's frame (its title and language switch)."""
    return bool(at.title) or any(w.key == state.LANG for w in at.segmented_control)


def headline(at: AppTest) -> str:
    """The first headline card's value, as the browser paints it from this run's data."""
    return shown.cards(at)[0].value


def keyed(at: AppTest, before: str) -> None:
    """The last run reran fragments only, without an error, and its headline shows a
    scenario other than ``before``'s."""
    assert not at.exception, [e.value for e in at.exception]
    assert not drew_whole_page(at)
    assert headline(at) != before


def test_choosing_a_preset_reruns_the_box_the_scenario_and_the_settings():
    at = opened()
    before = headline(at)
    at.selectbox(key=state.PRESET).set_value("paket_lengkap").run()
    keyed(at, before)
    assert at.selectbox(key=state.PRESET).value == "paket_lengkap"
    for name, value in PRESETS["paket_lengkap"].scenario.values:
        assert at.session_state[name] == value, name


def test_undo_and_redo_rerun_the_fragments_they_reach():
    at = opened()
    baseline = headline(at)
    move_lever(at, "investment", 5.6)
    at.run()
    moved = headline(at)
    at.button(key=state.UNDO).click().run()
    keyed(at, moved)
    assert at.session_state["investment"] == TABLE["investment"].value
    assert headline(at) == baseline
    # The preset box is in the run: it was rerun with the scenario (and named the baseline).
    assert at.selectbox(key=state.PRESET).value == state.BASELINE_PRESET
    at.button(key=state.REDO).click().run()
    keyed(at, baseline)
    assert headline(at) == moved


def test_typed_values_rerun_their_fragment_and_the_scenario():
    at = opened()
    before = headline(at)
    at.session_state[state.EXACT_OPEN] = True
    at.run()
    at.text_input(key=state.exact_key("investment")).input("5,6")
    at.button(key=f"FormSubmitter:{state.EXACT_FORM}-{tr('apply', 'id')}").click().run()
    keyed(at, before)
    assert at.session_state["investment"] == 5.6
    # Landing on a preset's values names it: the preset box was rerun too.
    assert at.selectbox(key=state.PRESET).value == "investasi_ganda"


def test_an_advanced_assumption_reruns_its_fragment_and_the_scenario():
    at = opened()
    at.session_state[state.ADVANCED] = True
    at.run()
    before = headline(at)
    name = "demand_growth_domestic"
    param = TABLE[name]
    other = param.max if param.value != param.max else param.min
    at.select_slider(key=name).set_value(other).run()
    keyed(at, before)
    assert at.session_state[name] == other


def test_opening_a_saved_scenario_reruns_the_fragments_it_reaches():
    at = opened(view="compare", s="A|investment=5.6")
    before = headline(at)
    at.button(key=state.open_key(0)).click().run()
    keyed(at, before)
    assert at.session_state["investment"] == 5.6


def test_applying_an_allocation_reruns_the_fragments_it_reaches():
    at = opened(view="allocate")
    before = headline(at)
    at.button(key=state.ALLOC_APPLY).click().run()
    keyed(at, before)
    assert any(at.session_state[n] != TABLE[n].value for n in TABLE.policy)


def test_applying_a_goal_seek_answer_reruns_the_fragments_it_reaches():
    at = opened(view="analysis", investment="5.6")
    before = headline(at)
    at.text_input(key=state.GOAL_TARGET).input("36,0")
    next(b for b in at.button if b.label == tr("goal_run", "id")).click().run()
    assert len(at.success) == 1
    next(b for b in at.button if b.label == tr("goal_apply", "id")).click().run()
    keyed(at, before)
