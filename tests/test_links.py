"""Shareable links: round trips and hostile query strings (hypothesis)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import Scenario
from simulator.controls import shows_as_baseline
from simulator.i18n import LANGS
from simulator.links import (
    MAX_FIELDS,
    MAX_QUERY_CHARS,
    MAX_SAVED,
    VIEWS,
    clean_name,
    decode_scenario,
    encode_scenario,
    oversized,
    parse_oversized,
    parse_query,
    to_query,
)
from tests.strategies import TABLE, scenarios

names = st.text(min_size=1, max_size=80).map(clean_name).filter(bool)


def as_held(values: dict) -> dict:
    """Values as the page holds them: none that displays the same as its baseline (such a
    value is the baseline, see test_a_value_shown_as_the_baseline_is_the_baseline)."""
    return {k: v for k, v in values.items() if not shows_as_baseline(TABLE[k], v)}


@st.composite
def link_states(draw):
    """A scenario, a language, a view and up to three saved named scenarios."""
    scenario = Scenario.from_mapping(as_held(draw(scenarios())))
    saved = [
        Scenario.from_mapping(as_held(draw(scenarios())), name=draw(names))
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
    assert "Unit skala mikro dan kecil yang berjualan daring pada tahun target" in text
    assert "nilai yang digunakan 100%" in text  # with the parameter's unit
    assert "rentang 0% sampai 100%" in text


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


@pytest.mark.parametrize("junk", [250, 850, 999])
def test_levers_after_junk_are_read_and_junk_is_said_last(junk):
    """Hundreds of unknown keys before a real lever do not push it out; its notice (if
    any) comes before the junk's."""
    pairs = [(f"junk{i}", "1") for i in range(junk)]
    state = parse_query([*pairs, ("investment", "5.6"), ("online_adoption", "abc")])
    assert state.scenario.as_dict() == {"investment": 5.6}
    assert state.notices[0].code == "not_number"
    assert {n.code for n in state.notices[1:]} == {"unknown"}


def test_a_link_over_the_field_limit_keeps_its_settings_and_says_so():
    """Past 1,000 entries the rest is not read, except settings the page knows, and the
    first notice says how many entries were dropped."""
    pairs = [(f"junk{i}", "1") for i in range(1200)]
    state = parse_query([*pairs, ("investment", "5.6"), ("lang", "en")])
    assert state.scenario.as_dict() == {"investment": 5.6}
    assert state.lang == "en"
    first = state.notices[0]
    assert first.code == "dropped"
    assert "200" in first.text("en")
    assert "1000" in first.text("id")


@given(
    st.sampled_from(list(TABLE)),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩０１２３４５６７８９.,-e", min_size=1, max_size=8),
)
def test_only_ascii_digits_are_numbers(name, text):
    """A value written with Arabic-Indic or full-width digits is not read as a number: it
    falls back to the baseline with a notice, like any other non-number."""
    state = parse_query([(name, text)])
    if not text.isascii():
        assert state.scenario.as_dict() == {}
        assert [n.code for n in state.notices] == ["not_number"]


@given(st.data())
def test_a_value_shown_as_the_baseline_is_the_baseline(data):
    """A link value that displays exactly as its baseline (1e-320 next to 0 %) opens as the
    baseline, with a notice, so the page never marks a lever changed while showing it equal."""
    name = data.draw(st.sampled_from([p for p in TABLE if not TABLE[p].is_integer]))
    param = TABLE[name]
    offset = data.draw(st.floats(-0.004, 0.004).filter(bool))
    value = min(max(param.value + offset, param.min), param.max)
    state = parse_query([(name, repr(value))])
    if value != param.value and shows_as_baseline(param, value):
        assert state.scenario.as_dict() == {}
        assert [n.code for n in state.notices] == ["as_baseline"]
    else:
        assert state.scenario.as_dict() in ({name: value}, {})


def test_a_value_that_shows_as_the_baseline_is_the_baseline():
    """The issue's case (attrition=1e-320 when its baseline was 0): a value that shows the
    same as a zero baseline opens as the baseline, and says so."""
    state = parse_query([("sales_place_units", "1e-320")])
    assert state.scenario.is_baseline
    assert "baseline" in state.notices[0].text("en")


def test_field_and_size_limits_are_streamlits():
    """The limits the page reads a link by are the ones past which Streamlit ignores it."""
    from streamlit.runtime.state import query_params

    assert query_params.CLIENT_STATE_QUERY_STRING_MAX_FIELDS == MAX_FIELDS
    assert query_params.CLIENT_STATE_QUERY_STRING_MAX_LENGTH == MAX_QUERY_CHARS
    assert oversized("a=1&" * MAX_FIELDS)
    assert not oversized("a=1&" * (MAX_FIELDS - 1) + "a=1")


@given(
    st.one_of(query_text, st.none(), st.integers()),
    st.one_of(st.integers(-5, 10**7), st.booleans(), st.none(), st.text(max_size=3)),
    st.one_of(st.integers(-5, 10**7), st.floats(allow_nan=False)),
)
def test_a_report_of_an_ignored_link_opens_its_valid_part_or_nothing(kept, fields, chars):
    """What the browser reports of a link Streamlit ignored opens like any link, after a
    notice giving its size; a malformed report opens nothing."""
    state = parse_oversized(kept, fields, chars)
    well_formed = isinstance(kept, str) and all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (fields, chars)
    )
    if not well_formed:
        assert state is None
        return
    assert state.notices[0].code == "too_big"
    for lang in LANGS:
        assert str(fields) in state.notices[0].text(lang).replace(".", "").replace(",", "")
    assert state.notices[1:] == parse_query(parse_qsl(kept, keep_blank_values=True)).notices


def test_a_note_typed_on_several_lines_travels_as_one_line_with_its_words_apart():
    """A line break in the briefing's note becomes a space, never glues two words."""
    from simulator.links import TEXT_KEYS, clean_text

    typed = "Untuk rapat\nSenin\t pagi\r\n"
    assert clean_text(typed, TEXT_KEYS["note"]) == "Untuk rapat Senin pagi"


@pytest.mark.parametrize("show", ["change", "percent", "level"])
def test_what_the_charts_show_travels_in_the_link(show):
    """``show`` (what the line charts draw) reopens as it was; the change, the default, is
    left out of the link."""
    from simulator.charts import MODES
    from simulator.links import DEFAULT_SHOW, SHOWS

    assert SHOWS == MODES
    assert DEFAULT_SHOW == "change"
    pairs = to_query(Scenario(), show=show)
    assert (("show", show) in pairs) == (show != "change")
    state = parse_query(pairs)
    assert state.show == show
    assert state.notices == ()


def test_an_unknown_chart_choice_gives_a_notice_and_the_change():
    """A ``show`` the page does not know opens the change, with a notice in the language."""
    state = parse_query({"show": ["pie"]})
    assert state.show == "change"
    assert [n.code for n in state.notices] == ["bad_show"]
    assert "pie" in state.notices[0].text("id")
    assert "selisih" in state.notices[0].text("id")
