"""Links, comparison and presentation through AppTest: the link is the scenario."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from simulator import Scenario
from simulator import formatting as fmt
from simulator.cli import main as cli
from simulator.links import to_query
from tests import shown
from tests.levers import app_test, move_lever
from tests.strategies import scenarios


def open_link(pairs: list[tuple[str, str]]) -> AppTest:
    """A fresh session opened with the given query pairs."""
    at = app_test()
    grouped: dict[str, list[str]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    for key, values in grouped.items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    at.run()
    return at


def cli_end_year(scenario: Scenario) -> dict:
    """The CLI's end-year row for a scenario."""
    out = io.StringIO()
    args = ["run", "--format", "json"]
    for item in scenario.assignments():
        args += ["--set", item]
    with redirect_stdout(out):
        assert cli(args) == 0
    return json.loads(out.getvalue())[-1]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.sampled_from(["id", "en"]))
def test_link_reopens_the_numbers_the_cli_gives(values, lang):
    """An app opened from a scenario's link shows the CLI's end-year headline numbers."""
    scenario = Scenario.from_mapping(values)
    at = open_link(to_query(scenario, lang=lang))
    assert not at.exception, [e.value for e in at.exception]
    row = cli_end_year(scenario)
    cards = {m.label: m.value for m in shown.cards(at)}
    production = "Nilai produksi" if lang == "id" else "Production value"
    jobs = "Tenaga kerja langsung" if lang == "id" else "Direct jobs"
    assert cards[production] == fmt.rp_tn(row["production_rp_tn"], lang)
    assert cards[jobs] == fmt.count(row["jobs"], lang, "jobs")


def test_moving_a_lever_writes_the_link_and_defaults_stay_out():
    """The URL carries changed levers only, in language-independent numbers."""
    at = open_link([("lang", "en")])
    assert dict(at.query_params) == {"lang": "en"}
    move_lever(at, "investment", 5.6)
    at.run()
    assert dict(at.query_params) == {"investment": "5.6", "lang": "en"}
    move_lever(at, "investment", 2.8)
    at.run()
    assert dict(at.query_params) == {"lang": "en"}


HOSTILE = [
    [("investment", "abc")],
    [("investment", "1e999")],
    [("investment", "-5")],
    [("online_adoption", "500"), ("online_adoption", "20")],
    [("end_year", "2030.5")],
    [("end_year", "")],
    [("foo", "bar"), ("lang", "xx")],
    [("view", "<script>alert(1)</script>")],
    [("investment", "<script>alert(1)</script>")],
    [("investment", "9" * 5000)],
    [("s", "<b>x</b>|investment=abc;bogus=1")],
    [("s", "no-separator")],
    [("new_units_share_jabar", "90"), ("new_units_share_jatim", "40")],
    [("exchange_rate", "nan")],
]


@pytest.mark.parametrize("pairs", HOSTILE, ids=lambda p: p[0][0] + "-" + p[0][1][:12])
def test_hostile_links_give_notices_not_exceptions(pairs):
    """Each bad link opens the page with a notice and no exception element."""
    at = open_link(pairs)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.warning) >= 1
    assert len(shown.cards(at)) == 8
    for warning in at.warning:
        assert "<script>" not in warning.value


def test_script_in_saved_name_is_shown_as_text():
    """A saved scenario named with a script tag appears escaped, never as markup."""
    at = open_link([("view", "compare"), ("s", "<script>alert(1)</script>|investment=5")])
    assert not at.exception
    texts = [m.value for m in at.markdown]
    assert any("&lt;script&gt;" in t for t in texts)
    assert not any("<script>" in t for t in texts)
    assert "<script>alert(1)</script>" in at.dataframe[0].value.iloc[:, 0].tolist()


def test_compare_saves_and_lists_scenarios():
    """Saving two scenarios lists them and puts them in the comparison table and link."""
    at = open_link([("view", "compare")])
    move_lever(at, "investment", 5.6)
    at.text_input(key="save_name").input("Dua kali")
    save_button = next(b for b in at.button if b.label == "Simpan skenario ini")
    save_button.click()
    at.run()
    move_lever(at, "online_adoption", 50.0)
    at.run()
    next(b for b in at.button if b.label == "Simpan skenario ini").click()
    at.run()
    assert not at.exception
    saved = at.session_state["saved"]
    assert [s.name for s in saved] == ["Dua kali", "Skenario 2"]
    table = at.dataframe[0].value
    assert len(table) == 4
    assert at.query_params["s"] == [
        "Dua kali|investment=5.6",
        "Skenario 2|investment=5.6;online_adoption=50",
    ]


def test_comparison_link_reopens_the_set():
    """A link with s= entries reopens every saved scenario."""
    at = open_link([("view", "compare"), ("s", "A|investment=5.6"), ("s", "B|online_adoption=60")])
    assert not at.exception
    assert [s.name for s in at.session_state["saved"]] == ["A", "B"]
    assert len(at.dataframe[0].value) == 4


def test_presentation_mode_and_back():
    """view=present shows four numbers and two charts; the button returns to editing."""
    at = open_link([("view", "present"), ("investment", "5.6")])
    assert not at.exception
    assert len(shown.cards(at)) == 4
    assert len(shown.charts(at)) == 2
    back = next(b for b in at.button if b.label == "Kembali ke penyuntingan")
    back.click()
    at.run()
    assert at.session_state["view_code"] == "results"
    assert len(shown.cards(at)) == 8
    assert "view" not in at.query_params


def test_a_lever_moved_in_the_presentation_strip_can_be_undone():
    """The presentation's lever strip moves the current scenario; undo takes the move back
    there too (the strip's undo button was never enabled)."""
    at = open_link([("view", "present")])
    assert at.button(key="undo").disabled
    move_lever(at, "investment", 5.6)
    at.run()
    assert not at.button(key="undo").disabled
    at.button(key="undo").click()
    at.run()
    assert at.session_state["investment"] == 2.8
    assert not at.exception


def test_a_strip_lever_moved_on_a_saved_scenarios_slide_brings_up_the_current_slide():
    """On a saved scenario's slide the strip's levers still move the current scenario: a
    lever moved there brings up the current scenario's slide, where the move shows."""
    at = open_link(
        [("view", "present"), ("s", "Rencana A|investment=8"), ("slide", "1"), ("lang", "en")]
    )
    assert "Rencana A" in at.subheader[0].value
    at.select_slider(key="end_year").set_value(2035).run()
    assert not at.exception
    assert at.session_state["slide"] == 0
    assert "Rencana A" not in at.subheader[0].value
    assert at.query_params.get("slide") is None
