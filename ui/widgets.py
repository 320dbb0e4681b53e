"""Small pieces several places of the page share: a chart, the model's flags, the notices,
and Markdown-safe text."""

from __future__ import annotations

import streamlit as st

from simulator import charts, safety
from simulator.i18n import tr
from simulator.model import Result
from simulator.plausibility import flags
from simulator.report import later_values, units_note
from simulator.scenario import Scenario
from ui import runs, state


def escape_md(text: str) -> str:
    """Text shown through Markdown as plain text: no character takes a Markdown or HTML
    meaning and no address becomes a live link (anything a link or a visitor supplied may
    reach it)."""
    return safety.plain_markdown(text)


def chart(spec: dict, alt_text: str) -> None:
    """A chart as the page draws it (no Streamlit theme, so exports look the same). Its
    accessible name is its title; the numbers of ``alt_text`` travel in its data, so the spec
    stays the same across lever moves and Streamlit updates the drawn chart in place."""
    st.vega_lite_chart(
        spec=charts.described(spec, alt_text), width="stretch", theme=None, alt=charts.label(spec)
    )


def plain_table(frame, linked: tuple[str, ...] = ()) -> None:
    """A static table whose headers and cells wrap (a wide table needs no sideways scroll)
    and show as plain text: st.table reads Markdown, so every header and cell is escaped;
    the ``linked`` columns (text a link carries, such as saved names) are also defanged."""
    import pandas as pd

    frame = pd.DataFrame(frame)
    shown = pd.DataFrame(
        {
            safety.escape_markdown(str(column)): [
                (escape_md if column in linked else safety.escape_markdown)(str(value))
                for value in frame[column]
            ]
            for column in frame.columns
        }
    )
    st.table(shown, hide_index=True)


def notices_view(page: state.Page, notices: list[str]) -> None:
    """Every notice in the page language, and a way to dismiss them."""
    lg = page.lang
    texts = [n.text(lg, page.table) for n in state.link_notices()] + notices
    # A link's text is shown as plain text with its addresses defanged, never as a link,
    # and a link cannot flood the page: a handful of notices, then a count.
    for text in safety.capped(texts, lg):
        st.warning(escape_md(text), icon=":material/warning:")
    if state.link_notices() or state.typed_notices():
        st.button(tr("dismiss", lg), on_click=state.dismiss_notices, type="tertiary")


def flags_view(page: state.Page, result: Result, values: dict[str, float]) -> None:
    """What the model itself questions about the result, where the eye is (above the
    headline numbers), including a capacity limit that comes after the years shown."""
    later = runs.pair(Scenario.from_mapping(later_values(values), table=page.table), page.table)
    for flag in flags(result, later=later):
        st.warning(escape_md(flag.text(page.lang)), icon=":material/report:")


def units_caption(page: state.Page, result: Result, values: dict[str, float]) -> None:
    """Why the programme's additional units working in the last year are fewer than it
    opened (under the headline cards; nothing without a programme)."""
    note = units_note(values, result, page.lang, page.table)
    if note:
        st.caption(escape_md(note))
