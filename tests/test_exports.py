"""Exports open and hold the right numbers, in the chosen language's convention, and say
which scenario they come from."""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re

import numpy as np
import pandas as pd
import pytest
import segno
from openpyxl import load_workbook
from pypdf import PdfReader

from simulator import analysis, charts, figures
from simulator import formatting as fmt
from simulator.files import briefing, images, pdf, tables
from simulator.i18n import UNITS, tr
from simulator.model import simulate_pair
from simulator.outputs import MAIN, OUTPUTS
from simulator.params import load_parameters
from simulator.report import efficiency

TABLE = load_parameters()
VALUES = {**TABLE.defaults, "investment": 5.6, "online_adoption": 75.0}
RESULT = simulate_pair(VALUES)
END = int(RESULT.years[-1])
LINK = "http://localhost:8501/?investment=5.6&online_adoption=75"
DAY = dt.date(2026, 11, 28)


def _about(lang: str) -> briefing.About:
    return briefing.about(VALUES, lang, title="Investasi dua kali lipat", link=LINK, table=TABLE)


# CSV


@pytest.mark.parametrize(("lang", "sep", "decimal"), [("id", ";", ","), ("en", ",", ".")])
def test_csv_reads_back_with_the_languages_separators(lang, sep, decimal):
    """The CSV parses with its language's separators and comment="#", and holds the
    model's numbers."""
    data = tables.csv_bytes(RESULT, lang, _about(lang))
    frame = pd.read_csv(
        io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig", comment="#"
    )
    assert len(frame) == len(RESULT.years)
    production = next(c for c in frame.columns if c.startswith(("Nilai produksi", "Production")))
    assert frame[production].iloc[-1] == pytest.approx(RESULT["production_rp_tn"][0, -1], abs=0.005)
    assert frame.iloc[:, 0].tolist() == RESULT.years.tolist()
    jobs = next(c for c in frame.columns if c.startswith(tr("col_jobs", lang)))
    assert frame[jobs].dtype.kind == "i"  # people are counted whole


def test_csv_without_a_note_is_the_table_alone():
    """Called without the scenario's note, the CSV reads back with no comment option."""
    frame = pd.read_csv(
        io.BytesIO(tables.csv_bytes(RESULT, "id")), sep=";", decimal=",", encoding="utf-8-sig"
    )
    assert frame.iloc[:, 0].tolist() == RESULT.years.tolist()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_csv_says_which_scenario_its_settings_link_and_sources(lang):
    """Comment lines above the header name the scenario, each changed setting against the
    skenario dasar, the link and the source line."""
    data = tables.csv_bytes(RESULT, lang, _about(lang)).decode("utf-8-sig")
    note = [line[2:] for line in data.splitlines() if line.startswith("# ")]
    text = "\n".join(note)
    assert "Investasi dua kali lipat" in text
    investment = TABLE["investment"]
    assert any(
        line.startswith(
            f"- {investment.label(lang)}: {fmt.param_value(5.6, investment.unit, lang)}"
        )
        and fmt.param_value(2.8, investment.unit, lang) in line
        for line in note
    )
    assert LINK in text
    assert tr("footer", lang) in text
    assert not data.splitlines()[len(note)].startswith("#")  # then the header row


# Excel


def _sheets(lang: str):
    return load_workbook(io.BytesIO(tables.xlsx_bytes(RESULT, VALUES, lang, TABLE)))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_workbook_has_three_sheets_with_numbers(lang):
    """Results by year, regions, and parameters with sources, one sheet each."""
    data = tables.xlsx_bytes(RESULT, VALUES, lang)
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    assert len(sheets) == 3
    years, regions, params = sheets.values()
    assert len(years) == len(RESULT.years)
    assert years.iloc[-1, 1] == pytest.approx(RESULT["production_rp_tn"][0, -1], abs=0.005)
    assert len(regions) == 3 * len(RESULT.years)
    assert len(params) >= 25
    assert params.iloc[0, 2] == 5.6  # the scenario's investment, next to its label and name


