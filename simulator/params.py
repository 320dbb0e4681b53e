"""Load and validate the parameter table, ``data/parameters.csv``.

Every number the model uses is one row of that file, with its unit, its allowed range and
its source (PolicyEngine's habit: a parameter carries its label, unit and reference). The
``role`` column says what the skenario dasar does with a row, so no list of levers is kept
in code:

* ``policy``: an instrument. The baseline run resets it to its value in the table; the page
  draws it among the levers, offers a typed exact value and goal-seeking for it.
* ``setting``: when and where a policy acts (start year, target year, regions). Kept as the
  scenario sets it in the baseline run, which the baseline does not use anyway.
* ``view``: what is shown (the last year); never changes a number.
* ``assumption``: everything else; kept in the baseline run, drawn in the uncertainty
  analysis when it has a range.

A malformed or inconsistent file fails at load with one message naming the file, the line
and the column, so a typo in the data never reaches a chart. A group or unit the
translation table has no words for is refused the same way (it would break the page).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from simulator.datafile import (
    DATA_DIR,
    DataFileError,
    ParameterFileError,
    cached_loader,
    parse_rows,
    path_label,
    read_text,
)
from simulator.i18n import TEXT, UNITS, pick, sentence_start

__all__ = [
    "DATA_DIR",
    "PARAMETERS_CSV",
    "Parameter",
    "ParameterFileError",
    "ParameterTable",
    "load_parameters",
    "parse_parameters",
    "path_label",
]

PARAMETERS_CSV = DATA_DIR / "parameters.csv"

COLUMNS = (
    "name",
    "group",
    "role",
    "label_id",
    "label_en",
    "value",
    "unit",
    "min",
    "max",
    "step",
    "kind",
    "source_en",
    "source_id",
    "note_en",
    "note_id",
)
NUMERIC_COLUMNS = ("value", "min", "max", "step")
REQUIRED_TEXT = ("label_id", "label_en", "source_en", "source_id")
OPTIONAL_TEXT = ("note_en", "note_id")
KINDS = ("published", "derived", "assumption")
ROLES = ("policy", "setting", "view", "assumption")

# A pair of shares splitting one whole into West Java, East Java and the rest is named
# <prefix>_share_jabar and <prefix>_share_jatim: together they may not exceed 100 %.
JABAR, JATIM = "_share_jabar", "_share_jatim"


@dataclass(frozen=True, kw_only=True)
class Parameter:
    """One row of the parameter table.

    value, min, max and step are in ``unit``; ``kind`` says whether the value is
    published, derived from published figures, or an assumption the user may change;
    ``role`` what the baseline run does with it (see the module docstring).
    """

    name: str
    group: str
    role: str
    label_id: str
    label_en: str
    value: float
    unit: str
    min: float
    max: float
    step: float
    kind: str
    source_en: str
    source_id: str
    note_en: str
    note_id: str

    @property
    def is_integer(self) -> bool:
        """Years are whole numbers; everything else is continuous."""
        return self.unit == "year"

    @property
    def is_policy(self) -> bool:
        """An instrument: reset in the baseline, typed and goal-sought on the page."""
        return self.role == "policy"

    def label(self, lang: str) -> str:
        """The label in ``lang`` ('id' or 'en')."""
        return pick(lang, self.label_id, self.label_en)

    def source_text(self, lang: str) -> str:
        """The source in ``lang``."""
        return pick(lang, self.source_id, self.source_en)

    def source_beside_kind(self, lang: str) -> str:
        """The source where its kind is said beside it ("Jenis: asumsi. Sumber: ..."):
        without the leading "asumsi:" the file writes for an assumption, so the word is not
        said twice, and with a capital letter to begin."""
        text = self.source_text(lang)
        word = pick(lang, *TEXT[f"kind_{self.kind}"])
        for mark in (":", ";"):
            if text.lower().startswith(word.lower() + mark):
                text = text[len(word) + 1 :].lstrip()
                break
        return sentence_start(text)

    def note_text(self, lang: str) -> str:
        """The note in ``lang``."""
        return pick(lang, self.note_id, self.note_en)


@dataclass(frozen=True)
class ParameterTable(Mapping[str, Parameter]):
    """The validated parameters, in file order, looked up by name."""

    rows: tuple[Parameter, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {p.name: p for p in self.rows})

    def __getitem__(self, name: str) -> Parameter:
        return self._by_name[name]  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[str]:
        return (p.name for p in self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __hash__(self) -> int:
        return hash(self.rows)

    @functools.cached_property
    def defaults(self) -> dict[str, float]:
        """The baseline value of every parameter."""
        return {p.name: p.value for p in self.rows}

    @functools.cached_property
    def policy(self) -> tuple[str, ...]:
        """Names of the instruments (role ``policy``), in file order."""
        return tuple(p.name for p in self.rows if p.is_policy)

    @functools.cached_property
    def groups(self) -> tuple[str, ...]:
        """The groups in the order they first appear in the file."""
        return tuple(dict.fromkeys(p.group for p in self.rows))

    @functools.cached_property
    def share_pairs(self) -> tuple[tuple[str, str], ...]:
        """(West Java, East Java) share names that split one whole with the rest."""
        return tuple(
            (p.name, p.name[: -len(JABAR)] + JATIM)
            for p in self.rows
            if p.name.endswith(JABAR) and p.name[: -len(JABAR)] + JATIM in self
        )

    def in_group(self, group: str) -> tuple[Parameter, ...]:
        """The parameters of one group, in file order."""
        return tuple(p for p in self.rows if p.group == group)

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame with the file's columns."""
        return pd.DataFrame(
            [{c: getattr(p, c) for c in COLUMNS} for p in self.rows], columns=list(COLUMNS)
        )


