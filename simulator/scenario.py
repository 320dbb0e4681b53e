"""Scenarios: which parameters differ from the baseline, validated against the table.

A :class:`Scenario` is frozen and holds only the values that differ from the baseline, in
the table's order, so two scenarios with the same settings are equal, hash alike (a cache
key) and print the same short ``NAME=VALUE`` form on the command line and, later, in a link.
Validation lives here, not in the app: an unknown name, a non-number, a value outside its
range, a fractional year or regional shares over 100 % raise :class:`ScenarioError`, whose
fields let each front end word the message in its own language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulator.params import ParameterTable, load_parameters


class ScenarioError(ValueError):
    """A scenario value is not acceptable.

    ``code`` is one of ``unknown``, ``not_number``, ``out_of_range``, ``not_integer``,
    ``shares``, ``mixed_end_year`` or ``syntax``; ``name`` the parameter concerned.
    """

    def __init__(
        self,
        code: str,
        name: str,
        value: Any = None,
        *,
        low: float | None = None,
        high: float | None = None,
        other: str | None = None,
    ) -> None:
        self.code = code
        self.name = name
        self.value = value
        self.low = low
        self.high = high
        self.other = other
        super().__init__(self._english())

    def _english(self) -> str:
        shown = str(self.value)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        bounds = f"[{_num(self.low)}, {_num(self.high)}]"
        if self.code == "unknown":
            return f"unknown parameter {self.name!r}"
        if self.code == "syntax":
            return f"expected NAME=VALUE, got {shown!r}"
        if self.code == "not_number":
            return f"{self.name}: {shown!r} is not a number; allowed range {bounds}"
        if self.code == "out_of_range":
            return f"{self.name}: {shown} is outside the allowed range {bounds}"
        if self.code == "not_integer":
            return f"{self.name}: {shown} is not a whole year; allowed range {bounds}"
        if self.code == "shares":
            return (
                f"{self.name} + {self.other} = {shown} %, above 100 %; "
                "lower one of them so the rest of Indonesia keeps a share >= 0"
            )
        if self.code == "mixed_end_year":
            return f"{self.name}: all scenarios of one run must share the end year"
        return f"{self.name}: invalid value {shown!r}"


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:g}"


def check_value(name: str, raw: Any, table: ParameterTable) -> np.ndarray:
    """Validate one parameter's value (a number or an array) and return it as float64.

    Raises ScenarioError naming the parameter and its allowed range.
    """
    if name not in table:
        raise ScenarioError("unknown", name, raw)
    param = table[name]
    try:
        array = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError):
        raise ScenarioError("not_number", name, raw, low=param.min, high=param.max) from None
    if array.ndim > 1:
        raise ScenarioError("not_number", name, raw, low=param.min, high=param.max)
    if not np.all(np.isfinite(array)):
        raise ScenarioError("not_number", name, raw, low=param.min, high=param.max)
    if np.any(array < param.min) or np.any(array > param.max):
        bad = array[(array < param.min) | (array > param.max)].flat[0]
        raise ScenarioError("out_of_range", name, float(bad), low=param.min, high=param.max)
    if param.is_integer and np.any(array != np.round(array)):
        bad = array[array != np.round(array)].flat[0]
        raise ScenarioError("not_integer", name, float(bad), low=param.min, high=param.max)
    return array


SHARE_TOLERANCE = 1e-9  # [%] so 49.62 + 50.38 typed by hand is not refused for rounding


@dataclass(frozen=True)
class ShareExcess:
    """A share group (see :class:`simulator.params.ShareGroup`) whose regions' percentages
    together exceed 100 %."""

    group: str  # the share group's code ("sales_place"): what is split
    names: tuple[str, ...]  # its parameters, one per named region
    total: float  # [%] their sum (the largest one when the values are arrays)

    @property
    def first(self) -> str:
        """The group's first parameter (the one a message names)."""
        return self.names[0]


def share_excesses(values: Mapping[str, Any], table: ParameterTable) -> list[ShareExcess]:
    """Every share group whose named regions' percentages in ``values`` (numbers or arrays,
    baseline where silent) sum above 100 %, so the rest of Indonesia would get a negative
    share."""
    excesses = []
    for group in table.share_groups:
        total = np.asarray(0.0)
        for name in group.names:
            total = total + np.asarray(values.get(name, table[name].value), dtype=np.float64)
        if np.any(total > 100 + SHARE_TOLERANCE):
            excesses.append(ShareExcess(group.code, group.names, float(np.max(total))))
    return excesses


