"""Load and validate the parameter table, ``data/parameters.csv``.

Every number the model uses is one row of that file, with its unit, its allowed range and
its source (PolicyEngine's habit: a parameter carries its label, unit and reference). A
malformed or inconsistent file fails at load with one message naming the file, the line
and the column, so a typo in the data never reaches a chart.
"""

from __future__ import annotations

import csv
import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from simulator.i18n import pick

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PARAMETERS_CSV = DATA_DIR / "parameters.csv"

COLUMNS = (
    "name",
    "group",
    "label_id",
    "label_en",
    "value",
    "unit",
    "min",
    "max",
    "step",
    "kind",
    "source",
    "source_id",
    "note",
    "note_id",
)
NUMERIC_COLUMNS = ("value", "min", "max", "step")
REQUIRED_TEXT = ("name", "group", "label_id", "label_en", "unit", "kind", "source", "source_id")
KINDS = ("published", "derived", "assumption")
GROUPS = ("lever", "timing", "capacity", "demand", "units_jobs", "trade", "regions")

# Pairs of percentage shares that split one whole into West Java, East Java and the rest:
# together they may not exceed 100 %.
SHARE_PAIRS = (
    ("base_share_jabar", "base_share_jatim"),
    ("new_units_share_jabar", "new_units_share_jatim"),
)


class ParameterFileError(ValueError):
    """The parameter file is malformed; the message names the file, line and column."""


@dataclass(frozen=True, kw_only=True)
class Parameter:
    """One row of the parameter table.

    value, min, max and step are in ``unit``; ``kind`` says whether the value is
    published, derived from published figures, or an assumption the user may change.
    """

    name: str
    group: str
    label_id: str
    label_en: str
    value: float
    unit: str
    min: float
    max: float
    step: float
    kind: str
    source: str
    source_id: str
    note: str
    note_id: str

    @property
    def is_integer(self) -> bool:
        """Years are whole numbers; everything else is continuous."""
        return self.unit == "year"

    def label(self, lang: str) -> str:
        """The label in ``lang`` ('id' or 'en')."""
        return pick(lang, self.label_id, self.label_en)

    def source_text(self, lang: str) -> str:
        """The source in ``lang``."""
        return pick(lang, self.source_id, self.source)

    def note_text(self, lang: str) -> str:
        """The note in ``lang``."""
        return pick(lang, self.note_id, self.note)


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

    def in_group(self, group: str) -> tuple[Parameter, ...]:
        """The parameters of one group, in file order."""
        return tuple(p for p in self.rows if p.group == group)

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame with the file's columns."""
        return pd.DataFrame(
            [{c: getattr(p, c) for c in COLUMNS} for p in self.rows], columns=list(COLUMNS)
        )


def _number(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ParameterFileError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ParameterFileError(f"{where}: {text!r} is not a finite number")
    return value


def parse_parameters(text: str, source: str = "parameters.csv") -> ParameterTable:
    """Parse and validate the CSV ``text``; ``source`` names the file in error messages."""
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ParameterFileError(f"{source}, line 1: missing column(s) {', '.join(missing)}")
    rows: list[Parameter] = []
    seen: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        if None in record or any(record.get(c) is None for c in COLUMNS):
            raise ParameterFileError(f"{source}, line {line}: wrong number of cells")
        cells = {c: (record[c] or "").strip() for c in COLUMNS}
        for column in REQUIRED_TEXT:
            if not cells[column]:
                raise ParameterFileError(f"{source}, line {line}, column '{column}': empty")
        name = cells["name"]
        if not name.isidentifier():
            raise ParameterFileError(
                f"{source}, line {line}, column 'name': {name!r} is not a valid name"
            )
        if name in seen:
            raise ParameterFileError(
                f"{source}, line {line}, column 'name': duplicate name {name!r} "
                f"(first on line {seen[name]})"
            )
        seen[name] = line
        if cells["kind"] not in KINDS:
            raise ParameterFileError(
                f"{source}, line {line}, column 'kind': {cells['kind']!r} is not one of "
                f"{', '.join(KINDS)}"
            )
        if cells["group"] not in GROUPS:
            raise ParameterFileError(
                f"{source}, line {line}, column 'group': {cells['group']!r} is not one of "
                f"{', '.join(GROUPS)}"
            )
        numbers = {
            c: _number(cells[c], f"{source}, line {line}, column '{c}'") for c in NUMERIC_COLUMNS
        }
        if numbers["min"] > numbers["max"]:
            raise ParameterFileError(
                f"{source}, line {line}, column 'min': min {numbers['min']:g} is above "
                f"max {numbers['max']:g}"
            )
        if not numbers["min"] <= numbers["value"] <= numbers["max"]:
            raise ParameterFileError(
                f"{source}, line {line}, column 'value': {numbers['value']:g} is outside "
                f"[{numbers['min']:g}, {numbers['max']:g}]"
            )
        if numbers["step"] <= 0:
            raise ParameterFileError(f"{source}, line {line}, column 'step': must be positive")
        rows.append(
            Parameter(**{**cells, **numbers})  # type: ignore[arg-type]
        )
    if not rows:
        raise ParameterFileError(f"{source}: no parameter rows")
    table = ParameterTable(tuple(rows))
    for first, second in SHARE_PAIRS:
        if first in table and second in table:
            total = table[first].value + table[second].value
            if total > 100:
                raise ParameterFileError(
                    f"{source}, line {seen[second]}, column 'value': {first} + {second} = "
                    f"{total:g} %, above 100 %"
                )
    return table


def load_parameters(path: str | Path = PARAMETERS_CSV) -> ParameterTable:
    """Read and validate a parameter file (the project's own by default)."""
    path = Path(path)
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int) -> ParameterTable:
    return parse_parameters(Path(path).read_text(encoding="utf-8"), source=path_label(path))


def path_label(path: str | Path) -> str:
    """A short name of a data file for messages: relative to the project when inside it."""
    path = Path(path)
    try:
        return str(path.relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)