def test_indonesian_workbook_gives_units_in_indonesian():
    """The parameter sheet's unit column reads "Rp triliun per tahun", "unit", "orang",
    never the table's English unit strings."""
    sheet = _sheets("id")[tr("sheet_params", "id")]
    header = [c.value for c in sheet[1]]
    units = [row[header.index("Satuan")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    names = [row[header.index("Nama")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    by_name = dict(zip(names, units, strict=True))
    assert by_name["investment"] == "Rp triliun per tahun"
    assert by_name["ikm_units_2017"] == "unit"
    assert by_name["policy_start_year"] == "tahun"
    # The table's English strings, except those Indonesian writes the same ("Rp per USD").
    english = {unit for unit in UNITS if tables.unit_words(unit, "id") != unit}
    assert not english & set(units)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_unit_has_words_in_both_languages(lang):
    """Each unit of the table, written without a number, still says something."""
    for unit in UNITS:
        assert tables.unit_words(unit, lang).strip()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_workbook_counts_are_whole_numbers_and_money_has_its_decimals(lang):
    """Jobs and units are integers shown without decimals; money keeps the two decimals
    its output declares; years carry no thousands separator."""
    book = _sheets(lang)
    sheet = book[tr("sheet_years", lang)]
    header = [c.value for c in sheet[1]]
    for output, expected in (("jobs", "#,##0"), ("units", "#,##0"), ("production_rp_tn", None)):
        column = header.index(f"{tr(f'col_{output}', lang)} – {tr('series_scenario', lang)}") + 1
        cell = sheet.cell(row=len(RESULT.years) + 1, column=column)
        decimals = OUTPUTS[output].decimals
        assert cell.number_format == (expected or tables.number_format(decimals))
        if decimals == 0:
            assert isinstance(cell.value, int)
            assert cell.value == round(float(RESULT[output][0, -1]))
    assert sheet.cell(row=2, column=1).number_format == tables.YEAR_FORMAT  # 2016, not 2,016
    params = book[tr("sheet_params", lang)]
    header = [c.value for c in params[1]]
    names = [
        row[header.index(tr("p_name", lang))]
        for row in params.iter_rows(min_row=2, values_only=True)
    ]
    row = names.index("ikm_units_2017") + 2
    assert (
        params.cell(row=row, column=header.index(tr("p_value", lang)) + 1).number_format == "#,##0"
    )


# Chart images


def test_chart_images_are_png_and_svg():
    """Every page chart exports as a PNG (signature checked) and as SVG text."""
    specs = [charts.line_chart(RESULT, o, "id", 2027) for o in charts.LINE_OUTPUTS]
    specs += [charts.sales_split_chart(RESULT, "id"), charts.region_chart(RESULT, "jobs", "id")]
    for spec in specs:
        png = images.chart_png(spec, width=500, scale=1)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(png) > 5_000
        svg = images.chart_svg(spec, width=500).decode("utf-8")
        assert "<svg" in svg
    svg = images.chart_svg(specs[0]).decode("utf-8")
    assert "Nilai produksi" in svg


def _svg_text(svg: bytes) -> str:
    """The words an SVG shows: its text elements, lines (tspans) joined by spaces; labels
    Vega hid for overlapping (opacity 0) left out."""
    # An empty text is written self-closing (<text .../>) and holds no words.
    texts = re.findall(r"<text([^>]*)(?<!/)>(.*?)</text>", svg.decode("utf-8"), flags=re.S)
    shown = [t for attributes, t in texts if 'opacity="0"' not in attributes]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", t) for t in shown))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_chart_images_carry_title_scenario_settings_link_and_source(lang):
    """Every downloadable chart, given the scenario's note, shows its own title, the
    scenario's name, a changed setting, the link and the source line; the PNG grows to
    hold them."""
    about = _about(lang)
    builders = figures.chart_builders(RESULT, VALUES, lang)
    for name, build in builders.items():
        spec = build()
        text = _svg_text(images.chart_svg(spec, width=600, about=about))
        assert name.split(" (")[0] in text
        assert "Investasi dua kali lipat" in text
        assert TABLE["investment"].label(lang) in text
        assert LINK in text
        assert "Kemenperin" in text
    spec = builders[next(iter(builders))]()
    plain = images.png_size(images.chart_png(spec, width=600, scale=1))
    framed = images.png_size(images.chart_png(spec, width=600, scale=1, about=about))
    assert framed[1] > plain[1] + 40


def _reads_years(spec: dict) -> bool:
    """True for a chart whose x axis is the year (a time series)."""
    if isinstance(spec, dict):
        x = spec.get("encoding", {}).get("x")
        if isinstance(x, dict) and x.get("field") == "year":
            return True
        return any(_reads_years(layer) for layer in spec.get("layer", []))
    return False


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [400, 900])
def test_chart_images_have_years_on_the_x_axis(lang, width):
    """Every time-series chart, downloaded as SVG with its scenario note (as the page's
    download buttons make it), labels its x axis with years: the last year shown and,
    counting back, evenly spaced years of the run, at least four of them."""
    about = _about(lang)
    years = [int(y) for y in RESULT.years]
    series = 0
    for name, build in figures.chart_builders(RESULT, VALUES, lang).items():
        spec = build()
        if not _reads_years(spec):
            continue
        series += 1
        words = _svg_text(images.chart_svg(spec, width=width, about=about)).split()
        # A year label is a whole word; the note's link and settings hold no bare year.
        shown = sorted({int(w) for w in words if w.isdigit() and int(w) in years})
        assert END in shown, name
        assert len(shown) >= 4, (name, shown)
        steps = {b - a for a, b in itertools.pairwise(shown)}
        assert len(steps) == 1, (name, shown)
    assert series >= 6


@pytest.mark.parametrize("lang", ["id", "en"])
def test_chart_file_names_have_no_spaces(lang):
    """Each chart's download name is slugged: no spaces, ASCII only, dated."""
    title = "Investasi dua kali lipat"
    for chart in figures.chart_builders(RESULT, VALUES, lang):
        name = tables.file_name(title, chart, "png", DAY)
        assert re.fullmatch(r"ikm-alas-kaki_[a-z0-9-]+_[a-z0-9-]+_2026-11-28\.png", name), name


def test_file_names_carry_scenario_and_date():
    """File names are slugged from the scenario name and dated."""
    name = tables.file_name("Paket kebijakan lengkap!", "hasil", "csv", dt.date(2026, 1, 2))
    assert name == "ikm-alas-kaki_paket-kebijakan-lengkap_hasil_2026-01-02.csv"
    assert tables.file_name("<script>", "x", "pdf").startswith("ikm-alas-kaki_script_x_")
    assert tables.file_name("Café", "Nilai produksi (wilayah)", "svg", dt.date(2026, 1, 2)) == (
        "ikm-alas-kaki_cafe_nilai-produksi-wilayah_2026-01-02.svg"
    )


@pytest.mark.parametrize("output", figures.BRIEF_LINES)
def test_printed_chart_text_is_at_least_8_pt(output):
    """Drawn for the briefing's half-page column, the chart's smallest text is 8 pt or
    more, computed from the PNG's own width and the width it is printed at."""
    spec = charts.line_chart(RESULT, output, "id", 2027)
    width_mm = 88.0
    chart = images.printed_chart(spec, width_mm, height_mm=70)
    png_width = images.png_size(chart.png)[0] / images.PRINT_SCALE
    assert chart.smallest_font_px * width_mm / png_width / images.PT_MM >= 8.0
    # The page's spec alone would print at about 5 pt.
    page = images.png_size(images.chart_png(spec, width=620, scale=1))[0]
    assert 12 * width_mm / page / images.PT_MM < 6


@pytest.mark.parametrize("output", figures.BRIEF_LINES)
def test_printed_chart_keeps_the_end_year_labelled(output):
    """With print-sized text the year axis still names the last year shown."""
    spec = charts.line_chart(RESULT, output, "id", 2027)
    labels = _svg_text(images.chart_svg(images.print_spec(spec, 1.8), width=400)).split()
    assert str(END) in labels


# PDF briefing


def _pdf(lang: str, **extra) -> bytes:
    kwargs = {
        "title": "Investasi dua kali lipat",
        "link": LINK,
        "charts": figures.pdf_charts(RESULT, VALUES, lang),
        "today": DAY,
        "table": TABLE,
        **extra,
    }
    return pdf.pdf_bytes(RESULT, VALUES, lang, **kwargs)


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(scope="module", params=["id", "en"])
def brief(request):
    lang = request.param
    return lang, PdfReader(io.BytesIO(_pdf(lang)))


def test_briefing_states_title_date_range_cost_and_link(brief):
    """Read back: the scenario's name, the date in words, the uncertainty range of jobs and
    production, the cost per job, and the link (as text and as a link annotation)."""
    lang, reader = brief
    assert 1 <= len(reader.pages) <= 2
    text = _text(reader)
    assert "Investasi dua kali lipat" in text
    assert reader.metadata.title == "Investasi dua kali lipat"  # what a viewer's tab shows
    assert "28 November 2026" in text
    assert fmt.rp_tn(float(RESULT["production_rp_tn"][0, -1]), lang) in text
    found = analysis.uncertainty(VALUES, table=TABLE)  # as the page's analysis tab runs it
    for name in ("jobs", "production_rp_tn"):
        low, _, high = found.bands[("effect", name)][:, -1]
        show = OUTPUTS[name].show_change
        shown = tr("brief_range", lang, low=show(float(low), lang), high=show(float(high), lang))
        assert shown in text
    per_job = efficiency(RESULT).cost_per_job_year_rp_mn
    assert per_job is not None
    assert fmt.rp_mn(per_job, lang) in text
    assert LINK in text
    assert LINK in " ".join(reader.pages[0].extract_text().split())  # page one reopens it too
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    assert LINK in uris


def test_baseline_briefing_gives_the_range_of_the_projection():
    """The skenario dasar has no effect: its briefing gives the range of production and
    jobs themselves, not a table of zeros."""
    result = simulate_pair(TABLE.defaults)
    data = pdf.pdf_bytes(
        result, TABLE.defaults, "id", title="Skenario dasar", link=LINK, charts=[], today=DAY
    )
    text = _text(PdfReader(io.BytesIO(data)))
    assert tr("brief_levels", "id", year=END) in text
    found = analysis.uncertainty(TABLE.defaults, table=TABLE)
    for name in ("jobs", "production_rp_tn"):
        low, _, high = found.bands[("scenario", name)][:, -1]
        show = OUTPUTS[name].show
        assert tr("brief_range", "id", low=show(low, "id"), high=show(high, "id")) in text
    assert "Rp0,00 triliun sampai" not in text


def test_briefing_says_the_caveat_and_sources(brief):
    """The data caveat and the sources paragraph, with both agencies and where to find each
    source's address, are printed; no file of the code base is named to the reader."""
    lang, reader = brief
    text = " ".join(_text(reader).split())
    assert tr("brief_caveat_title", lang) in text
    assert "Kemenperin" in text
    assert "BPS" in text
    assert tr("tab_method", lang) in text
    assert ".csv" not in text


def test_briefing_fills_its_last_page(brief):
    """Text (not only the footer) reaches into the lower third of the last page."""
    _, reader = brief
    last = reader.pages[-1]
    height = float(last.mediabox.height)
    footer_zone = 17 / 25.4 * 72  # the bottom margin holding the footer [pt]
    found: list[float] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > footer_zone:
            found.append(y)

    last.extract_text(visitor_text=visit)
    assert min(found) < height / 3


def _module_grid(image, modules: int) -> np.ndarray:
    """Dark (1) or light (0) at the centre of each module of a square QR image."""
    pixels = np.asarray(image.convert("L"))
    step = pixels.shape[0] / modules
    centres = ((np.arange(modules) + 0.5) * step).astype(int)
    return (pixels[np.ix_(centres, centres)] < 128).astype(int)


def test_briefing_qr_code_encodes_the_link(brief):
    """The PDF holds a square two-tone image whose modules are exactly segno's QR code of
    the link (no pure-Python QR decoder is installed to read it back)."""
    _, reader = brief
    shown = [image.image for page in reader.pages for image in page.images]
    squares = [im for im in shown if im.size[0] == im.size[1] and len(im.getcolors(4) or []) == 2]
    assert len(squares) == 1
    for error in pdf.QR_ERROR_LEVELS:
        try:
            code = segno.make(LINK, error=error, micro=False, boost_error=False)
        except segno.DataOverflowError:
            continue
        break
    expected = np.array([list(row) for row in code.matrix], dtype=int)
    border = 4
    grid = _module_grid(squares[0], len(expected) + 2 * border)
    assert (grid[border:-border, border:-border] == expected).all()
    assert not grid[:border].any()  # the quiet zone above
    assert not grid[:, :border].any()  # and to the left


def test_briefing_gives_no_qr_code_for_a_link_too_long_to_scan():
    """A link so long its QR modules would print under 0.3 mm gets the sentence that says
    so, and no code."""
    link = "http://localhost:8501/?" + "&".join(f"s{i}=" + "x" * 40 for i in range(40))
    reader = PdfReader(io.BytesIO(_pdf("id", link=link, charts=[])))
    assert tr("brief_qr_too_long", "id") in _text(reader)
    assert not [image for page in reader.pages for image in page.images]


def test_briefing_without_a_name_is_a_custom_scenario():
    """No name given: the title is the translation table's "Skenario kustom"."""
    text = _text(PdfReader(io.BytesIO(_pdf("id", title=None, charts=[]))))
    assert tr("brief_custom", "id") == "Skenario kustom"
    assert "Skenario kustom" in text


def test_briefing_prints_prepared_by_and_notes_when_given():
    """The optional "disiapkan oleh" and "catatan" fields appear when given, not otherwise."""
    given = _text(
        PdfReader(
            io.BytesIO(
                _pdf("id", prepared_by="Direktorat IKM", notes="Untuk rapat pimpinan", charts=[])
            )
        )
    )
    assert "Disiapkan oleh Direktorat IKM" in given
    assert "Catatan: Untuk rapat pimpinan" in given
    plain = _text(PdfReader(io.BytesIO(_pdf("id", charts=[]))))
    assert "Disiapkan oleh" not in plain


def test_briefing_makes_every_address_a_link_carries_unclickable():
    """A name, author or note from a link that holds an address prints it defanged, as the
    page shows it: a PDF viewer would make "https://..." a live link."""
    data = pdf.pdf_bytes(
        RESULT,
        VALUES,
        "id",
        title="Lihat https://evil.example/a",
        link=LINK,
        charts=[],
        today=DAY,
        prepared_by="admin@evil.example",
        notes="lihat https://evil.example/x dan www.evil.example",
    )
    text = " ".join(_text(PdfReader(io.BytesIO(data))).split())
    assert "https[:]//evil[.]example/x" in text
    assert "https[:]//evil[.]example/a" in text
    assert "admin[@]evil[.]example" in text
    assert "evil.example" not in text


def test_briefing_with_every_flag_and_long_notes_keeps_to_two_pages():
    """A scenario with three flags (every instrument at its maximum to 2050), every main
    assumption moved and long notes still fits two pages."""
    values = {
        **TABLE.defaults,
        **{name: TABLE[name].max for name in TABLE.policy},
        **{name: TABLE[name].min for name in briefing.MAIN_ASSUMPTIONS},
        "end_year": 2050,
    }
    result = simulate_pair(values)
    assert len(briefing.flag_texts(result, "id")) >= 3
    data = pdf.pdf_bytes(
        result,
        values,
        "id",
        title="Uji",
        link=LINK,
        charts=figures.pdf_charts(result, values, "id"),
        today=DAY,
        prepared_by="Direktorat Jenderal IKMA",
        notes="Catatan panjang. " * 30,
    )
    assert len(PdfReader(io.BytesIO(data)).pages) <= 2


def test_briefing_works_with_core_fonts_only(monkeypatch):
    """Without DejaVu the PDF falls back to Latin-1 core fonts and still reads back."""
    monkeypatch.setattr(pdf, "FONT_DIRS", ())
    text = _text(PdfReader(io.BytesIO(_pdf("id"))))
    assert "Investasi dua kali lipat" in text
    assert "28 November 2026" in text


def test_briefing_prints_name_and_notes_as_a_link_carries_them():
    """Name and notes longer than a link carries, or with line breaks, are printed cut to
    the link's length on one line, as the reopened link would show them."""
    from simulator.links import TEXT_KEYS

    notes = "Baris satu.\nBaris dua. " + "x" * 400
    data = pdf.pdf_bytes(
        RESULT,
        VALUES,
        "id",
        title="Uji",
        link=LINK,
        charts=[],
        today=DAY,
        prepared_by="Direktorat " * 20,
        notes=notes,
    )
    text = " ".join(_text(PdfReader(io.BytesIO(data))).split())
    assert "Baris satu. Baris dua." in text
    assert "x" * 20 in text
    assert "x" * (TEXT_KEYS["note"] - len("Baris satu. Baris dua. ") + 1) not in text.replace(
        " ", ""
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_comparison_csv_reads_back_with_every_scenario_by_year(lang):
    """The comparison's download: a row per scenario and year with the main outputs as
    numbers in the reader's convention, the same as the model's; a saved name that a
    spreadsheet would run as a formula arrives quoted."""
    from simulator import compare
    from simulator.report import COMPARE_OUTPUTS
    from simulator.safety import is_formula_risky
    from tests.test_safety import FORMULA_NAMES

    scenarios = (
        (),
        (("investment", 5.6),),
        *((("new_units", 100.0 * (i + 1)),) for i in range(len(FORMULA_NAMES))),
    )
    batch = compare.run_batch(scenarios, 2030, TABLE)
    names = ["Skenario dasar", "Saat ini", *FORMULA_NAMES]
    data = tables.compare_csv_bytes(batch, names, lang)
    sep, decimal = (";", ",") if lang == "id" else (",", ".")
    frame = pd.read_csv(io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig")
    assert len(frame) == len(names) * len(batch.years)
    scenario_col, year_col = tr("col_scenario", lang), tr("col_year", lang)
    assert not [cell for cell in frame[scenario_col] if is_formula_risky(str(cell))]
    assert "'" + FORMULA_NAMES[0] in set(frame[scenario_col])
    for i, name in enumerate(names[:2]):
        rows = frame[frame[scenario_col] == name].set_index(year_col)
        for key in COMPARE_OUTPUTS:
            expected = batch[key][i, -1]
            tolerance = 0.5 * 10.0 ** -OUTPUTS[key].decimals
            assert rows.loc[2030, OUTPUTS[key].column(lang)] == pytest.approx(
                expected, abs=tolerance
            )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_briefing_range_is_the_one_the_analysis_tab_shows(lang):
    """The PDF's range of each main effect is the analysis tab's (the page runs the
    uncertainty analysis with its defaults), to the last shown digit."""
    page = analysis.uncertainty(VALUES, table=TABLE)  # as the analysis tab calls it
    ranges = briefing.effect_ranges(page, RESULT, lang)
    for row, name in zip(ranges.rows, MAIN, strict=True):
        low, _, high = page.bands[("effect", name)][:, -1]
        show = OUTPUTS[name].show_change
        assert (row.low, row.high) == (show(float(low), lang), show(float(high), lang))
        assert row.change == show(float(RESULT.effect(name)[0, -1]), lang)


def test_briefing_takes_the_analysis_it_is_given():
    """Given the page's analysis (here a smaller one, whose ranges differ from the default
    run's), the PDF prints that analysis's ranges and iteration count, not a run of its own."""
    given = analysis.uncertainty(VALUES, table=TABLE, draws=200, seed=7)
    own = analysis.uncertainty(VALUES, table=TABLE)
    data = pdf.pdf_bytes(
        RESULT, VALUES, "en", title="T", link=LINK, charts=[], today=DAY, uncertainty=given
    )
    text = _text(PdfReader(io.BytesIO(data)))
    ranges = briefing.effect_ranges(given, RESULT, "en")
    assert ranges.draws == 200
    assert ranges.note() in text
    for row, name in zip(ranges.rows, MAIN, strict=True):
        assert row.range("en") in text
        low, _, high = own.bands[("effect", name)][:, -1]
        show = OUTPUTS[name].show_change
        own_range = tr(
            "brief_range", "en", low=show(float(low), "en"), high=show(float(high), "en")
        )
        assert own_range != row.range("en")
