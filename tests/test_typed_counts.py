"""A count typed with the decimal mark where thousands are usual ("5,000" new units on the
Indonesian page) is read as Babel reads it (5) and the page says so, and how to type 5,000
(issue 21)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import controls
from simulator import formatting as fmt
from simulator.params import load_parameters
from tests.test_app import opened_typed_values, type_and_apply

TABLE = load_parameters()
COUNTS = [name for name in TABLE.policy if TABLE[name].unit.startswith("units")]


@pytest.mark.parametrize("name", COUNTS)
@pytest.mark.parametrize(
    ("lang", "typed", "meant"), [("id", "5,000", "5.000"), ("en", "5.000", "5,000")]
)
def test_a_count_with_three_decimals_is_read_as_typed_with_a_notice(name, lang, typed, meant):
    """ "5,000" (id) / "5.000" (en) is 5 units, with a notice naming the lever, the value
    used and the thousands form to type instead."""
    param = TABLE[name]
    parsed = controls.parse_typed(param, typed, lang, param.value)
    assert parsed.value == 5.0
    assert param.label(lang) in parsed.notice
    assert controls.value_label(param, 5.0, lang) in parsed.notice
    # Quoted as the language quotes a typed value: “5.000” (id), '5,000' (en).
    assert re.search(rf"[“']{re.escape(meant)}[”']", parsed.notice)


@given(
    st.sampled_from(COUNTS),
    st.integers(1, 20),
    st.sampled_from(["id", "en"]),
)
def test_the_thousands_form_is_taken_without_a_notice(name, thousands, lang):
    """The same count typed with the thousands separator is taken as that many units,
    with no notice."""
    param = TABLE[name]
    text = fmt.number(thousands * 1000, lang)
    parsed = controls.parse_typed(param, text, lang, param.value)
    assert parsed.value == thousands * 1000
    assert parsed.notice is None


@given(st.floats(0, 100, allow_nan=False), st.sampled_from(["id", "en"]))
def test_other_levers_take_three_decimals_quietly(value, lang):
    """A lever that is not a count (investment, in Rp trillion) reads "5,000" as 5 with no
    notice: three decimals are ordinary there."""
    param = TABLE["investment"]
    text = fmt.number(min(value, param.max), lang, 3)
    parsed = controls.parse_typed(param, text, lang, param.value)
    assert parsed.notice is None


def test_the_page_takes_5_and_shows_the_notice():
    """Typed on the Indonesian page, "5,000" new units sets the lever to 5 and the notice
    is shown next to the headline."""
    at = opened_typed_values()
    type_and_apply(at, new_units="5,000")
    assert at.session_state["new_units"] == 5.0
    shown = [w.value.replace("\\", "") for w in at.warning]  # Markdown escapes taken out
    assert any("“5,000”" in text and "“5.000”" in text for text in shown), shown
