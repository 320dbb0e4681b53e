"""Files for meetings: CSV, Excel workbook, chart images (PNG, SVG) and a one-page PDF.

Each builder is a pure function of a paired result (scenario, baseline), the scenario's
values and a language, and returns bytes; the app calls them only when a download is
clicked. Numbers follow the language: the Indonesian CSV uses ';' between fields and ','
for decimals (as Excel set to Indonesian expects), the English one ',' and '.'.
Chart images come from the same Vega-Lite specs as the page, through vl-convert.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from simulator import formatting as fmt
from simulator.i18n import tr
from simulator.model import REGIONS, Result
from simulator.params import ParameterTable, load_parameters
from simulator.report import BASELINE, SCENARIO, TABLE_COLUMNS, headlines, sentence
from simulator.safety import formula_safe_frame

# The assumptions a briefing lists: those the effects depend on most (see the tornado).
MAIN_ASSUMPTIONS = (
    "small_units_2024",
    "unit_sales",
    "demand_growth_domestic",
    "capacity_displacement",
    "online_uplift",
    "online_displacement",
    "attrition",
    "medium_workers_per_unit",
)
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def file_name(scenario_name: str, kind: str, extension: str, today: dt.date | None = None) -> str:
    """``ikm-alas-kaki_<scenario>_<kind>_<date>.<ext>`` with a safe slug of the name."""
    slug = re.sub(r"[^a-z0-9]+", "-", scenario_name.lower()).strip("-")[:40] or "skenario"
    day = (today or dt.date.today()).isoformat()
    return f"ikm-alas-kaki_{slug}_{kind}_{day}.{extension}"


def _year_frame(result: Result, lang: str) -> pd.DataFrame:
    """Numbers by year: each output for the scenario and the baseline, headed in ``lang``."""
    scenario, baseline = tr("series_scenario", lang), tr("series_baseline", lang)
    columns: dict[str, Any] = {tr("col_year", lang): result.years}
    for key, decimals in TABLE_COLUMNS:
        columns[f"{tr(f'col_{key}', lang)} – {scenario}"] = result[key][SCENARIO].round(decimals)
        columns[f"{tr(f'col_{key}', lang)} – {baseline}"] = result[key][BASELINE].round(decimals)
    return pd.DataFrame(columns)


def _region_frame(result: Result, lang: str) -> pd.DataFrame:
    scenario, baseline = tr("series_scenario", lang), tr("series_baseline", lang)
    rows = []
    for t, year in enumerate(result.years):
        for r, region in enumerate(REGIONS):
            row: dict[str, Any] = {
                tr("col_year", lang): int(year),
                tr("col_region", lang): tr(f"region_{region}", lang),
            }
            for key, decimals in (("units", 0), ("production_rp_tn", 2), ("jobs", 0)):
                for label, index in ((scenario, SCENARIO), (baseline, BASELINE)):
                    value = result.regions[key][index, r, t]
                    row[f"{tr(f'col_{key}', lang)} – {label}"] = round(float(value), decimals)
            rows.append(row)
    return pd.DataFrame(rows)


def _parameter_frame(values: Mapping[str, float], lang: str, table: ParameterTable) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                tr("p_label", lang): p.label(lang),
                tr("p_name", lang): p.name,
                tr("p_value", lang): values.get(p.name, p.value),
                tr("p_baseline", lang): p.value,
                tr("p_unit", lang): p.unit,
                tr("p_kind", lang): tr(f"kind_{p.kind}", lang),
                tr("p_source", lang): p.source_text(lang),
                tr("p_note", lang): p.note_text(lang),
            }
            for p in table.values()
        ]
    )


def csv_bytes(result: Result, lang: str) -> bytes:
    """Results by year as CSV in the language's convention (UTF-8 with BOM for Excel)."""
    frame = formula_safe_frame(_year_frame(result, lang))
    sep, decimal = fmt.form("csv_separator", lang), fmt.separators(lang)[1]
    return frame.to_csv(index=False, sep=sep, decimal=decimal).encode("utf-8-sig")


def xlsx_bytes(
    result: Result, values: Mapping[str, float], lang: str, table: ParameterTable | None = None
) -> bytes:
    """A workbook: results by year, regions, and the scenario's parameters with sources."""
    table = table or load_parameters()
    buffer = io.BytesIO()
    sheets = {
        tr("sheet_years", lang): _year_frame(result, lang),
        tr("sheet_regions", lang): _region_frame(result, lang),
        tr("sheet_params", lang): _parameter_frame(values, lang, table),
    }
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, unsafe in sheets.items():
            frame = formula_safe_frame(unsafe)
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for index, column in enumerate(frame.columns, start=1):
                letter = sheet.cell(row=1, column=index).column_letter
                width = min(max(len(str(column)), 10) + 2, 60)
                sheet.column_dimensions[letter].width = width
                if pd.api.types.is_float_dtype(frame[column]):
                    for cell in sheet[letter][1:]:
                        cell.number_format = "#,##0.00"
                elif pd.api.types.is_integer_dtype(frame[column]) and index > 1:
                    for cell in sheet[letter][1:]:
                        cell.number_format = "#,##0"
            sheet.freeze_panes = "B2"
    return buffer.getvalue()


