"""The page as a user drives it, through Streamlit's AppTest (no browser)."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from simulator import load_presets
from simulator.history import load_history
from simulator.i18n import TEXT, tr
from simulator.params import load_parameters
from tests import shown
from tests.levers import app_test, move_lever

RP_ID = re.compile(r"^Rp\d{1,3}(\.\d{3})*,\d{2} triliun$")
OTHER_INSTRUMENTS = ("new_units", "online_adoption", "sales_place_units")
RP_EN = re.compile(r"^Rp \d{1,3}(,\d{3})*\.\d{2} trillion$")


def fresh(lang: str = "id", **query: str | list[str]) -> AppTest:
    """A new session of the app opened with ``query`` as its link, run once, in ``lang``."""
    at = app_test()
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if lang != "id":
        at.segmented_control(key="lang").set_value(lang)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric(at: AppTest, label_key: str, lang: str = "id") -> shown.Card:
    """The headline card whose label is ``label_key`` in ``lang`` (as the browser's view
    paints it from what the page sent)."""
    label = TEXT[label_key][0 if lang == "id" else 1]
    return next(m for m in shown.cards(at) if m.label == label)


def number(text: str, lang: str = "id") -> float:
    """The first number in a formatted text, read in ``lang``'s convention."""
    match = re.search(r"-?\d[\d.,]*", text)
    assert match, text
    raw = match.group(0).rstrip(".,")
    raw = raw.replace(".", "").replace(",", ".") if lang == "id" else raw.replace(",", "")
    return float(raw)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_runs_in_both_languages(lang):
    """The page runs without exception and formats rupiah in the language's convention."""
    at = fresh(lang)
    pattern = RP_ID if lang == "id" else RP_EN
    production = metric(at, "out_production_rp_tn", lang)
    assert pattern.match(production.value), production.value
    assert at.title[0].value == TEXT["app_title"][0 if lang == "id" else 1]
    labels = {m.label for m in shown.cards(at)}
    other = 1 if lang == "id" else 0
    assert not labels & {TEXT[k][other] for k in TEXT if TEXT[k][0] != TEXT[k][1]}


def test_indonesian_page_shows_no_english_labels():
    """Slider labels, tabs and metrics on the Indonesian page are the Indonesian texts."""
    at = fresh("id")
    tab_labels = [t.label for t in at.tabs]
    assert tab_labels == [
        "Hasil",
        "Wilayah",
        "Tabel",
        "Bandingkan",
        "Analisis",
        "Alokasi anggaran",
        "Metodologi",
    ]
    # The instruments' live levers are checked in the browser (tests/test_browser_live.py).
    assert at.select_slider(key="end_year").label == "Tahun akhir proyeksi"
    assert at.select_slider(key="end_year").format_func(2030.0) == "2030"


@pytest.mark.parametrize(
    ("lever", "value", "rises"),
    [
        ("investment", 5.6, ("out_production_rp_tn", "out_value_added_rp_tn", "out_jobs")),
        ("new_units", 2000.0, ("out_units", "out_production_rp_tn", "out_jobs")),
        ("online_adoption", 75.0, ("out_online_sales_rp_tn", "out_production_rp_tn", "out_jobs")),
        ("sales_place_units", 5000.0, ("out_production_rp_tn", "out_jobs")),
    ],
)
def test_moving_a_lever_raises_its_headlines(lever, value, rises):
    """Raising each main lever raises the headline numbers it drives, shown with a + delta."""
    at = fresh()
    before = {key: number(metric(at, key).value) for key in rises}
    move_lever(at, lever, value)
    at.run()
    assert not at.exception
    for key in rises:
        shown = metric(at, key)
        assert number(shown.value) > before[key], (lever, key, shown.value)
        assert shown.delta.startswith("+"), (lever, key, shown.delta)


def test_lowering_investment_lowers_production():
    """Zero added investment gives a lower production than the baseline, with a - delta."""
    at = fresh()
    move_lever(at, "investment", 0.0)
    at.run()
    shown = metric(at, "out_production_rp_tn")
    assert shown.delta.startswith("-")


def test_end_year_moves_the_headline_year():
    """The headline speaks of the chosen end year."""
    at = fresh()
    at.select_slider(key="end_year").set_value(2040.0)
    at.run()
    assert any("2040" in h.value for h in at.header)


def opened_typed_values():
    """A fresh page with the typed-values expander open, as a click would open it."""
    at = fresh()
    at.session_state["exact_open"] = True
    at.run()
    return at


def type_and_apply(at, **fields: str) -> None:
    """Type ``fields`` (parameter name -> text) into their boxes and press "Terapkan"."""
    for name, text in fields.items():
        at.text_input(key=f"{name}__exact").input(text)
    at.button(key="FormSubmitter:exact-Terapkan").click()
    at.run()


