"""The toolbar under the title: share the link, download files, present full-screen."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import streamlit as st

from simulator import figures, session
from simulator.files import briefing
from simulator.files import builders as files
from simulator.files import tables as exports
from simulator.i18n import LANGS, tr
from simulator.links import TEXT_KEYS
from simulator.model import Result
from ui import state
from ui.components import component
from ui.downloads import deferred, warm
from ui.share import share_buttons
from ui.widgets import escape_md

_BUSY = component("ikm_download_busy", "busy")


def share_link(pairs: list[tuple[str, str]]) -> str:
    """The full URL that reopens this state (host as the browser sees it)."""
    base = st.context.url or "http://localhost:8501/"
    return base + ("?" + urlencode(pairs) if pairs else "")


def popover_when_open(
    column, label: str, icon: str, key: str, draw: Callable[..., None], *args: object
) -> None:
    """A popover whose contents are drawn only while it is open (fewer elements per rerun;
    opening or closing it reruns the page, so the contents are current when shown)."""
    box = column.popover(label, icon=icon, width="stretch", key=key, on_change="rerun")
    with box:
        if box.open:
            draw(*args)


def toolbar(
    page: state.Page, result: Result, values: dict[str, float], pairs: list[tuple[str, str]]
) -> None:
    """Share, download and present controls under the title."""
    lg = page.lang
    # One row on any screen (columns would stack on a phone and push the headline down).
    row = st.container(horizontal=True, gap="small")
    share, download, present = row, row, row
    popover_when_open(
        share,
        tr("share", lg),
        ":material/share:",
        state.SHARE_OPEN,
        share_contents,
        page,
        values,
        pairs,
    )
    popover_when_open(
        download,
        tr("downloads", lg),
        ":material/download:",
        state.DOWNLOAD_OPEN,
        downloads,
        page,
        result,
        values,
        pairs,
    )
    present.button(
        tr("present", lg),
        icon=":material/present_to_all:",
        on_click=state.set_view,
        args=(state.PRESENT,),
        width="stretch",
    )


def share_contents(
    page: state.Page, values: dict[str, float], pairs: list[tuple[str, str]]
) -> None:
    """The link that reopens this state and what differs from the baseline."""
    lg = page.lang
    st.caption(tr("share_intro", lg))
    link = share_link(pairs)
    st.code(link, language=None, wrap_lines=True)
    title = session.scenario_title(values, page.presets, page.table, lg, page.saved)
    share_buttons(link, f"{tr('app_title', lg)}: {title}", tr("share_text", lg), lg)
    st.markdown(escape_md(session.differences(values, page.table, lg)))
    if page.saved:
        st.caption(tr("share_saved", lg, n=len(page.saved)))


def downloads(
    page: state.Page, result: Result, values: dict[str, float], pairs: list[tuple[str, str]]
) -> None:
    """Download buttons; each file is built only when its button is clicked, once, in a
    worker process (ui/downloads.py)."""
    warm()
    lg, table = page.lang, page.table
    name = session.scenario_name(values, page.presets, table, lg, page.saved)
    title = briefing.scenario_title(name, lg)
    link = share_link(pairs)
    # What the CSV and the chart images say about the scenario (name, settings, link).
    about = briefing.about(values, lg, title=name, link=link, table=table)
    results_word, briefing_word = tr("file_results", lg), tr("file_briefing", lg)
    st.caption(tr("dl_intro", lg))
    # A line in the page's language while a file is being made (the briefing takes seconds).
    _BUSY(key="download_busy", data={"lang": lg, "text": tr("dl_busy", lg)}, height=0)
    st.download_button(
        tr("dl_csv", lg),
        data=deferred(exports.csv_bytes, result, lg, about),
        file_name=exports.file_name(title, results_word, "csv"),
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
    )
    st.download_button(
        tr("dl_xlsx", lg),
        data=deferred(exports.xlsx_bytes, result, values, lg, table, about),
        file_name=exports.file_name(title, results_word, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/grid_on:",
    )
    builders = figures.chart_builders(result, values, lg, state.chart_show())
    # The briefing's two optional lines; the link carries them (``by`` and ``note``). The
    # boxes have keys of their own: the popover's contents come and go, and Streamlit drops
    # a widget's state with the widget.
    st.text_input(
        tr("dl_author", lg),
        value=st.session_state.get(state.AUTHOR, ""),
        max_chars=TEXT_KEYS["by"],
        key=state.AUTHOR_BOX,
        on_change=state.copy_box,
        args=(state.AUTHOR_BOX, state.AUTHOR, "by"),
    )
    st.text_area(
        tr("dl_note", lg),
        value=st.session_state.get(state.NOTE, ""),
        max_chars=TEXT_KEYS["note"],
        key=state.NOTE_BOX,
        on_change=state.copy_box,
        args=(state.NOTE_BOX, state.NOTE, "note"),
        height=80,
    )
    author, note = st.session_state.get(state.AUTHOR, ""), st.session_state.get(state.NOTE, "")
    st.download_button(
        tr("dl_pdf", lg),
        data=deferred(
            files.briefing_pdf,
            result,
            values,
            lg,
            name,
            link,
            table,
            author,
            note,
            state.chart_show(),
        ),
        file_name=exports.file_name(title, briefing_word, "pdf"),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    # The interactive briefing names the scenario in both languages (a preset's label).
    titles = {
        code: session.scenario_name(values, page.presets, table, code, page.saved) for code in LANGS
    }
    st.download_button(
        tr("dl_html", lg),
        data=deferred(
            files.briefing_html,
            result,
            values,
            lg,
            titles,
            link,
            table,
            author,
            note,
            state.chart_show(),
        ),
        file_name=exports.file_name(title, tr("file_interactive", lg), "html"),
        mime="text/html",
        on_click="ignore",
        icon=":material/touch_app:",
    )
    chart_name = st.selectbox(
        tr("dl_chart", lg),
        options=list(builders),
        placeholder=tr("choose_option", lg),
        key=state.DOWNLOAD_CHART,
    )
    png, svg = st.columns(2)
    png.download_button(
        tr("dl_png", lg),
        data=deferred(
            files.chart_image, result, values, lg, chart_name, about, "png", state.chart_show()
        ),
        file_name=exports.file_name(title, chart_name, "png"),
        mime="image/png",
        on_click="ignore",
        icon=":material/image:",
    )
    svg.download_button(
        tr("dl_svg", lg),
        data=deferred(
            files.chart_image, result, values, lg, chart_name, about, "svg", state.chart_show()
        ),
        file_name=exports.file_name(title, chart_name, "svg"),
        mime="image/svg+xml",
        on_click="ignore",
        icon=":material/draw:",
    )
