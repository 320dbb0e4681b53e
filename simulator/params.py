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
from simulator.i18n import TEXT, UNITS, pick, sentence_start, tr
from simulator.regions import Region, load_regions

__all__ = [
    "DATA_DIR",
    "PARAMETERS_CSV",
    "Parameter",
    "ParameterFileError",
    "ParameterTable",
    "ShareGroup",
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

# A share group splits one whole (existing units, programme units, sales places) over the
# regions of data/regions.csv: one row <group>_share_<share_suffix> per region but the last,
# the rest of Indonesia, which takes what they leave (so together they may not exceed 100 %).
SHARE = "_share_"


@dataclass(frozen=True)
class ShareGroup:
    """The rows that split one whole over the regions (the rest takes what they leave)."""

    code: str  # "base", "new_units", "sales_place": the rows' prefix; words shares_<code>
    names: tuple[str, ...]  # one parameter per named region, in the regions' order
    regions: tuple[str, ...]  # those regions' codes

    @property
    def words_key(self) -> str:
        """Translation key of what the group splits ("sales places")."""
        return f"shares_{self.code}"


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
        word = tr(f"kind_{self.kind}", lang)
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
    share_groups: tuple[ShareGroup, ...] = ()  # see ShareGroup; checked by parse_parameters

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

    def share_group(self, code: str) -> ShareGroup:
        """The share group ``code`` ("base", "new_units", "sales_place")."""
        return next(g for g in self.share_groups if g.code == code)

    def in_group(self, group: str) -> tuple[Parameter, ...]:
        """The parameters of one group, in file order."""
        return tuple(p for p in self.rows if p.group == group)

    def frame(self) -> pd.DataFrame:
        """The table as a DataFrame with the file's columns."""
        return pd.DataFrame(
            [{c: getattr(p, c) for c in COLUMNS} for p in self.rows], columns=list(COLUMNS)
        )


def _share_groups(
    rows: list[Parameter], lines: dict[str, int], regions: tuple[Region, ...], source: str
) -> tuple[ShareGroup, ...]:
    """The share groups the rows' names declare (``<group>_share_<share_suffix>``), each
    with one row per named region, its words and shares within 100 % (else a message naming
    the file, line and column)."""
    named = regions[:-1]  # the last region, the rest of Indonesia, has no share rows
    codes: dict[str, str] = {}  # group -> the first row's name
    for p in rows:
        for region in named:
            ending = SHARE + region.share_suffix
            if p.name.endswith(ending) and len(p.name) > len(ending):
                codes.setdefault(p.name[: -len(ending)], p.name)
    groups = []
    for code, first in codes.items():
        where = f"{source}, line {lines[first]}, column 'name'"
        names = tuple(r.share_name(code) for r in named)
        missing = [n for n in names if n not in lines]
        if missing:
            raise DataFileError(
                f"{where}: share group {code!r} has no row {', '.join(missing)} (one row per "
                "region of data/regions.csv but the last)"
            )
        if f"shares_{code}" not in TEXT:
            raise DataFileError(
                f"{where}: share group {code!r} has no words in the translation table "
                f"(add 'shares_{code}' to simulator/i18n.py TEXT)"
            )
        by_name = {p.name: p for p in rows}
        for name in names:
            if by_name[name].unit != "%":
                raise DataFileError(
                    f"{source}, line {lines[name]}, column 'unit': a regional share is in %"
                )
        total = sum(by_name[n].value for n in names)
        if total > 100:
            raise DataFileError(
                f"{source}, line {lines[names[-1]]}, column 'value': {' + '.join(names)} = "
                f"{total:g} %, above 100 %"
            )
        groups.append(ShareGroup(code, names, tuple(r.code for r in named)))
    return tuple(groups)


def parse_parameters(
    text: str, source: str = "parameters.csv", regions: tuple[Region, ...] | None = None
) -> ParameterTable:
    """Parse and validate the CSV ``text``; ``source`` names the file in error messages;
    ``regions`` are the project's (data/regions.csv) unless given."""
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
    groups = _share_groups(rows, seen, regions or load_regions(), source)
    return ParameterTable(tuple(rows), groups)


@cached_loader
def _load(path: Path) -> ParameterTable:
    return parse_parameters(read_text(path), source=path_label(path))


def load_parameters(path: str | Path | None = None) -> ParameterTable:
    """Read and validate a parameter file (the project's own, ``PARAMETERS_CSV``, by default)."""
    return _load(path or PARAMETERS_CSV)
