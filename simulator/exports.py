"""Files for meetings: CSV, Excel workbook, chart images (PNG, SVG) and a PDF briefing.

Each builder is a pure function of a paired result (scenario, baseline), the scenario's
values and a language, and returns bytes; the app calls them only when a download is
clicked. Numbers follow the language: the Indonesian CSV uses ';' between fields and ','
for decimals (as Excel set to Indonesian expects), the English one ',' and '.'; the
workbook's units are in the reader's words and its counts are whole numbers.

The CSV and the chart images carry an :class:`~simulator.briefing.About` note: the
scenario's name, its settings against the skenario dasar, the link that reopens it and the
source line. In the CSV these are lines starting with ``#`` above the header, so the
numbers read back with ``pandas.read_csv(f, sep=";", decimal=",", comment="#")`` (English:
``sep=","``, ``decimal="."``). Chart images come from the same Vega-Lite specs as the page,
through vl-convert; the PDF redraws them with fonts of at least 8 pt at their printed size.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import struct
import textwrap
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator import briefing
from simulator import formatting as fmt
from simulator.briefing import About
from simulator.charts import CHART_WIDTH, YEAR_LABEL_PX, merged_keys, title_texts
from simulator.i18n import sentence_start, tr, unit_template
from simulator.links import TEXT_KEYS, clean_text
from simulator.model import REGIONS, Result
from simulator.outputs import COMPARE_OUTPUTS, OUTPUTS, REGIONAL
from simulator.params import Parameter, ParameterTable, load_parameters
from simulator.regions import region_label
from simulator.report import (
    BASELINE,
    MINUS,
    SCENARIO,
    TABLE_COLUMNS,
    headlines,
    later_values,
    run_pair,
    sentence,
)
from simulator.safety import defang, formula_safe_frame, formula_safe_line

# The assumptions a briefing lists: those the effects depend on most (see the tornado).
MAIN_ASSUMPTIONS = (
    "ikm_workers_2017",
    "unit_sales",
    "demand_growth_domestic",
    "capacity_displacement",
    "online_uplift",
    "online_displacement",
    "attrition",
    "medium_workers_per_unit",
)
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
BRIEF_DRAWS = briefing.BRIEF_DRAWS

PT_MM = 25.4 / 72  # one typographic point [mm]
PRINT_MIN_PT = 8.0  # smallest chart text in the printed briefing [pt]
PRINT_CHART_PX = 400  # plot width of a chart drawn for print [CSS px]
PRINT_CHART_HEIGHT_PX = 240  # plot height of a chart drawn for print [CSS px]
PRINT_Y_TICKS = 6  # about as many value labels on a printed chart's y axis
PRINT_MOST_TICKS = 5  # at most as many explicit (year) labels on a printed chart's axis
PRINT_PLOT_HEIGHTS_PX = (170, 480)  # the plot heights a briefing may stretch a chart to
PRINT_SCALE = 3.0  # image pixels per CSS pixel: about 330 dpi at 88 mm wide
# Vega-Lite properties that set a text size, and Vega's sizes where a spec sets none [px].
FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
VEGA_FONT_DEFAULTS = {
    "axis": {"labelFontSize": 10, "titleFontSize": 11},
    "legend": {"labelFontSize": 10, "titleFontSize": 11},
    "title": {"fontSize": 13, "subtitleFontSize": 10},
    "text": {"fontSize": 11},
}
IMAGE_NOTE_PX = 12  # text size of the scenario note under an exported chart [px]
QR_ERROR_LEVELS = ("m", "l")  # 15 % recovery, 7 % when the link is too long for it
QR_SCALE = 10  # image pixels per module
QR_MIN_MODULE_MM = 0.3  # smaller modules are hard for a phone camera to read in print

LIST_SEPARATOR = "; "  # between the parts of one sentence in a list


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


# Tables: CSV and Excel


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
    warnings = briefing.flag_texts(result, lang, run_pair(later_values(values), table))
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


# Chart images


def _records(data: Any) -> Any:
    """A dataset as a list of records (from a DataFrame or an Arrow table)."""
    if isinstance(data, pd.DataFrame):
        return data.to_dict(orient="records")
    if hasattr(data, "to_pylist"):
        return data.to_pylist()
    return data


def _inline(spec: Mapping[str, Any], width: int, height: int | None = None) -> dict[str, Any]:
    """A page spec made standalone: datasets as records and a fixed width (and height)."""
    datasets = {name: _records(frame) for name, frame in spec.get("datasets", {}).items()}
    out = {**spec, "datasets": datasets, "width": width, "background": "white"}
    if "params" in spec:
        # The page's charts fit their text to the column's width; an image's width is fixed.
        out["params"] = [
            {"name": p["name"], "value": width} if p.get("name") == CHART_WIDTH else p
            for p in spec["params"]
        ]
    if height is not None:
        out["height"] = height
    return out


TOP_LEVEL = ("$schema", "config", "datasets", "background", "params")


def _title_parts(spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A spec's title and subtitle as lists of lines."""
    if "title" in spec.get("usermeta", {}):  # the page's charts: titles are expressions
        title, subtitle = title_texts(dict(spec))
        return [title] if title else [], [subtitle] if subtitle else []
    title = spec.get("title") or {}
    if isinstance(title, str | list):
        title = {"text": title}

    def lines(value: Any) -> list[str]:
        if not value:
            return []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    return lines(title.get("text")), lines(title.get("subtitle"))


