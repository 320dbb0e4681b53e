"""Tables for meetings: the yearly results as CSV and as an Excel workbook, the compare
view's CSV, and the names of every downloaded file.

Each builder is a pure function of a paired result (scenario, baseline), the scenario's
values and a language, and returns bytes; the app calls them only when a download is
clicked. Numbers follow the language: the Indonesian CSV uses ';' between fields and ','
for decimals (as Excel set to Indonesian expects), the English one ',' and '.'; the
workbook's units are in the reader's words and its counts are whole numbers.

The CSV carries an :class:`~simulator.files.briefing.About` note: the scenario's name, its
settings against the skenario dasar, the link that reopens it and the source line, as lines
starting with ``#`` above the header, so the numbers read back with
``pandas.read_csv(f, sep=";", decimal=",", comment="#")`` (English: ``sep=","``,
``decimal="."``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from simulator import formatting as fmt
from simulator.files import briefing
from simulator.files.briefing import About
from simulator.i18n import tr, unit_template
from simulator.model import BASELINE, REGIONS, SCENARIO, Result, simulate_pair
from simulator.outputs import COMPARE_OUTPUTS, OUTPUTS, REGIONAL
from simulator.params import Parameter, ParameterTable, load_parameters
from simulator.regions import region_label
from simulator.report import TABLE_COLUMNS, later_values
from simulator.safety import formula_safe_frame, formula_safe_line


def _slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens: "Unit usaha IKM (wilayah)" ->
    "unit-usaha-ikm-wilayah"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def file_name(scenario_name: str, kind: str, extension: str, today: dt.date | None = None) -> str:
    """``ikm-alas-kaki_<scenario>_<kind>_<date>.<ext>``, the name and kind slugged (no
    spaces, ASCII only), so a chart called "Nilai produksi" gives "nilai-produksi"."""
    slug = _slug(scenario_name) or "skenario"
    day = (today or dt.date.today()).isoformat()
    return f"ikm-alas-kaki_{slug}_{_slug(kind) or 'berkas'}_{day}.{extension}"


def _whole(values: np.ndarray, decimals: int) -> np.ndarray:
    """Values rounded to ``decimals``; whole numbers as integers (counts are people, units)."""
    rounded = np.round(np.asarray(values, dtype=float), decimals)
    return rounded.astype("int64") if decimals <= 0 else rounded


def _year_frame(result: Result, lang: str) -> tuple[pd.DataFrame, dict[str, int]]:
    """Numbers by year: each output for the scenario and the baseline, headed in ``lang``,
    and the decimals of each column."""
    scenario, baseline = tr("series_scenario", lang), tr("series_baseline", lang)
    columns: dict[str, Any] = {tr("col_year", lang): result.years.astype("int64")}
    decimals: dict[str, int] = {}
    for key, places in TABLE_COLUMNS:
        for label, row in ((scenario, SCENARIO), (baseline, BASELINE)):
            name = f"{tr(f'col_{key}', lang)} – {label}"
            columns[name] = _whole(result[key][row], places)
            decimals[name] = places
    return pd.DataFrame(columns), decimals


def _region_frame(result: Result, lang: str) -> tuple[pd.DataFrame, dict[str, int]]:
    scenario, baseline = tr("series_scenario", lang), tr("series_baseline", lang)
    rows = []
    decimals: dict[str, int] = {}
    for t, year in enumerate(result.years):
        for r, region in enumerate(REGIONS):
            row: dict[str, Any] = {
                tr("col_year", lang): int(year),
                tr("col_region", lang): region_label(region, lang),
            }
            for output in REGIONAL:
                key, places = output.name, output.decimals
                for label, index in ((scenario, SCENARIO), (baseline, BASELINE)):
                    name = f"{tr(f'col_{key}', lang)} – {label}"
                    value = round(float(result.regions[key][index, r, t]), places)
                    row[name] = int(value) if places <= 0 else value
                    decimals[name] = places
            rows.append(row)
    return pd.DataFrame(rows), decimals


def unit_words(unit: str, lang: str) -> str:
    """A parameter's unit in ``lang`` without a number: "Rp triliun per tahun", "unit per
    tahun", "%"; years and indices, written as bare numbers, get their word."""
    words = " ".join(unit_template(unit, lang).replace("{v}", " ").split())
    return words or tr(f"xl_unit_{unit}", lang)


YEAR_FORMAT = "0"  # a year as a plain integer: 2030, not "2.030" with the reader's grouping


def _places(param: Parameter, *values: float) -> int | None:
    """Decimals a workbook shows for a parameter: its step's, or more for a typed value
    (at most 4); None for a year (shown as a plain integer)."""
    if param.unit == "year":
        return None
    return min(4, max(fmt.decimals_of(param.step), *(fmt.decimals_of(v) for v in values)))


def _parameter_frame(
    values: Mapping[str, float], lang: str, table: ParameterTable
) -> tuple[pd.DataFrame, list[int]]:
    rows: list[dict[str, Any]] = []
    places: list[int | None] = []
    for p in table.values():
        value = float(values.get(p.name, p.value))
        places.append(_places(p, value, p.value))
        rows.append(
            {
                tr("p_label", lang): p.label(lang),
                tr("p_name", lang): p.name,
                tr("p_value", lang): value,
                tr("p_baseline", lang): p.value,
                tr("p_unit", lang): unit_words(p.unit, lang),
                tr("p_kind", lang): tr(f"kind_{p.kind}", lang),
                tr("p_source", lang): p.source_text(lang),
                tr("p_note", lang): p.note_text(lang),
            }
        )
    return pd.DataFrame(rows), places


