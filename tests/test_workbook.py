"""The Excel workbook says which scenario it holds (issue 21): its name, what differs from
the baseline, the link that reopens it and the model's warnings on a first sheet; years are
plain integers ("2030", never "2.030")."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from simulator.files import briefing, tables
from simulator.i18n import tr
from simulator.model import simulate_pair
from simulator.params import load_parameters
from simulator.report import later_values

TABLE = load_parameters()
LINK = "http://localhost:8501/?online_adoption=90&investment=0"
FLAGGED = {**TABLE.defaults, "online_adoption": 90.0, "investment": 0.0}


def book(values: dict[str, float], lang: str, name: str = "Daring tanpa investasi"):
    result = simulate_pair(values)
    about = briefing.about(values, lang, title=name, link=LINK, table=TABLE)
    data = tables.xlsx_bytes(result, values, lang, TABLE, about)
    return load_workbook(io.BytesIO(data)), result


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_first_sheet_names_the_scenario_its_link_and_warnings(lang):
    """The workbook opens on a sheet with the scenario's name, each changed setting, the
    link and every warning the page shows next to the headline."""
    workbook, result = book(FLAGGED, lang)
    assert workbook.sheetnames[0] == tr("sheet_about", lang)
    sheet = workbook.worksheets[0]
    text = "\n".join(str(c.value) for c in sheet["A"] if c.value)
    assert "Daring tanpa investasi" in text
    assert TABLE["online_adoption"].label(lang) in text
    assert LINK in text
    warnings = briefing.flag_texts(result, lang, simulate_pair(later_values(FLAGGED)))
    assert warnings
    for warning in warnings:
        assert warning in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_years_are_plain_integers_in_every_sheet(lang):
    """Every year cell (the year columns and the year parameters) has the plain integer
    format, which shows 2030 in any locale; no year is given a thousands separator."""
    workbook, _ = book(FLAGGED, lang)
    year = tr("col_year", lang)
    seen = 0
    for sheet in workbook.worksheets[1:]:
        header = [c.value for c in sheet[1]]
        if year in header:
            for cell in sheet[sheet.cell(row=1, column=header.index(year) + 1).column_letter][1:]:
                assert cell.number_format == tables.YEAR_FORMAT
                seen += 1
    params = workbook[tr("sheet_params", lang)]
    header = [c.value for c in params[1]]
    for row in params.iter_rows(min_row=2):
        name = row[header.index(tr("p_name", lang))].value
        if TABLE[name].unit == "year":
            for column in (tr("p_value", lang), tr("p_baseline", lang)):
                assert row[header.index(column)].number_format == tables.YEAR_FORMAT
                seen += 1
    assert seen > 40


def test_a_name_from_a_link_is_text_not_a_formula():
    """A saved scenario's name that looks like a formula stays text on the first sheet."""
    workbook, _ = book(FLAGGED, "id", name='=HYPERLINK("http://evil.example")')
    cells = [c for c in workbook.worksheets[0]["A"] if c.value]
    assert all(c.data_type != "f" for c in cells)