def _wrap(lines: list[str], width_px: float, font_px: float) -> list[str]:
    """Lines wrapped to about ``width_px`` (an average character is ~0.55 em wide)."""
    chars = max(20, int(width_px / (0.55 * font_px)))
    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, chars, break_long_words=True) or [""])
    return out


def _lines_after(lines_expr: str, more: list[str]) -> str:
    """A Vega expression: the lines (an array) of ``lines_expr`` followed by ``more``."""
    newline = json.dumps("\n")
    return (
        f"split(join({lines_expr}, {newline}) + {json.dumps(chr(10) + chr(10).join(more))}, "
        f"{newline})"
    )


FRAMED_VIEW = "chart"  # the chart's name inside an image's frame (its x scale: "chart_x")
_X_SCALE = re.compile(r"(domain|range|scale|invert)\('x'")
_WIDTH = re.compile(r"(?<![\w.'])width(?![\w'])")


def _own_x_scale(node: Any) -> Any:
    """``node`` with every expression that reads the view's x scale (``domain('x')``,
    ``scale('x', …)``) and plot ``width`` pointed at the framed chart's own scale: inside a
    vconcat, Vega-Lite names it after the view (``chart_x``), so the year ticks found no
    scale and the images had no years."""
    if isinstance(node, Mapping):
        return {key: _own_x_scale(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_own_x_scale(value) for value in node]
    if isinstance(node, str) and _X_SCALE.search(node):
        scale = f"{FRAMED_VIEW}_x"
        node = _X_SCALE.sub(lambda m: f"{m.group(1)}('{scale}'", node)
        return _WIDTH.sub(f"range('{scale}')[1]", node)
    return node


def _framed(spec: Mapping[str, Any], width: int, about: About) -> dict[str, Any]:
    """The chart with the scenario's name under its title and, below it, the settings, the
    link and the source line, as one image (a vconcat whose title sits at the bottom)."""
    inline = _inline(spec, width)
    inner = {k: v for k, v in inline.items() if k not in TOP_LEVEL}
    inner = {**_own_x_scale(inner), "name": FRAMED_VIEW}
    title, subtitle = _title_parts(inline)
    config = inline.get("config", {}).get("title", {})
    title_px = config.get("fontSize", VEGA_FONT_DEFAULTS["title"]["fontSize"])
    sub_px = config.get("subtitleFontSize", VEGA_FONT_DEFAULTS["title"]["subtitleFontSize"])
    name = _wrap([about.title], width, title_px)
    text = inline.get("title", {}).get("text") if isinstance(inline.get("title"), Mapping) else None
    if isinstance(text, Mapping) and "expr" in text:
        # The page's title is a Vega expression (lines fitted to the width): the scenario's
        # name is added as further lines of it, and the subtitle kept as it is.
        inner["title"] = {
            **inline["title"],
            "text": {"expr": _lines_after(text["expr"], name)},
        }
    else:
        inner["title"] = {
            "text": _wrap([*title, about.title], width, title_px),
            "subtitle": _wrap(subtitle, width, sub_px),
        }
    note = about.lines()[1:]
    return {
        **{k: v for k, v in inline.items() if k in TOP_LEVEL},
        "vconcat": [inner],
        "title": {
            "text": _wrap(note, width, IMAGE_NOTE_PX),
            "orient": "bottom",
            "anchor": "start",
            "fontSize": IMAGE_NOTE_PX,
            "fontWeight": "normal",
            "color": "#444444",
            "offset": 14,
        },
    }


def _standalone(spec: Mapping[str, Any], width: int, about: About | None) -> dict[str, Any]:
    return _framed(spec, width, about) if about else _inline(spec, width)


def chart_png(
    spec: Mapping[str, Any], width: int = 900, scale: float = 2.0, about: About | None = None
) -> bytes:
    """A chart as a high-resolution PNG (for slides); with ``about``, the scenario's name
    under the title and its settings, link and source line below the chart."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(_standalone(spec, width, about), scale=scale)


def chart_svg(spec: Mapping[str, Any], width: int = 900, about: About | None = None) -> bytes:
    """A chart as SVG, with the same note as :func:`chart_png`."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(_standalone(spec, width, about)).encode("utf-8")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG [image px], from its header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _font_sizes(node: Any) -> list[float]:
    """Every text size set anywhere in a spec (marks, config), datasets left out."""
    found: list[float] = []
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "datasets":
                continue
            if key in FONT_KEYS and isinstance(value, int | float):
                found.append(float(value))
            else:
                found.extend(_font_sizes(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_font_sizes(value))
    return found


def _scale_fonts(node: Any, factor: float) -> Any:
    if isinstance(node, Mapping):
        return {
            key: (
                value * factor
                if key in FONT_KEYS and isinstance(value, int | float)
                else _scale_fonts(value, factor)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_scale_fonts(value, factor) for value in node]
    return node


def print_spec(spec: Mapping[str, Any], factor: float) -> dict[str, Any]:
    """A deep copy of ``spec`` without its title (the PDF sets it as text), every text size
    written out (Vega's defaults where the spec had none) and multiplied by ``factor``."""
    bare = {k: copy.deepcopy(v) for k, v in spec.items() if k not in ("title", "datasets")}
    config = bare.setdefault("config", {})
    for part, sizes in VEGA_FONT_DEFAULTS.items():
        target = config.setdefault(part, {})
        for key, size in sizes.items():
            target.setdefault(key, size)
    # Larger text on a small plot: fewer value ticks, or their labels crowd; and legend
    # labels whole, not cut at Vega's 160 px.
    config.setdefault("axisY", {}).setdefault("tickCount", PRINT_Y_TICKS)
    config["legend"]["labelLimit"] = 0
    scaled = _thin_ticks(_scale_fonts(bare, factor))
    # Year labels are spaced for their text: larger text, wider spacing.
    if "params" in scaled:
        scaled["params"] = [
            {**p, "value": p["value"] * factor} if p.get("name") == YEAR_LABEL_PX else p
            for p in scaled["params"]
        ]
    scaled["datasets"] = spec.get("datasets", {})
    return scaled


def _thin_ticks(node: Any, most: int = PRINT_MOST_TICKS) -> Any:
    """Explicit axis ticks (the page labels every second year) cut to at most ``most``,
    counted back from the last so the end year keeps its label: larger print text would
    otherwise make Vega drop overlapping labels, the end year among them."""
    if isinstance(node, list):
        return [_thin_ticks(value, most) for value in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _thin_ticks(value, most) for key, value in node.items()}
    ticks = out.get("axis", {}).get("values") if isinstance(out.get("axis"), Mapping) else None
    if isinstance(ticks, list) and len(ticks) > most:
        step = -(-len(ticks) // most)  # ceiling division
        out["axis"] = {**out["axis"], "values": ticks[::-1][::step][::-1]}
    return out


@dataclass(frozen=True)
class PrintedChart:
    """A chart drawn for print: the PNG, its width in CSS pixels, its smallest text [px],
    and the title and subtitle lines the PDF sets as text."""

    png: bytes
    width_px: float
    smallest_font_px: float
    title: list[str]
    subtitle: list[str]

    def smallest_pt(self, width_mm: float) -> float:
        """The smallest chart text [pt] when the image is placed ``width_mm`` wide."""
        return self.smallest_font_px * width_mm / self.width_px / PT_MM


def printed_chart(
    spec: Mapping[str, Any],
    width_mm: float,
    *,
    height_mm: float | None = None,
    min_pt: float = PRINT_MIN_PT,
    width_px: int = PRINT_CHART_PX,
    height_px: int = PRINT_CHART_HEIGHT_PX,
    scale: float = PRINT_SCALE,
) -> PrintedChart:
    """``spec`` drawn so that its smallest text is at least ``min_pt`` when placed
    ``width_mm`` wide and, given ``height_mm``, so that it fills about that height.

    The image's whole width (plot, axes and legend) fixes millimetres per pixel. Fonts
    grow by a factor f; the axes and legend grow with them, so the width is taken as
    ``plot + margin * f``, measured from a quick SVG layout, and f solved from it; another
    layout checks (and corrects) before the one PNG is drawn. The plot's height is then
    set so that the whole image is ``height_mm`` tall (within PRINT_PLOT_HEIGHTS_PX).
    """
    title, subtitle = _title_parts(spec)
    smallest = min(_font_sizes(print_spec(spec, 1.0)))
    needed = min_pt * PT_MM / width_mm  # font px per image px for min_pt
    factor, plot_height, fits = 1.0, height_px, 0 if height_mm else 2
    for _ in range(10):
        scaled = print_spec(spec, factor)
        width, height = _svg_size(_inline(scaled, width_px, plot_height))
        if smallest * factor / width >= needed:
            wanted = 0.98 * (height_mm or 0) * width / width_mm  # image px
            if fits < 2 and abs(height - wanted) > 0.02 * wanted:
                fits += 1
                low, high = PRINT_PLOT_HEIGHTS_PX
                plot_height = int(min(max(wanted - (height - plot_height), low), high))
                continue  # a taller plot may carry wider tick labels: lay out again
            png = _render_png(scaled, width_px, plot_height, scale)
            return PrintedChart(
                png=png,
                width_px=png_size(png)[0] / scale,
                smallest_font_px=smallest * factor,
                title=title,
                subtitle=subtitle,
            )
        margin = max(width - width_px, 0.0) / factor  # image px per unit of f
        if smallest <= needed * margin:
            break  # the margins alone outgrow the fonts: no factor reaches min_pt
        factor = max(factor * 1.02, 1.01 * needed * width_px / (smallest - needed * margin))
    raise RuntimeError(f"chart text stays under {min_pt} pt at {width_mm} mm")


def _svg_size(spec: Mapping[str, Any]) -> tuple[float, float]:
    """Width and height of a spec's image [CSS px], from a vector layout (faster than a
    PNG)."""
    import vl_convert as vlc

    head = vlc.vegalite_to_svg(spec)[:400]
    width = re.search(r'<svg[^>]*\swidth="([0-9.]+)"', head)
    height = re.search(r'<svg[^>]*\sheight="([0-9.]+)"', head)
    if not (width and height):
        raise ValueError("no size in the chart's SVG")
    return float(width.group(1)), float(height.group(1))


def _render_png(spec: Mapping[str, Any], width: int, height: int, scale: float) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(_inline(spec, width, height), scale=scale)


# The PDF briefing

Clean = Callable[[str], str]
LATIN_1_SWAPS = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "•": "-",
        "●": "*",
        "◆": "*",
        "◇": "<>",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "−": "-",
    }
)


def _font_files() -> tuple[Path, Path] | None:
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            return regular, bold
    return None


def _latin_1(text: str) -> str:
    """Text the core fonts can draw (Latin-1): dashes and symbols swapped, the rest '?'."""
    return text.translate(LATIN_1_SWAPS).encode("latin-1", "replace").decode("latin-1")


def qr_png(link: str) -> bytes | None:
    """The link as a QR code PNG (4-module quiet zone), or None when it is too long even
    at the lowest error correction."""
    import segno

    for error in QR_ERROR_LEVELS:
        try:
            code = segno.make(link, error=error, micro=False, boost_error=False)
        except segno.DataOverflowError:
            continue
        buffer = io.BytesIO()
        code.save(buffer, kind="png", scale=QR_SCALE, border=4)
        return buffer.getvalue()
    return None


class _Page:
    """The briefing's pen: an FPDF document with the page's font, text cleaner and widths."""

    GREY = (90, 90, 90)
    RULE = (200, 200, 200)
    WARN_FILL = (253, 243, 220)

    def __init__(self, lang: str, footer: str) -> None:
        from fpdf import FPDF

        fonts = _font_files()
        family = "DejaVu" if fonts else "Helvetica"
        clean: Clean = (lambda text: text) if fonts else _latin_1

        class Document(FPDF):
            def footer(self) -> None:
                self.set_y(-13)
                self.set_font(family, "", 7.5)
                self.set_text_color(*_Page.GREY)
                width = self.w - self.l_margin - self.r_margin
                self.multi_cell(
                    width - 32, 3.6, clean(footer), align="L", new_x="LMARGIN", new_y="TOP"
                )
                self.set_x(self.w - self.r_margin - 30)
                self.cell(
                    30,
                    3.6,
                    clean(
                        tr("brief_page", lang, page=self.page_no(), pages=self.str_alias_nb_pages)
                    ),
                    align="R",
                )

        self.pdf = Document(orientation="P", unit="mm", format="A4")
        if fonts:
            self.pdf.add_font("DejaVu", "", str(fonts[0]))
            self.pdf.add_font("DejaVu", "B", str(fonts[1]))
        self.pdf.set_margins(14, 12, 14)
        self.pdf.set_auto_page_break(True, margin=17)
        self.pdf.add_page()
        self.lang = lang
        self.family = family
        self.clean = clean
        self.width = self.pdf.w - self.pdf.l_margin - self.pdf.r_margin

    @property
    def bottom(self) -> float:
        """The lowest y text may reach on a page [mm]."""
        return self.pdf.h - self.pdf.b_margin

    def room(self) -> float:
        """Height left on the current page [mm]."""
        return self.bottom - self.pdf.get_y()

    def font(self, size: float, bold: bool = False, grey: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.set_text_color(*(self.GREY if grey else (0, 0, 0)))

    def text(
        self,
        text: str,
        size: float = 9.5,
        *,
        bold: bool = False,
        grey: bool = False,
        height: float | None = None,
        link: str | None = None,
        width: float | None = None,
        align: str = "L",
    ) -> None:
        self.font(size, bold, grey)
        self.pdf.multi_cell(
            width or self.width,
            height or size * 0.48,
            self.clean(text),
            align=align,
            link=link,
            new_x="LMARGIN",
            new_y="NEXT",
        )

    def lines(self, text: str, size: float, width: float | None = None) -> int:
        """How many lines ``text`` takes at ``size`` pt across ``width`` (the page's)."""
        self.font(size)
        found = self.pdf.multi_cell(
            width or self.width, size * 0.48, self.clean(text), dry_run=True, output="LINES"
        )
        return len(found)

    def heading(self, text: str, keep: float = 20) -> None:
        """A section heading, moved to the next page with at least ``keep`` mm of its
        section."""
        if self.room() < keep + 8:
            self.pdf.add_page()
        self.pdf.ln(2.5)
        self.text(text, 11, bold=True, height=6)
        self.pdf.ln(0.5)

    def bullets(self, items: list[str], size: float = 8.5, indent: float = 4) -> None:
        """A list whose wrapped lines hang under the text, not under the bullet."""
        for item in items:
            y = self.pdf.get_y()
            if self.room() < size:
                self.pdf.add_page()
                y = self.pdf.get_y()
            self.font(size)
            self.pdf.set_xy(self.pdf.l_margin, y)
            self.pdf.cell(indent, size * 0.5, self.clean("•"))
            self.pdf.multi_cell(
                self.width - indent,
                size * 0.5,
                self.clean(item),
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )

    def rule(self) -> None:
        y = self.pdf.get_y() + 1
        self.pdf.set_draw_color(*self.RULE)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.l_margin + self.width, y)
        self.pdf.set_y(y + 2)

    def fitted(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size: float,
        bold: bool = False,
        grey: bool = False,
        height: float = 4.5,
    ) -> None:
        """One line at (x, y), its font shrunk (to 6.5 pt at most) until it fits."""
        text = self.clean(text)
        self.font(size, bold, grey)
        while size > 6.5 and self.pdf.get_string_width(text) > width:
            size -= 0.25
            self.font(size, bold, grey)
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, height, text)

    def table(
        self,
        rows: list[list[str]],
        widths: tuple[float, ...],
        size: float = 8.5,
        bold_rows: frozenset[int] = frozenset(),
        align: tuple[str, ...] = (),
    ) -> None:
        from fpdf.fonts import FontFace

        self.font(size)
        with self.pdf.table(
            col_widths=widths,
            width=self.width,
            text_align=align or ("LEFT",) * len(widths),
            line_height=size * 0.5,
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(emphasis="BOLD", color=self.GREY),
            padding=(0.8, 1.2),
            align="LEFT",
        ) as grid:
            bold = FontFace(emphasis="BOLD")
            for i, cells in enumerate(rows):
                row = grid.row()
                for cell in cells:
                    row.cell(self.clean(cell), style=bold if i in bold_rows else None)


def printed_change(result: Result, key: str, lang: str) -> str:
    """A headline's change against the baseline as print writes it: the amount in words
    ("+Rp2,25 triliun", "+10.585"), never the screen's compact "T", "M", "rb" or "jt", with
    its percentage, and a minus sign (−) rather than a hyphen; "–" when nothing changes."""
    output = OUTPUTS[key]
    year = int(result.years[-1])
    scenario, base = (float(v) for v in result.at(key, year)[:2])
    change = output.show_change(scenario - base, lang)
    if not change.startswith(("+", "-")):
        return "–"
    if output.kind != "percent" and base:
        change += f" ({fmt.percent_signed(100 * (scenario - base) / base, lang)})"
    return change.replace("-", MINUS)


def _headline_cards(page: _Page, result: Result, lang: str) -> None:
    items = headlines(result, lang)
    column = page.width / 4
    pdf = page.pdf
    for row in (items[:4], items[4:]):
        top = pdf.get_y()
        for i, item in enumerate(row):
            x = pdf.l_margin + i * column
            page.fitted(x, top, column - 3, item.label, 8, grey=True, height=4)
            page.fitted(x, top + 4, column - 3, item.value, 11.5, bold=True, height=5.5)
            change = printed_change(result, item.key, lang) if item.changed else "–"
            page.fitted(x, top + 9.5, column - 3, change, 8.5, height=4)
        pdf.set_xy(pdf.l_margin, top + 15)


def _warnings(page: _Page, texts: list[str]) -> None:
    """The model's flags in a tinted box, right under the headline they qualify."""
    if not texts:
        return
    pdf = page.pdf
    lines = sum(page.lines(f"•  {t}", 8.5, page.width - 6) for t in texts)
    height = 6 + lines * 4.2 + 3
    if page.room() < height:
        pdf.add_page()
    top = pdf.get_y() + 1
    pdf.set_fill_color(*page.WARN_FILL)
    pdf.rect(pdf.l_margin, top, page.width, height, style="F")
    pdf.set_xy(pdf.l_margin + 3, top + 1.5)
    page.font(9, bold=True)
    pdf.cell(page.width - 6, 4.5, page.clean(tr("brief_flags", page.lang)))
    pdf.set_xy(pdf.l_margin + 3, top + 6)
    page.font(8.5)
    for t in texts:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(page.width - 6, 4.2, page.clean(f"•  {t}"), new_x="LEFT", new_y="NEXT")
    pdf.set_fill_color(255, 255, 255)
    pdf.set_y(top + height + 1)


@dataclass(frozen=True)
class Layout:
    """Sizes of a briefing's stretchable parts [mm]. The charts take what room page one has
    left, between ``chart_least`` and ``chart_most`` tall, or at most ``chart_alone`` at the
    top of a page of their own; the QR code is ``qr`` wide, at the end or, with
    ``qr_first``, beside the title on page one."""

    chart_least: float
    chart_most: float
    chart_alone: float
    qr: float
    qr_first: bool = False


# The full layout, then compact ones for a briefing that would run past two pages (many
# flags, long notes, every assumption moved).
LAYOUTS = (
    Layout(42, 95, 70, 38),
    Layout(36, 70, 55, 30),
    Layout(32, 56, 46, 26),
    Layout(32, 56, 46, 26, qr_first=True),  # the QR code beside the title: no page for it
)
MAX_PAGES = 2


def _charts(page: _Page, specs: list[Mapping[str, Any]], layout: Layout) -> None:
    """Two charts side by side, their titles as text above, a shared caption below; as
    tall as the page has room for (within limits), or on the next page when it has little."""
    if not specs:
        return
    pdf = page.pdf
    gap, title_mm, caption_mm = 6.0, 5.5, 4.0
    slot = (page.width - gap) / 2
    captions = merged_keys([line for s in specs[:2] for line in _title_parts(s)[1]], page.lang)
    chrome = 2 + title_mm + 1 + caption_mm * 2 * len(captions)
    most = layout.chart_most
    if page.room() - chrome < layout.chart_least:
        pdf.add_page()
        most = layout.chart_alone  # leave the new page room for what follows
    height = min(page.room() - chrome, most)
    drawn = [printed_chart(spec, slot, height_mm=height) for spec in specs[:2]]
    heights = [slot * png_size(c.png)[1] / png_size(c.png)[0] for c in drawn]
    pdf.ln(2)
    top = pdf.get_y()
    for i, chart in enumerate(drawn):
        x = pdf.l_margin + i * (slot + gap)
        page.fitted(x, top, slot, " ".join(chart.title), 10, bold=True, height=5)
        pdf.image(io.BytesIO(chart.png), x=x, y=top + title_mm, w=slot)
    pdf.set_y(top + title_mm + max(heights) + 1)
    for line in captions:
        page.text(line, 8, grey=True)


def qr_readable(image: bytes, size: float) -> bool:
    """Whether a QR code printed ``size`` mm wide has modules a phone camera reads."""
    return size * QR_SCALE / png_size(image)[0] >= QR_MIN_MODULE_MM


def _qr_block(page: _Page, link: str, image: bytes | None, size: float) -> None:
    """The link and a QR code that reopen the scenario, kept together on one page; no code
    when a link is so long that its modules would print too small for a phone camera."""
    pdf = page.pdf
    lang = page.lang
    if image and not qr_readable(image, size):
        image = None
    page.heading(tr("pdf_link", lang), keep=size)
    top = pdf.get_y()
    text_width = page.width - (size + 6 if image else 0)
    page.text(link, 8.5, link=link, width=text_width)
    pdf.ln(1.5)
    page.text(tr("brief_qr" if image else "brief_qr_too_long", lang), 8.5, width=text_width)
    if image:
        pdf.image(io.BytesIO(image), x=pdf.l_margin + page.width - size, y=top, w=size, link=link)
        pdf.set_y(max(pdf.get_y(), top + size))


def _first_page_link(
    page: _Page, link: str, most_lines: int = 2, width: float | None = None
) -> str:
    """The link line under the title: whole when it takes at most ``most_lines``, else cut
    with an ellipsis and a pointer to the whole link and QR code at the end."""
    whole = tr("brief_link", page.lang, link=link)
    if page.lines(whole, 8, width) <= most_lines:
        return whole
    low, high = 0, len(link)
    while low < high:  # the longest cut that still fits
        middle = (low + high + 1) // 2
        cut = tr("brief_link_cut", page.lang, link=link[:middle] + "…")
        fits = page.lines(cut, 8, width) <= most_lines
        low, high = (middle, high) if fits else (low, middle - 1)
    return tr("brief_link_cut", page.lang, link=link[:low] + "…")


@dataclass(frozen=True)
class _Content:
    """Everything a briefing says, worked out once and laid out in one or two layouts."""

    lang: str
    title: str
    kicker: str
    prepared_by: str
    notes: str
    year: int
    sentence: str
    flags: list[str]
    ranges: briefing.Ranges
    money: str
    charts: list[Mapping[str, Any]]
    settings: list[briefing.Setting]
    assumptions: list[str]
    caveat: str
    sources: str
    link: str
    qr: bytes | None
    # Each instrument's share of the effects, for a package of two or more instruments.
    contributions: briefing.ContributionBlock | None = None


def _contributions(page: _Page, block: briefing.ContributionBlock, words: bool) -> None:
    """Under the charts (the second is the jobs waterfall): the method in a sentence and,
    with ``words``, the split of value added. The sentence is never cut by a page break."""
    if page.room() < page.lines(block.note, 8) * 8 * 0.48 + 1:
        page.pdf.add_page()
    page.text(block.note, 8, grey=True)
    if words:
        page.pdf.ln(0.5)
        for line in block.lines:
            page.text(line, 8.5, height=4.2)


def _compose(result: Result, content: _Content, layout: Layout) -> _Page:
    lang = content.lang
    page = _Page(lang, tr("footer", lang))
    pdf = page.pdf
    # The document's own title, language and author, for readers and screen readers.
    pdf.set_title(content.title)
    pdf.set_lang(lang)
    pdf.set_creator(tr("app_title", lang))
    if content.prepared_by:
        pdf.set_author(content.prepared_by)
    # The compact layout's QR code sits beside the title, the header's text left of it.
    qr_top = bool(
        layout.qr_first and content.link and content.qr and qr_readable(content.qr, layout.qr)
    )
    narrow = page.width - layout.qr - 4 if qr_top else None
    top = pdf.get_y()
    page.text(content.kicker, 9, grey=True, width=narrow)
    pdf.ln(0.5)
    page.text(content.title, 18, bold=True, height=8.5, width=narrow)
    if content.prepared_by:
        page.text(tr("brief_prepared", lang, name=content.prepared_by), 9.5, width=narrow)
    link_line = _first_page_link(page, content.link, width=narrow) if content.link else ""
    if content.link:  # on screen, the first page reopens the scenario too
        page.text(link_line, 8, grey=True, link=content.link, width=narrow)
    if content.notes:
        pdf.ln(1)
        page.text(f"{tr('brief_notes', lang)}: {content.notes}", 9.5, width=narrow)
    if qr_top:
        x = pdf.l_margin + page.width - layout.qr
        pdf.image(io.BytesIO(content.qr), x=x, y=top, w=layout.qr, link=content.link)
        pdf.set_y(max(pdf.get_y(), top + layout.qr))
    page.rule()

    page.heading(tr("headline", lang, year=content.year))
    _headline_cards(page, result, lang)
    _warnings(page, content.flags)
    pdf.ln(1.5)
    page.text(content.sentence, 10, height=5)

    ranges = content.ranges
    page.heading(ranges.heading(content.year), keep=35)
    page.table(
        [ranges.columns(), *([r.label, r.change, r.range(lang)] for r in ranges.rows)],
        widths=(28, 28, 44),
        align=("LEFT", "RIGHT", "RIGHT"),
    )
    pdf.ln(1)
    page.text(ranges.note(), 8, grey=True)
    page.heading(tr("brief_money", lang), keep=10)
    page.text(content.money, 9.5, height=4.8)

    _charts(page, content.charts, layout)
    # The split in words under the waterfall where the full layout has room for it.
    if content.contributions is not None:
        _contributions(page, content.contributions, words=layout == LAYOUTS[0])

    rows = content.settings
    page.heading(tr("pdf_settings", lang), keep=6 * (len(rows) + 1))  # the table stays whole
    page.table(
        [
            [tr("brief_setting_col", lang), tr("series_scenario", lang), tr("p_baseline", lang)],
            *([s.label, s.value, s.baseline] for s in rows),
        ],
        widths=(46, 27, 27),
        bold_rows=frozenset(i + 1 for i, s in enumerate(rows) if s.changed),
    )
    if not any(s.changed for s in rows):
        pdf.ln(1)
        page.text(tr("pdf_no_change", lang), 8.5, grey=True)
    if content.assumptions:
        page.heading(tr("pdf_assumptions", lang), keep=25)
        page.bullets(content.assumptions, 8)
    page.heading(tr("brief_caveat_title", lang), keep=15)
    page.text(content.caveat, 8.5, height=4.3)
    page.heading(tr("brief_sources_title", lang), keep=15)
    page.text(content.sources, 8.5, height=4.3)
    if content.link and not qr_top:
        _qr_block(page, content.link, content.qr, layout.qr)
    elif content.link and link_line != tr("brief_link", lang, link=content.link):
        # The QR code is on page one; the whole link where page one cut it.
        page.heading(tr("pdf_link", lang), keep=10)
        page.text(content.link, 8.5, link=content.link)
    return page


def main_assumptions(values: Mapping[str, float], lang: str, table: ParameterTable) -> list[str]:
    """The main assumptions at their published or assumed values, each with its source, one
    line each; one the user moved is in the settings table instead."""
    kept = [table[n] for n in MAIN_ASSUMPTIONS if values.get(n, table[n].value) == table[n].value]
    return [
        tr(
            "brief_assumption",
            lang,
            label=p.label(lang),
            value=fmt.param_value(p.value, p.unit, lang),
            source=sentence_start(p.source_text(lang)),
        )
        for p in kept
    ]


def pdf_bytes(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    *,
    title: str | None = None,
    link: str,
    charts: list[Mapping[str, Any]],
    table: ParameterTable | None = None,
    today: dt.date | None = None,
    prepared_by: str = "",
    notes: str = "",
    draws: int = BRIEF_DRAWS,
) -> bytes:
    """A briefing a Director General can keep: two A4 pages.

    Page one: the scenario's name (``title``: a preset's label or a saved name; "Skenario
    kustom" when none), the date in words, who prepared it and the notes when given (cut to
    the length a link carries), the
    headline with changes, the model's warnings, the sentence, the range of the main
    effects over ``draws`` iterations, what the public money buys, and two charts whose
    text is at least 8 pt in print (for a scenario that moves two or more instruments, the
    second is the waterfall of what each instrument adds to jobs, with the split of value
    added in words under it). Page two: the settings against the skenario dasar, the
    main assumptions with their sources, the data caveats, the sources, and the link with a
    QR code that reopens the scenario. A briefing that would run past two pages is laid out
    again in the compact layout.
    """
    table = table or load_parameters()
    day = fmt.date(today or dt.date.today(), lang)
    # A package of two or more instruments: its jobs waterfall takes the second chart's
    # place (two pages have no room for a third).
    split = briefing.contribution_block(values, lang, table) if len(charts) >= 2 else None
    if split is not None:
        charts = [*charts[:1], split.chart]
    content = _Content(
        lang=lang,
        # Text a link carries (name, who prepared it, notes) with every address made
        # unclickable: a PDF viewer would turn "https://..." into a live link.
        title=defang(briefing.scenario_title(title, lang)),
        kicker=f"{tr('pdf_title', lang)} · {tr('pdf_date', lang)} {day}",
        # Name and notes as a link carries them: one line each, at most the link's length.
        prepared_by=defang(clean_text(prepared_by, TEXT_KEYS["by"])),
        notes=defang(clean_text(notes, TEXT_KEYS["note"])),
        year=int(result.years[-1]),
        sentence=sentence(values, result, lang, table),
        flags=briefing.flag_texts(result, lang, run_pair(later_values(values), table)),
        ranges=briefing.effect_ranges(values, result, lang, draws=draws, table=table),
        money=LIST_SEPARATOR.join(briefing.money_lines(result, lang)).rstrip(".") + ".",
        charts=list(charts[:2]),
        settings=briefing.settings(values, lang, table),
        assumptions=main_assumptions(values, lang, table),
        caveat=briefing.caveat(result, lang, table),
        sources=briefing.sources(lang),
        link=link,
        qr=qr_png(link) if link else None,
        contributions=split,
    )
    for layout in LAYOUTS:
        page = _compose(result, content, layout)
        if page.pdf.pages_count <= MAX_PAGES:
            break
    return bytes(page.pdf.output())
