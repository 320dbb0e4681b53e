"""Downloads that take more than one call, as top-level functions of plain data, so a worker
process can build them (the CSV and workbook builders of :mod:`simulator.files.tables` are
such functions already).

The page's download buttons name a builder with its arguments (results, values, language,
names, link, notes); ui/downloads.py sends the call to a worker process
(simulator/builds.py) and keys its cache by the arguments. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping

from simulator import charts, figures, interactive
from simulator.analysis import Uncertainty
from simulator.files import images, pdf
from simulator.files.briefing import About
from simulator.model import Result
from simulator.params import ParameterTable


def briefing_pdf(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    title: str | None,
    link: str,
    table: ParameterTable,
    prepared_by: str,
    notes: str,
    mode: str = charts.DEFAULT_MODE,
    uncertainty: Uncertainty | None = None,
) -> bytes:
    """The PDF briefing with its two charts (line charts drawing ``mode``, as on the page);
    its effect ranges from ``uncertainty``, the page's analysis of the scenario when the
    caller has it (else the same analysis runs in the builder)."""
    return pdf.pdf_bytes(
        result,
        values,
        lang,
        title=title,
        link=link,
        charts=figures.pdf_charts(result, values, lang, mode),
        table=table,
        prepared_by=prepared_by,
        notes=notes,
        uncertainty=uncertainty,
    )


def briefing_html(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    titles: Mapping[str, str | None],
    link: str,
    table: ParameterTable,
    prepared_by: str,
    notes: str,
    mode: str = charts.DEFAULT_MODE,
    uncertainty: Uncertainty | None = None,
) -> bytes:
    """The interactive briefing: one HTML file whose instruments still move offline
    (``titles``: the scenario's name in each language; line charts opening on ``mode``;
    effect ranges from ``uncertainty``, as for the PDF)."""
    return interactive.html_bytes(
        result,
        values,
        lang,
        title=titles,
        link=link,
        table=table,
        prepared_by=prepared_by,
        notes=notes,
        mode=mode,
        uncertainty=uncertainty,
    )


def chart_image(
    result: Result,
    values: Mapping[str, float],
    lang: str,
    chart: str,
    about: About,
    kind: str,
    mode: str = charts.DEFAULT_MODE,
) -> bytes:
    """The chart named ``chart`` (by its translated name) as a PNG or SVG (``kind``), a line
    chart drawing ``mode`` as on the page."""
    spec = figures.chart_builders(result, values, lang, mode)[chart]()
    if kind == "svg":
        return images.chart_svg(spec, about=about)
    return images.chart_png(spec, about=about)
