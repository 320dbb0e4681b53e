"""Exports open and hold the right numbers, in the chosen language's convention."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pypdf import PdfReader

from simulator import charts, exports
from simulator import formatting as fmt
from simulator.report import run_pair

VALUES = {"investment": 5.6, "online_adoption": 75.0}
RESULT = run_pair(VALUES)
END = int(RESULT.years[-1])


@pytest.mark.parametrize(("lang", "sep", "decimal"), [("id", ";", ","), ("en", ",", ".")])
def test_csv_reads_back_with_the_languages_separators(lang, sep, decimal):
    """The CSV parses with its language's separators and holds the model's numbers."""
    data = exports.csv_bytes(RESULT, lang)
    frame = pd.read_csv(io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig")
    assert len(frame) == len(RESULT.years)
    production = next(c for c in frame.columns if c.startswith(("Nilai produksi", "Production")))
    assert frame[production].iloc[-1] == pytest.approx(RESULT["production_rp_tn"][0, -1], abs=0.005)
    assert frame.iloc[:, 0].tolist() == RESULT.years.tolist()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_workbook_has_three_sheets_with_numbers(lang):
    """Results by year, regions, and parameters with sources, one sheet each."""
    data = exports.xlsx_bytes(RESULT, VALUES, lang)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert len(sheets) == 3
    years, regions, params = sheets.values()
    assert len(years) == len(RESULT.years)
    assert years.iloc[-1, 1] == pytest.approx(RESULT["production_rp_tn"][0, -1], abs=0.005)
    assert len(regions) == 3 * len(RESULT.years)
    assert len(params) >= 25
    assert params.iloc[0, 2] == 5.6  # the scenario's investment, next to its label and name


def test_chart_images_are_png_and_svg():
    """Every page chart exports as a PNG (signature checked) and as SVG text."""
    specs = [charts.line_chart(RESULT, o, "id", 2027) for o in charts.LINE_OUTPUTS]
    specs += [charts.sales_split_chart(RESULT, "id"), charts.region_chart(RESULT, "jobs", "id")]
    for spec in specs:
        png = exports.chart_png(spec, width=500, scale=1)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(png) > 5_000
        svg = exports.chart_svg(spec, width=500).decode("utf-8")
        assert "<svg" in svg
    svg = exports.chart_svg(specs[0]).decode("utf-8")
    assert "Nilai produksi" in svg


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pdf_briefing_is_one_page_with_the_numbers_and_link(lang):
    """The PDF is one page and states title, headline value, the sentence and the link."""
    link = "http://localhost:8501/?investment=5.6&online_adoption=50"
    data = exports.pdf_bytes(
        RESULT,
        VALUES,
        lang,
        title="Investasi ganda",
        link=link,
        charts=[charts.line_chart(RESULT, "production_rp_tn", lang, 2027)],
        today=dt.date(2026, 11, 28),
    )
    assert data[:5] == b"%PDF-"
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert ("Ringkasan skenario" if lang == "id" else "scenario briefing") in text
    assert fmt.rp_tn(float(RESULT["production_rp_tn"][0, -1]), lang) in text
    assert "28 November 2026" in text
    assert "investment=5.6" in text


def test_file_names_carry_scenario_and_date():
    """File names are slugged from the scenario name and dated."""
    name = exports.file_name("Paket kebijakan lengkap!", "hasil", "csv", dt.date(2026, 1, 2))
    assert name == "ikm-alas-kaki_paket-kebijakan-lengkap_hasil_2026-01-02.csv"
    assert exports.file_name("<script>", "x", "pdf").startswith("ikm-alas-kaki_script_x_")