def number_format(decimals: int) -> str:
    """Excel's number format with grouping and ``decimals`` places ("#,##0", "#,##0.00");
    Excel shows it with the reader's own separators (1.234,56 in Indonesian)."""
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def csv_bytes(result: Result, lang: str, about: About | None = None) -> bytes:
    """Results by year as CSV in the language's convention (UTF-8 with BOM for Excel).

    With ``about``, lines starting with ``#`` above the header name the scenario, its
    settings against the skenario dasar, the link and the source line: read the numbers
    with ``comment="#"``. Without it the file is the table alone.
    """
    frame, _ = _year_frame(result, lang)
    frame = formula_safe_frame(frame)
    sep, decimal = fmt.form("csv_separator", lang), fmt.separators(lang)[1]
    # The note's lines are free text (a saved scenario's name comes from a link): no cell a
    # spreadsheet splits them into may run as a formula.
    lines = about.lines() if about else []
    note = "".join(formula_safe_line(f"# {line}", sep) + "\n" for line in lines)
    table = frame.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")
    return (note + table).encode("utf-8-sig")


def compare_csv_bytes(result: Result, names: list[str], lang: str) -> bytes:
    """The comparison as CSV: one row per compared scenario and year (row 0 of ``result`` is
    the skenario dasar), the main outputs as numbers in the language's convention; names
    that a spreadsheet would read as a formula are quoted."""
    rows = []
    for i, name in enumerate(names):
        for t, year in enumerate(result.years):
            row: dict[str, Any] = {tr("col_scenario", lang): name, tr("col_year", lang): int(year)}
            for key in COMPARE_OUTPUTS:
                row[OUTPUTS[key].column(lang)] = _whole(result[key][i, t], OUTPUTS[key].decimals)
            rows.append(row)
    # A carriage return inside a name is not quoted by the CSV writer (its line ends with
    # "\n") but starts a new row in a spreadsheet: it becomes a space.
    names_one_line = pd.DataFrame(rows).replace(r"[\r\n]+", " ", regex=True)
    frame = formula_safe_frame(names_one_line)
    sep, decimal = fmt.form("csv_separator", lang), fmt.separators(lang)[1]
    table = frame.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")
    return table.encode("utf-8-sig")


def _about_frame(
    result: Result, values: Mapping[str, float], lang: str, about: About, table: ParameterTable
) -> pd.DataFrame:
    """The workbook's first sheet: the scenario's name, what differs from the baseline, the
    link that reopens it, the model's warnings and the source line, one a row."""
    warnings = briefing.flag_texts(result, lang, simulate_pair(later_values(values), table))
    lines = about.lines()
    if warnings:
        lines = [*lines[:-1], tr("xl_warnings", lang), *(f"- {w}" for w in warnings), lines[-1]]
    # Bullets, not "- ": a cell beginning with a minus would be read as a formula (and is
    # kept as text with a visible apostrophe).
    lines = [f"• {line[2:]}" if line.startswith("- ") else line for line in lines]
    return pd.DataFrame({tr("sheet_about", lang): lines})


def xlsx_bytes(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    table: ParameterTable | None = None,
    about: About | None = None,
) -> bytes:
    """A workbook: with ``about``, a first sheet naming the scenario (its settings, link
    and the model's warnings); results by year, regions, and the scenario's parameters
    with sources.

    Units are in ``lang``'s words; counts (people, units) are whole numbers, years plain
    integers (2030, never "2.030"), and every output shows the decimals its declaration
    gives it.
    """
    table = table or load_parameters()
    years, year_places = _year_frame(result, lang)
    regions, region_places = _region_frame(result, lang)
    params, param_places = _parameter_frame(values, lang, table)
    value_columns = {tr("p_value", lang), tr("p_baseline", lang)}
    sheets = [
        (tr("sheet_years", lang), years, year_places),
        (tr("sheet_regions", lang), regions, region_places),
        (tr("sheet_params", lang), params, {}),
    ]
    if about is not None:
        sheets.insert(
            0, (tr("sheet_about", lang), _about_frame(result, values, lang, about, table), {})
        )
    year_column = tr("col_year", lang)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, unsafe, places in sheets:
            frame = formula_safe_frame(unsafe)
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(frame.columns, start=1):
                letter = sheet.cell(row=1, column=index).column_letter
                sheet.column_dimensions[letter].width = min(max(len(str(column)), 10) + 2, 60)
                cells = sheet[letter][1:]
                if column == year_column:
                    for cell in cells:
                        cell.number_format = YEAR_FORMAT
                elif column in places:
                    for cell in cells:
                        cell.number_format = number_format(places[column])
                elif column in value_columns:
                    for cell, decimals in zip(cells, param_places, strict=True):
                        cell.number_format = (
                            YEAR_FORMAT if decimals is None else number_format(decimals)
                        )
            sheet.freeze_panes = "B2"
    return buffer.getvalue()