def parse_parameters(text: str, source: str = "parameters.csv") -> ParameterTable:
    """Parse and validate the CSV ``text``; ``source`` names the file in error messages."""
    rows: list[Parameter] = []
    seen: dict[str, int] = {}
    for row in parse_rows(text, COLUMNS, source):
        name = row.text("name")
        if not name.isidentifier():
            raise row.fail(f"{name!r} is not a valid name", "name")
        if name in seen:
            raise row.fail(f"duplicate name {name!r} (first on line {seen[name]})", "name")
        seen[name] = row.line
        group = row.text("group")
        if f"group_{group}" not in TEXT:
            raise row.fail(
                f"group {group!r} has no words in the translation table "
                f"(add a row 'group_{group}' to data/text.csv)",
                "group",
            )
        unit = row.text("unit")
        if unit not in UNITS:
            raise row.fail(
                f"unit {unit!r} has no words in the translation table "
                "(add a row for it to data/units.csv)",
                "unit",
            )
        numbers = {c: row.number(c) for c in NUMERIC_COLUMNS}
        if numbers["min"] > numbers["max"]:
            raise row.fail(f"min {numbers['min']:g} is above max {numbers['max']:g}", "min")
        if not numbers["min"] <= numbers["value"] <= numbers["max"]:
            raise row.fail(
                f"{numbers['value']:g} is outside [{numbers['min']:g}, {numbers['max']:g}]",
                "value",
            )
        if numbers["step"] <= 0:
            raise row.fail("must be positive", "step")
        rows.append(
            Parameter(
                name=name,
                group=group,
                role=row.choice("role", ROLES),
                kind=row.choice("kind", KINDS),
                unit=unit,
                **{c: row.text(c) for c in REQUIRED_TEXT},
                **{c: row.text(c, required=False) for c in OPTIONAL_TEXT},
                **numbers,
            )
        )
    if not rows:
        raise DataFileError(f"{source}: no parameter rows")
    table = ParameterTable(tuple(rows))
    for first, second in table.share_pairs:
        total = table[first].value + table[second].value
        if total > 100:
            raise DataFileError(
                f"{source}, line {seen[second]}, column 'value': {first} + {second} = "
                f"{total:g} %, above 100 %"
            )
    return table


@cached_loader
def _load(path: Path) -> ParameterTable:
    return parse_parameters(read_text(path), source=path_label(path))


def load_parameters(path: str | Path | None = None) -> ParameterTable:
    """Read and validate a parameter file (the project's own, ``PARAMETERS_CSV``, by default)."""
    return _load(path or PARAMETERS_CSV)