def test_typed_value_sets_the_lever_and_bad_text_gives_notice():
    """An exact typed value moves the slider; text that is no number leaves a notice."""
    at = opened_typed_values()
    assert at.text_input(key="investment__exact").value == "2,8"
    type_and_apply(at, investment="7,25", new_units="1.250")
    assert at.session_state["investment"] == 7.25
    assert at.session_state["new_units"] == 1250
    type_and_apply(at, investment="banyak")
    assert at.session_state["investment"] == 7.25
    assert any("bukan angka" in w.value for w in at.warning)
    type_and_apply(at, investment="99")
    assert any("di luar rentang" in w.value for w in at.warning)
    assert not at.exception


def test_an_emptied_typed_field_keeps_its_lever_without_a_notice():
    """Clearing a field and applying leaves that lever where it was, with no "'' is not a
    number" notice, and fills the field in again; the other fields still apply."""
    at = opened_typed_values()
    type_and_apply(at, investment="   ", new_units="500")
    assert at.session_state["investment"] == 2.8
    assert at.session_state["new_units"] == 500
    assert not any("bukan angka" in w.value for w in at.warning)
    assert at.text_input(key="investment__exact").value == "2,8"
    assert not at.exception


def test_preset_then_reset():
    """Choosing a preset sets its levers; reset brings every lever back to the baseline."""
    at = fresh()
    preset = load_presets()["paket_lengkap"]
    at.selectbox(key="preset").set_value("paket_lengkap")
    at.run()
    for name, value in preset.scenario.values:
        assert at.session_state[name] == value, name
    assert metric(at, "out_production_rp_tn").delta.startswith("+")
    at.button(key="reset").click()
    at.run()
    assert at.session_state["investment"] == 2.8
    assert metric(at, "out_production_rp_tn").delta == ""
    assert at.selectbox(key="preset").value == "baseline"


def test_sentence_names_the_policy_and_the_change():
    """The sentence states the lever and the change against the baseline in Indonesian."""
    at = fresh()
    move_lever(at, "investment", 5.6)
    at.run()
    text = shown.sentence(at)
    assert "Dengan investasi bruto Rp5,6 triliun per tahun" in text
    assert "lebih tinggi daripada skenario dasar" in text
    assert "untuk setiap tahun kerja bersih tambahan" in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_methodology_tab_renders(lang):
    """The methodology tab shows the text and the full parameter table."""
    at = fresh(lang, view="method")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert ("Metodologi" if lang == "id" else "Methodology") in text
    assert len(at.dataframe) >= 1
    assert len(at.dataframe[-1].value) >= 25
    # Every published figure's address, beside its citation (the PDF points here for them).
    address = tr("src_address", lang)
    (sources,) = [d.value for d in at.dataframe if address in d.value.columns]
    history = load_history().table()
    assert set(sources[address]) == set(history["source_url"])


@pytest.mark.parametrize("view", ["regions", "table", "compare"])
def test_other_tabs_render(view):
    """The regions, table and compare tabs render without exception and show a table."""
    at = fresh(view=view)
    assert not at.exception
    assert len(at.dataframe) + len(at.table) >= 1


def test_share_conflict_gives_notice_not_traceback():
    """West + East Java shares over 100 % give a notice and the page keeps working."""
    at = fresh()
    at.session_state["new_units_share_jabar"] = 90.0
    at.run()
    assert not at.exception
    assert any("lebih dari 100%" in w.value for w in at.warning)


def test_both_share_conflicts_give_two_notices_not_traceback():
    """Existing and new units' shares both over 100 % give one notice each (the page used to
    stop at the second pair)."""
    at = fresh()
    at.session_state["base_share_jabar"] = 70.0
    at.session_state["new_units_share_jabar"] = 90.0
    at.run()
    assert not at.exception
    assert sum("lebih dari 100%" in w.value for w in at.warning) == 2


def test_language_switch_keeps_scenario_and_open_tab():
    """Switching language keeps the levers and the open tab."""
    at = fresh(view="table")
    move_lever(at, "investment", 5.6)
    at.run()  # a lever move reruns only the keyed fragments
    at.run()  # the whole page, as the browser holds it
    assert at.session_state["view"] == "Tabel"
    at.segmented_control(key="lang").set_value("en")
    at.run()
    assert at.session_state["view"] == "Table"
    assert at.session_state["investment"] == 5.6
    at.session_state["exact_open"] = True
    at.run()
    assert at.text_input(key="investment__exact").value == "5.6"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_analysis_tab_shows_bands_chance_tornado_and_goal_seek(lang):
    """The analysis tab shows fan charts, chances, the tornado and a working goal-seek."""
    at = fresh(lang, view="analysis", investment="5.6")
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join(m.value for m in at.markdown)
    assert ("Peluang tambahan" if lang == "id" else "Chance that the gain") in text
    # A chance about the effect, not a certainty that restates the arithmetic.
    chance = re.search(r"(\d+)%\*\*$", text)
    assert chance, text[-200:]
    assert 0 < int(chance.group(1)) < 100, text[-200:]
    at.text_input(key="goal_target").input("36,0" if lang == "id" else "36.0")
    submit = next(b for b in at.button if b.label in ("Cari", "Find"))
    submit.click()
    at.run()
    assert not at.exception
    assert len(at.success) == 1
    apply = next(
        b for b in at.button if b.label in ("Terapkan ke skenario", "Apply to the scenario")
    )
    apply.click()
    at.run()
    production = metric(at, "out_production_rp_tn", lang)
    assert number(production.value, lang) == pytest.approx(36, rel=0.005)


