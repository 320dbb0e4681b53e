"""Every output of the model, declared once (PolicyEngine's variables, Mesa's DataCollector).

One row of ``data/outputs.csv`` per column of the yearly results, read by the one CSV reader:

* ``name``, ``unit`` (English, for documentation), ``kind`` (how a number of it is written,
  a key of :data:`FORMATS`), ``decimals`` a table shows, ``better`` (1: higher is good news,
  -1: lower is, 0: neither);
* positions (any number; rows sort by it, empty: not there): ``headline`` among the headline
  cards, ``table`` in the yearly table and its CSV and workbook sheet, with ``table_group``
  the table tab's group it shows in, ``pick`` among the outputs a reader picks in the compare
  chart and the analyses;
* ``roles``, words: ``main`` (a main figure: the results' line charts, uncertainty, goal-
  seeking), ``compare`` (a column of the compare table and its CSV), ``totals`` (its headline
  card also sums the change over the policy period), ``briefing`` (a line chart of the
  presentation view and the PDF briefing), ``estimate`` (shown apart, labelled an estimate),
  ``regional`` (also computed by region), ``cost`` (what the instruments cost the budget,
  not an outcome: not split into the instruments' contributions);
* ``marked``: the published series drawn on its chart (itself, or a segment that was counted);
* ``formula``: empty for what the model computes; for a derived output, arithmetic on the
  outputs above it (``100 * online_sales_rp_tn / sales_rp_tn``), computed after each run.

The model's column list, the headline cards, tables, chart axes, exports and analysis
pickers all read :data:`OUTPUTS` and the lists below; no output name or unit is written
anywhere else. An output whose words (its label ``out_<name>``, its column ``col_<name>``,
its table group's, its marked series') are missing from the translation table is refused
at load, naming the keys to add.

Money is in constant 2016 prices throughout (deflated with BPS consumer prices).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator import formatting as fmt
from simulator.datafile import DATA_DIR, DataFileError, Row, parse_rows, path_label, read_text
from simulator.i18n import TEXT, tr

Formatter = Callable[[float, str], str]

# How a value of each kind is written, and how a change of it is written.
FORMATS: dict[str, tuple[Formatter, Formatter]] = {
    "rp_tn": (fmt.rp_tn, fmt.rp_tn_signed),
    "usd_mn": (fmt.usd_mn, fmt.usd_mn_signed),
    "jobs": (lambda x, lang: fmt.count(x, lang, "jobs"), lambda x, lang: fmt.signed(x, lang)),
    "units": (lambda x, lang: fmt.count(x, lang, "units"), lambda x, lang: fmt.signed(x, lang)),
    "percent": (fmt.percent, fmt.points_signed),
}
AXIS_FORMAT = {
    "rp_tn": ",.1~f",
    "usd_mn": ",.0f",
    "jobs": ",.0f",
    "units": ",.0f",
    "percent": ".0f",
}
AXIS_KEY = {
    "rp_tn": "axis_rp_tn",
    "usd_mn": "axis_usd_mn",
    "jobs": "axis_persons",
    "units": "axis_units",
    "percent": "axis_percent",
}


@dataclass(frozen=True, kw_only=True)
class Output:
    """One output column of the model's yearly results."""

    name: str
    unit: str  # for documentation and exports, English
    kind: str  # a key of FORMATS
    decimals: int
    headline: float | None = None  # position among the headline cards, None if not shown
    estimate: bool = False  # shown apart and labelled as an estimate
    regional: bool = False  # also computed by region
    better: int = 1  # +1 higher is good news, -1 lower is, 0 neither
    table: float | None = None  # position in the yearly table and its exports
    table_group: str = ""  # the table tab's group (words: table_group_<code>)
    pick: float | None = None  # position among the outputs a reader can pick
    main: bool = False  # a main figure: line charts, uncertainty, goal-seeking
    compare: bool = False  # a column of the compare table and its CSV
    totals: bool = False  # its headline card also sums the change over the policy period
    briefing: bool = False  # a line chart of the presentation view and the PDF briefing
    cost: bool = False  # the instruments' public cost, not an outcome (no contributions)
    marked: tuple[str, ...] = ()  # published series drawn on its chart
    formula: str = ""  # arithmetic on other outputs for a derived output, else ""

    @property
    def label_key(self) -> str:
        """Translation key of the short label ("Nilai produksi")."""
        return f"out_{self.name}"

    @property
    def column_key(self) -> str:
        """Translation key of the table column with its unit ("Nilai produksi (Rp triliun)")."""
        return f"col_{self.name}"

    @property
    def axis_key(self) -> str:
        """Translation key of a chart axis title for this output."""
        return AXIS_KEY[self.kind]

    @property
    def axis_format(self) -> str:
        """d3-format of chart axis numbers."""
        return AXIS_FORMAT[self.kind]

    def label(self, lang: str) -> str:
        """The short label in ``lang``."""
        return tr(self.label_key, lang)

    def column(self, lang: str) -> str:
        """The table column heading in ``lang``."""
        return tr(self.column_key, lang)

    def show(self, value: float, lang: str) -> str:
        """A value as a reader of ``lang`` writes it, with its unit."""
        return FORMATS[self.kind][0](value, lang)

    def show_change(self, change: float, lang: str) -> str:
        """A change against the baseline, signed ("+Rp5,40 triliun", "+5,9 persen poin")."""
        return FORMATS[self.kind][1](change, lang)

    def show_change_short(self, change: float, lang: str) -> str:
        """A change for a narrow card, in Babel's compact form ("+Rp2,3 T", "+11,5 rb")."""
        return fmt.compact_signed(change, lang, self.kind)

    @property
    def words(self) -> tuple[str, ...]:
        """The translation keys the page asks for this output."""
        keys = [self.label_key, self.column_key]
        if self.table_group:
            keys.append(f"table_group_{self.table_group}")
        for series in self.marked:
            keys.append(f"published_{series}")
            if series != self.name:
                keys.append(f"part_{series}")
        return tuple(keys)

    def compute(self, outputs: Mapping[str, np.ndarray]) -> np.ndarray:
        """A derived output from the outputs its formula names (arrays of one shape)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(_evaluate(ast.parse(self.formula, mode="eval").body, outputs))


OUTPUTS_CSV = DATA_DIR / "outputs.csv"
COLUMNS = (
    "name",
    "unit",
    "kind",
    "decimals",
    "better",
    "headline",
    "table",
    "table_group",
    "pick",
    "roles",
    "marked",
    "formula",
)
ROLES = ("main", "compare", "totals", "briefing", "estimate", "regional", "cost")
_OPERATORS: dict[type, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    ast.Add: np.add,
    ast.Sub: np.subtract,
    ast.Mult: np.multiply,
    ast.Div: np.divide,
}


def _evaluate(node: ast.AST, outputs: Mapping[str, np.ndarray]) -> np.ndarray | float:
    """A formula's value: numbers, output names, + - * / and a leading minus, nothing else
    (checked at load by :func:`_formula_names`)."""
    if isinstance(node, ast.BinOp):
        op = _OPERATORS[type(node.op)]
        return op(_evaluate(node.left, outputs), _evaluate(node.right, outputs))
    if isinstance(node, ast.UnaryOp):
        return -_evaluate(node.operand, outputs)
    if isinstance(node, ast.Name):
        return outputs[node.id]
    return float(node.value)  # type: ignore[attr-defined]


def _formula_names(row: Row, formula: str) -> set[str]:
    """The output names a formula reads; anything but arithmetic on names and numbers is
    refused."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError:
        raise row.fail(f"{formula!r} is not a formula", "formula") from None
    names = set()
    for node in ast.walk(tree.body):
        arithmetic = (
            isinstance(node, ast.BinOp | ast.operator) and type(node) in (*_OPERATORS, ast.BinOp)
        ) or isinstance(node, ast.UnaryOp | ast.USub)
        number = isinstance(node, ast.Constant) and type(node.value) in (int, float)
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif not (arithmetic or number or isinstance(node, ast.Load)):
            raise row.fail(
                f"{formula!r}: only numbers, output names and + - * / are allowed", "formula"
            )
    return names