def check_shares(values: Mapping[str, Any], table: ParameterTable) -> None:
    """Raise ScenarioError when a share group's regions together exceed 100 %."""
    excesses = share_excesses(values, table)
    if excesses:
        first = excesses[0]
        raise ScenarioError(
            "shares", first.first, round(first.total, 6), other=" + ".join(first.names[1:])
        )


def repair_shares(
    values: Mapping[str, float], table: ParameterTable
) -> tuple[dict[str, float], list[ShareExcess]]:
    """The one repair of shares over 100 % (links, saved scenarios, the page's levers): every
    share of each such group goes back to its baseline value; also returns the groups."""
    repaired = dict(values)
    excesses = share_excesses(values, table)
    for excess in excesses:
        for name in excess.names:
            repaired[name] = table[name].value
    return repaired, excesses


# ASCII digits only: Python's float() also reads Arabic-Indic (٥) and full-width (５)
# digits, which a reader of the page would not recognise as the number used.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def parse_number(text: str) -> float:
    """Read a number typed by a person: '5.6', '5,6' (Indonesian decimal comma), ' 1e3 '.

    Only ASCII digits are numbers; anything else (other scripts' digits, 'inf', 'nan',
    '0x10') raises ValueError.
    """
    cleaned = text.strip().replace("_", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """A named set of parameter values that differ from the baseline.

    ``values`` holds (name, value) pairs in the parameter table's order; values equal to
    the baseline are left out, so the baseline is ``Scenario()``.
    """

    name: str = ""
    values: tuple[tuple[str, float], ...] = field(default=())

    @classmethod
    def from_mapping(
        cls,
        mapping: Mapping[str, Any],
        *,
        name: str = "",
        table: ParameterTable | None = None,
    ) -> Scenario:
        """Validate ``mapping`` (name -> number) and keep what differs from the baseline."""
        table = table or load_parameters()
        checked: dict[str, float] = {}
        for key, raw in mapping.items():
            array = check_value(key, raw, table)
            if array.ndim != 0:
                raise ScenarioError("not_number", key, raw, low=table[key].min, high=table[key].max)
            checked[key] = float(array)
        check_shares(checked, table)
        ordered = tuple(
            (p.name, checked[p.name])
            for p in table.rows
            if p.name in checked and checked[p.name] != p.value
        )
        return cls(name=name, values=ordered)

    @classmethod
    def from_assignments(
        cls,
        assignments: Iterable[str],
        *,
        name: str = "",
        base: Mapping[str, float] | None = None,
        table: ParameterTable | None = None,
    ) -> Scenario:
        """Build from ``NAME=VALUE`` strings (command line, presets), on top of ``base``."""
        table = table or load_parameters()
        mapping: dict[str, Any] = dict(base or {})
        for item in assignments:
            key, sep, text = item.partition("=")
            key = key.strip()
            if not sep or not key:
                raise ScenarioError("syntax", key or item, item)
            if key not in table:
                raise ScenarioError("unknown", key, text)
            try:
                mapping[key] = parse_number(text)
            except ValueError:
                param = table[key]
                raise ScenarioError(
                    "not_number", key, text, low=param.min, high=param.max
                ) from None
        return cls.from_mapping(mapping, name=name, table=table)

    def as_dict(self) -> dict[str, float]:
        """The differing values as a plain dict."""
        return dict(self.values)

    def full_values(self, table: ParameterTable | None = None) -> dict[str, float]:
        """Every parameter's value in this scenario (baseline where not set)."""
        table = table or load_parameters()
        return {**table.defaults, **self.as_dict()}

    def value(self, name: str, table: ParameterTable | None = None) -> float:
        """One parameter's value in this scenario."""
        table = table or load_parameters()
        return self.as_dict().get(name, table[name].value)

    def assignments(self) -> list[str]:
        """The ``NAME=VALUE`` form, shortest exact decimal of each value."""
        return [f"{k}={format_value(v)}" for k, v in self.values]

    @property
    def is_baseline(self) -> bool:
        """True when no parameter differs from the baseline."""
        return not self.values


def format_value(value: float) -> str:
    """The shortest text that reads back as exactly ``value`` (no trailing '.0')."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))
