"""Numbers as a reader of each language expects them, built on Babel.

Indonesian (EYD V, BPS practice): "Rp22,98 triliun", "Rp890 miliar", "1.234 unit",
"12,4%", "+5,9 persen poin", "28 November 2026". English: "Rp 22.98 trillion",
"1,234 units", "12.4%". The words and spacing come from the translation table
(``simulator.i18n.NUMBER_FORMATS``, from data/number_formats.csv). Charts use
:func:`vega_locale` so their axes follow the same rules.
Every number a person reads goes through this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import math

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_pattern,
)

from simulator.i18n import form, unit_template

BABEL_LOCALE = {"id": "id_ID", "en": "en_US"}


@functools.lru_cache(maxsize=64)
def _pattern(decimals: int, optional: bool) -> NumberPattern:
    if decimals <= 0:
        return parse_pattern("#,##0")
    return parse_pattern("#,##0." + ("#" if optional else "0") * decimals)


@functools.lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALE.get(lang, "id_ID"))


def number(x: float, lang: str, decimals: int = 0, *, optional: bool = False) -> str:
    """``x`` with grouping and ``decimals`` places; ``optional`` drops trailing zeros."""
    if not math.isfinite(x):
        return "–"
    # Avoid "-0" after rounding.
    if round(x, decimals) == 0:
        x = 0.0
    return _number(float(x), lang, decimals, optional)


# Pages format the same numbers again and again (the baseline, years before the policy
# starts, slider labels): keep the last few thousand. Babel's own format_decimal does the
# same work with the pattern and locale parsed anew on every call.
@functools.lru_cache(maxsize=16384)
def _number(x: float, lang: str, decimals: int, optional: bool) -> str:
    return _pattern(decimals, optional).apply(x, _locale(lang), group_separator=True)


def signed(x: float, lang: str, decimals: int = 0) -> str:
    """``x`` with an explicit sign: "+1.234" or "-5,6" (ASCII minus, as st.metric expects)."""
    return _sign(x, decimals) + number(abs(x), lang, decimals)


def _sign(x: float, decimals: int) -> str:
    """ "+", "-" or nothing when ``x`` rounds to zero."""
    return "" if round(x, decimals) == 0 else ("+" if x > 0 else "-")


def _scaled_rupiah(x: float, decimals: int) -> tuple[str, float, int]:
    """The template key, the value in that scale and its decimals for Rp trillions ``x``."""
    size = abs(x)
    if size < 5e-7:  # under half a million rupiah reads as zero: "Rp0", not "Rp0,00 triliun"
        return "rp_compact", 0.0, 0
    if size >= 1:
        return "rp_tn", x, decimals
    if size * 1000 >= 1:
        bn = x * 1000
        return "rp_bn", bn, 0 if abs(bn) >= 10 else 1
    mn = x * 1e6
    return "rp_mn", mn, 0 if abs(mn) >= 10 else 1


def rp_tn(x: float, lang: str, decimals: int = 2, *, scale: bool = True) -> str:
    """Rupiah trillions as a reader writes them: "Rp22,98 triliun", "Rp890 miliar".

    Amounts under a trillion are given in billions (miliar) or millions (juta) when
    ``scale`` is on; tables whose column states the unit keep trillions (``scale=False``).
    """
    key, value, places = _scaled_rupiah(x, decimals) if scale else ("rp_tn", x, decimals)
    return form(key, lang).format(v=number(value, lang, places))


def rp_tn_signed(x: float, lang: str, decimals: int = 2) -> str:
    """A change in rupiah trillions: "+Rp5,39 triliun", "-Rp150 miliar"."""
    key, value, places = _scaled_rupiah(x, decimals)
    return _sign(value, places) + form(key, lang).format(v=number(abs(value), lang, places))


def rp_mn(x: float, lang: str, decimals: int = 1) -> str:
    """Rupiah millions: "Rp2,7 juta" (a cost per job, per unit)."""
    if abs(x) >= 1000:
        return rp_tn(x / 1e6, lang)
    return form("rp_mn", lang).format(v=number(x, lang, decimals, optional=True))


def usd_mn(x: float, lang: str, decimals: int = 1) -> str:
    """US dollar millions: "USD261,0 juta" / "USD 261.0 million"."""
    return form("usd_mn", lang).format(v=number(x, lang, decimals))


def usd_mn_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in US dollar millions."""
    return _sign(x, decimals) + usd_mn(abs(x), lang, decimals)