def _inline(spec: Mapping[str, Any], width: int) -> dict[str, Any]:
    """A page spec made standalone: datasets as records and a fixed width."""
    datasets = {name: _records(frame) for name, frame in spec.get("datasets", {}).items()}
    return {**spec, "datasets": datasets, "width": width, "background": "white"}


def _records(data: Any) -> Any:
    """A dataset as a list of records (from a DataFrame or an Arrow table)."""
    if isinstance(data, pd.DataFrame):
        return data.to_dict(orient="records")
    if hasattr(data, "to_pylist"):
        return data.to_pylist()
    return data


def chart_png(spec: Mapping[str, Any], width: int = 900, scale: float = 2.0) -> bytes:
    """A chart as a high-resolution PNG (for slides)."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(_inline(spec, width), scale=scale)


def chart_svg(spec: Mapping[str, Any], width: int = 900) -> bytes:
    """A chart as SVG."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(_inline(spec, width)).encode("utf-8")


def _font_files() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


def pdf_bytes(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    *,
    title: str,
    link: str,
    charts: list[Mapping[str, Any]],
    table: ParameterTable | None = None,
    today: dt.date | None = None,
) -> bytes:
    """A one-page A4 briefing: settings against the baseline, headline, sentence, charts."""
    from fpdf import FPDF

    table = table or load_parameters()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(14, 12, 14)
    pdf.add_page()
    fonts = _font_files()
    if fonts:
        pdf.add_font("DejaVu", "", str(fonts[0]))
        pdf.add_font("DejaVu", "B", str(fonts[1]))
        family = "DejaVu"

        def clean(text: str) -> str:
            return text
    else:  # Core fonts only know Latin-1: drop what they cannot draw.
        family = "Helvetica"

        def clean(text: str) -> str:
            swapped = text.replace("–", "-").replace("●", "*").replace("◆", "*")
            return swapped.encode("latin-1", "replace").decode("latin-1")

    width = pdf.w - pdf.l_margin - pdf.r_margin
    day = fmt.date(today or dt.date.today(), lang)
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(width, 7, clean(tr("pdf_title", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.multi_cell(
        width, 5, clean(f"{title} · {tr('pdf_date', lang)} {day}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)

    pdf.set_font(family, "B", 11)
    pdf.cell(width, 6, clean(tr("pdf_settings", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    changed = [p for p in table.values() if values.get(p.name, p.value) != p.value]
    if not changed:
        pdf.cell(width, 5, clean(tr("pdf_no_change", lang)), new_x="LMARGIN", new_y="NEXT")
    for param in changed[:10]:
        now = fmt.param_value(values[param.name], param.unit, lang)
        base = fmt.param_value(param.value, param.unit, lang)
        pdf.multi_cell(
            width,
            4.6,
            clean(f"• {param.label(lang)}: {now} ({tr('series_baseline', lang)} {base})"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(1.5)

    year = int(result.years[-1])
    pdf.set_font(family, "B", 11)
    pdf.cell(width, 6, clean(tr("headline", lang, year=year)), new_x="LMARGIN", new_y="NEXT")
    items = headlines(result, lang)
    column = width / 4
    pdf.set_font(family, "", 8.5)
    for row in (items[:4], items[4:]):
        top = pdf.get_y()
        for i, item in enumerate(row):
            pdf.set_xy(pdf.l_margin + i * column, top)
            pdf.set_font(family, "", 8)
            pdf.cell(column - 2, 4, clean(item.label))
            pdf.set_xy(pdf.l_margin + i * column, top + 4)
            pdf.set_font(family, "B", 10)
            pdf.cell(column - 2, 5, clean(item.value))
            pdf.set_xy(pdf.l_margin + i * column, top + 9)
            pdf.set_font(family, "", 7.5)
            pdf.cell(column - 2, 4, clean(item.delta if item.changed else "–"))
        pdf.set_xy(pdf.l_margin, top + 14)
    pdf.ln(1)
    pdf.set_font(family, "", 10)
    pdf.multi_cell(
        width, 5, clean(sentence(values, result, lang, table)), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)

    top = pdf.get_y()
    chart_width = (width - 4) / 2
    for i, spec in enumerate(charts[:2]):
        image = chart_png(spec, width=620, scale=2)
        pdf.image(io.BytesIO(image), x=pdf.l_margin + i * (chart_width + 4), y=top, w=chart_width)
    pdf.set_y(top + chart_width * 0.78 + 2)

    pdf.set_font(family, "B", 11)
    pdf.cell(width, 6, clean(tr("pdf_assumptions", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 8.5)
    for name in MAIN_ASSUMPTIONS:
        param = table[name]
        shown = fmt.param_value(values.get(name, param.value), param.unit, lang)
        pdf.multi_cell(
            width,
            4.2,
            clean(f"• {param.label(lang)}: {shown}. {param.source_text(lang)}"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(1.5)
    pdf.set_font(family, "B", 9)
    pdf.cell(width, 5, clean(tr("pdf_link", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 7.5)
    pdf.multi_cell(width, 3.8, clean(link), link=link, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-14)
    pdf.set_font(family, "", 7.5)
    pdf.multi_cell(width, 3.8, clean(tr("footer", lang)), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
