"""The translation table, the Babel number formats and the parsing of typed values."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator import controls
from simulator import formatting as fmt
from simulator.i18n import TEXT, UNITS, tr
from tests.strategies import TABLE


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    """No empty text, and Indonesian and English fill the same {placeholders}."""
    for key, (indonesian, english) in TEXT.items():
        assert indonesian.strip(), key
        assert english.strip(), key
        assert _fields(indonesian) == _fields(english), key


def test_every_parameter_unit_has_a_translation():
    """Each unit in data/parameters.csv can be shown in both languages."""
    for param in TABLE.values():
        assert param.unit in UNITS, param.name


def test_tr_fills_placeholders():
    """tr() picks the language and fills values."""
    assert tr("headline", "id", year=2030) == "Hasil 2030 dibandingkan dengan skenario dasar"
    assert tr("headline", "en", year=2030) == "Results in 2030 against the baseline"


@pytest.mark.parametrize(
    ("call", "indonesian", "english"),
    [
        (lambda lg: fmt.rp_tn(22.98, lg), "Rp22,98 triliun", "Rp 22.98 trillion"),
        (lambda lg: fmt.rp_tn(0.89, lg), "Rp890 miliar", "Rp 890 billion"),
        (lambda lg: fmt.rp_tn(0.0012, lg), "Rp1,2 miliar", "Rp 1.2 billion"),
        (lambda lg: fmt.rp_tn(0.0004, lg), "Rp400 juta", "Rp 400 million"),
        # A zero reads as one (the baseline's public cost), not "Rp0,00 triliun".
        (lambda lg: fmt.rp_tn(0.0, lg), "Rp0", "Rp 0"),
        (lambda lg: fmt.rp_tn_signed(-1e-9, lg), "Rp0", "Rp 0"),
        (lambda lg: fmt.rp_mn(149.3, lg), "Rp149,3 juta", "Rp 149.3 million"),
        (lambda lg: fmt.points_signed(14.8, lg), "+14,8 persen poin", "+14.8 pts"),
        (lambda lg: fmt.spoken_count(164_841, lg), "165 ribu", "165 thousand"),
        (lambda lg: fmt.spoken_count(2_269, lg), "2,3 ribu", "2.3 thousand"),
        (lambda lg: fmt.date(dt.date(2026, 11, 28), lg), "28 November 2026", "28 November 2026"),
        (lambda lg: fmt.value_range("2", "4", lg), "2–4", "2–4"),
        (lambda lg: fmt.count(1234, lg), "1.234 unit", "1,234 units"),
        (lambda lg: fmt.count(1, lg), "1 unit", "1 unit"),
        (lambda lg: fmt.count(811_643.4, lg, "jobs"), "811.643 orang", "811,643 people"),
        (lambda lg: fmt.usd_mn(261.04, lg), "USD261,0 juta", "USD 261.0 million"),
        (lambda lg: fmt.percent(12.44, lg), "12,4%", "12.4%"),
        (lambda lg: fmt.signed(-5.6, lg, 1), "-5,6", "-5.6"),
        (lambda lg: fmt.signed(-0.001, lg, 1), "0,0", "0.0"),
        (lambda lg: fmt.rp_tn_signed(5.394, lg), "+Rp5,39 triliun", "+Rp 5.39 trillion"),
        (lambda lg: fmt.rp_tn_signed(-0.15, lg), "-Rp150 miliar", "-Rp 150 billion"),
        (
            lambda lg: fmt.param_value(2.8, "Rp trillion per year", lg),
            "Rp2,8 triliun per tahun",
            "Rp 2.8 trillion a year",
        ),
        (lambda lg: fmt.param_value(2030, "year", lg), "2030", "2030"),
    ],
)
def test_number_formats_follow_the_language(call, indonesian, english):
    """Hand-written expectations for each formatter in both languages."""
    assert call("id") == indonesian
    assert call("en") == english


@given(st.sampled_from(list(TABLE)), st.text(max_size=60), st.sampled_from(["id", "en"]))
def test_any_typed_text_gives_a_value_in_range_or_a_notice(name, text, lang):
    """Whatever is typed, parsing returns a valid value or a notice (or a value read as
    typed with a notice on how it was read); it never raises."""
    param = TABLE[name]
    parsed = controls.parse_typed(param, text, lang, param.value)
    if parsed.value is None or parsed.notice is not None:
        assert parsed.notice
        assert param.label(lang) in parsed.notice
    if parsed.value is not None:
        assert param.min <= parsed.value <= param.max
        if param.is_integer:
            assert parsed.value == round(parsed.value)


@given(st.sampled_from(list(TABLE)), st.data(), st.sampled_from(["id", "en"]))
def test_shown_value_reads_back(name, data, lang):
    """The text shown in the exact-value box parses back to the grid value it shows."""
    param = TABLE[name]
    value = data.draw(st.sampled_from(controls.grid(param)))
    parsed = controls.parse_typed(param, controls.number_text(param, value, lang), lang, value)
    assert parsed.value == pytest.approx(value, abs=10 ** -controls.display_decimals(param) / 2)


def test_grid_holds_bounds_and_baseline():
    """Every slider grid runs from min to max, holds the baseline and has at most 201+2 points."""
    for param in TABLE.values():
        values = controls.grid(param)
        assert values[0] == param.min
        assert values[-1] == param.max
        assert param.value in values
        assert len(values) <= controls.MAX_OPTIONS + 2
        assert list(values) == sorted(set(values))


@given(
    x=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    lang=st.sampled_from(["id", "en"]),
    decimals=st.integers(0, 4),
    optional=st.booleans(),
)
def test_number_is_babels_format_decimal(x, lang, decimals, optional):
    """The memoised formatter (pattern and locale parsed once) writes exactly what Babel's
    format_decimal writes, the second call included."""
    from babel.numbers import format_decimal

    pattern = "#,##0" if decimals == 0 else "#,##0." + ("#" if optional else "0") * decimals
    expected = format_decimal(
        0.0 if round(x, decimals) == 0 else x,
        pattern,
        locale={"id": "id_ID", "en": "en_US"}[lang],
        group_separator=True,
    )
    assert fmt.number(x, lang, decimals, optional=optional) == expected
    assert fmt.number(x, lang, decimals, optional=optional) == expected


@given(
    st.sampled_from(list(TABLE)),
    st.text(alphabet="٠١٢٣٤٥٦٧٨٩０１２３４５６７８９0123456789,.", min_size=1, max_size=8),
    st.sampled_from(["id", "en"]),
)
def test_typed_digits_of_other_scripts_give_a_notice(name, text, lang):
    """Arabic-Indic or full-width digits typed into a box are refused with a notice, not read
    silently as a number the page would then show in other digits."""
    param = TABLE[name]
    parsed = controls.parse_typed(param, text, lang, param.value)
    if not text.isascii():
        assert parsed.value is None
        assert parsed.notice


def test_a_typed_value_shown_as_the_baseline_is_the_baseline():
    """0,0000001 % typed for a 0 % baseline is the baseline (it would show as 0 %)."""
    param = TABLE["sales_place_share_jatim"]
    assert param.value == 0
    assert controls.parse_typed(param, "0,0000001", "id", 2.0).value == param.value
    assert controls.parse_typed(param, "0,5", "id", 2.0).value == 0.5
