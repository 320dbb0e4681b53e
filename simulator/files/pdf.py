"""The PDF briefing's typesetter: two A4 pages (fonts, a Latin-1 fallback, the QR code, the
page pen, the layouts tried in turn) laid out from what :mod:`simulator.files.briefing`
says. :func:`pdf_bytes` is a pure function of a paired result, the scenario's values and a
language, and returns bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator import analysis
from simulator import formatting as fmt
from simulator.charts import merged_keys
from simulator.files import briefing
from simulator.files.images import png_size, printed_chart, title_parts
from simulator.i18n import tr
from simulator.links import TEXT_KEYS, clean_text
from simulator.model import Result, simulate_pair
from simulator.outputs import OUTPUTS
from simulator.params import ParameterTable, load_parameters
from simulator.report import MINUS, headlines, later_values, sentence
from simulator.safety import defang

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
QR_ERROR_LEVELS = ("m", "l")  # 15 % recovery, 7 % when the link is too long for it
QR_SCALE = 10  # image pixels per module
QR_MIN_MODULE_MM = 0.3  # smaller modules are hard for a phone camera to read in print

LIST_SEPARATOR = "; "  # between the parts of one sentence in a list


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
    captions = merged_keys([line for s in specs[:2] for line in title_parts(s)[1]], page.lang)
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
    uncertainty: analysis.Uncertainty | None = None,
) -> bytes:
    """A briefing a Director General can keep: two A4 pages.

    Page one: the scenario's name (``title``: a preset's label or a saved name; "Skenario
    kustom" when none), the date in words, who prepared it and the notes when given (cut to the
    length a link carries), the headline with changes, the model's warnings, the sentence, the
    range of the main effects from ``uncertainty`` (the page's analysis of the scenario; without
    it, the same :func:`simulator.analysis.uncertainty` runs here), what the public money buys,
    and two charts whose text is at least 8 pt in print (for a scenario that moves two or more
    instruments, the second is the waterfall of what each instrument adds to jobs, with the
    split of value added in words under it). Page two: the settings against the skenario dasar,
    the main assumptions with their sources, the data caveats, the sources, and the link with a
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
        flags=briefing.flag_texts(result, lang, simulate_pair(later_values(values), table)),
        ranges=briefing.effect_ranges(
            uncertainty or analysis.uncertainty(dict(values), table=table), result, lang
        ),
        money=LIST_SEPARATOR.join(briefing.money_lines(result, lang)).rstrip(".") + ".",
        charts=list(charts[:2]),
        settings=briefing.settings(values, lang, table),
        assumptions=briefing.main_assumptions(values, lang, table),
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
