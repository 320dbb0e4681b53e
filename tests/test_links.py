"""Shareable links: round trips and hostile query strings (hypothesis)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from hypothesis import given
from hypothesis import strategies as st

from simulator import Scenario
from simulator.i18n import LANGS
from simulator.links import (
    MAX_SAVED,
    VIEWS,
    clean_name,
    decode_scenario,
    encode_scenario,
    parse_query,
    to_query,
)
from tests.strategies import TABLE, scenarios

names = st.text(min_size=1, max_size=80).map(clean_name).filter(bool)


@st.composite
def link_states(draw):
    """A scenario, a language, a view and up to three saved named scenarios."""
    scenario = Scenario.from_mapping(draw(scenarios()))
    saved = [
        Scenario.from_mapping(draw(scenarios()), name=draw(names))
        for _ in range(draw(st.integers(0, 3)))
    ]
    return scenario, draw(st.sampled_from(LANGS)), draw(st.sampled_from(VIEWS)), saved


@given(link_states())
def test_state_to_query_string_and_back_is_identity(state):
    """scenario -> query string -> scenario is the identity, with lang, view and saved set."""
    scenario, lang, view, saved = state
    query = urlencode(to_query(scenario, lang=lang, view=view, saved=saved))
    parsed = parse_query(parse_qsl(query, keep_blank_values=True))
    assert parsed.notices == ()
    assert parsed.scenario == scenario
    assert parsed.lang == lang
    assert parsed.view == view
    assert parsed.saved == tuple(saved)


def test_defaults_are_left_out():
    """The baseline in Indonesian on the results view is the empty query."""
    assert to_query(Scenario()) == []
    assert to_query(Scenario.from_mapping({"investment": 5.6})) == [("investment", "5.6")]


query_text = st.text(max_size=300)
hostile_values = st.one_of(
    st.text(max_size=100),
    st.sampled_from(
        [
            "",
            "nan",
            "inf",
            "-inf",
            "1e400",
            "<script>alert(1)</script>",
            "5,6",
            "0x10",
            " 7 ",
            "9" * 500,
            "2030.5",
            "-1",
            "1e-400",
            "None",
            "[]",
            "%00",
        ]
    ),
)
keys = st.one_of(st.sampled_from([*TABLE, "lang", "view", "s", "foo", ""]), st.text(max_size=20))


@given(st.lists(st.tuples(keys, hostile_values), max_size=30))
def test_any_query_gives_a_valid_state_never_an_exception(pairs):
    """Whatever a link carries, parsing yields a runnable scenario, a language and a view."""
    state = parse_query(pairs)
    values = state.scenario.full_values()
    for name, value in values.items():
        assert TABLE[name].min <= value <= TABLE[name].max
    assert values["base_share_jabar"] + values["base_share_jatim"] <= 100 + 1e-9
    assert values["new_units_share_jabar"] + values["new_units_share_jatim"] <= 100 + 1e-9
    assert state.lang in LANGS
    assert state.view in VIEWS
    assert len(state.saved) <= MAX_SAVED
    for notice in state.notices:
        for lang in LANGS:
            assert notice.text(lang)


@given(query_text)
def test_any_raw_query_string_parses(raw):
    """A raw query string of any characters parses without exception."""
    parse_query(parse_qsl(raw, keep_blank_values=True))


def test_each_repair_leaves_a_notice():
    """Unknown, not-a-number, out-of-range, repeated and share problems each give a notice."""
    state = parse_query(
        [
            ("foo", "1"),
            ("investment", "abc"),
            ("online_adoption", "500"),
            ("end_year", "2031"),
            ("end_year", "2035"),
            ("new_units_share_jabar", "90"),
            ("lang", "fr"),
            ("view", "nope"),
            ("s", "broken"),
        ]
    )
    codes = sorted(n.code for n in state.notices)
    assert codes == sorted(
        [
            "unknown",
            "not_number",
            "clamped",
            "repeated",
            "shares",
            "bad_lang",
            "bad_view",
            "bad_scenario",
        ]
    )
    assert state.scenario.as_dict() == {"online_adoption": 100.0, "end_year": 2035.0}
    text = next(n for n in state.notices if n.code == "clamped").text("id")
    assert "Unit mikro dan kecil yang berjualan daring pada tahun target" in text
    assert "dipakai 100" in text


def test_saved_scenario_encoding_is_compact_and_readable():
    """One saved scenario reads as name|NAME=VALUE;NAME=VALUE."""
    scenario = Scenario.from_mapping({"investment": 5.6, "online_adoption": 50}, name="Dua kali")
    assert encode_scenario(scenario) == "Dua kali|investment=5.6;online_adoption=50"
    again, notices = decode_scenario(encode_scenario(scenario))
    assert again == scenario
    assert notices == []


def test_script_in_a_name_is_kept_as_text():
    """A name with markup survives as plain text (the page escapes it when shown)."""
    scenario, _ = decode_scenario("<script>alert(1)</script>|investment=5")
    assert scenario is not None
    assert scenario.name == "<script>alert(1)</script>"
