"""Numbers as a reader of each language expects them, built on Babel.

Indonesian: "Rp 22,98 triliun", "1.234 unit", "12,4%". English: "Rp 22.98 trillion",
"1,234 units", "12.4%". Charts use :func:`vega_locale` so their axes follow the same rules.
Every number a person reads goes through this module.
"""

from __future__ import annotations

import functools
import math

from babel import Locale
from babel.numbers import NumberPattern, get_decimal_symbol, get_group_symbol, parse_pattern

from simulator.i18n import tr, unit_template

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


def rp_tn(x: float, lang: str, decimals: int = 2) -> str:
    """Rupiah trillions: "Rp 22,98 triliun" / "Rp 22.98 trillion"."""
    return f"Rp {number(x, lang, decimals)} {tr('unit_trillion', lang)}"


def _sign(x: float, decimals: int) -> str:
    """ "+", "-" or nothing when ``x`` rounds to zero."""
    return "" if round(x, decimals) == 0 else ("+" if x > 0 else "-")


def rp_tn_signed(x: float, lang: str, decimals: int = 2) -> str:
    """A change in rupiah trillions: "+Rp 5,39 triliun"."""
    return _sign(x, decimals) + rp_tn(abs(x), lang, decimals)


def usd_mn(x: float, lang: str, decimals: int = 1) -> str:
    """US dollar millions: "USD 261,0 juta" / "USD 261.0 million"."""
    return f"USD {number(x, lang, decimals)} {tr('unit_million', lang)}"


def usd_mn_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in US dollar millions."""
    return _sign(x, decimals) + usd_mn(abs(x), lang, decimals)


def count(x: float, lang: str, noun: str = "units") -> str:
    """A whole count with its noun: "1.234 unit" / "1,234 units", "5 orang" / "5 people"."""
    value = round(x)
    return tr(f"count_{noun}_{_plural(lang, abs(value))}", lang, n=number(value, lang))


@functools.lru_cache(maxsize=4096)
def _plural(lang: str, n: int) -> str:
    """Babel's plural category of ``n``: "one" or "other" in English, always "other" in
    Indonesian."""
    return _locale(lang).plural_form(n)


def percent(x: float, lang: str, decimals: int = 1) -> str:
    """A percentage given in percent units: 12.4 -> "12,4%" / "12.4%"."""
    return f"{number(x, lang, decimals)}%"


def percent_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in percent: "+12,4%"."""
    return f"{signed(x, lang, decimals)}%"


def points_signed(x: float, lang: str, decimals: int = 1) -> str:
    """A change in percentage points: "+5,9 poin" / "+5.9 pts"."""
    return f"{signed(x, lang, decimals)} {tr('unit_points', lang)}"


def decimals_of(step: float) -> int:
    """How many decimal places a slider step needs (0.1 -> 1, 0.05 -> 2, 100 -> 0)."""
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def param_value(value: float, unit: str, lang: str, decimals: int = 4) -> str:
    """A parameter value with its unit in ``lang``: "Rp 2,8 triliun per tahun"."""
    shown = str(round(value)) if unit == "year" else number(value, lang, decimals, optional=True)
    return unit_template(unit, lang).format(v=shown)


@functools.lru_cache(maxsize=8)
def separators(lang: str) -> tuple[str, str]:
    """Babel's (group, decimal) symbols of ``lang``: (".", ",") / (",", ".")."""
    return get_group_symbol(_locale(lang)), get_decimal_symbol(_locale(lang))


def vega_locale(lang: str) -> dict[str, object]:
    """d3-format number locale for Vega-Lite ``config.locale`` in ``lang``."""
    group, decimal = separators(lang)
    return {"decimal": decimal, "thousands": group, "grouping": [3], "currency": ["Rp ", ""]}