def _position(row: Row, column: str) -> float | None:
    value = row.number(column, required=False)
    return None if math.isnan(value) else value


def parse_outputs(text: str, source: str = "outputs.csv") -> tuple[Output, ...]:
    """The outputs declared in CSV ``text``, checked: a known kind, whole decimals, a
    ``better`` of -1, 0 or 1, known roles, a table group with every table position, marked
    series and formulas naming outputs, and the words of each in the translation table."""
    found: list[Output] = []
    names: set[str] = set()
    rows = list(parse_rows(text, COLUMNS, source))
    if not rows:
        raise DataFileError(f"{source}: no outputs (at least one row is needed)")
    for row in rows:
        name = row.text("name")
        if not name.isidentifier() or name in names:
            problem = "is declared twice" if name in names else "is not a name"
            raise row.fail(f"{name!r} {problem}", "name")
        decimals = row.number("decimals")
        if decimals != int(decimals) or not 0 <= decimals <= 6:
            raise row.fail(f"{decimals:g} is not a whole number from 0 to 6", "decimals")
        roles = row["roles"].split()
        unknown = [r for r in roles if r not in ROLES]
        if unknown:
            raise row.fail(f"{unknown[0]!r} is not one of {', '.join(ROLES)}", "roles")
        table, group = _position(row, "table"), row.text("table_group", required=False)
        if (table is None) != (not group):
            raise row.fail("a table position needs a table_group, and a group a position", "table")
        formula = row.text("formula", required=False)
        if formula:
            unknown = sorted(_formula_names(row, formula) - names)
            if unknown:
                raise row.fail(f"{unknown[0]!r} is not an output declared above", "formula")
            if "regional" in roles:
                raise row.fail("a derived output is not computed by region", "roles")
        output = Output(
            name=name,
            unit=row.text("unit"),
            kind=row.choice("kind", tuple(FORMATS)),
            decimals=int(decimals),
            better=int(row.choice("better", ("1", "0", "-1"))),
            headline=_position(row, "headline"),
            table=table,
            table_group=group,
            pick=_position(row, "pick"),
            marked=tuple(row["marked"].split()),
            formula=formula,
            **dict.fromkeys(roles, True),
        )
        names.add(name)
        found.append(output)
    for row, output in zip(rows, found, strict=True):
        unknown = [m for m in output.marked if m not in names]
        if unknown:
            raise row.fail(f"{unknown[0]!r} is not an output", "marked")
    for column in ("headline", "table", "pick"):
        seen = [getattr(o, column) for o in found if getattr(o, column) is not None]
        if len(set(seen)) != len(seen):
            raise DataFileError(f"{source}: two outputs share a {column} position")
    for row, output in zip(rows, found, strict=True):
        missing = [key for key in output.words if key not in TEXT]
        if missing:
            keys = ", ".join(repr(k) for k in missing)
            raise row.fail(
                f"output {output.name!r} has no words: add {keys} to data/text.csv",
                "name",
            )
    return tuple(found)


