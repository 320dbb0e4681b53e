"""What the page's controls offer, computed from the parameter table (no Streamlit here).

Sliders are select-sliders over a grid of the parameter's steps, so every label a slider
shows is formatted for the reader's language by Babel (a plain slider would print "2.80"
on the Indonesian page). A grid holds at most ``MAX_OPTIONS`` points and always the
baseline and the current value, so a typed or linked value is shown exactly.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np

from simulator import formatting as fmt
from simulator.i18n import TEXT, mid_sentence, tr
from simulator.params import Parameter
from simulator.scenario import parse_number

MAX_OPTIONS = 201


@functools.lru_cache(maxsize=256)
def grid(param: Parameter) -> tuple[float, ...]:
    """Evenly spaced slider values from min to max (coarser than step if needed)."""
    span = param.max - param.min
    step = param.step
    if span / step + 1 > MAX_OPTIONS:
        # Widen to a 'nice' multiple of the step: 1, 2, 2.5 or 5 x 10^k steps.
        raw = span / (MAX_OPTIONS - 1)
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.floor(span / step + 1e-9) + 1
    decimals = max(fmt.decimals_of(step), 0) + 2
    values = np.round(param.min + step * np.arange(count), decimals)
    values = np.unique(np.append(values, [param.max, param.value]))
    return tuple(float(v) for v in values)


def slider_options(param: Parameter, current: float) -> tuple[float, ...]:
    """The grid plus ``current`` when it falls between grid points."""
    base = grid(param)
    if current in base:
        return base
    return tuple(sorted((*base, float(current))))


def display_decimals(param: Parameter) -> int:
    """Decimal places to show a parameter: its step's, or more if its baseline needs them."""
    return max(fmt.decimals_of(param.step), fmt.decimals_of(param.value))


@functools.lru_cache(maxsize=32_768)
def value_label(param: Parameter, value: float, lang: str) -> str:
    """A slider label: the value with its unit, in ``lang`` (cached: sliders ask for every
    grid point on every rerun)."""
    return fmt.param_value(value, param.unit, lang, decimals=max(display_decimals(param), 2))


def lever_noun(param: Parameter, lang: str) -> str:
    """The parameter as a noun inside a sentence: the translation table's ``noun_<name>``
    ("investasi bruto"), else its label with the first letter lowered (acronyms kept)."""
    key = f"noun_{param.name}"
    return tr(key, lang) if key in TEXT else mid_sentence(param.label(lang))


def help_text(param: Parameter, lang: str) -> str:
    """Meaning, baseline, range, kind and source of a parameter, in ``lang`` (a lever's
    help)."""
    return tr(
        "help_template",
        lang,
        note=param.note_text(lang),
        value=value_label(param, param.value, lang),
        low=value_label(param, param.min, lang),
        high=value_label(param, param.max, lang),
        kind=tr(f"kind_{param.kind}", lang),
        source=param.source_beside_kind(lang),
    )


def shows_as_baseline(param: Parameter, value: float) -> bool:
    """True when ``value`` reads exactly like the baseline at the precision the page shows
    the parameter (e.g. 1e-320 % next to a baseline of 0 %): such a value is the baseline."""
    decimals = max(display_decimals(param), 2)
    return fmt.number(value, "en", decimals) == fmt.number(param.value, "en", decimals)


def number_text(param: Parameter, value: float, lang: str) -> str:
    """The value alone, as typed in ``lang`` ("5,6" / "5.6"), for the exact-value box."""
    if param.is_integer:
        return str(round(value))
    return fmt.number(value, lang, max(display_decimals(param), 2), optional=True)


@dataclass(frozen=True)
class Parsed:
    """A typed value: the number when acceptable, else a notice in the user's language."""

    value: float | None
    notice: str | None


def parse_typed(param: Parameter, text: str, lang: str, current: float) -> Parsed:
    """Read a value typed by a person ("5,6", "1.250", "5.6") and check it against the range.

    In Indonesian a dot groups thousands ("1.250" is 1250) and a comma marks decimals; in
    English the reverse. A number that cannot be read or lies outside the range gives a
    notice naming the parameter, its range and the value kept.
    """
    label = param.label(lang)
    shown_current = value_label(param, current, lang)
    value = parse_amount(text, lang)
    if value is None:
        return Parsed(
            None, tr("err_not_number", lang, label=label, value=text[:40], current=shown_current)
        )
    if not param.min <= value <= param.max:
        return Parsed(
            None,
            tr(
                "err_out_of_range",
                lang,
                label=label,
                value=number_text(param, value, lang) if abs(value) < 1e15 else text[:40],
                low=value_label(param, param.min, lang),
                high=value_label(param, param.max, lang),
                current=shown_current,
            ),
        )
    if param.is_integer and value != round(value):
        return Parsed(None, tr("err_not_integer", lang, label=label, current=shown_current))
    used = param.value if shows_as_baseline(param, value) else float(value)
    return Parsed(used, _decimal_mark_notice(param, text, used, lang))


def _decimal_mark_notice(param: Parameter, text: str, used: float, lang: str) -> str | None:
    """A notice for a count typed as "5,000" on the Indonesian page ("5.000" on the
    English one): read, as Babel reads it, with the decimal mark (5), though a count is
    more often written with three digits after a thousands separator. Says what was used
    and how to type the thousands."""
    if not param.unit.startswith("units"):
        return None
    _, decimal = fmt.separators(lang)
    cleaned = re.sub(r"[A-Za-z]{2,}|%|/|\s", "", str(text))
    if not re.fullmatch(rf"[+-]?\d{{1,3}}{re.escape(decimal)}\d{{3}}", cleaned):
        return None
    meant = float(cleaned.replace(decimal, ""))
    return tr(
        "note_decimal_mark",
        lang,
        label=param.label(lang),
        value=text.strip()[:40],
        used=value_label(param, used, lang),
        meant=fmt.number(meant, lang),
    )


def parse_amount(text: str, lang: str) -> float | None:
    """A number typed in ``lang``'s convention ("1.250,5" / "1,250.5"), or None.

    A lone separator followed by other than three digits is read as the decimal mark, so
    "5.6" and "5,6" both mean 5.6 in either language.
    """
    # Unit words typed with the number are allowed: "Rp 5,6 triliun", "5.000 unit", "50 %".
    cleaned = re.sub(r"[A-Za-z]{2,}|%|/", "", str(text))
    cleaned = cleaned.strip().replace(" ", "").replace("\u00a0", "")
    group, decimal = fmt.separators(lang)
    if cleaned.count(decimal) <= 1 and (group not in cleaned or _grouped(cleaned, group)):
        cleaned = cleaned.replace(group, "").replace(decimal, ".")
    try:
        return parse_number(cleaned)
    except ValueError:
        return None


def _grouped(text: str, group: str) -> bool:
    """True when every group separator is followed by exactly three digits."""
    head, *rest = text.lstrip("+-").split(group)
    return bool(head) and all(len(part.split(",")[0].split(".")[0]) == 3 for part in rest)