def count(x: float, lang: str, noun: str = "units") -> str:
    """A whole count with its noun: "1.234 unit" / "1,234 units", "5 orang" / "5 people"."""
    value = round(x)
    key = f"{noun}_{_plural(lang, abs(value))}"
    return form(key, lang).format(v=number(value, lang))


@functools.lru_cache(maxsize=4096)
def _plural(lang: str, n: int) -> str:
    """Babel's plural category of ``n``: "one" or "other" in English, always "other" in
    Indonesian."""
    return _locale(lang).plural_form(n)


def compact(x: float, lang: str, scale: float = 1.0) -> str:
    """A short number for a narrow card, Babel's compact form: 5,4 T; 890 M; 164,8 rb.

    ``scale`` turns the value into units first (1e12 for Rp trillions)."""
    value = x * scale
    if abs(value) < 10_000:
        return number(value, lang, 0 if abs(value) >= 100 or scale == 1 else 1, optional=True)
    return format_compact_decimal(value, locale=_locale(lang), fraction_digits=1)


def compact_signed(x: float, lang: str, kind: str) -> str:
    """A change written short: "+Rp2,3 T", "+USD7,4 jt", "+11,5 rb", "+5,9 persen poin"."""
    if kind == "percent":
        return points_signed(x, lang)
    scale = {"rp_tn": 1e12, "usd_mn": 1e6}.get(kind, 1.0)
    shown = compact(abs(x), lang, scale)
    sign = "" if shown.strip("0,.") == "" else ("+" if x > 0 else "-")
    if kind in ("rp_tn", "usd_mn"):
        shown = form(f"{kind.split('_')[0]}_compact", lang).format(v=shown)
    return sign + shown


def spoken_count(x: float, lang: str) -> str:
    """A count rounded for reading aloud: "165 ribu", "1,2 juta", "850"."""
    size = abs(x)
    if size >= 1e6:
        return form("million", lang).format(v=number(x / 1e6, lang, 1, optional=True))
    if size >= 10_000:
        return form("thousand", lang).format(v=number(round(x / 1000), lang))
    if size >= 1000:
        return form("thousand", lang).format(v=number(x / 1000, lang, 1, optional=True))
    return number(round(x, -1) if size >= 100 else round(x), lang)


def percent(x: float, lang: str, decimals: int = 1) -> str:
    """A percentage given in percent units: 12.4 -> "12,4%" / "12.4%"."""
    return form("percent", lang).format(v=number(x, lang, decimals))


def percent_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in percent: "+12,4%"."""
    return form("percent", lang).format(v=signed(x, lang, decimals))


def points_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in percentage points: "+5,9 persen poin" / "+5.9 pts"."""
    return form("points", lang).format(v=signed(x, lang, decimals))


def value_range(low: str, high: str, lang: str) -> str:
    """Two formatted values as a range with an en dash: "2–4"."""
    return form("range", lang).format(low=low, high=high)


def word_list(items: list[str], lang: str) -> str:
    """Names joined as a reader of ``lang`` lists them: "Jawa Barat, Jawa Timur, dan Jawa
    Tengah" / "West Java, East Java, and Central Java"."""
    return format_list(list(items), locale=_locale(lang))


def date(day: dt.date, lang: str) -> str:
    """A date in words: "28 November 2026"."""
    return format_date(day, form("date", lang), locale=_locale(lang))


def decimals_of(step: float) -> int:
    """How many decimal places a slider step needs (0.1 -> 1, 0.05 -> 2, 100 -> 0)."""
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def param_value(value: float, unit: str, lang: str, decimals: int = 4) -> str:
    """A parameter value with its unit in ``lang``: "Rp2,8 triliun per tahun"."""
    shown = str(round(value)) if unit == "year" else number(value, lang, decimals, optional=True)
    return unit_template(unit, lang).format(v=shown)


@functools.lru_cache(maxsize=8)
def separators(lang: str) -> tuple[str, str]:
    """Babel's (group, decimal) symbols of ``lang``: (".", ",") / (",", ".")."""
    return get_group_symbol(_locale(lang)), get_decimal_symbol(_locale(lang))


def vega_locale(lang: str) -> dict[str, object]:
    """d3-format number locale for Vega-Lite ``config.locale`` in ``lang`` (from Babel)."""
    group, decimal = separators(lang)
    return {
        "decimal": decimal,
        "thousands": group,
        "grouping": [3],
        "currency": [form("rp_tn", lang).split("{v}")[0], ""],
    }