def load_outputs(path: str | Path = OUTPUTS_CSV) -> tuple[Output, ...]:
    """The outputs of ``data/outputs.csv`` (or another file), in file order."""
    return parse_outputs(read_text(path), path_label(path))


def _in_order(column: str) -> tuple[str, ...]:
    placed = [o for o in _ALL if getattr(o, column) is not None]
    return tuple(o.name for o in sorted(placed, key=lambda o: getattr(o, column)))


_ALL = load_outputs()
OUTPUTS: dict[str, Output] = {o.name: o for o in _ALL}
HEADLINES: tuple[Output, ...] = tuple(OUTPUTS[name] for name in _in_order("headline"))
REGIONAL: tuple[Output, ...] = tuple(o for o in _ALL if o.regional)
DERIVED: tuple[Output, ...] = tuple(o for o in _ALL if o.formula)
# The outputs a reader can pick in charts, analyses and goal-seeking (not the plumbing).
MAIN = tuple(o.name for o in _ALL if o.main)
PICKABLE = _in_order("pick")
# The yearly table's columns, in order; the table tab shows them a group at a time (all
# side by side took three screen widths; a group fits beside the levers).
TABLE_OUTPUTS = _in_order("table")
TABLE_GROUPS: dict[str, tuple[str, ...]] = {
    group: tuple(name for name in TABLE_OUTPUTS if OUTPUTS[name].table_group == group)
    for group in dict.fromkeys(OUTPUTS[name].table_group for name in TABLE_OUTPUTS)
}
COMPARE_OUTPUTS = tuple(o.name for o in _ALL if o.compare)
# Outputs whose headline cards also give the change summed over the policy period (for
# jobs, job-years): what a policy adds over its years, beside the end year's level.
TOTAL_OUTPUTS = tuple(o.name for o in _ALL if o.totals)
# The two line charts of the presentation view and of the PDF briefing.
BRIEF_LINES = tuple(o.name for o in _ALL if o.briefing)
# Published values drawn on an output's chart: the output itself and, for totals made of
# two segments, the segment that was counted (as OWID marks data on a modelled line).
MARKED: dict[str, tuple[str, ...]] = {o.name: o.marked for o in _ALL if o.marked}
# The headline outcomes the instruments' contributions split (not what they cost).
CONTRIBUTION_OUTPUTS = tuple(o.name for o in HEADLINES if not o.cost)