def test_analysis_says_why_the_median_differs_from_the_headline():
    """Doubled investment: the median of production's effect lies more than 5 % from the
    headline's, and one line under the range says why, naming the assumption the analysis
    finds most uneven; with every lever at the baseline there is no such line."""
    from simulator import analysis
    from simulator.params import load_parameters

    at = fresh(view="analysis", investment="5.6")
    param = analysis.skew_source({"investment": 5.6}, "production_rp_tn")
    assert param is not None
    label = load_parameters()[param].label("id")
    notes = [c.value for c in at.caption if "nilai tengah simulasi" in c.value]
    assert len(notes) == 1, [c.value for c in at.caption]
    assert label in notes[0]
    at = fresh(view="analysis")
    assert not [c.value for c in at.caption if "nilai tengah simulasi" in c.value]


def test_goal_seek_out_of_reach_is_said_plainly():
    """A target the lever cannot reach gives a warning naming the closest value."""
    at = fresh(view="analysis")
    at.text_input(key="goal_target").input("600")
    next(b for b in at.button if b.label == "Cari").click()
    at.run()
    assert not at.exception
    assert any("Target tidak tercapai" in w.value for w in at.warning)


def test_lever_move_updates_headline_marks_charts_and_link():
    """A lever move redraws everything the scenario fragment holds: the headline cards, the
    lever's "changed" mark, the open tab's charts and the link, and leaves the title, the tab
    bar and the other sidebar widgets as they were. (What it re-sends is measured by
    bench/bench_messages.py.)"""
    at = fresh()
    before = [m.value for m in shown.cards(at)]
    marks = len(at.sidebar.caption)
    outside = (
        at.title[0].value,
        [t.label for t in at.tabs],
        at.session_state["view"],
        at.segmented_control(key="lang").value,
        at.selectbox(key="preset").value,
        [s.value for s in at.select_slider],
        [at.session_state[name] for name in OTHER_INSTRUMENTS],
    )
    assert "investment" not in at.query_params
    move_lever(at, "investment", 5.0)
    at.run()
    assert not at.exception
    assert [m.value for m in shown.cards(at)] != before
    assert (
        at.title[0].value,
        [t.label for t in at.tabs],
        at.session_state["view"],
        at.segmented_control(key="lang").value,
        at.selectbox(key="preset").value,
        [s.value for s in at.select_slider],
        [at.session_state[name] for name in OTHER_INSTRUMENTS],
    ) == outside
    assert len(shown.cards(at)) == len(before)
    # "● diubah (skenario dasar …)" under the lever, "● Berbeda dari skenario ini pada: …"
    # under the levers.
    assert len(at.sidebar.caption) == marks + 2
    assert len(shown.charts(at)) == 5
    assert at.query_params["investment"] == "5"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_link_or_a_move_landing_on_a_preset_names_it(lang):
    """A link that is exactly a preset shows that preset, unmarked; a move onto a preset
    names it; a move off it says which instrument differs."""
    at = fresh(lang, investment="5.6")
    assert at.selectbox(key="preset").value == "investasi_ganda"
    prefix = TEXT["preset_changed"][0 if lang == "id" else 1].split("{")[0]
    assert not [c.value for c in at.sidebar.caption if c.value.startswith(prefix)]
    move_lever(at, "investment", 5.0)
    at.run()
    label = load_parameters()["investment"].label(lang)
    notes = [c.value for c in at.sidebar.caption if c.value.startswith(prefix)]
    assert len(notes) == 1
    assert label in notes[0]
    # Onto the baseline by the typed value (a live lever's release does the same in the
    # browser: tests/test_browser_live.py).
    at.session_state["exact_open"] = True
    at.run()
    at.text_input(key="investment__exact").input("2,8" if lang == "id" else "2.8")
    at.button(key=f"FormSubmitter:exact-{tr('apply', lang)}").click()
    at.run()
    at.run()
    assert at.selectbox(key="preset").value == "baseline"


def test_undo_names_the_preset_the_restored_levers_hold_or_the_baseline():
    """Undo and redo restore a state, and the preset box says what a link to that state
    opens with: the preset its levers hold, or the baseline (not the preset chosen after
    it, whose values the levers no longer show)."""
    at = fresh()
    move_lever(at, "investment", 3.0)
    at.run()
    at.selectbox(key="preset").set_value("esmart_75")
    at.run()
    at.button(key="undo").click()
    at.run()
    assert at.session_state["investment"] == 3.0
    assert at.selectbox(key="preset").value == "baseline"
    at.button(key="redo").click()
    at.run()
    assert at.selectbox(key="preset").value == "esmart_75"
